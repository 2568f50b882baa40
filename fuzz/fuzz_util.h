/* Helpers shared by the libFuzzer harnesses in fuzz/: a reader that splits the fuzzer's input
 * into fields, input-chosen chunking of streamed messages, and FUZZ_CHECK, which prints what
 * failed and aborts (libFuzzer then saves the input as a crash file). */
#ifndef PQ_FUZZ_UTIL_H
#define PQ_FUZZ_UTIL_H
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "binding/pq_binding.h"

#define FUZZ_CHECK(cond, ...)                                              \
  do {                                                                     \
    if (!(cond)) {                                                         \
      fprintf(stderr, "FUZZ_CHECK failed at %s:%d: %s: ", __FILE__, __LINE__, #cond); \
      fprintf(stderr, __VA_ARGS__);                                        \
      fprintf(stderr, "\n");                                               \
      abort();                                                             \
    }                                                                      \
  } while (0)

/* Reads fields from the front of the input; past the end every field is zero / empty. */
typedef struct {
  const uint8_t *p;
  size_t n;
} fz_reader;

static inline uint8_t fz_u8(fz_reader *r) {
  if (!r->n) return 0;
  r->n--;
  return *r->p++;
}
static inline uint16_t fz_u16(fz_reader *r) {
  const uint16_t lo = fz_u8(r);
  return (uint16_t)(lo | (uint16_t)fz_u8(r) << 8);
}
/* Up to len bytes (fewer at the end of the input); *got says how many. */
static inline const uint8_t *fz_bytes(fz_reader *r, size_t len, size_t *got) {
  const uint8_t *p = r->p;
  if (len > r->n) len = r->n;
  r->p += len;
  r->n -= len;
  *got = len;
  return p;
}

/* A copy of (p, n) in its own heap block, so ASan sees any read past n. */
static inline uint8_t *fz_dup(const uint8_t *p, size_t n) {
  uint8_t *q = (uint8_t *)malloc(n ? n : 1);
  if (n) memcpy(q, p, n);
  return q;
}

/* Input-chosen chunking: piece sizes from a xorshift stream seeded by `seed`; some pieces empty. */
typedef void (*fz_update_fn)(pq_bind_state *, const uint8_t *, size_t);
static inline void fz_feed(pq_bind_state *st, fz_update_fn up, const uint8_t *m, size_t len,
                           uint32_t seed) {
  uint32_t x = seed * 2654435761u + 0x9E3779B9u;
  const uint32_t maxpiece = (seed & 0xFF) * 4 + 1;
  size_t off = 0;
  while (off < len) {
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    size_t n = x % (maxpiece + 1);
    if (n > len - off) n = len - off;
    up(st, m + off, n);
    off += n;
  }
  if (seed & 0x100) up(st, m, 0);
}

/* The same chunking for a transform entry (streamed = 2): src -> dst (dst == src for in place). */
typedef void (*fz_transform_fn)(pq_bind_state *, const uint8_t *, uint8_t *, size_t);
static inline void fz_feed2(pq_bind_state *st, fz_transform_fn up, const uint8_t *src, uint8_t *dst,
                            size_t len, uint32_t seed) {
  uint32_t x = seed * 2654435761u + 0x9E3779B9u;
  const uint32_t maxpiece = (seed & 0xFF) * 4 + 1;
  size_t off = 0;
  while (off < len) {
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    size_t n = x % (maxpiece + 1);
    if (n > len - off) n = len - off;
    up(st, src + off, dst + off, n);
    off += n;
  }
  if (seed & 0x100) up(st, src, dst, 0);
}

/* Parameter-set selector used by the ML-DSA harnesses: mostly valid, sometimes not. */
static inline int32_t fz_level(uint8_t b) {
  static const int32_t levels[] = {44, 65, 87, 44, 65, 87, 44, 65, 87, 0, 66, -1, 2, 3};
  return levels[b % (sizeof levels / sizeof levels[0])];
}
#endif
