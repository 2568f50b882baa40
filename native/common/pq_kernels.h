/* The kernel interface: the hot loops every target may replace.
 *
 * The portable C versions (pq_ref_*, in kernels_ref.c) are the reference and
 * the fallback. A target header (selected by PQ_TARGET_*) may #define any
 * pq_<kernel> name to its own implementation before the defaults below; every
 * replacement must give results identical to the reference for all inputs
 * inside the stated bounds (tests in native/test/ check this), with one
 * exception: where the target sets PQ_NTT_EXACT to 0, pq_ntt and
 * pq_invntt_tomont may return other representatives (congruent mod q, same
 * factors, within the same output bounds) than pq_ref_ntt and
 * pq_ref_invntt_tomont. Nothing in the scheme depends on the representative.
 *
 * Bounds are stated for every kernel so lazy reduction is safe by construction.
 * q = 8380417, N = 256. Polynomials are int32 arrays of 256 coefficients.
 */
#ifndef PQ_KERNELS_H
#define PQ_KERNELS_H
#include <stddef.h>
#include <stdint.h>

#define PQ_N 256
#define PQ_Q 8380417

typedef struct {
  _Alignas(32) int32_t coeffs[PQ_N];
} pq_poly;

/* ---- portable reference kernels ---------------------------------------- */

/* Forward NTT, output in bit-reversed order.
 * in: |a_i| < q.  out: |a_i| < 9q. A replacement with PQ_NTT_EXACT 0 returns
 * values congruent mod q to these, not necessarily the same ones. */
void pq_ref_ntt(int32_t a[PQ_N]);
/* Inverse NTT, multiplied by the Montgomery factor 2^32.
 * in: |a_i| < q.  out: |a_i| < q. (Same PQ_NTT_EXACT 0 exception as pq_ntt.) */
void pq_ref_invntt_tomont(int32_t a[PQ_N]);
/* c_i = a_i * b_i * 2^-32 mod± q.  in: |a_i * b_i| < 2^31 q.  out: |c_i| < q. */
void pq_ref_poly_pointwise(int32_t c[PQ_N], const int32_t a[PQ_N], const int32_t b[PQ_N]);
/* c_i = (sum_k a[k]_i * b[k]_i) * 2^-32 mod± q with ONE Montgomery reduction per
 * coefficient (64-bit accumulation).  in: sum_k |a[k]_i * b[k]_i| < 2^31 q.
 * out: |c_i| < q. n <= 16. */
void pq_ref_poly_pointwise_acc(int32_t c[PQ_N], const int32_t *const *a,
                               const int32_t *const *b, unsigned n);
/* Keccak-f[1600] on 1, 2 or 4 states. x2/x4 states are lane-interleaved:
 * lane i of instance k is s[2*i+k] (x2) or s[4*i+k] (x4). */
void pq_ref_keccakf1600_x1(uint64_t s[25]);
void pq_ref_keccakf1600_x2(uint64_t s[50]);
void pq_ref_keccakf1600_x4(uint64_t s[100]);
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
void pq_ref_poly_decompose(int32_t a1[PQ_N], int32_t a0[PQ_N], const int32_t a[PQ_N],
                           int32_t gamma2);
/* UseHint (FIPS 204 Alg. 40): a in [0, q), h_i in {0, 1}. Public data only. */
void pq_ref_poly_use_hint(int32_t b[PQ_N], const int32_t a[PQ_N], const int32_t h[PQ_N],
                          int32_t gamma2);
/* Infinity-norm check, constant time: returns 1 if some |a_i| >= bound, else 0.
 * in: |a_i| <= (q-1)/2 (reduced), bound <= (q-1)/8. */
int pq_ref_poly_chknorm(const int32_t a[PQ_N], int32_t bound);

/* ---- Falcon (q = 12289, 16-bit lanes) ------------------------------------- */

#define PQ_FALCON_Q 12289

/* Forward negacyclic NTT of n = 2^logn (logn in {9, 10}) coefficients, output
 * in bit-reversed order.  in: |a_i| < q.  out: |a_i| <= (q-1)/2. */
void pq_ref_falcon_ntt(int16_t *a, unsigned logn);
/* Inverse NTT, multiplied by the Montgomery factor 2^16.
 * in: |a_i| <= (q-1)/2.  out: |a_i| <= (q-1)/2. */
void pq_ref_falcon_invntt_tomont(int16_t *a, unsigned logn);
/* c_i = a_i * b_i * 2^-16 mod± q.  in: |a_i|, |b_i| < q.  out: |c_i| < q. */
void pq_ref_falcon_pointwise(int16_t *c, const int16_t *a, const int16_t *b, unsigned n);
/* Hash-to-point sampling from SHAKE256 output: reads 16-bit big-endian
 * samples w from buf, keeps w < 61445 as w mod q. Writes at most len values in
 * [0, q); returns how many. buflen is even. */
unsigned pq_ref_falcon_sample(uint16_t *c, unsigned len, const uint8_t *buf, unsigned buflen);

/* ---- target selection ---------------------------------------------------- */
#if defined(PQ_TARGET_WASM_SIMD)
#include "../wasm-simd/pq_kernels_wasm_simd.h"
#elif defined(PQ_TARGET_X86_AVX2)
#include "../x86_64/pq_kernels_avx2.h"
#elif defined(PQ_TARGET_ARM64_NEON)
#include "../arm64/pq_kernels_neon.h"
#endif

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
#ifndef pq_keccakf1600_x1
#define pq_keccakf1600_x1 pq_ref_keccakf1600_x1
#endif
#ifndef pq_keccakf1600_x2
#define pq_keccakf1600_x2 pq_ref_keccakf1600_x2
#endif
#ifndef pq_keccakf1600_x4
#define pq_keccakf1600_x4 pq_ref_keccakf1600_x4
#endif
/* PQ_KECCAK_X4_FOR_TWO: a target sets it to 1 when one x4 call costs no more than
 * one x2 call (AVX2: 256-bit lanes), so the samplers run 2 or 3 leftover
 * polynomials through the 4-way kernel with the spare lanes repeating lane 0. */
#ifndef PQ_KECCAK_X4_FOR_TWO
#define PQ_KECCAK_X4_FOR_TWO 0
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

#ifndef pq_falcon_ntt
#define pq_falcon_ntt pq_ref_falcon_ntt
#endif
#ifndef pq_falcon_invntt_tomont
#define pq_falcon_invntt_tomont pq_ref_falcon_invntt_tomont
#endif
#ifndef pq_falcon_pointwise
#define pq_falcon_pointwise pq_ref_falcon_pointwise
#endif
#ifndef pq_falcon_sample
#define pq_falcon_sample pq_ref_falcon_sample
#endif

/* Scalar arithmetic shared by kernels and scheme code. */
static inline int32_t pq_montgomery_reduce(int64_t a) {
  /* t = a * q^-1 mod 2^32 (as signed), r = (a - t q) / 2^32; |r| < |a|/2^32 + q/2 */
  int32_t t = (int32_t)((uint32_t)(uint64_t)a * 58728449u);
  return (int32_t)((a - (int64_t)t * PQ_Q) >> 32);
}
/* |a| <= 2^31 - 2^22 - 1  ->  r = a mod± q with -6283008 <= r <= 6283008 */
static inline int32_t pq_reduce32(int32_t a) {
  int32_t t = (a + (1 << 22)) >> 23;
  return a - t * PQ_Q;
}
/* Adds q when a is negative (constant time). */
static inline int32_t pq_caddq(int32_t a) { return a + ((a >> 31) & PQ_Q); }
static inline int32_t pq_freeze(int32_t a) { return pq_caddq(pq_reduce32(a)); }

/* Falcon: Montgomery product a*b*2^-16 mod± q; |a*b| < q 2^15 -> |r| < q. */
static inline int16_t pq_falcon_fqmul(int16_t a, int16_t b) {
  const int32_t p = (int32_t)a * b;
  const int16_t t = (int16_t)(uint16_t)((uint32_t)p * (uint32_t)(uint16_t)-12287); /* p q^-1 mod 2^16 */
  return (int16_t)((p - (int32_t)t * PQ_FALCON_Q) >> 16);
}
/* Falcon: Barrett reduction of any int16 to [-(q-1)/2, (q-1)/2] (exact for
 * every int16 with the 29-bit constant; 26 bits would leave +-(q+1)/2). */
static inline int16_t pq_falcon_barrett(int16_t a) {
  const int32_t t = ((int32_t)43687 * a + (1 << 28)) >> 29;
  return (int16_t)(a - t * PQ_FALCON_Q);
}

#endif
