#include "pq_bench.h"

#include "pq_kernels.h"

PQ_API void pq_bench_ntt(int32_t *poly, uint32_t iters) {
  for (uint32_t i = 0; i < iters; i++) {
    pq_ntt(poly);
    for (unsigned n = 0; n < PQ_N; n++) poly[n] = pq_reduce32(poly[n]);
  }
}

PQ_API void pq_bench_invntt(int32_t *poly, uint32_t iters) {
  for (uint32_t i = 0; i < iters; i++) pq_invntt_tomont(poly);
}
