#include "shared/pq_bench.h"

#include "falcon/kernels_falcon.h"
#include "mldsa/kernels_mldsa.h"
#include "shared/fips202.h"
#include "shared/kernels_keccak.h"

static uint32_t next(uint32_t *x) {
  *x ^= *x << 13;
  *x ^= *x >> 17;
  *x ^= *x << 5;
  return *x;
}

PQ_API int32_t pq_bench_kernel(uint32_t id, uint32_t iters) {
  pq_poly a[6], b[6];
  uint64_t st[50];
  uint8_t buf[840];
  int16_t f[512];
  uint16_t c[512];
  uint32_t x = 0x12345678u;
  int32_t sum = 0;
  for (unsigned k = 0; k < 6; k++)
    for (unsigned n = 0; n < PQ_MLDSA_N; n++) {
      a[k].coeffs[n] = (int32_t)(next(&x) % PQ_MLDSA_Q) - PQ_MLDSA_Q / 2;
      b[k].coeffs[n] = (int32_t)(next(&x) % PQ_MLDSA_Q);
    }
  for (unsigned i = 0; i < 50; i++) st[i] = next(&x);
  for (unsigned i = 0; i < sizeof buf; i++) buf[i] = (uint8_t)next(&x);
  for (unsigned i = 0; i < 512; i++) f[i] = (int16_t)((int32_t)(next(&x) % PQ_FALCON_Q) - PQ_FALCON_Q / 2);
  const int32_t *pa[5] = {a[0].coeffs, a[1].coeffs, a[2].coeffs, a[3].coeffs, a[4].coeffs};
  const int32_t *pb[5] = {b[0].coeffs, b[1].coeffs, b[2].coeffs, b[3].coeffs, b[4].coeffs};
  for (uint32_t it = 0; it < iters; it++) {
    switch (id) {
      case PQ_BENCH_NTT:
        a[5] = a[(it & 3)]; /* a fresh input below q (a 1 KiB copy, ~30 ns) */
        pq_ntt(a[5].coeffs);
        break;
      case PQ_BENCH_INVNTT: pq_invntt_tomont(a[5].coeffs); break;
      case PQ_BENCH_POINTWISE_ACC5: pq_poly_pointwise_acc(b[5].coeffs, pa, pb, 5); break;
      case PQ_BENCH_KECCAK_X1: pq_keccakf1600_x1(st); break;
      case PQ_BENCH_KECCAK_X2: pq_keccakf1600_x2(st); break;
      case PQ_BENCH_REJ_UNIFORM: sum += (int32_t)pq_rej_uniform(b[5].coeffs, PQ_MLDSA_N, buf, sizeof buf); break;
      case PQ_BENCH_DECOMPOSE: pq_poly_decompose(b[4].coeffs, b[5].coeffs, b[0].coeffs, (PQ_MLDSA_Q - 1) / 32); break;
      case PQ_BENCH_FALCON_NTT512: pq_falcon_ntt(f, 9); break;
      case PQ_BENCH_FALCON_INVNTT512: pq_falcon_invntt_tomont(f, 9); break;
      case PQ_BENCH_FALCON_HASH512: {
        pq_keccak_state ks;
        pq_shake256_init(&ks);
        pq_keccak_absorb(&ks, buf, 40 + (it & 63));
        pq_shake_finalize(&ks);
        unsigned got = 0;
        while (got < 512) {
          uint8_t blk[PQ_SHAKE256_RATE];
          pq_keccak_squeezeblocks(&ks, blk, 1);
          got += pq_falcon_sample(c + got, 512 - got, blk, PQ_SHAKE256_RATE);
        }
        sum += c[it & 511];
        break;
      }
      default: return -1;
    }
  }
  return sum + a[5].coeffs[7] + b[5].coeffs[3] + (int32_t)st[1] + f[9];
}
