/* Falcon-512/1024 signature verification (round-3 specification, and
 * Algorand's deterministic Falcon-1024). Re-entrant, no heap, no global state.
 *
 * Streaming use (messages are never copied whole):
 *   pq_falcon_verify_start(&st, sig, siglen)        (or pq_falcon_det_verify_start)
 *   pq_keccak_absorb(&st, msg_part, len) ...
 *   ok = pq_falcon_verify_finish(logn, pk, pklen, sig, siglen, &st)  (or _det_)
 * A start that returns nonzero means the signature is rejected; finish still
 * returns 0 for it, so callers may ignore start's result. */
#ifndef PQ_FALCON_H
#define PQ_FALCON_H
#include <stddef.h>
#include <stdint.h>

#include "shared/fips202.h"
#include "shared/pq_api.h"

#define PQ_FALCON_NONCE_BYTES 40
/* Sizes for logn = 9 / 10 */
#define PQ_FALCON_PK_BYTES(logn) (1 + (14u << (logn)) / 8)          /* 897 / 1793 */
#define PQ_FALCON_PADDED_BYTES(logn) ((logn) == 9 ? 666u : 1280u)
#define PQ_FALCON_CT_BYTES(logn) (41u + (3u << ((logn) - 1)))       /* 809 / 1577 */
#define PQ_FALCON_COMPRESSED_MAX(logn) \
  (41u + (((11u << (logn)) + (101u >> (10 - (logn))) + 7) >> 3))     /* 752 / 1462 */
#define PQ_FALCON_DET_CT_BYTES 1538u                                  /* 1577 - 40 + 1 */
#define PQ_FALCON_DET_COMPRESSED_MAX 1423u                            /* 1462 - 40 + 1 */

/* Round 3: absorbs the 40-byte nonce; 0 if siglen >= 41, else -1. */
PQ_API int pq_falcon_verify_start(pq_keccak_state *st, const uint8_t *sig, size_t siglen);
/* Round 3: header 0x30+logn (compressed; padded if siglen is the padded size)
 * or 0x50+logn (constant-size). Returns 1 if valid, 0 otherwise. */
PQ_API int pq_falcon_verify_finish(unsigned logn, const uint8_t *pk, size_t pklen,
                                   const uint8_t *sig, size_t siglen, pq_keccak_state *st);

/* Deterministic Falcon-1024: the salt is rebuilt from the version byte sig[1]. */
PQ_API int pq_falcon_det_verify_start(pq_keccak_state *st, const uint8_t *sig, size_t siglen);
/* Header 0xBA (compressed) or 0xDA (CT, 1538 bytes). 1 if valid, else 0. */
PQ_API int pq_falcon_det_verify_finish(const uint8_t *pk, size_t pklen, const uint8_t *sig,
                                       size_t siglen, pq_keccak_state *st);

/* Prepared public keys: NTT(h) computed once (2 << logn bytes: 1,024 / 2,048).
 * `out` must be 2-byte aligned. prepare returns 0, or -1 for a malformed key.
 * The *_prepared_finish functions replace the pk arguments of the finish calls. */
#define PQ_FALCON_PREPARED_BYTES(logn) (2u << (logn))
PQ_API int pq_falcon_prepare(unsigned logn, const uint8_t *pk, size_t pklen, uint8_t *out);
PQ_API int pq_falcon_verify_prepared_finish(unsigned logn, const uint8_t *prepared,
                                            const uint8_t *sig, size_t siglen, pq_keccak_state *st);
PQ_API int pq_falcon_det_verify_prepared_finish(const uint8_t *prepared, const uint8_t *sig,
                                                size_t siglen, pq_keccak_state *st);

/* Building blocks (exposed for tests). */
/* 14-bit public key coefficients; 0 on success (every value < q, exact length). */
int pq_falcon_decode_pk(uint16_t *h, unsigned logn, const uint8_t *in, size_t len);
/* Compressed s2 (Falcon spec 3.11.2); returns bytes consumed, 0 if malformed. */
size_t pq_falcon_comp_decode(int16_t *x, unsigned logn, const uint8_t *in, size_t len);
/* Fixed-width signed encoding (bits per value); returns bytes consumed or 0. */
size_t pq_falcon_trim_decode(int16_t *x, unsigned logn, unsigned bits, const uint8_t *in,
                             size_t len);
/* Hash-to-point from a finalized SHAKE256 state. */
void pq_falcon_hash_to_point(uint16_t *c, unsigned logn, pq_keccak_state *st);
/* 1 if s = c - s2*h (mod q) satisfies ||s||^2 + ||s2||^2 <= beta^2. */
int pq_falcon_verify_raw(const uint16_t *c, const int16_t *s2, const uint16_t *h, unsigned logn);

#endif
