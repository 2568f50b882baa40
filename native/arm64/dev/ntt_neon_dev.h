/* Test-only forms of the NEON ML-DSA transforms (ntt_neon_intrin.c,
 * ntt_neon_clean.S, invntt_neon_clean.S in this folder), checked against the
 * shipped SLOTHY-scheduled pq_neon_ntt / pq_neon_invntt_tomont by
 * native/test/test_mldsa_neon.c. Same bounds and outputs as those. */
#ifndef PQ_NTT_NEON_DEV_H
#define PQ_NTT_NEON_DEV_H
#include <stdint.h>

/* intrinsics */
void pq_neon_ntt_intrin(int32_t a[256]);
void pq_neon_invntt_intrin(int32_t a[256]);
/* the hand-written assembly SLOTHY schedules */
void pq_neon_ntt_clean(int32_t a[256]);
void pq_neon_invntt_clean(int32_t a[256]);

#endif
