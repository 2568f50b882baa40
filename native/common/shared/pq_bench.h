/* Benchmark hooks: run a kernel many times inside one call, so the cost of
 * crossing into WASM or the addon does not hide the kernel's own speed. */
#ifndef PQ_BENCH_H
#define PQ_BENCH_H
#include <stdint.h>

#include "shared/pq_api.h"

/* Kernel ids for pq_bench_kernel (their names, in this order: KERNEL_NAMES in
 * ts/src/backends.ts). */
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

/* Runs kernel `id` `iters` times on fixed pseudo-random data (stack scratch).
 * Returns a checksum of the results (so the work cannot be optimized away),
 * or -1 for an unknown id. */
PQ_API int32_t pq_bench_kernel(uint32_t id, uint32_t iters);
#endif
