/* BN254 (alt_bn128) protocols over the curve (curve.h) and pairing (pairing.h) layers: the EVM
 * precompiles of EIP-196/197 and Groth16 verification. Verification only: every input is public.
 *
 * EVM precompiles (exact EIP-196/197 semantics, byte-identical to go-ethereum):
 *   ecAdd  0x06: input right-padded with zeros to 128 bytes, bytes past 128 ignored: two G1 points
 *                x ‖ y (32-byte big-endian each), (0, 0) = infinity -> their sum (64 bytes).
 *   ecMul  0x07: input padded/truncated to 96 bytes: G1 point ‖ 256-bit scalar (any value, also
 *                >= r) -> the multiple (64 bytes).
 *   ecPairing 0x08: k pairs of G1 (64) ‖ G2 (128: x.c1 ‖ x.c0 ‖ y.c1 ‖ y.c0), k >= 0 -> 32 bytes,
 *                1 if the product of the pairings is 1 (also for k = 0), else 0.
 * Errors (curve.h), checked in go-ethereum's order: the pairing length first, then point by point
 * (ecAdd: the first point, then the second; ecPairing: each pair's G1, then its G2), and for each
 * point its coordinates < p (in input order) before its curve equation, before the subgroup:
 * PQ_ERR_BN_COORD, PQ_ERR_BN_G1, PQ_ERR_BN_G2, PQ_ERR_BN_SUBGROUP, PQ_ERR_BN_PAIRING_LENGTH. On an
 * error the output is zeroed.
 *
 * Groth16 (snarkjs' verifier equation) on a binary encoding (the TS layer makes it from snarkjs
 * JSON): numbers are 32-byte big-endian, G1 = x ‖ y, G2 = x.c1 ‖ x.c0 ‖ y.c1 ‖ y.c0 (the EIP-197
 * order), infinity = all zero.
 *   vk     = alpha (G1) ‖ beta (G2) ‖ gamma (G2) ‖ delta (G2) ‖ IC[0..n] (G1 each): 448 + 64 (n + 1)
 *   publics = n × 32, each < r
 *   proof  = A (G1) ‖ B (G2) ‖ C (G1): 256 bytes
 * valid iff e(A, B) = e(alpha, beta) e(vk_x, gamma) e(C, delta), vk_x = IC[0] + sum pub_i IC[i+1]. */
#ifndef PQ_BN254_H
#define PQ_BN254_H
#include <stddef.h>
#include <stdint.h>

#include "bn254/curve.h"

int32_t pq_bn254_ec_add(uint8_t out[64], const uint8_t *in, size_t len);
int32_t pq_bn254_ec_mul(uint8_t out[64], const uint8_t *in, size_t len);
int32_t pq_bn254_ec_pairing(uint8_t out[32], const uint8_t *in, size_t len);

/* ---- Groth16 ---------------------------------------------------------------------------------- */

#define PQ_BN254_G16_VK_BYTES(n) (448u + 64u * ((n) + 1u))
#define PQ_BN254_G16_PROOF_BYTES 256u
/* the prepared key blob stays below this many public inputs (its size must fit 32 bits) */
#define PQ_BN254_G16_MAX_PUBLIC (1u << 20)

/* Size in bytes of a prepared key for n public inputs (0 for n > PQ_BN254_G16_MAX_PUBLIC):
 * a header, e(alpha, beta) as an Fp12 element, the affine line coefficients of the Miller loops
 * of -gamma and -delta, and IC[0..n] affine. The blob is position- and build-independent (every
 * build uses Montgomery form with R = 2^256), 8-byte words in little-endian order. */
uint32_t pq_bn254_groth16_prepared_bytes(uint32_t n);

/* vk (PQ_BN254_G16_VK_BYTES(n) bytes) -> prepared (pq_bn254_groth16_prepared_bytes(n) bytes; the
 * caller checks both lengths). 0, or the error of the first bad point: PQ_ERR_BN_COORD,
 * PQ_ERR_BN_G1, PQ_ERR_BN_G2, PQ_ERR_BN_SUBGROUP. Points at infinity are allowed (a pairing with
 * one is 1, as in ecPairing). */
int32_t pq_bn254_groth16_prepare(uint8_t *prepared, const uint8_t *vk, uint32_t n);

/* 1 valid, 0 anything else: a malformed prepared blob, publics not n × 32 or one >= r, a proof not
 * 256 bytes, a coordinate >= p, a point off its curve or (B) outside G2, a false equation. */
int32_t pq_bn254_groth16_verify(const uint8_t *prepared, size_t plen, const uint8_t *pub,
                                size_t publen, const uint8_t *proof, size_t prooflen);

/* k proofs under one key in one check: publics k·n × 32, proofs k × 256, coeffs k × 16 (128-bit
 * big-endian random numbers from the caller, none zero). With the coefficients rho_i:
 * prod e(rho_i A_i, B_i) · e(-sum rho_i vk_x_i, gamma) · e(-sum rho_i C_i, delta)
 *   = e(alpha, beta)^(sum rho_i)
 * as one multi-Miller loop and one final exponentiation. 1 if all are valid (up to the 2^-128
 * chance the coefficients give), 0 otherwise (also k = 0 and any malformed input). */
int32_t pq_bn254_groth16_verify_batch(const uint8_t *prepared, size_t plen, const uint8_t *pub,
                                      size_t publen, const uint8_t *proofs, size_t prooflen,
                                      const uint8_t *coeffs, size_t coefflen);

#endif
