/* Portable BN254 Fp kernels (bounds: kernels_bn254.h). Separated operand scanning: the 512-bit
 * product (for sop2 the sum of both products) first, then one word-by-word Montgomery reduction.
 * Two limb forms over the same bytes: 64-bit words with unsigned __int128 products, and 8 x 32-bit
 * words with 64-bit products (wasm32). Both compute REDC(T) = (T + M*p) / 2^256 with the unique
 * M < 2^256, so they agree bit for bit. */
#include <stdint.h>

#include "bn254/bn254_tables.inc"
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

/* t[0..15] = a*b (t is written, not accumulated) */
static inline void mul512_32(uint32_t t[16], const uint32_t a[8], const uint32_t b[8]) {
  for (int j = 0; j < 16; j++) t[j] = 0;
  for (int i = 0; i < 8; i++) {
    uint64_t c = 0;
    for (int j = 0; j < 8; j++) {
      /* (2^32-1)^2 + 2(2^32-1) = 2^64 - 1: no overflow */
      uint64_t u = (uint64_t)a[j] * b[i] + t[i + j] + c;
      t[i + j] = (uint32_t)u;
      c = u >> 32;
    }
    t[i + 8] = (uint32_t)c;
  }
}

static inline void sqr512_32(uint32_t t[16], const uint32_t a[8]) {
  /* cross products a_i a_j (i < j) once, doubled, plus the squares */
  for (int j = 0; j < 16; j++) t[j] = 0;
  for (int i = 0; i < 7; i++) {
    uint64_t c = 0;
    for (int j = i + 1; j < 8; j++) {
      uint64_t u = (uint64_t)a[j] * a[i] + t[i + j] + c;
      t[i + j] = (uint32_t)u;
      c = u >> 32;
    }
    t[i + 8] = (uint32_t)c;
  }
  uint32_t hi = 0;
  for (int j = 0; j < 16; j++) {
    uint32_t w = t[j];
    t[j] = (w << 1) | hi;
    hi = w >> 31;
  }
  uint64_t c = 0;
  for (int i = 0; i < 8; i++) {
    uint64_t s = (uint64_t)a[i] * a[i];
    uint64_t u = (uint64_t)t[2 * i] + (uint32_t)s + c;
    t[2 * i] = (uint32_t)u;
    u = (uint64_t)t[2 * i + 1] + (s >> 32) + (u >> 32);
    t[2 * i + 1] = (uint32_t)u;
    c = u >> 32;
  }
}

/* r = REDC(t), t < 2^512 - 2^256 p (so that t + M p < 2^512); t is destroyed */
static inline void redc32(uint32_t r[8], uint32_t t[16]) {
  const uint32_t n0 = (uint32_t)PQ_BN_N0;
  uint32_t c2 = 0; /* carry into word i + 8 from the previous step */
  for (int i = 0; i < 8; i++) {
    uint32_t m = t[i] * n0;
    uint64_t c = 0;
    for (int j = 0; j < 8; j++) {
      uint64_t u = (uint64_t)m * P32[j] + t[i + j] + c;
      t[i + j] = (uint32_t)u;
      c = u >> 32;
    }
    uint64_t u = (uint64_t)t[i + 8] + c + c2;
    t[i + 8] = (uint32_t)u;
    c2 = (uint32_t)(u >> 32);
  }
  /* c2 = 0 here: t + M p < 2^512 */
  for (int j = 0; j < 8; j++) r[j] = t[j + 8];
}

static inline void store32(pq_fp *r, const uint32_t x[8]) {
  for (int i = 0; i < 4; i++) r->v[i] = (uint64_t)x[2 * i] | (uint64_t)x[2 * i + 1] << 32;
}

void pq_limb32_fp_mul(pq_fp *r, const pq_fp *a, const pq_fp *b) {
  uint32_t x[8], y[8], t[16], o[8];
  split32(x, a);
  split32(y, b);
  mul512_32(t, x, y);
  redc32(o, t);
  store32(r, o);
}

void pq_limb32_fp_sqr(pq_fp *r, const pq_fp *a) {
  uint32_t x[8], t[16], o[8];
  split32(x, a);
  sqr512_32(t, x);
  redc32(o, t);
  store32(r, o);
}

void pq_limb32_fp_sop2(pq_fp *r, const pq_fp *a0, const pq_fp *b0, const pq_fp *a1,
                       const pq_fp *b1) {
  uint32_t x[8], y[8], t[16], s[16], o[8];
  split32(x, a0);
  split32(y, b0);
  mul512_32(t, x, y);
  split32(x, a1);
  split32(y, b1);
  mul512_32(s, x, y);
  uint64_t c = 0;
  for (int j = 0; j < 16; j++) { /* t + s < 8p^2 < 2^512 */
    c += (uint64_t)t[j] + s[j];
    t[j] = (uint32_t)c;
    c >>= 32;
  }
  redc32(o, t);
  /* o < 2.52p: subtract 2p when o >= 2p (mask, no branch) */
  static const pq_fp twop = PQ_BN_2P_INIT;
  uint32_t p2[8], d[8];
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

static inline void mul512_64(uint64_t t[8], const uint64_t a[4], const uint64_t b[4]) {
  uint64_t c;
  u128 u;
  /* row 0 writes, rows 1..3 accumulate */
  c = 0;
  for (int j = 0; j < 4; j++) {
    u = (u128)a[j] * b[0] + c;
    t[j] = (uint64_t)u;
    c = (uint64_t)(u >> 64);
  }
  t[4] = c;
  for (int i = 1; i < 4; i++) {
    c = 0;
    for (int j = 0; j < 4; j++) {
      u = (u128)a[j] * b[i] + t[i + j] + c;
      t[i + j] = (uint64_t)u;
      c = (uint64_t)(u >> 64);
    }
    t[i + 4] = c;
  }
}

static inline void sqr512_64(uint64_t t[8], const uint64_t a[4]) {
  u128 u;
  uint64_t c;
  /* cross products a_i a_j, i < j */
  t[0] = 0;
  u = (u128)a[1] * a[0];
  t[1] = (uint64_t)u;
  c = (uint64_t)(u >> 64);
  u = (u128)a[2] * a[0] + c;
  t[2] = (uint64_t)u;
  c = (uint64_t)(u >> 64);
  u = (u128)a[3] * a[0] + c;
  t[3] = (uint64_t)u;
  t[4] = (uint64_t)(u >> 64);
  u = (u128)a[2] * a[1] + t[3];
  t[3] = (uint64_t)u;
  c = (uint64_t)(u >> 64);
  u = (u128)a[3] * a[1] + t[4] + c;
  t[4] = (uint64_t)u;
  t[5] = (uint64_t)(u >> 64);
  u = (u128)a[3] * a[2] + t[5];
  t[5] = (uint64_t)u;
  t[6] = (uint64_t)(u >> 64);
  /* doubled */
  t[7] = t[6] >> 63;
  t[6] = t[6] << 1 | t[5] >> 63;
  t[5] = t[5] << 1 | t[4] >> 63;
  t[4] = t[4] << 1 | t[3] >> 63;
  t[3] = t[3] << 1 | t[2] >> 63;
  t[2] = t[2] << 1 | t[1] >> 63;
  t[1] = t[1] << 1;
  /* plus the squares */
  c = 0;
  for (int i = 0; i < 4; i++) {
    u128 s = (u128)a[i] * a[i];
    u = (u128)t[2 * i] + (uint64_t)s + c;
    t[2 * i] = (uint64_t)u;
    u = (u128)t[2 * i + 1] + (uint64_t)(s >> 64) + (uint64_t)(u >> 64);
    t[2 * i + 1] = (uint64_t)u;
    c = (uint64_t)(u >> 64);
  }
}

/* r = REDC(t), t < 2^512 - 2^256 p; t is destroyed */
static inline void redc64(uint64_t r[4], uint64_t t[8]) {
  static const uint64_t P[4] = {PQ_BN_P0, PQ_BN_P1, PQ_BN_P2, PQ_BN_P3};
  uint64_t c2 = 0;
  for (int i = 0; i < 4; i++) {
    uint64_t m = t[i] * (uint64_t)PQ_BN_N0;
    u128 u = (u128)m * P[0] + t[i];
    uint64_t c = (uint64_t)(u >> 64);
    for (int j = 1; j < 4; j++) {
      u = (u128)m * P[j] + t[i + j] + c;
      t[i + j] = (uint64_t)u;
      c = (uint64_t)(u >> 64);
    }
    u = (u128)t[i + 4] + c + c2;
    t[i + 4] = (uint64_t)u;
    c2 = (uint64_t)(u >> 64);
  }
  r[0] = t[4];
  r[1] = t[5];
  r[2] = t[6];
  r[3] = t[7];
}

void pq_ref_fp_mul(pq_fp *r, const pq_fp *a, const pq_fp *b) {
  uint64_t t[8];
  mul512_64(t, a->v, b->v);
  redc64(r->v, t);
}

void pq_ref_fp_sqr(pq_fp *r, const pq_fp *a) {
  uint64_t t[8];
  sqr512_64(t, a->v);
  redc64(r->v, t);
}

void pq_ref_fp_sop2(pq_fp *r, const pq_fp *a0, const pq_fp *b0, const pq_fp *a1, const pq_fp *b1) {
  uint64_t t[8], s[8], o[4], d[4];
  mul512_64(t, a0->v, b0->v);
  mul512_64(s, a1->v, b1->v);
  uint64_t c = 0;
  for (int j = 0; j < 8; j++) { /* t + s < 8p^2 < 2^512 */
    u128 u = (u128)t[j] + s[j] + c;
    t[j] = (uint64_t)u;
    c = (uint64_t)(u >> 64);
  }
  redc64(o, t);
  /* o < 2.52p: subtract 2p when o >= 2p (mask, no branch) */
  static const uint64_t P2[4] = {(PQ_BN_P0 << 1), (PQ_BN_P1 << 1) | (PQ_BN_P0 >> 63),
                                 (PQ_BN_P2 << 1) | (PQ_BN_P1 >> 63),
                                 (PQ_BN_P3 << 1) | (PQ_BN_P2 >> 63)};
  uint64_t borrow = 0;
  for (int j = 0; j < 4; j++) {
    u128 u = (u128)o[j] - P2[j] - borrow;
    d[j] = (uint64_t)u;
    borrow = (uint64_t)(u >> 64) & 1;
  }
  uint64_t keep = (uint64_t)0 - borrow;
  for (int j = 0; j < 4; j++) r->v[j] = (o[j] & keep) | (d[j] & ~keep);
}

#else /* no __int128: the 32-bit form is the reference */

void pq_ref_fp_mul(pq_fp *r, const pq_fp *a, const pq_fp *b) { pq_limb32_fp_mul(r, a, b); }
void pq_ref_fp_sqr(pq_fp *r, const pq_fp *a) { pq_limb32_fp_sqr(r, a); }
void pq_ref_fp_sop2(pq_fp *r, const pq_fp *a0, const pq_fp *b0, const pq_fp *a1, const pq_fp *b1) {
  pq_limb32_fp_sop2(r, a0, b0, a1, b1);
}
#endif
