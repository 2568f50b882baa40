/* Falcon verification kernels in AVX2 (q = 12289, sixteen int16 lanes).
 *
 * Twiddle products are exact Montgomery products in 16-bit lanes, the
 * reference's fqmul with the reference's twiddles (z = psi^k 2^16 mod q):
 *   fqmul(a, z) = mulhi(a, z) - mulhi(mullo(a, zq), q),   zq = z q^-1 mod 2^16,
 * four operations, no widening (a z - t q is divisible by 2^16, so the two high
 * halves differ by exactly (a z - t q) / 2^16). |fqmul(a, z)| <= 9216 for every
 * int16 a and |z| <= (q-1)/2. Lazy reduction R(a) = a - q round(3a / 2^15)
 * (mulhrs, mullo, sub): |R(a)| <= 9560 for every int16 a. Final outputs use the
 * reference's Barrett reduction exactly: t = (43687 a + 2^28) >> 29 computed as
 * mulhrs(a + mulhi(a, 43687 - 2^16), 4), then a - t q (five operations).
 * scripts/gen-tables.py asserts these numbers and the bounds quoted below
 * (header of falcon_avx2_tables.inc).
 *
 * Layout: layers with len >= 32 run on whole vectors (one broadcast twiddle per
 * block, two layers per pass). The last five forward layers (len 16, 8, 4, 2, 1)
 * and the first five inverse ones run on groups of 32 coefficients in two
 * vectors (x, y), re-interleaved between layers so that every butterfly is
 * again "x[i] with y[i]":
 *   P: x, y <- permute2x128(x, y, 0x20), permute2x128(x, y, 0x31)  (swap vector / 128-bit half)
 *   Z: x, y <- unpacklo_epi16(x, y), unpackhi_epi16(x, y)         (rotate vector into lane bits)
 * forward: len 16, P, len 8, Z, len 4, Z, len 2, Z, len 1, Z, P -> natural order;
 * inverse: the entry permutation (lane shuffle, unpack_epi64, permute4x64, lane
 * shuffle), then len 1, Z, len 2, Z, len 4, Z, len 8, P, len 16, lane shuffle.
 * The generator derives the per-lane twiddles of these layers by running the
 * same sequence of operations on coefficient indices (and checks the pairing).
 */
#include <immintrin.h>

#include "falcon/kernels_falcon.h"
#include "falcon_avx2_tables.inc"

#define FQ PQ_FALCON_Q

typedef __m256i V;

/* The constant vectors of the reductions are passed through an empty asm statement:
 * GCC otherwise strength-reduces mullo by q = 2^13 + 2^12 + 1 into two shifts and
 * two adds, four operations instead of one multiply (vpmullw: 2 per cycle on Zen 4). */
static inline V opaque(V v) {
  __asm__("" : "+x"(v));
  return v;
}

/* Montgomery product a z 2^-16 mod+- q; |result| <= 9216 for every int16 a */
static inline V fqmul(V a, V z, V zq, V q) {
  const V t = _mm256_mullo_epi16(a, zq);
  return _mm256_sub_epi16(_mm256_mulhi_epi16(a, z), _mm256_mulhi_epi16(t, q));
}

/* a mod+- q, |result| <= 9560 for every int16 a */
static inline V freduce(V a, V q) {
  const V t = _mm256_mulhrs_epi16(a, _mm256_set1_epi16(3));
  return _mm256_sub_epi16(a, _mm256_mullo_epi16(t, q));
}

/* pq_falcon_barrett exactly: every int16 to [-(q-1)/2, (q-1)/2] */
static inline V fbarrett(V a, V q) {
  V t = _mm256_add_epi16(a, _mm256_mulhi_epi16(a, _mm256_set1_epi16(43687 - 65536)));
  t = _mm256_mulhrs_epi16(t, _mm256_set1_epi16(4));
  return _mm256_sub_epi16(a, _mm256_mullo_epi16(t, q));
}

static inline V splat(int16_t w) { return _mm256_set1_epi16(w); }
static inline V ld(const int16_t *p) { return _mm256_loadu_si256((const __m256i *)p); }
static inline void st(int16_t *p, V v) { _mm256_storeu_si256((__m256i *)p, v); }

/* Cooley-Tukey butterfly (x, y) -> (x + z y, x - z y) */
#define CT(x, y, z, zq)                    \
  do {                                     \
    const V t_ = fqmul((y), (z), (zq), q); \
    (y) = _mm256_sub_epi16((x), t_);       \
    (x) = _mm256_add_epi16((x), t_);       \
  } while (0)

/* Gentleman-Sande butterfly (x, y) -> (R(x + y), z (x - y)) */
#define GS(x, y, z, zq)                           \
  do {                                            \
    const V d_ = _mm256_sub_epi16((x), (y));      \
    (x) = freduce(_mm256_add_epi16((x), (y)), q); \
    (y) = fqmul(d_, (z), (zq), q);                \
  } while (0)

/* the same without reducing the sum */
#define GS0(x, y, z, zq)                     \
  do {                                       \
    const V d_ = _mm256_sub_epi16((x), (y)); \
    (x) = _mm256_add_epi16((x), (y));        \
    (y) = fqmul(d_, (z), (zq), q);           \
  } while (0)

/* last inverse layer with the scaling of the reference folded in:
 * (f (x + y), f z (x - y)) as Montgomery products, then reduced exactly */
#define GSF(x, y, f, fq, fz, fzq)                                       \
  do {                                                                  \
    const V d_ = _mm256_sub_epi16((x), (y));                            \
    (x) = fbarrett(fqmul(_mm256_add_epi16((x), (y)), (f), (fq), q), q); \
    (y) = fbarrett(fqmul(d_, (fz), (fzq), q), q);                       \
  } while (0)

#define PERM_P(x, y)                                     \
  do {                                                   \
    const V lo_ = _mm256_permute2x128_si256(x, y, 0x20); \
    (y) = _mm256_permute2x128_si256(x, y, 0x31);         \
    (x) = lo_;                                           \
  } while (0)

#define PERM_Z(x, y)                           \
  do {                                         \
    const V lo_ = _mm256_unpacklo_epi16(x, y); \
    (y) = _mm256_unpackhi_epi16(x, y);         \
    (x) = lo_;                                 \
  } while (0)

#define UNPACK64(x, y)                         \
  do {                                         \
    const V lo_ = _mm256_unpacklo_epi64(x, y); \
    (y) = _mm256_unpackhi_epi64(x, y);         \
    (x) = lo_;                                 \
  } while (0)

/* The group stages run GROUPS groups of 32 coefficients at once, each step for all
 * of them before the next (fully unrolled): one group alone is a dependency chain
 * of ~100 cycles; interleaving four gave 167 ns instead of 209 ns (one) and 190 ns
 * (two) for the n = 512 forward NTT on Zen 4. n/32 is a multiple of GROUPS. */
#define GROUPS 4
#define EACH_GROUP _Pragma("GCC unroll 4") for (unsigned i = 0; i < GROUPS; i++)

/* 16-bit lane permutations within each 128-bit half (byte indices for vpshufb) */
#define LANE_SHUF(a, b, c, d, e, f, g, h)                                                  \
  _mm256_setr_epi8(2 * a, 2 * a + 1, 2 * b, 2 * b + 1, 2 * c, 2 * c + 1, 2 * d, 2 * d + 1, \
                   2 * e, 2 * e + 1, 2 * f, 2 * f + 1, 2 * g, 2 * g + 1, 2 * h, 2 * h + 1, \
                   2 * a, 2 * a + 1, 2 * b, 2 * b + 1, 2 * c, 2 * c + 1, 2 * d, 2 * d + 1, \
                   2 * e, 2 * e + 1, 2 * f, 2 * f + 1, 2 * g, 2 * g + 1, 2 * h, 2 * h + 1)

void pq_avx2_falcon_ntt(int16_t *a, unsigned logn) {
  if (logn != 9 && logn != 10) {
    pq_ref_falcon_ntt(a, logn);
    return;
  }
  const V q = opaque(_mm256_set1_epi16(FQ));
  const unsigned n = 1u << logn;
  unsigned len = n >> 1;
  int reduce = 0;
  /* in: |a| < q */
  if (logn == 10) {
    /* one single layer (len 512) so that the remaining full layers pair up: <= 19584 */
    const V z = splat(pq_fa_fw[1][0]), zq = splat(pq_fa_fw[1][1]);
    for (unsigned j = 0; j < 512; j += 16) {
      V x = ld(a + j), y = ld(a + j + 512);
      CT(x, y, z, zq);
      st(a + j, x);
      st(a + j + 512, y);
    }
    len = 256;
    reduce = 1;
  }
  /* Pairs of layers (len, len/2) down to len/2 = 32. Coefficients x0..x3 at j, j + len/2,
   * j + len, j + 3len/2 of block b. From |a| < q the first pair (n = 512) needs no
   * reduction: 19584, then 27564. Every later pair reduces the two inputs that are
   * not multiplied in its first layer (x0, x1); the multiplied ones need no bound
   * (|z y| <= 9216 for any int16 y): 9560 + 9216 = 18776, then 27992. */
  for (; len >= 64; len >>= 2, reduce = 1) {
    const unsigned h = len >> 1, nb = n / (2 * len);
    for (unsigned b = 0; b < nb; b++) {
      const unsigned k = nb + b;
      const V w1 = splat(pq_fa_fw[k][0]), w1q = splat(pq_fa_fw[k][1]);
      const V w2 = splat(pq_fa_fw[2 * k][0]), w2q = splat(pq_fa_fw[2 * k][1]);
      const V w3 = splat(pq_fa_fw[2 * k + 1][0]), w3q = splat(pq_fa_fw[2 * k + 1][1]);
      int16_t *p = a + 2 * len * b;
      for (unsigned j = 0; j < h; j += 16) {
        V x0 = ld(p + j), x1 = ld(p + j + h), x2 = ld(p + j + len), x3 = ld(p + j + len + h);
        if (reduce) {
          x0 = freduce(x0, q);
          x1 = freduce(x1, q);
        }
        CT(x0, x2, w1, w1q);
        CT(x1, x3, w1, w1q);
        CT(x0, x1, w2, w2q);
        CT(x2, x3, w3, w3q);
        st(p + j, x0);
        st(p + j + h, x1);
        st(p + j + len, x2);
        st(p + j + len + h, x3);
      }
    }
  }
  /* Layers len 16, 8, 4, 2, 1 on groups of 32 (m = n/32 + g is the twiddle index of
   * the group at len 16). R(x) before len 16, len 4 and len 1 (x is the unmultiplied
   * input there): every layer ends <= 18776 or <= 27992, then the exact Barrett
   * reduction of both vectors: out in [-(q-1)/2, (q-1)/2]. */
  const unsigned m0 = n >> 5;
  for (unsigned g = 0; g < m0; g += GROUPS) {
    const unsigned m = m0 + g;
    int16_t *p = a + 32 * g;
    V x[GROUPS], y[GROUPS];
    const int16_t(*tw[GROUPS])[2][16];
    EACH_GROUP {
      tw[i] = pq_fa_fgrp[m + i - 16];
      x[i] = freduce(ld(p + 32 * i), q);
      y[i] = ld(p + 32 * i + 16);
    }
    EACH_GROUP CT(x[i], y[i], splat(pq_fa_fw[m + i][0]), splat(pq_fa_fw[m + i][1]));
    EACH_GROUP PERM_P(x[i], y[i]);
    EACH_GROUP CT(x[i], y[i], ld(tw[i][0][0]), ld(tw[i][0][1]));
    EACH_GROUP PERM_Z(x[i], y[i]);
    EACH_GROUP x[i] = freduce(x[i], q);
    EACH_GROUP CT(x[i], y[i], ld(tw[i][1][0]), ld(tw[i][1][1]));
    EACH_GROUP PERM_Z(x[i], y[i]);
    EACH_GROUP CT(x[i], y[i], ld(tw[i][2][0]), ld(tw[i][2][1]));
    EACH_GROUP PERM_Z(x[i], y[i]);
    EACH_GROUP x[i] = freduce(x[i], q);
    EACH_GROUP CT(x[i], y[i], ld(tw[i][3][0]), ld(tw[i][3][1]));
    EACH_GROUP PERM_Z(x[i], y[i]);
    EACH_GROUP PERM_P(x[i], y[i]);
    EACH_GROUP {
      st(p + 32 * i, fbarrett(x[i], q));
      st(p + 32 * i + 16, fbarrett(y[i], q));
    }
  }
}

void pq_avx2_falcon_invntt_tomont(int16_t *a, unsigned logn) {
  if (logn != 9 && logn != 10) {
    pq_ref_falcon_invntt_tomont(a, logn);
    return;
  }
  const V q = opaque(_mm256_set1_epi16(FQ));
  const unsigned n = 1u << logn;
  /* in: |a| <= (q-1)/2. First layer unreduced: sums <= 12288, products <= 7296; the
   * second layer's sums (<= 24576) and every later sum are reduced (R), so from the
   * second layer on every value is <= 9560 and no sum or difference exceeds 19120. */
  const V brev = LANE_SHUF(0, 4, 2, 6, 1, 5, 3, 7); /* lane bits (l2 l1 l0) -> (l0 l1 l2) */
  const V rot = LANE_SHUF(0, 4, 1, 5, 2, 6, 3, 7);  /* lane bits (b3 b1 b2) -> (b1 b2 b3) */
  const unsigned m0 = n >> 5;
  /* layouts (vector; 128-bit half; lane bits), coefficient bits b4..b0 of the group:
   * (b4; b3; b2 b1 b0) -> shuffle (b4; b3; b0 b1 b2) -> unpack_epi64 (b0; b3; b4 b1 b2)
   * -> permute4x64 (b0; b4; b3 b1 b2) -> shuffle (b0; b4; b1 b2 b3): len 1 */
  for (unsigned g = 0; g < m0; g += GROUPS) {
    const unsigned m = m0 + g;
    int16_t *p = a + 32 * g;
    V x[GROUPS], y[GROUPS];
    const int16_t(*tw[GROUPS])[2][16];
    EACH_GROUP {
      tw[i] = pq_fa_igrp[m + i - 16];
      x[i] = _mm256_shuffle_epi8(ld(p + 32 * i), brev);
      y[i] = _mm256_shuffle_epi8(ld(p + 32 * i + 16), brev);
    }
    EACH_GROUP UNPACK64(x[i], y[i]);
    EACH_GROUP {
      x[i] = _mm256_shuffle_epi8(_mm256_permute4x64_epi64(x[i], 0xD8), rot);
      y[i] = _mm256_shuffle_epi8(_mm256_permute4x64_epi64(y[i], 0xD8), rot);
    }
    EACH_GROUP GS0(x[i], y[i], ld(tw[i][0][0]), ld(tw[i][0][1]));
    EACH_GROUP PERM_Z(x[i], y[i]); /* (b1; b4; b2 b3 b0) */
    EACH_GROUP GS(x[i], y[i], ld(tw[i][1][0]), ld(tw[i][1][1]));
    EACH_GROUP PERM_Z(x[i], y[i]); /* (b2; b4; b3 b0 b1) */
    EACH_GROUP GS(x[i], y[i], ld(tw[i][2][0]), ld(tw[i][2][1]));
    EACH_GROUP PERM_Z(x[i], y[i]); /* (b3; b4; b0 b1 b2) */
    EACH_GROUP GS(x[i], y[i], ld(tw[i][3][0]), ld(tw[i][3][1]));
    EACH_GROUP PERM_P(x[i], y[i]); /* (b4; b3; b0 b1 b2) */
    EACH_GROUP GS(x[i], y[i], splat(pq_fa_iw[m + i][0]), splat(pq_fa_iw[m + i][1]));
    EACH_GROUP {
      st(p + 32 * i, _mm256_shuffle_epi8(x[i], brev));
      st(p + 32 * i + 16, _mm256_shuffle_epi8(y[i], brev));
    }
  }
  /* Pairs of layers (len, 2 len) from len = 32: x0..x3 at j, j + len, j + 2len, j + 3len
   * of super-block b; the first layer uses k = n/(2len) + 2b (+1), the second
   * k = n/(4len) + b. The last layer of all (len n/2, k = 1) also multiplies by the
   * reference's final factor (2^32/n, Montgomery) and reduces exactly. */
  const V f = splat(logn == 9 ? PQ_FA_F9 : PQ_FA_F10);
  const V fq = splat(logn == 9 ? PQ_FA_F9Q : PQ_FA_F10Q);
  const V fz = splat(logn == 9 ? PQ_FA_F9Z : PQ_FA_F10Z);
  const V fzq = splat(logn == 9 ? PQ_FA_F9ZQ : PQ_FA_F10ZQ);
  unsigned len = 32;
  for (; 4 * len <= n; len <<= 2) {
    const unsigned nb = n / (4 * len), k1 = n / (2 * len), k2 = n / (4 * len);
    const int last = 4 * len == n;
    for (unsigned b = 0; b < nb; b++) {
      const V wa = splat(pq_fa_iw[k1 + 2 * b][0]), waq = splat(pq_fa_iw[k1 + 2 * b][1]);
      const V wb = splat(pq_fa_iw[k1 + 2 * b + 1][0]), wbq = splat(pq_fa_iw[k1 + 2 * b + 1][1]);
      const V wc = splat(pq_fa_iw[k2 + b][0]), wcq = splat(pq_fa_iw[k2 + b][1]);
      int16_t *p = a + 4 * len * b;
      for (unsigned j = 0; j < len; j += 16) {
        V x0 = ld(p + j), x1 = ld(p + j + len), x2 = ld(p + j + 2 * len), x3 = ld(p + j + 3 * len);
        GS(x0, x1, wa, waq);
        GS(x2, x3, wb, wbq);
        if (last) {
          GSF(x0, x2, f, fq, fz, fzq);
          GSF(x1, x3, f, fq, fz, fzq);
        } else {
          GS(x0, x2, wc, wcq);
          GS(x1, x3, wc, wcq);
        }
        st(p + j, x0);
        st(p + j + len, x1);
        st(p + j + 2 * len, x2);
        st(p + j + 3 * len, x3);
      }
    }
  }
  if (len < n) {
    /* n = 1024: the last layer (len 512) alone */
    for (unsigned j = 0; j < 512; j += 16) {
      V x = ld(a + j), y = ld(a + j + 512);
      GSF(x, y, f, fq, fz, fzq);
      st(a + j, x);
      st(a + j + 512, y);
    }
  }
  /* out: [-(q-1)/2, (q-1)/2] */
}

/* c = a b 2^-16 mod+- q, the reference's Montgomery product exactly (same values):
 * t = (a b mod 2^16) q^-1 mod 2^16, c = hi(a b) - hi(t q). |a|, |b| < q: |c| < q. */
void pq_avx2_falcon_pointwise(int16_t *c, const int16_t *a, const int16_t *b, unsigned n) {
  const V qinv = opaque(splat(PQ_FA_QINV)), q = _mm256_set1_epi16(FQ);
  unsigned i = 0;
  for (; i + 16 <= n; i += 16) {
    const V x = ld(a + i), y = ld(b + i);
    const V t = _mm256_mullo_epi16(_mm256_mullo_epi16(x, y), qinv);
    st(c + i, _mm256_sub_epi16(_mm256_mulhi_epi16(x, y), _mm256_mulhi_epi16(t, q)));
  }
  for (; i < n; i++) c[i] = pq_falcon_fqmul(a[i], b[i]);
}

/* Hash-to-point sampling: sixteen 16-bit big-endian samples per step. Accepted lanes
 * (w < 61445 = 5q) of each 128-bit half are compacted with one vpshufb from a
 * 256-entry table (by the 8-bit lane mask) and stored at c + ctr; the lanes after
 * the accepted ones are garbage that later stores overwrite or that lies past the
 * returned count -- but never at or past len: a step runs only while ctr + 16 <= len
 * (each half stores 8 lanes, the second at most 8 after the first). w mod q for
 * w < 5q by three unsigned-min steps (w - kq wraps above w when w < kq). The tail
 * (fewer than 16 free slots or 32 bytes) is the reference. */
unsigned pq_avx2_falcon_sample(uint16_t *c, unsigned len, const uint8_t *buf, unsigned buflen) {
  unsigned ctr = 0, pos = 0;
  const V bswap = _mm256_setr_epi8(1, 0, 3, 2, 5, 4, 7, 6, 9, 8, 11, 10, 13, 12, 15, 14,
                                   1, 0, 3, 2, 5, 4, 7, 6, 9, 8, 11, 10, 13, 12, 15, 14);
  const V lim = splat((int16_t)(61444 - 65536));
  while (ctr + 16 <= len && pos + 32 <= buflen) {
    V w = _mm256_shuffle_epi8(_mm256_loadu_si256((const __m256i *)(buf + pos)), bswap);
    /* accepted: w <= 61444 (unsigned), i.e. min(w, 61444) == w */
    const V acc = _mm256_cmpeq_epi16(_mm256_min_epu16(w, lim), w);
    /* 8-bit lane masks of both halves: bytes 0..7 and 16..23 of the signed pack */
    const unsigned mask = (unsigned)_mm256_movemask_epi8(_mm256_packs_epi16(acc, _mm256_setzero_si256()));
    w = _mm256_min_epu16(w, _mm256_sub_epi16(w, splat((int16_t)(4 * FQ - 65536))));
    w = _mm256_min_epu16(w, _mm256_sub_epi16(w, splat(2 * FQ)));
    w = _mm256_min_epu16(w, _mm256_sub_epi16(w, splat(FQ)));
    const unsigned m_lo = mask & 0xFF, m_hi = (mask >> 16) & 0xFF;
    const __m128i lo = _mm_shuffle_epi8(_mm256_castsi256_si128(w),
                                        _mm_load_si128((const __m128i *)pq_fa_compact8[m_lo]));
    const __m128i hi = _mm_shuffle_epi8(_mm256_extracti128_si256(w, 1),
                                        _mm_load_si128((const __m128i *)pq_fa_compact8[m_hi]));
    _mm_storeu_si128((__m128i *)(c + ctr), lo);
    ctr += (unsigned)__builtin_popcount(m_lo);
    _mm_storeu_si128((__m128i *)(c + ctr), hi);
    ctr += (unsigned)__builtin_popcount(m_hi);
    pos += 32;
  }
  return ctr + pq_ref_falcon_sample(c + ctr, len - ctr, buf + pos, buflen - pos);
}
