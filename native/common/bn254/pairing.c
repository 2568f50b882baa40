/* BN254 optimal ate pairing (pairing.h): multi-Miller loop, line precomputation for fixed G2
 * arguments, final exponentiation. */
#include "bn254/pairing.h"

#include "bn254/bn254_curve_tables.inc"

static const int8_t ATE[PQ_BN_ATE_NAF_LEN] = PQ_BN_ATE_NAF;

/* a line l0 + l3 w + l4 v w (tower.h's 034 form) */
typedef struct {
  pq_fp2 l0, l3, l4;
} line034;

/* T in homogeneous projective coordinates on the twist (x = X/Z, y = Y/Z) */
typedef struct {
  pq_fp2 x, y, z;
} g2_proj;

/* T = 2T; (r0, r1, r2) = the tangent's coefficients of yP, -xP and v w:
 * B = Y^2, E = 3b'Z^2, F = 3E, H = 2YZ: X3 = 2XY(B - F), Y3 = (B + F)^2 - 12E^2, Z3 = 4BH
 * (the usual formulas scaled by 4, so nothing is halved), r0 = H, r1 = 3X^2, r2 = B - E */
static void dbl_step(g2_proj *t, pq_fp2 *r0, pq_fp2 *r1, pq_fp2 *r2) {
  static const pq_fp2 B3 = PQ_BN_TWIST_3B_INIT;
  pq_fp2 a, b, c, e, f, h, j, s;
  pq_fp2_mul(&a, &t->x, &t->y);
  pq_fp2_sqr(&b, &t->y);
  pq_fp2_sqr(&c, &t->z);
  pq_fp2_mul(&e, &c, &B3);
  pq_fp2_dbl(&f, &e);
  pq_fp2_add(&f, &f, &e);
  pq_fp2_add(&h, &t->y, &t->z);
  pq_fp2_sqr(&h, &h);
  pq_fp2_sub(&h, &h, &b);
  pq_fp2_sub(&h, &h, &c); /* 2YZ */
  pq_fp2_sqr(&j, &t->x);
  pq_fp2_dbl(r1, &j);
  pq_fp2_add(r1, r1, &j);
  pq_fp2_sub(r2, &b, &e);
  *r0 = h;
  pq_fp2_sub(&s, &b, &f);
  pq_fp2_mul(&t->x, &a, &s);
  pq_fp2_dbl(&t->x, &t->x);
  pq_fp2_mul(&t->z, &b, &h);
  pq_fp2_dbl(&t->z, &t->z);
  pq_fp2_dbl(&t->z, &t->z);
  pq_fp2_add(&s, &b, &f);
  pq_fp2_sqr(&s, &s);
  pq_fp2_sqr(&e, &e);
  pq_fp2_dbl(&c, &e);
  pq_fp2_add(&c, &c, &e);
  pq_fp2_dbl(&c, &c);
  pq_fp2_dbl(&c, &c); /* 12 E^2 */
  pq_fp2_sub(&t->y, &s, &c);
}

/* The line through T and q = (xQ, yQ): theta = Y - yQ Z, L = X - xQ Z; r0 = L, r1 = theta,
 * r2 = theta xQ - L yQ. With upd, also T = T + q:
 * C = theta^2, D = L^2, E = L D, F = Z C, G = X D, H = E + F - 2G: X3 = L H,
 * Y3 = theta (G - H) - Y E, Z3 = Z E. */
static void add_step(g2_proj *t, const pq_g2_aff *q, int upd, pq_fp2 *r0, pq_fp2 *r1, pq_fp2 *r2) {
  pq_fp2 th, l, u;
  pq_fp2_mul(&th, &q->y, &t->z);
  pq_fp2_sub(&th, &t->y, &th);
  pq_fp2_mul(&l, &q->x, &t->z);
  pq_fp2_sub(&l, &t->x, &l);
  pq_fp2_mul(r2, &th, &q->x);
  pq_fp2_mul(&u, &l, &q->y);
  pq_fp2_sub(r2, r2, &u);
  *r0 = l;
  *r1 = th;
  if (!upd) return;
  pq_fp2 c, d, e, f, g, h;
  pq_fp2_sqr(&c, &th);
  pq_fp2_sqr(&d, &l);
  pq_fp2_mul(&e, &l, &d);
  pq_fp2_mul(&f, &t->z, &c);
  pq_fp2_mul(&g, &t->x, &d);
  pq_fp2_add(&h, &e, &f);
  pq_fp2_sub(&h, &h, &g);
  pq_fp2_sub(&h, &h, &g);
  pq_fp2_mul(&t->x, &l, &h);
  pq_fp2_mul(&t->z, &t->z, &e);
  pq_fp2_sub(&g, &g, &h);
  pq_fp2_mul(&g, &g, &th);
  pq_fp2_mul(&e, &e, &t->y);
  pq_fp2_sub(&t->y, &g, &e);
}

/* ---- line accumulation ---------------------------------------------------------------------- */

/* The lines of one loop step are multiplied two at a time (pq_fp12_mul_034_034, then one
 * pq_fp12_mul_01234 into f: 23 Fp2 multiplications instead of 26); f starts as 1 (is_one), which
 * the first product replaces instead of multiplying. */
typedef struct {
  pq_fp12 f;
  int is_one;
  int pending; /* a line waiting for its partner */
  line034 held;
} acc12;

static void acc_line(acc12 *a, const line034 *l) {
  if (!a->pending) {
    a->held = *l;
    a->pending = 1;
    return;
  }
  pq_fp12 s;
  pq_fp12_mul_034_034(&s, &a->held.l0, &a->held.l3, &a->held.l4, &l->l0, &l->l3, &l->l4);
  a->pending = 0;
  if (a->is_one) {
    a->f = s;
    pq_fp2_zero(&a->f.c1.c2); /* the product's c1.c2 is 0 (tower.h) */
    a->is_one = 0;
  } else {
    pq_fp12_mul_01234(&a->f, &a->f, &s);
  }
}

static void acc_flush(acc12 *a) {
  if (!a->pending) return;
  a->pending = 0;
  if (a->is_one) {
    pq_fp12_zero(&a->f);
    a->f.c0.c0 = a->held.l0;
    a->f.c1.c0 = a->held.l3;
    a->f.c1.c1 = a->held.l4;
    a->is_one = 0;
  } else {
    pq_fp12_mul_034(&a->f, &a->f, &a->held.l0, &a->held.l3, &a->held.l4);
  }
}

/* f = f (1 + l3 w + l4 v w), a fixed-argument line (its w^0 coefficient is 1): with f = a + b w and
 * L = l3 + l4 v, f (1 + L w) = (a + b L v) + (b + a L) w, two Fp6 products by a two-term L (10 Fp2
 * multiplications, against 13 for the general 034 line) */
static void acc_line34(acc12 *a, const pq_fp2 *l3, const pq_fp2 *l4) {
  if (a->is_one) {
    pq_fp12_one(&a->f);
    a->f.c1.c0 = *l3;
    a->f.c1.c1 = *l4;
    a->is_one = 0;
    return;
  }
  pq_fp6 t, u;
  pq_fp6_mul_01(&t, &a->f.c1, l3, l4);
  pq_fp6_mul_v(&t, &t);
  pq_fp6_mul_01(&u, &a->f.c0, l3, l4);
  pq_fp6_add(&a->f.c0, &a->f.c0, &t);
  pq_fp6_add(&a->f.c1, &a->f.c1, &u);
}

static void acc_sqr(acc12 *a) {
  acc_flush(a);
  if (!a->is_one) pq_fp12_sqr(&a->f, &a->f);
}

/* ---- stored lines ------------------------------------------------------------------------- */

static void load_fp(pq_fp *r, const uint8_t *p) {
  for (int i = 0; i < 4; i++) {
    uint64_t w = 0;
    for (int j = 7; j >= 0; j--) w = w << 8 | p[8 * i + j];
    r->v[i] = w;
  }
}

static void store_fp(uint8_t *p, const pq_fp *a) {
  pq_fp c;
  pq_fp_canon(&c, a);
  for (int i = 0; i < 4; i++)
    for (int j = 0; j < 8; j++) p[8 * i + j] = (uint8_t)(c.v[i] >> (8 * j));
}

/* stored (a, b) as a.c0, a.c1, b.c0, b.c1 */
static void load_line(pq_fp2 *a, pq_fp2 *b, const uint8_t *p) {
  load_fp(&a->c0, p);
  load_fp(&a->c1, p + 32);
  load_fp(&b->c0, p + 64);
  load_fp(&b->c1, p + 96);
}

int pq_bn_lines_valid(const uint8_t *lines) {
  static const pq_fp P = PQ_BN_P_INIT;
  for (size_t i = 0; i < (size_t)PQ_BN_LINES * 4; i++) {
    pq_fp v;
    load_fp(&v, lines + 32 * i);
    int lt = 0; /* v < p */
    for (int w = 3; w >= 0; w--)
      if (v.v[w] != P.v[w]) {
        lt = v.v[w] < P.v[w];
        break;
      }
    if (!lt) return 0;
  }
  return 1;
}

void pq_bn_lines_precompute(uint8_t *out, const pq_g2_aff *q) {
  /* the projective lines r0 yP + r1 (-xP) w + r2 v w, then all r0 inverted at once */
  pq_fp2 r0[PQ_BN_LINES], r1[PQ_BN_LINES], r2[PQ_BN_LINES], pre[PQ_BN_LINES], inv, t;
  pq_g2_aff nq, q1, q2;
  g2_proj T = {q->x, q->y, {PQ_BN_ONE_INIT, {{0, 0, 0, 0}}}};
  nq = *q;
  pq_fp2_neg(&nq.y, &q->y);
  size_t k = 0;
  for (int i = PQ_BN_ATE_NAF_LEN - 2; i >= 0; i--) {
    dbl_step(&T, &r0[k], &r1[k], &r2[k]);
    k++;
    if (ATE[i]) {
      add_step(&T, ATE[i] > 0 ? q : &nq, 1, &r0[k], &r1[k], &r2[k]);
      k++;
    }
  }
  pq_g2_aff_psi(&q1, q);
  pq_g2_aff_neg_psi2(&q2, q);
  add_step(&T, &q1, 1, &r0[k], &r1[k], &r2[k]);
  k++;
  add_step(&T, &q2, 0, &r0[k], &r1[k], &r2[k]);
  k++;
  /* k == PQ_BN_LINES; r0 != 0 for Q in G2 (no doubling of a point with y = 0, no addition of
   * equal x: the multiples of Q in the loop stay below r) */
  pq_fp2_one(&inv);
  for (size_t i = 0; i < k; i++) {
    pre[i] = inv;
    pq_fp2_mul(&inv, &inv, &r0[i]);
  }
  pq_fp2_inv(&inv, &inv);
  for (size_t i = k; i-- > 0;) {
    pq_fp2_mul(&t, &inv, &pre[i]); /* 1 / r0[i] */
    pq_fp2_mul(&inv, &inv, &r0[i]);
    pq_fp2_mul(&r1[i], &r1[i], &t);
    pq_fp2_mul(&r2[i], &r2[i], &t);
    uint8_t *o = out + i * PQ_BN_LINE_BYTES;
    store_fp(o, &r1[i].c0);
    store_fp(o + 32, &r1[i].c1);
    store_fp(o + 64, &r2[i].c0);
    store_fp(o + 96, &r2[i].c1);
  }
}

/* ---- the multi-Miller loop ------------------------------------------------------------------ */

void pq_bn_miller_loop(pq_fp12 *f, const pq_g1_aff *p, const pq_g2_aff *q, size_t n,
                       const pq_g1_aff *pf, const uint8_t *const *lines, size_t nf) {
  g2_proj T[PQ_BN_PAIRS_MAX];
  pq_g2_aff nq[PQ_BN_PAIRS_MAX];
  pq_fp nxp[PQ_BN_PAIRS_MAX];                     /* -xP of the variable pairs */
  pq_fp fx[PQ_BN_PAIRS_MAX], fy[PQ_BN_PAIRS_MAX]; /* -xP/yP and 1/yP of the fixed ones */
  acc12 acc;
  acc.is_one = 1;
  acc.pending = 0;
  pq_fp12_one(&acc.f);
  for (size_t j = 0; j < n; j++) {
    T[j].x = q[j].x;
    T[j].y = q[j].y;
    pq_fp2_one(&T[j].z);
    nq[j] = q[j];
    pq_fp2_neg(&nq[j].y, &q[j].y);
    pq_fp_neg(&nxp[j], &p[j].x);
  }
  if (nf) {
    /* 1/yP for all fixed pairs with one inversion (yP != 0 on G1) */
    pq_fp pre[PQ_BN_PAIRS_MAX], inv, t;
    pq_fp_from_u64(&inv, 1);
    for (size_t j = 0; j < nf; j++) {
      pre[j] = inv;
      pq_fp_mul(&inv, &inv, &pf[j].y);
    }
    pq_fp_inv(&inv, &inv);
    for (size_t j = nf; j-- > 0;) {
      pq_fp_mul(&t, &inv, &pre[j]);
      pq_fp_mul(&inv, &inv, &pf[j].y);
      fy[j] = t;
      pq_fp_mul(&fx[j], &pf[j].x, &t);
      pq_fp_neg(&fx[j], &fx[j]);
    }
  }
  pq_fp2 r0, r1, r2, a, b;
  line034 l;
  pq_fp2_one(&r0);
  size_t k = 0; /* the index into the fixed lines */
#define VAR_LINE(j)                     \
  do {                                  \
    pq_fp2_mul_fp(&l.l0, &r0, &p[j].y); \
    pq_fp2_mul_fp(&l.l3, &r1, &nxp[j]); \
    l.l4 = r2;                          \
    acc_line(&acc, &l);                 \
  } while (0)
#define FIXED_LINE(j)                                   \
  do {                                                  \
    load_line(&a, &b, lines[j] + k * PQ_BN_LINE_BYTES); \
    pq_fp2_mul_fp(&l.l3, &a, &fx[j]);                   \
    pq_fp2_mul_fp(&l.l4, &b, &fy[j]);                   \
    acc_line34(&acc, &l.l3, &l.l4);                     \
  } while (0)
  for (int i = PQ_BN_ATE_NAF_LEN - 2; i >= 0; i--) {
    acc_sqr(&acc);
    for (size_t j = 0; j < n; j++) {
      dbl_step(&T[j], &r0, &r1, &r2);
      VAR_LINE(j);
      if (ATE[i]) {
        add_step(&T[j], ATE[i] > 0 ? &q[j] : &nq[j], 1, &r0, &r1, &r2);
        VAR_LINE(j);
      }
    }
    for (size_t j = 0; j < nf; j++) FIXED_LINE(j);
    k++;
    if (ATE[i]) {
      for (size_t j = 0; j < nf; j++) FIXED_LINE(j);
      k++;
    }
  }
  /* T = [6x+2]Q: the lines to pi(Q) (T updated) and to -pi^2(Q) (the last: T not needed) */
  for (size_t j = 0; j < n; j++) {
    pq_g2_aff q1, q2;
    pq_g2_aff_psi(&q1, &q[j]);
    pq_g2_aff_neg_psi2(&q2, &q[j]);
    add_step(&T[j], &q1, 1, &r0, &r1, &r2);
    VAR_LINE(j);
    add_step(&T[j], &q2, 0, &r0, &r1, &r2);
    VAR_LINE(j);
  }
  for (size_t j = 0; j < nf; j++) FIXED_LINE(j);
  k++;
  for (size_t j = 0; j < nf; j++) FIXED_LINE(j);
#undef VAR_LINE
#undef FIXED_LINE
  acc_flush(&acc);
  *f = acc.f;
}

/* ---- final exponentiation ----------------------------------------------------------------- */

/* r = a^x (a cyclotomic), x the seed, by its width-4 NAF: a^3, a^5, a^7 precomputed, then 62
 * cyclotomic squarings and 13 multiplications (16 in all, against 23 for the plain NAF); a^-k =
 * conj(a^k) in the cyclotomic subgroup */
static void expt(pq_fp12 *r, const pq_fp12 *a) {
  static const int8_t XW[PQ_BN_X_WNAF4_LEN] = PQ_BN_X_WNAF4;
  pq_fp12 odd[4], a2, acc, t; /* odd[i] = a^(2i + 1) */
  odd[0] = *a;
  pq_fp12_cyclotomic_sqr(&a2, a);
  for (int i = 1; i < 4; i++) pq_fp12_mul(&odd[i], &odd[i - 1], &a2);
  acc = odd[XW[PQ_BN_X_WNAF4_LEN - 1] >> 1]; /* the top digit is positive */
  for (int i = PQ_BN_X_WNAF4_LEN - 2; i >= 0; i--) {
    pq_fp12_cyclotomic_sqr(&acc, &acc);
    if (XW[i] > 0) pq_fp12_mul(&acc, &acc, &odd[XW[i] >> 1]);
    if (XW[i] < 0) {
      pq_fp12_conj(&t, &odd[(-XW[i]) >> 1]);
      pq_fp12_mul(&acc, &acc, &t);
    }
  }
  *r = acc;
}

void pq_bn_final_exp_easy(pq_fp12 *r, const pq_fp12 *f) {
  pq_fp12 t, u;
  pq_fp12_inv(&t, f);
  pq_fp12_conj(&u, f);
  pq_fp12_mul(&t, &u, &t);
  pq_fp12_frobenius(&u, &t, 2);
  pq_fp12_mul(r, &u, &t);
}

void pq_bn_final_exp_hard(pq_fp12 *r, const pq_fp12 *e) {
  /* e^(l0 + l1 p + l2 p^2 + l3 p^3); e is last read before r is written, so they may alias */
  pq_fp12 t, fx, f2x, f4x, f6x, f6x2, f12x2, f12x3, l1, l2, l3, l0;
  expt(&fx, e);
  pq_fp12_cyclotomic_sqr(&f2x, &fx);
  pq_fp12_cyclotomic_sqr(&f4x, &f2x);
  pq_fp12_mul(&f6x, &f4x, &f2x);
  expt(&f6x2, &f6x);
  pq_fp12_cyclotomic_sqr(&f12x2, &f6x2);
  expt(&f12x3, &f12x2);
  pq_fp12_mul(&l1, &f12x3, &f6x2);
  pq_fp12_mul(&l1, &l1, &f4x); /* e^(12x^3 + 6x^2 + 4x) */
  pq_fp12_conj(&t, e);
  pq_fp12_mul(&l3, &l1, &t);   /* e^(l1 - 1) */
  pq_fp12_mul(&l2, &l1, &f2x); /* e^(l1 + 2x) */
  pq_fp12_mul(&l0, &l2, &f6x2);
  pq_fp12_mul(&l0, &l0, e); /* e^(l2 + 6x^2 + 1) */
  pq_fp12_frobenius(&l1, &l1, 1);
  pq_fp12_frobenius(&l2, &l2, 2);
  pq_fp12_frobenius(&l3, &l3, 3);
  pq_fp12_mul(&l0, &l0, &l1);
  pq_fp12_mul(&l0, &l0, &l2);
  pq_fp12_mul(r, &l0, &l3);
}

void pq_bn_final_exp(pq_fp12 *r, const pq_fp12 *f) {
  pq_fp12 e;
  pq_bn_final_exp_easy(&e, f);
  pq_bn_final_exp_hard(r, &e);
}

void pq_bn_pairing(pq_fp12 *r, const pq_g1_aff *p, const pq_g2_aff *q) {
  if (p->inf || q->inf) {
    pq_fp12_one(r);
    return;
  }
  pq_fp12 f;
  pq_bn_miller_loop(&f, p, q, 1, 0, 0, 0);
  pq_bn_final_exp(r, &f);
}

void pq_bn_cyclotomic_pow(pq_fp12 *r, const pq_fp12 *a, const uint32_t *e, unsigned nwords) {
  pq_fp12 acc;
  pq_fp12_one(&acc);
  int started = 0;
  for (unsigned i = 32 * nwords; i-- > 0;) {
    if (started) pq_fp12_cyclotomic_sqr(&acc, &acc);
    if ((e[i / 32] >> (i % 32)) & 1) {
      if (started)
        pq_fp12_mul(&acc, &acc, a);
      else
        acc = *a;
      started = 1;
    }
  }
  *r = acc;
}
