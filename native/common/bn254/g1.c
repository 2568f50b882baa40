/* BN254 G1 (curve.h): Jacobian arithmetic for a = 0, the EIP-196 encoding, and GLV scalar
 * multiplication. Scalars are little-endian 32-bit words, so the same code runs on wasm32 (no
 * 64x64->128 products there). */
#include "bn254/curve.h"

#include "bn254/bn254_curve_tables.inc"

static const uint32_t R_WORDS[8] = PQ_BN_R_WORDS;

/* ---- scalars -------------------------------------------------------------------------------- */

void pq_bn_scalar_from_bytes(uint32_t k[8], const uint8_t in[32]) {
  for (int i = 0; i < 8; i++)
    k[i] = (uint32_t)in[31 - 4 * i] | (uint32_t)in[30 - 4 * i] << 8 |
           (uint32_t)in[29 - 4 * i] << 16 | (uint32_t)in[28 - 4 * i] << 24;
}

/* a >= b for n-word integers */
static int geq(const uint32_t *a, const uint32_t *b, int n) {
  for (int i = n - 1; i >= 0; i--)
    if (a[i] != b[i]) return a[i] > b[i];
  return 1;
}

/* a -= b (n words), returns the borrow */
static uint32_t sub_n(uint32_t *a, const uint32_t *b, int n) {
  uint64_t br = 0;
  for (int i = 0; i < n; i++) {
    uint64_t d = (uint64_t)a[i] - b[i] - br;
    a[i] = (uint32_t)d;
    br = (d >> 32) & 1;
  }
  return (uint32_t)br;
}

int pq_bn_scalar_lt_r(const uint8_t in[32]) {
  uint32_t k[8];
  pq_bn_scalar_from_bytes(k, in);
  return !geq(k, R_WORDS, 8);
}

void pq_bn_scalar_reduce(uint32_t k[8]) {
  while (geq(k, R_WORDS, 8)) sub_n(k, R_WORDS, 8); /* at most 5 times: 2^256 < 6r */
}

/* out[0..na+nb) = a * b */
static void mul_n(uint32_t *out, const uint32_t *a, int na, const uint32_t *b, int nb) {
  for (int i = 0; i < na + nb; i++) out[i] = 0;
  for (int i = 0; i < na; i++) {
    uint64_t c = 0;
    for (int j = 0; j < nb; j++) {
      uint64_t t = (uint64_t)a[i] * b[j] + out[i + j] + c;
      out[i + j] = (uint32_t)t;
      c = t >> 32;
    }
    out[i + nb] = (uint32_t)c;
  }
}

/* acc (9 words, two's complement) += sign * a * b with a of na words, b of 4 words */
static void mac9(uint32_t acc[9], const uint32_t *a, int na, const uint32_t b[4], int negate) {
  uint32_t t[9] = {0};
  mul_n(t, a, na, b, 4); /* na + 4 <= 9 words */
  if (negate) {
    sub_n(acc, t, 9);
  } else {
    uint64_t c = 0;
    for (int i = 0; i < 9; i++) {
      c += (uint64_t)acc[i] + t[i];
      acc[i] = (uint32_t)c;
      c >>= 32;
    }
  }
}

/* magnitude (4 words) and sign of a 9-word two's complement value known to be in (-2^128, 2^128) */
static void split_sign(uint32_t mag[4], int *neg, uint32_t v[9]) {
  *neg = (int)(v[8] >> 31);
  if (*neg) {
    uint32_t z[9] = {0};
    sub_n(z, v, 9);
    for (int i = 0; i < 9; i++) v[i] = z[i];
  }
  for (int i = 0; i < 4; i++) mag[i] = v[i];
}

void pq_bn_glv_split(uint32_t k1[4], int *neg1, uint32_t k2[4], int *neg2, const uint32_t k[8]) {
  static const uint32_t A1[4] = PQ_BN_GLV_A1, MB1[4] = PQ_BN_GLV_MINUS_B1, A2[4] = PQ_BN_GLV_A2,
                        B2[4] = PQ_BN_GLV_B2, G1[5] = PQ_BN_GLV_G1, G2[5] = PQ_BN_GLV_G2;
  uint32_t t[13], c1[5], c2[5];
  /* c_i = floor(k g_i / 2^256): k g1 / 2^256 < 2^(254 + 66 - 256), k g2 / 2^256 < 2^128 */
  mul_n(t, k, 8, G1, 5);
  for (int i = 0; i < 5; i++) c1[i] = t[8 + i];
  mul_n(t, k, 8, G2, 5);
  for (int i = 0; i < 5; i++) c2[i] = t[8 + i];
  /* k1 = k - c1 a1 - c2 a2, k2 = c1 (-b1) - c2 b2 (c1, c2 fit in 4 words) */
  uint32_t v1[9] = {0}, v2[9] = {0};
  for (int i = 0; i < 8; i++) v1[i] = k[i];
  mac9(v1, c1, 4, A1, 1);
  mac9(v1, c2, 4, A2, 1);
  mac9(v2, c1, 4, MB1, 0);
  mac9(v2, c2, 4, B2, 1);
  split_sign(k1, neg1, v1);
  split_sign(k2, neg2, v2);
}

/* ---- encoding -------------------------------------------------------------------------------- */

int pq_g1_decode(pq_g1_aff *r, const uint8_t in[64]) {
  r->inf = 1;
  if (pq_fp_from_bytes(&r->x, in) | pq_fp_from_bytes(&r->y, in + 32)) return PQ_ERR_BN_COORD;
  if (pq_fp_is_zero(&r->x) && pq_fp_is_zero(&r->y)) return 0; /* (0, 0) = infinity */
  r->inf = 0;
  if (!pq_g1_on_curve(r)) {
    r->inf = 1;
    return PQ_ERR_BN_G1;
  }
  return 0;
}

void pq_g1_encode(uint8_t out[64], const pq_g1_aff *a) {
  if (a->inf) {
    for (int i = 0; i < 64; i++) out[i] = 0;
    return;
  }
  pq_fp_to_bytes(out, &a->x);
  pq_fp_to_bytes(out + 32, &a->y);
}

int pq_g1_on_curve(const pq_g1_aff *a) {
  pq_fp l, rhs, three;
  pq_fp_from_u64(&three, 3);
  pq_fp_sqr(&l, &a->y);
  pq_fp_sqr(&rhs, &a->x);
  pq_fp_mul(&rhs, &rhs, &a->x);
  pq_fp_add(&rhs, &rhs, &three);
  return pq_fp_equal(&l, &rhs);
}

/* ---- Jacobian arithmetic ----------------------------------------------------------------------- */

void pq_g1_set_inf(pq_g1_jac *r) {
  pq_fp_from_u64(&r->x, 1);
  r->y = r->x;
  for (int i = 0; i < 4; i++) r->z.v[i] = 0;
}

int pq_g1_is_inf(const pq_g1_jac *a) { return pq_fp_is_zero(&a->z); }

void pq_g1_from_aff(pq_g1_jac *r, const pq_g1_aff *a) {
  if (a->inf) {
    pq_g1_set_inf(r);
    return;
  }
  r->x = a->x;
  r->y = a->y;
  pq_fp_from_u64(&r->z, 1);
}

void pq_g1_to_aff(pq_g1_aff *r, const pq_g1_jac *a) { pq_g1_batch_to_aff(r, a, 1); }

void pq_g1_batch_to_aff(pq_g1_aff *r, const pq_g1_jac *a, size_t n) {
  /* prefix products of the non-zero Z, one inversion, then back to front */
  pq_fp pre[64], acc, inv, zi, zi2;
  pq_fp_from_u64(&acc, 1);
  for (size_t i = 0; i < n; i++) {
    pre[i] = acc;
    if (!pq_g1_is_inf(&a[i])) pq_fp_mul(&acc, &acc, &a[i].z);
  }
  pq_fp_inv(&inv, &acc);
  for (size_t i = n; i-- > 0;) {
    if (pq_g1_is_inf(&a[i])) {
      pq_fp_from_u64(&r[i].x, 0);
      r[i].y = r[i].x;
      r[i].inf = 1;
      continue;
    }
    pq_fp_mul(&zi, &inv, &pre[i]); /* 1 / Z_i */
    pq_fp_mul(&inv, &inv, &a[i].z);
    pq_fp_sqr(&zi2, &zi);
    const pq_fp y = a[i].y; /* r may alias a */
    pq_fp_mul(&r[i].x, &a[i].x, &zi2);
    pq_fp_mul(&zi2, &zi2, &zi);
    pq_fp_mul(&r[i].y, &y, &zi2);
    r[i].inf = 0;
  }
}

void pq_g1_neg(pq_g1_jac *r, const pq_g1_jac *a) {
  r->x = a->x;
  pq_fp_neg(&r->y, &a->y);
  r->z = a->z;
}

/* dbl-2009-l (a = 0): 2M + 5S */
void pq_g1_dbl(pq_g1_jac *r, const pq_g1_jac *a) {
  pq_fp A, B, C, D, E, F, t;
  pq_fp_sqr(&A, &a->x);
  pq_fp_sqr(&B, &a->y);
  pq_fp_sqr(&C, &B);
  pq_fp_add(&t, &a->x, &B);
  pq_fp_sqr(&t, &t);
  pq_fp_sub(&t, &t, &A);
  pq_fp_sub(&t, &t, &C);
  pq_fp_dbl(&D, &t); /* D = 2((X + B)^2 - A - C) = 4 X Y^2 */
  pq_fp_dbl(&E, &A);
  pq_fp_add(&E, &E, &A); /* E = 3 X^2 */
  pq_fp_sqr(&F, &E);
  pq_fp_mul(&r->z, &a->y, &a->z);
  pq_fp_dbl(&r->z, &r->z); /* Z3 = 2 Y Z (before Y is overwritten) */
  pq_fp_dbl(&t, &D);
  pq_fp_sub(&r->x, &F, &t); /* X3 = F - 2D */
  pq_fp_sub(&t, &D, &r->x);
  pq_fp_mul(&t, &E, &t);
  pq_fp_dbl(&C, &C);
  pq_fp_dbl(&C, &C);
  pq_fp_dbl(&C, &C);
  pq_fp_sub(&r->y, &t, &C); /* Y3 = E (D - X3) - 8C */
}

/* add-2007-bl: 11M + 5S; doubling and infinity handled */
void pq_g1_add(pq_g1_jac *r, const pq_g1_jac *a, const pq_g1_jac *b) {
  if (pq_g1_is_inf(a)) {
    *r = *b;
    return;
  }
  if (pq_g1_is_inf(b)) {
    *r = *a;
    return;
  }
  pq_fp z1z1, z2z2, u1, u2, s1, s2, h, i, j, rr, v, t;
  pq_fp_sqr(&z1z1, &a->z);
  pq_fp_sqr(&z2z2, &b->z);
  pq_fp_mul(&u1, &a->x, &z2z2);
  pq_fp_mul(&u2, &b->x, &z1z1);
  pq_fp_mul(&s1, &a->y, &b->z);
  pq_fp_mul(&s1, &s1, &z2z2);
  pq_fp_mul(&s2, &b->y, &a->z);
  pq_fp_mul(&s2, &s2, &z1z1);
  pq_fp_sub(&h, &u2, &u1);
  pq_fp_sub(&rr, &s2, &s1);
  if (pq_fp_is_zero(&h)) {
    if (pq_fp_is_zero(&rr))
      pq_g1_dbl(r, a);
    else
      pq_g1_set_inf(r);
    return;
  }
  pq_fp_dbl(&i, &h);
  pq_fp_sqr(&i, &i);
  pq_fp_mul(&j, &h, &i);
  pq_fp_dbl(&rr, &rr);
  pq_fp_mul(&v, &u1, &i);
  pq_fp_add(&t, &a->z, &b->z);
  pq_fp_sqr(&t, &t);
  pq_fp_sub(&t, &t, &z1z1);
  pq_fp_sub(&t, &t, &z2z2);
  pq_fp_mul(&r->z, &t, &h);
  pq_fp_sqr(&t, &rr);
  pq_fp_sub(&t, &t, &j);
  pq_fp_sub(&t, &t, &v);
  pq_fp_sub(&r->x, &t, &v); /* X3 = r^2 - J - 2V */
  pq_fp_sub(&t, &v, &r->x);
  pq_fp_mul(&t, &rr, &t);
  pq_fp_mul(&s1, &s1, &j);
  pq_fp_dbl(&s1, &s1);
  pq_fp_sub(&r->y, &t, &s1); /* Y3 = r (V - X3) - 2 S1 J */
}

/* madd-2007-bl: 7M + 4S */
void pq_g1_add_aff(pq_g1_jac *r, const pq_g1_jac *a, const pq_g1_aff *b) {
  if (b->inf) {
    *r = *a;
    return;
  }
  if (pq_g1_is_inf(a)) {
    pq_g1_from_aff(r, b);
    return;
  }
  pq_fp z1z1, u2, s2, h, hh, i, j, rr, v, t;
  pq_fp_sqr(&z1z1, &a->z);
  pq_fp_mul(&u2, &b->x, &z1z1);
  pq_fp_mul(&s2, &b->y, &a->z);
  pq_fp_mul(&s2, &s2, &z1z1);
  pq_fp_sub(&h, &u2, &a->x);
  pq_fp_sub(&rr, &s2, &a->y);
  if (pq_fp_is_zero(&h)) {
    if (pq_fp_is_zero(&rr))
      pq_g1_dbl(r, a);
    else
      pq_g1_set_inf(r);
    return;
  }
  pq_fp_sqr(&hh, &h);
  pq_fp_dbl(&i, &hh);
  pq_fp_dbl(&i, &i);
  pq_fp_mul(&j, &h, &i);
  pq_fp_dbl(&rr, &rr);
  pq_fp_mul(&v, &a->x, &i);
  pq_fp_add(&t, &a->z, &h);
  pq_fp_sqr(&t, &t);
  pq_fp_sub(&t, &t, &z1z1);
  pq_fp y1 = a->y;
  pq_fp_sub(&r->z, &t, &hh); /* Z3 = (Z1 + H)^2 - Z1Z1 - HH */
  pq_fp_sqr(&t, &rr);
  pq_fp_sub(&t, &t, &j);
  pq_fp_sub(&t, &t, &v);
  pq_fp_sub(&r->x, &t, &v);
  pq_fp_sub(&t, &v, &r->x);
  pq_fp_mul(&t, &rr, &t);
  pq_fp_mul(&y1, &y1, &j);
  pq_fp_dbl(&y1, &y1);
  pq_fp_sub(&r->y, &t, &y1);
}

int pq_g1_equal(const pq_g1_jac *a, const pq_g1_jac *b) {
  const int ia = pq_g1_is_inf(a), ib = pq_g1_is_inf(b);
  if (ia || ib) return ia && ib;
  pq_fp z1z1, z2z2, l, r;
  pq_fp_sqr(&z1z1, &a->z);
  pq_fp_sqr(&z2z2, &b->z);
  pq_fp_mul(&l, &a->x, &z2z2);
  pq_fp_mul(&r, &b->x, &z1z1);
  if (!pq_fp_equal(&l, &r)) return 0;
  pq_fp_mul(&l, &a->y, &z2z2);
  pq_fp_mul(&l, &l, &b->z);
  pq_fp_mul(&r, &b->y, &z1z1);
  pq_fp_mul(&r, &r, &a->z);
  return pq_fp_equal(&l, &r);
}

/* ---- scalar multiplication --------------------------------------------------------------------- */

#define WNAF_W 5
#define WNAF_TAB (1 << (WNAF_W - 2)) /* odd multiples 1, 3, ..., 15 */

/* width-5 NAF of a 128-bit magnitude: digits in {0, +-1, +-3, ..., +-15}, least significant first;
 * returns the length (<= 129) */
static int wnaf(int8_t d[130], const uint32_t k[4]) {
  uint32_t v[5] = {k[0], k[1], k[2], k[3], 0};
  int len = 0;
  while (v[0] | v[1] | v[2] | v[3] | v[4]) {
    int digit = 0;
    if (v[0] & 1) {
      digit = (int)(v[0] & ((1u << WNAF_W) - 1));
      if (digit >= 1 << (WNAF_W - 1)) digit -= 1 << WNAF_W;
      /* v -= digit (a negative digit adds, which can carry upward) */
      uint64_t c = (uint64_t)(uint32_t)(-digit);
      if (digit > 0) {
        uint32_t s[5] = {(uint32_t)digit, 0, 0, 0, 0};
        sub_n(v, s, 5);
      } else {
        for (int i = 0; i < 5 && c; i++) {
          c += v[i];
          v[i] = (uint32_t)c;
          c >>= 32;
        }
      }
    }
    d[len++] = (int8_t)digit;
    for (int i = 0; i < 4; i++) v[i] = v[i] >> 1 | v[i + 1] << 31;
    v[4] >>= 1;
  }
  return len;
}

void pq_g1_mul(pq_g1_jac *r, const pq_g1_aff *a, const uint32_t k[8]) {
  static const pq_fp BETA = PQ_BN_BETA_INIT;
  uint32_t kr[8], k1[4], k2[4];
  int n1, n2;
  pq_g1_set_inf(r);
  if (a->inf) return;
  for (int i = 0; i < 8; i++) kr[i] = k[i];
  pq_bn_scalar_reduce(kr);
  pq_bn_glv_split(k1, &n1, k2, &n2, kr);
  int8_t d1[130], d2[130];
  const int l1 = wnaf(d1, k1), l2 = wnaf(d2, k2);
  /* t1[i] = (2i + 1) P (sign of k1 folded in), t2[i] = phi(t1[i]) with the sign of k2 */
  pq_g1_jac t1[WNAF_TAB], t2[WNAF_TAB], p2;
  pq_g1_from_aff(&t1[0], a);
  if (n1) pq_g1_neg(&t1[0], &t1[0]);
  pq_g1_dbl(&p2, &t1[0]);
  for (int i = 1; i < WNAF_TAB; i++) pq_g1_add(&t1[i], &t1[i - 1], &p2);
  for (int i = 0; i < WNAF_TAB; i++) {
    pq_fp_mul(&t2[i].x, &t1[i].x, &BETA); /* phi(X : Y : Z) = (beta X : Y : Z) */
    t2[i].y = t1[i].y;
    t2[i].z = t1[i].z;
    if (n1 != n2) pq_fp_neg(&t2[i].y, &t2[i].y);
  }
  pq_g1_jac acc, t;
  pq_g1_set_inf(&acc);
  for (int i = (l1 > l2 ? l1 : l2) - 1; i >= 0; i--) {
    pq_g1_dbl(&acc, &acc);
    if (i < l1 && d1[i]) {
      const int dg = d1[i];
      if (dg > 0) {
        pq_g1_add(&acc, &acc, &t1[dg >> 1]);
      } else {
        pq_g1_neg(&t, &t1[(-dg) >> 1]);
        pq_g1_add(&acc, &acc, &t);
      }
    }
    if (i < l2 && d2[i]) {
      const int dg = d2[i];
      if (dg > 0) {
        pq_g1_add(&acc, &acc, &t2[dg >> 1]);
      } else {
        pq_g1_neg(&t, &t2[(-dg) >> 1]);
        pq_g1_add(&acc, &acc, &t);
      }
    }
  }
  *r = acc;
}

void pq_g1_mul_plain(pq_g1_jac *r, const pq_g1_aff *a, const uint32_t k[8]) {
  pq_g1_jac acc;
  pq_g1_set_inf(&acc);
  for (int i = 255; i >= 0; i--) {
    pq_g1_dbl(&acc, &acc);
    if ((k[i / 32] >> (i % 32)) & 1) pq_g1_add_aff(&acc, &acc, a);
  }
  *r = acc;
}
