/* BN254 base field Fp: the operations around the Montgomery kernels (bn254/kernels_bn254.h).
 *
 * pq_fp (bn254_types.h): 4 little-endian 64-bit words, Montgomery form a*R mod p with R = 2^256.
 * "Lazy" below means in [0, 2p): every operation here takes lazy inputs and returns lazy outputs
 * unless it says otherwise; canonical [0, p) representatives appear only at encoding and in
 * comparisons. Two representatives of one field element may differ by p, so compare with
 * pq_fp_equal, never with memcmp. Every output may be the same object as an input.
 * Constant time except pq_fp_inv (divsteps) and pq_fp_pow (exponent public): BN254 inputs are
 * public anyway. */
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
#if defined(__x86_64__) && defined(__GNUC__)
  uint64_t d0 = a[0], d1 = a[1], d2 = a[2], d3 = a[3], s0 = d0, s1 = d1, s2 = d2, s3 = d3;
  __asm__(
      "subq %[m0], %[d0]\n\tsbbq %[m1], %[d1]\n\tsbbq %[m2], %[d2]\n\tsbbq %[m3], %[d3]\n\t"
      "cmovcq %[s0], %[d0]\n\tcmovcq %[s1], %[d1]\n\tcmovcq %[s2], %[d2]\n\t"
      "cmovcq %[s3], %[d3]" /* borrow: a < m, keep a */
      : [d0] "+&r"(d0), [d1] "+&r"(d1), [d2] "+&r"(d2), [d3] "+&r"(d3)
      : [s0] "r"(s0), [s1] "r"(s1), [s2] "r"(s2), [s3] "r"(s3), [m0] "m"(m[0]), [m1] "m"(m[1]),
        [m2] "m"(m[2]), [m3] "m"(m[3])
      : "cc");
  r[0] = d0, r[1] = d1, r[2] = d2, r[3] = d3;
#else
  uint64_t d0, d1, d2, d3, br;
  br = pq_bn_sbb(&d0, a[0], m[0], 0);
  br = pq_bn_sbb(&d1, a[1], m[1], br);
  br = pq_bn_sbb(&d2, a[2], m[2], br);
  br = pq_bn_sbb(&d3, a[3], m[3], br);
  uint64_t keep = (uint64_t)0 - br; /* all ones: a < m */
  r[0] = (a[0] & keep) | (d0 & ~keep);
  r[1] = (a[1] & keep) | (d1 & ~keep);
  r[2] = (a[2] & keep) | (d2 & ~keep);
  r[3] = (a[3] & keep) | (d3 & ~keep);
#endif
}

/* The additive operations below are a large share of the tower's work (an Fp12 product has ~18
 * Fp2 products and ~60 Fp2 additions), and gcc compiles the carry loops of the C forms into
 * spilled, partly vectorized code (3-4x slower than the carry chain). On x86-64 (any: base ISA
 * only, add/adc/sbb/cmov) they are inline asm; elsewhere C written out word by word. Both give the
 * same words: the result is fixed by the rule each comment states. */
#if defined(__x86_64__) && defined(__GNUC__)
#define PQ_BN_ADD_ASM 1
#endif

/* r = a + b, a, b < 2p: r < 2p (2p subtracted when a + b >= 2p) */
static inline void pq_fp_add(pq_fp *r, const pq_fp *a, const pq_fp *b) {
  static const pq_fp twop = PQ_BN_2P_INIT;
#ifdef PQ_BN_ADD_ASM
  uint64_t s0 = a->v[0], s1 = a->v[1], s2 = a->v[2], s3 = a->v[3], d0, d1, d2, d3;
  __asm__(
      "addq %[b0], %[s0]\n\tadcq %[b1], %[s1]\n\tadcq %[b2], %[s2]\n\tadcq %[b3], %[s3]\n\t"
      "movq %[s0], %[d0]\n\tsubq %[q0], %[d0]\n\tmovq %[s1], %[d1]\n\tsbbq %[q1], %[d1]\n\t"
      "movq %[s2], %[d2]\n\tsbbq %[q2], %[d2]\n\tmovq %[s3], %[d3]\n\tsbbq %[q3], %[d3]\n\t"
      "cmovcq %[s0], %[d0]\n\tcmovcq %[s1], %[d1]\n\tcmovcq %[s2], %[d2]\n\t"
      "cmovcq %[s3], %[d3]" /* borrow: a + b < 2p, keep it */
      : [s0] "+&r"(s0), [s1] "+&r"(s1), [s2] "+&r"(s2), [s3] "+&r"(s3), [d0] "=&r"(d0),
        [d1] "=&r"(d1), [d2] "=&r"(d2), [d3] "=&r"(d3)
      : [b0] "rm"(b->v[0]), [b1] "rm"(b->v[1]), [b2] "rm"(b->v[2]), [b3] "rm"(b->v[3]),
        [q0] "m"(twop.v[0]), [q1] "m"(twop.v[1]), [q2] "m"(twop.v[2]), [q3] "m"(twop.v[3])
      : "cc");
  r->v[0] = d0, r->v[1] = d1, r->v[2] = d2, r->v[3] = d3;
#else
  uint64_t s[4], c;
  c = pq_bn_adc(&s[0], a->v[0], b->v[0], 0); /* < 4p < 2^256 */
  c = pq_bn_adc(&s[1], a->v[1], b->v[1], c);
  c = pq_bn_adc(&s[2], a->v[2], b->v[2], c);
  (void)pq_bn_adc(&s[3], a->v[3], b->v[3], c);
  pq_bn_csub(r->v, s, twop.v);
#endif
}
/* r = a - b, a, b < 2p: r < 2p (2p added when a < b) */
static inline void pq_fp_sub(pq_fp *r, const pq_fp *a, const pq_fp *b) {
  static const pq_fp twop = PQ_BN_2P_INIT;
#ifdef PQ_BN_ADD_ASM
  uint64_t d0 = a->v[0], d1 = a->v[1], d2 = a->v[2], d3 = a->v[3], m, t0, t1, t2, t3;
  __asm__(
      "subq %[b0], %[d0]\n\tsbbq %[b1], %[d1]\n\tsbbq %[b2], %[d2]\n\tsbbq %[b3], %[d3]\n\t"
      "sbbq %[m], %[m]\n\t" /* all ones on a borrow */
      "movq %[q0], %[t0]\n\tandq %[m], %[t0]\n\tmovq %[q1], %[t1]\n\tandq %[m], %[t1]\n\t"
      "movq %[q2], %[t2]\n\tandq %[m], %[t2]\n\tmovq %[q3], %[t3]\n\tandq %[m], %[t3]\n\t"
      "addq %[t0], %[d0]\n\tadcq %[t1], %[d1]\n\tadcq %[t2], %[d2]\n\tadcq %[t3], %[d3]"
      : [d0] "+&r"(d0), [d1] "+&r"(d1), [d2] "+&r"(d2), [d3] "+&r"(d3), [m] "=&r"(m),
        [t0] "=&r"(t0), [t1] "=&r"(t1), [t2] "=&r"(t2), [t3] "=&r"(t3)
      : [b0] "rm"(b->v[0]), [b1] "rm"(b->v[1]), [b2] "rm"(b->v[2]), [b3] "rm"(b->v[3]),
        [q0] "m"(twop.v[0]), [q1] "m"(twop.v[1]), [q2] "m"(twop.v[2]), [q3] "m"(twop.v[3])
      : "cc");
  r->v[0] = d0, r->v[1] = d1, r->v[2] = d2, r->v[3] = d3;
#else
  uint64_t d[4], br, c, mask;
  br = pq_bn_sbb(&d[0], a->v[0], b->v[0], 0);
  br = pq_bn_sbb(&d[1], a->v[1], b->v[1], br);
  br = pq_bn_sbb(&d[2], a->v[2], b->v[2], br);
  br = pq_bn_sbb(&d[3], a->v[3], b->v[3], br);
  mask = (uint64_t)0 - br;
  c = pq_bn_adc(&r->v[0], d[0], twop.v[0] & mask, 0);
  c = pq_bn_adc(&r->v[1], d[1], twop.v[1] & mask, c);
  c = pq_bn_adc(&r->v[2], d[2], twop.v[2] & mask, c);
  (void)pq_bn_adc(&r->v[3], d[3], twop.v[3] & mask, c);
#endif
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
  uint64_t br;
  br = pq_bn_sbb(&r->v[0], twop.v[0], a->v[0], 0);
  br = pq_bn_sbb(&r->v[1], twop.v[1], a->v[1], br);
  br = pq_bn_sbb(&r->v[2], twop.v[2], a->v[2], br);
  (void)pq_bn_sbb(&r->v[3], twop.v[3], a->v[3], br);
}
/* r = a mod p in [0, p), a < 2p (same element, its canonical representative) */
static inline void pq_fp_canon(pq_fp *r, const pq_fp *a) {
  static const pq_fp p = PQ_BN_P_INIT;
  pq_bn_csub(r->v, a->v, p.v);
}
/* r = (9a + b) mod p in [0, 2p), a < 2p, b <= 2p (xi = 9 + u's real part, with the other term of
 * pq_fp2_mul_xi): x = 9a + b < 20p < 2^259 in five words, reduced once by the quotient estimate
 * q = floor(floor(x / 2^250) * MU / 2^20), MU = floor(2^270 / p) = 86673:
 * q <= x/p (so r = x - q p >= 0) and q > x/p - 2^250/p - 2^9/2^20 - 1 > x/p - 1.09 (r < 1.09p).
 * Against three doublings and two additions with a conditional subtraction each: no chain of
 * dependent subtractions. */
static inline void pq_fp_mul9_add(pq_fp *r, const pq_fp *a, const pq_fp *b) {
  static const pq_fp p = PQ_BN_P_INIT;
#if defined(__SIZEOF_INT128__) && !defined(__wasm__)
  typedef unsigned __int128 u128;
  uint64_t x0, x1, x2, x3, x4, q;
  u128 t = (u128)a->v[0] * 9 + b->v[0]; /* x = 9a + b word by word, the carry < 10 */
  x0 = (uint64_t)t;
  t = (u128)a->v[1] * 9 + b->v[1] + (uint64_t)(t >> 64);
  x1 = (uint64_t)t;
  t = (u128)a->v[2] * 9 + b->v[2] + (uint64_t)(t >> 64);
  x2 = (uint64_t)t;
  t = (u128)a->v[3] * 9 + b->v[3] + (uint64_t)(t >> 64);
  x3 = (uint64_t)t;
  x4 = (uint64_t)(t >> 64);
  q = ((x4 << 6 | x3 >> 58) * 86673u) >> 20; /* floor(x / 2^250) < 2^9; q < 21 */
  /* r = x - q p (its fifth word is 0): borrow in the top bit of the signed 128-bit difference */
  u128 d = (u128)x0 - (u128)q * p.v[0];
  r->v[0] = (uint64_t)d;
  d = (u128)x1 - (u128)q * p.v[1] - (uint64_t)(0 - (uint64_t)(d >> 64));
  r->v[1] = (uint64_t)d;
  d = (u128)x2 - (u128)q * p.v[2] - (uint64_t)(0 - (uint64_t)(d >> 64));
  r->v[2] = (uint64_t)d;
  d = (u128)x3 - (u128)q * p.v[3] - (uint64_t)(0 - (uint64_t)(d >> 64));
  r->v[3] = (uint64_t)d;
  (void)x4;
#else /* wasm32: 64-bit words, no 64 x 64 -> 128 product */
  uint64_t x[5], c, q, br;
  /* x = 8a + a + b */
  x[0] = a->v[0] << 3;
  x[1] = a->v[1] << 3 | a->v[0] >> 61;
  x[2] = a->v[2] << 3 | a->v[1] >> 61;
  x[3] = a->v[3] << 3 | a->v[2] >> 61;
  x[4] = a->v[3] >> 61;
  c = pq_bn_adc(&x[0], x[0], a->v[0], 0);
  c = pq_bn_adc(&x[1], x[1], a->v[1], c);
  c = pq_bn_adc(&x[2], x[2], a->v[2], c);
  c = pq_bn_adc(&x[3], x[3], a->v[3], c);
  x[4] += c;
  c = pq_bn_adc(&x[0], x[0], b->v[0], 0);
  c = pq_bn_adc(&x[1], x[1], b->v[1], c);
  c = pq_bn_adc(&x[2], x[2], b->v[2], c);
  c = pq_bn_adc(&x[3], x[3], b->v[3], c);
  x[4] += c;
  q = ((x[4] << 6 | x[3] >> 58) * 86673u) >> 20; /* floor(x / 2^250) < 2^9; q < 21 */
  /* x - q p: q p_i < 2^69 from 32-bit halves (q < 2^5: each half product < 2^37) */
  uint64_t qp[4], hi = 0;
  for (int i = 0; i < 4; i++) {
    const uint64_t lo32 = q * (p.v[i] & 0xffffffffu) + hi;   /* < 2^38 */
    const uint64_t hi32 = q * (p.v[i] >> 32) + (lo32 >> 32); /* < 2^38 */
    qp[i] = (lo32 & 0xffffffffu) | hi32 << 32;
    hi = hi32 >> 32;
  }
  br = pq_bn_sbb(&r->v[0], x[0], qp[0], 0);
  br = pq_bn_sbb(&r->v[1], x[1], qp[1], br);
  br = pq_bn_sbb(&r->v[2], x[2], qp[2], br);
  (void)pq_bn_sbb(&r->v[3], x[3], qp[3], br); /* the fifth word of x - q p is 0 */
#endif
}

/* r = 9a, a < 2p: r < 2p (pq_fp_mul9_add with b = 0) */
static inline void pq_fp_mul9(pq_fp *r, const pq_fp *a) {
  static const pq_fp zero = {{0, 0, 0, 0}};
  pq_fp_mul9_add(r, a, &zero);
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
/* r = a^-1, a < 2p; 0 for a = 0: r < 2p. Variable time (divsteps, fp.c): all BN254 data is public. */
void pq_fp_inv(pq_fp *r, const pq_fp *a);

#endif
