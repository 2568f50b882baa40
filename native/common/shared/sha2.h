/*
 * sha2.h - SHA-2 family (FIPS 180-4) in portable, freestanding C11.
 *
 * SHA-224 / SHA-256 share pq_sha256_ctx; SHA-384, SHA-512, SHA-512/224 and
 * SHA-512/256 share pq_sha512_ctx. Used for HashML-DSA pre-hashing.
 *
 * Depends only on <stdint.h> and <stddef.h>; no libc calls, no global
 * mutable state. Messages up to 2^64-1 bytes are supported.
 */
#ifndef PQ_SHA2_H
#define PQ_SHA2_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define PQ_SHA224_DIGEST_BYTES     28
#define PQ_SHA256_DIGEST_BYTES     32
#define PQ_SHA384_DIGEST_BYTES     48
#define PQ_SHA512_DIGEST_BYTES     64
#define PQ_SHA512_224_DIGEST_BYTES 28
#define PQ_SHA512_256_DIGEST_BYTES 32

/* SHA-224 and SHA-256 */
typedef struct {
    uint32_t h[8];
    uint64_t nbytes;   /* total message bytes absorbed so far */
    uint8_t  buf[64];
    uint32_t buflen;   /* bytes pending in buf, always < 64 */
} pq_sha256_ctx;

/* SHA-384, SHA-512, SHA-512/224, SHA-512/256 */
typedef struct {
    uint64_t h[8];
    uint64_t nbytes;   /* total message bytes absorbed so far */
    uint8_t  buf[128];
    uint32_t buflen;   /* bytes pending in buf, always < 128 */
} pq_sha512_ctx;

void pq_sha224_init(pq_sha256_ctx *c);
void pq_sha256_init(pq_sha256_ctx *c);
void pq_sha256_update(pq_sha256_ctx *c, const uint8_t *in, size_t len);
/* outlen must be 28 (SHA-224) or 32 (SHA-256); at most 32 bytes are written.
 * The context is wiped afterwards and must be re-initialised before reuse. */
void pq_sha256_final(pq_sha256_ctx *c, uint8_t *out, size_t outlen);

void pq_sha384_init(pq_sha512_ctx *c);
void pq_sha512_init(pq_sha512_ctx *c);
void pq_sha512_224_init(pq_sha512_ctx *c);
void pq_sha512_256_init(pq_sha512_ctx *c);
void pq_sha512_update(pq_sha512_ctx *c, const uint8_t *in, size_t len);
/* outlen must be 28, 32, 48 or 64; at most 64 bytes are written.
 * The context is wiped afterwards and must be re-initialised before reuse. */
void pq_sha512_final(pq_sha512_ctx *c, uint8_t *out, size_t outlen);

#ifdef __cplusplus
}
#endif

#endif /* PQ_SHA2_H */
