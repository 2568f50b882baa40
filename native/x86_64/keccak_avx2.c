/* Keccak-f[1600] in AVX2: four states in the four 64-bit lanes of a __m256i
 * (x4), two states in the two 64-bit lanes of a __m128i (x2).
 *
 * State layout as shared/kernels_keccak.h: lane i of instance k at s[4*i + k] (x4) or
 * s[2*i + k] (x2), so lane i of all instances is one (unaligned) vector load.
 *
 * Operations: ^ ~ & are the GCC/Clang vector operators on __m256i / __m128i
 * (vpxor, vpandn); ROL64 is a 64-bit-lane rotate: AVX2 has none, so shift left,
 * shift right, or -- except the two byte-aligned rotations of rho (8 and 56),
 * one vpshufb each. (Where the build enables AVX-512VL, vprolq does them all.)
 * A round is ~184 vector operations, so the permutation is ALU-throughput
 * bound; 25 state vectors do not fit in 16 registers either way.
 *
 * Round order: theta's column parities and D first, then rho, pi, chi and iota
 * one output row (plane y) at a time into a second set of 25 state variables,
 * the next round back into the first (two rounds per loop iteration). This
 * keeps only five B vectors live instead of the 25 of the textbook order
 * (keccak_f1600.inc): measured on Zen 4 (gcc 12 -O2) 375 ns instead of 392 ns
 * per x4 permutation.
 *
 * Output row y, lane x reads B[x] = ROL(A[x'][x] ^ D[x'], rho[x'][x]) with
 * x' = (x + 3y) mod 5 (pi: B[y][2x+3y] = A[x][y]) and chi
 * E[x][y] = B[x] ^ (~B[x+1] & B[x+2]). The rho offsets below are those of
 * FIPS 202 (the same numbers as in the generated keccak_f1600.inc).
 */
#include <immintrin.h>

#include "shared/kernels_keccak.h"
#include "shared/keccak_f1600.inc"

#if defined(__AVX512VL__)
#define ROL256(x, n) _mm256_rol_epi64((x), (n))
#define ROL128(x, n) _mm_rol_epi64((x), (n))
#else
/* (n) is a constant in every use, so the selection folds at compile time */
#define ROL256(x, n)                             \
  ((n) == 8    ? _mm256_shuffle_epi8((x), rot8)  \
   : (n) == 56 ? _mm256_shuffle_epi8((x), rot56) \
               : _mm256_or_si256(_mm256_slli_epi64((x), (n)), _mm256_srli_epi64((x), 64 - (n))))
#define ROL128(x, n)                                                  \
  ((n) == 8    ? _mm_shuffle_epi8((x), _mm256_castsi256_si128(rot8))  \
   : (n) == 56 ? _mm_shuffle_epi8((x), _mm256_castsi256_si128(rot56)) \
               : _mm_or_si128(_mm_slli_epi64((x), (n)), _mm_srli_epi64((x), 64 - (n))))
#endif

/* byte shuffles rotating every 64-bit lane left by 8 and by 56 bits */
#define PQ_ROT_CONSTANTS                                                                \
  const __m256i rot8 = _mm256_setr_epi8(7, 0, 1, 2, 3, 4, 5, 6, 15, 8, 9, 10, 11, 12,   \
                                        13, 14, 7, 0, 1, 2, 3, 4, 5, 6, 15, 8, 9, 10,   \
                                        11, 12, 13, 14);                                \
  const __m256i rot56 = _mm256_setr_epi8(1, 2, 3, 4, 5, 6, 7, 0, 9, 10, 11, 12, 13, 14, \
                                         15, 8, 1, 2, 3, 4, 5, 6, 7, 0, 9, 10, 11, 12,  \
                                         13, 14, 15, 8);                                \
  (void)rot8;                                                                           \
  (void)rot56

/* theta: column parities c<x> and d<x> = c<x-1> ^ ROL(c<x+1>, 1) of state A */
#define PQ_THETA(A)                           \
  c0 = A##00 ^ A##01 ^ A##02 ^ A##03 ^ A##04; \
  c1 = A##10 ^ A##11 ^ A##12 ^ A##13 ^ A##14; \
  c2 = A##20 ^ A##21 ^ A##22 ^ A##23 ^ A##24; \
  c3 = A##30 ^ A##31 ^ A##32 ^ A##33 ^ A##34; \
  c4 = A##40 ^ A##41 ^ A##42 ^ A##43 ^ A##44; \
  d0 = c4 ^ ROL64(c1, 1);                     \
  d1 = c0 ^ ROL64(c2, 1);                     \
  d2 = c1 ^ ROL64(c3, 1);                     \
  d3 = c2 ^ ROL64(c4, 1);                     \
  d4 = c3 ^ ROL64(c0, 1)

/* chi of one output row y into E<x><y> from b0..b4 */
#define PQ_CHI(E, y)         \
  E##0##y = b0 ^ (~b1 & b2); \
  E##1##y = b1 ^ (~b2 & b3); \
  E##2##y = b2 ^ (~b3 & b4); \
  E##3##y = b3 ^ (~b4 & b0); \
  E##4##y = b4 ^ (~b0 & b1)

/* one round A -> E, round constant rc (a vector) */
#define PQ_ROUND(A, E, rc)      \
  do {                          \
    PQ_THETA(A);                \
    b0 = A##00 ^ d0;            \
    b1 = ROL64(A##11 ^ d1, 44); \
    b2 = ROL64(A##22 ^ d2, 43); \
    b3 = ROL64(A##33 ^ d3, 21); \
    b4 = ROL64(A##44 ^ d4, 14); \
    PQ_CHI(E, 0);               \
    E##00 = E##00 ^ (rc);       \
    b0 = ROL64(A##30 ^ d3, 28); \
    b1 = ROL64(A##41 ^ d4, 20); \
    b2 = ROL64(A##02 ^ d0, 3);  \
    b3 = ROL64(A##13 ^ d1, 45); \
    b4 = ROL64(A##24 ^ d2, 61); \
    PQ_CHI(E, 1);               \
    b0 = ROL64(A##10 ^ d1, 1);  \
    b1 = ROL64(A##21 ^ d2, 6);  \
    b2 = ROL64(A##32 ^ d3, 25); \
    b3 = ROL64(A##43 ^ d4, 8);  \
    b4 = ROL64(A##04 ^ d0, 18); \
    PQ_CHI(E, 2);               \
    b0 = ROL64(A##40 ^ d4, 27); \
    b1 = ROL64(A##01 ^ d0, 36); \
    b2 = ROL64(A##12 ^ d1, 10); \
    b3 = ROL64(A##23 ^ d2, 15); \
    b4 = ROL64(A##34 ^ d3, 56); \
    PQ_CHI(E, 3);               \
    b0 = ROL64(A##20 ^ d2, 62); \
    b1 = ROL64(A##31 ^ d3, 55); \
    b2 = ROL64(A##42 ^ d4, 39); \
    b3 = ROL64(A##03 ^ d0, 41); \
    b4 = ROL64(A##14 ^ d1, 2);  \
    PQ_CHI(E, 4);               \
  } while (0)

void pq_avx2_keccakf1600_x4(uint64_t s[100]) {
  PQ_ROT_CONSTANTS;
#define ROL64 ROL256
#define PQ_DECL(x, y) \
  __m256i a##x##y = _mm256_loadu_si256((const __m256i *)&s[4 * ((x) + 5 * (y))]), e##x##y;
  PQ_KECCAK_LANES(PQ_DECL)
#undef PQ_DECL
  __m256i b0, b1, b2, b3, b4, c0, c1, c2, c3, c4, d0, d1, d2, d3, d4;
  for (unsigned r = 0; r < 24; r += 2) {
    PQ_ROUND(a, e, _mm256_set1_epi64x((long long)PQ_KECCAK_RC[r]));
    PQ_ROUND(e, a, _mm256_set1_epi64x((long long)PQ_KECCAK_RC[r + 1]));
  }
#define PQ_STORE(x, y) _mm256_storeu_si256((__m256i *)&s[4 * ((x) + 5 * (y))], a##x##y);
  PQ_KECCAK_LANES(PQ_STORE)
#undef PQ_STORE
#undef ROL64
}

/* x2 on 128-bit vectors: on Zen 4 as fast as x4 (same operation count), and
 * faster than x4 with two idle lanes (no repacking of the x2 layout). */
void pq_avx2_keccakf1600_x2(uint64_t s[50]) {
  PQ_ROT_CONSTANTS;
#define ROL64 ROL128
#define PQ_DECL(x, y) \
  __m128i a##x##y = _mm_loadu_si128((const __m128i *)&s[2 * ((x) + 5 * (y))]), e##x##y;
  PQ_KECCAK_LANES(PQ_DECL)
#undef PQ_DECL
  __m128i b0, b1, b2, b3, b4, c0, c1, c2, c3, c4, d0, d1, d2, d3, d4;
  for (unsigned r = 0; r < 24; r += 2) {
    PQ_ROUND(a, e, _mm_set1_epi64x((long long)PQ_KECCAK_RC[r]));
    PQ_ROUND(e, a, _mm_set1_epi64x((long long)PQ_KECCAK_RC[r + 1]));
  }
#define PQ_STORE(x, y) _mm_storeu_si128((__m128i *)&s[2 * ((x) + 5 * (y))], a##x##y);
  PQ_KECCAK_LANES(PQ_STORE)
#undef PQ_STORE
#undef ROL64
}
