/* ML-DSA kernels in WebAssembly SIMD128 (q = 8380417, four int32 lanes).
 *
 * Montgomery products use i64x2.extmul_{low,high}_i32x4_s: a*b in 64 bits,
 * t = a*(b q^-1) mod 2^32 in one i32x4.mul, then (a*b - t*q) >> 32 taken as the
 * odd 32-bit halves. Constants the products use are loaded through an empty asm
 * barrier: clang would otherwise rewrite extmul-by-splat into extend + i64x2.mul,
 * which V8 lowers far more slowly (GUIDE §2).
 *
 * Bounds are those of the reference (native/common/mldsa/kernels_mldsa.h): the forward
 * NTT does no reductions (|in| < q -> |out| < 9q), the inverse NTT neither
 * (|in| < q, sums stay below 256 q < 2^31, |out| < q). */
#include <wasm_simd128.h>

#include "mldsa/kernels_mldsa.h"
#include "mldsa_simd_tables.inc"

#define Q 8380417

/* An empty asm that makes a pointer opaque. Used inside loop bodies: the
 * loads through it can be neither constant-folded nor hoisted, so every
 * extmul keeps a non-splat, loop-variant operand and stays an extmul. */
#define OPAQUE(p) __asm__ volatile("" : "+r"(p))

static const int32_t KQ[8] = {Q, Q, Q, Q, 58728449, 58728449, 58728449, 58728449};

/* a * b * 2^-32 mod± q for |a b| < 2^31 q; bq = b * q^-1 mod 2^32. |result| < q. */
static inline v128_t montmul(v128_t a, v128_t b, v128_t bq, v128_t q) {
  const v128_t plo = wasm_i64x2_extmul_low_i32x4(a, b);
  const v128_t phi = wasm_i64x2_extmul_high_i32x4(a, b);
  const v128_t t = wasm_i32x4_mul(a, bq);
  const v128_t lo = wasm_i64x2_sub(plo, wasm_i64x2_extmul_low_i32x4(t, q));
  const v128_t hi = wasm_i64x2_sub(phi, wasm_i64x2_extmul_high_i32x4(t, q));
  return wasm_i32x4_shuffle(lo, hi, 1, 3, 5, 7);
}

/* montmul by a twiddle pair tw = {w x4, w q^-1 x4} */
static inline v128_t montmul_tw(v128_t a, const int32_t *tw, v128_t q) {
  return montmul(a, wasm_v128_load(tw), wasm_v128_load(tw + 4), q);
}

static inline v128_t load_q(void) {
  const int32_t *k = KQ;
  OPAQUE(k);
  return wasm_v128_load(k);
}

/* 4x4 transpose of int32 lanes */
static inline void transpose(v128_t *a, v128_t *b, v128_t *c, v128_t *d) {
  const v128_t t0 = wasm_i32x4_shuffle(*a, *b, 0, 4, 1, 5);
  const v128_t t1 = wasm_i32x4_shuffle(*a, *b, 2, 6, 3, 7);
  const v128_t t2 = wasm_i32x4_shuffle(*c, *d, 0, 4, 1, 5);
  const v128_t t3 = wasm_i32x4_shuffle(*c, *d, 2, 6, 3, 7);
  *a = wasm_i64x2_shuffle(t0, t2, 0, 2);
  *b = wasm_i64x2_shuffle(t0, t2, 1, 3);
  *c = wasm_i64x2_shuffle(t1, t3, 0, 2);
  *d = wasm_i64x2_shuffle(t1, t3, 1, 3);
}

void pq_wasm_ntt(int32_t a[256]) {
  /* Layers 1-6 (len 128 .. 4), two at a time; one twiddle per block, the
   * inner loop over contiguous lanes: a[j], a[j+len/2], a[j+len], a[j+3len/2]. */
  unsigned k = 1;
  for (unsigned len = 128; len >= 8; len >>= 2, k *= 4) {
    const unsigned nb = 128 / len, h = len / 2;
    for (unsigned b = 0; b < nb; b++) {
      int32_t *base = a + b * 2 * len;
      const unsigned k2 = 2 * (k + b);
      for (unsigned j = 0; j < h; j += 4) {
        const int32_t *z1 = pq_simd_fz4[k + b][0], *z2 = pq_simd_fz4[k2][0], *z3 = pq_simd_fz4[k2 + 1][0];
        OPAQUE(z1);
        OPAQUE(z2);
        OPAQUE(z3);
        const v128_t q = load_q();
        v128_t x0 = wasm_v128_load(base + j), x1 = wasm_v128_load(base + j + h);
        v128_t x2 = wasm_v128_load(base + j + len), x3 = wasm_v128_load(base + j + len + h);
        v128_t t = montmul_tw(x2, z1, q);
        x2 = wasm_i32x4_sub(x0, t);
        x0 = wasm_i32x4_add(x0, t);
        t = montmul_tw(x3, z1, q);
        x3 = wasm_i32x4_sub(x1, t);
        x1 = wasm_i32x4_add(x1, t);
        t = montmul_tw(x1, z2, q);
        x1 = wasm_i32x4_sub(x0, t);
        x0 = wasm_i32x4_add(x0, t);
        t = montmul_tw(x3, z3, q);
        x3 = wasm_i32x4_sub(x2, t);
        x2 = wasm_i32x4_add(x2, t);
        wasm_v128_store(base + j, x0);
        wasm_v128_store(base + j + h, x1);
        wasm_v128_store(base + j + len, x2);
        wasm_v128_store(base + j + len + h, x3);
      }
    }
  }
  /* Layers 7-8 (len 2, 1) on transposed 4x4 blocks with hoisted twiddle vectors. */
  for (unsigned i = 0; i < 16; i++) {
    const int32_t *z7 = pq_simd_fwd7[i][0], *za = pq_simd_fwd8a[i][0], *zb = pq_simd_fwd8b[i][0];
    OPAQUE(z7);
    OPAQUE(za);
    OPAQUE(zb);
    const v128_t q = load_q();
    int32_t *p = a + 16 * i;
    v128_t x0 = wasm_v128_load(p), x1 = wasm_v128_load(p + 4), x2 = wasm_v128_load(p + 8), x3 = wasm_v128_load(p + 12);
    transpose(&x0, &x1, &x2, &x3); /* x_j = coefficient j of four blocks */
    v128_t t = montmul_tw(x2, z7, q);
    x2 = wasm_i32x4_sub(x0, t);
    x0 = wasm_i32x4_add(x0, t);
    t = montmul_tw(x3, z7, q);
    x3 = wasm_i32x4_sub(x1, t);
    x1 = wasm_i32x4_add(x1, t);
    t = montmul_tw(x1, za, q);
    x1 = wasm_i32x4_sub(x0, t);
    x0 = wasm_i32x4_add(x0, t);
    t = montmul_tw(x3, zb, q);
    x3 = wasm_i32x4_sub(x2, t);
    x2 = wasm_i32x4_add(x2, t);
    transpose(&x0, &x1, &x2, &x3);
    wasm_v128_store(p, x0);
    wasm_v128_store(p + 4, x1);
    wasm_v128_store(p + 8, x2);
    wasm_v128_store(p + 12, x3);
  }
}

/* Gentleman-Sande butterfly: (x, y) -> (x + y, (x - y) * w) */
#define GS(x, y, tw)                                      \
  do {                                                    \
    const v128_t d_ = wasm_i32x4_sub(x, y);               \
    x = wasm_i32x4_add(x, y);                             \
    y = montmul_tw(d_, tw, q);                            \
  } while (0)

void pq_wasm_invntt_tomont(int32_t a[256]) {
  /* Layers len 1, 2 on transposed blocks */
  for (unsigned i = 0; i < 16; i++) {
    const int32_t *za = pq_simd_inv1a[i][0], *zb = pq_simd_inv1b[i][0], *z2 = pq_simd_inv2[i][0];
    OPAQUE(za);
    OPAQUE(zb);
    OPAQUE(z2);
    const v128_t q = load_q();
    int32_t *p = a + 16 * i;
    v128_t x0 = wasm_v128_load(p), x1 = wasm_v128_load(p + 4), x2 = wasm_v128_load(p + 8), x3 = wasm_v128_load(p + 12);
    transpose(&x0, &x1, &x2, &x3);
    GS(x0, x1, za);
    GS(x2, x3, zb);
    GS(x0, x2, z2);
    GS(x1, x3, z2);
    transpose(&x0, &x1, &x2, &x3);
    wasm_v128_store(p, x0);
    wasm_v128_store(p + 4, x1);
    wasm_v128_store(p + 8, x2);
    wasm_v128_store(p + 12, x3);
  }
  /* Layers (4, 8) and (16, 32): blocks 2b, 2b+1 of the first layer use
   * -zetas[256/len - 1 - 2b] and the next one; block b of the second -zetas[128/len - 1 - b]. */
  for (unsigned len = 4; len <= 16; len <<= 2) {
    const unsigned nb2 = 64 / len;
    for (unsigned b = 0; b < nb2; b++) {
      const unsigned k1 = 256 / len - 1 - 2 * b, k2 = 128 / len - 1 - b;
      int32_t *base = a + b * 4 * len;
      for (unsigned j = 0; j < len; j += 4) {
        const int32_t *za = pq_simd_iz4[k1][0], *zb = pq_simd_iz4[k1 - 1][0], *zc = pq_simd_iz4[k2][0];
        OPAQUE(za);
        OPAQUE(zb);
        OPAQUE(zc);
        const v128_t q = load_q();
        v128_t x0 = wasm_v128_load(base + j), x1 = wasm_v128_load(base + j + len);
        v128_t x2 = wasm_v128_load(base + j + 2 * len), x3 = wasm_v128_load(base + j + 3 * len);
        GS(x0, x1, za);
        GS(x2, x3, zb);
        GS(x0, x2, zc);
        GS(x1, x3, zc);
        wasm_v128_store(base + j, x0);
        wasm_v128_store(base + j + len, x1);
        wasm_v128_store(base + j + 2 * len, x2);
        wasm_v128_store(base + j + 3 * len, x3);
      }
    }
  }
  /* Layers 64 and 128 fused with the final scaling by f = 2^64 / 256:
   * x_i = a[j + 64 i]; layer 64: (x0, x1) with -zetas[3], (x2, x3) with -zetas[2];
   * layer 128: (x0, x2), (x1, x3) with -zetas[1]. */
  /* f = 2^64 / 256 mod q = 41978 and f q^-1 mod 2^32 */
  static const int32_t F[2][4] = {{41978, 41978, 41978, 41978}, {-8395782, -8395782, -8395782, -8395782}};
  for (unsigned j = 0; j < 64; j += 4) {
    const int32_t *za = pq_simd_iz4[3][0], *zb = pq_simd_iz4[2][0], *zc = pq_simd_iz4[1][0], *f = F[0];
    OPAQUE(za);
    OPAQUE(zb);
    OPAQUE(zc);
    OPAQUE(f);
    const v128_t q = load_q();
    v128_t x0 = wasm_v128_load(a + j), x1 = wasm_v128_load(a + j + 64);
    v128_t x2 = wasm_v128_load(a + j + 128), x3 = wasm_v128_load(a + j + 192);
    GS(x0, x1, za);
    GS(x2, x3, zb);
    GS(x0, x2, zc);
    GS(x1, x3, zc);
    wasm_v128_store(a + j, montmul_tw(x0, f, q));
    wasm_v128_store(a + j + 64, montmul_tw(x1, f, q));
    wasm_v128_store(a + j + 128, montmul_tw(x2, f, q));
    wasm_v128_store(a + j + 192, montmul_tw(x3, f, q));
  }
}

void pq_wasm_poly_pointwise(int32_t c[256], const int32_t a[256], const int32_t b[256]) {
  for (unsigned i = 0; i < 256; i += 4) {
    const int32_t *k = KQ;
    OPAQUE(k);
    const v128_t q = wasm_v128_load(k), qinv = wasm_v128_load(k + 4);
    const v128_t x = wasm_v128_load(a + i), y = wasm_v128_load(b + i);
    wasm_v128_store(c + i, montmul(x, y, wasm_i32x4_mul(y, qinv), q));
  }
}

void pq_wasm_poly_pointwise_acc(int32_t c[256], const int32_t *const *a, const int32_t *const *b,
                                unsigned n) {
  for (unsigned i = 0; i < 256; i += 4) {
    v128_t lo = wasm_i64x2_splat(0), hi = wasm_i64x2_splat(0);
    for (unsigned k = 0; k < n; k++) {
      const v128_t x = wasm_v128_load(a[k] + i), y = wasm_v128_load(b[k] + i);
      lo = wasm_i64x2_add(lo, wasm_i64x2_extmul_low_i32x4(x, y));
      hi = wasm_i64x2_add(hi, wasm_i64x2_extmul_high_i32x4(x, y));
    }
    /* one Montgomery reduction of the 64-bit sums */
    const int32_t *kq = KQ;
    OPAQUE(kq);
    const v128_t q = wasm_v128_load(kq), qinv = wasm_v128_load(kq + 4);
    const v128_t t = wasm_i32x4_mul(wasm_i32x4_shuffle(lo, hi, 0, 2, 4, 6), qinv);
    lo = wasm_i64x2_sub(lo, wasm_i64x2_extmul_low_i32x4(t, q));
    hi = wasm_i64x2_sub(hi, wasm_i64x2_extmul_high_i32x4(t, q));
    wasm_v128_store(c + i, wasm_i32x4_shuffle(lo, hi, 1, 3, 5, 7));
  }
}

int pq_wasm_poly_chknorm(const int32_t a[256], int32_t bound) {
  v128_t bad = wasm_i32x4_splat(0);
  const v128_t b = wasm_i32x4_splat(bound);
  for (unsigned i = 0; i < 256; i += 4) {
    const v128_t x = wasm_i32x4_abs(wasm_v128_load(a + i));
    bad = wasm_v128_or(bad, wasm_i32x4_ge(x, b));
  }
  return wasm_v128_any_true(bad);
}

/* ---- sampling and rounding -------------------------------------------------- */

/* Byte shuffles whose out-of-range lanes are don't-care (masked or overwritten
 * afterwards): the relaxed form (one pshufb / tbl) is exact enough. */
#ifdef __wasm_relaxed_simd__
#define SWIZZLE_DC wasm_i8x16_relaxed_swizzle
#else
#define SWIZZLE_DC wasm_i8x16_swizzle
#endif

unsigned pq_wasm_rej_uniform(int32_t *a, unsigned len, const uint8_t *buf, unsigned buflen) {
  unsigned ctr = 0, pos = 0;
  /* four 3-byte candidates from 12 bytes into four int32 lanes (index >= 16 gives 0) */
  const v128_t spread = wasm_i8x16_make(0, 1, 2, -1, 3, 4, 5, -1, 6, 7, 8, -1, 9, 10, 11, -1);
  const v128_t mask = wasm_i32x4_splat(0x7FFFFF), bound = wasm_i32x4_splat(Q);
  while (ctr + 4 <= len && pos + 16 <= buflen) {
    /* lanes with index -1 are masked off by `mask` below, whatever they hold */
    v128_t x = wasm_v128_and(SWIZZLE_DC(wasm_v128_load(buf + pos), spread), mask);
    const unsigned m = (unsigned)wasm_i32x4_bitmask(wasm_i32x4_lt(x, bound));
    x = SWIZZLE_DC(x, wasm_v128_load(pq_simd_compact4[m])); /* lanes past popcount(m): don't care */
    wasm_v128_store(a + ctr, x); /* lanes past the accepted ones are overwritten later */
    ctr += (unsigned)__builtin_popcount(m);
    pos += 12;
  }
  return ctr + pq_ref_rej_uniform(a + ctr, len - ctr, buf + pos, buflen - pos);
}

/* Decompose on four lanes (same arithmetic as the reference). */
static inline v128_t decompose4(v128_t *a0, v128_t a, int32_t gamma2) {
  v128_t a1 = wasm_i32x4_shr(wasm_i32x4_add(a, wasm_i32x4_splat(127)), 7);
  if (gamma2 == (Q - 1) / 32) {
    a1 = wasm_i32x4_shr(wasm_i32x4_add(wasm_i32x4_mul(a1, wasm_i32x4_splat(1025)), wasm_i32x4_splat(1 << 21)), 22);
    a1 = wasm_v128_and(a1, wasm_i32x4_splat(15));
  } else {
    a1 = wasm_i32x4_shr(wasm_i32x4_add(wasm_i32x4_mul(a1, wasm_i32x4_splat(11275)), wasm_i32x4_splat(1 << 23)), 24);
    a1 = wasm_v128_xor(a1, wasm_v128_and(wasm_i32x4_shr(wasm_i32x4_sub(wasm_i32x4_splat(43), a1), 31), a1));
  }
  v128_t r0 = wasm_i32x4_sub(a, wasm_i32x4_mul(a1, wasm_i32x4_splat(2 * gamma2)));
  r0 = wasm_i32x4_sub(r0, wasm_v128_and(wasm_i32x4_shr(wasm_i32x4_sub(wasm_i32x4_splat((Q - 1) / 2), r0), 31), wasm_i32x4_splat(Q)));
  *a0 = r0;
  return a1;
}

void pq_wasm_poly_decompose(int32_t a1[256], int32_t a0[256], const int32_t a[256], int32_t gamma2) {
  for (unsigned i = 0; i < 256; i += 4) {
    v128_t r0;
    wasm_v128_store(a1 + i, decompose4(&r0, wasm_v128_load(a + i), gamma2));
    wasm_v128_store(a0 + i, r0);
  }
}

void pq_wasm_poly_use_hint(int32_t b[256], const int32_t a[256], const int32_t h[256], int32_t gamma2) {
  const int32_t m = (Q - 1) / (2 * gamma2); /* 16 or 44 */
  const v128_t vm = wasm_i32x4_splat(m), zero = wasm_i32x4_splat(0);
  for (unsigned i = 0; i < 256; i += 4) {
    v128_t r0;
    v128_t r1 = decompose4(&r0, wasm_v128_load(a + i), gamma2);
    /* h ? (r0 > 0 ? +1 : -1) : 0, then wrap into [0, m) */
    const v128_t hint = wasm_i32x4_ne(wasm_v128_load(h + i), zero);
    const v128_t step = wasm_v128_or(wasm_v128_and(wasm_i32x4_gt(r0, zero), wasm_i32x4_splat(1)),
                                     wasm_v128_andnot(wasm_i32x4_splat(-1), wasm_i32x4_gt(r0, zero)));
    r1 = wasm_i32x4_add(r1, wasm_v128_and(step, hint));
    r1 = wasm_i32x4_add(r1, wasm_v128_and(wasm_i32x4_lt(r1, zero), vm));
    r1 = wasm_i32x4_sub(r1, wasm_v128_and(wasm_i32x4_ge(r1, vm), vm));
    wasm_v128_store(b + i, r1);
  }
}
