/* Falcon verification kernels in AArch64 NEON (q = 12289, eight int16 lanes).
 *
 * Arithmetic (scripts/gen-arm64-falcon-tables.py derives and asserts every bound
 * quoted here; header of falcon_neon_tables.inc):
 *   fmul(a, w) = a w - q sqrdmulh(a, w')  (MUL, SQRDMULH, MLS), w' = round(w 2^15/q):
 *     exact 16-bit Barrett multiplication by a constant twiddle w (the plain root,
 *     psi^k mod q); the result is congruent to a w and |fmul| <= 12286 for every
 *     int16 a, so the wrapping 16-bit MUL and MLS give it exactly.
 *   R(a) = a - q sqrdmulh(a, 3)  (2 ops): lazy reduction, |R(a)| <= 9560, any int16.
 *   B(a) = a - q srshr(sqdmulh(a, 21843), 13)  (3 ops): the centered residue in
 *     [-(q-1)/2, (q-1)/2] -- what the reference's Barrett reduction returns -- for
 *     |a| <= 30722 (exhaustively checked); used only where |a| <= 21846.
 * The NTT outputs are canonical residues, so congruent lazy intermediates give the
 * reference's values exactly; the pointwise product is the reference's Montgomery
 * product itself (see there). Wrapping multiplies go through uint16 lanes (mulw);
 * every int16 add and sub stays in range by the bounds below (UBSan-clean).
 *
 * NTT layout: layers with len >= 8 run on whole vectors, two layers per pass (one
 * broadcast twiddle per block). The three layers len 4, 2, 1 (forward; inverse
 * 1, 2, 4) run on chunks of 64 coefficients: two LD4 (de-interleave by 4) and
 * UZP1/UZP2 of their matching vectors give eight vectors E_r, O_r (r = 0..3) with
 *   E_r lane m = coefficient 8m + r,  O_r lane m = coefficient 8m + 4 + r
 * of the chunk, in which every butterfly of those layers is "vector with vector":
 *   len 4: (E_r, O_r);  len 2: (E_r, E_{r+2}), (O_r, O_{r+2}), r < 2;
 *   len 1: (E_0, E_1), (E_2, E_3), (O_0, O_1), (O_2, O_3).
 * With chunk c and block-of-8 index b = 8c + m, the twiddle indices (as in the
 * reference's loops) are len 4: n/8 + b; len 2: n/4 + 2b + s (s = 0 for E, 1 for
 * O); len 1: n/2 + 4b + 2s + u (u = 0 for the pairs r = 0, 1; 1 for r = 2, 3).
 * Over the chunk's eight lanes these are 8 consecutive entries (LD1), 16 (LD2
 * de-interleaves s) and 32 (LD4 de-interleaves 2s + u): the generated tables are
 * indexed by k exactly like the reference's. ZIP1/ZIP2 and two ST4 store back.
 *
 * Bounds (the generator's numbers): forward, every pair of layers starts with R
 * of the two inputs that are not multiplied in its first layer (except the first
 * pair of n = 512, from |a| < q: 20735, 30766): <= 21846, then <= 32085; the last
 * layer (len 1) again after R: <= 21846, then B. Inverse: first layer unreduced
 * (sums <= 12288), every later sum reduced by R, every value <= 12288, sums and
 * differences <= 24576; the last layer multiplies by the final factor 2^16/n
 * (folded into its twiddle for the difference) and applies B: <= 12286 in. */
#include <arm_neon.h>

#include "falcon/kernels_falcon.h"
#include "falcon_neon_tables.inc"

#define FQ PQ_FALCON_Q

typedef int16x8_t V;

/* wrapping 16-bit product (MUL): through uint16 lanes, since GCC's vmulq_s16 is the
 * vector-extension `*` on signed lanes, whose overflow C leaves undefined */
static inline V mulw(V a, V b) {
  return vreinterpretq_s16_u16(vmulq_u16(vreinterpretq_u16_s16(a), vreinterpretq_u16_s16(b)));
}

/* a w mod+- q, |result| <= 12286 for every int16 a */
static inline V fmul(V a, V w, V wp, V q) { return vmlsq_s16(mulw(a, w), vqrdmulhq_s16(a, wp), q); }

/* a mod+- q, |result| <= 9560 for every int16 a */
static inline V freduce(V a, V q) { return vmlsq_s16(a, vqrdmulhq_n_s16(a, 3), q); }

/* the centered residue of a, exact for |a| <= 30722 */
static inline V fbarrett(V a, V q) {
  return vmlsq_s16(a, vrshrq_n_s16(vqdmulhq_n_s16(a, PQ_FN_BV), PQ_FN_BS), q);
}

static inline V splat(int16_t w) { return vdupq_n_s16(w); }

/* Cooley-Tukey butterfly (x, y) -> (x + w y, x - w y) */
#define CT(x, y, w, wp)                    \
  do {                                     \
    const V t_ = fmul((y), (w), (wp), q);  \
    (y) = vsubq_s16((x), t_);              \
    (x) = vaddq_s16((x), t_);              \
  } while (0)

/* Gentleman-Sande butterfly (x, y) -> (R(x + y), w (x - y)) */
#define GS(x, y, w, wp)                        \
  do {                                         \
    const V d_ = vsubq_s16((x), (y));          \
    (x) = freduce(vaddq_s16((x), (y)), q);     \
    (y) = fmul(d_, (w), (wp), q);              \
  } while (0)

/* the same without reducing the sum */
#define GS0(x, y, w, wp)                \
  do {                                  \
    const V d_ = vsubq_s16((x), (y));   \
    (x) = vaddq_s16((x), (y));          \
    (y) = fmul(d_, (w), (wp), q);       \
  } while (0)

/* last inverse layer with the final factor folded in: (B(f (x + y)), B(f w (x - y))) */
#define GSF(x, y)                                           \
  do {                                                      \
    const V d_ = vsubq_s16((x), (y));                       \
    (x) = fbarrett(fmul(vaddq_s16((x), (y)), f, fp, q), q); \
    (y) = fbarrett(fmul(d_, fz, fzp, q), q);                \
  } while (0)

/* 64 coefficients at p -> E0..E3, O0..O3 (layout above) and back. Written out (no
 * loops over arrays of vectors): gcc 12 -O2 does not unroll those and keeps the
 * arrays and the LD4 results on the stack. */
#define LOAD_EO(p)                              \
  const int16x8x4_t l_ = vld4q_s16(p);          \
  const int16x8x4_t h_ = vld4q_s16((p) + 32);   \
  V E0 = vuzp1q_s16(l_.val[0], h_.val[0]);      \
  V E1 = vuzp1q_s16(l_.val[1], h_.val[1]);      \
  V E2 = vuzp1q_s16(l_.val[2], h_.val[2]);      \
  V E3 = vuzp1q_s16(l_.val[3], h_.val[3]);      \
  V O0 = vuzp2q_s16(l_.val[0], h_.val[0]);      \
  V O1 = vuzp2q_s16(l_.val[1], h_.val[1]);      \
  V O2 = vuzp2q_s16(l_.val[2], h_.val[2]);      \
  V O3 = vuzp2q_s16(l_.val[3], h_.val[3])
#define STORE_EO(p)                                                                       \
  do {                                                                                    \
    const int16x8x4_t lo_ = {{vzip1q_s16(E0, O0), vzip1q_s16(E1, O1), vzip1q_s16(E2, O2), \
                              vzip1q_s16(E3, O3)}};                                       \
    const int16x8x4_t hi_ = {{vzip2q_s16(E0, O0), vzip2q_s16(E1, O1), vzip2q_s16(E2, O2), \
                              vzip2q_s16(E3, O3)}};                                       \
    vst4q_s16((p), lo_);                                                                  \
    vst4q_s16((p) + 32, hi_);                                                             \
  } while (0)

void pq_neon_falcon_ntt(int16_t *a, unsigned logn) {
  if (logn != 9 && logn != 10) {
    pq_ref_falcon_ntt(a, logn);
    return;
  }
  const V q = splat(FQ);
  const unsigned n = 1u << logn;
  unsigned len = n >> 1;
  int reduce = 0;
  /* in: |a| < q */
  if (logn == 10) {
    /* one single layer (len 512) so that the remaining vector layers pair up: <= 20735 */
    const V w = splat(pq_fn_fw[1]), wp = splat(pq_fn_fwp[1]);
    for (unsigned j = 0; j < 512; j += 8) {
      V x = vld1q_s16(a + j), y = vld1q_s16(a + j + 512);
      CT(x, y, w, wp);
      vst1q_s16(a + j, x);
      vst1q_s16(a + j + 512, y);
    }
    len = 256;
    reduce = 1;
  }
  /* Pairs of layers (len, len/2) down to len/2 = 8: x0..x3 at j, j + len/2, j + len,
   * j + 3len/2 of block b; R of x0, x1 except for the first pair of n = 512. */
  for (; len >= 16; len >>= 2, reduce = 1) {
    const unsigned h = len >> 1, nb = n / (2 * len);
    for (unsigned b = 0; b < nb; b++) {
      const unsigned k = nb + b;
      const V w1 = splat(pq_fn_fw[k]), w1p = splat(pq_fn_fwp[k]);
      const V w2 = splat(pq_fn_fw[2 * k]), w2p = splat(pq_fn_fwp[2 * k]);
      const V w3 = splat(pq_fn_fw[2 * k + 1]), w3p = splat(pq_fn_fwp[2 * k + 1]);
      int16_t *p = a + 2 * len * b;
      for (unsigned j = 0; j < h; j += 8) {
        V x0 = vld1q_s16(p + j), x1 = vld1q_s16(p + j + h);
        V x2 = vld1q_s16(p + j + len), x3 = vld1q_s16(p + j + len + h);
        if (reduce) {
          x0 = freduce(x0, q);
          x1 = freduce(x1, q);
        }
        CT(x0, x2, w1, w1p);
        CT(x1, x3, w1, w1p);
        CT(x0, x1, w2, w2p);
        CT(x2, x3, w3, w3p);
        vst1q_s16(p + j, x0);
        vst1q_s16(p + j + h, x1);
        vst1q_s16(p + j + len, x2);
        vst1q_s16(p + j + len + h, x3);
      }
    }
  }
  /* len 4, 2, 1 on chunks of 64 (b0 = 8c: the chunk's first block of 8) */
  for (unsigned c = 0; c < n / 64; c++) {
    int16_t *p = a + 64 * c;
    const unsigned b0 = 8 * c;
    LOAD_EO(p);
    const V w4 = vld1q_s16(pq_fn_fw + n / 8 + b0), w4p = vld1q_s16(pq_fn_fwp + n / 8 + b0);
    const int16x8x2_t w2 = vld2q_s16(pq_fn_fw + n / 4 + 2 * b0);
    const int16x8x2_t w2p = vld2q_s16(pq_fn_fwp + n / 4 + 2 * b0);
    const int16x8x4_t w1 = vld4q_s16(pq_fn_fw + n / 2 + 4 * b0);
    const int16x8x4_t w1p = vld4q_s16(pq_fn_fwp + n / 2 + 4 * b0);
    /* len 4 */
    E0 = freduce(E0, q);
    E1 = freduce(E1, q);
    E2 = freduce(E2, q);
    E3 = freduce(E3, q);
    CT(E0, O0, w4, w4p);
    CT(E1, O1, w4, w4p);
    CT(E2, O2, w4, w4p);
    CT(E3, O3, w4, w4p);
    /* len 2 */
    CT(E0, E2, w2.val[0], w2p.val[0]);
    CT(E1, E3, w2.val[0], w2p.val[0]);
    CT(O0, O2, w2.val[1], w2p.val[1]);
    CT(O1, O3, w2.val[1], w2p.val[1]);
    /* len 1 */
    E0 = freduce(E0, q);
    E2 = freduce(E2, q);
    O0 = freduce(O0, q);
    O2 = freduce(O2, q);
    CT(E0, E1, w1.val[0], w1p.val[0]);
    CT(E2, E3, w1.val[1], w1p.val[1]);
    CT(O0, O1, w1.val[2], w1p.val[2]);
    CT(O2, O3, w1.val[3], w1p.val[3]);
    E0 = fbarrett(E0, q);
    E1 = fbarrett(E1, q);
    E2 = fbarrett(E2, q);
    E3 = fbarrett(E3, q);
    O0 = fbarrett(O0, q);
    O1 = fbarrett(O1, q);
    O2 = fbarrett(O2, q);
    O3 = fbarrett(O3, q);
    STORE_EO(p);
  }
  /* out: [-(q-1)/2, (q-1)/2] */
}

void pq_neon_falcon_invntt_tomont(int16_t *a, unsigned logn) {
  if (logn != 9 && logn != 10) {
    pq_ref_falcon_invntt_tomont(a, logn);
    return;
  }
  const V q = splat(FQ);
  const unsigned n = 1u << logn;
  /* in: |a| <= (q-1)/2. len 1, 2, 4 on chunks of 64 (first layer unreduced). */
  for (unsigned c = 0; c < n / 64; c++) {
    int16_t *p = a + 64 * c;
    const unsigned b0 = 8 * c;
    LOAD_EO(p);
    const int16x8x4_t w1 = vld4q_s16(pq_fn_iw + n / 2 + 4 * b0);
    const int16x8x4_t w1p = vld4q_s16(pq_fn_iwp + n / 2 + 4 * b0);
    const int16x8x2_t w2 = vld2q_s16(pq_fn_iw + n / 4 + 2 * b0);
    const int16x8x2_t w2p = vld2q_s16(pq_fn_iwp + n / 4 + 2 * b0);
    const V w4 = vld1q_s16(pq_fn_iw + n / 8 + b0), w4p = vld1q_s16(pq_fn_iwp + n / 8 + b0);
    /* len 1 */
    GS0(E0, E1, w1.val[0], w1p.val[0]);
    GS0(E2, E3, w1.val[1], w1p.val[1]);
    GS0(O0, O1, w1.val[2], w1p.val[2]);
    GS0(O2, O3, w1.val[3], w1p.val[3]);
    /* len 2 */
    GS(E0, E2, w2.val[0], w2p.val[0]);
    GS(E1, E3, w2.val[0], w2p.val[0]);
    GS(O0, O2, w2.val[1], w2p.val[1]);
    GS(O1, O3, w2.val[1], w2p.val[1]);
    /* len 4 */
    GS(E0, O0, w4, w4p);
    GS(E1, O1, w4, w4p);
    GS(E2, O2, w4, w4p);
    GS(E3, O3, w4, w4p);
    STORE_EO(p);
  }
  /* Pairs of layers (len, 2 len) from len = 8: x0..x3 at j, j + len, j + 2len, j + 3len
   * of super-block b; the first layer uses k = n/(2len) + 2b (+1), the second
   * k = n/(4len) + b. The last layer of all (len n/2, k = 1) is GSF. */
  const V f = splat(logn == 9 ? PQ_FN_F9 : PQ_FN_F10);
  const V fp = splat(logn == 9 ? PQ_FN_F9P : PQ_FN_F10P);
  const V fz = splat(logn == 9 ? PQ_FN_F9Z : PQ_FN_F10Z);
  const V fzp = splat(logn == 9 ? PQ_FN_F9ZP : PQ_FN_F10ZP);
  unsigned len = 8;
  for (; 4 * len <= n; len <<= 2) {
    const unsigned nb = n / (4 * len), k1 = n / (2 * len), k2 = n / (4 * len);
    const int last = 4 * len == n;
    for (unsigned b = 0; b < nb; b++) {
      const V wa = splat(pq_fn_iw[k1 + 2 * b]), wap = splat(pq_fn_iwp[k1 + 2 * b]);
      const V wb = splat(pq_fn_iw[k1 + 2 * b + 1]), wbp = splat(pq_fn_iwp[k1 + 2 * b + 1]);
      const V wc = splat(pq_fn_iw[k2 + b]), wcp = splat(pq_fn_iwp[k2 + b]);
      int16_t *p = a + 4 * len * b;
      for (unsigned j = 0; j < len; j += 8) {
        V x0 = vld1q_s16(p + j), x1 = vld1q_s16(p + j + len);
        V x2 = vld1q_s16(p + j + 2 * len), x3 = vld1q_s16(p + j + 3 * len);
        GS(x0, x1, wa, wap);
        GS(x2, x3, wb, wbp);
        if (last) {
          GSF(x0, x2);
          GSF(x1, x3);
        } else {
          GS(x0, x2, wc, wcp);
          GS(x1, x3, wc, wcp);
        }
        vst1q_s16(p + j, x0);
        vst1q_s16(p + j + len, x1);
        vst1q_s16(p + j + 2 * len, x2);
        vst1q_s16(p + j + 3 * len, x3);
      }
    }
  }
  if (len < n) {
    /* n = 1024: the last layer (len 512) alone */
    for (unsigned j = 0; j < 512; j += 8) {
      V x = vld1q_s16(a + j), y = vld1q_s16(a + j + 512);
      GSF(x, y);
      vst1q_s16(a + j, x);
      vst1q_s16(a + j + 512, y);
    }
  }
  /* out: [-(q-1)/2, (q-1)/2] */
}

/* c = a b 2^-16 mod+- q, the reference's Montgomery product exactly: with p = a b,
 * t = p q^-1 mod 2^16 (as int16) and p - t q = 2^16 c, SQDMULH gives floor(2p / 2^16)
 * and floor(2tq / 2^16), whose difference is exactly 2c (the two numerators differ
 * by 2^17 c), and SHSUB halves it without overflow. No saturation: |a|, |b| < q.
 * Five operations (MUL, MUL, SQDMULH, SQDMULH, SHSUB) for eight products. */
void pq_neon_falcon_pointwise(int16_t *c, const int16_t *a, const int16_t *b, unsigned n) {
  const V q = splat(FQ), qinv = splat(-12287); /* q^-1 mod 2^16 */
  unsigned i = 0;
  for (; i + 8 <= n; i += 8) {
    const V x = vld1q_s16(a + i), y = vld1q_s16(b + i);
    const V t = mulw(mulw(x, y), qinv);
    vst1q_s16(c + i, vhsubq_s16(vqdmulhq_s16(x, y), vqdmulhq_s16(t, q)));
  }
  for (; i < n; i++) c[i] = pq_falcon_fqmul(a[i], b[i]);
}

/* Hash-to-point sampling: eight 16-bit big-endian samples per step (two steps per
 * iteration while there is room). Accepted lanes (w < 61445 = 5q) are compacted
 * with one TBL from a 256-entry table indexed by the lane mask and stored at
 * c + ctr; the lanes after the accepted ones are zeros that a later store
 * overwrites or that lie past the returned count -- never at or past len: a step
 * runs only while ctr + 8 <= len. w mod q for w < 5q by three unsigned-min steps
 * (w - kq wraps above w when w < kq). The data is public (the hashed message).
 * The tail (fewer than 8 free slots or 16 bytes) is the reference. */
static inline unsigned sample8(uint16_t *c, const uint8_t *buf) {
  static const _Alignas(16) uint16_t bits[8] = {1, 2, 4, 8, 16, 32, 64, 128};
  const uint16x8_t w0 = vreinterpretq_u16_u8(vrev16q_u8(vld1q_u8(buf)));
  const unsigned mask = vaddvq_u16(vandq_u16(vcltq_u16(w0, vdupq_n_u16(61445)), vld1q_u16(bits)));
  uint16x8_t w = vminq_u16(w0, vsubq_u16(w0, vdupq_n_u16(4 * FQ)));
  w = vminq_u16(w, vsubq_u16(w, vdupq_n_u16(2 * FQ)));
  w = vminq_u16(w, vsubq_u16(w, vdupq_n_u16(FQ)));
  const uint8x16_t packed = vqtbl1q_u8(vreinterpretq_u8_u16(w), vld1q_u8(pq_fn_compact8[mask]));
  vst1q_u16(c, vreinterpretq_u16_u8(packed));
  return (unsigned)__builtin_popcount(mask);
}

unsigned pq_neon_falcon_sample(uint16_t *c, unsigned len, const uint8_t *buf, unsigned buflen) {
  unsigned ctr = 0, pos = 0;
  while (ctr + 16 <= len && pos + 32 <= buflen) {
    ctr += sample8(c + ctr, buf + pos);
    ctr += sample8(c + ctr, buf + pos + 16);
    pos += 32;
  }
  while (ctr + 8 <= len && pos + 16 <= buflen) {
    ctr += sample8(c + ctr, buf + pos);
    pos += 16;
  }
  return ctr + pq_ref_falcon_sample(c + ctr, len - ctr, buf + pos, buflen - pos);
}
