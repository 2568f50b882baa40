/* The BN254 field element types, alone so that a target kernel header (shared/pq_target.h) can
 * declare its replacements whichever kernel interface is included first. */
#ifndef PQ_BN254_TYPES_H
#define PQ_BN254_TYPES_H
#include <stdint.h>

/* An element of Fp, p = BN254's base prime (< 2^254): 4 little-endian 64-bit words holding
 * a*R mod p (Montgomery form, R = 2^256 in every build), kept in [0, 2p) between operations
 * (lazy reduction) and canonical in [0, p) only where fp.h says so. */
typedef struct {
  uint64_t v[4];
} pq_fp;

/* Fp2 = Fp[u]/(u^2 + 1): c0 + c1*u */
typedef struct {
  pq_fp c0, c1;
} pq_fp2;

#endif
