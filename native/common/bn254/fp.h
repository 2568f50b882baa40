/* BN254 base field Fp: the operations around the Montgomery kernels (bn254/kernels_bn254.h).
 *
 * pq_fp (bn254_types.h): 4 little-endian 64-bit words, Montgomery form a*R mod p with R = 2^256.
 * "Lazy" below means in [0, 2p): every operation here takes lazy inputs and returns lazy outputs
 * unless it says otherwise; canonical [0, p) representatives appear only at encoding and in
 * comparisons. Two representatives of one field element may differ by p, so compare with
 * pq_fp_equal, never with memcmp. Every output may be the same object as an input.
 * Constant time except pq_fp_inv/pq_fp_pow (exponent public; BN254 inputs are public anyway). */
#ifndef PQ_BN254_FP_H
#define PQ_BN254_FP_H
#include <stdint.h>

#include "bn254/bn254_tables.inc" /* PQ_BN_*_INIT: initializers of the constants */
#include "bn254/bn254_types.h"
#include "bn254/kernels_bn254.h" /* pq_fp_mul, pq_fp_sqr, pq_fp_sop2 */

/* ---- additive operations, inline (they are a large share of the tower's work) ---- */
#if defined(__SIZEOF_INT128__) && !defined(__wasm__)
/* r = a + b + c (c in {0, 1}), returns the carry */
static inline uint64_t pq_bn_adc(uint64_t *r, uint64_t a, uint64_t b, uint64_t c) {
  unsigned __int128 s = (unsigned __int128)a + b + c;
  *r = (uint64_t)s;
  return (uint64_t)(s >> 64);
}
/* r = a - b - c (c in {0, 1}), returns the borrow */
static inline uint64_t pq_bn_sbb(uint64_t *r, uint64_t a, uint64_t b, uint64_t c) {
  unsigned __int128 d = (unsigned __int128)a - b - c;
  *r = (uint64_t)d;
  return (uint64_t)(d >> 64) & 1;
}
#else /* wasm32: 64-bit adds with the carries compared out */
static inline uint64_t pq_bn_adc(uint64_t *r, uint64_t a, uint64_t b, uint64_t c) {
  uint64_t s = a + b;
  uint64_t c1 = s < a;
  *r = s + c;
  return c1 | (*r < s);
}
static inline uint64_t pq_bn_sbb(uint64_t *r, uint64_t a, uint64_t b, uint64_t c) {
  uint64_t d = a - b;
  uint64_t b1 = a < b;
  *r = d - c;
  return b1 | (d < c);
}
#endif

/* r = a - m (the 4-word constant m) when a >= m, else a: no branch */
static inline void pq_bn_csub(uint64_t r[4], const uint64_t a[4], const uint64_t m[4]) {
  uint64_t d[4], br = 0;
  for (int i = 0; i < 4; i++) br = pq_bn_sbb(&d[i], a[i], m[i], br);
  uint64_t keep = (uint64_t)0 - br; /* all ones: a < m */
  for (int i = 0; i < 4; i++) r[i] = (a[i] & keep) | (d[i] & ~keep);
}

/* r = a + b, a, b < 2p: r < 2p (2p subtracted when a + b >= 2p) */
static inline void pq_fp_add(pq_fp *r, const pq_fp *a, const pq_fp *b) {
  static const pq_fp twop = PQ_BN_2P_INIT;
  uint64_t s[4], c = 0;
  for (int i = 0; i < 4; i++) c = pq_bn_adc(&s[i], a->v[i], b->v[i], c); /* < 4p < 2^256 */
  pq_bn_csub(r->v, s, twop.v);
}
/* r = a - b, a, b < 2p: r < 2p (2p added when a < b) */
static inline void pq_fp_sub(pq_fp *r, const pq_fp *a, const pq_fp *b) {
  static const pq_fp twop = PQ_BN_2P_INIT;
  uint64_t d[4], br = 0, c = 0;
  for (int i = 0; i < 4; i++) br = pq_bn_sbb(&d[i], a->v[i], b->v[i], br);
  uint64_t mask = (uint64_t)0 - br;
  for (int i = 0; i < 4; i++) c = pq_bn_adc(&r->v[i], d[i], twop.v[i] & mask, c);
}
/* r = -a, a < 2p: r < 2p (2p - a, and 0 for a = 0) */
static inline void pq_fp_neg(pq_fp *r, const pq_fp *a) {
  static const pq_fp zero = {{0, 0, 0, 0}};
  pq_fp_sub(r, &zero, a);
}
/* r = 2a, a < 2p: r < 2p */
static inline void pq_fp_dbl(pq_fp *r, const pq_fp *a) { pq_fp_add(r, a, a); }
/* r = 2p - a, a <= 2p: r in [0, 2p] (not reduced: 2p for a = 0). The negated operand of a sum of
 * products (pq_fp_sop2 accepts operands <= 2p), one subtraction cheaper than pq_fp_neg. */
static inline void pq_fp_neg_2p(pq_fp *r, const pq_fp *a) {
  static const pq_fp twop = PQ_BN_2P_INIT;
  uint64_t br = 0;
  for (int i = 0; i < 4; i++) br = pq_bn_sbb(&r->v[i], twop.v[i], a->v[i], br);
}
/* r = a mod p in [0, p), a < 2p (same element, its canonical representative) */
static inline void pq_fp_canon(pq_fp *r, const pq_fp *a) {
  static const pq_fp p = PQ_BN_P_INIT;
  pq_bn_csub(r->v, a->v, p.v);
}
/* r = 9a (the real part of xi = 9 + u), a < 2p: r < 2p (three doublings and an addition) */
static inline void pq_fp_mul9(pq_fp *r, const pq_fp *a) {
  pq_fp t;
  pq_fp_dbl(&t, a);
  pq_fp_dbl(&t, &t);
  pq_fp_dbl(&t, &t);
  pq_fp_add(r, &t, a);
}
/* r = a when c = 1, b when c = 0 (c in {0, 1}) */
static inline void pq_fp_select(pq_fp *r, const pq_fp *a, const pq_fp *b, int c) {
  uint64_t mask = (uint64_t)0 - (uint64_t)(c & 1);
  for (int i = 0; i < 4; i++) r->v[i] = (a->v[i] & mask) | (b->v[i] & ~mask);
}

/* r = the Montgomery form of the integer a, any a < 2^256 (so a mod p): r < 2p */
void pq_fp_to_mont(pq_fp *r, const pq_fp *a);
/* r = the plain integer of the element a (lazy): r < p */
void pq_fp_from_mont(pq_fp *r, const pq_fp *a);
/* r = the Montgomery form of the small integer x: r < 2p */
void pq_fp_from_u64(pq_fp *r, uint64_t x);
/* 32-byte big-endian integer -> Montgomery form (r < 2p). Returns 0, or -1 when the integer is
 * >= p (r is then set to 0). */
int pq_fp_from_bytes(pq_fp *r, const uint8_t in[32]);
/* 32-byte big-endian integer, any value < 2^256, reduced mod p -> Montgomery form (r < 2p) */
void pq_fp_from_bytes_reduce(pq_fp *r, const uint8_t in[32]);
/* the canonical integer of a (lazy), 32 bytes big-endian */
void pq_fp_to_bytes(uint8_t out[32], const pq_fp *a);
/* 1 if a = 0 in Fp (a lazy: 0 or p), else 0 */
int pq_fp_is_zero(const pq_fp *a);
/* 1 if a = b in Fp (both lazy), else 0 */
int pq_fp_equal(const pq_fp *a, const pq_fp *b);
/* r = a^e, e a plain 256-bit exponent (public: branches on its bits), a < 2p: r < 2p */
void pq_fp_pow(pq_fp *r, const pq_fp *a, const uint64_t e[4]);
/* r = a^-1 (a^(p-2), Fermat), a < 2p; 0 for a = 0: r < 2p. Variable time in nothing secret. */
void pq_fp_inv(pq_fp *r, const pq_fp *a);

#endif
