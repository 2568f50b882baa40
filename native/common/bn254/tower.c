/* BN254 Fp6 and Fp12 (layout, bounds and the sparse line shape in tower.h). Every function
 * computes into locals first, so outputs may alias inputs. */
#include "bn254/tower.h"

/* gamma[k-1][i-1] = xi^(i (p^k - 1) / 6), Montgomery form (scripts/gen-bn254-tables.py) */
static const pq_fp2 GAMMA[3][5] = PQ_BN_FROB_GAMMA_INIT;

/* ---- Fp6 ---------------------------------------------------------------------------------- */

void pq_fp6_zero(pq_fp6 *r) {
  pq_fp2_zero(&r->c0);
  pq_fp2_zero(&r->c1);
  pq_fp2_zero(&r->c2);
}

void pq_fp6_one(pq_fp6 *r) {
  pq_fp2_one(&r->c0);
  pq_fp2_zero(&r->c1);
  pq_fp2_zero(&r->c2);
}

void pq_fp6_add(pq_fp6 *r, const pq_fp6 *a, const pq_fp6 *b) {
  pq_fp2_add(&r->c0, &a->c0, &b->c0);
  pq_fp2_add(&r->c1, &a->c1, &b->c1);
  pq_fp2_add(&r->c2, &a->c2, &b->c2);
}

void pq_fp6_sub(pq_fp6 *r, const pq_fp6 *a, const pq_fp6 *b) {
  pq_fp2_sub(&r->c0, &a->c0, &b->c0);
  pq_fp2_sub(&r->c1, &a->c1, &b->c1);
  pq_fp2_sub(&r->c2, &a->c2, &b->c2);
}

void pq_fp6_neg(pq_fp6 *r, const pq_fp6 *a) {
  pq_fp2_neg(&r->c0, &a->c0);
  pq_fp2_neg(&r->c1, &a->c1);
  pq_fp2_neg(&r->c2, &a->c2);
}

void pq_fp6_mul(pq_fp6 *r, const pq_fp6 *a, const pq_fp6 *b) {
  /* t_i = a_i b_i; c0 = t0 + xi((a1 + a2)(b1 + b2) - t1 - t2),
   * c1 = (a0 + a1)(b0 + b1) - t0 - t1 + xi t2, c2 = (a0 + a2)(b0 + b2) - t0 - t2 + t1 */
  pq_fp2 t0, t1, t2, x, y, c0, c1, c2;
  pq_fp2_mul(&t0, &a->c0, &b->c0);
  pq_fp2_mul(&t1, &a->c1, &b->c1);
  pq_fp2_mul(&t2, &a->c2, &b->c2);

  pq_fp2_add(&x, &a->c1, &a->c2);
  pq_fp2_add(&y, &b->c1, &b->c2);
  pq_fp2_mul(&c0, &x, &y);
  pq_fp2_sub(&c0, &c0, &t1);
  pq_fp2_sub(&c0, &c0, &t2);
  pq_fp2_mul_xi(&c0, &c0);
  pq_fp2_add(&c0, &c0, &t0);

  pq_fp2_add(&x, &a->c0, &a->c1);
  pq_fp2_add(&y, &b->c0, &b->c1);
  pq_fp2_mul(&c1, &x, &y);
  pq_fp2_sub(&c1, &c1, &t0);
  pq_fp2_sub(&c1, &c1, &t1);
  pq_fp2_mul_xi(&x, &t2);
  pq_fp2_add(&c1, &c1, &x);

  pq_fp2_add(&x, &a->c0, &a->c2);
  pq_fp2_add(&y, &b->c0, &b->c2);
  pq_fp2_mul(&c2, &x, &y);
  pq_fp2_sub(&c2, &c2, &t0);
  pq_fp2_sub(&c2, &c2, &t2);
  pq_fp2_add(&c2, &c2, &t1);

  r->c0 = c0;
  r->c1 = c1;
  r->c2 = c2;
}

void pq_fp6_sqr(pq_fp6 *r, const pq_fp6 *a) {
  /* Chung-Hasan SQR2: s0 = a0^2, s1 = 2 a0 a1, s2 = (a0 - a1 + a2)^2, s3 = 2 a1 a2, s4 = a2^2;
   * c0 = xi s3 + s0, c1 = xi s4 + s1, c2 = s1 + s2 + s3 - s0 - s4 (= a1^2 + 2 a0 a2) */
  pq_fp2 s0, s1, s2, s3, s4, t, c0, c1, c2;
  pq_fp2_sqr(&s0, &a->c0);
  pq_fp2_mul(&s1, &a->c0, &a->c1);
  pq_fp2_dbl(&s1, &s1);
  pq_fp2_sub(&t, &a->c0, &a->c1);
  pq_fp2_add(&t, &t, &a->c2);
  pq_fp2_sqr(&s2, &t);
  pq_fp2_mul(&s3, &a->c1, &a->c2);
  pq_fp2_dbl(&s3, &s3);
  pq_fp2_sqr(&s4, &a->c2);

  pq_fp2_mul_xi(&c0, &s3);
  pq_fp2_add(&c0, &c0, &s0);
  pq_fp2_mul_xi(&c1, &s4);
  pq_fp2_add(&c1, &c1, &s1);
  pq_fp2_add(&c2, &s1, &s2);
  pq_fp2_add(&c2, &c2, &s3);
  pq_fp2_sub(&c2, &c2, &s0);
  pq_fp2_sub(&c2, &c2, &s4);

  r->c0 = c0;
  r->c1 = c1;
  r->c2 = c2;
}

void pq_fp6_mul_v(pq_fp6 *r, const pq_fp6 *a) {
  pq_fp2 t;
  pq_fp2_mul_xi(&t, &a->c2);
  r->c2 = a->c1;
  r->c1 = a->c0;
  r->c0 = t;
}

void pq_fp6_mul_fp2(pq_fp6 *r, const pq_fp6 *a, const pq_fp2 *b) {
  pq_fp2 bb = *b;
  pq_fp2_mul(&r->c0, &a->c0, &bb);
  pq_fp2_mul(&r->c1, &a->c1, &bb);
  pq_fp2_mul(&r->c2, &a->c2, &bb);
}

void pq_fp6_mul_01(pq_fp6 *r, const pq_fp6 *a, const pq_fp2 *b0, const pq_fp2 *b1) {
  /* pq_fp6_mul with b2 = 0: c0 = t0 + xi((a1 + a2) b1 - t1), c1 = (a0 + a1)(b0 + b1) - t0 - t1,
   * c2 = (a0 + a2) b0 - t0 + t1 */
  pq_fp2 t0, t1, x, y, c0, c1, c2;
  pq_fp2_mul(&t0, &a->c0, b0);
  pq_fp2_mul(&t1, &a->c1, b1);

  pq_fp2_add(&x, &a->c1, &a->c2);
  pq_fp2_mul(&c0, &x, b1);
  pq_fp2_sub(&c0, &c0, &t1);
  pq_fp2_mul_xi(&c0, &c0);
  pq_fp2_add(&c0, &c0, &t0);

  pq_fp2_add(&x, &a->c0, &a->c1);
  pq_fp2_add(&y, b0, b1);
  pq_fp2_mul(&c1, &x, &y);
  pq_fp2_sub(&c1, &c1, &t0);
  pq_fp2_sub(&c1, &c1, &t1);

  pq_fp2_add(&x, &a->c0, &a->c2);
  pq_fp2_mul(&c2, &x, b0);
  pq_fp2_sub(&c2, &c2, &t0);
  pq_fp2_add(&c2, &c2, &t1);

  r->c0 = c0;
  r->c1 = c1;
  r->c2 = c2;
}

void pq_fp6_inv(pq_fp6 *r, const pq_fp6 *a) {
  /* A = a0^2 - xi a1 a2, B = xi a2^2 - a0 a1, C = a1^2 - a0 a2, F = a0 A + xi (a2 B + a1 C);
   * a^-1 = (A, B, C) / F */
  pq_fp2 A, B, C, F, t;
  pq_fp2_sqr(&A, &a->c0);
  pq_fp2_mul(&t, &a->c1, &a->c2);
  pq_fp2_mul_xi(&t, &t);
  pq_fp2_sub(&A, &A, &t);

  pq_fp2_sqr(&B, &a->c2);
  pq_fp2_mul_xi(&B, &B);
  pq_fp2_mul(&t, &a->c0, &a->c1);
  pq_fp2_sub(&B, &B, &t);

  pq_fp2_sqr(&C, &a->c1);
  pq_fp2_mul(&t, &a->c0, &a->c2);
  pq_fp2_sub(&C, &C, &t);

  pq_fp2_mul(&F, &a->c2, &B);
  pq_fp2_mul(&t, &a->c1, &C);
  pq_fp2_add(&F, &F, &t);
  pq_fp2_mul_xi(&F, &F);
  pq_fp2_mul(&t, &a->c0, &A);
  pq_fp2_add(&F, &F, &t);
  pq_fp2_inv(&F, &F);

  pq_fp2_mul(&r->c0, &A, &F);
  pq_fp2_mul(&r->c1, &B, &F);
  pq_fp2_mul(&r->c2, &C, &F);
}

/* c^(p^k) * gamma_k,i for k = 1, 2, 3 (k = 2: conj^2 = id, gamma real: two Fp products) */
static void frob_coef(pq_fp2 *r, const pq_fp2 *c, unsigned k, unsigned i) {
  const pq_fp2 *g = &GAMMA[k - 1][i - 1];
  if (k == 2) {
    pq_fp2_mul_fp(r, c, &g->c0);
  } else {
    pq_fp2 t;
    pq_fp2_conj(&t, c);
    pq_fp2_mul(r, &t, g);
  }
}

/* one step of Fp6 Frobenius, k in 1..3 */
static void fp6_frob_step(pq_fp6 *r, const pq_fp6 *a, unsigned k) {
  /* a0 + a1 w^2 + a2 w^4 */
  if (k & 1)
    pq_fp2_conj(&r->c0, &a->c0);
  else
    r->c0 = a->c0;
  frob_coef(&r->c1, &a->c1, k, 2);
  frob_coef(&r->c2, &a->c2, k, 4);
}

void pq_fp6_frobenius(pq_fp6 *r, const pq_fp6 *a, unsigned k) {
  k %= 6;
  *r = *a;
  while (k) { /* public exponent: at most 2 steps */
    unsigned s = k > 3 ? 3 : k;
    fp6_frob_step(r, r, s);
    k -= s;
  }
}

int pq_fp6_is_zero(const pq_fp6 *a) {
  return pq_fp2_is_zero(&a->c0) & pq_fp2_is_zero(&a->c1) & pq_fp2_is_zero(&a->c2);
}

int pq_fp6_equal(const pq_fp6 *a, const pq_fp6 *b) {
  return pq_fp2_equal(&a->c0, &b->c0) & pq_fp2_equal(&a->c1, &b->c1) & pq_fp2_equal(&a->c2, &b->c2);
}

/* ---- Fp12 --------------------------------------------------------------------------------- */

void pq_fp12_zero(pq_fp12 *r) {
  pq_fp6_zero(&r->c0);
  pq_fp6_zero(&r->c1);
}

void pq_fp12_one(pq_fp12 *r) {
  pq_fp6_one(&r->c0);
  pq_fp6_zero(&r->c1);
}

void pq_fp12_add(pq_fp12 *r, const pq_fp12 *a, const pq_fp12 *b) {
  pq_fp6_add(&r->c0, &a->c0, &b->c0);
  pq_fp6_add(&r->c1, &a->c1, &b->c1);
}

void pq_fp12_sub(pq_fp12 *r, const pq_fp12 *a, const pq_fp12 *b) {
  pq_fp6_sub(&r->c0, &a->c0, &b->c0);
  pq_fp6_sub(&r->c1, &a->c1, &b->c1);
}

void pq_fp12_mul(pq_fp12 *r, const pq_fp12 *a, const pq_fp12 *b) {
  /* t0 = a0 b0, t1 = a1 b1; c0 = t0 + v t1, c1 = (a0 + a1)(b0 + b1) - t0 - t1 */
  pq_fp6 t0, t1, x, y, c1;
  pq_fp6_mul(&t0, &a->c0, &b->c0);
  pq_fp6_mul(&t1, &a->c1, &b->c1);
  pq_fp6_add(&x, &a->c0, &a->c1);
  pq_fp6_add(&y, &b->c0, &b->c1);
  pq_fp6_mul(&c1, &x, &y);
  pq_fp6_sub(&c1, &c1, &t0);
  pq_fp6_sub(&r->c1, &c1, &t1);
  pq_fp6_mul_v(&t1, &t1);
  pq_fp6_add(&r->c0, &t0, &t1);
}

void pq_fp12_sqr(pq_fp12 *r, const pq_fp12 *a) {
  /* t = a0 a1; c0 = (a0 + a1)(a0 + v a1) - t - v t, c1 = 2t */
  pq_fp6 t, vt, x, y;
  pq_fp6_mul(&t, &a->c0, &a->c1);
  pq_fp6_add(&x, &a->c0, &a->c1);
  pq_fp6_mul_v(&y, &a->c1);
  pq_fp6_add(&y, &y, &a->c0);
  pq_fp6_mul(&x, &x, &y);
  pq_fp6_mul_v(&vt, &t);
  pq_fp6_sub(&x, &x, &t);
  pq_fp6_sub(&r->c0, &x, &vt);
  pq_fp6_add(&r->c1, &t, &t);
}

/* (a + b s)^2 in Fp4 = Fp2[s]/(s^2 - xi): first = a^2 + xi b^2, second = 2ab */
static void fp4_sqr(pq_fp2 *first, pq_fp2 *second, const pq_fp2 *a, const pq_fp2 *b) {
  pq_fp2 a2, b2, s;
  pq_fp2_sqr(&a2, a);
  pq_fp2_sqr(&b2, b);
  pq_fp2_add(&s, a, b);
  pq_fp2_sqr(&s, &s);
  pq_fp2_sub(&s, &s, &a2);
  pq_fp2_sub(second, &s, &b2);
  pq_fp2_mul_xi(&b2, &b2);
  pq_fp2_add(first, &b2, &a2);
}

/* r = 3t - 2g (sign -1) or 3t + 2g (sign +1) */
static void gs_combine(pq_fp2 *r, const pq_fp2 *t, const pq_fp2 *g, int plus) {
  pq_fp2 x;
  if (plus)
    pq_fp2_add(&x, t, g);
  else
    pq_fp2_sub(&x, t, g);
  pq_fp2_dbl(&x, &x);
  pq_fp2_add(r, &x, t);
}

void pq_fp12_cyclotomic_sqr(pq_fp12 *r, const pq_fp12 *a) {
  /* Granger-Scott: the cyclotomic element as three Fp4 = Fp2[w^3] pairs (g0, g3), (g1, g4),
   * (g2, g5) (w^6 = xi); squares in Fp4 give every new coefficient as 3 t -/+ 2 g. */
  pq_fp2 t3, t4, t5, t6, t7, t8;
  fp4_sqr(&t3, &t4, &a->c0.c0, &a->c1.c1); /* g0, g3 */
  fp4_sqr(&t5, &t6, &a->c1.c0, &a->c0.c2); /* g1, g4 */
  fp4_sqr(&t7, &t8, &a->c0.c1, &a->c1.c2); /* g2, g5 */
  pq_fp2_mul_xi(&t8, &t8);
  pq_fp12 o;
  gs_combine(&o.c0.c0, &t3, &a->c0.c0, 0);
  gs_combine(&o.c0.c1, &t5, &a->c0.c1, 0);
  gs_combine(&o.c0.c2, &t7, &a->c0.c2, 0);
  gs_combine(&o.c1.c0, &t8, &a->c1.c0, 1);
  gs_combine(&o.c1.c1, &t4, &a->c1.c1, 1);
  gs_combine(&o.c1.c2, &t6, &a->c1.c2, 1);
  *r = o;
}

void pq_fp12_conj(pq_fp12 *r, const pq_fp12 *a) {
  r->c0 = a->c0;
  pq_fp6_neg(&r->c1, &a->c1);
}

void pq_fp12_inv(pq_fp12 *r, const pq_fp12 *a) {
  /* (c0 - c1 w) / (c0^2 - v c1^2) */
  pq_fp6 t0, t1;
  pq_fp6_sqr(&t0, &a->c0);
  pq_fp6_sqr(&t1, &a->c1);
  pq_fp6_mul_v(&t1, &t1);
  pq_fp6_sub(&t0, &t0, &t1);
  pq_fp6_inv(&t0, &t0);
  pq_fp6_mul(&r->c0, &a->c0, &t0);
  pq_fp6_mul(&t1, &a->c1, &t0);
  pq_fp6_neg(&r->c1, &t1);
}

/* one step of Fp12 Frobenius, k in 1..3: g_i w^i -> conj^k(g_i) gamma_k,i w^i */
static void fp12_frob_step(pq_fp12 *r, const pq_fp12 *a, unsigned k) {
  fp6_frob_step(&r->c0, &a->c0, k); /* w^0, w^2, w^4 */
  frob_coef(&r->c1.c0, &a->c1.c0, k, 1);
  frob_coef(&r->c1.c1, &a->c1.c1, k, 3);
  frob_coef(&r->c1.c2, &a->c1.c2, k, 5);
}

void pq_fp12_frobenius(pq_fp12 *r, const pq_fp12 *a, unsigned k) {
  k %= 12;
  *r = *a;
  if (k >= 6) { /* w^(p^6) = -w and Fp6 is fixed: the 6th power is the conjugation */
    pq_fp12_conj(r, r);
    k -= 6;
  }
  while (k) { /* public exponent: at most 2 steps */
    unsigned s = k > 3 ? 3 : k;
    fp12_frob_step(r, r, s);
    k -= s;
  }
}

void pq_fp12_mul_034(pq_fp12 *r, const pq_fp12 *f, const pq_fp2 *l0, const pq_fp2 *l3,
                     const pq_fp2 *l4) {
  /* f = a + b w, line = L0 + L1 w with L0 = (l0, 0, 0), L1 = (l3, l4, 0):
   * c0 = a L0 + v (b L1), c1 = (a + b)(L0 + L1) - a L0 - b L1, L0 + L1 = (l0 + l3, l4, 0) */
  pq_fp6 t0, t1, s;
  pq_fp2 l03, l4c = *l4;
  pq_fp2_add(&l03, l0, l3);
  pq_fp6_mul_fp2(&t0, &f->c0, l0);
  pq_fp6_mul_01(&t1, &f->c1, l3, &l4c);
  pq_fp6_add(&s, &f->c0, &f->c1);
  pq_fp6_mul_01(&s, &s, &l03, &l4c);
  pq_fp6_sub(&s, &s, &t0);
  pq_fp6_sub(&r->c1, &s, &t1);
  pq_fp6_mul_v(&t1, &t1);
  pq_fp6_add(&r->c0, &t0, &t1);
}

void pq_fp12_mul_034_034(pq_fp12 *r, const pq_fp2 *l0, const pq_fp2 *l3, const pq_fp2 *l4,
                         const pq_fp2 *m0, const pq_fp2 *m3, const pq_fp2 *m4) {
  /* (l0 + l3 w + l4 w^3)(m0 + m3 w + m4 w^3) with w^6 = xi:
   *   w^0: l0 m0 + xi l4 m4    w^1: l0 m3 + l3 m0    w^2: l3 m3
   *   w^3: l0 m4 + l4 m0       w^4: l3 m4 + l4 m3    w^5: 0
   * the cross sums by Karatsuba from the three diagonal products */
  pq_fp2 d0, d3, d4, x, y, g0, g1, g2, g3, g4;
  pq_fp2_mul(&d0, l0, m0);
  pq_fp2_mul(&d3, l3, m3);
  pq_fp2_mul(&d4, l4, m4);
  pq_fp2_mul_xi(&g0, &d4);
  pq_fp2_add(&g0, &g0, &d0);
  pq_fp2_add(&x, l0, l3);
  pq_fp2_add(&y, m0, m3);
  pq_fp2_mul(&g1, &x, &y);
  pq_fp2_sub(&g1, &g1, &d0);
  pq_fp2_sub(&g1, &g1, &d3);
  g2 = d3;
  pq_fp2_add(&x, l0, l4);
  pq_fp2_add(&y, m0, m4);
  pq_fp2_mul(&g3, &x, &y);
  pq_fp2_sub(&g3, &g3, &d0);
  pq_fp2_sub(&g3, &g3, &d4);
  pq_fp2_add(&x, l3, l4);
  pq_fp2_add(&y, m3, m4);
  pq_fp2_mul(&g4, &x, &y);
  pq_fp2_sub(&g4, &g4, &d3);
  pq_fp2_sub(&g4, &g4, &d4);
  /* g0 -> c0.c0, g2 -> c0.c1, g4 -> c0.c2, g1 -> c1.c0, g3 -> c1.c1 */
  r->c0.c0 = g0;
  r->c0.c1 = g2;
  r->c0.c2 = g4;
  r->c1.c0 = g1;
  r->c1.c1 = g3;
  pq_fp2_zero(&r->c1.c2);
}

void pq_fp12_mul_01234(pq_fp12 *r, const pq_fp12 *f, const pq_fp12 *s) {
  /* s = S0 + S1 w with S1 = (s10, s11, 0): Karatsuba over Fp6 with one sparse product */
  pq_fp6 t0, t1, x, y;
  pq_fp6_mul(&t0, &f->c0, &s->c0);
  pq_fp6_mul_01(&t1, &f->c1, &s->c1.c0, &s->c1.c1);
  pq_fp6_add(&x, &f->c0, &f->c1);
  y = s->c0;
  pq_fp2_add(&y.c0, &y.c0, &s->c1.c0);
  pq_fp2_add(&y.c1, &y.c1, &s->c1.c1);
  pq_fp6_mul(&x, &x, &y);
  pq_fp6_sub(&x, &x, &t0);
  pq_fp6_sub(&r->c1, &x, &t1);
  pq_fp6_mul_v(&t1, &t1);
  pq_fp6_add(&r->c0, &t0, &t1);
}

int pq_fp12_is_one(const pq_fp12 *a) {
  pq_fp12 one;
  pq_fp12_one(&one);
  return pq_fp12_equal(a, &one);
}

int pq_fp12_equal(const pq_fp12 *a, const pq_fp12 *b) {
  return pq_fp6_equal(&a->c0, &b->c0) & pq_fp6_equal(&a->c1, &b->c1);
}
