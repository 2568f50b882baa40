/* Poly1305 blocks in AVX2 (4 blocks per step in the four 64-bit lanes of a ymm)
 * and, where the build enables AVX-512F, in zmm (8 blocks per step).
 *
 * h = (h + m_1) r^n + m_2 r^(n-1) + ... + m_n r mod p, so with W lanes the blocks
 * are dealt round-robin: lane i accumulates m_i, m_(i+W), ... as
 * H_i <- H_i r^W + m, and at the end lane i is multiplied by r^(W-i) and the lanes
 * are summed. The old h goes into the lane of the first block. A run of n blocks
 * starts with a partial group of n mod W blocks placed in the LAST lanes (the
 * leading lanes hold zero, and zero times any power stays zero), so every n >= W
 * is one vector pass with one lane combination and no scalar tail.
 *
 * Arithmetic: 26-bit limbs as the portable 32-bit code, 32 x 32 -> 64-bit
 * products (vpmuludq reads the low dword of each qword lane), 5 r_j premultiplied
 * (2^130 = 5 mod p). Bounds: after the lazy carry below every limb is < 2^26 + 2^9;
 * plus a message limb (< 2^26) a limb of H is < 2^27 + 2^10 (< 2^27.6 in the first
 * group, where h_4 = h >> 104 < 2^27 since h < 2^131); the powers' limbs are
 * < 2^26 + 2^9, so 5 r_j < 2^28.4, each product < 2^56 and a sum of five < 2^58.4;
 * the sum of 8 lanes < 2^61.4: no 64-bit lane overflows.
 *
 * State: h comes and goes in the build's 64-bit form (aead/poly1305.h: h[2] < 8 in,
 * h[2] <= 4 out, what the portable final expects). The powers r^1..r^4 (and
 * r^5..r^8 on the first zmm run) are computed on the first vector run for a key
 * into the state's scratch area (26-bit limbs as dwords, see pw_row); kernel_ready
 * says how far (1: r^1..r^4, 2: r^1..r^8).
 *
 * Shorter runs go to the portable 64-bit code (~12 TSC ticks a block); the
 * crossovers are measured (numbers at PQ_POLY1305_MIN_*). */
#include <immintrin.h>
#include <string.h>

#include "aead/kernels_aead.h"

#if !PQ_POLY1305_LIMB64
#error "the x86-64 Poly1305 kernel expects the 64-bit state form"
#endif

#define M26 0x3ffffff

/* Crossovers in blocks (gcc 12 -O3, Xeon with AVX-512 at TSC 2.6 GHz; TSC ticks per
 * call, min of 3 x 20,000, portable / vector): warm = this state already has the
 * powers, cold = a key's first run, which computes them (~40 ticks for r^1..r^4,
 * ~70 for r^1..r^8; pq_poly1305_init included in both columns).
 *   avx2 core, warm:   5 blocks 64 / 74, 6 blocks 76 / 76, 8 blocks 100 / 74
 *   avx2 core, cold:  11 blocks 178 / 182, 12 blocks 190 / 176, 16 blocks 238 / 198
 *   avx512 core, zmm vs ymm, warm: 8 blocks 64 / 72, 9-12 blocks 92 / 86-88,
 *                                  13 blocks 90 / 108, 24 blocks 128 / 152
 *   avx512 core, zmm vs ymm, cold (r^5..r^8 too): 32 blocks 288 / 272, 40 blocks
 *                                  316 / 314, 48 blocks 344 / 344, 56 blocks 372 / 398 */
#ifndef PQ_POLY1305_MIN_WARM
#define PQ_POLY1305_MIN_WARM 6
#endif
#ifndef PQ_POLY1305_MIN_COLD
#define PQ_POLY1305_MIN_COLD 12
#endif
#ifndef PQ_POLY1305_MIN_ZMM
#define PQ_POLY1305_MIN_ZMM 13
#endif
#ifndef PQ_POLY1305_MIN_ZMM_COLD
#define PQ_POLY1305_MIN_ZMM_COLD 48
#endif
/* blocks4 / blocks8 read a whole first group of 4 / 8 blocks */
_Static_assert(PQ_POLY1305_MIN_WARM >= 4 && PQ_POLY1305_MIN_COLD >= 4 && PQ_POLY1305_MIN_ZMM >= 8 &&
                   PQ_POLY1305_MIN_ZMM_COLD >= 8,
               "vector runs need a full group");

/* scratch: 5 rows of 8 dwords, row j lane i = limb j of r^(8-i) (so lanes 4..7 hold
 * r^4, r^3, r^2, r^1); the AVX2-only build fills lanes 4..7 */
static inline uint32_t *pw_row(pq_poly1305 *st, int j) {
  return (uint32_t *)(void *)(st->scratch + 32 * j);
}
static inline const uint32_t *pw_crow(const pq_poly1305 *st, int j) {
  return (const uint32_t *)(const void *)(st->scratch + 32 * j);
}
/* one table entry, read as bytes (the scratch area is a byte array) */
static inline uint32_t pw_get(const pq_poly1305 *st, int j, int i) {
  uint32_t x;
  memcpy(&x, st->scratch + 32 * j + 4 * i, 4);
  return x;
}

/* ---- 4 lanes (ymm) ---------------------------------------------------------- */
typedef __m256i V4;
#define ADD4 _mm256_add_epi64
#define MUL4 _mm256_mul_epu32
/* acc + a b. gcc reassociates the sums of mul4 into trees of products that need more
 * than 16 ymm registers and spills (0.37 instead of 0.35 TSC ticks/byte); an add it
 * cannot see into keeps the order. clang keeps the order anyway, and MemorySanitizer
 * (clang) would report the asm's inputs. */
static inline V4 mac4(V4 acc, V4 a, V4 b) {
#if defined(__GNUC__) && !defined(__clang__)
  __asm__("vpaddq %1, %0, %0" : "+x"(acc) : "x"(_mm256_mul_epu32(a, b)));
  return acc;
#else
  return _mm256_add_epi64(acc, _mm256_mul_epu32(a, b));
#endif
}

/* d = h r mod p (unreduced 64-bit limbs), s = 5 r in limbs 1..4. Accumulated h limb by
 * h limb, so only five sums and one h limb are live (16 ymm registers: the
 * product-major order made gcc spill partial products). */
static inline void mul4(V4 d[5], const V4 h[5], const V4 r[5], const V4 s[5]) {
  d[0] = MUL4(h[0], r[0]), d[1] = MUL4(h[0], r[1]), d[2] = MUL4(h[0], r[2]);
  d[3] = MUL4(h[0], r[3]), d[4] = MUL4(h[0], r[4]);
  d[0] = mac4(d[0], h[1], s[4]), d[1] = mac4(d[1], h[1], r[0]), d[2] = mac4(d[2], h[1], r[1]);
  d[3] = mac4(d[3], h[1], r[2]), d[4] = mac4(d[4], h[1], r[3]);
  d[0] = mac4(d[0], h[2], s[3]), d[1] = mac4(d[1], h[2], s[4]), d[2] = mac4(d[2], h[2], r[0]);
  d[3] = mac4(d[3], h[2], r[1]), d[4] = mac4(d[4], h[2], r[2]);
  d[0] = mac4(d[0], h[3], s[2]), d[1] = mac4(d[1], h[3], s[3]), d[2] = mac4(d[2], h[3], s[4]);
  d[3] = mac4(d[3], h[3], r[0]), d[4] = mac4(d[4], h[3], r[1]);
  d[0] = mac4(d[0], h[4], s[1]), d[1] = mac4(d[1], h[4], s[2]), d[2] = mac4(d[2], h[4], s[3]);
  d[3] = mac4(d[3], h[4], s[4]), d[4] = mac4(d[4], h[4], r[0]);
}

/* Lazy carry: two interleaved chains (0->1->2->3, 3->4->0->1), depth 4 instead of 6;
 * limbs < 2^58.4 in, < 2^26 + 2^9 out (limbs 1 and 4), the others < 2^26. */
static inline void carry4(V4 d[5]) {
  const V4 m = _mm256_set1_epi64x(M26);
  V4 c;
  c = _mm256_srli_epi64(d[0], 26), d[0] = _mm256_and_si256(d[0], m), d[1] = ADD4(d[1], c);
  c = _mm256_srli_epi64(d[3], 26), d[3] = _mm256_and_si256(d[3], m), d[4] = ADD4(d[4], c);
  c = _mm256_srli_epi64(d[1], 26), d[1] = _mm256_and_si256(d[1], m), d[2] = ADD4(d[2], c);
  c = _mm256_srli_epi64(d[4], 26), d[4] = _mm256_and_si256(d[4], m);
  d[0] = ADD4(d[0], ADD4(c, _mm256_slli_epi64(c, 2)));
  c = _mm256_srli_epi64(d[2], 26), d[2] = _mm256_and_si256(d[2], m), d[3] = ADD4(d[3], c);
  c = _mm256_srli_epi64(d[0], 26), d[0] = _mm256_and_si256(d[0], m), d[1] = ADD4(d[1], c);
  c = _mm256_srli_epi64(d[3], 26), d[3] = _mm256_and_si256(d[3], m), d[4] = ADD4(d[4], c);
}

/* 5 x in limbs 1..4 (limb 0 unused) */
static inline void times5_4(V4 s[5], const V4 r[5]) {
  for (int j = 1; j < 5; j++) s[j] = ADD4(r[j], _mm256_slli_epi64(r[j], 2));
}

/* Two blocks in each of a and b, as 26-bit limbs: lanes (a.lo, b.lo, a.hi, b.hi)
 * (vpunpck works within 128-bit halves); pad: the 2^128 bit (1 << 24 in limb 4) of
 * each lane, zero in empty lanes. */
static inline void split4(V4 o[5], V4 a, V4 b, V4 pad) {
  const V4 m = _mm256_set1_epi64x(M26);
  const V4 lo = _mm256_unpacklo_epi64(a, b), hi = _mm256_unpackhi_epi64(a, b);
  o[0] = _mm256_and_si256(lo, m);
  o[1] = _mm256_and_si256(_mm256_srli_epi64(lo, 26), m);
  o[2] = _mm256_and_si256(_mm256_or_si256(_mm256_srli_epi64(lo, 52), _mm256_slli_epi64(hi, 12)), m);
  o[3] = _mm256_and_si256(_mm256_srli_epi64(hi, 14), m);
  o[4] = _mm256_or_si256(_mm256_srli_epi64(hi, 40), pad);
}

static inline uint64_t hsum4(V4 v) {
  __m128i x = _mm_add_epi64(_mm256_castsi256_si128(v), _mm256_extracti128_si256(v, 1));
  return (uint64_t)_mm_cvtsi128_si64(_mm_add_epi64(x, _mm_unpackhi_epi64(x, x)));
}

/* h (64-bit form, h < 2^131) -> 26-bit limbs; the last one < 2^27 */
static inline void h_to26(uint64_t o[5], const pq_poly1305 *st) {
  const uint64_t h0 = st->h[0], h1 = st->h[1], h2 = st->h[2];
  o[0] = h0 & M26;
  o[1] = (h0 >> 26) & M26;
  o[2] = ((h0 >> 52) | (h1 << 12)) & M26;
  o[3] = (h1 >> 14) & M26;
  o[4] = (h1 >> 40) | (h2 << 24);
}

/* sums of the lanes' products (each < 2^62) -> h in the 64-bit form with h[2] <= 4:
 * one full carry pass leaves limbs < 2^26 but limb 1 < 2^26 + 2^12, so h < 2^130 + 2^52 */
static inline void h_from26(pq_poly1305 *st, uint64_t d0, uint64_t d1, uint64_t d2, uint64_t d3,
                            uint64_t d4) {
  d1 += d0 >> 26, d0 &= M26;
  d2 += d1 >> 26, d1 &= M26;
  d3 += d2 >> 26, d2 &= M26;
  d4 += d3 >> 26, d3 &= M26;
  d0 += (d4 >> 26) * 5, d4 &= M26;
  d1 += d0 >> 26, d0 &= M26;
  unsigned __int128 t =
      (unsigned __int128)d0 + ((unsigned __int128)d1 << 26) + ((unsigned __int128)d2 << 52);
  st->h[0] = (uint64_t)t;
  t = (t >> 64) + ((unsigned __int128)d3 << 14) + ((unsigned __int128)d4 << 40);
  st->h[1] = (uint64_t)t;
  st->h[2] = (uint64_t)(t >> 64);
}

/* r^1..r^4 into the table (lanes 4..7), two products deep: r^2 = r r, then
 * (r^4, r^3) = (r^2, r) r^2; with `eight` also (r^8..r^5) = (r^4..r^1) r^4 into lanes
 * 0..3. Each row is written by one store (a later load of a row that spans two
 * stores would miss store forwarding). kernel_ready = 1 or 2. */
static void powers(pq_poly1305 *st, int eight) {
  const uint64_t r0 = st->r[0], r1 = st->r[1];
  const V4 even = _mm256_setr_epi32(0, 2, 4, 6, 0, 2, 4, 6);
  V4 R[5], P[5], S[5], D[5], T[5];
  R[0] = _mm256_set1_epi64x((long long)(r0 & M26));
  R[1] = _mm256_set1_epi64x((long long)((r0 >> 26) & M26));
  R[2] = _mm256_set1_epi64x((long long)(((r0 >> 52) | (r1 << 12)) & M26));
  R[3] = _mm256_set1_epi64x((long long)((r1 >> 14) & M26));
  R[4] = _mm256_set1_epi64x((long long)(r1 >> 40));
  times5_4(S, R);
  mul4(P, R, R, S);
  carry4(P);                                                               /* r^2 in every lane */
  for (int j = 0; j < 5; j++) D[j] = _mm256_blend_epi32(P[j], R[j], 0xcc); /* (r^2, r, r^2, r) */
  times5_4(S, P);
  mul4(T, D, P, S);
  carry4(T);                                                               /* (r^4, r^3, ...) */
  for (int j = 0; j < 5; j++) T[j] = _mm256_blend_epi32(T[j], D[j], 0xf0); /* (r^4, r^3, r^2, r) */
  if (!eight) {
    for (int j = 0; j < 5; j++) {
      const V4 t = _mm256_permutevar8x32_epi32(T[j], even); /* the qwords' low dwords */
      _mm_store_si128((__m128i *)(void *)(pw_row(st, j) + 4), _mm256_castsi256_si128(t));
    }
    st->kernel_ready = 1;
    return;
  }
  for (int j = 0; j < 5; j++) P[j] = _mm256_permute4x64_epi64(T[j], 0x00); /* r^4 */
  times5_4(S, P);
  mul4(D, T, P, S);
  carry4(D); /* (r^8, r^7, r^6, r^5) */
  for (int j = 0; j < 5; j++) {
    const V4 row = _mm256_blend_epi32(_mm256_permutevar8x32_epi32(D[j], even),
                                      _mm256_permutevar8x32_epi32(T[j], even), 0xf0);
    _mm256_store_si256((V4 *)(void *)pw_row(st, j), row);
  }
  st->kernel_ready = 2;
}

#ifdef __AVX512F__
/* a state with r^1..r^4 (kernel_ready 1) gets r^5..r^8 = (r^1..r^4) r^4: kernel_ready 2 */
static void powers_more(pq_poly1305 *st) {
  const V4 even = _mm256_setr_epi32(0, 2, 4, 6, 0, 2, 4, 6);
  V4 T[5], P[5], S[5], D[5];
  for (int j = 0; j < 5; j++) {
    T[j] =
        _mm256_cvtepu32_epi64(_mm_load_si128((const __m128i *)(const void *)(pw_crow(st, j) + 4)));
    P[j] = _mm256_set1_epi64x(pw_get(st, j, 4));
  }
  times5_4(S, P);
  mul4(D, T, P, S);
  carry4(D); /* (r^8, r^7, r^6, r^5) */
  for (int j = 0; j < 5; j++) {
    const V4 row = _mm256_blend_epi32(_mm256_permutevar8x32_epi32(D[j], even),
                                      _mm256_permutevar8x32_epi32(T[j], even), 0xf0);
    _mm256_store_si256((V4 *)(void *)pw_row(st, j), row);
  }
  st->kernel_ready = 2;
}
#endif

/* the table row j, lanes 4..7 (r^4, r^3, r^2, r^1), as qword lanes in the order of
 * split4's blocks (0, 2, 1, 3): (r^4, r^2, r^3, r^1) */
static inline V4 final4(const pq_poly1305 *st, int j) {
  const __m128i x = _mm_load_si128((const __m128i *)(const void *)(pw_crow(st, j) + 4));
  return _mm256_permute4x64_epi64(_mm256_cvtepu32_epi64(x), 0xd8);
}

/* n >= 4 blocks, 4 per step */
static void blocks4(pq_poly1305 *st, const uint8_t *m, size_t n) {
  V4 R[5], S[5], H[5], D[5], M[5];
  uint64_t h[5];
  h_to26(h, st);
  /* the partial first group: t = n mod 4 blocks in the last t of the positions
   * (0, 1, 2, 3), which split4 puts in lanes (0, 2, 1, 3); n >= 4, so reading 64
   * bytes at m stays inside the message */
  const size_t t = n & 3;
  const V4 a = _mm256_loadu_si256((const V4 *)(const void *)m);
  const V4 b = _mm256_loadu_si256((const V4 *)(const void *)(m + 32));
  const V4 z = _mm256_setzero_si256(), one = _mm256_set1_epi64x(1 << 24);
  V4 ya = a, yb = b, pad = one, first = _mm256_setr_epi64x(-1, 0, 0, 0);
  if (t == 1) { /* (-, -, -, m0) */
    ya = z, yb = _mm256_permute2x128_si256(a, a, 0x08);
    pad = _mm256_setr_epi64x(0, 0, 0, 1 << 24), first = _mm256_setr_epi64x(0, 0, 0, -1);
  } else if (t == 2) { /* (-, -, m0, m1) */
    ya = z, yb = a;
    pad = _mm256_setr_epi64x(0, 1 << 24, 0, 1 << 24), first = _mm256_setr_epi64x(0, -1, 0, 0);
  } else if (t == 3) { /* (-, m0, m1, m2) */
    ya = _mm256_permute2x128_si256(a, a, 0x08), yb = _mm256_permute2x128_si256(a, b, 0x21);
    pad = _mm256_setr_epi64x(0, 1 << 24, 1 << 24, 1 << 24), first = _mm256_setr_epi64x(0, 0, -1, 0);
  }
  split4(H, ya, yb, pad);
  for (int j = 0; j < 5; j++)
    H[j] = ADD4(H[j], _mm256_and_si256(first, _mm256_set1_epi64x((long long)h[j])));
  const size_t used = t ? t : 4;
  m += 16 * used, n -= used;

  for (int j = 0; j < 5; j++) R[j] = _mm256_set1_epi64x(pw_get(st, j, 4)); /* r^4 */
  times5_4(S, R);
  for (; n; m += 64, n -= 4) {
    mul4(D, H, R, S);
    carry4(D);
    split4(M, _mm256_loadu_si256((const V4 *)(const void *)m),
           _mm256_loadu_si256((const V4 *)(const void *)(m + 32)), one);
    for (int j = 0; j < 5; j++) H[j] = ADD4(D[j], M[j]);
  }
  for (int j = 0; j < 5; j++) R[j] = final4(st, j);
  times5_4(S, R);
  mul4(D, H, R, S);
  h_from26(st, hsum4(D[0]), hsum4(D[1]), hsum4(D[2]), hsum4(D[3]), hsum4(D[4]));
}

#ifdef __AVX512F__
/* ---- 8 lanes (zmm) ---------------------------------------------------------- */
typedef __m512i V8;
#define ADD8 _mm512_add_epi64
#define MUL8 _mm512_mul_epu32

static inline void mul8(V8 d[5], const V8 h[5], const V8 r[5], const V8 s[5]) {
  d[0] =
      ADD8(ADD8(ADD8(ADD8(MUL8(h[0], r[0]), MUL8(h[1], s[4])), MUL8(h[2], s[3])), MUL8(h[3], s[2])),
           MUL8(h[4], s[1]));
  d[1] =
      ADD8(ADD8(ADD8(ADD8(MUL8(h[0], r[1]), MUL8(h[1], r[0])), MUL8(h[2], s[4])), MUL8(h[3], s[3])),
           MUL8(h[4], s[2]));
  d[2] =
      ADD8(ADD8(ADD8(ADD8(MUL8(h[0], r[2]), MUL8(h[1], r[1])), MUL8(h[2], r[0])), MUL8(h[3], s[4])),
           MUL8(h[4], s[3]));
  d[3] =
      ADD8(ADD8(ADD8(ADD8(MUL8(h[0], r[3]), MUL8(h[1], r[2])), MUL8(h[2], r[1])), MUL8(h[3], r[0])),
           MUL8(h[4], s[4]));
  d[4] =
      ADD8(ADD8(ADD8(ADD8(MUL8(h[0], r[4]), MUL8(h[1], r[3])), MUL8(h[2], r[2])), MUL8(h[3], r[1])),
           MUL8(h[4], r[0]));
}

static inline void carry8(V8 d[5]) { /* as carry4 */
  const V8 m = _mm512_set1_epi64(M26);
  V8 c;
  c = _mm512_srli_epi64(d[0], 26), d[0] = _mm512_and_si512(d[0], m), d[1] = ADD8(d[1], c);
  c = _mm512_srli_epi64(d[3], 26), d[3] = _mm512_and_si512(d[3], m), d[4] = ADD8(d[4], c);
  c = _mm512_srli_epi64(d[1], 26), d[1] = _mm512_and_si512(d[1], m), d[2] = ADD8(d[2], c);
  c = _mm512_srli_epi64(d[4], 26), d[4] = _mm512_and_si512(d[4], m);
  d[0] = ADD8(d[0], ADD8(c, _mm512_slli_epi64(c, 2)));
  c = _mm512_srli_epi64(d[2], 26), d[2] = _mm512_and_si512(d[2], m), d[3] = ADD8(d[3], c);
  c = _mm512_srli_epi64(d[0], 26), d[0] = _mm512_and_si512(d[0], m), d[1] = ADD8(d[1], c);
  c = _mm512_srli_epi64(d[3], 26), d[3] = _mm512_and_si512(d[3], m), d[4] = ADD8(d[4], c);
}

static inline void times5_8(V8 s[5], const V8 r[5]) {
  for (int j = 1; j < 5; j++) s[j] = ADD8(r[j], _mm512_slli_epi64(r[j], 2));
}

/* 26-bit limbs of the blocks whose low / high qwords are in the lanes of lo / hi */
static inline void split8(V8 o[5], V8 lo, V8 hi, V8 pad) {
  const V8 m = _mm512_set1_epi64(M26);
  o[0] = _mm512_and_si512(lo, m);
  o[1] = _mm512_and_si512(_mm512_srli_epi64(lo, 26), m);
  o[2] = _mm512_and_si512(_mm512_or_si512(_mm512_srli_epi64(lo, 52), _mm512_slli_epi64(hi, 12)), m);
  o[3] = _mm512_and_si512(_mm512_srli_epi64(hi, 14), m);
  o[4] = _mm512_or_si512(_mm512_srli_epi64(hi, 40), pad);
}

/* n >= 8 blocks, 8 per step, block i of a group in lane i */
static void blocks8(pq_poly1305 *st, const uint8_t *m, size_t n) {
  V8 R[5], S[5], H[5], D[5], M[5];
  uint64_t h[5];
  h_to26(h, st);
  const V8 even = _mm512_setr_epi64(0, 2, 4, 6, 8, 10, 12, 14),
           odd = _mm512_setr_epi64(1, 3, 5, 7, 9, 11, 13, 15);
  const V8 one = _mm512_set1_epi64(1 << 24);
  /* partial first group: t = n mod 8 blocks into the last t lanes (lane i >= z gets
   * block i - z, z = (8 - t) mod 8, the others zero); n >= 8, so 128 bytes at m are
   * readable. h joins the lane of the first block, z. */
  const unsigned z = (unsigned)(8 - (n & 7)) & 7;
  const __mmask8 k = (__mmask8)(0xff << z);
  const V8 a = _mm512_loadu_si512(m), b = _mm512_loadu_si512(m + 64);
  const V8 shift = _mm512_set1_epi64(2 * (long long)z);
  split8(H, _mm512_maskz_permutex2var_epi64(k, a, _mm512_sub_epi64(even, shift), b),
         _mm512_maskz_permutex2var_epi64(k, a, _mm512_sub_epi64(odd, shift), b),
         _mm512_maskz_mov_epi64(k, one));
  for (int j = 0; j < 5; j++)
    H[j] =
        _mm512_mask_add_epi64(H[j], (__mmask8)(1u << z), H[j], _mm512_set1_epi64((long long)h[j]));
  const size_t used = 8 - z;
  m += 16 * used, n -= used;

  for (int j = 0; j < 5; j++) R[j] = _mm512_set1_epi64(pw_get(st, j, 0)); /* r^8 */
  times5_8(S, R);
  for (; n; m += 128, n -= 8) {
    mul8(D, H, R, S);
    carry8(D);
    const V8 x = _mm512_loadu_si512(m), y = _mm512_loadu_si512(m + 64);
    split8(M, _mm512_permutex2var_epi64(x, even, y), _mm512_permutex2var_epi64(x, odd, y), one);
    for (int j = 0; j < 5; j++) H[j] = ADD8(D[j], M[j]);
  }
  for (int j = 0; j < 5; j++)
    R[j] = _mm512_cvtepu32_epi64(_mm256_load_si256((const __m256i *)(const void *)pw_crow(st, j)));
  times5_8(S, R);
  mul8(D, H, R, S);
  h_from26(st, (uint64_t)_mm512_reduce_add_epi64(D[0]), (uint64_t)_mm512_reduce_add_epi64(D[1]),
           (uint64_t)_mm512_reduce_add_epi64(D[2]), (uint64_t)_mm512_reduce_add_epi64(D[3]),
           (uint64_t)_mm512_reduce_add_epi64(D[4]));
}
#endif

void pq_avx2_poly1305_blocks(pq_poly1305 *st, const uint8_t *m, size_t nblocks) {
  /* the powers cost about as much as a few blocks, so a key's first run needs more
   * blocks before the vector path pays (kernel_ready is public: it tells whether this
   * state has had a vector run, nothing about the key or the message) */
  const size_t min = st->kernel_ready ? PQ_POLY1305_MIN_WARM : PQ_POLY1305_MIN_COLD;
  if (nblocks < min) {
    pq_ref_poly1305_blocks(st, m, nblocks);
    return;
  }
#ifdef __AVX512F__
  /* zmm from MIN_ZMM blocks once r^5..r^8 are there; a key's first run computes
   * them only when it is long enough to repay them (MIN_ZMM_COLD) */
  if (nblocks >= (st->kernel_ready == 2 ? PQ_POLY1305_MIN_ZMM : PQ_POLY1305_MIN_ZMM_COLD)) {
    if (!st->kernel_ready) powers(st, 1);
    if (st->kernel_ready == 1) powers_more(st);
    blocks8(st, m, nblocks);
    return;
  }
#endif
  if (!st->kernel_ready) powers(st, 0);
  blocks4(st, m, nblocks);
}
