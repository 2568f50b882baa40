/* ML-DSA kernels in AArch64 NEON (q = 8380417, four int32 lanes).
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
 * The cores ship one form of each transform: ntt_neon_slothy.S and
 * invntt_neon_slothy.S (pq_ntt, pq_invntt_tomont below), SLOTHY's schedule
 * (scripts/slothy-ntt.sh, SLOTHY.md) of the hand-written dev/ntt_neon_clean.S and
 * dev/invntt_neon_clean.S. dev/ntt_neon_intrin.c is the readable C form of the
 * algorithm in intrinsics. The dev/ files are test-only references, built into
 * no core: native/test/test_mldsa_neon.c checks that the three forms give
 * identical outputs.
 *
 * The other kernels are exact: they give the reference's values bit for bit. */
#include <arm_neon.h>
#include <string.h>

#include "mldsa/kernels_mldsa.h"
#include "mldsa_neon_tables.inc"

#define Q 8380417
#define QINV 58728449 /* q^-1 mod 2^32 */

/* ---- NTT --------------------------------------------------------------------- */

/* The assembly takes the tables as arguments (no relocations in .S). */
void pq_neon_ntt_slothy_asm(int32_t a[PQ_MLDSA_N], const int32_t *l123, const int32_t *l456,
                            const int32_t *l78);
void pq_neon_invntt_slothy_asm(int32_t a[PQ_MLDSA_N], const int32_t *l12, const int32_t *l345,
                               const int32_t *l123);

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
void pq_neon_ntt(int32_t a[PQ_MLDSA_N]) {
  pq_neon_ntt_slothy_asm(a, pq_neon_ntt_l123, pq_neon_ntt_l456, pq_neon_ntt_l78);
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
void pq_neon_invntt_tomont(int32_t a[PQ_MLDSA_N]) {
  pq_neon_invntt_slothy_asm(a, pq_neon_intt_l12, pq_neon_intt_l345, pq_neon_intt_l123);
}

/* ---- pointwise products ----------------------------------------------------------- */

/* The products mod 2^32 (mul, mls) are done on unsigned lanes: GCC's
 * arm_neon.h writes them as C vector arithmetic, where a signed wrap would be
 * undefined; the instructions are the same. */
#define U32(x) vreinterpretq_u32_s32(x)
#define S32(x) vreinterpretq_s32_u32(x)

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
