/* BN254 Fp kernels for AArch64 (bn254/kernels_bn254.h): the assembly of bn254_mont.S behind the
 * operand choice that keeps its five-word window exact for every input of the interface.
 *
 * The window holds t < 2^256 when each operand taken whole (the row operand, A) is below
 * 2p + 2^192, i.e. its top word is at most 2p's: t stays below A0 + A1 + p + 1 <= 5p + 2^194 <
 * 2^256 (p < 0.19 * 2^256). Lazy values (< 2p) always are, so that is the path taken (a predictable
 * branch on public data: BN254 here is verification only). Otherwise the other operand of the
 * product is taken whole when it is small, and when neither is (mul: a, b in [2p, 2.3p) still meet
 * a b < p 2^256; sop2: a huge times a tiny operand both ways) the portable kernel computes it.
 *
 * Instructions executed per call (qemu-aarch64 -singlestep -d exec, gcc 12 -O3, the difference of
 * 1000 calls and none, a loop's own ~8 included; qemu cannot time it):
 *   asm mul 159, asm sop2 254; through the operand choice here: pq_fp_mul 164, pq_fp_sop2 269;
 *   2 pq_fp_mul + pq_fp_add 430 (the add, portable C without __int128, is ~95 of them):
 *   1.60x more than one sop2, and 1.22x even without the add (2 x 164 against 269);
 *   portable: mul 222, sop2 401, 2 mul + add 547, sqr 198.
 * Multiplies: 68 mul/umulh per product, 100 per sop2 against 136 for two products (1.36x): the
 * resource that bounds this code on in-order and most out-of-order cores (one or two 64-bit
 * multiply pipes, umulh the slower). sqr stays the portable code: its 10 products need 56
 * multiplies against 68 for the asm product of a by a (which executes fewer instructions, 156
 * against 190: a dedicated asm square is left for a measurement on hardware).
 */
#include "bn254/bn254_tables.inc"
#include "bn254/kernels_bn254.h"

void pq_neon_fp_mul_asm(pq_fp *r, const pq_fp *a, const pq_fp *b);
void pq_neon_fp_sop2_asm(pq_fp *r, const pq_fp *a0, const pq_fp *b0, const pq_fp *a1,
                         const pq_fp *b1);

#define TOP_2P ((PQ_BN_P3 << 1) | (PQ_BN_P2 >> 63))
#define SMALL(x) ((x)->v[3] <= TOP_2P)

static void mul_other(pq_fp *r, const pq_fp *a, const pq_fp *b) {
  if (SMALL(b))
    pq_neon_fp_mul_asm(r, b, a);
  else
    pq_ref_fp_mul(r, a, b);
}

static void sop2_other(pq_fp *r, const pq_fp *a0, const pq_fp *b0, const pq_fp *a1,
                       const pq_fp *b1) {
  const pq_fp *x0 = SMALL(a0) ? a0 : b0, *y0 = SMALL(a0) ? b0 : a0;
  const pq_fp *x1 = SMALL(a1) ? a1 : b1, *y1 = SMALL(a1) ? b1 : a1;
  if (SMALL(x0) && SMALL(x1))
    pq_neon_fp_sop2_asm(r, x0, y0, x1, y1);
  else
    pq_ref_fp_sop2(r, a0, b0, a1, b1);
}

void pq_neon_fp_mul(pq_fp *r, const pq_fp *a, const pq_fp *b) {
  if (__builtin_expect(SMALL(a), 1))
    pq_neon_fp_mul_asm(r, a, b);
  else
    mul_other(r, a, b);
}

void pq_neon_fp_sop2(pq_fp *r, const pq_fp *a0, const pq_fp *b0, const pq_fp *a1, const pq_fp *b1) {
  if (__builtin_expect(SMALL(a0) && SMALL(a1), 1))
    pq_neon_fp_sop2_asm(r, a0, b0, a1, b1);
  else
    sop2_other(r, a0, b0, a1, b1);
}
