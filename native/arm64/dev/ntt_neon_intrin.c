/* The NEON ML-DSA NTT and inverse NTT in intrinsics, and C entry points for the
 * hand-written assembly ntt_neon_clean.S / invntt_neon_clean.S: TEST-ONLY
 * references, compiled into no core (scripts/build-addon.sh builds the .c and .S
 * files of native/arm64, not of this folder). The cores use the SLOTHY-scheduled assembly
 * (../ntt_neon_slothy.S, ../invntt_neon_slothy.S, generated from the clean .S by
 * scripts/slothy-ntt.sh); native/test/test_mldsa_neon.c checks that intrinsics,
 * clean .S and SLOTHY .S give identical outputs on random and worst-case inputs.
 *
 * The algorithm, its bounds and the table layouts are described in
 * ../mldsa_neon.c (the tables are ../mldsa_neon_tables.inc, shared by all three
 * forms). */
#include <arm_neon.h>

#include "mldsa/kernels_mldsa.h"
#include "ntt_neon_dev.h"

#include "../mldsa_neon_tables.inc"

#define Q 8380417

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

/* Forward NTT, pass by pass as pq_neon_ntt (bounds and tables: ../mldsa_neon.c). */
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

/* Inverse NTT times 2^32, pass by pass as pq_neon_invntt_tomont. */
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

/* The hand-written assembly (tables as arguments, as the SLOTHY version). */
void pq_neon_ntt_clean_asm(int32_t a[PQ_MLDSA_N], const int32_t *l123, const int32_t *l456,
                           const int32_t *l78);
void pq_neon_invntt_clean_asm(int32_t a[PQ_MLDSA_N], const int32_t *l12, const int32_t *l345,
                              const int32_t *l123);

void pq_neon_ntt_clean(int32_t a[PQ_MLDSA_N]) {
  pq_neon_ntt_clean_asm(a, pq_neon_ntt_l123, pq_neon_ntt_l456, pq_neon_ntt_l78);
}
void pq_neon_invntt_clean(int32_t a[PQ_MLDSA_N]) {
  pq_neon_invntt_clean_asm(a, pq_neon_intt_l12, pq_neon_intt_l345, pq_neon_intt_l123);
}
