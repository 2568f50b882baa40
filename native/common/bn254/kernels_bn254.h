/* BN254 kernel interface: the Montgomery products of the base field Fp.
 *
 * Every value is an integer x < 2^256 in 4 little-endian 64-bit words (pq_fp, bn254_types.h)
 * standing for x*R^-1 mod p (Montgomery form, R = 2^256). The kernels compute the Montgomery
 * reduction REDC(T) = (T + M*p) / 2^256 with M the unique integer in [0, 2^256) that makes the
 * division exact (M = -T*p^-1 mod 2^256). M does not depend on the word size the reduction runs
 * in, so every implementation (64-bit limbs, 32-bit limbs, SIMD, assembly) returns the same
 * integer: targets must be bit-identical to the reference, representative included.
 *
 * Bounds, with p < 2^254 (4p < 2^256, p/2^256 < 0.19):
 *   pq_fp_mul(r, a, b)   precondition a, b < 2p; or a < p with any b < 2^256 (pq_fp_to_mont: a is
 *                        R^2 mod p). Not symmetric: the 64-bit form keeps its running value below
 *                        2^256 only when the operand it multiplies whole (a) is < 2p.
 *                        r = REDC(a*b) < a*b/2^256 + p < 2p. No final subtraction.
 *   pq_fp_sqr(r, a)      = pq_fp_mul(r, a, a): a < 2p, r < 2p.
 *   pq_fp_sop2(r, a0, b0, a1, b1)
 *                        precondition a0, b0, a1, b1 <= 2p and a0*b0 + a1*b1 < 8p^2 (not all equal
 *                        to 2p). u = REDC(a0*b0 + a1*b1) < 8p^2/2^256 + p < 2.52p; r = u - 2p if
 *                        u >= 2p, else u: r < 2p. One reduction for both products (the fused sum
 *                        of products): r = (a0*b0 + a1*b1)*R^-1 mod p.
 * r may be the same object as any input. A portable form is the fallback everywhere and the
 * reference every target is tested against (native/test/test_bn254_field.c):
 *   64-bit limbs with unsigned __int128 where __SIZEOF_INT128__ and not __wasm__,
 *   else 8 x 32-bit limbs with 64-bit products (wasm32: no 64x64->128 multiply, no __multi3).
 * No n-term sum of products: as the Fp6 product (six 6-term sums, one reduction each) it measured
 * 7% faster than Karatsuba natively and 12% slower in wasm32 (tower.c). */
#ifndef PQ_KERNELS_BN254_H
#define PQ_KERNELS_BN254_H
#include <stdint.h>

#include "bn254/bn254_types.h"

/* ---- portable reference kernels (kernels_bn254_ref.c) ---------------------- */
void pq_ref_fp_mul(pq_fp *r, const pq_fp *a, const pq_fp *b);
void pq_ref_fp_sqr(pq_fp *r, const pq_fp *a);
void pq_ref_fp_sop2(pq_fp *r, const pq_fp *a0, const pq_fp *b0, const pq_fp *a1, const pq_fp *b1);

/* The 32-bit-limb form under its own names in every build (on wasm32 and other targets without
 * __int128 it is the reference itself), so the native tests check that both forms agree. */
void pq_limb32_fp_mul(pq_fp *r, const pq_fp *a, const pq_fp *b);
void pq_limb32_fp_sqr(pq_fp *r, const pq_fp *a);
void pq_limb32_fp_sop2(pq_fp *r, const pq_fp *a0, const pq_fp *b0, const pq_fp *a1,
                       const pq_fp *b1);

/* ---- target selection ---------------------------------------------------- */
#include "shared/pq_target.h"

#ifndef pq_fp_mul
#define pq_fp_mul pq_ref_fp_mul
#endif
#ifndef pq_fp_sqr
#define pq_fp_sqr pq_ref_fp_sqr
#endif
#ifndef pq_fp_sop2
#define pq_fp_sop2 pq_ref_fp_sop2
#endif

#endif
