/* ML-DSA kernel interface: the hot loops of ML-DSA a target may replace.
 *
 * The portable C versions (pq_ref_*, in kernels_mldsa_ref.c) are the reference
 * and the fallback; a target header (see shared/pq_target.h) may #define any of
 *   pq_ntt, pq_invntt_tomont, pq_poly_pointwise, pq_poly_pointwise_acc,
 *   pq_rej_uniform, pq_rej_eta, pq_poly_decompose, pq_poly_use_hint,
 *   pq_poly_chknorm, and PQ_NTT_EXACT
 * before the defaults below. Every replacement must give results identical to
 * the reference for all inputs inside the stated bounds (tests in native/test/
 * check this), with one exception: where the target sets PQ_NTT_EXACT to 0,
 * pq_ntt and pq_invntt_tomont may return other representatives (congruent mod
 * q, same factors, within the same output bounds) than pq_ref_ntt and
 * pq_ref_invntt_tomont. Nothing in the scheme depends on the representative.
 *
 * Bounds are stated for every kernel so lazy reduction is safe by construction.
 * q = 8380417, N = 256. Polynomials are int32 arrays of 256 coefficients. */
#ifndef PQ_KERNELS_MLDSA_H
#define PQ_KERNELS_MLDSA_H
#include <stddef.h>
#include <stdint.h>

#define PQ_MLDSA_N 256
#define PQ_MLDSA_Q 8380417

typedef struct {
  _Alignas(32) int32_t coeffs[PQ_MLDSA_N];
} pq_poly;

/* ---- portable reference kernels ---------------------------------------- */

/* Forward NTT, output in bit-reversed order.
 * in: |a_i| < q.  out: |a_i| < 9q. A replacement with PQ_NTT_EXACT 0 returns
 * values congruent mod q to these, not necessarily the same ones. */
void pq_ref_ntt(int32_t a[PQ_MLDSA_N]);
/* Inverse NTT, multiplied by the Montgomery factor 2^32.
 * in: |a_i| < q.  out: |a_i| < q. (Same PQ_NTT_EXACT 0 exception as pq_ntt.) */
void pq_ref_invntt_tomont(int32_t a[PQ_MLDSA_N]);
/* c_i = a_i * b_i * 2^-32 mod± q.  in: |a_i * b_i| < 2^31 q.  out: |c_i| < q. */
void pq_ref_poly_pointwise(int32_t c[PQ_MLDSA_N], const int32_t a[PQ_MLDSA_N],
                           const int32_t b[PQ_MLDSA_N]);
/* c_i = (sum_k a[k]_i * b[k]_i) * 2^-32 mod± q with ONE Montgomery reduction per
 * coefficient (64-bit accumulation).  in: sum_k |a[k]_i * b[k]_i| < 2^31 q.
 * out: |c_i| < q. n <= 16. */
void pq_ref_poly_pointwise_acc(int32_t c[PQ_MLDSA_N], const int32_t *const *a,
                               const int32_t *const *b, unsigned n);
/* Uniform rejection sampling mod q from 3-byte little-endian 23-bit candidates.
 * Writes at most len coefficients in [0, q); returns how many were written.
 * buflen is a multiple of 3. Only for public seeds (matrix A). */
unsigned pq_ref_rej_uniform(int32_t *a, unsigned len, const uint8_t *buf, unsigned buflen);
/* Bounded rejection sampling from half-bytes: coefficients in [-eta, eta],
 * eta in {2, 4}. Returns how many were written (at most len). The accepted
 * values never index memory; which nibbles are rejected is independent of the
 * accepted values. */
unsigned pq_ref_rej_eta(int32_t *a, unsigned len, const uint8_t *buf, unsigned buflen,
                        unsigned eta);
/* Decompose (FIPS 204 Alg. 36) for a in [0, q): a = a1*2*gamma2 + a0 with
 * a0 in (-gamma2, gamma2] (the a1 == (q-1)/(2 gamma2) wrap applied).
 * gamma2 in {(q-1)/88, (q-1)/32}. Constant time. */
void pq_ref_poly_decompose(int32_t a1[PQ_MLDSA_N], int32_t a0[PQ_MLDSA_N],
                           const int32_t a[PQ_MLDSA_N], int32_t gamma2);
/* UseHint (FIPS 204 Alg. 40): a in [0, q), h_i in {0, 1}. Public data only. */
void pq_ref_poly_use_hint(int32_t b[PQ_MLDSA_N], const int32_t a[PQ_MLDSA_N],
                          const int32_t h[PQ_MLDSA_N], int32_t gamma2);
/* Infinity-norm check, constant time: returns 1 if some |a_i| >= bound, else 0.
 * in: |a_i| <= (q-1)/2 (reduced), bound <= (q-1)/8. */
int pq_ref_poly_chknorm(const int32_t a[PQ_MLDSA_N], int32_t bound);

/* ---- target selection ---------------------------------------------------- */
#include "shared/pq_target.h"

/* PQ_NTT_EXACT: 1 when pq_ntt / pq_invntt_tomont return exactly the reference's
 * values; a target whose transforms return other representatives sets it to 0. */
#ifndef PQ_NTT_EXACT
#define PQ_NTT_EXACT 1
#endif
#ifndef pq_ntt
#define pq_ntt pq_ref_ntt
#endif
#ifndef pq_invntt_tomont
#define pq_invntt_tomont pq_ref_invntt_tomont
#endif
#ifndef pq_poly_pointwise
#define pq_poly_pointwise pq_ref_poly_pointwise
#endif
#ifndef pq_poly_pointwise_acc
#define pq_poly_pointwise_acc pq_ref_poly_pointwise_acc
#endif
#ifndef pq_rej_uniform
#define pq_rej_uniform pq_ref_rej_uniform
#endif
#ifndef pq_rej_eta
#define pq_rej_eta pq_ref_rej_eta
#endif
#ifndef pq_poly_decompose
#define pq_poly_decompose pq_ref_poly_decompose
#endif
#ifndef pq_poly_use_hint
#define pq_poly_use_hint pq_ref_poly_use_hint
#endif
#ifndef pq_poly_chknorm
#define pq_poly_chknorm pq_ref_poly_chknorm
#endif

/* Scalar arithmetic shared by kernels and scheme code. */
static inline int32_t pq_montgomery_reduce(int64_t a) {
  /* t = a * q^-1 mod 2^32 (as signed), r = (a - t q) / 2^32; |r| < |a|/2^32 + q/2 */
  int32_t t = (int32_t)((uint32_t)(uint64_t)a * 58728449u);
  return (int32_t)((a - (int64_t)t * PQ_MLDSA_Q) >> 32);
}
/* |a| <= 2^31 - 2^22 - 1  ->  r = a mod± q with -6283008 <= r <= 6283008 */
static inline int32_t pq_reduce32(int32_t a) {
  int32_t t = (a + (1 << 22)) >> 23;
  return a - t * PQ_MLDSA_Q;
}
/* Adds q when a is negative (constant time). */
static inline int32_t pq_caddq(int32_t a) { return a + ((a >> 31) & PQ_MLDSA_Q); }
static inline int32_t pq_freeze(int32_t a) { return pq_caddq(pq_reduce32(a)); }

#endif
