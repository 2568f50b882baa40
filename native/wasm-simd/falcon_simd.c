/* Falcon verification kernels in WebAssembly SIMD128 (q = 12289, eight int16 lanes).
 *
 * Twiddle products: exact 16-bit Barrett multiplication by a constant (GUIDE §6),
 *   fmul(a, w) = a*w - q*round(a*w'/2^15),   w' = round(w*2^15/q),
 * = i16x8.mul(a, w) - i16x8.mul(i16x8.q15mulr_sat_s(a, w'), q): four i16x8 ops, no
 * widening. w is the plain twiddle (psi^k mod q, centered), |w| <= (q-1)/2, so
 * |w'| <= 2^14 and q15mulr never saturates. Why it is exact: q15mulr(a, w') =
 * a*w'/2^15 + d with |d| <= 1/2, and with e = w' - w*2^15/q,
 *   a*w - q*(a*w'/2^15 + d) = -q*(a*e/2^15 + d),
 * so the true value is congruent to a*w mod q and |z| <= q*(|a|*|e|/2^15 + 1/2)
 * < 2^15 for every int16 a (|e| <= 1/2); both i16x8.mul products wrap mod 2^16 but
 * their difference is that small true value, so the 16-bit result is exact.
 * The generator (scripts/gen-tables.py) checks the numbers used below over the actual
 * tables: max |e| = 0.4998, |fmul(a, w)| <= 12286 for every int16 a and every twiddle.
 * freduce(a) = a - q*round(3a/2^15) is the same form with w = 1, w' = 3:
 * |freduce(a)| <= 9560 for every int16 a (checked exhaustively by the generator).
 * Measured (Node 20 / V8, Zen 4, Falcon-512 NTT / inverse NTT, same schedule): this
 * Barrett form 538 / 571 ns; Montgomery with i32x4.extmul_{low,high}_i16x8_s (8 ops:
 * 4 extmuls, mul, 2 odd-half shuffles, sub) 909 / 997 ns; Montgomery through
 * q15mulr (5 ops, as in the pointwise kernel) 631 / 681 ns. With relaxed SIMD
 * (relaxed q15mulr is one pmulhrsw) Barrett 363 / 380 ns.
 *
 * Layout: the layers with len >= 16 run on whole vectors (one twiddle per block,
 * two layers per pass, loads and stores once per pair of layers). The last four
 * layers (len 8, 4, 2, 1) run on groups of 16 coefficients in two vectors (x, y);
 * between layers the pair is re-interleaved so that each butterfly is again
 * "x[i] with y[i]": the forward NTT uses i16x8 zips only (punpcklwd/punpckhwd),
 * the inverse a lane bit-reversal, two zips, an i64x2 zip and an i32x4 unzip. The
 * per-lane twiddles for those layers are v128.load{16,32,64}_splat or plain loads of
 * the generated tables (hoisted one loop up, GUIDE §4).
 *
 * Bounds (q = 12289; int16 holds 2.67q): see each kernel; every bound is the one
 * the generator asserts. */
#include <wasm_simd128.h>

#include "falcon/kernels_falcon.h"
#include "falcon_simd_tables.inc"

#define FQ PQ_FALCON_Q
#define FH ((FQ - 1) / 2)

#ifdef __wasm_relaxed_simd__
/* relaxed q15mulr differs only for INT16_MIN * INT16_MIN, which never occurs here:
 * one operand is always a constant of magnitude <= 2^14 (or q), or both are < q */
#define Q15MULR wasm_i16x8_relaxed_q15mulr
#define SWIZZLE wasm_i8x16_relaxed_swizzle
#else
#define Q15MULR wasm_i16x8_q15mulr_sat
#define SWIZZLE wasm_i8x16_swizzle
#endif

typedef v128_t V;

/* a*w mod+- q, |result| <= 12286 for every int16 a (Barrett by the constant w, wp = w') */
static inline V fmul(V a, V w, V wp) {
  return wasm_i16x8_sub(wasm_i16x8_mul(a, w), wasm_i16x8_mul(Q15MULR(a, wp), wasm_i16x8_splat(FQ)));
}

/* a mod+- q, |result| <= 9560 for every int16 a */
static inline V freduce(V a) {
  return wasm_i16x8_sub(a, wasm_i16x8_mul(Q15MULR(a, wasm_i16x8_splat(3)), wasm_i16x8_splat(FQ)));
}

/* |r| < 3q/2  ->  r mod+- q in [-(q-1)/2, (q-1)/2]: r - q*([r > (q-1)/2] - [r < -(q-1)/2]) */
static inline V fcenter(V r) {
  const V d = wasm_i16x8_sub(wasm_i16x8_lt(r, wasm_i16x8_splat(-FH)), wasm_i16x8_gt(r, wasm_i16x8_splat(FH)));
  return wasm_i16x8_sub(r, wasm_i16x8_mul(d, wasm_i16x8_splat(FQ)));
}

/* Cooley-Tukey butterfly (x, y) -> (x + w y, x - w y) */
#define CT(x, y, w, wp)                   \
  do {                                    \
    const V t_ = fmul(y, w, wp);          \
    y = wasm_i16x8_sub(x, t_);            \
    x = wasm_i16x8_add(x, t_);            \
  } while (0)

/* Gentleman-Sande butterfly (x, y) -> (R(x + y), w (x - y)) */
#define GS(x, y, w, wp)                   \
  do {                                    \
    const V d_ = wasm_i16x8_sub(x, y);    \
    x = freduce(wasm_i16x8_add(x, y));    \
    y = fmul(d_, w, wp);                  \
  } while (0)

/* the same without reducing the sum */
#define GS0(x, y, w, wp)                  \
  do {                                    \
    const V d_ = wasm_i16x8_sub(x, y);    \
    x = wasm_i16x8_add(x, y);             \
    y = fmul(d_, w, wp);                  \
  } while (0)

/* last inverse layer with the final scaling folded in: (f (x + y), w f (x - y)), centered */
#define GSF(x, y, f, fp, fz, fzp)                              \
  do {                                                         \
    const V d_ = wasm_i16x8_sub(x, y);                         \
    x = fcenter(fmul(wasm_i16x8_add(x, y), f, fp));            \
    y = fcenter(fmul(d_, fz, fzp));                            \
  } while (0)

/* (x, y) <- (zip_lo(x, y), zip_hi(x, y)) on 16-bit lanes: in bits (v; l2 l1 l0) of
 * the coefficient positions (v = which vector), (v; l2, l1, l0) -> (l2; l1, l0, v). */
#define ZIP16(x, y)                                                   \
  do {                                                                \
    const V lo_ = wasm_i16x8_shuffle(x, y, 0, 8, 1, 9, 2, 10, 3, 11);  \
    y = wasm_i16x8_shuffle(x, y, 4, 12, 5, 13, 6, 14, 7, 15);          \
    x = lo_;                                                          \
  } while (0)

static inline V splat16(const int16_t *p) { return wasm_v128_load16_splat(p); }

void pq_wasm_falcon_ntt(int16_t *a, unsigned logn) {
  if (logn != 9 && logn != 10) {
    pq_ref_falcon_ntt(a, logn);
    return;
  }
  const unsigned n = 1u << logn;
  unsigned len = n >> 1;
  /* in: |a| < q. Bounds below are those of gen-tables.py (header of the tables). */
  if (logn == 9) {
    /* one single layer (len 256) so that the remaining ones pair up: out <= 20735 */
    const V w = splat16(&pq_fs_fw[1]), wp = splat16(&pq_fs_fwp[1]);
    for (unsigned j = 0; j < 256; j += 8) {
      V x = wasm_v128_load(a + j), y = wasm_v128_load(a + j + 256);
      CT(x, y, w, wp);
      wasm_v128_store(a + j, x);
      wasm_v128_store(a + j + 256, y);
    }
    len = 128;
  }
  /* Pairs of layers (len, len/2) for len >= 16. Coefficients x0..x3 at j, j + len/2,
   * j + len, j + 3len/2 of block b. The first pair of n = 1024 starts from |a| < q:
   * 20735 after one layer, 30766 after two. Every later pair reduces the two inputs
   * that are not multiplied in its first layer (x0, x1): the multiplied ones need no
   * bound (|w y| <= 12286 for any int16 y), so from any int16 input the pair gives
   * |x| <= 9560 + 12286 = 21846, then <= 21846 + fmul bound(21846) <= 32085. */
  for (; len >= 16; len >>= 2) {
    const unsigned h = len >> 1, nb = n / (2 * len);
    const int reduce = len != n >> 1;
    for (unsigned b = 0; b < nb; b++) {
      const unsigned k = nb + b;
      const V w1 = splat16(&pq_fs_fw[k]), w1p = splat16(&pq_fs_fwp[k]);
      const V w2 = splat16(&pq_fs_fw[2 * k]), w2p = splat16(&pq_fs_fwp[2 * k]);
      const V w3 = splat16(&pq_fs_fw[2 * k + 1]), w3p = splat16(&pq_fs_fwp[2 * k + 1]);
      int16_t *p = a + 2 * len * b;
      for (unsigned j = 0; j < h; j += 8) {
        V x0 = wasm_v128_load(p + j), x1 = wasm_v128_load(p + j + h);
        V x2 = wasm_v128_load(p + j + len), x3 = wasm_v128_load(p + j + len + h);
        if (reduce) {
          x0 = freduce(x0);
          x1 = freduce(x1);
        }
        CT(x0, x2, w1, w1p);
        CT(x1, x3, w1, w1p);
        CT(x0, x1, w2, w2p);
        CT(x2, x3, w3, w3p);
        wasm_v128_store(p + j, x0);
        wasm_v128_store(p + j + h, x1);
        wasm_v128_store(p + j + len, x2);
        wasm_v128_store(p + j + len + h, x3);
      }
    }
  }
  /* Layers len 8, 4, 2, 1 on groups of 16 (coefficient bits b3..b0 within the group,
   * m = n/16 + g indexes the twiddles: len 8 uses k = m, len 4 k = 2m + b3, len 2
   * k = 4m + 2 b3 + b2, len 1 k = 8m + 4 b3 + 2 b2 + b1). Layouts (v; lanes l2 l1 l0):
   *   len 8: (b3; b2 b1 b0)  x = a[0..7], y = a[8..15]; twiddle splat w[m]
   *   len 4: (b2; b1 b0 b3)  after ZIP16; twiddle lane l = w[2m + (l & 1)]: load32_splat
   *   len 2: (b1; b0 b3 b2)  after ZIP16; w[4m + (l & 3)]: load64_splat
   *   len 1: (b0; b3 b2 b1)  after ZIP16; w[8m + l]: a plain load
   *   store: (b3; b2 b1 b0)  after ZIP16: the natural order again.
   * Reductions as in the pairs above: R(x) before len 8 and before len 2 (<= 21846,
   * then <= 32085), then R and centering: out in [-(q-1)/2, (q-1)/2]. */
  const unsigned m0 = n >> 4;
  for (unsigned g = 0; g < m0; g++) {
    const unsigned m = m0 + g;
    int16_t *p = a + 16 * g;
    V x = wasm_v128_load(p), y = wasm_v128_load(p + 8);
    x = freduce(x);
    CT(x, y, splat16(&pq_fs_fw[m]), splat16(&pq_fs_fwp[m]));
    ZIP16(x, y);
    CT(x, y, wasm_v128_load32_splat(&pq_fs_fw[2 * m]), wasm_v128_load32_splat(&pq_fs_fwp[2 * m]));
    ZIP16(x, y);
    x = freduce(x);
    CT(x, y, wasm_v128_load64_splat(&pq_fs_fw[4 * m]), wasm_v128_load64_splat(&pq_fs_fwp[4 * m]));
    ZIP16(x, y);
    CT(x, y, wasm_v128_load(&pq_fs_fw[8 * m]), wasm_v128_load(&pq_fs_fwp[8 * m]));
    ZIP16(x, y);
    wasm_v128_store(p, fcenter(freduce(x)));
    wasm_v128_store(p + 8, fcenter(freduce(y)));
  }
}

void pq_wasm_falcon_invntt_tomont(int16_t *a, unsigned logn) {
  if (logn != 9 && logn != 10) {
    pq_ref_falcon_invntt_tomont(a, logn);
    return;
  }
  const unsigned n = 1u << logn;
  /* in: |a| <= (q-1)/2. The sums grow by 2x per layer, so every sum from the second
   * layer on is reduced (R); products are <= 12286 whatever their input. First layer:
   * sums <= 12288, products <= 8447; the generator iterates B -> max(R(2B), fmul
   * bound(2B)) from there: every later layer's outputs are <= 10751 and no sum or
   * difference exceeds 24576 < 2^15 (no int16 overflow anywhere). */
  const unsigned m0 = n >> 4;
  /* Layers len 1, 2, 4, 8 on groups of 16. Layouts (v; l2 l1 l0), twiddles from the
   * generated per-group vectors (lane order of each layout), len 8 a splat of w[m]:
   *   load:  (b3; b2 b1 b0), lane bit-reversal -> (b3; b0 b1 b2)
   *   len 1: (b0; b1 b2 b3)  after ZIP16
   *   len 2: (b1; b2 b3 b0)  after ZIP16
   *   len 4: (b2; b1 b3 b0)  after an i64x2 zip
   *   len 8: (b3; b2 b1 b0)  after an i32x4 unzip: the natural order, stored as is. */
  for (unsigned g = 0; g < m0; g++) {
    const unsigned m = m0 + g;
    const int16_t(*tw)[8] = pq_fs_igroup[m - 32];
    int16_t *p = a + 16 * g;
    V x = wasm_v128_load(p), y = wasm_v128_load(p + 8);
    x = wasm_i16x8_shuffle(x, x, 0, 4, 2, 6, 1, 5, 3, 7);
    y = wasm_i16x8_shuffle(y, y, 0, 4, 2, 6, 1, 5, 3, 7);
    ZIP16(x, y);
    GS0(x, y, wasm_v128_load(tw[0]), wasm_v128_load(tw[1])); /* sums <= 12288 */
    ZIP16(x, y);
    GS(x, y, wasm_v128_load(tw[2]), wasm_v128_load(tw[3]));
    {
      const V lo = wasm_i64x2_shuffle(x, y, 0, 2);
      y = wasm_i64x2_shuffle(x, y, 1, 3);
      x = lo;
    }
    GS(x, y, wasm_v128_load(tw[4]), wasm_v128_load(tw[5]));
    {
      const V lo = wasm_i32x4_shuffle(x, y, 0, 2, 4, 6);
      y = wasm_i32x4_shuffle(x, y, 1, 3, 5, 7);
      x = lo;
    }
    GS(x, y, splat16(&pq_fs_iw[m]), splat16(&pq_fs_iwp[m]));
    wasm_v128_store(p, x);
    wasm_v128_store(p + 8, y);
  }
  /* Pairs of layers (len, 2 len) from len = 16: x0..x3 at j, j + len, j + 2len,
   * j + 3len of super-block b; the first layer uses k = n/(2len) + 2b (+1), the
   * second k = n/(4len) + b. The last layer of all (len n/2, k = 1) also multiplies
   * by 2^16/n (the Montgomery factor of the contract and the 1/n of the inverse)
   * and centers: fmul output <= 12286 < 3q/2, so one conditional +-q suffices. */
  const V f = wasm_i16x8_splat(logn == 9 ? PQ_FS_F9 : PQ_FS_F10);
  const V fp = wasm_i16x8_splat(logn == 9 ? PQ_FS_F9P : PQ_FS_F10P);
  const V fz = wasm_i16x8_splat(logn == 9 ? PQ_FS_F9Z : PQ_FS_F10Z);
  const V fzp = wasm_i16x8_splat(logn == 9 ? PQ_FS_F9ZP : PQ_FS_F10ZP);
  unsigned len = 16;
  for (; 4 * len <= n; len <<= 2) {
    const unsigned nb = n / (4 * len), k1 = n / (2 * len), k2 = n / (4 * len);
    const int last = 4 * len == n;
    for (unsigned b = 0; b < nb; b++) {
      const V wa = splat16(&pq_fs_iw[k1 + 2 * b]), wap = splat16(&pq_fs_iwp[k1 + 2 * b]);
      const V wb = splat16(&pq_fs_iw[k1 + 2 * b + 1]), wbp = splat16(&pq_fs_iwp[k1 + 2 * b + 1]);
      const V wc = splat16(&pq_fs_iw[k2 + b]), wcp = splat16(&pq_fs_iwp[k2 + b]);
      int16_t *p = a + 4 * len * b;
      for (unsigned j = 0; j < len; j += 8) {
        V x0 = wasm_v128_load(p + j), x1 = wasm_v128_load(p + j + len);
        V x2 = wasm_v128_load(p + j + 2 * len), x3 = wasm_v128_load(p + j + 3 * len);
        GS(x0, x1, wa, wap);
        GS(x2, x3, wb, wbp);
        if (last) {
          GSF(x0, x2, f, fp, fz, fzp);
          GSF(x1, x3, f, fp, fz, fzp);
        } else {
          GS(x0, x2, wc, wcp);
          GS(x1, x3, wc, wcp);
        }
        wasm_v128_store(p + j, x0);
        wasm_v128_store(p + j + len, x1);
        wasm_v128_store(p + j + 2 * len, x2);
        wasm_v128_store(p + j + 3 * len, x3);
      }
    }
  }
  if (len < n) {
    /* n = 512: the last layer (len 256) alone */
    for (unsigned j = 0; j < 256; j += 8) {
      V x = wasm_v128_load(a + j), y = wasm_v128_load(a + j + 256);
      GSF(x, y, f, fp, fz, fzp);
      wasm_v128_store(a + j, x);
      wasm_v128_store(a + j + 256, y);
    }
  }
  /* out: [-(q-1)/2, (q-1)/2] */
}

/* c = a b 2^-16 mod+- q, the reference's Montgomery product, exactly (same values):
 * t = (a b mod 2^16) q^-1 mod 2^16 and c = (a b - t q) / 2^16. With p = a b and
 * p - t q = 2^16 c: q15mulr(a, b) = floor((p + 2^14) / 2^15) and q15mulr(t, q) =
 * floor((t q + 2^14) / 2^15) differ by exactly 2c, so c = (q15mulr(a, b) -
 * q15mulr(t, q)) >> 1 -- all in 16-bit lanes, no widening (|a|, |b| < q: |p| < q^2,
 * so q15mulr(a, b) <= 4609 and never saturates; |t q / 2^15| <= q). |c| < q.
 * Measured 70 ns per 512 coefficients against 116 ns for the same product through
 * i32x4.extmul_{low,high}_i16x8_s (32-bit Montgomery, odd 16-bit halves). */
void pq_wasm_falcon_pointwise(int16_t *c, const int16_t *a, const int16_t *b, unsigned n) {
  const V qinv = wasm_i16x8_splat(-12287) /* q^-1 mod 2^16 */, q = wasm_i16x8_splat(FQ);
  unsigned i = 0;
  for (; i + 8 <= n; i += 8) {
    const V x = wasm_v128_load(a + i), y = wasm_v128_load(b + i);
    const V t = wasm_i16x8_mul(wasm_i16x8_mul(x, y), qinv);
    wasm_v128_store(c + i, wasm_i16x8_shr(wasm_i16x8_sub(Q15MULR(x, y), Q15MULR(t, q)), 1));
  }
  for (; i < n; i++) c[i] = pq_falcon_fqmul(a[i], b[i]);
}

/* Hash-to-point sampling: eight 16-bit big-endian samples per step. Accepted lanes
 * (w < 61445 = 5q) are compacted with one swizzle from a 256-entry table (by the
 * i16x8 bitmask) and stored at c + ctr; the lanes after the accepted ones are
 * garbage that later steps overwrite (all stores stay below len: only while
 * ctr + 8 <= len). w mod q for w < 5q by three unsigned-min steps (x - kq wraps
 * above x when x < kq). The tail (fewer than 8 slots or 16 bytes) is the reference. */
unsigned pq_wasm_falcon_sample(uint16_t *c, unsigned len, const uint8_t *buf, unsigned buflen) {
  unsigned ctr = 0, pos = 0;
  const V lim = wasm_u16x8_splat(61445);
  while (ctr + 8 <= len && pos + 16 <= buflen) {
    V w = wasm_v128_load(buf + pos);
    w = wasm_i8x16_shuffle(w, w, 1, 0, 3, 2, 5, 4, 7, 6, 9, 8, 11, 10, 13, 12, 15, 14);
    const unsigned mask = wasm_i16x8_bitmask(wasm_u16x8_lt(w, lim));
    w = wasm_u16x8_min(w, wasm_i16x8_sub(w, wasm_u16x8_splat(4 * FQ)));
    w = wasm_u16x8_min(w, wasm_i16x8_sub(w, wasm_u16x8_splat(2 * FQ)));
    w = wasm_u16x8_min(w, wasm_i16x8_sub(w, wasm_u16x8_splat(FQ)));
    wasm_v128_store(c + ctr, SWIZZLE(w, wasm_v128_load(pq_fs_compact8[mask])));
    ctr += (unsigned)__builtin_popcount(mask);
    pos += 16;
  }
  return ctr + pq_ref_falcon_sample(c + ctr, len - ctr, buf + pos, buflen - pos);
}
