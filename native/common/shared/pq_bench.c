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

/* Fixed pseudo-random inputs for the kernels. */
typedef struct {
  pq_poly a[6], b[6];
  uint64_t st[50];
  uint8_t buf[840];
  int16_t f[512];
  uint16_t c[512];
} bench_data;

static void bench_fill(bench_data *d) {
  uint32_t x = 0x12345678u;
  for (unsigned k = 0; k < 6; k++)
    for (unsigned n = 0; n < PQ_MLDSA_N; n++) {
      d->a[k].coeffs[n] = (int32_t)(next(&x) % PQ_MLDSA_Q) - PQ_MLDSA_Q / 2;
      d->b[k].coeffs[n] = (int32_t)(next(&x) % PQ_MLDSA_Q);
    }
  for (unsigned i = 0; i < 50; i++) d->st[i] = next(&x);
  for (unsigned i = 0; i < sizeof d->buf; i++) d->buf[i] = (uint8_t)next(&x);
  for (unsigned i = 0; i < 512; i++)
    d->f[i] = (int16_t)((int32_t)(next(&x) % PQ_FALCON_Q) - PQ_FALCON_Q / 2);
}

int32_t pq_bench_mldsa_kernel(int32_t id, uint32_t iters) {
  bench_data d;
  bench_fill(&d);
  int32_t sum = 0;
  const int32_t *pa[5] = {d.a[0].coeffs, d.a[1].coeffs, d.a[2].coeffs, d.a[3].coeffs, d.a[4].coeffs};
  const int32_t *pb[5] = {d.b[0].coeffs, d.b[1].coeffs, d.b[2].coeffs, d.b[3].coeffs, d.b[4].coeffs};
  for (uint32_t it = 0; it < iters; it++) {
    switch (id) {
      case PQ_BENCH_NTT:
        d.a[5] = d.a[(it & 3)]; /* a fresh input below q (a 1 KiB copy, ~30 ns) */
        pq_ntt(d.a[5].coeffs);
        break;
      case PQ_BENCH_INVNTT: pq_invntt_tomont(d.a[5].coeffs); break;
      case PQ_BENCH_POINTWISE_ACC5: pq_poly_pointwise_acc(d.b[5].coeffs, pa, pb, 5); break;
      case PQ_BENCH_KECCAK_X1: pq_keccakf1600_x1(d.st); break;
      case PQ_BENCH_KECCAK_X2: pq_keccakf1600_x2(d.st); break;
      case PQ_BENCH_REJ_UNIFORM:
        sum += (int32_t)pq_rej_uniform(d.b[5].coeffs, PQ_MLDSA_N, d.buf, sizeof d.buf);
        break;
      case PQ_BENCH_DECOMPOSE:
        pq_poly_decompose(d.b[4].coeffs, d.b[5].coeffs, d.b[0].coeffs, (PQ_MLDSA_Q - 1) / 32);
        break;
      default: return -1;
    }
  }
  return sum + d.a[5].coeffs[7] + d.b[5].coeffs[3] + (int32_t)d.st[1];
}

int32_t pq_bench_falcon_kernel(int32_t id, uint32_t iters) {
  bench_data d;
  bench_fill(&d);
  int32_t sum = 0;
  for (uint32_t it = 0; it < iters; it++) {
    switch (id) {
      case PQ_BENCH_FALCON_NTT512: pq_falcon_ntt(d.f, 9); break;
      case PQ_BENCH_FALCON_INVNTT512: pq_falcon_invntt_tomont(d.f, 9); break;
      case PQ_BENCH_FALCON_HASH512: {
        pq_keccak_state ks;
        pq_shake256_init(&ks);
        pq_keccak_absorb(&ks, d.buf, 40 + (it & 63));
        pq_shake_finalize(&ks);
        unsigned got = 0;
        while (got < 512) {
          uint8_t blk[PQ_SHAKE256_RATE];
          pq_keccak_squeezeblocks(&ks, blk, 1);
          got += pq_falcon_sample(d.c + got, 512 - got, blk, PQ_SHAKE256_RATE);
        }
        sum += d.c[it & 511];
        break;
      }
      default: return -1;
    }
  }
  return sum + d.f[9];
}
