/* ML-DSA polynomial sampling and bit packing (FIPS 204 Sections 7.1-7.3). */
#ifndef PQ_MLDSA_POLY_H
#define PQ_MLDSA_POLY_H
#include <stdint.h>

#include "mldsa_params.h"
#include "pq_kernels.h"

/* ExpandA entry A[r][s] = RejNTTPoly(rho || s || r), already in the NTT domain. */
void pq_mldsa_poly_uniform(pq_poly *a, const uint8_t rho[32], uint16_t nonce);
/* Four entries at once with the 4-way Keccak kernel. */
void pq_mldsa_poly_uniform_x4(pq_poly *a0, pq_poly *a1, pq_poly *a2, pq_poly *a3,
                              const uint8_t rho[32], uint16_t n0, uint16_t n1, uint16_t n2,
                              uint16_t n3);
/* RejBoundedPoly(rho' || nonce) with coefficients in [-eta, eta]. */
void pq_mldsa_poly_uniform_eta(pq_poly *a, const uint8_t rhoprime[64], uint16_t nonce,
                               int32_t eta);
/* ExpandMask entry: BitUnpack(H(rho'' || nonce), gamma1 - 1, gamma1). */
void pq_mldsa_poly_uniform_gamma1(pq_poly *a, const uint8_t rhopp[64], uint16_t nonce,
                                  int32_t gamma1);
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
