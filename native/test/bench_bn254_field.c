#define _POSIX_C_SOURCE 199309L
/* Speed of the BN254 field layer of a build: ns per operation (and TSC ticks on x86-64), the
 * minimum over repetitions of a dependent chain of calls (each result feeds the next call, as in
 * the towers). sop2 against 2 x mul + add computes the same thing from the same operands: both
 * products read the chain value. Run it under the bench lock (short). Not part of the tests.
 *   gcc -std=c11 -O3 -Inative/common native/test/bench_bn254_field.c native/common/ * / *.c
 *   clang-19 --target=wasm32-wasi -O3 -mno-simd128 ... && node scripts/run-wasi.mjs X.wasm */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "bn254/fp.h"
#include "bn254/fp2.h"
#include "bn254/tower.h"
#include "test_util.h"
#if defined(__x86_64__)
#include <x86intrin.h>
static uint64_t tsc(void) { return __rdtsc(); }
#define HAVE_TSC 1
#else
static uint64_t tsc(void) { return 0; }
#define HAVE_TSC 0
#endif
static uint64_t ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static volatile uint64_t sink;

typedef struct {
  pq_fp a[4];
  pq_fp2 x[3];
  pq_fp12 f[2];
} ops;

enum {
  B_MUL,
  B_SQR,
  B_SOP2,
  B_MUL2ADD,
  B_MUL_LIMB32,
  B_SOP2_LIMB32,
  B_MUL2ADD_LIMB32,
  B_ADD,
  B_FP2_MUL,
  B_FP2_SQR,
  B_FP6_MUL,
  B_FP12_MUL,
  B_FP12_SQR,
  B_FP12_CYC,
  B_FP12_034,
  B_FP_INV,
  B_N
};
static const char *const NAMES[B_N] = {"fp mul",
                                       "fp sqr",
                                       "fp sop2 (fused)",
                                       "fp 2 x mul + add",
                                       "fp mul (32-bit limbs)",
                                       "fp sop2 (32-bit limbs)",
                                       "fp 2 x mul + add (32-bit limbs)",
                                       "fp add",
                                       "fp2 mul",
                                       "fp2 sqr",
                                       "fp6 mul",
                                       "fp12 mul",
                                       "fp12 sqr",
                                       "fp12 cyclotomic sqr",
                                       "fp12 x 034 line",
                                       "fp inv"};

static void run(unsigned id, ops *o, unsigned n) {
  pq_fp *x = &o->a[0], m0, m1;
  for (unsigned i = 0; i < n; i++) {
    switch (id) {
      case B_MUL: pq_fp_mul(x, x, &o->a[1]); break;
      case B_SQR: pq_fp_sqr(x, x); break;
      case B_SOP2: pq_fp_sop2(x, x, &o->a[1], x, &o->a[2]); break;
      case B_MUL2ADD:
        pq_fp_mul(&m0, x, &o->a[1]);
        pq_fp_mul(&m1, x, &o->a[2]);
        pq_fp_add(x, &m0, &m1);
        break;
      case B_MUL_LIMB32: pq_limb32_fp_mul(x, x, &o->a[1]); break;
      case B_SOP2_LIMB32: pq_limb32_fp_sop2(x, x, &o->a[1], x, &o->a[2]); break;
      case B_MUL2ADD_LIMB32:
        pq_limb32_fp_mul(&m0, x, &o->a[1]);
        pq_limb32_fp_mul(&m1, x, &o->a[2]);
        pq_fp_add(x, &m0, &m1);
        break;
      case B_ADD: pq_fp_add(x, x, &o->a[1]); break;
      case B_FP2_MUL: pq_fp2_mul(&o->x[0], &o->x[0], &o->x[1]); break;
      case B_FP2_SQR: pq_fp2_sqr(&o->x[0], &o->x[0]); break;
      case B_FP6_MUL: pq_fp6_mul(&o->f[0].c0, &o->f[0].c0, &o->f[1].c0); break;
      case B_FP12_MUL: pq_fp12_mul(&o->f[0], &o->f[0], &o->f[1]); break;
      case B_FP12_SQR: pq_fp12_sqr(&o->f[0], &o->f[0]); break;
      case B_FP12_CYC: pq_fp12_cyclotomic_sqr(&o->f[0], &o->f[0]); break;
      case B_FP12_034: pq_fp12_mul_034(&o->f[0], &o->f[0], &o->x[0], &o->x[1], &o->x[2]); break;
      case B_FP_INV: pq_fp_inv(x, x); break;
    }
  }
}

int main(int argc, char **argv) {
  (void)argv;
  unsigned reps = argc > 1 ? 9 : 15;
  ops o;
  for (int i = 0; i < 4; i++) pq_fp_from_u64(&o.a[i], rnd64());
  for (int i = 0; i < 3; i++) {
    pq_fp_from_u64(&o.x[i].c0, rnd64());
    pq_fp_from_u64(&o.x[i].c1, rnd64());
  }
  for (int k = 0; k < 2; k++)
    for (int i = 0; i < 12; i++) pq_fp_from_u64(&((pq_fp *)(void *)&o.f[k])[i], rnd64());
  double res[B_N];
  printf("%-34s %10s%s\n", "operation", "ns", HAVE_TSC ? "   TSC ticks" : "");
  for (unsigned id = 0; id < B_N; id++) {
    unsigned n = id >= B_FP6_MUL ? (id == B_FP_INV ? 20 : 50) : 2000;
    double best_ns = 1e30, best_t = 1e30;
    run(id, &o, n); /* warm up */
    for (unsigned r = 0; r < reps; r++) {
      uint64_t t0 = ns(), c0 = tsc();
      run(id, &o, n);
      uint64_t c1 = tsc(), t1 = ns();
      double dn = (double)(t1 - t0) / n, dt = (double)(c1 - c0) / n;
      if (dn < best_ns) best_ns = dn;
      if (dt < best_t) best_t = dt;
    }
    res[id] = best_ns;
    if (HAVE_TSC)
      printf("%-34s %10.1f %11.0f\n", NAMES[id], best_ns, best_t);
    else
      printf("%-34s %10.1f\n", NAMES[id], best_ns);
  }
  sink = o.a[0].v[0] ^ o.f[0].c0.c0.c0.v[0] ^ o.x[0].c0.v[0];
  printf("sop2 speed-up over 2 x mul + add: %.2fx (32-bit limbs: %.2fx)\n",
         res[B_MUL2ADD] / res[B_SOP2], res[B_MUL2ADD_LIMB32] / res[B_SOP2_LIMB32]);
  return 0;
}
