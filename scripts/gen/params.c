/* Prints the sizes of every parameter set as JSON, from the C core's own
 * definitions (scripts/gen-binding.mjs turns this into ts/src/gen/params.ts). */
#include <stdio.h>

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
  printf("  }\n}\n");
  return 0;
}
