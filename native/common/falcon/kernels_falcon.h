/* Falcon kernel interface (q = 12289, 16-bit lanes): the hot loops of Falcon
 * verification a target may replace.
 *
 * The portable C versions (pq_ref_*, in kernels_falcon_ref.c) are the
 * reference and the fallback; a target header (see shared/pq_target.h) may #define
 * any of
 *   pq_falcon_ntt, pq_falcon_invntt_tomont, pq_falcon_pointwise,
 *   pq_falcon_sample
 * before the defaults below. Every replacement must give results identical to
 * the reference for all inputs inside the stated bounds (tests in native/test/
 * check this). */
#ifndef PQ_KERNELS_FALCON_H
#define PQ_KERNELS_FALCON_H
#include <stdint.h>

#define PQ_FALCON_Q 12289

/* ---- portable reference kernels ---------------------------------------- */

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
#include "shared/pq_target.h"

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

/* Montgomery product a*b*2^-16 mod± q; |a*b| < q 2^15 -> |r| < q. */
static inline int16_t pq_falcon_fqmul(int16_t a, int16_t b) {
  const int32_t p = (int32_t)a * b;
  const int16_t t = (int16_t)(uint16_t)((uint32_t)p * (uint32_t)(uint16_t)-12287); /* p q^-1 mod 2^16 */
  return (int16_t)((p - (int32_t)t * PQ_FALCON_Q) >> 16);
}
/* Barrett reduction of any int16 to [-(q-1)/2, (q-1)/2] (exact for every int16
 * with the 29-bit constant; 26 bits would leave +-(q+1)/2). */
static inline int16_t pq_falcon_barrett(int16_t a) {
  const int32_t t = ((int32_t)43687 * a + (1 << 28)) >> 29;
  return (int16_t)(a - t * PQ_FALCON_Q);
}

#endif
