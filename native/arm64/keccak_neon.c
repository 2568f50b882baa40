/* Keccak-f[1600] in AArch64 NEON: two states in the two 64-bit lanes of a
 * uint64x2_t (x2); x4 is two such pairs.
 *
 * State layout as shared/kernels_keccak.h: lane i of instance k at s[2*i + k] (x2) or
 * s[4*i + k] (x4), so lane i of instances {0, 1} is one (unaligned) 128-bit load
 * at s + 2i (x2) or s + 4i, and of instances {2, 3} one at s + 4i + 2 (x4).
 *
 * Two instruction sets, chosen at compile time (the addon is built twice and
 * picks the -sha3 build at run time from getauxval(AT_HWCAP) & HWCAP_SHA3):
 *   __ARM_FEATURE_SHA3 (-march=armv8.2-a+sha3): EOR3 (three-way xor) for the
 *     column parities, RAX1 (x ^ rol(y, 1)) for theta's D, XAR (ror(x ^ y, n)) for
 *     theta + rho in one instruction per lane, BCAX (x ^ (y & ~z)) for chi:
 *     10 + 5 + 25 + 25 + 1 = 66 vector instructions per round.
 *   plain NEON: EOR, rotations as SHL + SRI (shift left, then shift right and
 *     insert), chi as BIC + EOR: 20 + 15 + 25 + 48 + 50 + 1 = 159 per round.
 *
 * Round order as in keccak_avx2.c: theta's column parities and D, then rho, pi,
 * chi and iota one output row (plane y) at a time into a second set of 25 state
 * variables, the next round back into the first (two rounds per loop
 * iteration): only five B values are live instead of the textbook 25.
 * Output row y, lane x reads B[x] = ROL(A[x'][x] ^ D[x'], rho[x'][x]) with
 * x' = (x + 3y) mod 5, and chi E[x][y] = B[x] ^ (~B[x+1] & B[x+2]). The rho
 * offsets are those of FIPS 202 (the numbers of the generated keccak_f1600.inc).
 *
 * x4: the two pairs run one after the other (a strided x2), not interleaved in
 * one loop. Interleaving needs 50 state vectors in 32 registers: counted in the
 * code gcc 12 -O2 generates for one loop iteration (two rounds, both pairs),
 * interleaved 532 instructions of which 256 stack loads/stores (SHA3 build) and
 * 1150 / 459 (plain), against 2 x 161 / 21 and 2 x 383 / 50 for two x2 loops.
 * The x2 round is throughput-bound already (its longest dependency chain is
 * 5 / 11 instructions deep against 66 / 159 per round), so a second chain adds no
 * parallelism the first one lacks. (The textbook order of keccak_f1600.inc,
 * A -> 25 B -> A, counts the same: 80 / 198 instructions per round.)
 *
 * x1 stays the portable C although a one-lane SHA3 round would be ~80
 * instructions against the scalar 149 (gcc 12 -O2, with its 20 stack accesses):
 * a single state fills half of every vector, and on cores whose SHA3
 * instructions issue on few pipes the scalar code wins -- OpenSSL's one-state
 * SHA3-extension Keccak measured 2x slower than its scalar one on Neoverse V2
 * (Graviton 4; github.com/DaniPopes/keccak-asm issue 15), 5-9% faster on Apple M3.
 *
 * No branch or memory index depends on state values (the states hash secrets).
 */
#include <arm_neon.h>

#include "shared/kernels_keccak.h"
#include "shared/keccak_f1600.inc"

typedef uint64x2_t V;

#ifdef __ARM_FEATURE_SHA3
#define XOR5(a, b, c, d, e) veor3q_u64(veor3q_u64((a), (b), (c)), (d), (e))
/* c ^ rol(d, 1) */
#define RAX(c, d) vrax1q_u64((c), (d))
/* rol(a ^ d, n) = ror(a ^ d, 64 - n); n is a constant in 1..63 */
#define XROL(a, d, n) vxarq_u64((a), (d), 64 - (n))
/* b0 ^ (~b1 & b2) */
#define CHI(b0, b1, b2) vbcaxq_u64((b0), (b2), (b1))
#else
#define XOR5(a, b, c, d, e) veorq_u64(veorq_u64(veorq_u64((a), (b)), veorq_u64((c), (d))), (e))
#define ROL(x, n) vsriq_n_u64(vshlq_n_u64((x), (n)), (x), 64 - (n))
#define RAX(c, d) veorq_u64((c), vsriq_n_u64(vaddq_u64((d), (d)), (d), 63))
#define XROL(a, d, n) ROL(veorq_u64((a), (d)), n)
#define CHI(b0, b1, b2) veorq_u64((b0), vbicq_u64((b2), (b1)))
#endif

/* theta: column parities c<x> and d<x> = c<x-1> ^ ROL(c<x+1>, 1) of state A */
#define PQ_THETA(A)                                 \
  c0 = XOR5(A##00, A##01, A##02, A##03, A##04);     \
  c1 = XOR5(A##10, A##11, A##12, A##13, A##14);     \
  c2 = XOR5(A##20, A##21, A##22, A##23, A##24);     \
  c3 = XOR5(A##30, A##31, A##32, A##33, A##34);     \
  c4 = XOR5(A##40, A##41, A##42, A##43, A##44);     \
  d0 = RAX(c4, c1);                                 \
  d1 = RAX(c0, c2);                                 \
  d2 = RAX(c1, c3);                                 \
  d3 = RAX(c2, c4);                                 \
  d4 = RAX(c3, c0)

/* chi of one output row y into E<x><y> from b0..b4 */
#define PQ_CHI(E, y)                 \
  E##0##y = CHI(b0, b1, b2);         \
  E##1##y = CHI(b1, b2, b3);         \
  E##2##y = CHI(b2, b3, b4);         \
  E##3##y = CHI(b3, b4, b0);         \
  E##4##y = CHI(b4, b0, b1)

/* one round A -> E with round constant rc (a vector) */
#define PQ_ROUND(A, E, rc)          \
  do {                              \
    PQ_THETA(A);                    \
    b0 = veorq_u64(A##00, d0);      \
    b1 = XROL(A##11, d1, 44);       \
    b2 = XROL(A##22, d2, 43);       \
    b3 = XROL(A##33, d3, 21);       \
    b4 = XROL(A##44, d4, 14);       \
    PQ_CHI(E, 0);                   \
    E##00 = veorq_u64(E##00, (rc)); \
    b0 = XROL(A##30, d3, 28);       \
    b1 = XROL(A##41, d4, 20);       \
    b2 = XROL(A##02, d0, 3);        \
    b3 = XROL(A##13, d1, 45);       \
    b4 = XROL(A##24, d2, 61);       \
    PQ_CHI(E, 1);                   \
    b0 = XROL(A##10, d1, 1);        \
    b1 = XROL(A##21, d2, 6);        \
    b2 = XROL(A##32, d3, 25);       \
    b3 = XROL(A##43, d4, 8);        \
    b4 = XROL(A##04, d0, 18);       \
    PQ_CHI(E, 2);                   \
    b0 = XROL(A##40, d4, 27);       \
    b1 = XROL(A##01, d0, 36);       \
    b2 = XROL(A##12, d1, 10);       \
    b3 = XROL(A##23, d2, 15);       \
    b4 = XROL(A##34, d3, 56);       \
    PQ_CHI(E, 3);                   \
    b0 = XROL(A##20, d2, 62);       \
    b1 = XROL(A##31, d3, 55);       \
    b2 = XROL(A##42, d4, 39);       \
    b3 = XROL(A##03, d0, 41);       \
    b4 = XROL(A##14, d1, 2);        \
    PQ_CHI(E, 4);                   \
  } while (0)

/* 24 rounds on the two states whose lane i is the vector at s + stride * i */
static inline __attribute__((always_inline)) void keccak_x2_strided(uint64_t *s, unsigned stride) {
#define PQ_DECL(x, y) V a##x##y = vld1q_u64(&s[stride * ((x) + 5 * (y))]), e##x##y;
  PQ_KECCAK_LANES(PQ_DECL)
#undef PQ_DECL
  V b0, b1, b2, b3, b4, c0, c1, c2, c3, c4, d0, d1, d2, d3, d4;
  for (unsigned r = 0; r < 24; r += 2) {
    PQ_ROUND(a, e, vdupq_n_u64(PQ_KECCAK_RC[r]));
    PQ_ROUND(e, a, vdupq_n_u64(PQ_KECCAK_RC[r + 1]));
  }
#define PQ_STORE(x, y) vst1q_u64(&s[stride * ((x) + 5 * (y))], a##x##y);
  PQ_KECCAK_LANES(PQ_STORE)
#undef PQ_STORE
}

void pq_neon_keccakf1600_x2(uint64_t s[50]) { keccak_x2_strided(s, 2); }

void pq_neon_keccakf1600_x4(uint64_t s[100]) {
  keccak_x2_strided(s, 4);     /* instances 0 and 1: s[4i + 0..1] */
  keccak_x2_strided(s + 2, 4); /* instances 2 and 3: s[4i + 2..3] */
}
