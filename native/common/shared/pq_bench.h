/* Benchmark hooks: run a kernel many times inside one call, so the cost of
 * crossing into WASM or the addon does not hide the kernel's own speed. */
#ifndef PQ_BENCH_H
#define PQ_BENCH_H
#include <stdint.h>

#include "shared/pq_api.h"

/* Kernel ids, in the order of KERNEL_NAMES in ts/src (the benchmark's table). */
enum {
  PQ_BENCH_NTT,            /* includes a 1 KiB copy of the input */
  PQ_BENCH_INVNTT,
  PQ_BENCH_POINTWISE_ACC5, /* one row of ML-DSA-65: 5 products, one reduction */
  PQ_BENCH_KECCAK_X1,
  PQ_BENCH_KECCAK_X2,      /* one call = two permutations */
  PQ_BENCH_REJ_UNIFORM,    /* 256 coefficients from 840 bytes */
  PQ_BENCH_DECOMPOSE,
  PQ_BENCH_FALCON_NTT512,
  PQ_BENCH_FALCON_INVNTT512,
  PQ_BENCH_FALCON_HASH512, /* hash-to-point for n = 512 (incl. SHAKE256) */
  /* AEAD (pq_bench_aead_kernel). The ChaCha20 w-way ids run pq_chacha20_blocks on w blocks
   * (one w-way pass of the build's kernel) and return -1 where the build has no w-way pass
   * (PQ_CHACHA20_WAYS in aead/kernels_aead.h). */
  PQ_BENCH_AEAD_CHACHA20_X1,
  PQ_BENCH_AEAD_CHACHA20_X2,
  PQ_BENCH_AEAD_CHACHA20_X3,
  PQ_BENCH_AEAD_CHACHA20_X4,
  PQ_BENCH_AEAD_CHACHA20_X8,
  PQ_BENCH_AEAD_CHACHA20_X16,
  PQ_BENCH_AEAD_CHACHA20_4K,     /* 4 KiB (64 blocks) in one pq_chacha20_blocks call */
  PQ_BENCH_AEAD_SALSA20_4K,      /* 4 KiB through pq_salsa20_blocks */
  PQ_BENCH_AEAD_POLY1305_SCALAR, /* 4 KiB through the portable pq_ref_poly1305_blocks */
  PQ_BENCH_AEAD_POLY1305_SIMD,   /* 4 KiB through the build's kernel; -1 if it is the portable one */
  PQ_BENCH_AEAD_SEAL_4K,         /* ChaCha20-Poly1305 seal of 4 KiB (init, update, tag) */
  /* BN254 (pq_bench_bn254_kernel): the Fp kernels as dependent chains (each result feeds the next
   * call), then the curve and pairing operations on fixed points */
  PQ_BENCH_BN254_FP_MUL,         /* pq_fp_mul */
  PQ_BENCH_BN254_FP_SOP2,        /* pq_fp_sop2: a0 b0 + a1 b1 with one reduction */
  PQ_BENCH_BN254_FP_2MUL_ADD,    /* the same as two pq_fp_mul and a pq_fp_add */
  PQ_BENCH_BN254_FP2_MUL,        /* pq_fp2_mul */
  PQ_BENCH_BN254_FP12_MUL,       /* pq_fp12_mul */
  PQ_BENCH_BN254_MILLER_LOOP,    /* one pair's Miller loop */
  PQ_BENCH_BN254_FINAL_EXP,      /* the final exponentiation */
  PQ_BENCH_BN254_PAIRING,        /* one pairing (Miller loop + final exponentiation) */
  PQ_BENCH_BN254_EC_MUL,         /* the ecMul precompile (full 256-bit scalar, decode + encode) */
  PQ_BENCH_BN254_EC_PAIRING2,    /* the ecPairing precompile on 2 pairs (with the G2 checks) */
  PQ_BENCH_BN254_G16_VERIFY1,    /* Groth16 verify, 1 public input (prepared key) */
  PQ_BENCH_BN254_G16_VERIFY5,    /* Groth16 verify, 5 public inputs */
  PQ_BENCH_KERNELS
};

/* Run kernel `id` `iters` times on fixed pseudo-random data (stack scratch).
 * Return a checksum of the results (so the work cannot be optimized away), or
 * -1 for an id of another family. One function per family, so each family's
 * WASM module holds only its own kernels (entries mldsa_bench / falcon_bench). */
int32_t pq_bench_mldsa_kernel(int32_t id, uint32_t iters);  /* ML-DSA and Keccak kernels */
int32_t pq_bench_falcon_kernel(int32_t id, uint32_t iters); /* PQ_BENCH_FALCON_* */
int32_t pq_bench_aead_kernel(int32_t id, uint32_t iters);   /* PQ_BENCH_AEAD_* */
int32_t pq_bench_bn254_kernel(int32_t id, uint32_t iters);  /* PQ_BENCH_BN254_* */
#endif
