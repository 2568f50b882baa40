/* Tiny test helpers for the native C tests (each test_*.c is its own program). */
#ifndef PQ_TEST_UTIL_H
#define PQ_TEST_UTIL_H
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static unsigned t_pass, t_fail;
#define CHECK(cond, ...)                                   \
  do {                                                     \
    if (cond) {                                            \
      t_pass++;                                            \
    } else {                                               \
      t_fail++;                                            \
      if (t_fail <= 20) {                                  \
        fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__); \
        fprintf(stderr, __VA_ARGS__);                      \
        fprintf(stderr, "\n");                             \
      }                                                    \
    }                                                      \
  } while (0)

static uint64_t t_rng = 0x9E3779B97F4A7C15ULL;
static inline uint64_t rnd64(void) {
  t_rng ^= t_rng << 13;
  t_rng ^= t_rng >> 7;
  t_rng ^= t_rng << 17;
  return t_rng;
}
static inline void rnd_bytes(uint8_t *p, size_t n) {
  for (size_t i = 0; i < n; i++) p[i] = (uint8_t)rnd64();
}
/* uniform in [lo, hi] */
static inline int32_t rnd_range(int32_t lo, int32_t hi) {
  return lo + (int32_t)(rnd64() % (uint64_t)((int64_t)hi - lo + 1));
}

static inline void from_hex(uint8_t *out, const char *hex) {
  for (size_t i = 0; hex[2 * i]; i++) {
    unsigned v;
    sscanf(hex + 2 * i, "%2x", &v);
    out[i] = (uint8_t)v;
  }
}
static inline int eq_hex(const uint8_t *p, const char *hex) {
  uint8_t buf[4096];
  size_t n = strlen(hex) / 2;
  from_hex(buf, hex);
  return memcmp(p, buf, n) == 0;
}

/* Falcon-style int16 polynomials: every |a_j| <= bound; a == b (mod q) lane by lane. */
static inline int32_t t_mod(int32_t a, int32_t q) {
  a %= q;
  return a < 0 ? a + q : a;
}
static inline int t_in_bound16(const int16_t *a, unsigned n, int32_t bound) {
  for (unsigned j = 0; j < n; j++)
    if (a[j] < -bound || a[j] > bound) return 0;
  return 1;
}
static inline int t_congruent16(const int16_t *a, const int16_t *b, unsigned n, int32_t q) {
  for (unsigned j = 0; j < n; j++)
    if (t_mod(a[j], q) != t_mod(b[j], q)) return 0;
  return 1;
}

static inline int t_summary(const char *name) {
  printf("%s: %u passed, %u failed\n", name, t_pass, t_fail);
  return t_fail ? 1 : 0;
}
#endif
