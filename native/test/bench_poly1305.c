#define _POSIX_C_SOURCE 199309L
/* Speed of the Poly1305 block kernel of a build (pq_poly1305_blocks) against the
 * portable reference (pq_ref_poly1305_blocks): TSC ticks per byte on x86-64 (ns per
 * byte elsewhere), the minimum over many calls (short: run it under the bench lock).
 *   warm: the state has already seen a run for its key (the kernel's powers are in
 *         scratch): a long message in pieces, or the second run of an AEAD;
 *   cold: a fresh state per call (pq_poly1305_init + the blocks): the powers included.
 * `bench_poly1305 sweep` prints ticks per call by block count (the crossovers; build
 * with -DPQ_POLY1305_MIN_WARM=4 -DPQ_POLY1305_MIN_COLD=4 -DPQ_POLY1305_MIN_ZMM=8 to
 * time the vector paths below their thresholds). Not part of the tests. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "aead/kernels_aead.h"
#include "aead/poly1305.h"
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

typedef void blocks_fn(pq_poly1305 *, const uint8_t *, size_t);
static void kernel(pq_poly1305 *st, const uint8_t *m, size_t n) { pq_poly1305_blocks(st, m, n); }
static void reference(pq_poly1305 *st, const uint8_t *m, size_t n) {
  pq_ref_poly1305_blocks(st, m, n);
}

static uint8_t key[32];
static uint8_t *msg;
static volatile uint64_t sink;

/* minimum ticks of one call of f on nb blocks; cold: a fresh state per call */
static uint64_t best(blocks_fn *f, size_t nb, int cold, unsigned reps) {
  pq_poly1305 warm;
  pq_poly1305_init(&warm, key);
  f(&warm, msg, nb < 64 ? 64 : nb); /* leaves the kernel's powers in scratch */
  uint64_t b = ~(uint64_t)0;
  for (unsigned r = 0; r < reps; r++) {
    pq_poly1305 st;
    uint64_t t0;
    if (cold) {
      t0 = ticks();
      pq_poly1305_init(&st, key);
      f(&st, msg, nb);
    } else {
      st = warm;
      t0 = ticks();
      f(&st, msg, nb);
    }
    const uint64_t t = ticks() - t0;
    sink += st.h[0];
    if (t < b) b = t;
  }
  return b;
}

int main(int argc, char **argv) {
  msg = malloc((1u << 20) + 64);
  if (!msg) return 2;
  rnd_bytes(msg, (1u << 20) + 64);
  rnd_bytes(key, 32);
  if (argc > 1 && strcmp(argv[1], "sweep") == 0) {
    printf("blocks | reference | kernel warm | reference+init | kernel cold (%s per call, min)\n",
           UNIT);
    for (size_t nb = 1; nb <= 64; nb += nb < 24 ? 1 : 8)
      printf("%6zu | %9llu | %11llu | %14llu | %11llu\n", nb,
             (unsigned long long)best(reference, nb, 0, 20000),
             (unsigned long long)best(kernel, nb, 0, 20000),
             (unsigned long long)best(reference, nb, 1, 20000),
             (unsigned long long)best(kernel, nb, 1, 20000));
    return 0;
  }
  static const size_t sizes[] = {64, 256, 1024, 4096, 16384, 1u << 20};
  printf(
      "| bytes | reference | kernel (warm) | kernel (cold) | speed-up (warm) |   (%s per byte)\n",
      UNIT);
  printf("|---:|---:|---:|---:|---:|\n");
  for (unsigned i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
    const size_t nb = sizes[i] / 16;
    const unsigned reps = sizes[i] >= (1u << 20) ? 40 : 20000;
    const double r = (double)best(reference, nb, 0, reps) / (double)sizes[i];
    const double w = (double)best(kernel, nb, 0, reps) / (double)sizes[i];
    const double c = (double)best(kernel, nb, 1, reps) / (double)sizes[i];
    printf("| %zu | %.3f | %.3f | %.3f | %.2fx |\n", sizes[i], r, w, c, r / w);
  }
  free(msg);
  return 0;
}
