/* ML-DSA parameter sets (FIPS 204, Table 1 and Table 2). */
#ifndef PQ_MLDSA_PARAMS_H
#define PQ_MLDSA_PARAMS_H
#include <stdint.h>

#define PQ_MLDSA_D 13
#define PQ_MLDSA_SEEDBYTES 32
#define PQ_MLDSA_CRHBYTES 64
#define PQ_MLDSA_TRBYTES 64
#define PQ_MLDSA_RNDBYTES 32
#define PQ_MLDSA_MUBYTES 64
#define PQ_MLDSA_KMAX 8
#define PQ_MLDSA_LMAX 7

typedef struct {
  unsigned level; /* 2, 3, 5 = ML-DSA-44, -65, -87 */
  unsigned k, l;
  int32_t eta;
  unsigned tau;
  int32_t beta;
  int32_t gamma1;
  int32_t gamma2;
  unsigned omega;
  unsigned ctildebytes; /* lambda / 4 */
  /* encodings */
  unsigned polyeta_bytes, polyz_bytes, polyw1_bytes;
  unsigned pk_bytes, sk_bytes, sig_bytes;
} pq_mldsa_params;

/* Parameters for level 44, 65 or 87 (the ML-DSA name); NULL for anything else. */
const pq_mldsa_params *pq_mldsa_params_get(unsigned name);

#endif
