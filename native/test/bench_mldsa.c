#define _POSIX_C_SOURCE 199309L
/* Native speed of the C core without N-API or JS: time per operation over many
 * single-operation samples (TSC ticks on x86-64, the unit the targets use;
 * nanoseconds from CLOCK_MONOTONIC elsewhere): median, 10th and 99th percentile.
 * Run: bash scripts/bench-c.sh [SAMPLES]   (or build/ctest/bench_mldsa [SAMPLES])
 *
 * sign and verify are the full operations, as mldsa-native's test/bench_mldsa.c
 * measures them (crypto_sign_signature_internal / crypto_sign_verify: a 59-byte
 * message, a 1-byte context), so ratios against its figures are like for like:
 *   sign   = mu = H(tr || 0 || |ctx| || ctx || M) with tr from the secret key, then Sign_internal;
 *   verify = tr = H(pk), the same mu, then Verify_internal;
 *   keygen = KeyGen from a seed (which includes tr = H(pk)).
 * The "sign (mu given)" / "verify (mu given)" rows are Sign_internal / Verify_internal alone
 * (pq_mldsa_sign_mu / pq_mldsa_verify_mu), the figures this bench printed before. */
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

/* mldsa-native's bench_mldsa.c: MLEN 59, CTXLEN 1 */
#define MLEN 59
#define CTXLEN 1

static int cmp_u64(const void *a, const void *b) {
  const uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return x < y ? -1 : x > y;
}

static uint64_t *sample;
static int samples = 2001;

/* The p-th percentile (nearest rank below) of the sorted samples. */
static unsigned long long pct(int p) { return (unsigned long long)sample[(size_t)(samples - 1) * (size_t)p / 100]; }

#define MEASURE(label, expr)                                                                 \
  do {                                                                                       \
    for (int warm = 0; warm < 50; warm++) { expr; }                                          \
    for (int s = 0; s < samples; s++) {                                                      \
      uint64_t t0 = ticks();                                                                 \
      expr;                                                                                  \
      sample[s] = ticks() - t0;                                                              \
    }                                                                                        \
    qsort(sample, (size_t)samples, sizeof sample[0], cmp_u64);                               \
    printf("| %-28s | %9llu | %9llu | %9llu |\n", label, pct(50), pct(10), pct(99));         \
  } while (0)

/* ML-DSA.Sign (FIPS 204 Alg. 2) of m with context ctx: mu from the secret key's tr, then
 * Sign_internal. What the Node addon does for sign(sk, msg, { context }). */
static int sign_full(unsigned name, const uint8_t *sk, const uint8_t *m, size_t mlen,
                     const uint8_t *ctx, size_t ctxlen, const uint8_t rnd[32], uint8_t *sig) {
  pq_keccak_state st;
  uint8_t mu[64];
  pq_mldsa_mu_init(&st, pq_mldsa_sk_tr(sk));
  pq_mldsa_mu_absorb_prefix(&st, 0, ctx, ctxlen);
  pq_keccak_absorb(&st, m, mlen);
  pq_mldsa_mu_final(&st, mu);
  return pq_mldsa_sign_mu(name, sk, mu, rnd, sig);
}

/* ML-DSA.Verify (FIPS 204 Alg. 3): tr = H(pk), mu, then Verify_internal. 1 if valid. */
static int verify_full(unsigned name, const uint8_t *pk, size_t pklen, const uint8_t *m,
                       size_t mlen, const uint8_t *ctx, size_t ctxlen, const uint8_t *sig,
                       size_t siglen) {
  pq_keccak_state st;
  uint8_t tr[64], mu[64];
  pq_mldsa_pk_tr(pk, pklen, tr);
  pq_mldsa_mu_init(&st, tr);
  pq_mldsa_mu_absorb_prefix(&st, 0, ctx, ctxlen);
  pq_keccak_absorb(&st, m, mlen);
  pq_mldsa_mu_final(&st, mu);
  return pq_mldsa_verify_mu(name, pk, pklen, mu, sig, siglen);
}

int main(int argc, char **argv) {
  static uint8_t pk[2592], sk[4896], sig[4627];
  uint8_t seed[32] = {1}, rnd[32] = {2}, mu[64] = {3}, m[MLEN], ctx[CTXLEN] = {0x5c};
  const unsigned names[3] = {44, 65, 87};
  if (argc > 1) {
    samples = atoi(argv[1]);
    if (samples < 1) {
      fprintf(stderr, "usage: %s [SAMPLES]  (a positive number of samples per row; default 2001)\n", argv[0]);
      return 2;
    }
  }
  sample = malloc((size_t)samples * sizeof *sample);
  if (!sample) return 2;
  for (int i = 0; i < MLEN; i++) m[i] = (uint8_t)(i * 131 + 7);
  printf("%d samples per row; sign / verify: %d-byte message, %d-byte context, mu included\n", samples, MLEN, CTXLEN);
  printf("| %-28s | median %s | 10th pct | 99th pct |\n|---|---:|---:|---:|\n", "operation", UNIT);
  for (int i = 0; i < 3; i++) {
    const unsigned n = names[i];
    const pq_mldsa_params *P = pq_mldsa_params_get(n);
    char l[5][40];
    snprintf(l[0], sizeof l[0], "ML-DSA-%u keygen", n);
    snprintf(l[1], sizeof l[1], "ML-DSA-%u sign", n);
    snprintf(l[2], sizeof l[2], "ML-DSA-%u verify", n);
    snprintf(l[3], sizeof l[3], "ML-DSA-%u sign (mu given)", n);
    snprintf(l[4], sizeof l[4], "ML-DSA-%u verify (mu given)", n);
    MEASURE(l[0], (seed[0]++, pq_mldsa_keygen(n, seed, pk, sk)));
    /* a fresh rnd per signature: the percentiles are over the rejection-loop lengths */
    MEASURE(l[1], (rnd[0]++, rnd[1] += rnd[0] == 0, sign_full(n, sk, m, MLEN, ctx, CTXLEN, rnd, sig)));
    CHECK(sign_full(n, sk, m, MLEN, ctx, CTXLEN, rnd, sig) == PQ_OK, "sign");
    MEASURE(l[2], CHECK(verify_full(n, pk, P->pk_bytes, m, MLEN, ctx, CTXLEN, sig, P->sig_bytes) == 1, "verify"));
    CHECK(verify_full(n, pk, P->pk_bytes, m, MLEN, ctx, 0, sig, P->sig_bytes) == 0, "verify without the context");
    MEASURE(l[3], (rnd[0]++, rnd[1] += rnd[0] == 0, pq_mldsa_sign_mu(n, sk, mu, rnd, sig)));
    pq_mldsa_sign_mu(n, sk, mu, rnd, sig);
    MEASURE(l[4], CHECK(pq_mldsa_verify_mu(n, pk, P->pk_bytes, mu, sig, P->sig_bytes) == 1, "verify_mu"));
  }
  free(sample);
  if (t_fail) fprintf(stderr, "bench_mldsa: %u check(s) failed\n", t_fail);
  return t_fail ? 1 : 0;
}
