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
  PQ_BENCH_KERNELS
};

/* Run kernel `id` `iters` times on fixed pseudo-random data (stack scratch).
 * Return a checksum of the results (so the work cannot be optimized away), or
 * -1 for an id of another family. One function per family, so each family's
 * WASM module holds only its own kernels (entries mldsa_bench / falcon_bench). */
int32_t pq_bench_mldsa_kernel(int32_t id, uint32_t iters);  /* ML-DSA and Keccak kernels */
int32_t pq_bench_falcon_kernel(int32_t id, uint32_t iters); /* PQ_BENCH_FALCON_* */
#endif
