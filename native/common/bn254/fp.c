/* BN254 Fp: additive operations, conversions, encoding, inversion (bounds in fp.h). Plain 64-bit
 * words with explicit carries (no __int128: the same code runs on wasm32). */
#include "bn254/fp.h"

#include <stdint.h>

static const pq_fp FP_P = PQ_BN_P_INIT;
static const pq_fp FP_2P = PQ_BN_2P_INIT;

/* r = a + b, returns the carry out */
static inline uint64_t add4(uint64_t r[4], const uint64_t a[4], const uint64_t b[4]) {
  uint64_t c = 0;
  for (int i = 0; i < 4; i++) {
    uint64_t s = a[i] + c;
    c = s < c;
    r[i] = s + b[i];
    c += r[i] < s;
  }
  return c;
}

/* r = a - b, returns the borrow out */
static inline uint64_t sub4(uint64_t r[4], const uint64_t a[4], const uint64_t b[4]) {
  uint64_t br = 0;
  for (int i = 0; i < 4; i++) {
    uint64_t d = a[i] - b[i];
    uint64_t b1 = a[i] < b[i];
    r[i] = d - br;
    br = b1 | (d < br);
  }
  return br;
}

/* r = mask ? a : b (mask all ones or zero) */
static inline void sel4(uint64_t r[4], const uint64_t a[4], const uint64_t b[4], uint64_t mask) {
  for (int i = 0; i < 4; i++) r[i] = (a[i] & mask) | (b[i] & ~mask);
}

void pq_fp_add(pq_fp *r, const pq_fp *a, const pq_fp *b) {
  uint64_t s[4], d[4];
  add4(s, a->v, b->v); /* < 4p < 2^256 */
  uint64_t br = sub4(d, s, FP_2P.v);
  sel4(r->v, s, d, (uint64_t)0 - br);
}

void pq_fp_sub(pq_fp *r, const pq_fp *a, const pq_fp *b) {
  uint64_t d[4], m[4];
  uint64_t br = sub4(d, a->v, b->v);
  uint64_t mask = (uint64_t)0 - br;
  for (int i = 0; i < 4; i++) m[i] = FP_2P.v[i] & mask;
  add4(r->v, d, m); /* wraps back into [0, 2p) when a < b */
}

void pq_fp_neg(pq_fp *r, const pq_fp *a) {
  static const pq_fp zero = {{0, 0, 0, 0}};
  pq_fp_sub(r, &zero, a);
}

void pq_fp_neg_2p(pq_fp *r, const pq_fp *a) { sub4(r->v, FP_2P.v, a->v); }

void pq_fp_dbl(pq_fp *r, const pq_fp *a) { pq_fp_add(r, a, a); }

void pq_fp_mul9(pq_fp *r, const pq_fp *a) {
  pq_fp t;
  pq_fp_dbl(&t, a);
  pq_fp_dbl(&t, &t);
  pq_fp_dbl(&t, &t);
  pq_fp_add(r, &t, a);
}

void pq_fp_canon(pq_fp *r, const pq_fp *a) {
  uint64_t d[4];
  uint64_t br = sub4(d, a->v, FP_P.v);
  sel4(r->v, a->v, d, (uint64_t)0 - br);
}

void pq_fp_to_mont(pq_fp *r, const pq_fp *a) {
  static const pq_fp r2 = PQ_BN_R2_INIT; /* < p, so a * R^2 < p * 2^256 for any a < 2^256 */
  pq_fp_mul(r, a, &r2);
}

void pq_fp_from_mont(pq_fp *r, const pq_fp *a) {
  static const pq_fp one = {{1, 0, 0, 0}};
  pq_fp t;
  pq_fp_mul(&t, a, &one); /* (a + M p) / 2^256 <= p */
  pq_fp_canon(r, &t);
}

void pq_fp_from_u64(pq_fp *r, uint64_t x) {
  pq_fp t = {{x, 0, 0, 0}};
  pq_fp_to_mont(r, &t);
}

static void load_be(pq_fp *r, const uint8_t in[32]) {
  for (int i = 0; i < 4; i++) {
    uint64_t w = 0;
    for (int j = 0; j < 8; j++) w = w << 8 | in[8 * (3 - i) + j];
    r->v[i] = w;
  }
}

int pq_fp_from_bytes(pq_fp *r, const uint8_t in[32]) {
  pq_fp x;
  uint64_t d[4];
  load_be(&x, in);
  if (!sub4(d, x.v, FP_P.v)) { /* x >= p (public data: a branch is fine) */
    for (int i = 0; i < 4; i++) r->v[i] = 0;
    return -1;
  }
  pq_fp_to_mont(r, &x);
  return 0;
}

void pq_fp_from_bytes_reduce(pq_fp *r, const uint8_t in[32]) {
  pq_fp x;
  load_be(&x, in);
  pq_fp_to_mont(r, &x);
}

void pq_fp_to_bytes(uint8_t out[32], const pq_fp *a) {
  pq_fp x;
  pq_fp_from_mont(&x, a);
  for (int i = 0; i < 4; i++)
    for (int j = 0; j < 8; j++) out[8 * (3 - i) + j] = (uint8_t)(x.v[i] >> (56 - 8 * j));
}

int pq_fp_is_zero(const pq_fp *a) {
  pq_fp c;
  pq_fp_canon(&c, a);
  uint64_t z = c.v[0] | c.v[1] | c.v[2] | c.v[3];
  return (int)(((z | ((uint64_t)0 - z)) >> 63) ^ 1);
}

int pq_fp_equal(const pq_fp *a, const pq_fp *b) {
  pq_fp x, y;
  pq_fp_canon(&x, a);
  pq_fp_canon(&y, b);
  uint64_t z = 0;
  for (int i = 0; i < 4; i++) z |= x.v[i] ^ y.v[i];
  return (int)(((z | ((uint64_t)0 - z)) >> 63) ^ 1);
}

void pq_fp_select(pq_fp *r, const pq_fp *a, const pq_fp *b, int c) {
  sel4(r->v, a->v, b->v, (uint64_t)0 - (uint64_t)(c & 1));
}

void pq_fp_pow(pq_fp *r, const pq_fp *a, const uint64_t e[4]) {
  /* fixed 4-bit window: 14 products of precomputation, then 4 squarings and at most one product
   * per nibble */
  pq_fp tab[16], acc = PQ_BN_ONE_INIT;
  tab[0] = acc;
  tab[1] = *a;
  for (int i = 2; i < 16; i++) pq_fp_mul(&tab[i], &tab[i - 1], a);
  int started = 0;
  for (int i = 63; i >= 0; i--) {
    unsigned nib = (unsigned)(e[i / 16] >> (4 * (i % 16))) & 15;
    if (started) {
      for (int k = 0; k < 4; k++) pq_fp_sqr(&acc, &acc);
    }
    if (nib) {
      if (started)
        pq_fp_mul(&acc, &acc, &tab[nib]);
      else
        acc = tab[nib];
      started = 1;
    }
  }
  *r = acc;
}

void pq_fp_inv(pq_fp *r, const pq_fp *a) {
  static const pq_fp pm2 = PQ_BN_P_MINUS_2_INIT;
  pq_fp_pow(r, a, pm2.v);
}
