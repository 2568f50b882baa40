/* BN254 Fp2 = Fp[u]/(u^2 + 1) (pq_fp2 in bn254_types.h: c0 + c1*u). Both coordinates follow fp.h:
 * lazy inputs (each < 2p) give lazy outputs; outputs may be the same object as inputs. */
#ifndef PQ_BN254_FP2_H
#define PQ_BN254_FP2_H
#include <stdint.h>

#include "bn254/fp.h"

/* The Fp2 additions are inline natively; in WebAssembly they are calls (one copy per file), which
 * keeps the G2 and tower functions a fraction of the size: V8 compiles each function on its first
 * call (Liftoff) and again in the background when it is hot (TurboFan), both in proportion to its
 * size, and on the first verify that compile time is more than the work saved by inlining. */
#ifdef __wasm__
#define PQ_FP2_LINEAR static __attribute__((noinline, unused))
#else
#define PQ_FP2_LINEAR static inline
#endif

PQ_FP2_LINEAR void pq_fp2_add(pq_fp2 *r, const pq_fp2 *a, const pq_fp2 *b) {
  pq_fp_add(&r->c0, &a->c0, &b->c0);
  pq_fp_add(&r->c1, &a->c1, &b->c1);
}
PQ_FP2_LINEAR void pq_fp2_sub(pq_fp2 *r, const pq_fp2 *a, const pq_fp2 *b) {
  pq_fp_sub(&r->c0, &a->c0, &b->c0);
  pq_fp_sub(&r->c1, &a->c1, &b->c1);
}
PQ_FP2_LINEAR void pq_fp2_neg(pq_fp2 *r, const pq_fp2 *a) {
  pq_fp_neg(&r->c0, &a->c0);
  pq_fp_neg(&r->c1, &a->c1);
}
PQ_FP2_LINEAR void pq_fp2_dbl(pq_fp2 *r, const pq_fp2 *a) {
  pq_fp_dbl(&r->c0, &a->c0);
  pq_fp_dbl(&r->c1, &a->c1);
}
/* r = c0 - c1*u (the p-power Frobenius of Fp2) */
static inline void pq_fp2_conj(pq_fp2 *r, const pq_fp2 *a) {
  r->c0 = a->c0;
  pq_fp_neg(&r->c1, &a->c1);
}
/* r = a*b: c0 = sop2(a0, b0, 2p - a1, b1), c1 = sop2(a0, b1, a1, b0) (two fused sums of products,
 * 2p - a1 <= 2p within pq_fp_sop2's bound) */
void pq_fp2_mul(pq_fp2 *r, const pq_fp2 *a, const pq_fp2 *b);
/* r = a^2: c0 = (a0 + a1)(a0 - a1), c1 = (2 a0) a1 (two products) */
void pq_fp2_sqr(pq_fp2 *r, const pq_fp2 *a);
/* r = a*b with b in Fp (two products) */
void pq_fp2_mul_fp(pq_fp2 *r, const pq_fp2 *a, const pq_fp *b);
/* r = a*xi, xi = 9 + u (the non-residue of Fp6): (9 a0 - a1) + (a0 + 9 a1) u, as
 * 9 a0 + (2p - a1) and 9 a1 + a0, each reduced once (pq_fp_mul9_add) */
static inline void pq_fp2_mul_xi(pq_fp2 *r, const pq_fp2 *a) {
  pq_fp n1, t0;
  pq_fp_neg_2p(&n1, &a->c1); /* in [0, 2p] */
  pq_fp_mul9_add(&t0, &a->c0, &n1);
  pq_fp_mul9_add(&r->c1, &a->c1, &a->c0);
  r->c0 = t0;
}
/* r = a^-1 = conj(a) / (a0^2 + a1^2); 0 for a = 0 */
void pq_fp2_inv(pq_fp2 *r, const pq_fp2 *a);
/* r = a^e, e plain (public), nwords 64-bit words little-endian */
void pq_fp2_pow(pq_fp2 *r, const pq_fp2 *a, const uint64_t *e, unsigned nwords);
/* r = each coordinate's canonical representative (< p) */
void pq_fp2_canon(pq_fp2 *r, const pq_fp2 *a);
int pq_fp2_is_zero(const pq_fp2 *a);
int pq_fp2_equal(const pq_fp2 *a, const pq_fp2 *b);
void pq_fp2_select(pq_fp2 *r, const pq_fp2 *a, const pq_fp2 *b, int c);
/* 0, 1 in Montgomery form */
void pq_fp2_zero(pq_fp2 *r);
void pq_fp2_one(pq_fp2 *r);

#endif
