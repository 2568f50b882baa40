/* BN254 curves: G1 (y^2 = x^3 + 3 over Fp) and the D-type sextic twist carrying G2
 * (y^2 = x^3 + b', b' = 3 / (9 + u), over Fp2), with the encodings of EIP-196/197.
 *
 * Verification only: every input is public, so the code branches on point and scalar values
 * (infinity, equal points, scalar digits) and is not constant time.
 *
 * Coordinates follow fp.h/fp2.h (lazy, < 2p). Affine points carry an explicit infinity flag;
 * Jacobian points (x = X/Z^2, y = Y/Z^3) stand for infinity by Z = 0. No point of either curve has
 * y = 0 (both groups have odd order with no 2-torsion on G1, and the twist's order
 * r (2p - r) is odd), so formulas never divide by 2y in a valid run. Outputs may alias inputs. */
#ifndef PQ_BN254_CURVE_H
#define PQ_BN254_CURVE_H
#include <stddef.h>
#include <stdint.h>

#include "bn254/fp2.h"

/* Error codes of the BN254 family (also the binding's, pq_binding.h) */
#define PQ_ERR_BN_COORD -20          /* a coordinate >= p */
#define PQ_ERR_BN_G1 -21             /* a G1 point not on y^2 = x^3 + 3 */
#define PQ_ERR_BN_G2 -22             /* a G2 point not on the twist */
#define PQ_ERR_BN_SUBGROUP -23       /* a twist point outside the order-r subgroup */
#define PQ_ERR_BN_PAIRING_LENGTH -24 /* ecPairing input not a multiple of 192 bytes */

typedef struct {
  pq_fp x, y;
  int inf;
} pq_g1_aff;
typedef struct {
  pq_fp x, y, z;
} pq_g1_jac;
typedef struct {
  pq_fp2 x, y;
  int inf;
} pq_g2_aff;
typedef struct {
  pq_fp2 x, y, z;
} pq_g2_jac;

/* ---- scalars: 256-bit integers as 8 little-endian 32-bit words (the same code on wasm32) ---- */

/* k from 32 bytes big-endian (any value < 2^256) */
void pq_bn_scalar_from_bytes(uint32_t k[8], const uint8_t in[32]);
/* 1 if the 32-byte big-endian integer is < r */
int pq_bn_scalar_lt_r(const uint8_t in[32]);
/* k = k mod r for any k < 2^256 */
void pq_bn_scalar_reduce(uint32_t k[8]);

/* ---- G1 ---------------------------------------------------------------------------------- */

/* 64 bytes x ‖ y (big-endian) -> point: 0, PQ_ERR_BN_COORD or PQ_ERR_BN_G1 (r is then infinity).
 * (0, 0) is the point at infinity. Every point of the curve is in G1 (cofactor 1). */
int pq_g1_decode(pq_g1_aff *r, const uint8_t in[64]);
/* 64 bytes; infinity as (0, 0) */
void pq_g1_encode(uint8_t out[64], const pq_g1_aff *a);
/* 1 if y^2 = x^3 + 3 (the infinity flag is not looked at) */
int pq_g1_on_curve(const pq_g1_aff *a);
void pq_g1_set_inf(pq_g1_jac *r);
int pq_g1_is_inf(const pq_g1_jac *a);
void pq_g1_from_aff(pq_g1_jac *r, const pq_g1_aff *a);
/* one inversion */
void pq_g1_to_aff(pq_g1_aff *r, const pq_g1_jac *a);
/* r[i] = a[i] affine for n points with one inversion (Montgomery's trick); n <= 64 */
void pq_g1_batch_to_aff(pq_g1_aff *r, const pq_g1_jac *a, size_t n);
void pq_g1_neg(pq_g1_jac *r, const pq_g1_jac *a);
void pq_g1_dbl(pq_g1_jac *r, const pq_g1_jac *a);
/* r = a + b for any a, b (equal, opposite, infinity) */
void pq_g1_add(pq_g1_jac *r, const pq_g1_jac *a, const pq_g1_jac *b);
void pq_g1_add_aff(pq_g1_jac *r, const pq_g1_jac *a, const pq_g1_aff *b);
/* 1 if a and b are the same point */
int pq_g1_equal(const pq_g1_jac *a, const pq_g1_jac *b);
/* r = [k] a for any 256-bit k (reduced mod r first): GLV with the endomorphism
 * (x, y) -> (beta x, y) = [lambda](x, y), k = k1 + k2 lambda with |k1|, |k2| < 2^128, and a
 * joint width-5 NAF of k1, k2 (about 128 doublings and 43 additions). */
void pq_g1_mul(pq_g1_jac *r, const pq_g1_aff *a, const uint32_t k[8]);
/* the same by plain double-and-add over all 256 bits of k (no reduction): the tests' second path */
void pq_g1_mul_plain(pq_g1_jac *r, const pq_g1_aff *a, const uint32_t k[8]);
/* k = k1 + k2 lambda mod r, |k1|, |k2| < 2^128: magnitudes (4 words) and signs (1 = negative);
 * k < r */
void pq_bn_glv_split(uint32_t k1[4], int *neg1, uint32_t k2[4], int *neg2, const uint32_t k[8]);

/* ---- G2 (on the twist) ------------------------------------------------------------------- */

/* 128 bytes x.c1 ‖ x.c0 ‖ y.c1 ‖ y.c0 (EIP-197: the imaginary part first) -> point: 0,
 * PQ_ERR_BN_COORD, PQ_ERR_BN_G2 (not on the twist) or PQ_ERR_BN_SUBGROUP (r is then infinity).
 * All zero is the point at infinity. */
int pq_g2_decode(pq_g2_aff *r, const uint8_t in[128]);
void pq_g2_encode(uint8_t out[128], const pq_g2_aff *a);
int pq_g2_on_twist(const pq_g2_aff *a);
/* 1 if a (on the twist, not infinity) is in the order-r subgroup G2, by the criterion of El Housni,
 * Guillevic and Piellard (ePrint 2022/352, BN curves): [x+1]Q + psi([x]Q) + psi^2([x]Q) =
 * psi^3([2x]Q), where psi = untwist-Frobenius-twist. One 63-bit multiplication instead of a
 * 254-bit one. */
int pq_g2_in_subgroup(const pq_g2_aff *a);
void pq_g2_set_inf(pq_g2_jac *r);
int pq_g2_is_inf(const pq_g2_jac *a);
void pq_g2_from_aff(pq_g2_jac *r, const pq_g2_aff *a);
void pq_g2_to_aff(pq_g2_aff *r, const pq_g2_jac *a);
void pq_g2_neg(pq_g2_jac *r, const pq_g2_jac *a);
void pq_g2_dbl(pq_g2_jac *r, const pq_g2_jac *a);
void pq_g2_add(pq_g2_jac *r, const pq_g2_jac *a, const pq_g2_jac *b);
int pq_g2_equal(const pq_g2_jac *a, const pq_g2_jac *b);
/* psi(x, y) = (conj(x) gx, conj(y) gy), gx = xi^((p-1)/3), gy = xi^((p-1)/2): the p-power
 * Frobenius of E carried to the twist (Jacobian: Z is conjugated too) */
void pq_g2_psi(pq_g2_jac *r, const pq_g2_jac *a);
/* psi on affine points, and -psi^2(x, y) = (x omega, y), omega = xi^((p^2-1)/3) in Fp: the two
 * points the optimal ate pairing adds after its loop */
void pq_g2_aff_psi(pq_g2_aff *r, const pq_g2_aff *a);
void pq_g2_aff_neg_psi2(pq_g2_aff *r, const pq_g2_aff *a);
/* r = [k] a by double-and-add over nwords 32-bit words of k (no reduction): the tests' second path
 * for the subgroup check ([r]Q = O) and for building points */
void pq_g2_mul_plain(pq_g2_jac *r, const pq_g2_aff *a, const uint32_t *k, unsigned nwords);

#endif
