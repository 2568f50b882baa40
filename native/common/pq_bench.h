/* Benchmark hooks: run a kernel many times inside one call, so the cost of
 * crossing into WASM or the addon does not hide the kernel's own speed. */
#ifndef PQ_BENCH_H
#define PQ_BENCH_H
#include <stdint.h>

#include "pq_api.h"

/* Runs the forward NTT (or the inverse NTT) `iters` times on the 256
 * coefficients at `poly`, reducing between runs to stay within bounds. */
PQ_API void pq_bench_ntt(int32_t *poly, uint32_t iters);
PQ_API void pq_bench_invntt(int32_t *poly, uint32_t iters);
#endif
