/* HashML-DSA pre-hash functions and their OIDs (FIPS 204 Section 5.4). */
#include "mldsa/mldsa.h"
#include "shared/fips202.h"
#include "shared/pq_util.h"
#include "shared/sha2.h"

/* DER of the hash OIDs: 06 09 2.16.840.1.101.3.4.2.<arc> */
static const uint8_t oid_arc[PQ_PH_COUNT] = {
    0x04, 0x01, 0x02, 0x03, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0C};
static const uint8_t digest_len[PQ_PH_COUNT] = {28, 32, 48, 64, 28, 32, 28, 32, 48, 64, 32, 64};

size_t pq_prehash_init(pq_prehash_ctx *c, unsigned id) {
  switch (id) {
    case PQ_PH_SHA2_224: pq_sha224_init(&c->sha256); break;
    case PQ_PH_SHA2_256: pq_sha256_init(&c->sha256); break;
    case PQ_PH_SHA2_384: pq_sha384_init(&c->sha512); break;
    case PQ_PH_SHA2_512: pq_sha512_init(&c->sha512); break;
    case PQ_PH_SHA2_512_224: pq_sha512_224_init(&c->sha512); break;
    case PQ_PH_SHA2_512_256: pq_sha512_256_init(&c->sha512); break;
    case PQ_PH_SHA3_224: pq_keccak_init(&c->keccak, PQ_SHA3_224_RATE); break;
    case PQ_PH_SHA3_256: pq_keccak_init(&c->keccak, PQ_SHA3_256_RATE); break;
    case PQ_PH_SHA3_384: pq_keccak_init(&c->keccak, PQ_SHA3_384_RATE); break;
    case PQ_PH_SHA3_512: pq_keccak_init(&c->keccak, PQ_SHA3_512_RATE); break;
    case PQ_PH_SHAKE_128: pq_shake128_init(&c->keccak); break;
    case PQ_PH_SHAKE_256: pq_shake256_init(&c->keccak); break;
    default: return 0;
  }
  return digest_len[id];
}

void pq_prehash_update(pq_prehash_ctx *c, unsigned id, const uint8_t *in, size_t len) {
  if (id <= PQ_PH_SHA2_256)
    pq_sha256_update(&c->sha256, in, len);
  else if (id <= PQ_PH_SHA2_512_256)
    pq_sha512_update(&c->sha512, in, len);
  else if (id < PQ_PH_COUNT)
    pq_keccak_absorb(&c->keccak, in, len);
}

void pq_prehash_final(pq_prehash_ctx *c, unsigned id, uint8_t *out) {
  if (id >= PQ_PH_COUNT) return;
  if (id <= PQ_PH_SHA2_256) {
    pq_sha256_final(&c->sha256, out, digest_len[id]);
  } else if (id <= PQ_PH_SHA2_512_256) {
    pq_sha512_final(&c->sha512, out, digest_len[id]);
  } else {
    pq_keccak_finalize(&c->keccak, id >= PQ_PH_SHAKE_128 ? 0x1F : 0x06);
    pq_keccak_squeeze(&c->keccak, out, digest_len[id]);
  }
  pq_wipe(c, sizeof *c);
}

int pq_mldsa_mu_absorb_prehash(pq_keccak_state *st, unsigned id, const uint8_t *digest) {
  if (id >= PQ_PH_COUNT) return -1;
  const uint8_t oid[11] = {0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, oid_arc[id]};
  pq_keccak_absorb(st, oid, sizeof oid);
  pq_keccak_absorb(st, digest, digest_len[id]);
  return 0;
}
