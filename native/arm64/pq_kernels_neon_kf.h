/* AArch64 NEON kernels for Keccak-f[1600] and Falcon (included by
 * pq_kernels_neon.h when PQ_TARGET_ARM64_NEON is set). Each #define replaces one
 * portable kernel of native/common/<family>/kernels_<family>.h; every kernel keeps the bounds
 * stated there and gives the reference's values exactly (native/test checks it
 * under qemu-aarch64, test_keccak_falcon_neon.c in particular).
 *
 * Keccak (native/arm64/keccak_neon.c): x2 and x4 in uint64x2_t lanes. Built with
 * -march=armv8.2-a+sha3 (__ARM_FEATURE_SHA3) the rounds use EOR3, RAX1, XAR and
 * BCAX; otherwise plain NEON (EOR, SHL + SRI rotations, BIC). x1 stays the
 * portable C: a single state fills only half of every vector, and one-state
 * SHA3-extension code is slower than scalar code on some cores (numbers in
 * keccak_neon.c). x4 costs two x2 calls, so PQ_KECCAK_X4_FOR_TWO stays 0.
 *
 * Falcon (native/arm64/falcon_neon.c): NTT / inverse NTT (logn 9 and 10, other
 * sizes fall back to the reference), pointwise Montgomery product and the
 * hash-to-point sampler in int16x8_t / uint16x8_t lanes. */
#ifndef PQ_KERNELS_NEON_KF_H
#define PQ_KERNELS_NEON_KF_H
#include <stdint.h>

void pq_neon_keccakf1600_x2(uint64_t s[50]);
void pq_neon_keccakf1600_x4(uint64_t s[100]);
void pq_neon_falcon_ntt(int16_t *a, unsigned logn);
void pq_neon_falcon_invntt_tomont(int16_t *a, unsigned logn);
void pq_neon_falcon_pointwise(int16_t *c, const int16_t *a, const int16_t *b, unsigned n);
unsigned pq_neon_falcon_sample(uint16_t *c, unsigned len, const uint8_t *buf, unsigned buflen);

/* 1 in the -sha3 build: lets tests and benchmarks report which Keccak path is in */
#ifdef __ARM_FEATURE_SHA3
#define PQ_NEON_KECCAK_SHA3 1
#else
#define PQ_NEON_KECCAK_SHA3 0
#endif

#define pq_keccakf1600_x2 pq_neon_keccakf1600_x2
#define pq_keccakf1600_x4 pq_neon_keccakf1600_x4
#define pq_falcon_ntt pq_neon_falcon_ntt
#define pq_falcon_invntt_tomont pq_neon_falcon_invntt_tomont
#define pq_falcon_pointwise pq_neon_falcon_pointwise
#define pq_falcon_sample pq_neon_falcon_sample

#endif
