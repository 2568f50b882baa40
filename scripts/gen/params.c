/* Prints the sizes of every parameter set as JSON, from the C core's own
 * definitions (scripts/gen-binding.mjs turns this into ts/src/gen/params.ts). */
#include <stdio.h>

#include "bn254/bn254.h"
#include "falcon/falcon.h"
#include "mldsa/mldsa.h"

int main(void) {
  printf("{\n  \"mldsa\": {\n");
  const unsigned names[3] = {44, 65, 87};
  for (int i = 0; i < 3; i++) {
    const pq_mldsa_params *P = pq_mldsa_params_get(names[i]);
    printf("    \"%u\": { \"publicKey\": %u, \"secretKey\": %u, \"signature\": %u, \"seed\": %u, "
           "\"prepared\": %zu }%s\n",
           names[i], P->pk_bytes, P->sk_bytes, P->sig_bytes, PQ_MLDSA_SEEDBYTES,
           pq_mldsa_prepared_bytes(names[i]), i < 2 ? "," : "");
  }
  printf("  },\n  \"falcon\": {\n");
  for (unsigned logn = 9; logn <= 10; logn++)
    printf("    \"%u\": { \"publicKey\": %u, \"signature\": %u, \"signatureMax\": %u, "
           "\"signatureCt\": %u, \"prepared\": %u },\n",
           1u << logn, PQ_FALCON_PK_BYTES(logn), PQ_FALCON_PADDED_BYTES(logn),
           PQ_FALCON_COMPRESSED_MAX(logn), PQ_FALCON_CT_BYTES(logn), PQ_FALCON_PREPARED_BYTES(logn));
  printf("    \"det1024\": { \"publicKey\": %u, \"signature\": %u, \"signatureMax\": %u, "
         "\"signatureCt\": %u, \"prepared\": %u }\n",
         PQ_FALCON_PK_BYTES(10), PQ_FALCON_DET_CT_BYTES, PQ_FALCON_DET_COMPRESSED_MAX,
         PQ_FALCON_DET_CT_BYTES, PQ_FALCON_PREPARED_BYTES(10));
  printf("  },\n  \"bn254\": {\n");
  /* Groth16: a prepared key for n public inputs is preparedBase + n * preparedPerInput bytes */
  const uint32_t base = pq_bn254_groth16_prepared_bytes(0);
  printf("    \"g1\": 64, \"g2\": 128, \"ecAddOut\": 64, \"ecMulOut\": 64, \"ecPairingOut\": 32, "
         "\"pairingPair\": 192,\n");
  printf("    \"vkBase\": %u, \"vkPerInput\": 64, \"proof\": %u, \"coefficient\": 16,\n",
         PQ_BN254_G16_VK_BYTES(0), PQ_BN254_G16_PROOF_BYTES);
  printf("    \"preparedBase\": %u, \"preparedPerInput\": %u, \"maxPublic\": %u\n", base,
         pq_bn254_groth16_prepared_bytes(1) - base, PQ_BN254_G16_MAX_PUBLIC);
  printf("  }\n}\n");
  return 0;
}
