/* ML-DSA kernels in AArch64 NEON intrinsics (q = 8380417, four int32 lanes).
 *
 * NTT (forward and inverse): Barrett multiplication by plain twiddles z with
 * z' = round(z 2^31 / q) (scripts/gen-arm64-tables.py):
 *   t = sqrdmulh(a, z') = round(a z' / 2^31),  r = a z - t q  (mul, mls)
 * r = a z mod q exactly in 32 bits, |r| <= q (1/2 + |a| / 2^32) < q for
 * |a| < 2^31. The result is congruent to the reference's Montgomery product by
 * z 2^32 but not always the same representative (PQ_NTT_EXACT is 0).
 *
 * Forward layout, three passes (layers merged 3 + 3 + 2):
 *   1. layers 1-3 (len 128, 64, 32) on eight vectors 32 coefficients apart
 *      (x_i = a[j + 32 i .. + 3], j = 0, 4, .., 28), broadcast twiddles;
 *   2. layers 4-6 (len 16, 8, 4) on each block of 32 coefficients
 *      (x_r = a[32 b + 4 r .. + 3]), broadcast twiddles;
 *   3. layers 7-8 (len 2, 1) on each half-block of 16: a 4x4 transpose
 *      (trn1/trn2) puts the 4-coefficient group r in lane r, lane-varying
 *      twiddles, the transpose back.
 * (One pass for layers 4-8, 165 instructions a block, was the first design;
 * SLOTHY finds no schedule for it within minutes, see SLOTHY.md; the extra
 * load/store pass runs on the load/store units beside the multiplies.)
 * No reductions: the bound grows by <= q/2 + |a| q / 2^32 per layer; from
 * |in| < q: |out| <= PQ_NEON_NTT_BOUND = 42225258 < 5.04 q (mldsa/kernels_mldsa.h allows 9q).
 * The inverse mirrors it (Gentleman-Sande: a' = a + b, b' = (a - b) w with
 * w = -z of the reference's index); sums at most double per layer, so from
 * |in| < q they stay <= 256 (q - 1) < 2^31 before the last layer, which
 * multiplies the sums by f = 2^32 / 256 mod q and the differences by w_1 f:
 * |out| < q, equal mod q to the reference's invntt_tomont.
 *
 * This file is the readable C form of the algorithm; ntt_neon_clean.S and
 * invntt_neon_clean.S are the same instructions in assembly, and the
 * *_slothy.S files are those scheduled by SLOTHY (selected as pq_ntt and
 * pq_invntt_tomont). All three give identical outputs.
 *
 * The other kernels are exact: they give the reference's values bit for bit. */
#include <arm_neon.h>
#include <string.h>

#include "mldsa/kernels_mldsa.h"
#include "mldsa_neon_tables.inc"

#define Q 8380417
#define QINV 58728449 /* q^-1 mod 2^32 */

/* ---- NTT --------------------------------------------------------------------- */

/* The products mod 2^32 (mul, mls) are done on unsigned lanes: GCC's
 * arm_neon.h writes them as C vector arithmetic, where a signed wrap would be
 * undefined; the instructions are the same. */
#define U32(x) vreinterpretq_u32_s32(x)
#define S32(x) vreinterpretq_s32_u32(x)
/* Barrett product b z mod q; z in lane i0, z' in lane i1 of w (by element). */
#define BARMUL_LANE(b, w, i0, i1, qv) \
  S32(vmlsq_laneq_u32(vmulq_laneq_u32(U32(b), U32(w), i0), U32(vqrdmulhq_laneq_s32(b, w, i1)), U32(qv), 0))
/* Barrett product with lane-varying z (vector z, twists zt). */
#define BARMUL_VEC(b, z, zt, qv) \
  S32(vmlsq_laneq_u32(vmulq_u32(U32(b), U32(z)), U32(vqrdmulhq_s32(b, zt)), U32(qv), 0))

/* the eight vectors x0..x7 of one butterfly block: p, p + s, ..., p + 7 s */
#define LOAD8(p, s)                                                                          \
  int32x4_t x0 = vld1q_s32(p), x1 = vld1q_s32((p) + (s)), x2 = vld1q_s32((p) + 2 * (s)),     \
            x3 = vld1q_s32((p) + 3 * (s)), x4 = vld1q_s32((p) + 4 * (s)),                    \
            x5 = vld1q_s32((p) + 5 * (s)), x6 = vld1q_s32((p) + 6 * (s)),                    \
            x7 = vld1q_s32((p) + 7 * (s))
#define STORE8(p, s)                                                                          \
  do {                                                                                       \
    vst1q_s32(p, x0); vst1q_s32((p) + (s), x1); vst1q_s32((p) + 2 * (s), x2);               \
    vst1q_s32((p) + 3 * (s), x3); vst1q_s32((p) + 4 * (s), x4);                             \
    vst1q_s32((p) + 5 * (s), x5); vst1q_s32((p) + 6 * (s), x6); vst1q_s32((p) + 7 * (s), x7); \
  } while (0)

/* Cooley-Tukey: (x, y) -> (x + y z, x - y z) */
#define CT_LANE(x, y, w, i0, i1)                            \
  do {                                                      \
    const int32x4_t t_ = BARMUL_LANE(y, w, i0, i1, qv);     \
    y = vsubq_s32(x, t_);                                   \
    x = vaddq_s32(x, t_);                                   \
  } while (0)
#define CT_VEC(x, y, z, zt)                                 \
  do {                                                      \
    const int32x4_t t_ = BARMUL_VEC(y, z, zt, qv);          \
    y = vsubq_s32(x, t_);                                   \
    x = vaddq_s32(x, t_);                                   \
  } while (0)
/* Gentleman-Sande: (x, y) -> (x + y, (x - y) w) */
#define GS_LANE(x, y, w, i0, i1)                            \
  do {                                                      \
    const int32x4_t d_ = vsubq_s32(x, y);                   \
    x = vaddq_s32(x, y);                                    \
    y = BARMUL_LANE(d_, w, i0, i1, qv);                     \
  } while (0)
#define GS_VEC(x, y, z, zt)                                 \
  do {                                                      \
    const int32x4_t d_ = vsubq_s32(x, y);                   \
    x = vaddq_s32(x, y);                                    \
    y = BARMUL_VEC(d_, z, zt, qv);                          \
  } while (0)

/* 4x4 transpose of int32 lanes, x_c[r] <- x_r[c] (its own inverse) */
#define TRANSPOSE4(x0, x1, x2, x3)                                                       \
  do {                                                                                   \
    const int32x4_t t0_ = vtrn1q_s32(x0, x1), t1_ = vtrn2q_s32(x0, x1);                  \
    const int32x4_t t2_ = vtrn1q_s32(x2, x3), t3_ = vtrn2q_s32(x2, x3);                  \
    x0 = vreinterpretq_s32_s64(vtrn1q_s64(vreinterpretq_s64_s32(t0_), vreinterpretq_s64_s32(t2_))); \
    x2 = vreinterpretq_s32_s64(vtrn2q_s64(vreinterpretq_s64_s32(t0_), vreinterpretq_s64_s32(t2_))); \
    x1 = vreinterpretq_s32_s64(vtrn1q_s64(vreinterpretq_s64_s32(t1_), vreinterpretq_s64_s32(t3_))); \
    x3 = vreinterpretq_s32_s64(vtrn2q_s64(vreinterpretq_s64_s32(t1_), vreinterpretq_s64_s32(t3_))); \
  } while (0)

/* Forward NTT. in: |a_i| < q.  out: |a_i| <= 42225258 < 5.04 q, congruent to
 * pq_ref_ntt's output mod q (bit-reversed order, as the reference).
 * Bounds: 20993809 after pass 1, 33706636 after pass 2.
 *
 * pq_neon_ntt_l123: (z_k, z'_k) for k = 1..7 in lanes (2k-2, 2k-1) of 4 vectors.
 * pq_neon_ntt_l456, 4 vectors per block b: lane pairs (z, z') of k = 8+b |
 *   16+2b, 17+2b | 32+4b .. 35+4b.
 * pq_neon_ntt_l78, 6 vectors per half-block h (groups g = 4h + r of four
 *   coefficients in lane r): z, z' of layer 7 (k = 64+g), of layer 8 for
 *   (x0, x1) (k = 128+2g) and for (x2, x3) (k = 129+2g). */
void pq_neon_ntt_intrin(int32_t a[PQ_MLDSA_N]) {
  const int32x4_t qv = vdupq_n_s32(Q);
  const int32x4_t r0 = vld1q_s32(pq_neon_ntt_l123), r1 = vld1q_s32(pq_neon_ntt_l123 + 4);
  const int32x4_t r2 = vld1q_s32(pq_neon_ntt_l123 + 8), r3 = vld1q_s32(pq_neon_ntt_l123 + 12);
  /* pass 1, layers 1-3 (len 128, 64, 32): x_i = a[j + 32 i .. + 3] */
  for (unsigned j = 0; j < 32; j += 4) {
    int32_t *p = a + j;
    LOAD8(p, 32);
    CT_LANE(x0, x4, r0, 0, 1); /* len 128 */
    CT_LANE(x1, x5, r0, 0, 1);
    CT_LANE(x2, x6, r0, 0, 1);
    CT_LANE(x3, x7, r0, 0, 1);
    CT_LANE(x0, x2, r0, 2, 3); /* len 64 */
    CT_LANE(x1, x3, r0, 2, 3);
    CT_LANE(x4, x6, r1, 0, 1);
    CT_LANE(x5, x7, r1, 0, 1);
    CT_LANE(x0, x1, r1, 2, 3); /* len 32 */
    CT_LANE(x2, x3, r2, 0, 1);
    CT_LANE(x4, x5, r2, 2, 3);
    CT_LANE(x6, x7, r3, 0, 1);
    STORE8(p, 32);
  }
  /* pass 2, layers 4-6 (len 16, 8, 4) per block of 32: x_r = a[32 b + 4 r .. + 3] */
  for (unsigned b = 0; b < 8; b++) {
    int32_t *p = a + 32 * b;
    const int32_t *w = pq_neon_ntt_l456 + 16 * b;
    LOAD8(p, 4);
    const int32x4_t w0 = vld1q_s32(w), w1 = vld1q_s32(w + 4), w2 = vld1q_s32(w + 8), w3 = vld1q_s32(w + 12);
    CT_LANE(x0, x4, w0, 0, 1); /* len 16 */
    CT_LANE(x1, x5, w0, 0, 1);
    CT_LANE(x2, x6, w0, 0, 1);
    CT_LANE(x3, x7, w0, 0, 1);
    CT_LANE(x0, x2, w0, 2, 3); /* len 8 */
    CT_LANE(x1, x3, w0, 2, 3);
    CT_LANE(x4, x6, w1, 0, 1);
    CT_LANE(x5, x7, w1, 0, 1);
    CT_LANE(x0, x1, w1, 2, 3); /* len 4 */
    CT_LANE(x2, x3, w2, 0, 1);
    CT_LANE(x4, x5, w2, 2, 3);
    CT_LANE(x6, x7, w3, 0, 1);
    STORE8(p, 4);
  }
  /* pass 3, layers 7-8 (len 2, 1) per half-block of 16: after the transpose,
   * lane r of x_c is coefficient 4 r + c */
  for (unsigned h = 0; h < 16; h++) {
    int32_t *p = a + 16 * h;
    const int32_t *w = pq_neon_ntt_l78 + 24 * h;
    int32x4_t x0 = vld1q_s32(p), x1 = vld1q_s32(p + 4), x2 = vld1q_s32(p + 8), x3 = vld1q_s32(p + 12);
    TRANSPOSE4(x0, x1, x2, x3);
    const int32x4_t z7 = vld1q_s32(w), z7t = vld1q_s32(w + 4);
    CT_VEC(x0, x2, z7, z7t); /* len 2 */
    CT_VEC(x1, x3, z7, z7t);
    CT_VEC(x0, x1, vld1q_s32(w + 8), vld1q_s32(w + 12)); /* len 1 */
    CT_VEC(x2, x3, vld1q_s32(w + 16), vld1q_s32(w + 20));
    TRANSPOSE4(x0, x1, x2, x3);
    vst1q_s32(p, x0);
    vst1q_s32(p + 4, x1);
    vst1q_s32(p + 8, x2);
    vst1q_s32(p + 12, x3);
  }
}

/* Inverse NTT times 2^32 (as pq_ref_invntt_tomont, mod q).
 * in: |a_i| < q.  out: |a_i| < q (products <= 6390409). Sums <= 4 (q - 1)
 * after pass 1, 32 (q - 1) after pass 2, 256 (q - 1) < 2^31 in the last layer.
 *
 * pq_neon_intt_l12, 6 vectors per half-block h (g = 4h + r in lane r),
 *   w = -z_k with k of the reference: w, w' of len 1 for (x0, x1)
 *   (k = 255-2g) and for (x2, x3) (k = 254-2g), of len 2 (k = 127-g).
 * pq_neon_intt_l345, 4 vectors per block b: lane pairs (w, w') of len 4:
 *   k = 63-4b .. 60-4b | len 8: k = 31-2b, 30-2b | len 16: k = 15-b.
 * pq_neon_intt_l123: lane pairs of len 32: k = 7, 6, 5, 4 | len 64: k = 3, 2 |
 *   w_1 f and f for len 128 (f = 2^32 / 256 mod q). */
void pq_neon_invntt_intrin(int32_t a[PQ_MLDSA_N]) {
  const int32x4_t qv = vdupq_n_s32(Q);
  /* pass 1, len 1, 2 per half-block of 16 (transposed) */
  for (unsigned h = 0; h < 16; h++) {
    int32_t *p = a + 16 * h;
    const int32_t *w = pq_neon_intt_l12 + 24 * h;
    int32x4_t x0 = vld1q_s32(p), x1 = vld1q_s32(p + 4), x2 = vld1q_s32(p + 8), x3 = vld1q_s32(p + 12);
    TRANSPOSE4(x0, x1, x2, x3);
    GS_VEC(x0, x1, vld1q_s32(w), vld1q_s32(w + 4)); /* len 1 */
    GS_VEC(x2, x3, vld1q_s32(w + 8), vld1q_s32(w + 12));
    const int32x4_t z2 = vld1q_s32(w + 16), z2t = vld1q_s32(w + 20);
    GS_VEC(x0, x2, z2, z2t); /* len 2 */
    GS_VEC(x1, x3, z2, z2t);
    TRANSPOSE4(x0, x1, x2, x3);
    vst1q_s32(p, x0);
    vst1q_s32(p + 4, x1);
    vst1q_s32(p + 8, x2);
    vst1q_s32(p + 12, x3);
  }
  /* pass 2, len 4, 8, 16 per block of 32 */
  for (unsigned b = 0; b < 8; b++) {
    int32_t *p = a + 32 * b;
    const int32_t *w = pq_neon_intt_l345 + 16 * b;
    LOAD8(p, 4);
    const int32x4_t w0 = vld1q_s32(w), w1 = vld1q_s32(w + 4), w2 = vld1q_s32(w + 8), w3 = vld1q_s32(w + 12);
    GS_LANE(x0, x1, w0, 0, 1); /* len 4 */
    GS_LANE(x2, x3, w0, 2, 3);
    GS_LANE(x4, x5, w1, 0, 1);
    GS_LANE(x6, x7, w1, 2, 3);
    GS_LANE(x0, x2, w2, 0, 1); /* len 8 */
    GS_LANE(x1, x3, w2, 0, 1);
    GS_LANE(x4, x6, w2, 2, 3);
    GS_LANE(x5, x7, w2, 2, 3);
    GS_LANE(x0, x4, w3, 0, 1); /* len 16 */
    GS_LANE(x1, x5, w3, 0, 1);
    GS_LANE(x2, x6, w3, 0, 1);
    GS_LANE(x3, x7, w3, 0, 1);
    STORE8(p, 4);
  }
  /* pass 3, len 32, 64, 128 (with the scaling): x_i = a[j + 32 i .. + 3] */
  const int32x4_t r0 = vld1q_s32(pq_neon_intt_l123), r1 = vld1q_s32(pq_neon_intt_l123 + 4);
  const int32x4_t r2 = vld1q_s32(pq_neon_intt_l123 + 8), r3 = vld1q_s32(pq_neon_intt_l123 + 12);
  for (unsigned j = 0; j < 32; j += 4) {
    int32_t *p = a + j;
    LOAD8(p, 32);
    GS_LANE(x0, x1, r0, 0, 1); /* len 32 */
    GS_LANE(x2, x3, r0, 2, 3);
    GS_LANE(x4, x5, r1, 0, 1);
    GS_LANE(x6, x7, r1, 2, 3);
    GS_LANE(x0, x2, r2, 0, 1); /* len 64 */
    GS_LANE(x1, x3, r2, 0, 1);
    GS_LANE(x4, x6, r2, 2, 3);
    GS_LANE(x5, x7, r2, 2, 3);
    /* len 128 with the scaling: sums |x0 + x4| <= 256 (q - 1) < 2^31 times f */
#define GS_LAST(x, y)                              \
  do {                                             \
    const int32x4_t d_ = vsubq_s32(x, y);          \
    x = BARMUL_LANE(vaddq_s32(x, y), r3, 2, 3, qv); \
    y = BARMUL_LANE(d_, r3, 0, 1, qv);             \
  } while (0)
    GS_LAST(x0, x4);
    GS_LAST(x1, x5);
    GS_LAST(x2, x6);
    GS_LAST(x3, x7);
#undef GS_LAST
    STORE8(p, 32);
  }
}

/* The assembly versions take the tables as arguments (no relocations in .S). */
void pq_neon_ntt_clean_asm(int32_t a[PQ_MLDSA_N], const int32_t *l123, const int32_t *l456, const int32_t *l78);
void pq_neon_invntt_clean_asm(int32_t a[PQ_MLDSA_N], const int32_t *l12, const int32_t *l345, const int32_t *l123);
void pq_neon_ntt_slothy_asm(int32_t a[PQ_MLDSA_N], const int32_t *l123, const int32_t *l456, const int32_t *l78);
void pq_neon_invntt_slothy_asm(int32_t a[PQ_MLDSA_N], const int32_t *l12, const int32_t *l345, const int32_t *l123);

void pq_neon_ntt_clean(int32_t a[PQ_MLDSA_N]) {
  pq_neon_ntt_clean_asm(a, pq_neon_ntt_l123, pq_neon_ntt_l456, pq_neon_ntt_l78);
}
void pq_neon_invntt_clean(int32_t a[PQ_MLDSA_N]) {
  pq_neon_invntt_clean_asm(a, pq_neon_intt_l12, pq_neon_intt_l345, pq_neon_intt_l123);
}
void pq_neon_ntt(int32_t a[PQ_MLDSA_N]) {
  pq_neon_ntt_slothy_asm(a, pq_neon_ntt_l123, pq_neon_ntt_l456, pq_neon_ntt_l78);
}
void pq_neon_invntt_tomont(int32_t a[PQ_MLDSA_N]) {
  pq_neon_invntt_slothy_asm(a, pq_neon_intt_l12, pq_neon_intt_l345, pq_neon_intt_l123);
}

/* ---- pointwise products ----------------------------------------------------------- */

/* c_i = a_i b_i 2^-32 mod± q, identical to pq_montgomery_reduce(a_i b_i):
 * hi = sqdmulh(a, b) = floor(2 a b / 2^32), t = a (b q^-1) = (a b) q^-1 mod 2^32,
 * hi' = sqdmulh(t, q); 2ab and 2tq agree mod 2^32, so hi - hi' = 2 (ab - tq) / 2^32
 * exactly and the halving subtract gives (ab - tq) >> 32. No saturation: |a b| <
 * 2^31 q excludes a = b = -2^31. in: |a_i b_i| < 2^31 q.  out: |c_i| < q. */
void pq_neon_poly_pointwise(int32_t c[PQ_MLDSA_N], const int32_t a[PQ_MLDSA_N],
                            const int32_t b[PQ_MLDSA_N]) {
  const int32x4_t qv = vdupq_n_s32(Q), qinv = vdupq_n_s32(QINV);
  for (unsigned i = 0; i < PQ_MLDSA_N; i += 4) {
    const int32x4_t x = vld1q_s32(a + i), y = vld1q_s32(b + i);
    const int32x4_t hi = vqdmulhq_s32(x, y);
    const int32x4_t t = S32(vmulq_u32(U32(x), vmulq_u32(U32(y), U32(qinv)))); /* mod 2^32 */
    vst1q_s32(c + i, vhsubq_s32(hi, vqdmulhq_s32(t, qv)));
  }
}

/* One Montgomery reduction of the 64-bit sums (lo: lanes 0, 1; hi: lanes 2, 3),
 * exactly pq_montgomery_reduce: t = low32 q^-1, (s - t q) >> 32. */
static inline int32x4_t mont_reduce64(int64x2_t lo, int64x2_t hi, int32x4_t qv, int32x4_t qinv) {
  const int32x4_t low = vuzp1q_s32(vreinterpretq_s32_s64(lo), vreinterpretq_s32_s64(hi));
  const int32x4_t t = S32(vmulq_u32(U32(low), U32(qinv))); /* mod 2^32 */
  lo = vmlsl_s32(lo, vget_low_s32(t), vget_low_s32(qv));
  hi = vmlsl_high_s32(hi, t, qv);
  return vuzp2q_s32(vreinterpretq_s32_s64(lo), vreinterpretq_s32_s64(hi));
}

/* c_i = (sum_k a[k]_i b[k]_i) 2^-32 mod± q, one reduction per coefficient;
 * 64-bit sums (smlal). in: sum_k |a b| < 2^31 q, n <= 16.  out: |c_i| < q. */
void pq_neon_poly_pointwise_acc(int32_t c[PQ_MLDSA_N], const int32_t *const *a,
                                const int32_t *const *b, unsigned n) {
  const int32x4_t qv = vdupq_n_s32(Q), qinv = vdupq_n_s32(QINV);
  for (unsigned i = 0; i < PQ_MLDSA_N; i += 8) {
    int64x2_t s0 = vdupq_n_s64(0), s1 = s0, s2 = s0, s3 = s0;
    for (unsigned k = 0; k < n; k++) {
      const int32x4_t x0 = vld1q_s32(a[k] + i), y0 = vld1q_s32(b[k] + i);
      const int32x4_t x1 = vld1q_s32(a[k] + i + 4), y1 = vld1q_s32(b[k] + i + 4);
      s0 = vmlal_s32(s0, vget_low_s32(x0), vget_low_s32(y0));
      s1 = vmlal_high_s32(s1, x0, y0);
      s2 = vmlal_s32(s2, vget_low_s32(x1), vget_low_s32(y1));
      s3 = vmlal_high_s32(s3, x1, y1);
    }
    vst1q_s32(c + i, mont_reduce64(s0, s1, qv, qinv));
    vst1q_s32(c + i + 4, mont_reduce64(s2, s3, qv, qinv));
  }
}

/* ---- norm check ------------------------------------------------------------------- */

/* 1 if some |a_i| >= bound, else 0; no branch on the data (one horizontal max
 * at the end). in: |a_i| <= (q-1)/2, so vabsq does not overflow. */
int pq_neon_poly_chknorm(const int32_t a[PQ_MLDSA_N], int32_t bound) {
  const int32x4_t lim = vdupq_n_s32(bound - 1);
  uint32x4_t bad = vdupq_n_u32(0);
  for (unsigned i = 0; i < PQ_MLDSA_N; i += 4) bad = vorrq_u32(bad, vcgtq_s32(vabsq_s32(vld1q_s32(a + i)), lim));
  return (int)(vmaxvq_u32(bad) >> 31);
}

/* ---- sampling ----------------------------------------------------------------------- */

/* Uniform rejection sampling (public data): eight 3-byte candidates from 24
 * bytes per step (a 16-byte and an 8-byte load: never past buf + buflen), tbl
 * spreads them into int32 lanes, the accept mask of each 4-lane half indexes
 * pq_neon_compact4 to move the accepted lanes to the front. Each store writes
 * four lanes at a + ctr; ctr + 8 <= len keeps both inside a[0 .. len). */
unsigned pq_neon_rej_uniform(int32_t *a, unsigned len, const uint8_t *buf, unsigned buflen) {
  static const uint8_t spread0[16] = {0, 1, 2, 255, 3, 4, 5, 255, 6, 7, 8, 255, 9, 10, 11, 255};
  static const uint8_t spread1[16] = {12, 13, 14, 255, 15, 16, 17, 255, 18, 19, 20, 255, 21, 22, 23, 255};
  static const uint32_t bits[4] = {1, 2, 4, 8};
  const uint8x16_t s0 = vld1q_u8(spread0), s1 = vld1q_u8(spread1);
  const uint32x4_t mask = vdupq_n_u32(0x7FFFFF), qv = vdupq_n_u32(Q), bit = vld1q_u32(bits);
  unsigned ctr = 0, pos = 0;
  while (ctr + 8 <= len && pos + 24 <= buflen) {
    const uint8x16_t lo = vld1q_u8(buf + pos);
    const uint8x8_t hi = vld1_u8(buf + pos + 16);
    const uint8x16x2_t both = {{lo, vcombine_u8(hi, hi)}};
    const uint32x4_t v0 = vandq_u32(vreinterpretq_u32_u8(vqtbl1q_u8(lo, s0)), mask);
    const uint32x4_t v1 = vandq_u32(vreinterpretq_u32_u8(vqtbl2q_u8(both, s1)), mask);
    const unsigned m0 = vaddvq_u32(vandq_u32(vcltq_u32(v0, qv), bit));
    const unsigned m1 = vaddvq_u32(vandq_u32(vcltq_u32(v1, qv), bit));
    vst1q_s32(a + ctr, vreinterpretq_s32_u8(vqtbl1q_u8(vreinterpretq_u8_u32(v0), vld1q_u8(pq_neon_compact4[m0]))));
    ctr += (unsigned)__builtin_popcount(m0);
    vst1q_s32(a + ctr, vreinterpretq_s32_u8(vqtbl1q_u8(vreinterpretq_u8_u32(v1), vld1q_u8(pq_neon_compact4[m1]))));
    ctr += (unsigned)__builtin_popcount(m1);
    pos += 24;
  }
  return ctr + pq_ref_rej_uniform(a + ctr, len - ctr, buf + pos, buflen - pos);
}

/* Eight nibbles (4 bytes, low nibble first) -> eta - (t mod 5) or eta - t in
 * int8 lanes, compacted by the accept mask and widened to int32 at a + ctr.
 * Secret values are only computed on; the table index and the store position
 * depend on which nibbles were rejected, which mldsa/kernels_mldsa.h declares
 * independent of the accepted values. Needs ctr + 8 <= len. */
static inline unsigned eta8(int32_t *a, uint8x8_t t, uint8x8_t bound, int8x8_t e, int eta2,
                            uint8x8_t bit) {
  const unsigned m = vaddv_u8(vand_u8(vclt_u8(t, bound), bit));
  if (eta2) { /* t mod 5 for t < 15: subtract 5 twice where t > 4 (no branch) */
    const uint8x8_t four = vdup_n_u8(4), five = vdup_n_u8(5);
    t = vsub_u8(t, vand_u8(vcgt_u8(t, four), five));
    t = vsub_u8(t, vand_u8(vcgt_u8(t, four), five));
  }
  const int8x8_t v = vtbl1_s8(vsub_s8(e, vreinterpret_s8_u8(t)), vreinterpret_s8_u8(vld1_u8(pq_neon_compact8[m])));
  const int16x8_t w = vmovl_s8(v);
  vst1q_s32(a, vmovl_s16(vget_low_s16(w)));
  vst1q_s32(a + 4, vmovl_high_s16(w));
  return (unsigned)__builtin_popcount(m);
}

unsigned pq_neon_rej_eta(int32_t *a, unsigned len, const uint8_t *buf, unsigned buflen,
                         unsigned eta) {
  static const uint8_t bits[8] = {1, 2, 4, 8, 16, 32, 64, 128};
  const uint8x8_t bit = vld1_u8(bits), nib = vdup_n_u8(15);
  const uint8x8_t bound = vdup_n_u8(eta == 2 ? 15 : 9);
  const int8x8_t e = vdup_n_s8((int8_t)eta);
  const int eta2 = eta == 2;
  unsigned ctr = 0, pos = 0;
  while (ctr + 16 <= len && pos + 8 <= buflen) { /* 16 nibbles */
    const uint8x8_t x = vld1_u8(buf + pos);
    const uint8x8_t lo = vand_u8(x, nib), hi = vshr_n_u8(x, 4);
    ctr += eta8(a + ctr, vzip1_u8(lo, hi), bound, e, eta2, bit);
    ctr += eta8(a + ctr, vzip2_u8(lo, hi), bound, e, eta2, bit);
    pos += 8;
  }
  while (ctr + 8 <= len && pos + 4 <= buflen) { /* 8 nibbles */
    uint32_t w;
    memcpy(&w, buf + pos, 4);
    const uint8x8_t x = vcreate_u8(w);
    ctr += eta8(a + ctr, vzip1_u8(vand_u8(x, nib), vshr_n_u8(x, 4)), bound, e, eta2, bit);
    pos += 4;
  }
  return ctr + pq_ref_rej_eta(a + ctr, len - ctr, buf + pos, buflen - pos, eta);
}

/* ---- rounding ------------------------------------------------------------------------ */

/* Decompose on four lanes with the reference's arithmetic (no branch on data):
 * a1 = (a + 127) >> 7, then (a1 1025 + 2^21) >> 22 & 15 or (a1 11275 + 2^23) >> 24
 * with 44 -> 0 (vrshr adds the rounding constant: no overflow, |a1| < 2^17);
 * a0 = a - a1 2 gamma2, minus q where a0 > (q-1)/2. in: a in [0, q). */
static inline int32x4_t decompose4(int32x4_t *a0, int32x4_t a, int32_t gamma2) {
  int32x4_t a1 = vshrq_n_s32(vaddq_s32(a, vdupq_n_s32(127)), 7);
  if (gamma2 == (Q - 1) / 32) {
    a1 = vrshrq_n_s32(vmulq_n_s32(a1, 1025), 22);
    a1 = vandq_s32(a1, vdupq_n_s32(15));
  } else {
    a1 = vrshrq_n_s32(vmulq_n_s32(a1, 11275), 24);
    a1 = vbicq_s32(a1, vreinterpretq_s32_u32(vcgtq_s32(a1, vdupq_n_s32(43))));
  }
  int32x4_t r0 = vmlsq_n_s32(a, a1, 2 * gamma2);
  r0 = vsubq_s32(r0, vandq_s32(vreinterpretq_s32_u32(vcgtq_s32(r0, vdupq_n_s32((Q - 1) / 2))), vdupq_n_s32(Q)));
  *a0 = r0;
  return a1;
}

void pq_neon_poly_decompose(int32_t a1[PQ_MLDSA_N], int32_t a0[PQ_MLDSA_N], const int32_t a[PQ_MLDSA_N], int32_t gamma2) {
  for (unsigned i = 0; i < PQ_MLDSA_N; i += 4) {
    int32x4_t r0;
    vst1q_s32(a1 + i, decompose4(&r0, vld1q_s32(a + i), gamma2));
    vst1q_s32(a0 + i, r0);
  }
}

/* UseHint (public data): r1 += h ? (r0 > 0 ? 1 : -1) : 0, wrapped into [0, m). */
void pq_neon_poly_use_hint(int32_t b[PQ_MLDSA_N], const int32_t a[PQ_MLDSA_N], const int32_t h[PQ_MLDSA_N], int32_t gamma2) {
  const int32x4_t m = vdupq_n_s32((Q - 1) / (2 * gamma2)); /* 16 or 44 */
  const int32x4_t mm1 = vdupq_n_s32((Q - 1) / (2 * gamma2) - 1);
  const int32x4_t zero = vdupq_n_s32(0), one = vdupq_n_s32(1);
  for (unsigned i = 0; i < PQ_MLDSA_N; i += 4) {
    int32x4_t r0;
    int32x4_t r1 = decompose4(&r0, vld1q_s32(a + i), gamma2);
    /* step = +1 where r0 > 0, else -1; applied where h != 0 */
    const int32x4_t step = vorrq_s32(vreinterpretq_s32_u32(vcleq_s32(r0, zero)), one);
    r1 = vaddq_s32(r1, vandq_s32(step, vreinterpretq_s32_u32(vtstq_s32(vld1q_s32(h + i), vld1q_s32(h + i)))));
    r1 = vaddq_s32(r1, vandq_s32(vreinterpretq_s32_u32(vcltq_s32(r1, zero)), m));
    r1 = vsubq_s32(r1, vandq_s32(vreinterpretq_s32_u32(vcgtq_s32(r1, mm1)), m));
    vst1q_s32(b + i, r1);
  }
}
