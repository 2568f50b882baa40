/* ChaCha20 and Salsa20 on many 64-byte blocks (aead/kernels_aead.h), x86-64 AVX2; the avx512 core
 * compiles the same file with -mavx512f -mavx512vl and gains the 16-way zmm kernel (__AVX512F__) and
 * VPROLD for the rotations of the narrower ones (__AVX512VL__).
 *
 * Two layouts:
 *  - lanes ("transposed"), 8 blocks per ymm set (16-way: zmm): state word i of block j in lane j of
 *    vector x<i>, so a round is 16 independent-lane quarter-round steps with no shuffles; block j's
 *    counter is s[12] + j (a per-lane add). The keystream is transposed back to blocks at the end
 *    (4x4 word transposes inside 128-bit lanes by unpack, then 128-bit lanes by vperm2i128 /
 *    vshufi32x4) and XORed into the input on the store.
 *  - rows, for short runs: one block per xmm set (a, b, c, d = state rows), two per ymm set (block 0
 *    in the low 128 bits, block 1 in the high), with vpshufd diagonalization between the column and
 *    the diagonal round. A row double round is 38 instructions for 2 blocks (19 per block, against
 *    16 in lanes: the 6 vpshufd cost more than the lanes layout's transposes amortized over 8
 *    blocks) but it is latency-bound: ~30 cycles per double round for one set, so the 4-way kernel
 *    runs two independent ymm sets to fill the three vector ALU ports.
 * Rotations by 16 and 8 are byte shuffles (vpshufb), 12 and 7 shift-or; with AVX-512VL every
 * rotation is one VPROLD (measured in the avx512 core: vpshufb for 16 and 8 and VPROLD for the
 * others was slower in every kernel, 0.47 against 0.38 TSC ticks/B for 16-way).
 * The 4-way kernel is two ymm row pairs, not four blocks in xmm lanes: measured 1.12 against 1.62
 * ticks/B (AVX2 core): the xmm lanes need 32 instructions per block and double round, rows 19.
 *
 * Measured on this project's Xeon (AVX-512 VBMI, TSC 2.6 GHz), gcc 12 -O3, 16 KiB in L1, TSC ticks
 * per byte (one kernel alone): AVX2 core 8-way 0.78-0.84, 4-way 1.14, 2-way 1.63, 1-way 3.1;
 * avx512 core 16-way 0.39-0.43, 8-way 0.60, 4-way 0.89, 2-way 1.21, 1-way 2.3. OpenSSL 3.0.19's
 * own paths on the same machine (openssl speed -evp chacha20, 16 KiB, masked by OPENSSL_ia32cap):
 * AVX-512F 16-way 0.42, AVX-512VL 8-way 0.58, AVX2 8-way 0.77, SSSE3 4-way 1.59.
 *
 * Salsa20 has the same kernels with its own quarter-round (rotations 7, 9, 13, 18, all shift-or in
 * AVX2). Its rows use the diagonal layout (a = x0 x5 x10 x15, b = x4 x9 x14 x3, c = x8 x13 x2 x7,
 * d = x12 x1 x6 x11): each column quarter-round is then one lane of a, b, c, d and the row round
 * needs the same three vpshufd as ChaCha's diagonal round; vpblendd restores word order at the end.
 *
 * Counters: a block's counter is s[12] + j (Salsa20: s[8] + j) in 32 bits; the precondition
 * s[12] + nblocks <= 2^32 means no lane that is stored wraps. Loads and stores are unaligned;
 * in == out works because every 32-byte piece of input is loaded just before its store. */
#include <immintrin.h>
#include <stddef.h>
#include <stdint.h>

#include "aead/kernels_aead.h"

/* ---- vector operations, one set per width (X xmm, Y ymm, Z zmm) --------------------------------- */
#define XADD(a, b) _mm_add_epi32((a), (b))
#define XXOR(a, b) _mm_xor_si128((a), (b))
#define XSHUF(a, i) _mm_shuffle_epi32((a), (i))
#define YADD(a, b) _mm256_add_epi32((a), (b))
#define YXOR(a, b) _mm256_xor_si256((a), (b))
#define YSHUF(a, i) _mm256_shuffle_epi32((a), (i))
#if defined(__AVX512VL__)
#define XROL(a, n) _mm_rol_epi32((a), (n))
#define YROL(a, n) _mm256_rol_epi32((a), (n))
#define XR16(a) XROL(a, 16)
#define XR8(a) XROL(a, 8)
#define YR16(a) YROL(a, 16)
#define YR8(a) YROL(a, 8)
#else
#define XROL(a, n) _mm_or_si128(_mm_slli_epi32((a), (n)), _mm_srli_epi32((a), 32 - (n)))
#define YROL(a, n) _mm256_or_si256(_mm256_slli_epi32((a), (n)), _mm256_srli_epi32((a), 32 - (n)))
#define XR16(a) _mm_shuffle_epi8((a), _mm256_castsi256_si128(rot16))
#define XR8(a) _mm_shuffle_epi8((a), _mm256_castsi256_si128(rot8))
#define YR16(a) _mm256_shuffle_epi8((a), rot16)
#define YR8(a) _mm256_shuffle_epi8((a), rot8)
#endif
#define XR12(a) XROL(a, 12)
#define XR7(a) XROL(a, 7)
#define YR12(a) YROL(a, 12)
#define YR7(a) YROL(a, 7)
#if defined(__AVX512F__)
#define ZADD(a, b) _mm512_add_epi32((a), (b))
#define ZXOR(a, b) _mm512_xor_si512((a), (b))
#define ZROL(a, n) _mm512_rol_epi32((a), (n))
#define ZR16(a) ZROL(a, 16)
#define ZR12(a) ZROL(a, 12)
#define ZR8(a) ZROL(a, 8)
#define ZR7(a) ZROL(a, 7)
#endif

/* byte shuffles rotating every 32-bit word left by 16 and by 8 (unused where VPROLD does it) */
#define PQ_ROT_CONSTANTS                                                                          \
  const __m256i rot16 = _mm256_setr_epi8(2, 3, 0, 1, 6, 7, 4, 5, 10, 11, 8, 9, 14, 15, 12, 13, 2, \
                                         3, 0, 1, 6, 7, 4, 5, 10, 11, 8, 9, 14, 15, 12, 13);      \
  const __m256i rot8 = _mm256_setr_epi8(3, 0, 1, 2, 7, 4, 5, 6, 11, 8, 9, 10, 15, 12, 13, 14, 3,  \
                                        0, 1, 2, 7, 4, 5, 6, 11, 8, 9, 10, 15, 12, 13, 14);       \
  (void)rot16;                                                                                    \
  (void)rot8

/* ---- quarter-rounds ----------------------------------------------------------------------------- */
/* four ChaCha quarter-rounds step by step (independent chains side by side) on width P */
#define PQ_CHACHA_QR4(P, a0, b0, c0, d0, a1, b1, c1, d1, a2, b2, c2, d2, a3, b3, c3, d3) \
  do {                                                                                   \
    a0 = P##ADD(a0, b0), a1 = P##ADD(a1, b1), a2 = P##ADD(a2, b2), a3 = P##ADD(a3, b3);  \
    d0 = P##XOR(d0, a0), d1 = P##XOR(d1, a1), d2 = P##XOR(d2, a2), d3 = P##XOR(d3, a3);  \
    d0 = P##R16(d0), d1 = P##R16(d1), d2 = P##R16(d2), d3 = P##R16(d3);                  \
    c0 = P##ADD(c0, d0), c1 = P##ADD(c1, d1), c2 = P##ADD(c2, d2), c3 = P##ADD(c3, d3);  \
    b0 = P##XOR(b0, c0), b1 = P##XOR(b1, c1), b2 = P##XOR(b2, c2), b3 = P##XOR(b3, c3);  \
    b0 = P##R12(b0), b1 = P##R12(b1), b2 = P##R12(b2), b3 = P##R12(b3);                  \
    a0 = P##ADD(a0, b0), a1 = P##ADD(a1, b1), a2 = P##ADD(a2, b2), a3 = P##ADD(a3, b3);  \
    d0 = P##XOR(d0, a0), d1 = P##XOR(d1, a1), d2 = P##XOR(d2, a2), d3 = P##XOR(d3, a3);  \
    d0 = P##R8(d0), d1 = P##R8(d1), d2 = P##R8(d2), d3 = P##R8(d3);                      \
    c0 = P##ADD(c0, d0), c1 = P##ADD(c1, d1), c2 = P##ADD(c2, d2), c3 = P##ADD(c3, d3);  \
    b0 = P##XOR(b0, c0), b1 = P##XOR(b1, c1), b2 = P##XOR(b2, c2), b3 = P##XOR(b3, c3);  \
    b0 = P##R7(b0), b1 = P##R7(b1), b2 = P##R7(b2), b3 = P##R7(b3);                      \
  } while (0)
/* ChaCha double round on the 16 word vectors x0..x15 (lanes layout) */
#define PQ_CHACHA_DROUND(P)                                                                 \
  do {                                                                                      \
    PQ_CHACHA_QR4(P, x0, x4, x8, x12, x1, x5, x9, x13, x2, x6, x10, x14, x3, x7, x11, x15); \
    PQ_CHACHA_QR4(P, x0, x5, x10, x15, x1, x6, x11, x12, x2, x7, x8, x13, x3, x4, x9, x14); \
  } while (0)

/* four Salsa20 quarter-rounds (y1 ^= (y0+y3)<<<7, y2 ^= (y1+y0)<<<9, y3 ^= (y2+y1)<<<13,
 * y0 ^= (y3+y2)<<<18) step by step */
#define PQ_SALSA_STEP4(P, n, t0, u0, v0, t1, u1, v1, t2, u2, v2, t3, u3, v3)                \
  do {                                                                                      \
    t0 = P##XOR(t0, P##ROL(P##ADD(u0, v0), n)), t1 = P##XOR(t1, P##ROL(P##ADD(u1, v1), n)); \
    t2 = P##XOR(t2, P##ROL(P##ADD(u2, v2), n)), t3 = P##XOR(t3, P##ROL(P##ADD(u3, v3), n)); \
  } while (0)
#define PQ_SALSA_QR4(P, a0, b0, c0, d0, a1, b1, c1, d1, a2, b2, c2, d2, a3, b3, c3, d3) \
  do {                                                                                  \
    PQ_SALSA_STEP4(P, 7, b0, a0, d0, b1, a1, d1, b2, a2, d2, b3, a3, d3);               \
    PQ_SALSA_STEP4(P, 9, c0, b0, a0, c1, b1, a1, c2, b2, a2, c3, b3, a3);               \
    PQ_SALSA_STEP4(P, 13, d0, c0, b0, d1, c1, b1, d2, c2, b2, d3, c3, b3);              \
    PQ_SALSA_STEP4(P, 18, a0, d0, c0, a1, d1, c1, a2, d2, c2, a3, d3, c3);              \
  } while (0)
#define PQ_SALSA_DROUND(P)                                                                 \
  do {                                                                                     \
    PQ_SALSA_QR4(P, x0, x4, x8, x12, x5, x9, x13, x1, x10, x14, x2, x6, x15, x3, x7, x11); \
    PQ_SALSA_QR4(P, x0, x1, x2, x3, x5, x6, x7, x4, x10, x11, x8, x9, x15, x12, x13, x14); \
  } while (0)

/* row layout: one quarter-round on whole rows. ChaCha diagonalizes by rotating a, c and d, not b:
 * a round ends with b's rotation and the next starts with a += b, so a shuffle of b would sit on
 * the critical path of every round; a, c, d are finished earlier and their shuffles overlap
 * (measured: rows4 264-278 instead of 294 TSC ticks in the AVX2 core, rows1 200 instead of 204). */
#define PQ_CHACHA_ROW_QR(P, a, b, c, d)         \
  do {                                          \
    a = P##ADD(a, b), d = P##R16(P##XOR(d, a)); \
    c = P##ADD(c, d), b = P##R12(P##XOR(b, c)); \
    a = P##ADD(a, b), d = P##R8(P##XOR(d, a));  \
    c = P##ADD(c, d), b = P##R7(P##XOR(b, c));  \
  } while (0)
#define PQ_CHACHA_ROW_DROUND(P, a, b, c, d)                           \
  do {                                                                \
    PQ_CHACHA_ROW_QR(P, a, b, c, d);                                  \
    a = P##SHUF(a, 0x93), c = P##SHUF(c, 0x39), d = P##SHUF(d, 0x4e); \
    PQ_CHACHA_ROW_QR(P, a, b, c, d);                                  \
    a = P##SHUF(a, 0x39), c = P##SHUF(c, 0x93), d = P##SHUF(d, 0x4e); \
  } while (0)
/* Salsa20 diagonal layout: the column round is one quarter-round on (a, b, c, d); the row round is
 * one on (a, d', c', b') with d' = d lanes 1230, c' = c lanes 2301, b' = b lanes 3012. */
#define PQ_SALSA_ROW_QR(P, y0, y1, y2, y3)       \
  do {                                           \
    y1 = P##XOR(y1, P##ROL(P##ADD(y0, y3), 7));  \
    y2 = P##XOR(y2, P##ROL(P##ADD(y1, y0), 9));  \
    y3 = P##XOR(y3, P##ROL(P##ADD(y2, y1), 13)); \
    y0 = P##XOR(y0, P##ROL(P##ADD(y3, y2), 18)); \
  } while (0)
#define PQ_SALSA_ROW_DROUND(P, a, b, c, d)                            \
  do {                                                                \
    PQ_SALSA_ROW_QR(P, a, b, c, d);                                   \
    b = P##SHUF(b, 0x93), c = P##SHUF(c, 0x4e), d = P##SHUF(d, 0x39); \
    PQ_SALSA_ROW_QR(P, a, d, c, b);                                   \
    b = P##SHUF(b, 0x39), c = P##SHUF(c, 0x4e), d = P##SHUF(d, 0x93); \
  } while (0)

/* ---- stores: out = keystream ^ in (in == NULL: the keystream) ----------------------------------- */
static inline void st128(uint8_t *out, const uint8_t *in, size_t off, __m128i v) {
  if (in) v = _mm_xor_si128(v, _mm_loadu_si128((const __m128i *)(const void *)(in + off)));
  _mm_storeu_si128((__m128i *)(void *)(out + off), v);
}
static inline void st256(uint8_t *out, const uint8_t *in, size_t off, __m256i v) {
  if (in) v = _mm256_xor_si256(v, _mm256_loadu_si256((const __m256i *)(const void *)(in + off)));
  _mm256_storeu_si256((__m256i *)(void *)(out + off), v);
}

/* 4x4 transpose of 32-bit words inside every 128-bit lane: afterwards a, b, c, d hold (per lane)
 * the words of lanes 0, 1, 2, 3 of the inputs. */
#define PQ_T4(W, a, b, c, d)                                          \
  do {                                                                \
    const W t0_ = PQ_##W##_UNLO32(a, b), t1_ = PQ_##W##_UNHI32(a, b); \
    const W t2_ = PQ_##W##_UNLO32(c, d), t3_ = PQ_##W##_UNHI32(c, d); \
    a = PQ_##W##_UNLO64(t0_, t2_), b = PQ_##W##_UNHI64(t0_, t2_);     \
    c = PQ_##W##_UNLO64(t1_, t3_), d = PQ_##W##_UNHI64(t1_, t3_);     \
  } while (0)
#define PQ___m128i_UNLO32 _mm_unpacklo_epi32
#define PQ___m128i_UNHI32 _mm_unpackhi_epi32
#define PQ___m128i_UNLO64 _mm_unpacklo_epi64
#define PQ___m128i_UNHI64 _mm_unpackhi_epi64
#define PQ___m256i_UNLO32 _mm256_unpacklo_epi32
#define PQ___m256i_UNHI32 _mm256_unpackhi_epi32
#define PQ___m256i_UNLO64 _mm256_unpacklo_epi64
#define PQ___m256i_UNHI64 _mm256_unpackhi_epi64
#define PQ___m512i_UNLO32 _mm512_unpacklo_epi32
#define PQ___m512i_UNHI32 _mm512_unpackhi_epi32
#define PQ___m512i_UNLO64 _mm512_unpacklo_epi64
#define PQ___m512i_UNHI64 _mm512_unpackhi_epi64

/* x0..x15 of width W from the input state s (word `cw` = the counter word gets cv instead) */
#define PQ_LANES_LOAD(W, SET1, s, cw, cv)                                                       \
  W x0 = SET1((int)s[0]), x1 = SET1((int)s[1]), x2 = SET1((int)s[2]), x3 = SET1((int)s[3]);     \
  W x4 = SET1((int)s[4]), x5 = SET1((int)s[5]), x6 = SET1((int)s[6]), x7 = SET1((int)s[7]);     \
  W x8 = SET1((int)s[8]), x9 = SET1((int)s[9]), x10 = SET1((int)s[10]), x11 = SET1((int)s[11]); \
  W x12 = SET1((int)s[12]), x13 = SET1((int)s[13]), x14 = SET1((int)s[14]);                     \
  W x15 = SET1((int)s[15]);                                                                     \
  x##cw = (cv)
/* feed-forward: x<i> += s[i], the counter word x<cw> += its lane counters cv */
#define PQ_FEED1(P, SET1, i, s, cw, cv) x##i = P##ADD(x##i, (i) == (cw) ? (cv) : SET1((int)s[i]))
#define PQ_LANES_FEED(P, SET1, s, cw, cv)                             \
  PQ_FEED1(P, SET1, 0, s, cw, cv), PQ_FEED1(P, SET1, 1, s, cw, cv),   \
      PQ_FEED1(P, SET1, 2, s, cw, cv);                                \
  PQ_FEED1(P, SET1, 3, s, cw, cv), PQ_FEED1(P, SET1, 4, s, cw, cv),   \
      PQ_FEED1(P, SET1, 5, s, cw, cv);                                \
  PQ_FEED1(P, SET1, 6, s, cw, cv), PQ_FEED1(P, SET1, 7, s, cw, cv),   \
      PQ_FEED1(P, SET1, 8, s, cw, cv);                                \
  PQ_FEED1(P, SET1, 9, s, cw, cv), PQ_FEED1(P, SET1, 10, s, cw, cv);  \
  PQ_FEED1(P, SET1, 11, s, cw, cv), PQ_FEED1(P, SET1, 12, s, cw, cv); \
  PQ_FEED1(P, SET1, 13, s, cw, cv), PQ_FEED1(P, SET1, 14, s, cw, cv); \
  PQ_FEED1(P, SET1, 15, s, cw, cv)
/* ---- lanes kernels: nblocks from counter ctr, W at a time; a last partial group computes all W
 * blocks and stores the first nb (cheaper than narrower kernels for it: see arx_blocks) --------- */
/* 8 blocks in ymm lanes; after the transposes lane half 0 of x<k> is block k, half 1 block k+4 */
#define PQ_STORE8                      \
  PQ_T4(__m256i, x0, x1, x2, x3);      \
  PQ_T4(__m256i, x4, x5, x6, x7);      \
  PQ_T4(__m256i, x8, x9, x10, x11);    \
  PQ_T4(__m256i, x12, x13, x14, x15);  \
  PQ_STORE8_PAIR(0, x0, x4, x8, x12);  \
  PQ_STORE8_PAIR(1, x1, x5, x9, x13);  \
  PQ_STORE8_PAIR(2, x2, x6, x10, x14); \
  PQ_STORE8_PAIR(3, x3, x7, x11, x15)
#define PQ_STORE8_PAIR(k, w0, w4, w8, w12)                                    \
  if ((k) < nb) {                                                             \
    st256(out, in, 64 * (k), _mm256_permute2x128_si256(w0, w4, 0x20));        \
    st256(out, in, 64 * (k) + 32, _mm256_permute2x128_si256(w8, w12, 0x20));  \
  }                                                                           \
  if ((k) + 4 < nb) {                                                         \
    st256(out, in, 64 * (k) + 256, _mm256_permute2x128_si256(w0, w4, 0x31));  \
    st256(out, in, 64 * (k) + 288, _mm256_permute2x128_si256(w8, w12, 0x31)); \
  }

static void chacha_lanes8(const uint32_t *s, uint32_t ctr, uint8_t *out0, const uint8_t *in0,
                          size_t nblocks) {
  PQ_ROT_CONSTANTS;
  for (size_t off = 0; off < nblocks; off += 8, ctr += 8) {
    const size_t nb = nblocks - off < 8 ? nblocks - off : 8;
    uint8_t *const out = out0 + 64 * off;
    const uint8_t *const in = in0 ? in0 + 64 * off : in0;
    const __m256i cv =
        _mm256_add_epi32(_mm256_set1_epi32((int)ctr), _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7));
    PQ_LANES_LOAD(__m256i, _mm256_set1_epi32, s, 12, cv);
    for (unsigned r = 0; r < 10; r++) PQ_CHACHA_DROUND(Y);
    PQ_LANES_FEED(Y, _mm256_set1_epi32, s, 12, cv);
    PQ_STORE8;
  }
}
static void salsa_lanes8(const uint32_t *s, uint32_t ctr, uint8_t *out0, const uint8_t *in0,
                         size_t nblocks) {
  for (size_t off = 0; off < nblocks; off += 8, ctr += 8) {
    const size_t nb = nblocks - off < 8 ? nblocks - off : 8;
    uint8_t *const out = out0 + 64 * off;
    const uint8_t *const in = in0 ? in0 + 64 * off : in0;
    const __m256i cv =
        _mm256_add_epi32(_mm256_set1_epi32((int)ctr), _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7));
    PQ_LANES_LOAD(__m256i, _mm256_set1_epi32, s, 8, cv);
    for (unsigned r = 0; r < 10; r++) PQ_SALSA_DROUND(Y);
    PQ_LANES_FEED(Y, _mm256_set1_epi32, s, 8, cv);
    PQ_STORE8;
  }
}

#if defined(__AVX512F__)
/* 16 blocks in zmm lanes. After the in-lane 4x4 transposes, 128-bit lane L of x<4g+k> holds words
 * 4g..4g+3 of block 4L+k; vshufi32x4 then transposes the 4x4 matrix of 128-bit lanes of
 * x<k>, x<4+k>, x<8+k>, x<12+k> into blocks k, 4+k, 8+k, 12+k (one zmm each). */
static inline void st512(uint8_t *out, const uint8_t *in, size_t off, __m512i v) {
  if (in) v = _mm512_xor_si512(v, _mm512_loadu_si512((const void *)(in + off)));
  _mm512_storeu_si512((void *)(out + off), v);
}
static inline void store16_quad(uint8_t *out, const uint8_t *in, size_t nb, unsigned k, __m512i w0,
                                __m512i w1, __m512i w2, __m512i w3) {
  const __m512i u0 = _mm512_shuffle_i32x4(w0, w1, 0x44), u1 = _mm512_shuffle_i32x4(w0, w1, 0xee);
  const __m512i u2 = _mm512_shuffle_i32x4(w2, w3, 0x44), u3 = _mm512_shuffle_i32x4(w2, w3, 0xee);
  if (k < nb) st512(out, in, 64 * k, _mm512_shuffle_i32x4(u0, u2, 0x88));
  if (k + 4 < nb) st512(out, in, 64 * (k + 4), _mm512_shuffle_i32x4(u0, u2, 0xdd));
  if (k + 8 < nb) st512(out, in, 64 * (k + 8), _mm512_shuffle_i32x4(u1, u3, 0x88));
  if (k + 12 < nb) st512(out, in, 64 * (k + 12), _mm512_shuffle_i32x4(u1, u3, 0xdd));
}
#define PQ_STORE16                                \
  PQ_T4(__m512i, x0, x1, x2, x3);                 \
  PQ_T4(__m512i, x4, x5, x6, x7);                 \
  PQ_T4(__m512i, x8, x9, x10, x11);               \
  PQ_T4(__m512i, x12, x13, x14, x15);             \
  store16_quad(out, in, nb, 0, x0, x4, x8, x12);  \
  store16_quad(out, in, nb, 1, x1, x5, x9, x13);  \
  store16_quad(out, in, nb, 2, x2, x6, x10, x14); \
  store16_quad(out, in, nb, 3, x3, x7, x11, x15)
#define PQ_CTR16(ctr)                             \
  _mm512_add_epi32(_mm512_set1_epi32((int)(ctr)), \
                   _mm512_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15))

static void chacha_lanes16(const uint32_t *s, uint32_t ctr, uint8_t *out0, const uint8_t *in0,
                           size_t nblocks) {
  for (size_t off = 0; off < nblocks; off += 16, ctr += 16) {
    const size_t nb = nblocks - off < 16 ? nblocks - off : 16;
    uint8_t *const out = out0 + 64 * off;
    const uint8_t *const in = in0 ? in0 + 64 * off : in0;
    const __m512i cv = PQ_CTR16(ctr);
    PQ_LANES_LOAD(__m512i, _mm512_set1_epi32, s, 12, cv);
    for (unsigned r = 0; r < 10; r++) PQ_CHACHA_DROUND(Z);
    PQ_LANES_FEED(Z, _mm512_set1_epi32, s, 12, cv);
    PQ_STORE16;
  }
}
static void salsa_lanes16(const uint32_t *s, uint32_t ctr, uint8_t *out0, const uint8_t *in0,
                          size_t nblocks) {
  for (size_t off = 0; off < nblocks; off += 16, ctr += 16) {
    const size_t nb = nblocks - off < 16 ? nblocks - off : 16;
    uint8_t *const out = out0 + 64 * off;
    const uint8_t *const in = in0 ? in0 + 64 * off : in0;
    const __m512i cv = PQ_CTR16(ctr);
    PQ_LANES_LOAD(__m512i, _mm512_set1_epi32, s, 8, cv);
    for (unsigned r = 0; r < 10; r++) PQ_SALSA_DROUND(Z);
    PQ_LANES_FEED(Z, _mm512_set1_epi32, s, 8, cv);
    PQ_STORE16;
  }
}
#endif

/* ---- rows kernels: 1 block (xmm), 2 blocks (ymm), 4 blocks (two ymm sets) ----------------------- */
static void chacha_rows1(const uint32_t *s, uint32_t ctr, uint8_t *out, const uint8_t *in,
                         size_t nb) {
  (void)nb; /* always 1 */
  PQ_ROT_CONSTANTS;
  const __m128i a0 = _mm_loadu_si128((const __m128i *)(const void *)s);
  const __m128i b0 = _mm_loadu_si128((const __m128i *)(const void *)(s + 4));
  const __m128i c0 = _mm_loadu_si128((const __m128i *)(const void *)(s + 8));
  const __m128i d0 =
      _mm_insert_epi32(_mm_loadu_si128((const __m128i *)(const void *)(s + 12)), (int)ctr, 0);
  __m128i a = a0, b = b0, c = c0, d = d0;
  for (unsigned r = 0; r < 10; r++) PQ_CHACHA_ROW_DROUND(X, a, b, c, d);
  st128(out, in, 0, XADD(a, a0)), st128(out, in, 16, XADD(b, b0));
  st128(out, in, 32, XADD(c, c0)), st128(out, in, 48, XADD(d, d0));
}

/* the four rows of a ymm pair state: block 0 in the low halves, block 1 (counter + 1) in the high */
#define PQ_ROWS2_LOAD(a, b, c, d, s, ctr)                                                   \
  const __m256i a =                                                                         \
      _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)(const void *)s));       \
  const __m256i b =                                                                         \
      _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)(const void *)(s + 4))); \
  const __m256i c =                                                                         \
      _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)(const void *)(s + 8))); \
  const __m256i d = _mm256_add_epi32(                                                       \
      _mm256_broadcastsi128_si256(_mm_insert_epi32(                                         \
          _mm_loadu_si128((const __m128i *)(const void *)(s + 12)), (int)(ctr), 0)),        \
      _mm256_setr_epi32(0, 0, 0, 0, 1, 0, 0, 0))
/* the first nb (0..2) blocks of a ymm row set to out + off and out + off + 64 */
static inline void store_rows2(uint8_t *out, const uint8_t *in, size_t off, size_t nb, __m256i a,
                               __m256i b, __m256i c, __m256i d) {
  if (nb > 0) {
    st256(out, in, off, _mm256_permute2x128_si256(a, b, 0x20));
    st256(out, in, off + 32, _mm256_permute2x128_si256(c, d, 0x20));
  }
  if (nb > 1) {
    st256(out, in, off + 64, _mm256_permute2x128_si256(a, b, 0x31));
    st256(out, in, off + 96, _mm256_permute2x128_si256(c, d, 0x31));
  }
}

static void chacha_rows2(const uint32_t *s, uint32_t ctr, uint8_t *out, const uint8_t *in,
                         size_t nb) {
  PQ_ROT_CONSTANTS;
  PQ_ROWS2_LOAD(a0, b0, c0, d0, s, ctr);
  __m256i a = a0, b = b0, c = c0, d = d0;
  for (unsigned r = 0; r < 10; r++) PQ_CHACHA_ROW_DROUND(Y, a, b, c, d);
  store_rows2(out, in, 0, nb, YADD(a, a0), YADD(b, b0), YADD(c, c0), YADD(d, d0));
}

/* two independent ymm row sets: each alone is latency-bound (one dependency chain per round) */
static void chacha_rows4(const uint32_t *s, uint32_t ctr, uint8_t *out, const uint8_t *in,
                         size_t nb) {
  PQ_ROT_CONSTANTS;
  PQ_ROWS2_LOAD(a0, b0, c0, d0, s, ctr);
  const __m256i d1 = _mm256_add_epi32(d0, _mm256_setr_epi32(2, 0, 0, 0, 2, 0, 0, 0));
  __m256i a = a0, b = b0, c = c0, d = d0, e = a0, f = b0, g = c0, h = d1;
  for (unsigned r = 0; r < 10; r++) {
    PQ_CHACHA_ROW_DROUND(Y, a, b, c, d);
    PQ_CHACHA_ROW_DROUND(Y, e, f, g, h);
  }
  store_rows2(out, in, 0, nb < 2 ? nb : 2, YADD(a, a0), YADD(b, b0), YADD(c, c0), YADD(d, d0));
  store_rows2(out, in, 128, nb > 2 ? nb - 2 : 0, YADD(e, a0), YADD(f, b0), YADD(g, c0),
              YADD(h, d1));
}

/* Salsa20 rows in the diagonal layout (see the top); the counter s[8] is lane 0 of c */
#define PQ_SALSA_DIAG(s, ctr)                                       \
  _mm_setr_epi32((int)s[0], (int)s[5], (int)s[10], (int)s[15]),     \
      _mm_setr_epi32((int)s[4], (int)s[9], (int)s[14], (int)s[3]),  \
      _mm_setr_epi32((int)(ctr), (int)s[13], (int)s[2], (int)s[7]), \
      _mm_setr_epi32((int)s[12], (int)s[1], (int)s[6], (int)s[11])
/* diagonals back to rows: row0 = a0 d1 c2 b3, row1 = b0 a1 d2 c3, row2 = c0 b1 a2 d3, row3 = d0 c1 b2 a3 */
#define PQ_SALSA_UNDIAG(W, BLEND, m1, m2, a, b, c, d)     \
  do {                                                    \
    const W ad_ = BLEND(a, d, m1), cb_ = BLEND(c, b, m1); \
    const W ba_ = BLEND(b, a, m1), dc_ = BLEND(d, c, m1); \
    a = BLEND(ad_, cb_, m2), c = BLEND(cb_, ad_, m2);     \
    b = BLEND(ba_, dc_, m2), d = BLEND(dc_, ba_, m2);     \
  } while (0)

static void salsa_rows1(const uint32_t *s, uint32_t ctr, uint8_t *out, const uint8_t *in,
                        size_t nb) {
  (void)nb; /* always 1 */
  __m128i a0, b0, c0, d0;
  {
    const __m128i t[4] = {PQ_SALSA_DIAG(s, ctr)};
    a0 = t[0], b0 = t[1], c0 = t[2], d0 = t[3];
  }
  __m128i a = a0, b = b0, c = c0, d = d0;
  for (unsigned r = 0; r < 10; r++) PQ_SALSA_ROW_DROUND(X, a, b, c, d);
  a = XADD(a, a0), b = XADD(b, b0), c = XADD(c, c0), d = XADD(d, d0);
  PQ_SALSA_UNDIAG(__m128i, _mm_blend_epi32, 0xa, 0xc, a, b, c, d);
  st128(out, in, 0, a), st128(out, in, 16, b), st128(out, in, 32, c), st128(out, in, 48, d);
}

static inline void salsa_rows2_load(const uint32_t *s, uint32_t ctr, __m256i v[4]) {
  const __m128i t[4] = {PQ_SALSA_DIAG(s, ctr)};
  for (unsigned i = 0; i < 4; i++) v[i] = _mm256_broadcastsi128_si256(t[i]);
  v[2] = _mm256_add_epi32(v[2], _mm256_setr_epi32(0, 0, 0, 0, 1, 0, 0, 0));
}
static inline void salsa_rows2_store(uint8_t *out, const uint8_t *in, size_t off, size_t nb,
                                     __m256i a, __m256i b, __m256i c, __m256i d) {
  PQ_SALSA_UNDIAG(__m256i, _mm256_blend_epi32, 0xaa, 0xcc, a, b, c, d);
  store_rows2(out, in, off, nb, a, b, c, d);
}

static void salsa_rows2(const uint32_t *s, uint32_t ctr, uint8_t *out, const uint8_t *in,
                        size_t nb) {
  __m256i v[4];
  salsa_rows2_load(s, ctr, v);
  __m256i a = v[0], b = v[1], c = v[2], d = v[3];
  for (unsigned r = 0; r < 10; r++) PQ_SALSA_ROW_DROUND(Y, a, b, c, d);
  salsa_rows2_store(out, in, 0, nb, YADD(a, v[0]), YADD(b, v[1]), YADD(c, v[2]), YADD(d, v[3]));
}

static void salsa_rows4(const uint32_t *s, uint32_t ctr, uint8_t *out, const uint8_t *in,
                        size_t nb) {
  __m256i v[4];
  salsa_rows2_load(s, ctr, v);
  const __m256i c1 = _mm256_add_epi32(v[2], _mm256_setr_epi32(2, 0, 0, 0, 2, 0, 0, 0));
  __m256i a = v[0], b = v[1], c = v[2], d = v[3], e = v[0], f = v[1], g = c1, h = v[3];
  for (unsigned r = 0; r < 10; r++) {
    PQ_SALSA_ROW_DROUND(Y, a, b, c, d);
    PQ_SALSA_ROW_DROUND(Y, e, f, g, h);
  }
  salsa_rows2_store(out, in, 0, nb < 2 ? nb : 2, YADD(a, v[0]), YADD(b, v[1]), YADD(c, v[2]),
                    YADD(d, v[3]));
  salsa_rows2_store(out, in, 128, nb > 2 ? nb - 2 : 0, YADD(e, v[0]), YADD(f, v[1]), YADD(g, c1),
                    YADD(h, v[3]));
}

/* ---- dispatch ------------------------------------------------------------------------------------ */
/* Every kernel takes (s, first counter, out, in, nblocks); rows kernels get nblocks <= their width.
 * A run of exactly 1, 2, 4, 8 (or 16 in the avx512 core) blocks is one pass of one kernel, which is
 * how the benchmark times the ways (PQ_CHACHA20_WAYS in pq_kernels_avx2.h). */
typedef void (*pq_arx_fn)(const uint32_t *, uint32_t, uint8_t *, const uint8_t *, size_t);
typedef struct {
  pq_arx_fn lanes16, lanes8, rows4, rows2, rows1;
} pq_arx_kernels;

static const pq_arx_kernels chacha_k = {
#if defined(__AVX512F__)
    chacha_lanes16,
#else
    NULL,
#endif
    chacha_lanes8, chacha_rows4, chacha_rows2, chacha_rows1};
static const pq_arx_kernels salsa_k = {
#if defined(__AVX512F__)
    salsa_lanes16,
#else
    NULL,
#endif
    salsa_lanes8, salsa_rows4, salsa_rows2, salsa_rows1};

/* The split of a run (s[cw] counts blocks), from what one call of each kernel costs (TSC ticks,
 * measured as above; AVX2 core / avx512 core):
 *   rows1 206 / 156, rows2 208 / 162, rows4 292 / 228, lanes8 450 / 320, lanes16 - / 452.
 * The row kernels are latency-bound, so one or two blocks cost the same and four barely more; a
 * partial lanes group costs what a full one does. Hence: whole groups of the widest lanes kernel,
 * then a remainder of 9..15 as one more (partial) 16-way group, 5..8 as one 8-way group, 3..4 as
 * rows4, 2 as rows2, 1 as rows1 (a remainder of 7 as 4 + 2 + 1 rows would cost ~700 / ~540). */
static void arx_blocks(const pq_arx_kernels *k, uint32_t s[16], unsigned cw, uint8_t *out,
                       const uint8_t *in, size_t nblocks) {
  uint32_t ctr = s[cw];
  size_t done = 0, r = nblocks, n;
#define PQ_RUN(fn)                                            \
  do {                                                        \
    fn(s, ctr, out + 64 * done, in ? in + 64 * done : in, n); \
    done += n, r -= n, ctr += (uint32_t)n;                    \
  } while (0)
  if (k->lanes16 && (n = r % 16 >= 9 ? r : r - r % 16)) PQ_RUN(k->lanes16);
  if ((n = r % 8 >= 5 ? r : r - r % 8)) PQ_RUN(k->lanes8);
  if ((n = r) >= 3)
    PQ_RUN(k->rows4);
  else if (n == 2)
    PQ_RUN(k->rows2);
  else if (n == 1)
    PQ_RUN(k->rows1);
#undef PQ_RUN
  s[cw] = ctr;
}

void pq_avx2_chacha20_blocks(uint32_t s[16], uint8_t *out, const uint8_t *in, size_t nblocks) {
  arx_blocks(&chacha_k, s, 12, out, in, nblocks);
}
void pq_avx2_salsa20_blocks(uint32_t s[16], uint8_t *out, const uint8_t *in, size_t nblocks) {
  arx_blocks(&salsa_k, s, 8, out, in, nblocks);
}

/* ---- ChaCha20 + Poly1305 stitched (pq_chacha20_poly1305_seal_blocks / _open_blocks), AVX2 core --
 * The 8-way ymm lanes kernel with a scalar Poly1305 (64-bit limbs, the portable code's arithmetic)
 * inlined into its round loop. Alone, the scalar Poly1305 is latency-bound (one multiply-reduce
 * chain per block: ~0.98 TSC ticks/B) and the 8-way rounds are bound by the vector ports (~0.96);
 * interleaved, the chain's multiplies and adds run on the scalar side while the rounds keep the
 * vector ports busy. Each group of 8 blocks (512 bytes, 10 double rounds) absorbs 32 Poly1305
 * blocks: four per double round in the first two, three in the other eight. Open MACs the group's
 * own input (read before the group's stores, so in place works); seal MACs the previous group's
 * output (software pipelined), and the last group's 32 blocks go to the AVX2 Poly1305 kernel after
 * the loop. Measured (gcc 12 -O3, this project's Xeon, TSC ticks/B, min of 61 alternating runs):
 * the combined kernel on 4-64 KiB 1.16 unstitched -> 0.97-0.99 stitched (ChaCha20 alone: 0.96);
 * the AEAD (pq_aead_*, in place) seal 4 KiB 1.27 -> 1.10, 64 KiB 1.17 -> 1.00, open the same.
 * The avx512 core keeps the unstitched path: its 16-way rounds (0.49) and 8-lane Poly1305 (0.36)
 * together beat the scalar chain alone (~0.98, a latency floor no interleaving lowers). */
#if !defined(__AVX512F__)
#if !PQ_POLY1305_LIMB64
#error "the x86-64 stitched kernel expects the 64-bit Poly1305 state form"
#endif
static inline uint64_t ld64(const uint8_t *p) {
  uint64_t x;
  __builtin_memcpy(&x, p, 8);
  return x;
}
/* h = (h + m + 2^128) r mod p, partly reduced: pq_poly1305_blocks_portable's loop body with the same
 * values (h2 < 8 in, <= 4 out; r0, r1 < 2^60, so h2 s1 and h2 r0 fit in 64 bits). In a function this
 * size gcc spills __int128 temporaries to the stack and keeps the outputs of _addcarry_u64 in memory
 * (measured: the stitched kernel then no faster than the two passes), so for gcc the block is one
 * asm statement; clang, which compiles the __int128 form well, and the MemorySanitizer build, which
 * cannot see through asm, take the portable C. */
#if defined(__GNUC__) && !defined(__clang__)
#define PQ_POLY64_BLOCK(m)                                                                  \
  do {                                                                                      \
    uint64_t t0_, t1_, u0_, u1_, lo_, hi_;                                                  \
    __asm__(                                                                                \
        "addq (%[mp]), %[h0]\n\t"                                                           \
        "adcq 8(%[mp]), %[h1]\n\t"                                                          \
        "adcq $1, %[h2]\n\t"                                                                \
        "movq %[h0], %%rdx\n\t"                                                             \
        "mulxq %[r0], %[t0], %[t1]\n\t" /* h0 r0 */                                         \
        "mulxq %[r1], %[u0], %[u1]\n\t" /* h0 r1 */                                         \
        "movq %[h1], %%rdx\n\t"                                                             \
        "mulxq %[s1], %[lo], %[hi]\n\t" /* h1 s1 */                                         \
        "addq %[lo], %[t0]\n\t"                                                             \
        "adcq %[hi], %[t1]\n\t"         /* d0 = t1:t0 */                                    \
        "mulxq %[r0], %[lo], %[hi]\n\t" /* h1 r0 */                                         \
        "addq %[lo], %[u0]\n\t"                                                             \
        "adcq %[hi], %[u1]\n\t"                                                             \
        "movq %[h2], %[lo]\n\t"                                                             \
        "imulq %[s1], %[lo]\n\t" /* h2 s1 */                                                \
        "imulq %[r0], %[h2]\n\t" /* h2 r0 */                                                \
        "addq %[lo], %[u0]\n\t"                                                             \
        "adcq $0, %[u1]\n\t"                                                                \
        "addq %[t1], %[u0]\n\t"                                                             \
        "adcq $0, %[u1]\n\t"    /* d1 = u1:u0 */                                            \
        "addq %[u1], %[h2]\n\t" /* d2 */                                                    \
        "movq %[h2], %[lo]\n\t"                                                             \
        "andq $-4, %[lo]\n\t"                                                               \
        "movq %[h2], %[hi]\n\t"                                                             \
        "shrq $2, %[hi]\n\t"                                                                \
        "andq $3, %[h2]\n\t"                                                                \
        "addq %[hi], %[lo]\n\t" /* (d2 >> 2) + (d2 & ~3) = 5 (d2 >> 2) */                   \
        "addq %[lo], %[t0]\n\t"                                                             \
        "adcq $0, %[u0]\n\t"                                                                \
        "adcq $0, %[h2]\n\t"                                                                \
        "movq %[t0], %[h0]\n\t"                                                             \
        "movq %[u0], %[h1]"                                                                 \
        : [h0] "+&r"(h0), [h1] "+&r"(h1), [h2] "+&r"(h2), [t0] "=&r"(t0_), [t1] "=&r"(t1_), \
          [u0] "=&r"(u0_), [u1] "=&r"(u1_), [lo] "=&r"(lo_), [hi] "=&r"(hi_)                \
        : [mp] "r"(m), [r0] "rm"(r0), [r1] "rm"(r1), [s1] "rm"(s1),                         \
          "m"(*(const uint8_t(*)[16])(m))                                                   \
        : "rdx", "cc");                                                                     \
  } while (0)
#else
#define PQ_POLY64_BLOCK(m)                                                                    \
  do {                                                                                        \
    unsigned __int128 t_ = (unsigned __int128)h0 + ld64(m);                                   \
    h0 = (uint64_t)t_;                                                                        \
    t_ = (unsigned __int128)h1 + ld64((m) + 8) + (uint64_t)(t_ >> 64);                        \
    h1 = (uint64_t)t_;                                                                        \
    h2 += (uint64_t)(t_ >> 64) + 1;                                                           \
    const unsigned __int128 d0_ = (unsigned __int128)h0 * r0 + (unsigned __int128)h1 * s1;    \
    unsigned __int128 d1_ =                                                                   \
        (unsigned __int128)h0 * r1 + (unsigned __int128)h1 * r0 + (unsigned __int128)h2 * s1; \
    uint64_t d2_ = h2 * r0;                                                                   \
    h0 = (uint64_t)d0_;                                                                       \
    d1_ += (uint64_t)(d0_ >> 64);                                                             \
    h1 = (uint64_t)d1_;                                                                       \
    d2_ += (uint64_t)(d1_ >> 64);                                                             \
    const uint64_t c_ = (d2_ >> 2) + (d2_ & ~(uint64_t)3);                                    \
    h2 = d2_ & 3;                                                                             \
    t_ = (unsigned __int128)h0 + c_;                                                          \
    h0 = (uint64_t)t_;                                                                        \
    t_ = (unsigned __int128)h1 + (uint64_t)(t_ >> 64);                                        \
    h1 = (uint64_t)t_;                                                                        \
    h2 += (uint64_t)(t_ >> 64);                                                               \
  } while (0)
#endif

#define PQ_QR4_COLUMNS(P) \
  PQ_CHACHA_QR4(P, x0, x4, x8, x12, x1, x5, x9, x13, x2, x6, x10, x14, x3, x7, x11, x15)
#define PQ_QR4_DIAGONALS(P) \
  PQ_CHACHA_QR4(P, x0, x5, x10, x15, x1, x6, x11, x12, x2, x7, x8, x13, x3, x4, x9, x14)

/* ngroups groups of 8 blocks from counter ctr; seal (1) MACs out, open (0) MACs in */
static inline __attribute__((always_inline)) void chacha_poly_lanes8(
    const uint32_t *s, uint32_t ctr, pq_poly1305 *mac, uint8_t *out0, const uint8_t *in0,
    size_t ngroups, const int seal) {
  PQ_ROT_CONSTANTS;
  const uint64_t r0 = mac->r[0], r1 = mac->r[1], s1 = mac->s1;
  uint64_t h0 = mac->h[0], h1 = mac->h[1], h2 = mac->h[2];
  const size_t nb = 8; /* PQ_STORE8 stores all 8 blocks */
  for (size_t g = 0; g < ngroups; g++, ctr += 8) {
    uint8_t *const out = out0 + 512 * g;
    const uint8_t *const in = in0 + 512 * g;
    const __m256i cv =
        _mm256_add_epi32(_mm256_set1_epi32((int)ctr), _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7));
    PQ_LANES_LOAD(__m256i, _mm256_set1_epi32, s, 12, cv);
    if (!seal || g) {
      const uint8_t *m = seal ? out - 512 : in;
      for (unsigned r = 0; r < 2; r++, m += 64) {
        PQ_QR4_COLUMNS(Y);
        PQ_POLY64_BLOCK(m);
        PQ_POLY64_BLOCK(m + 16);
        PQ_QR4_DIAGONALS(Y);
        PQ_POLY64_BLOCK(m + 32);
        PQ_POLY64_BLOCK(m + 48);
      }
      for (unsigned r = 2; r < 10; r++, m += 48) {
        PQ_QR4_COLUMNS(Y);
        PQ_POLY64_BLOCK(m);
        PQ_POLY64_BLOCK(m + 16);
        PQ_QR4_DIAGONALS(Y);
        PQ_POLY64_BLOCK(m + 32);
      }
    } else {
      for (unsigned r = 0; r < 10; r++) PQ_CHACHA_DROUND(Y);
    }
    PQ_LANES_FEED(Y, _mm256_set1_epi32, s, 12, cv);
    PQ_STORE8;
  }
  mac->h[0] = h0, mac->h[1] = h1, mac->h[2] = h2;
  if (seal && ngroups) pq_poly1305_blocks(mac, out0 + 512 * (ngroups - 1), 32);
}

/* whole groups of 8 stitched; a remainder of 1..7 blocks as the two kernels in turn */
void pq_avx2_chacha20_poly1305_seal_blocks(uint32_t s[16], pq_poly1305 *mac, uint8_t *out,
                                           const uint8_t *in, size_t nblocks) {
  const size_t ng = nblocks / 8, nl = 8 * ng;
  chacha_poly_lanes8(s, s[12], mac, out, in, ng, 1);
  s[12] += (uint32_t)nl;
  pq_unstitched_chacha20_poly1305_seal_blocks(s, mac, out + 64 * nl, in + 64 * nl, nblocks - nl);
}
void pq_avx2_chacha20_poly1305_open_blocks(uint32_t s[16], pq_poly1305 *mac, uint8_t *out,
                                           const uint8_t *in, size_t nblocks) {
  const size_t ng = nblocks / 8, nl = 8 * ng;
  chacha_poly_lanes8(s, s[12], mac, out, in, ng, 0);
  s[12] += (uint32_t)nl;
  pq_unstitched_chacha20_poly1305_open_blocks(s, mac, out + 64 * nl, in + 64 * nl, nblocks - nl);
}
#endif
