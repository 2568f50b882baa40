/* Portable reference Keccak-f[1600] kernels (see kernels_keccak.h). */
#include "shared/kernels_keccak.h"

#include "shared/keccak_f1600.inc"
#define ROL64(x, n) (((x) << (n)) | ((x) >> (64 - (n))))

void pq_ref_keccakf1600_x1(uint64_t s[25]) {
#define PQ_DECL(x, y) uint64_t a##x##y = s[(x) + 5 * (y)], b##x##y;
  PQ_KECCAK_LANES(PQ_DECL)
#undef PQ_DECL
  uint64_t c0, c1, c2, c3, c4, d0, d1, d2, d3, d4;
  for (unsigned r = 0; r < 24; r++) {
    PQ_KECCAK_ROUND;
    a00 ^= PQ_KECCAK_RC[r];
  }
#define PQ_STORE(x, y) s[(x) + 5 * (y)] = a##x##y;
  PQ_KECCAK_LANES(PQ_STORE)
#undef PQ_STORE
}

void pq_ref_keccakf1600_x2(uint64_t s[50]) {
  uint64_t t[25];
  for (unsigned k = 0; k < 2; k++) {
    for (unsigned i = 0; i < 25; i++) t[i] = s[2 * i + k];
    pq_ref_keccakf1600_x1(t);
    for (unsigned i = 0; i < 25; i++) s[2 * i + k] = t[i];
  }
}

void pq_ref_keccakf1600_x4(uint64_t s[100]) {
  uint64_t t[25];
  for (unsigned k = 0; k < 4; k++) {
    for (unsigned i = 0; i < 25; i++) t[i] = s[4 * i + k];
    pq_ref_keccakf1600_x1(t);
    for (unsigned i = 0; i < 25; i++) s[4 * i + k] = t[i];
  }
}
