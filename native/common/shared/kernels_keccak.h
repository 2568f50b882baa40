/* Keccak kernel interface: the Keccak-f[1600] permutations under FIPS 202
 * (fips202.c) and the multi-way samplers of ML-DSA.
 *
 * The portable C versions (pq_ref_*, in kernels_keccak_ref.c) are the
 * reference and the fallback; a target header (see pq_target.h) may #define
 * any of
 *   pq_keccakf1600_x1, pq_keccakf1600_x2, pq_keccakf1600_x4, and
 *   PQ_KECCAK_X4_FOR_TWO
 * before the defaults below. Every replacement gives the reference's states
 * exactly, for every input state. */
#ifndef PQ_KERNELS_KECCAK_H
#define PQ_KERNELS_KECCAK_H
#include <stdint.h>

/* ---- portable reference kernels ---------------------------------------- */

/* Keccak-f[1600] on 1, 2 or 4 states. x2/x4 states are lane-interleaved:
 * lane i of instance k is s[2*i+k] (x2) or s[4*i+k] (x4). */
void pq_ref_keccakf1600_x1(uint64_t s[25]);
void pq_ref_keccakf1600_x2(uint64_t s[50]);
void pq_ref_keccakf1600_x4(uint64_t s[100]);

/* ---- target selection ---------------------------------------------------- */
#include "shared/pq_target.h"

#ifndef pq_keccakf1600_x1
#define pq_keccakf1600_x1 pq_ref_keccakf1600_x1
#endif
#ifndef pq_keccakf1600_x2
#define pq_keccakf1600_x2 pq_ref_keccakf1600_x2
#endif
#ifndef pq_keccakf1600_x4
#define pq_keccakf1600_x4 pq_ref_keccakf1600_x4
#endif
/* PQ_KECCAK_X4_FOR_TWO: a target sets it to 1 when one x4 call costs no more than
 * one x2 call (AVX2: 256-bit lanes), so the samplers run 2 or 3 leftover
 * polynomials through the 4-way kernel with the spare lanes repeating lane 0. */
#ifndef PQ_KECCAK_X4_FOR_TWO
#define PQ_KECCAK_X4_FOR_TWO 0
#endif

#endif
