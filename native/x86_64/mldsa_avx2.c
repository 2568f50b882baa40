/* ML-DSA kernels in x86-64 AVX2 (q = 8380417, eight int32 lanes).
 *
 * Montgomery products: vpmuldq gives the exact 64-bit products of the even
 * lanes (and, after a 32-bit shift, of the odd lanes); t = a * (b q^-1) mod 2^32
 * is one vpmulld on all eight lanes; a*b - t*q has zero low halves, so its high
 * halves are exactly (a*b - t*q) >> 32, the reference's pq_montgomery_reduce.
 * Every kernel here therefore gives results identical to the portable
 * reference (not merely congruent), with the same lazy-reduction bounds:
 * the forward NTT does no reductions (|in| < q -> |out| < 9q), the inverse
 * neither (|in| < q, sums stay below 256 q < 2^31, |out| < q).
 *
 * NTT layout: the forward transform does layers len 128, 64 on four vectors
 * 64 coefficients apart, then, per 64-coefficient block held in eight vectors,
 * layers 32, 16, 8 on whole vectors, an 8x8 transpose, layers 4, 2, 1 with
 * lane-varying twiddles, and the transpose back (output in the reference's
 * bit-reversed order). The inverse mirrors it. */
#include <immintrin.h>
#include <string.h>

#include "mldsa/kernels_mldsa.h"
#include "mldsa_avx2_tables.inc"

#define Q 8380417
#define QINV 58728449 /* q^-1 mod 2^32 */
#define INVNTT_F 41978 /* 2^64 / 256 mod q */
#define INVNTT_FQ (-8395782) /* INVNTT_F * q^-1 mod 2^32, signed */

/* (even, odd) 64-bit values -> ((e - t q) >> 32, (o - t q) >> 32) in eight
 * int32 lanes, given t = low32 * q^-1 mod 2^32 of both. */
static inline __m256i mont_finish(__m256i pe, __m256i po, __m256i t, __m256i q) {
  const __m256i re = _mm256_sub_epi64(pe, _mm256_mul_epi32(t, q));
  const __m256i ro = _mm256_sub_epi64(po, _mm256_mul_epi32(_mm256_srli_epi64(t, 32), q));
  return _mm256_blend_epi32(_mm256_srli_epi64(re, 32), ro, 0xAA);
}

/* a * w * 2^-32 mod± q, exact as pq_montgomery_reduce((int64_t)a * w).
 * w: twiddles (even lanes used), wo: the odd-lane twiddles in the even lanes,
 * wq: w * q^-1 mod 2^32 in every lane. */
static inline __m256i montmul(__m256i a, __m256i w, __m256i wo, __m256i wq, __m256i q) {
  const __m256i pe = _mm256_mul_epi32(a, w);
  const __m256i po = _mm256_mul_epi32(_mm256_srli_epi64(a, 32), wo);
  return mont_finish(pe, po, _mm256_mullo_epi32(a, wq), q);
}

/* One Montgomery reduction of 64-bit sums (even lanes pe, odd lanes po). */
static inline __m256i mont_reduce64(__m256i pe, __m256i po, __m256i q, __m256i qinv) {
  const __m256i lo = _mm256_blend_epi32(pe, _mm256_slli_epi64(po, 32), 0xAA);
  return mont_finish(pe, po, _mm256_mullo_epi32(lo, qinv), q);
}

static inline __m256i ld(const int32_t *p) { return _mm256_loadu_si256((const __m256i *)p); }
static inline void st(int32_t *p, __m256i x) { _mm256_storeu_si256((__m256i *)p, x); }

/* Cooley-Tukey (x, y) -> (x + w y, x - w y); Gentleman-Sande (x, y) -> (x + y, w (x - y)). */
#define CT(x, y, w, wo, wq)                           \
  do {                                                \
    const __m256i t_ = montmul(y, w, wo, wq, q);      \
    y = _mm256_sub_epi32(x, t_);                      \
    x = _mm256_add_epi32(x, t_);                      \
  } while (0)
#define GS(x, y, w, wo, wq)                           \
  do {                                                \
    const __m256i d_ = _mm256_sub_epi32(x, y);        \
    x = _mm256_add_epi32(x, y);                       \
    y = montmul(d_, w, wo, wq, q);                    \
  } while (0)
/* butterflies with a broadcast twiddle k of a {w, w q^-1} table */
#define CTB(x, y, tab, k)                                                        \
  do {                                                                           \
    const __m256i w_ = _mm256_set1_epi32(tab[k][0]), wq_ = _mm256_set1_epi32(tab[k][1]); \
    CT(x, y, w_, w_, wq_);                                                       \
  } while (0)
#define GSB(x, y, tab, k)                                                        \
  do {                                                                           \
    const __m256i w_ = _mm256_set1_epi32(tab[k][0]), wq_ = _mm256_set1_epi32(tab[k][1]); \
    GS(x, y, w_, w_, wq_);                                                       \
  } while (0)
/* butterflies with a lane-varying twiddle set s = {w, wo, wq} */
#define CTL(x, y, s) CT(x, y, ld((s)[0]), ld((s)[1]), ld((s)[2]))
#define GSL(x, y, s) GS(x, y, ld((s)[0]), ld((s)[1]), ld((s)[2]))

/* 8x8 transpose of int32 lanes: x_c[r] <- x_r[c] */
#define TRANSPOSE8(x0, x1, x2, x3, x4, x5, x6, x7)                                   \
  do {                                                                             \
    const __m256i t0_ = _mm256_unpacklo_epi32(x0, x1), t1_ = _mm256_unpackhi_epi32(x0, x1); \
    const __m256i t2_ = _mm256_unpacklo_epi32(x2, x3), t3_ = _mm256_unpackhi_epi32(x2, x3); \
    const __m256i t4_ = _mm256_unpacklo_epi32(x4, x5), t5_ = _mm256_unpackhi_epi32(x4, x5); \
    const __m256i t6_ = _mm256_unpacklo_epi32(x6, x7), t7_ = _mm256_unpackhi_epi32(x6, x7); \
    const __m256i u0_ = _mm256_unpacklo_epi64(t0_, t2_), u1_ = _mm256_unpackhi_epi64(t0_, t2_); \
    const __m256i u2_ = _mm256_unpacklo_epi64(t1_, t3_), u3_ = _mm256_unpackhi_epi64(t1_, t3_); \
    const __m256i u4_ = _mm256_unpacklo_epi64(t4_, t6_), u5_ = _mm256_unpackhi_epi64(t4_, t6_); \
    const __m256i u6_ = _mm256_unpacklo_epi64(t5_, t7_), u7_ = _mm256_unpackhi_epi64(t5_, t7_); \
    x0 = _mm256_permute2x128_si256(u0_, u4_, 0x20);                                 \
    x1 = _mm256_permute2x128_si256(u1_, u5_, 0x20);                                 \
    x2 = _mm256_permute2x128_si256(u2_, u6_, 0x20);                                 \
    x3 = _mm256_permute2x128_si256(u3_, u7_, 0x20);                                 \
    x4 = _mm256_permute2x128_si256(u0_, u4_, 0x31);                                 \
    x5 = _mm256_permute2x128_si256(u1_, u5_, 0x31);                                 \
    x6 = _mm256_permute2x128_si256(u2_, u6_, 0x31);                                 \
    x7 = _mm256_permute2x128_si256(u3_, u7_, 0x31);                                 \
  } while (0)

void pq_avx2_ntt(int32_t a[PQ_MLDSA_N]) {
  const __m256i q = _mm256_set1_epi32(Q);
  /* layers len 128, 64: x_i = a[j + 64 i] */
  for (unsigned j = 0; j < 64; j += 8) {
    __m256i x0 = ld(a + j), x1 = ld(a + j + 64), x2 = ld(a + j + 128), x3 = ld(a + j + 192);
    CTB(x0, x2, pq_avx2_bz, 1);
    CTB(x1, x3, pq_avx2_bz, 1);
    CTB(x0, x1, pq_avx2_bz, 2);
    CTB(x2, x3, pq_avx2_bz, 3);
    st(a + j, x0);
    st(a + j + 64, x1);
    st(a + j + 128, x2);
    st(a + j + 192, x3);
  }
  /* layers len 32 .. 1 on each block of 64: x_r = a[64b + 8r .. 64b + 8r + 7] */
  for (unsigned b = 0; b < 4; b++) {
    int32_t *p = a + 64 * b;
    __m256i x0 = ld(p), x1 = ld(p + 8), x2 = ld(p + 16), x3 = ld(p + 24);
    __m256i x4 = ld(p + 32), x5 = ld(p + 40), x6 = ld(p + 48), x7 = ld(p + 56);
    CTB(x0, x4, pq_avx2_bz, 4 + b);
    CTB(x1, x5, pq_avx2_bz, 4 + b);
    CTB(x2, x6, pq_avx2_bz, 4 + b);
    CTB(x3, x7, pq_avx2_bz, 4 + b);
    CTB(x0, x2, pq_avx2_bz, 8 + 2 * b);
    CTB(x1, x3, pq_avx2_bz, 8 + 2 * b);
    CTB(x4, x6, pq_avx2_bz, 9 + 2 * b);
    CTB(x5, x7, pq_avx2_bz, 9 + 2 * b);
    CTB(x0, x1, pq_avx2_bz, 16 + 4 * b);
    CTB(x2, x3, pq_avx2_bz, 17 + 4 * b);
    CTB(x4, x5, pq_avx2_bz, 18 + 4 * b);
    CTB(x6, x7, pq_avx2_bz, 19 + 4 * b);
    /* now x_c = coefficient c of the eight 8-coefficient groups r (lane r) */
    TRANSPOSE8(x0, x1, x2, x3, x4, x5, x6, x7);
    const int32_t(*w)[3][8] = pq_avx2_fwd_lane[b];
    CTL(x0, x4, w[0]);
    CTL(x1, x5, w[0]);
    CTL(x2, x6, w[0]);
    CTL(x3, x7, w[0]);
    CTL(x0, x2, w[1]);
    CTL(x1, x3, w[1]);
    CTL(x4, x6, w[2]);
    CTL(x5, x7, w[2]);
    CTL(x0, x1, w[3]);
    CTL(x2, x3, w[4]);
    CTL(x4, x5, w[5]);
    CTL(x6, x7, w[6]);
    TRANSPOSE8(x0, x1, x2, x3, x4, x5, x6, x7);
    st(p, x0);
    st(p + 8, x1);
    st(p + 16, x2);
    st(p + 24, x3);
    st(p + 32, x4);
    st(p + 40, x5);
    st(p + 48, x6);
    st(p + 56, x7);
  }
}

void pq_avx2_invntt_tomont(int32_t a[PQ_MLDSA_N]) {
  const __m256i q = _mm256_set1_epi32(Q);
  /* layers len 1 .. 32 on each block of 64 */
  for (unsigned b = 0; b < 4; b++) {
    int32_t *p = a + 64 * b;
    __m256i x0 = ld(p), x1 = ld(p + 8), x2 = ld(p + 16), x3 = ld(p + 24);
    __m256i x4 = ld(p + 32), x5 = ld(p + 40), x6 = ld(p + 48), x7 = ld(p + 56);
    TRANSPOSE8(x0, x1, x2, x3, x4, x5, x6, x7);
    const int32_t(*w)[3][8] = pq_avx2_inv_lane[b];
    GSL(x0, x1, w[0]);
    GSL(x2, x3, w[1]);
    GSL(x4, x5, w[2]);
    GSL(x6, x7, w[3]);
    GSL(x0, x2, w[4]);
    GSL(x1, x3, w[4]);
    GSL(x4, x6, w[5]);
    GSL(x5, x7, w[5]);
    GSL(x0, x4, w[6]);
    GSL(x1, x5, w[6]);
    GSL(x2, x6, w[6]);
    GSL(x3, x7, w[6]);
    TRANSPOSE8(x0, x1, x2, x3, x4, x5, x6, x7);
    GSB(x0, x1, pq_avx2_biz, 31 - 4 * b);
    GSB(x2, x3, pq_avx2_biz, 30 - 4 * b);
    GSB(x4, x5, pq_avx2_biz, 29 - 4 * b);
    GSB(x6, x7, pq_avx2_biz, 28 - 4 * b);
    GSB(x0, x2, pq_avx2_biz, 15 - 2 * b);
    GSB(x1, x3, pq_avx2_biz, 15 - 2 * b);
    GSB(x4, x6, pq_avx2_biz, 14 - 2 * b);
    GSB(x5, x7, pq_avx2_biz, 14 - 2 * b);
    GSB(x0, x4, pq_avx2_biz, 7 - b);
    GSB(x1, x5, pq_avx2_biz, 7 - b);
    GSB(x2, x6, pq_avx2_biz, 7 - b);
    GSB(x3, x7, pq_avx2_biz, 7 - b);
    st(p, x0);
    st(p + 8, x1);
    st(p + 16, x2);
    st(p + 24, x3);
    st(p + 32, x4);
    st(p + 40, x5);
    st(p + 48, x6);
    st(p + 56, x7);
  }
  /* layers len 64, 128, then the scaling by f = 2^64 / 256 (a separate
   * Montgomery product, as in the reference, so the values are identical) */
  const __m256i f = _mm256_set1_epi32(INVNTT_F), fq = _mm256_set1_epi32(INVNTT_FQ);
  for (unsigned j = 0; j < 64; j += 8) {
    __m256i x0 = ld(a + j), x1 = ld(a + j + 64), x2 = ld(a + j + 128), x3 = ld(a + j + 192);
    GSB(x0, x1, pq_avx2_biz, 3);
    GSB(x2, x3, pq_avx2_biz, 2);
    GSB(x0, x2, pq_avx2_biz, 1);
    GSB(x1, x3, pq_avx2_biz, 1);
    st(a + j, montmul(x0, f, f, fq, q));
    st(a + j + 64, montmul(x1, f, f, fq, q));
    st(a + j + 128, montmul(x2, f, f, fq, q));
    st(a + j + 192, montmul(x3, f, f, fq, q));
  }
}

void pq_avx2_poly_pointwise(int32_t c[PQ_MLDSA_N], const int32_t a[PQ_MLDSA_N],
                            const int32_t b[PQ_MLDSA_N]) {
  const __m256i q = _mm256_set1_epi32(Q), qinv = _mm256_set1_epi32(QINV);
  for (unsigned i = 0; i < PQ_MLDSA_N; i += 8) {
    const __m256i x = ld(a + i), y = ld(b + i);
    const __m256i pe = _mm256_mul_epi32(x, y);
    const __m256i po = _mm256_mul_epi32(_mm256_srli_epi64(x, 32), _mm256_srli_epi64(y, 32));
    st(c + i, mont_reduce64(pe, po, q, qinv));
  }
}

void pq_avx2_poly_pointwise_acc(int32_t c[PQ_MLDSA_N], const int32_t *const *a,
                                const int32_t *const *b, unsigned n) {
  const __m256i q = _mm256_set1_epi32(Q), qinv = _mm256_set1_epi32(QINV);
  for (unsigned i = 0; i < PQ_MLDSA_N; i += 32) {
    /* 64-bit sums of the even (e) and odd (o) lanes of four vectors */
    __m256i e0 = _mm256_setzero_si256(), e1 = e0, e2 = e0, e3 = e0;
    __m256i o0 = e0, o1 = e0, o2 = e0, o3 = e0;
    for (unsigned k = 0; k < n; k++) {
      const int32_t *pa = a[k] + i, *pb = b[k] + i;
#define ACC(e, o, off)                                                                         \
  do {                                                                                       \
    const __m256i x_ = ld(pa + (off)), y_ = ld(pb + (off));                                  \
    e = _mm256_add_epi64(e, _mm256_mul_epi32(x_, y_));                                       \
    o = _mm256_add_epi64(o, _mm256_mul_epi32(_mm256_srli_epi64(x_, 32), _mm256_srli_epi64(y_, 32))); \
  } while (0)
      ACC(e0, o0, 0);
      ACC(e1, o1, 8);
      ACC(e2, o2, 16);
      ACC(e3, o3, 24);
#undef ACC
    }
    st(c + i, mont_reduce64(e0, o0, q, qinv));
    st(c + i + 8, mont_reduce64(e1, o1, q, qinv));
    st(c + i + 16, mont_reduce64(e2, o2, q, qinv));
    st(c + i + 24, mont_reduce64(e3, o3, q, qinv));
  }
}

int pq_avx2_poly_chknorm(const int32_t a[PQ_MLDSA_N], int32_t bound) {
  const __m256i lim = _mm256_set1_epi32(bound - 1);
  __m256i bad = _mm256_setzero_si256();
  for (unsigned i = 0; i < PQ_MLDSA_N; i += 8)
    bad = _mm256_or_si256(bad, _mm256_cmpgt_epi32(_mm256_abs_epi32(ld(a + i)), lim));
  return !_mm256_testz_si256(bad, bad);
}

/* ---- sampling ---------------------------------------------------------------- */

/* Moves the lanes of x selected by the 8-bit mask m to the front, in order. */
static inline __m256i compact(__m256i x, unsigned m) {
  const __m256i idx = _mm256_cvtepu8_epi32(_mm_loadl_epi64((const __m128i *)pq_avx2_compact8[m]));
  return _mm256_permutevar8x32_epi32(x, idx);
}

unsigned pq_avx2_rej_uniform(int32_t *a, unsigned len, const uint8_t *buf, unsigned buflen) {
  unsigned ctr = 0, pos = 0;
  /* eight 3-byte candidates from 24 bytes: after vpermq, lane 0 holds bytes
   * 0..15 and lane 1 bytes 8..23 (from +8: 16..31); byte index -1 gives 0. */
  const __m256i spread = _mm256_setr_epi8(0, 1, 2, -1, 3, 4, 5, -1, 6, 7, 8, -1, 9, 10, 11, -1,
                                          4, 5, 6, -1, 7, 8, 9, -1, 10, 11, 12, -1, 13, 14, 15, -1);
  const __m256i mask = _mm256_set1_epi32(0x7FFFFF), bound = _mm256_set1_epi32(Q);
  while (ctr + 8 <= len && pos + 24 <= buflen) {
    __m256i x;
    if (pos + 32 <= buflen) {
      x = _mm256_permute4x64_epi64(_mm256_loadu_si256((const __m256i *)(buf + pos)), 0x94);
    } else if (pos >= 8) { /* last 24 bytes: load 8 bytes earlier, stay inside buf */
      x = _mm256_permute4x64_epi64(_mm256_loadu_si256((const __m256i *)(buf + pos - 8)), 0xE9);
    } else {
      break;
    }
    x = _mm256_and_si256(_mm256_shuffle_epi8(x, spread), mask);
    const unsigned m = (unsigned)_mm256_movemask_ps(_mm256_castsi256_ps(_mm256_cmpgt_epi32(bound, x)));
    st(a + ctr, compact(x, m)); /* ctr + 8 <= len: lanes past the accepted ones are overwritten later or ignored */
    ctr += (unsigned)__builtin_popcount(m);
    pos += 24;
  }
  return ctr + pq_ref_rej_uniform(a + ctr, len - ctr, buf + pos, buflen - pos);
}

/* Secret values: only arithmetic on them; the compaction index is the accept
 * mask, i.e. which nibbles were rejected, which mldsa/kernels_mldsa.h and
 * mldsa/mldsa_poly.c treat as public (independent of the accepted values). */
unsigned pq_avx2_rej_eta(int32_t *a, unsigned len, const uint8_t *buf, unsigned buflen,
                         unsigned eta) {
  unsigned ctr = 0, pos = 0;
  const __m256i shifts = _mm256_setr_epi32(0, 4, 8, 12, 16, 20, 24, 28);
  const __m256i nib = _mm256_set1_epi32(15), four = _mm256_set1_epi32(4), five = _mm256_set1_epi32(5);
  const __m256i bound = _mm256_set1_epi32(eta == 2 ? 15 : 9), e = _mm256_set1_epi32((int32_t)eta);
  while (ctr + 8 <= len && pos + 4 <= buflen) {
    uint32_t w;
    memcpy(&w, buf + pos, 4);
    /* nibble i of the little-endian word: low then high nibble of each byte */
    __m256i t = _mm256_and_si256(_mm256_srlv_epi32(_mm256_set1_epi32((int32_t)w), shifts), nib);
    const unsigned m = (unsigned)_mm256_movemask_ps(_mm256_castsi256_ps(_mm256_cmpgt_epi32(bound, t)));
    if (eta == 2) { /* t mod 5 for t < 15: subtract 5 twice where t >= 5 */
      t = _mm256_sub_epi32(t, _mm256_and_si256(_mm256_cmpgt_epi32(t, four), five));
      t = _mm256_sub_epi32(t, _mm256_and_si256(_mm256_cmpgt_epi32(t, four), five));
    }
    st(a + ctr, compact(_mm256_sub_epi32(e, t), m));
    ctr += (unsigned)__builtin_popcount(m);
    pos += 4;
  }
  return ctr + pq_ref_rej_eta(a + ctr, len - ctr, buf + pos, buflen - pos, eta);
}

/* ---- rounding ------------------------------------------------------------------ */

/* Decompose on eight lanes (the reference's arithmetic). */
static inline __m256i decompose8(__m256i *a0, __m256i a, int32_t gamma2) {
  __m256i a1 = _mm256_srai_epi32(_mm256_add_epi32(a, _mm256_set1_epi32(127)), 7);
  if (gamma2 == (Q - 1) / 32) {
    a1 = _mm256_add_epi32(_mm256_slli_epi32(a1, 10), a1); /* a1 * 1025 */
    a1 = _mm256_srai_epi32(_mm256_add_epi32(a1, _mm256_set1_epi32(1 << 21)), 22);
    a1 = _mm256_and_si256(a1, _mm256_set1_epi32(15));
  } else {
    a1 = _mm256_mullo_epi32(a1, _mm256_set1_epi32(11275));
    a1 = _mm256_srai_epi32(_mm256_add_epi32(a1, _mm256_set1_epi32(1 << 23)), 24);
    /* a1 == 44 -> 0 */
    a1 = _mm256_xor_si256(a1, _mm256_and_si256(_mm256_cmpgt_epi32(a1, _mm256_set1_epi32(43)), a1));
  }
  __m256i r0 = _mm256_sub_epi32(a, _mm256_mullo_epi32(a1, _mm256_set1_epi32(2 * gamma2)));
  r0 = _mm256_sub_epi32(
      r0, _mm256_and_si256(_mm256_cmpgt_epi32(r0, _mm256_set1_epi32((Q - 1) / 2)), _mm256_set1_epi32(Q)));
  *a0 = r0;
  return a1;
}

void pq_avx2_poly_decompose(int32_t a1[PQ_MLDSA_N], int32_t a0[PQ_MLDSA_N], const int32_t a[PQ_MLDSA_N], int32_t gamma2) {
  for (unsigned i = 0; i < PQ_MLDSA_N; i += 8) {
    __m256i r0;
    st(a1 + i, decompose8(&r0, ld(a + i), gamma2));
    st(a0 + i, r0);
  }
}

void pq_avx2_poly_use_hint(int32_t b[PQ_MLDSA_N], const int32_t a[PQ_MLDSA_N], const int32_t h[PQ_MLDSA_N], int32_t gamma2) {
  const __m256i m = _mm256_set1_epi32((Q - 1) / (2 * gamma2)); /* 16 or 44 */
  const __m256i mm1 = _mm256_set1_epi32((Q - 1) / (2 * gamma2) - 1);
  const __m256i zero = _mm256_setzero_si256(), two = _mm256_set1_epi32(2), one = _mm256_set1_epi32(1);
  for (unsigned i = 0; i < PQ_MLDSA_N; i += 8) {
    __m256i r0;
    __m256i r1 = decompose8(&r0, ld(a + i), gamma2);
    /* h ? (r0 > 0 ? +1 : -1) : 0, then wrap into [0, m) */
    const __m256i step = _mm256_sub_epi32(_mm256_and_si256(_mm256_cmpgt_epi32(r0, zero), two), one);
    r1 = _mm256_add_epi32(r1, _mm256_andnot_si256(_mm256_cmpeq_epi32(ld(h + i), zero), step));
    r1 = _mm256_add_epi32(r1, _mm256_and_si256(_mm256_cmpgt_epi32(zero, r1), m));
    r1 = _mm256_sub_epi32(r1, _mm256_and_si256(_mm256_cmpgt_epi32(r1, mm1), m));
    st(b + i, r1);
  }
}
