#define _POSIX_C_SOURCE 199309L
/* Speed of the BN254 Fp kernels of a build (pq_fp_mul, pq_fp_sop2, pq_fp_sqr of
 * bn254/kernels_bn254.h) against the portable reference (pq_ref_*): TSC ticks per operation on
 * x86-64 (ns elsewhere, and in WASM under Node), the best of several runs of a loop.
 *   latency:    each operation takes the previous result (a dependent chain);
 *   throughput: four independent chains interleaved (the out-of-order core overlaps them, as in
 *               the towers, where an Fp2 mul's two sop2 and an Fp6 mul's Fp2 products are
 *               independent).
 * Rows: mul, sqr, sop2 = REDC(a0 b0 + a1 b1), "2 mul + add" = the same value without the fused
 * reduction (two pq_fp_mul and a pq_fp_add), and Fp2 mul as two sop2 (pq_fp2_mul) against
 * schoolbook 4 mul + add + sub and Karatsuba 3 mul. Not part of the tests; short, run it under
 * the bench lock. Builds (the cores' flags):
 *   gcc -std=c11 -O3 -Inative/common native/test/bench_bn254_kernels.c
 *     native/common/[star]/[star].c [-mavx2 -mbmi -mbmi2 [-madx -mavx512f -mavx512vl]
 *     -DPQ_TARGET_X86_AVX2 native/x86_64/[star].c]
 *   clang-19 --target=wasm32-wasi -std=c11 -O3 -Inative/common -Wl,-z,stack-size=4194304 the same
 *     [-mno-simd128 | -msimd128 -DPQ_TARGET_WASM_SIMD native/wasm-simd/[star].c],
 *     run by node scripts/run-wasi.mjs
 * ([star] for the glob character, which would end this comment.)
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "bn254/fp.h"
#include "bn254/fp2.h"
#include "bn254/kernels_bn254.h"
#include "test_util.h"
#if defined(__x86_64__)
#include <x86intrin.h>
static uint64_t ticks(void) { return __rdtsc(); }
#define UNIT "TSC ticks"
#else
static uint64_t ticks(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}
#define UNIT "ns"
#endif

#define N 20000
#define RUNS 15

typedef void (*mul_fn)(pq_fp *, const pq_fp *, const pq_fp *);
typedef void (*sqr_fn)(pq_fp *, const pq_fp *);
typedef void (*sop2_fn)(pq_fp *, const pq_fp *, const pq_fp *, const pq_fp *, const pq_fp *);
typedef struct {
  const char *name;
  mul_fn mul;
  sqr_fn sqr;
  sop2_fn sop2;
} kset;

static pq_fp X[4], Y, Z;
static volatile uint64_t sink;

static void rnd_fp(pq_fp *a) {
  for (int i = 0; i < 4; i++) a->v[i] = rnd64();
  a->v[3] &= 0x1fffffffffffffffull; /* < 2^253 < 2p */
}

/* the best of RUNS loops of N iterations, per iteration */
#define TIME(result, setup, body)                            \
  do {                                                       \
    uint64_t best = ~(uint64_t)0;                            \
    for (int run = 0; run < RUNS; run++) {                   \
      setup;                                                 \
      uint64_t t0 = ticks();                                 \
      for (int it = 0; it < N; it++) {                       \
        body;                                                \
      }                                                      \
      uint64_t t1 = ticks();                                 \
      if (t1 - t0 < best) best = t1 - t0;                    \
      sink += X[0].v[0] + X[1].v[1] + X[2].v[2] + X[3].v[3]; \
    }                                                        \
    result = (double)best / N;                               \
  } while (0)

#define RESET \
  for (int k = 0; k < 4; k++) X[k] = X0[k];

static void bench(const kset *k) {
  pq_fp X0[4], t, u;
  for (int i = 0; i < 4; i++) rnd_fp(&X0[i]);
  rnd_fp(&Y);
  rnd_fp(&Z);
  double mul_l, mul_t, sqr_l, sqr_t, sop_l, sop_t, two_l, two_t;
  TIME(mul_l, RESET, k->mul(&X[0], &X[0], &Y));
  TIME(mul_t, RESET, for (int j = 0; j < 4; j++) k->mul(&X[j], &X[j], &Y));
  TIME(sqr_l, RESET, k->sqr(&X[0], &X[0]));
  TIME(sqr_t, RESET, for (int j = 0; j < 4; j++) k->sqr(&X[j], &X[j]));
  TIME(sop_l, RESET, k->sop2(&X[0], &X[0], &Y, &X[0], &Z));
  TIME(sop_t, RESET, for (int j = 0; j < 4; j++) k->sop2(&X[j], &X[j], &Y, &X[j], &Z));
  TIME(two_l, RESET, {
    k->mul(&t, &X[0], &Y);
    k->mul(&u, &X[0], &Z);
    pq_fp_add(&X[0], &t, &u);
  });
  TIME(
      two_t, RESET, for (int j = 0; j < 4; j++) {
        k->mul(&t, &X[j], &Y);
        k->mul(&u, &X[j], &Z);
        pq_fp_add(&X[j], &t, &u);
      });
  mul_t /= 4, sqr_t /= 4, sop_t /= 4, two_t /= 4;
  printf("%-28s %8s %8s %8s %12s %8s\n", k->name, "mul", "sqr", "sop2", "2mul+add", "ratio");
  printf("  latency    (%s/op) %8.1f %8.1f %8.1f %12.1f %7.2fx\n", UNIT, mul_l, sqr_l, sop_l, two_l,
         two_l / sop_l);
  printf("  throughput (%s/op) %8.1f %8.1f %8.1f %12.1f %7.2fx\n", UNIT, mul_t, sqr_t, sop_t, two_t,
         two_t / sop_t);
}

/* Fp2 products with the build's kernels: pq_fp2_mul (two sop2) against 4 mul and Karatsuba */
static void fp2_school(pq_fp2 *r, const pq_fp2 *a, const pq_fp2 *b) {
  pq_fp t0, t1, t2, t3;
  pq_fp_mul(&t0, &a->c0, &b->c0);
  pq_fp_mul(&t1, &a->c1, &b->c1);
  pq_fp_mul(&t2, &a->c0, &b->c1);
  pq_fp_mul(&t3, &a->c1, &b->c0);
  pq_fp_sub(&r->c0, &t0, &t1);
  pq_fp_add(&r->c1, &t2, &t3);
}
static void fp2_karatsuba(pq_fp2 *r, const pq_fp2 *a, const pq_fp2 *b) {
  pq_fp t0, t1, sa, sb, s;
  pq_fp_mul(&t0, &a->c0, &b->c0);
  pq_fp_mul(&t1, &a->c1, &b->c1);
  pq_fp_add(&sa, &a->c0, &a->c1);
  pq_fp_add(&sb, &b->c0, &b->c1);
  pq_fp_mul(&s, &sa, &sb);
  pq_fp_sub(&r->c0, &t0, &t1);
  pq_fp_sub(&s, &s, &t0);
  pq_fp_sub(&r->c1, &s, &t1);
}

static void bench_fp2(void) {
  typedef void (*f2)(pq_fp2 *, const pq_fp2 *, const pq_fp2 *);
  const f2 fs[3] = {pq_fp2_mul, fp2_school, fp2_karatsuba};
  const char *names[3] = {"2 sop2 (pq_fp2_mul)", "4 mul + add/sub", "Karatsuba 3 mul"};
  pq_fp2 A[4], A0[4], B;
  for (int i = 0; i < 4; i++) rnd_fp(&A0[i].c0), rnd_fp(&A0[i].c1);
  rnd_fp(&B.c0), rnd_fp(&B.c1);
  printf("Fp2 mul, this build's kernels: %8s %12s\n", "latency", "throughput");
  for (int f = 0; f < 3; f++) {
    double l, t;
#define RESET2 \
  for (int k = 0; k < 4; k++) A[k] = A0[k];
    TIME(l, RESET2, fs[f](&A[0], &A[0], &B));
    TIME(t, RESET2, for (int j = 0; j < 4; j++) fs[f](&A[j], &A[j], &B));
    sink += A[0].c0.v[0];
    printf("  %-28s %8.1f %12.1f\n", names[f], l, t / 4);
  }
}

int main(void) {
  printf("BN254 Fp kernels, %s per operation (best of %d loops of %d)\n", UNIT, RUNS, N);
  const kset ref = {"portable (pq_ref_*)", pq_ref_fp_mul, pq_ref_fp_sqr, pq_ref_fp_sop2};
  const kset sel = {"this build (pq_fp_*)", pq_fp_mul, pq_fp_sqr, pq_fp_sop2};
  bench(&ref);
  bench(&sel);
#if !defined(__wasm__)
  const kset l32 = {"32-bit limbs (pq_limb32_*)", pq_limb32_fp_mul, pq_limb32_fp_sqr,
                    pq_limb32_fp_sop2};
  bench(&l32);
#endif
  bench_fp2();
  return (int)(sink & 0);
}
