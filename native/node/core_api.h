/* The C core functions the addon calls, as an X-macro: the core is compiled
 * once per ISA (x64: portable, avx2, avx512; arm64: portable, neon, neon_sha3)
 * with every exported symbol renamed to <isa>_<name> (scripts/build-addon.sh),
 * and pq_core tables below let the addon pick one ISA per call without any
 * global mutable state. */
#ifndef PQ_NODE_CORE_API_H
#define PQ_NODE_CORE_API_H
#include <stddef.h>
#include <stdint.h>

#include "falcon/falcon.h"
#include "mldsa/mldsa.h"
#include "shared/fips202.h"
#include "shared/pq_bench.h"

#define PQ_CORE_FUNCTIONS(X)                                                                      \
  X(int, pq_mldsa_keygen, (unsigned, const uint8_t *, uint8_t *, uint8_t *))                     \
  X(int, pq_mldsa_sign_mu, (unsigned, const uint8_t *, const uint8_t *, const uint8_t *, uint8_t *)) \
  X(int, pq_mldsa_verify_mu, (unsigned, const uint8_t *, size_t, const uint8_t *, const uint8_t *, size_t)) \
  X(void, pq_mldsa_pk_tr, (const uint8_t *, size_t, uint8_t *))                                  \
  X(void, pq_mldsa_mu_init, (pq_keccak_state *, const uint8_t *))                                \
  X(void, pq_mldsa_mu_absorb_prefix, (pq_keccak_state *, int, const uint8_t *, size_t))          \
  X(void, pq_mldsa_mu_final, (pq_keccak_state *, uint8_t *))                                     \
  X(void, pq_keccak_absorb, (pq_keccak_state *, const uint8_t *, size_t))                        \
  X(size_t, pq_prehash_init, (pq_prehash_ctx *, unsigned))                                       \
  X(void, pq_prehash_update, (pq_prehash_ctx *, unsigned, const uint8_t *, size_t))              \
  X(void, pq_prehash_final, (pq_prehash_ctx *, unsigned, uint8_t *))                             \
  X(int, pq_mldsa_mu_absorb_prehash, (pq_keccak_state *, unsigned, const uint8_t *))             \
  X(size_t, pq_mldsa_prepared_bytes, (unsigned))                                                 \
  X(int, pq_mldsa_prepare, (unsigned, const uint8_t *, size_t, uint8_t *))                       \
  X(int, pq_mldsa_verify_prepared, (unsigned, const uint8_t *, const uint8_t *, const uint8_t *, size_t)) \
  X(int, pq_falcon_verify_start, (pq_keccak_state *, const uint8_t *, size_t))                   \
  X(int, pq_falcon_verify_finish, (unsigned, const uint8_t *, size_t, const uint8_t *, size_t, pq_keccak_state *)) \
  X(int, pq_falcon_det_verify_start, (pq_keccak_state *, const uint8_t *, size_t))               \
  X(int, pq_falcon_det_verify_finish, (const uint8_t *, size_t, const uint8_t *, size_t, pq_keccak_state *)) \
  X(int, pq_falcon_prepare, (unsigned, const uint8_t *, size_t, uint8_t *))                      \
  X(int, pq_falcon_verify_prepared_finish, (unsigned, const uint8_t *, const uint8_t *, size_t, pq_keccak_state *)) \
  X(int, pq_falcon_det_verify_prepared_finish, (const uint8_t *, const uint8_t *, size_t, pq_keccak_state *)) \
  X(int32_t, pq_bench_kernel, (uint32_t, uint32_t))

typedef struct {
  const char *isa;
#define PQ_FIELD(ret, name, args) ret(*name) args;
  PQ_CORE_FUNCTIONS(PQ_FIELD)
#undef PQ_FIELD
} pq_core;

#endif
