/* ML-DSA polynomial sampling and bit packing (FIPS 204 Sections 7.1-7.3). */
#ifndef PQ_MLDSA_POLY_H
#define PQ_MLDSA_POLY_H
#include <stdint.h>

#include "mldsa/kernels_mldsa.h"
#include "mldsa/mldsa_params.h"

/* Multi-way samplers (ways = 1, 2 or 4 independent SHAKE streams stepped
 * together with the ways-way Keccak kernel):
 *  - uniform: ExpandA entries RejNTTPoly(rho || nonce), already in the NTT domain
 *    (nonce = (row << 8) | column);
 *  - eta: RejBoundedPoly(rho' || nonce), coefficients in [-eta, eta];
 *  - gamma1: ExpandMask entries BitUnpack(H(rho'' || nonce), gamma1 - 1, gamma1). */
void pq_mldsa_poly_uniform_multi(pq_poly *const *a, const uint8_t rho[32], const uint16_t *nonce,
                                 unsigned ways);
void pq_mldsa_poly_uniform_eta_multi(pq_poly *const *a, const uint8_t rhoprime[64],
                                     const uint16_t *nonce, unsigned ways, int32_t eta);
void pq_mldsa_poly_uniform_gamma1_multi(pq_poly *const *a, const uint8_t rhopp[64],
                                        const uint16_t *nonce, unsigned ways, int32_t gamma1);
enum { PQ_SAMPLE_UNIFORM, PQ_SAMPLE_ETA, PQ_SAMPLE_GAMMA1 };
/* a[0..n-1] with nonce[0..n-1]: four at a time, then two, then one. */
unsigned pq_mldsa_sample_ways(unsigned left);
void pq_mldsa_sample_many(pq_poly *a, const uint8_t *seed, const uint16_t *nonce, unsigned n,
                          int kind, int32_t param);
/* SampleInBall(ctilde) */
void pq_mldsa_poly_challenge(pq_poly *c, const uint8_t *ctilde, unsigned ctildebytes,
                             unsigned tau);

void pq_mldsa_polyt1_pack(uint8_t *r, const pq_poly *a);
void pq_mldsa_polyt1_unpack(pq_poly *r, const uint8_t *a);
void pq_mldsa_polyt0_pack(uint8_t *r, const pq_poly *a);
void pq_mldsa_polyt0_unpack(pq_poly *r, const uint8_t *a);
void pq_mldsa_polyeta_pack(uint8_t *r, const pq_poly *a, int32_t eta);
/* Returns nonzero if some encoded value is out of range (> 2 eta). */
int pq_mldsa_polyeta_unpack(pq_poly *r, const uint8_t *a, int32_t eta);
void pq_mldsa_polyz_pack(uint8_t *r, const pq_poly *a, int32_t gamma1);
void pq_mldsa_polyz_unpack(pq_poly *r, const uint8_t *a, int32_t gamma1);
void pq_mldsa_polyw1_pack(uint8_t *r, const pq_poly *a, int32_t gamma2);

#endif
