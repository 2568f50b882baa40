/* Small freestanding helpers shared by the C core (no libc). */
#ifndef PQ_UTIL_H
#define PQ_UTIL_H
#include <stddef.h>
#include <stdint.h>

static inline void pq_copy(uint8_t *dst, const uint8_t *src, size_t n) {
  for (size_t i = 0; i < n; i++) dst[i] = src[i];
}

static inline void pq_zero(uint8_t *dst, size_t n) {
  for (size_t i = 0; i < n; i++) dst[i] = 0;
}

/* Wipe secret memory. The plain loop becomes a wide memset; the empty asm that
 * "reads" all of memory through p afterwards keeps the compiler from dropping the
 * stores as dead (a byte-wise volatile loop cost 28% of ML-DSA sign). */
static inline void pq_wipe(void *p, size_t n) {
  uint8_t *v = (uint8_t *)p;
  for (size_t i = 0; i < n; i++) v[i] = 0;
  __asm__ __volatile__("" : : "r"(v) : "memory");
}

/* Constant-time equality: returns 0 when equal, 1 otherwise (no early exit). */
static inline int pq_ct_differ(const uint8_t *a, const uint8_t *b, size_t n) {
  uint32_t d = 0;
  for (size_t i = 0; i < n; i++) d |= (uint32_t)(a[i] ^ b[i]);
  return (int)((d + 0xFFu) >> 8);
}

static inline uint64_t pq_load64_le(const uint8_t *p) {
  uint64_t r = 0;
  for (int i = 7; i >= 0; i--) r = (r << 8) | p[i];
  return r;
}

static inline void pq_store64_le(uint8_t *p, uint64_t v) {
  for (int i = 0; i < 8; i++) p[i] = (uint8_t)(v >> (8 * i));
}

#endif
