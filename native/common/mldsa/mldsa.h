/* ML-DSA (FIPS 204) entry points. All functions are re-entrant: no global
 * mutable state; every buffer is the caller's. Parameter set by name: 44, 65, 87.
 *
 * Message handling is streaming: the caller computes mu = H(tr || M', 64) with
 * pq_mldsa_mu_* (tr from the secret key when signing, tr = H(pk) when verifying),
 * so a message is never copied whole. */
#ifndef PQ_MLDSA_H
#define PQ_MLDSA_H
#include <stddef.h>
#include <stdint.h>

#include "mldsa/mldsa_params.h"
#include "shared/fips202.h"
#include "shared/pq_api.h"
#include "shared/sha2.h"

/* Return codes */
#define PQ_OK 0
#define PQ_ERR_PARAMS -1     /* unknown parameter set */
#define PQ_ERR_SECRET_KEY -2 /* secret key encoding out of range */
#define PQ_ERR_EXHAUSTED -3  /* signing loop ran out of nonces (never in practice) */

/* KeyGen (FIPS 204 Alg. 6) from seed xi. */
PQ_API int pq_mldsa_keygen(unsigned name, const uint8_t xi[32], uint8_t *pk, uint8_t *sk);

/* Checks the ranges of a secret key's s1, s2 (|coef| <= eta). 0 = ok. */
PQ_API int pq_mldsa_sk_check(unsigned name, const uint8_t *sk);

/* Sign_internal (FIPS 204 Alg. 7) given mu; rnd = 32 bytes (zeros: deterministic). */
PQ_API int pq_mldsa_sign_mu(unsigned name, const uint8_t *sk, const uint8_t mu[64],
                     const uint8_t rnd[32], uint8_t *sig);

/* Verify_internal (FIPS 204 Alg. 8) given mu. Returns 1 if valid, 0 otherwise;
 * any length or encoding problem is simply 0. */
PQ_API int pq_mldsa_verify_mu(unsigned name, const uint8_t *pk, size_t pklen, const uint8_t mu[64],
                       const uint8_t *sig, size_t siglen);

/* Prepared public keys: tr = H(pk), the expanded matrix A and NTT(t1 2^d),
 * computed once so each verification skips ExpandA and H(pk).
 * Layout: tr (64 bytes), then (k*l + k) polynomials of 256 int32 (host order).
 * `out` must be 4-byte aligned. ML-DSA-44/65/87: 20,544 / 36,928 / 65,600 bytes. */
PQ_API size_t pq_mldsa_prepared_bytes(unsigned name);
PQ_API int pq_mldsa_prepare(unsigned name, const uint8_t *pk, size_t pklen, uint8_t *out);
/* tr of a prepared key is its first 64 bytes (for pq_mldsa_mu_init). 1 if valid. */
PQ_API int pq_mldsa_verify_prepared(unsigned name, const uint8_t *prepared, const uint8_t mu[64],
                                    const uint8_t *sig, size_t siglen);

/* tr = H(pk, 64) */
PQ_API void pq_mldsa_pk_tr(const uint8_t *pk, size_t pklen, uint8_t tr[64]);
/* tr as stored in a secret key */
PQ_API const uint8_t *pq_mldsa_sk_tr(const uint8_t *sk);

/* mu = H(tr || M', 64), streamed: init(tr); absorb(...)*; final. */
PQ_API void pq_mldsa_mu_init(pq_keccak_state *st, const uint8_t tr[64]);
/* Absorbs the pure-ML-DSA prefix of M' = 0 || |ctx| || ctx (ctxlen <= 255). */
PQ_API void pq_mldsa_mu_absorb_prefix(pq_keccak_state *st, int prehash, const uint8_t *ctx,
                               size_t ctxlen);
PQ_API void pq_mldsa_mu_final(pq_keccak_state *st, uint8_t mu[64]);

/* HashML-DSA pre-hash functions, ids in ACVP order. */
enum {
  PQ_PH_SHA2_224 = 0,
  PQ_PH_SHA2_256,
  PQ_PH_SHA2_384,
  PQ_PH_SHA2_512,
  PQ_PH_SHA2_512_224,
  PQ_PH_SHA2_512_256,
  PQ_PH_SHA3_224,
  PQ_PH_SHA3_256,
  PQ_PH_SHA3_384,
  PQ_PH_SHA3_512,
  PQ_PH_SHAKE_128,
  PQ_PH_SHAKE_256,
  PQ_PH_COUNT
};

/* A streaming hash for any pre-hash id. */
typedef union {
  pq_keccak_state keccak;
  pq_sha256_ctx sha256;
  pq_sha512_ctx sha512;
} pq_prehash_ctx;

/* Returns the digest length, or 0 for an unknown id. */
PQ_API size_t pq_prehash_init(pq_prehash_ctx *c, unsigned id);
PQ_API void pq_prehash_update(pq_prehash_ctx *c, unsigned id, const uint8_t *in, size_t len);
PQ_API void pq_prehash_final(pq_prehash_ctx *c, unsigned id, uint8_t *out);
/* Absorbs OID(id) || digest: the tail of M' for HashML-DSA. 0 on success. */
PQ_API int pq_mldsa_mu_absorb_prehash(pq_keccak_state *st, unsigned id, const uint8_t *digest);

#endif
