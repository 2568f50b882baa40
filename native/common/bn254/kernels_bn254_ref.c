/* Portable BN254 Fp kernels (bounds: kernels_bn254.h). Two limb forms over the same bytes, both
 * computing REDC(T) = (T + M*p) / 2^256 with the unique M < 2^256, so they agree bit for bit:
 *  - 64-bit words with unsigned __int128 products: CIOS (the reduction interleaved word by word)
 *    without a 5th accumulator word: inputs < 2p keep the running value below 5p < 2^256;
 *  - 8 x 32-bit words with 64-bit products (wasm32): product scanning (FIPS), each column summed in
 *    two 64-bit accumulators, low halves and high halves, so no carry is tested per product.
 * The fused sum of products runs both products into the same accumulation and reduces once.
 * Measured (native/test/bench_bn254_field.c, x86-64 gcc -O3, wasm32 in Node): these forms beat
 * separated operand scanning (SOS) and the other scanning order in each case. */
#include <stdint.h>

#include "bn254/bn254_tables.inc"
#include "bn254/fp.h" /* pq_bn_csub */
#include "bn254/kernels_bn254.h"

#if defined(__SIZEOF_INT128__) && !defined(__wasm__)
#define PQ_BN_LIMB64 1
#endif

/* ---- 32-bit limbs ------------------------------------------------------------------------ */

static const uint32_t P32[8] = {
    (uint32_t)PQ_BN_P0, (uint32_t)(PQ_BN_P0 >> 32), (uint32_t)PQ_BN_P1, (uint32_t)(PQ_BN_P1 >> 32),
    (uint32_t)PQ_BN_P2, (uint32_t)(PQ_BN_P2 >> 32), (uint32_t)PQ_BN_P3, (uint32_t)(PQ_BN_P3 >> 32)};

static inline void split32(uint32_t o[8], const pq_fp *a) {
  for (int i = 0; i < 4; i++) {
    o[2 * i] = (uint32_t)a->v[i];
    o[2 * i + 1] = (uint32_t)(a->v[i] >> 32);
  }
}

static inline void store32(pq_fp *r, const uint32_t x[8]) {
  for (int i = 0; i < 4; i++) r->v[i] = (uint64_t)x[2 * i] | (uint64_t)x[2 * i + 1] << 32;
}

/* column accumulation: L += low half of x*y, H += high half. A column holds at most 24 products
 * (sop2: 8 + 8, plus 8 of the reduction), so L < 2^37 + carry and H < 2^37: no overflow. */
#define MAC32(x, y)                    \
  do {                                 \
    uint64_t p_ = (uint64_t)(x) * (y); \
    L += (uint32_t)p_;                 \
    H += p_ >> 32;                     \
  } while (0)

/* r = REDC(a*b + a1*b1) (a1, b1 NULL: REDC(a*b)), before any final subtraction. Columns 0..7 fix
 * m_k so that word k of the running sum vanishes; columns 8..14 are the result words. */
static inline void fips32(uint32_t r[8], const uint32_t a[8], const uint32_t b[8],
                          const uint32_t *a1, const uint32_t *b1) {
  uint64_t L = 0, H;
  uint32_t m[8];
  for (int k = 0; k < 8; k++) {
    H = 0;
    for (int j = 0; j <= k; j++) {
      MAC32(a[j], b[k - j]);
      if (a1) MAC32(a1[j], b1[k - j]);
    }
    for (int j = 0; j < k; j++) MAC32(m[j], P32[k - j]);
    m[k] = (uint32_t)L * (uint32_t)PQ_BN_N0;
    MAC32(m[k], P32[0]); /* low word of L is now 0 */
    L = (L >> 32) + H;
  }
  for (int k = 8; k < 15; k++) {
    H = 0;
    for (int j = k - 7; j < 8; j++) {
      MAC32(a[j], b[k - j]);
      if (a1) MAC32(a1[j], b1[k - j]);
      MAC32(m[j], P32[k - j]);
    }
    r[k - 8] = (uint32_t)L;
    L = (L >> 32) + H;
  }
  r[7] = (uint32_t)L; /* the value is < 2.52p < 2^256: nothing above */
}

void pq_limb32_fp_mul(pq_fp *r, const pq_fp *a, const pq_fp *b) {
  uint32_t x[8], y[8], o[8];
  split32(x, a);
  split32(y, b);
  fips32(o, x, y, 0, 0);
  store32(r, o);
}

void pq_limb32_fp_sqr(pq_fp *r, const pq_fp *a) { pq_limb32_fp_mul(r, a, a); }

void pq_limb32_fp_sop2(pq_fp *r, const pq_fp *a0, const pq_fp *b0, const pq_fp *a1,
                       const pq_fp *b1) {
  static const pq_fp twop = PQ_BN_2P_INIT;
  uint32_t x[8], y[8], x1[8], y1[8], o[8], p2[8], d[8];
  split32(x, a0);
  split32(y, b0);
  split32(x1, a1);
  split32(y1, b1);
  fips32(o, x, y, x1, y1);
  /* o < 2.52p: subtract 2p when o >= 2p (mask, no branch) */
  split32(p2, &twop);
  uint64_t borrow = 0;
  for (int j = 0; j < 8; j++) {
    uint64_t u = (uint64_t)o[j] - p2[j] - borrow;
    d[j] = (uint32_t)u;
    borrow = (u >> 32) & 1;
  }
  uint32_t keep = (uint32_t)0 - (uint32_t)borrow; /* all ones: o < 2p, keep o */
  for (int j = 0; j < 8; j++) o[j] = (o[j] & keep) | (d[j] & ~keep);
  store32(r, o);
}

/* ---- 64-bit limbs ------------------------------------------------------------------------ */
#ifdef PQ_BN_LIMB64
typedef unsigned __int128 u128;

static const uint64_t P64[4] = {PQ_BN_P0, PQ_BN_P1, PQ_BN_P2, PQ_BN_P3};

/* t += a * bi over 4 words; returns the word above */
#define ROW(t, a, bi)                     \
  do {                                    \
    u128 u_;                              \
    uint64_t c_;                          \
    u_ = (u128)(a)[0] * (bi) + t[0];      \
    t[0] = (uint64_t)u_;                  \
    c_ = (uint64_t)(u_ >> 64);            \
    u_ = (u128)(a)[1] * (bi) + t[1] + c_; \
    t[1] = (uint64_t)u_;                  \
    c_ = (uint64_t)(u_ >> 64);            \
    u_ = (u128)(a)[2] * (bi) + t[2] + c_; \
    t[2] = (uint64_t)u_;                  \
    c_ = (uint64_t)(u_ >> 64);            \
    u_ = (u128)(a)[3] * (bi) + t[3] + c_; \
    t[3] = (uint64_t)u_;                  \
    top += (uint64_t)(u_ >> 64);          \
  } while (0)

/* one reduction step: t = (t + m p) / 2^64 with m = t[0] * -p^-1, top is word 4 of t */
#define REDSTEP(t)                           \
  do {                                       \
    uint64_t m_ = t[0] * (uint64_t)PQ_BN_N0; \
    u128 u_ = (u128)m_ * P64[0] + t[0];      \
    uint64_t c_ = (uint64_t)(u_ >> 64);      \
    u_ = (u128)m_ * P64[1] + t[1] + c_;      \
    t[0] = (uint64_t)u_;                     \
    c_ = (uint64_t)(u_ >> 64);               \
    u_ = (u128)m_ * P64[2] + t[2] + c_;      \
    t[1] = (uint64_t)u_;                     \
    c_ = (uint64_t)(u_ >> 64);               \
    u_ = (u128)m_ * P64[3] + t[3] + c_;      \
    t[2] = (uint64_t)u_;                     \
    t[3] = top + (uint64_t)(u_ >> 64);       \
  } while (0)

/* CIOS. The running value stays below 5p < 2^256 between steps (inputs < 2p: t < (t + 2p W + 2p W
 * + p W) / W, fixed point 5p; 3p for one product), and below 2^320 within one, so the word above
 * t[3] (top) never carries out and t[3] = top + carry cannot overflow. */
void pq_ref_fp_mul(pq_fp *r, const pq_fp *a, const pq_fp *b) {
  uint64_t t[4] = {0, 0, 0, 0};
  for (int i = 0; i < 4; i++) {
    uint64_t top = 0;
    ROW(t, a->v, b->v[i]);
    REDSTEP(t);
  }
  for (int j = 0; j < 4; j++) r->v[j] = t[j];
}

void pq_ref_fp_sqr(pq_fp *r, const pq_fp *a) { pq_ref_fp_mul(r, a, a); }

void pq_ref_fp_sop2(pq_fp *r, const pq_fp *a0, const pq_fp *b0, const pq_fp *a1, const pq_fp *b1) {
  uint64_t t[4] = {0, 0, 0, 0};
  for (int i = 0; i < 4; i++) {
    uint64_t top = 0;
    ROW(t, a0->v, b0->v[i]);
    ROW(t, a1->v, b1->v[i]);
    REDSTEP(t);
  }
  /* t < 2.52p: subtract 2p when t >= 2p (no branch; fp.h's form: sub/sbb and cmov on x86-64) */
  static const uint64_t P2[4] = {(PQ_BN_P0 << 1), (PQ_BN_P1 << 1) | (PQ_BN_P0 >> 63),
                                 (PQ_BN_P2 << 1) | (PQ_BN_P1 >> 63),
                                 (PQ_BN_P3 << 1) | (PQ_BN_P2 >> 63)};
  pq_bn_csub(r->v, t, P2);
}

#else /* no __int128: the 32-bit form is the reference */

void pq_ref_fp_mul(pq_fp *r, const pq_fp *a, const pq_fp *b) { pq_limb32_fp_mul(r, a, b); }
void pq_ref_fp_sqr(pq_fp *r, const pq_fp *a) { pq_limb32_fp_sqr(r, a); }
void pq_ref_fp_sop2(pq_fp *r, const pq_fp *a0, const pq_fp *b0, const pq_fp *a1, const pq_fp *b1) {
  pq_limb32_fp_sop2(r, a0, b0, a1, b1);
}
#endif
