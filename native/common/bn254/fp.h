/* BN254 base field Fp: the operations around the Montgomery kernels (bn254/kernels_bn254.h).
 *
 * pq_fp (bn254_types.h): 4 little-endian 64-bit words, Montgomery form a*R mod p with R = 2^256.
 * "Lazy" below means in [0, 2p): every operation here takes lazy inputs and returns lazy outputs
 * unless it says otherwise; canonical [0, p) representatives appear only at encoding and in
 * comparisons. Two representatives of one field element may differ by p, so compare with
 * pq_fp_equal, never with memcmp. Every output may be the same object as an input.
 * Constant time except pq_fp_inv/pq_fp_pow (exponent public; BN254 inputs are public anyway). */
#ifndef PQ_BN254_FP_H
#define PQ_BN254_FP_H
#include <stdint.h>

#include "bn254/bn254_tables.inc" /* PQ_BN_*_INIT: initializers of the constants */
#include "bn254/bn254_types.h"
#include "bn254/kernels_bn254.h" /* pq_fp_mul, pq_fp_sqr, pq_fp_sop2 */

/* r = a + b, a, b < 2p: r < 2p (2p subtracted when a + b >= 2p) */
void pq_fp_add(pq_fp *r, const pq_fp *a, const pq_fp *b);
/* r = a - b, a, b < 2p: r < 2p (2p added when a < b) */
void pq_fp_sub(pq_fp *r, const pq_fp *a, const pq_fp *b);
/* r = -a, a < 2p: r < 2p (2p - a, and 0 for a = 0) */
void pq_fp_neg(pq_fp *r, const pq_fp *a);
/* r = 2a, a < 2p: r < 2p */
void pq_fp_dbl(pq_fp *r, const pq_fp *a);
/* r = 2p - a, a <= 2p: r in [0, 2p] (not reduced: 2p for a = 0). The negated operand of a sum of
 * products (pq_fp_sop2 accepts operands <= 2p), one subtraction cheaper than pq_fp_neg. */
void pq_fp_neg_2p(pq_fp *r, const pq_fp *a);
/* r = 9a (the real part of xi = 9 + u), a < 2p: r < 2p */
void pq_fp_mul9(pq_fp *r, const pq_fp *a);
/* r = a mod p in [0, p), a < 2p (same element, its canonical representative) */
void pq_fp_canon(pq_fp *r, const pq_fp *a);
/* r = the Montgomery form of the integer a, any a < 2^256 (so a mod p): r < 2p */
void pq_fp_to_mont(pq_fp *r, const pq_fp *a);
/* r = the plain integer of the element a (lazy): r < p */
void pq_fp_from_mont(pq_fp *r, const pq_fp *a);
/* r = the Montgomery form of the small integer x: r < 2p */
void pq_fp_from_u64(pq_fp *r, uint64_t x);
/* 32-byte big-endian integer -> Montgomery form (r < 2p). Returns 0, or -1 when the integer is
 * >= p (r is then set to 0). */
int pq_fp_from_bytes(pq_fp *r, const uint8_t in[32]);
/* 32-byte big-endian integer, any value < 2^256, reduced mod p -> Montgomery form (r < 2p) */
void pq_fp_from_bytes_reduce(pq_fp *r, const uint8_t in[32]);
/* the canonical integer of a (lazy), 32 bytes big-endian */
void pq_fp_to_bytes(uint8_t out[32], const pq_fp *a);
/* 1 if a = 0 in Fp (a lazy: 0 or p), else 0 */
int pq_fp_is_zero(const pq_fp *a);
/* 1 if a = b in Fp (both lazy), else 0 */
int pq_fp_equal(const pq_fp *a, const pq_fp *b);
/* r = a when c = 1, b when c = 0 (c in {0, 1}) */
void pq_fp_select(pq_fp *r, const pq_fp *a, const pq_fp *b, int c);
/* r = a^e, e a plain 256-bit exponent (public: branches on its bits), a < 2p: r < 2p */
void pq_fp_pow(pq_fp *r, const pq_fp *a, const uint64_t e[4]);
/* r = a^-1 (a^(p-2), Fermat), a < 2p; 0 for a = 0: r < 2p. Variable time in nothing secret. */
void pq_fp_inv(pq_fp *r, const pq_fp *a);

#endif
