#define _POSIX_C_SOURCE 199309L
/* Native speed of the C core without N-API or JS: median time per operation
 * over many single-operation samples (TSC ticks on x86-64, the unit the issue's
 * targets use; nanoseconds from CLOCK_MONOTONIC elsewhere). Run: bash scripts/bench-c.sh */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "mldsa/mldsa.h"
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

static int cmp_u64(const void *a, const void *b) {
  const uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return x < y ? -1 : x > y;
}

#define SAMPLES 2001
static uint64_t sample[SAMPLES];

#define MEASURE(label, expr)                                          \
  do {                                                                \
    for (int warm = 0; warm < 50; warm++) { expr; }                   \
    for (int s = 0; s < SAMPLES; s++) {                               \
      uint64_t t0 = ticks();                                          \
      expr;                                                           \
      sample[s] = ticks() - t0;                                       \
    }                                                                 \
    qsort(sample, SAMPLES, sizeof sample[0], cmp_u64);                \
    printf("| %-16s | %9llu | %9llu |\n", label,                      \
           (unsigned long long)sample[SAMPLES / 2],                   \
           (unsigned long long)sample[SAMPLES / 10]);                 \
  } while (0)

int main(void) {
  static uint8_t pk[2592], sk[4896], sig[4627];
  uint8_t seed[32] = {1}, rnd[32] = {2}, mu[64] = {3};
  const unsigned names[3] = {44, 65, 87};
  printf("| operation        | median %s | 10th pct |\n|---|---:|---:|\n", UNIT);
  for (int i = 0; i < 3; i++) {
    const pq_mldsa_params *P = pq_mldsa_params_get(names[i]);
    char l[3][32];
    snprintf(l[0], 32, "ML-DSA-%u keygen", names[i]);
    snprintf(l[1], 32, "ML-DSA-%u sign", names[i]);
    snprintf(l[2], 32, "ML-DSA-%u verify", names[i]);
    MEASURE(l[0], (seed[0]++, pq_mldsa_keygen(names[i], seed, pk, sk)));
    /* a fresh rnd per signature: the median is over the rejection-loop lengths */
    MEASURE(l[1], (rnd[0]++, rnd[1] += rnd[0] == 0, pq_mldsa_sign_mu(names[i], sk, mu, rnd, sig)));
    pq_mldsa_sign_mu(names[i], sk, mu, rnd, sig);
    MEASURE(l[2], CHECK(pq_mldsa_verify_mu(names[i], pk, P->pk_bytes, mu, sig, P->sig_bytes) == 1, "verify"));
  }
  return t_fail ? 1 : 0;
}
