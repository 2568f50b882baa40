#define _POSIX_C_SOURCE 199309L
/* Native speed of the portable C core (no SIMD kernels): the yardstick the
 * WASM builds are compared with. Run: bash scripts/bench-c.sh */
#include <stdio.h>
#include <time.h>

#include "mldsa.h"
#include "test_util.h"

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

#define MEASURE(label, expr)                                          \
  do {                                                                \
    double best = 1e30;                                               \
    for (int run = 0; run < 5; run++) {                               \
      unsigned n = 0;                                                 \
      double t0 = now(), t;                                           \
      do {                                                            \
        expr;                                                         \
        n++;                                                          \
        t = now();                                                    \
      } while (t - t0 < 0.2);                                         \
      double us = (t - t0) * 1e6 / n;                                 \
      if (us < best) best = us;                                       \
    }                                                                 \
    printf("| %-16s | %9.1f us | %9.0f ops/s |\n", label, best, 1e6 / best); \
  } while (0)

int main(void) {
  static uint8_t pk[2592], sk[4896], sig[4627];
  uint8_t seed[32] = {1}, rnd[32] = {2}, mu[64] = {3};
  const unsigned names[3] = {44, 65, 87};
  printf("| operation        |   time/op    |     rate        |\n|---|---:|---:|\n");
  for (int i = 0; i < 3; i++) {
    const pq_mldsa_params *P = pq_mldsa_params_get(names[i]);
    char l[3][32];
    snprintf(l[0], 32, "ML-DSA-%u keygen", names[i]);
    snprintf(l[1], 32, "ML-DSA-%u sign", names[i]);
    snprintf(l[2], 32, "ML-DSA-%u verify", names[i]);
    MEASURE(l[0], pq_mldsa_keygen(names[i], seed, pk, sk));
    MEASURE(l[1], (rnd[0]++, pq_mldsa_sign_mu(names[i], sk, mu, rnd, sig)));
    pq_mldsa_sign_mu(names[i], sk, mu, rnd, sig);
    MEASURE(l[2], CHECK(pq_mldsa_verify_mu(names[i], pk, P->pk_bytes, mu, sig, P->sig_bytes) == 1, "verify"));
  }
  return t_fail ? 1 : 0;
}
