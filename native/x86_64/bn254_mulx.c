/* BN254 Fp kernels (bn254/kernels_bn254.h), x86-64 with BMI2 + ADX: mulx (64x64 -> 128 without
 * touching the flags) and two independent carry chains, adcx (CF) and adox (OF), so the low and the
 * high halves of a row of products are added in one pass.
 *
 * mul and sop2: coarsely integrated operand scanning (CIOS). Iteration i adds A * B_i (sop2:
 * both a0 * b0_i and a1 * b1_i) into the running value t, then m = t_0 * (-p^-1) mod 2^64 and
 * t += m * p, which zeroes t_0, and drops that word (renaming the registers: no moves). The
 * window is five words: t stays below 2^256 when the operands taken whole (A) are below
 * 2p + 2^192 (the bound is shown below the kernels); the register of the dropped word is zero and
 * becomes the next row's top.
 * sqr: separated operand scanning, the 512-bit square by its 6 cross products (doubled in the OF
 * chain while the 4 squares are added in the CF chain: 10 mulx instead of 16), then the four
 * reduction steps; a step's carry out of word i+4 waits in the register of the word it just zeroed
 * and is added in the next step (as kernels_bn254_ref.c's c2).
 * All give REDC of the same integer as the reference with the same unique M, so the words are
 * identical (the reduction result does not depend on the order of the additions).
 *
 * The cost is the multiplier port (one 64-bit multiply per cycle on Intel and AMD): mul is 16 + 16
 * mulx and 4 imul, sop2 32 + 16 and 4 (52 against 72 for two muls), sqr 10 + 16 and 4. A six-word
 * window (t_5 catching the carries, so that any operand could be taken whole) cost 3 more carry
 * operations per row: sop2 60.8 against 54 TSC ticks, and the interface's bounds make it
 * unnecessary.
 * Measured (native/test/bench_bn254_kernels.c, this project's Xeon, TSC ticks, throughput and
 * latency): mul 28 / 41, sqr 26 / 36, sop2 47 / 59, 2 mul + add 80 / 99 (1.72x / 1.67x), Fp2 mul
 * 103 / 110 against 143 as 4 mul; the portable __int128 code: mul 49, sop2 91, 2 mul + add 102.
 * AVX-512 IFMA (52-bit limbs) is not used: one call is one sop2, and a lane-parallel Montgomery
 * product has a serial chain per limb (madd52 4, extract + imul + broadcast ~9, madd52 4, lane
 * shift 3 cycles: ~20 cycles x 5 limbs) against ~60 for this whole kernel; it pays only across
 * independent products in the lanes, which this interface does not have. Measured with one
 * independent product per lane (native/test/bench_bn254_ifma.c, a prototype): 7.6 TSC ticks per
 * product in 52-bit limb form, 14.3 with the layout conversion, against 30.9 (mul) and 26.9 (per
 * product of sop2) here: a batched tower (8 products per call) would gain, this interface not.
 *
 * Inlined into the towers (a header of static inline kernels for the -madx core, the asm with
 * exact memory operands instead of a "memory" clobber) measured the same as these calls: ecPairing
 * of 2 pairs 475-486 against 481-490 us, Miller loop and final exponentiation within 3%.
 * Dispatch: the avx512 core is built with -madx (scripts/build-addon.sh) and only chosen on CPUs
 * with ADX (native/node/addon.c; every AVX-512VL CPU has it), so there the kernels are called
 * directly. The avx2 core keeps running on Haswell and AMD Excavator (AVX2 + BMI2, no ADX), so it
 * asks the CPU on each call (__builtin_cpu_supports: a load and a bit test of libgcc's CPU model,
 * set once at start-up) and uses the portable kernel without ADX. */
#include <stdint.h>

#include "bn254/bn254_tables.inc"
#include "bn254/kernels_bn254.h"

/* p, -p^-1 mod 2^64, 2p, and a zero word: memory operands of the asm (no register held) */
static const uint64_t K[10] = {PQ_BN_P0,
                               PQ_BN_P1,
                               PQ_BN_P2,
                               PQ_BN_P3,
                               PQ_BN_N0,
                               PQ_BN_P0 << 1,
                               (PQ_BN_P1 << 1) | (PQ_BN_P0 >> 63),
                               (PQ_BN_P2 << 1) | (PQ_BN_P1 >> 63),
                               (PQ_BN_P3 << 1) | (PQ_BN_P2 >> 63),
                               0};
#define KOPS                                                                                      \
  [p0] "m"(K[0]), [p1] "m"(K[1]), [p2] "m"(K[2]), [p3] "m"(K[3]), [n0] "m"(K[4]), [q0] "m"(K[5]), \
      [q1] "m"(K[6]), [q2] "m"(K[7]), [q3] "m"(K[8]), [z] "m"(K[9])

/* The asm text is built from these macros with the register names as arguments, so each
 * unrolled iteration names its rotated window. %[lo] and %[hi] are the product halves, rdx the
 * multiplier. */

/* T0..T4 = A * rdx (T5 not touched): the first row, plain add/adc */
#define ROW_FIRST(A, T0, T1, T2, T3, T4) \
  "mulxq 0(" A "), " T0 ", " T1          \
  "\n\t"                                 \
  "mulxq 8(" A "), %[lo], " T2           \
  "\n\t"                                 \
  "addq %[lo], " T1                      \
  "\n\t"                                 \
  "mulxq 16(" A "), %[lo], " T3          \
  "\n\t"                                 \
  "adcq %[lo], " T2                      \
  "\n\t"                                 \
  "mulxq 24(" A "), %[lo], " T4          \
  "\n\t"                                 \
  "adcq %[lo], " T3                      \
  "\n\t"                                 \
  "adcq $0, " T4 "\n\t"

/* T0..T4 += M * rdx, M = four words at M0..M3 (memory operands): the low halves in the CF chain
 * (adcx), the high halves in the OF chain (adox); T4 holds a value and takes both final carries */
#define MAC(M0, M1, M2, M3, T0, T1, T2, T3, T4) \
  "xorl %k[lo], %k[lo]\n\t" /* CF = OF = 0 */   \
  "mulxq " M0                                   \
  ", %[lo], %[hi]\n\t"                          \
  "adcxq %[lo], " T0                            \
  "\n\t"                                        \
  "adoxq %[hi], " T1                            \
  "\n\t"                                        \
  "mulxq " M1                                   \
  ", %[lo], %[hi]\n\t"                          \
  "adcxq %[lo], " T1                            \
  "\n\t"                                        \
  "adoxq %[hi], " T2                            \
  "\n\t"                                        \
  "mulxq " M2                                   \
  ", %[lo], %[hi]\n\t"                          \
  "adcxq %[lo], " T2                            \
  "\n\t"                                        \
  "adoxq %[hi], " T3                            \
  "\n\t"                                        \
  "mulxq " M3                                   \
  ", %[lo], %[hi]\n\t"                          \
  "adcxq %[lo], " T3                            \
  "\n\t"                                        \
  "adoxq %[hi], " T4                            \
  "\n\t"                                        \
  "adcxq %[z], " T4 "\n\t"

/* the same where T4 is fresh: T4 = the high half of the last product plus both carries */
#define MAC_FRESH(M0, M1, M2, M3, T0, T1, T2, T3, T4) \
  "xorl %k[lo], %k[lo]\n\t"                           \
  "mulxq " M0                                         \
  ", %[lo], %[hi]\n\t"                                \
  "adcxq %[lo], " T0                                  \
  "\n\t"                                              \
  "adoxq %[hi], " T1                                  \
  "\n\t"                                              \
  "mulxq " M1                                         \
  ", %[lo], %[hi]\n\t"                                \
  "adcxq %[lo], " T1                                  \
  "\n\t"                                              \
  "adoxq %[hi], " T2                                  \
  "\n\t"                                              \
  "mulxq " M2                                         \
  ", %[lo], %[hi]\n\t"                                \
  "adcxq %[lo], " T2                                  \
  "\n\t"                                              \
  "adoxq %[hi], " T3                                  \
  "\n\t"                                              \
  "mulxq " M3 ", %[lo], " T4                          \
  "\n\t"                                              \
  "adcxq %[lo], " T3                                  \
  "\n\t"                                              \
  "adoxq %[z], " T4                                   \
  "\n\t"                                              \
  "adcxq %[z], " T4 "\n\t"

/* a row of products: T0..T4 += A * B[k] (BK an address such as "8(%[b])") */
#define ROW(A, BK, T0, T1, T2, T3, T4) \
  "movq " BK ", %%rdx\n\t" MAC("0(" A ")", "8(" A ")", "16(" A ")", "24(" A ")", T0, T1, T2, T3, T4)
#define ROW_NEW(A, BK, T0, T1, T2, T3, T4) \
  "movq " BK                               \
  ", %%rdx\n\t" MAC_FRESH("0(" A ")", "8(" A ")", "16(" A ")", "24(" A ")", T0, T1, T2, T3, T4)

/* a reduction step of CIOS: T0..T4 += (T0 * n0 mod 2^64) * p; T0 becomes 0 */
#define RED(T0, T1, T2, T3, T4) \
  "movq " T0                    \
  ", %%rdx\n\t"                 \
  "imulq %[n0], %%rdx\n\t" MAC("%[p0]", "%[p1]", "%[p2]", "%[p3]", T0, T1, T2, T3, T4)

#define X0 "%[x0]"
#define X1 "%[x1]"
#define X2 "%[x2]"
#define X3 "%[x3]"
#define X4 "%[x4]"

static inline void adx_mul(pq_fp *r, const pq_fp *a, const pq_fp *b) {
  uint64_t x0, x1, x2, x3, x4, lo, hi;
  /* iteration i: window x_i .. x_{i+4} (mod 5); the word each step zeroes is the next fresh top */
  // clang-format off
  __asm__("movq 0(%[b]), %%rdx\n\t" ROW_FIRST("%[a]", X0, X1, X2, X3, X4) RED(X0, X1, X2, X3, X4)
          ROW_NEW("%[a]", "8(%[b])", X1, X2, X3, X4, X0) RED(X1, X2, X3, X4, X0)
          ROW_NEW("%[a]", "16(%[b])", X2, X3, X4, X0, X1) RED(X2, X3, X4, X0, X1)
          ROW_NEW("%[a]", "24(%[b])", X3, X4, X0, X1, X2) RED(X3, X4, X0, X1, X2)
          : [x0] "=&r"(x0), [x1] "=&r"(x1), [x2] "=&r"(x2), [x3] "=&r"(x3), [x4] "=&r"(x4),
            [lo] "=&r"(lo), [hi] "=&r"(hi)
          : [a] "r"(a->v), [b] "r"(b->v), KOPS
          : "rdx", "cc", "memory");
  // clang-format on
  /* t = x4 x0 x1 x2 (x3, the last step's zeroed word, is 0) */
  r->v[0] = x4;
  r->v[1] = x0;
  r->v[2] = x1;
  r->v[3] = x2;
}

static inline void adx_sop2(pq_fp *r, const pq_fp *a0, const pq_fp *b0, const pq_fp *a1,
                            const pq_fp *b1) {
  uint64_t x0, x1, x2, x3, x4, lo, hi;
  // clang-format off
  __asm__("movq 0(%[b0]), %%rdx\n\t" ROW_FIRST("%[a0]", X0, X1, X2, X3, X4)
          ROW("%[a1]", "0(%[b1])", X0, X1, X2, X3, X4) RED(X0, X1, X2, X3, X4)
          ROW_NEW("%[a0]", "8(%[b0])", X1, X2, X3, X4, X0)
          ROW("%[a1]", "8(%[b1])", X1, X2, X3, X4, X0) RED(X1, X2, X3, X4, X0)
          ROW_NEW("%[a0]", "16(%[b0])", X2, X3, X4, X0, X1)
          ROW("%[a1]", "16(%[b1])", X2, X3, X4, X0, X1) RED(X2, X3, X4, X0, X1)
          ROW_NEW("%[a0]", "24(%[b0])", X3, X4, X0, X1, X2)
          ROW("%[a1]", "24(%[b1])", X3, X4, X0, X1, X2) RED(X3, X4, X0, X1, X2)
          /* u = x4 x0 x1 x2 < 2.52p; u - 2p into lo hi rdx x3 (x3 is 0, free) */
          "movq %[x4], %[lo]\n\t"
          "subq %[q0], %[lo]\n\t"
          "movq %[x0], %[hi]\n\t"
          "sbbq %[q1], %[hi]\n\t"
          "movq %[x1], %%rdx\n\t"
          "sbbq %[q2], %%rdx\n\t"
          "movq %[x2], %[x3]\n\t"
          "sbbq %[q3], %[x3]\n\t"
          /* no borrow: u >= 2p, take u - 2p (cmov: no branch) */
          "cmovncq %[lo], %[x4]\n\t"
          "cmovncq %[hi], %[x0]\n\t"
          "cmovncq %%rdx, %[x1]\n\t"
          "cmovncq %[x3], %[x2]\n\t"
          : [x0] "=&r"(x0), [x1] "=&r"(x1), [x2] "=&r"(x2), [x3] "=&r"(x3), [x4] "=&r"(x4),
            [lo] "=&r"(lo), [hi] "=&r"(hi)
          : [a0] "r"(a0->v), [b0] "r"(b0->v), [a1] "r"(a1->v), [b1] "r"(b1->v), KOPS
          : "rdx", "cc", "memory");
  // clang-format on
  r->v[0] = x4;
  r->v[1] = x0;
  r->v[2] = x1;
  r->v[3] = x2;
}

/* a reduction step of SOS: T0..T4 += m * p with m = T0 * n0, T4 also += C (the previous step's
 * carry, or the zero word); the carry out of T4 lands in T0 (which the step zeroed) */
#define SOS_RED(T0, T1, T2, T3, T4, C) \
  "movq " T0                           \
  ", %%rdx\n\t"                        \
  "imulq %[n0], %%rdx\n\t"             \
  "xorl %k[lo], %k[lo]\n\t"            \
  "mulxq %[p0], %[lo], %[hi]\n\t"      \
  "adcxq %[lo], " T0                   \
  "\n\t"                               \
  "adoxq %[hi], " T1                   \
  "\n\t"                               \
  "mulxq %[p1], %[lo], %[hi]\n\t"      \
  "adcxq %[lo], " T1                   \
  "\n\t"                               \
  "adoxq %[hi], " T2                   \
  "\n\t"                               \
  "mulxq %[p2], %[lo], %[hi]\n\t"      \
  "adcxq %[lo], " T2                   \
  "\n\t"                               \
  "adoxq %[hi], " T3                   \
  "\n\t"                               \
  "mulxq %[p3], %[lo], %[hi]\n\t"      \
  "adcxq %[lo], " T3                   \
  "\n\t"                               \
  "adoxq %[hi], " T4                   \
  "\n\t"                               \
  "adcxq " C ", " T4                   \
  "\n\t"                               \
  "adcxq %[z], " T0                    \
  "\n\t"                               \
  "adoxq %[z], " T0 "\n\t"

static inline void adx_sqr(pq_fp *r, const pq_fp *a) {
  uint64_t t0, t1, t2, t3, t4, t5, t6, t7, lo, hi;
  __asm__(
      /* cross products a_i a_j (i < j) into t1..t6: the rows of a0 and a1 and a2, CF chain */
      "xorl %k[t7], %k[t7]\n\t"
      "movq 0(%[a]), %%rdx\n\t"
      "mulxq 8(%[a]), %[t1], %[t2]\n\t"
      "mulxq 16(%[a]), %[lo], %[t3]\n\t"
      "adcxq %[lo], %[t2]\n\t"
      "mulxq 24(%[a]), %[lo], %[t4]\n\t"
      "adcxq %[lo], %[t3]\n\t"
      "movq 8(%[a]), %%rdx\n\t"
      "mulxq 24(%[a]), %[lo], %[t5]\n\t"
      "adcxq %[lo], %[t4]\n\t"
      "movq 16(%[a]), %%rdx\n\t"
      "mulxq 24(%[a]), %[lo], %[t6]\n\t"
      "adcxq %[lo], %[t5]\n\t"
      "adcxq %[t7], %[t6]\n\t" /* t7 = 0; the high word of a product is < 2^64 - 1: no carry */
      /* a1 a2 into t3, t4 (CF = 0 here), carried up to t6 */
      "movq 8(%[a]), %%rdx\n\t"
      "mulxq 16(%[a]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t3]\n\t"
      "adcxq %[hi], %[t4]\n\t"
      "adcxq %[t7], %[t5]\n\t"
      "adcxq %[t7], %[t6]\n\t"
      /* doubled in the OF chain (adox x, x = 2x + OF), the squares a_i^2 added in the CF chain */
      "movq 0(%[a]), %%rdx\n\t"
      "mulxq %%rdx, %[t0], %[hi]\n\t"
      "xorl %k[lo], %k[lo]\n\t"
      "adoxq %[t1], %[t1]\n\t"
      "adcxq %[hi], %[t1]\n\t"
      "movq 8(%[a]), %%rdx\n\t"
      "mulxq %%rdx, %[lo], %[hi]\n\t"
      "adoxq %[t2], %[t2]\n\t"
      "adcxq %[lo], %[t2]\n\t"
      "adoxq %[t3], %[t3]\n\t"
      "adcxq %[hi], %[t3]\n\t"
      "movq 16(%[a]), %%rdx\n\t"
      "mulxq %%rdx, %[lo], %[hi]\n\t"
      "adoxq %[t4], %[t4]\n\t"
      "adcxq %[lo], %[t4]\n\t"
      "adoxq %[t5], %[t5]\n\t"
      "adcxq %[hi], %[t5]\n\t"
      "movq 24(%[a]), %%rdx\n\t"
      "mulxq %%rdx, %[lo], %[hi]\n\t"
      "adoxq %[t6], %[t6]\n\t"
      "adcxq %[lo], %[t6]\n\t"
      "adoxq %[t7], %[t7]\n\t" /* t7 = 0 + 0 + OF: the bit doubled out of t6 */
      "adcxq %[hi], %[t7]\n\t" /* a^2 < 2^512: no carry out */
      /* the four reduction steps; step i's carry waits in t_i */
      // clang-format off
      SOS_RED("%[t0]", "%[t1]", "%[t2]", "%[t3]", "%[t4]", "%[z]")
      SOS_RED("%[t1]", "%[t2]", "%[t3]", "%[t4]", "%[t5]", "%[t0]")
      SOS_RED("%[t2]", "%[t3]", "%[t4]", "%[t5]", "%[t6]", "%[t1]")
      SOS_RED("%[t3]", "%[t4]", "%[t5]", "%[t6]", "%[t7]", "%[t2]")
      // clang-format on
      : [t0] "=&r"(t0), [t1] "=&r"(t1), [t2] "=&r"(t2), [t3] "=&r"(t3), [t4] "=&r"(t4),
        [t5] "=&r"(t5), [t6] "=&r"(t6), [t7] "=&r"(t7), [lo] "=&r"(lo), [hi] "=&r"(hi)
      : [a] "r"(a->v), KOPS
      : "rdx", "cc", "memory");
  /* the last step's carry out of t7 (in t3) is 0: a^2 + M p < 2^512 */
  r->v[0] = t4;
  r->v[1] = t5;
  r->v[2] = t6;
  r->v[3] = t7;
}

/* The CIOS window holds t < 2^256 when every row operand (the one taken whole, A) is below
 * 2p + 2^192, i.e. its top word is at most 2p's: t_i = (t_{i-1} + A0 B0_i + A1 B1_i + m_i p) / 2^64
 * stays below A0 + A1 + p + 1 <= 5p + 2^194 < 2^256 (p < 0.19 * 2^256), and the sum before the
 * shift below 2^320. The interface's preconditions (kernels_bn254.h) make that so for every input:
 * mul's a is < 2p (or < p), sop2's operands are <= 2p; so the first operand of each product is
 * taken whole, with no operand choice. */

/* The ADX kernels without the CPU check: for the tests, which run them on any CPU with ADX
 * whatever the build's dispatch. */
void pq_adx_fp_mul(pq_fp *r, const pq_fp *a, const pq_fp *b) { adx_mul(r, a, b); }

void pq_adx_fp_sqr(pq_fp *r, const pq_fp *a) { adx_sqr(r, a); }

void pq_adx_fp_sop2(pq_fp *r, const pq_fp *a0, const pq_fp *b0, const pq_fp *a1, const pq_fp *b1) {
  adx_sop2(r, a0, b0, a1, b1);
}

#ifdef __ADX__
#define PQ_HAVE_ADX 1
#else
#define PQ_HAVE_ADX __builtin_cpu_supports("adx")
#endif

void pq_x64_fp_mul(pq_fp *r, const pq_fp *a, const pq_fp *b) {
  if (PQ_HAVE_ADX)
    adx_mul(r, a, b);
  else
    pq_ref_fp_mul(r, a, b);
}

void pq_x64_fp_sqr(pq_fp *r, const pq_fp *a) {
  if (PQ_HAVE_ADX)
    adx_sqr(r, a);
  else
    pq_ref_fp_sqr(r, a);
}

void pq_x64_fp_sop2(pq_fp *r, const pq_fp *a0, const pq_fp *b0, const pq_fp *a1, const pq_fp *b1) {
  if (PQ_HAVE_ADX)
    adx_sop2(r, a0, b0, a1, b1);
  else
    pq_ref_fp_sop2(r, a0, b0, a1, b1);
}
