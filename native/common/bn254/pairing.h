/* BN254 optimal ate pairing: e(P, Q) = (f_{6x+2,Q}(P) · l_{T,pi(Q)}(P) · l_{T+pi(Q),-pi^2(Q)}(P))^d
 * with d = (p^12 - 1)/r · m, m = 2x(6x^2 + 3x + 1) (the multiple of the reduced pairing that the
 * Fuentes-Castaneda et al. hard part gives; the same as @noble/curves and gnark-crypto, and m is
 * prime to r, so e(P, Q) = 1 exactly when the reduced pairing is 1).
 *
 * The Miller loop runs over the NAF of 6x + 2 (66 digits, 22 non-zero) for several pairs at once
 * (one Fp12 squaring per step for all of them: the multi-Miller loop), with T in homogeneous
 * projective coordinates on the twist and the lines in the 034 form of tower.h:
 *   doubling (T = (X : Y : Z)): H = 2YZ, l = H yP + 3X^2 (-xP) w + (Y^2 - 3b'Z^2) v w,
 *   addition of Q = (xQ, yQ): theta = Y - yQ Z, L = X - xQ Z, l = L yP + theta (-xP) w +
 *   (theta xQ - L yQ) v w,
 * each the line through T (and Q) times a factor in Fp2 that the final exponentiation removes.
 * Fixed G2 arguments (Groth16's -gamma, -delta) have their lines precomputed and divided by that
 * factor times yP: 1 + a (-xP/yP) w + b (1/yP) v w, stored as (a, b) (PQ_BN_LINE_BYTES each). */
#ifndef PQ_BN254_PAIRING_H
#define PQ_BN254_PAIRING_H
#include <stddef.h>
#include <stdint.h>

#include "bn254/curve.h"
#include "bn254/tower.h"

/* pairs of one multi-Miller loop (stack: about 450 bytes per pair). More pairs (ecPairing, a
 * Groth16 batch) run in loops of this many whose values are multiplied before the one final
 * exponentiation: each further loop adds one squaring chain (64 Fp12 squarings, about 3% of the
 * loop's 32 pairs) and keeps the stack bounded without a heap (wasm32 has none). */
#define PQ_BN_PAIRS_MAX 32
/* lines of one Miller loop: 65 doublings, 21 additions (the non-zero NAF digits below the top),
 * the two Frobenius additions */
#define PQ_BN_LINES 88
/* a stored line: a, b in Fp2, canonical (< p), 8 little-endian 64-bit words per Fp value */
#define PQ_BN_LINE_BYTES 128

/* f = prod_i f_i(P_i, Q_i) (the Miller loop values, before the final exponentiation) for n pairs
 * (p[i], q[i]) and nf pairs (pf[i], fixed lines lines[i], PQ_BN_LINES × PQ_BN_LINE_BYTES bytes from
 * pq_bn_lines_precompute, any alignment), with n + nf <= PQ_BN_PAIRS_MAX and no point at infinity
 * (the caller leaves those pairs out: their pairing is 1). Q must be in G2 (the loop never meets
 * an exceptional addition then). f = 1 for n + nf = 0. */
void pq_bn_miller_loop(pq_fp12 *f, const pq_g1_aff *p, const pq_g2_aff *q, size_t n,
                       const pq_g1_aff *pf, const uint8_t *const *lines, size_t nf);

/* the lines of q (in G2, not infinity) for pq_bn_miller_loop: PQ_BN_LINES × PQ_BN_LINE_BYTES bytes */
void pq_bn_lines_precompute(uint8_t *out, const pq_g2_aff *q);
/* 1 if every Fp value of a stored line table is canonical (< p): a blob check */
int pq_bn_lines_valid(const uint8_t *lines);

/* r = f^((p^12 - 1)/r · m): easy part (p^6 - 1)(p^2 + 1), then the hard part m (p^4 - p^2 + 1)/r
 * = l0 + l1 p + l2 p^2 + l3 p^3 with l1 = 12x^3 + 6x^2 + 4x, l3 = l1 - 1, l2 = l1 + 2x,
 * l0 = l2 + 6x^2 + 1, from three exponentiations by x in cyclotomic squarings. f != 0. */
void pq_bn_final_exp(pq_fp12 *r, const pq_fp12 *f);
/* its two halves: pq_bn_final_exp(r, f) = hard(easy(f)). easy: r = f^((p^6 - 1)(p^2 + 1)), f != 0,
 * a value of the cyclotomic subgroup (where the inverse is the conjugate); hard: r = e^(m (p^4 -
 * p^2 + 1)/r) for e in that subgroup, a homomorphism there (so products and powers may be taken
 * before it). r may alias the argument in both. */
void pq_bn_final_exp_easy(pq_fp12 *r, const pq_fp12 *f);
void pq_bn_final_exp_hard(pq_fp12 *r, const pq_fp12 *e);

/* r = e(p, q) (1 when either is infinity) */
void pq_bn_pairing(pq_fp12 *r, const pq_g1_aff *p, const pq_g2_aff *q);

/* r = a^e for a in the cyclotomic subgroup (after the easy part), e plain, nwords 32-bit words */
void pq_bn_cyclotomic_pow(pq_fp12 *r, const pq_fp12 *a, const uint32_t *e, unsigned nwords);

#endif
