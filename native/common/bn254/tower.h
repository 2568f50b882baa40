/* BN254 extension tower over Fp2 (fp2.h):
 *   Fp6  = Fp2[v]/(v^3 - xi), xi = 9 + u:   c0 + c1 v + c2 v^2
 *   Fp12 = Fp6[w]/(w^2 - v):                c0 + c1 w            (so w^6 = xi)
 * As a vector over Fp2, an Fp12 element is sum g_i w^i with
 *   g0 = c0.c0, g2 = c0.c1, g4 = c0.c2 (the Fp6 part c0 = g0 + g2 w^2 + g4 w^4)
 *   g1 = c1.c0, g3 = c1.c1, g5 = c1.c2 (c1 w = g1 w + g3 w^3 + g5 w^5).
 * Bounds: every Fp coordinate of inputs and outputs is lazy (< 2p, fp.h); outputs may be the
 * same object as inputs. Not constant time where noted (inversion): BN254 data is public.
 *
 * Sparse line multiplication (the Miller loop of the optimal ate pairing, bn-curve):
 * BN254/Ethereum uses the D-type sextic twist E': y^2 = x^3 + 3/xi over Fp2, mapped into E(Fp12)
 * by psi(x', y') = (x' w^2, y' w^3) (then (y' w^3)^2 = y'^2 xi and (x' w^2)^3 = x'^3 xi, so
 * y'^2 = x'^3 + 3/xi becomes y^2 = x^3 + 3). The line through psi(T) with slope lambda' w
 * (lambda' in Fp2: slope on the twist), evaluated at P = (xP, yP) in E(Fp), is
 *   l(P) = yP - lambda' w (xP - xT w^2) - yT w^3 = yP + (-lambda' xP) w + (lambda' xT - yT) w^3,
 * nonzero only at w^0, w^1 and w^3 = v w: in the layout above g0 = c0.c0 (the "0" slot),
 * g1 = c1.c0 (slot 3) and g3 = c1.c1 (slot 4): the 034 form. Projective formulas scale the whole
 * line by an Fp2 factor (removed by the final exponentiation), so the three coefficients are
 * general Fp2 values:
 *   line = (l0, l3, l4) stands for l0 + l3 w + l4 v w  (c0 = (l0, 0, 0), c1 = (l3, l4, 0)),
 * typically l0 = (yP) * A, l3 = (xP) * B, l4 = C with A, B, C in Fp2 from the doubling/addition
 * step (as @noble/curves' mul034ByLine for its "divisive" twist). */
#ifndef PQ_BN254_TOWER_H
#define PQ_BN254_TOWER_H
#include <stdint.h>

#include "bn254/fp2.h"

typedef struct {
  pq_fp2 c0, c1, c2;
} pq_fp6;

typedef struct {
  pq_fp6 c0, c1;
} pq_fp12;

/* ---- Fp6 ---------------------------------------------------------------------------------- */
void pq_fp6_zero(pq_fp6 *r);
void pq_fp6_one(pq_fp6 *r);
void pq_fp6_add(pq_fp6 *r, const pq_fp6 *a, const pq_fp6 *b);
void pq_fp6_sub(pq_fp6 *r, const pq_fp6 *a, const pq_fp6 *b);
void pq_fp6_neg(pq_fp6 *r, const pq_fp6 *a);
/* Karatsuba: 6 Fp2 multiplications */
void pq_fp6_mul(pq_fp6 *r, const pq_fp6 *a, const pq_fp6 *b);
/* Chung-Hasan SQR2: 3 Fp2 squarings, 2 Fp2 multiplications */
void pq_fp6_sqr(pq_fp6 *r, const pq_fp6 *a);
/* r = a*v = (xi a2, a0, a1) */
void pq_fp6_mul_v(pq_fp6 *r, const pq_fp6 *a);
/* r = a*b, b in Fp2 (3 Fp2 multiplications) */
void pq_fp6_mul_fp2(pq_fp6 *r, const pq_fp6 *a, const pq_fp2 *b);
/* r = a*(b0 + b1 v) (5 Fp2 multiplications) */
void pq_fp6_mul_01(pq_fp6 *r, const pq_fp6 *a, const pq_fp2 *b0, const pq_fp2 *b1);
/* r = a^-1 (0 for 0; not constant time) */
void pq_fp6_inv(pq_fp6 *r, const pq_fp6 *a);
/* r = a^(p^k), k = 0..5 (v^(p^k) = gamma[k][2] v) */
void pq_fp6_frobenius(pq_fp6 *r, const pq_fp6 *a, unsigned k);
int pq_fp6_is_zero(const pq_fp6 *a);
int pq_fp6_equal(const pq_fp6 *a, const pq_fp6 *b);

/* ---- Fp12 --------------------------------------------------------------------------------- */
void pq_fp12_zero(pq_fp12 *r);
void pq_fp12_one(pq_fp12 *r);
void pq_fp12_add(pq_fp12 *r, const pq_fp12 *a, const pq_fp12 *b);
void pq_fp12_sub(pq_fp12 *r, const pq_fp12 *a, const pq_fp12 *b);
/* Karatsuba over Fp6: 3 Fp6 multiplications (18 Fp2) */
void pq_fp12_mul(pq_fp12 *r, const pq_fp12 *a, const pq_fp12 *b);
/* complex squaring: 2 Fp6 multiplications (12 Fp2) */
void pq_fp12_sqr(pq_fp12 *r, const pq_fp12 *a);
/* Granger-Scott squaring, 9 Fp2 squarings. Only for a in the cyclotomic subgroup
 * {a : a^(p^4 - p^2 + 1) = 1} (every f^((p^6 - 1)(p^2 + 1)), i.e. after the easy part of the final
 * exponentiation); for other a the result is not a^2. */
void pq_fp12_cyclotomic_sqr(pq_fp12 *r, const pq_fp12 *a);
/* r = c0 - c1 w (= a^(p^6); the inverse of a unitary element) */
void pq_fp12_conj(pq_fp12 *r, const pq_fp12 *a);
/* r = a^-1 = conj(a) / (c0^2 - v c1^2) (0 for 0; not constant time) */
void pq_fp12_inv(pq_fp12 *r, const pq_fp12 *a);
/* r = a^(p^k), k = 0..11 (one table lookup per coefficient: gamma from bn254_tables.inc) */
void pq_fp12_frobenius(pq_fp12 *r, const pq_fp12 *a, unsigned k);
/* r = f * (l0 + l3 w + l4 v w): the 034 sparse line (see the top of this file), 13 Fp2 mul */
void pq_fp12_mul_034(pq_fp12 *r, const pq_fp12 *f, const pq_fp2 *l0, const pq_fp2 *l3,
                     const pq_fp2 *l4);
/* r = (l0 + l3 w + l4 v w)(m0 + m3 w + m4 v w), two lines multiplied first (multi-Miller loop):
 * 6 Fp2 mul; r has c1.c2 = 0 (the 01234 form for pq_fp12_mul_01234) */
void pq_fp12_mul_034_034(pq_fp12 *r, const pq_fp2 *l0, const pq_fp2 *l3, const pq_fp2 *l4,
                         const pq_fp2 *m0, const pq_fp2 *m3, const pq_fp2 *m4);
/* r = f * s for s with s.c1.c2 = 0 (ignored: read as 0), 17 Fp2 mul */
void pq_fp12_mul_01234(pq_fp12 *r, const pq_fp12 *f, const pq_fp12 *s);
int pq_fp12_is_one(const pq_fp12 *a);
int pq_fp12_equal(const pq_fp12 *a, const pq_fp12 *b);

#endif
