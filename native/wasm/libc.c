/* The few libc symbols clang may emit calls to in a -nostdlib WASM build
 * (struct copies, zeroing). Built with -fno-builtin so these loops are not
 * turned back into calls to themselves. */
#include <stddef.h>

#include "shared/pq_api.h"

void *memcpy(void *restrict dst, const void *restrict src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);

void *memcpy(void *restrict dst, const void *restrict src, size_t n) {
  unsigned char *d = dst;
  const unsigned char *s = src;
  while (n--) *d++ = *s++;
  return dst;
}

void *memmove(void *dst, const void *src, size_t n) {
  unsigned char *d = dst;
  const unsigned char *s = src;
  if (d < s) {
    while (n--) *d++ = *s++;
  } else {
    while (n--) d[n] = s[n];
  }
  return dst;
}

void *memset(void *dst, int c, size_t n) {
  unsigned char *d = dst;
  while (n--) *d++ = (unsigned char)c;
  return dst;
}

/* Sizes the JS loader checks its memory layout against. */
#include "mldsa/mldsa.h"
PQ_API size_t pq_sizeof_keccak_state(void) { return sizeof(pq_keccak_state); }
PQ_API size_t pq_sizeof_prehash_ctx(void) { return sizeof(pq_prehash_ctx); }
