/* Keccak-f[1600] on two states at once in i64x2 lanes (WebAssembly SIMD128).
 * State layout as shared/kernels_keccak.h: lane i of instance k at s[2*i + k], so lane i of
 * both instances is one v128. x4 runs two x2 permutations. */
#include <wasm_simd128.h>

#include "shared/keccak_f1600.inc"
#include "shared/kernels_keccak.h"

/* The generated round body (keccak_f1600.inc) uses ^ ~ & and ROL64: on v128_t the
 * first three are lane-agnostic bitwise operations; ROL64 is a 64-bit-lane rotate. */
#define ROL64(x, n) wasm_v128_or(wasm_i64x2_shl((x), (n)), wasm_u64x2_shr((x), 64 - (n)))

void pq_wasm_keccakf1600_x2(uint64_t s[50]) {
#define PQ_DECL(x, y) v128_t a##x##y = wasm_v128_load(&s[2 * ((x) + 5 * (y))]), b##x##y;
  PQ_KECCAK_LANES(PQ_DECL)
#undef PQ_DECL
  v128_t c0, c1, c2, c3, c4, d0, d1, d2, d3, d4;
  for (unsigned r = 0; r < 24; r++) {
    PQ_KECCAK_ROUND;
    a00 = wasm_v128_xor(a00, wasm_i64x2_splat((int64_t)PQ_KECCAK_RC[r]));
  }
#define PQ_STORE(x, y) wasm_v128_store(&s[2 * ((x) + 5 * (y))], a##x##y);
  PQ_KECCAK_LANES(PQ_STORE)
#undef PQ_STORE
}

void pq_wasm_keccakf1600_x4(uint64_t s[100]) {
  /* x4 layout s[4i + k]: instances {0,1} and {2,3} are each an x2 layout when
   * viewed with stride 4; gather into two x2 states, permute, scatter. */
  uint64_t t[2][50];
  for (unsigned i = 0; i < 25; i++) {
    wasm_v128_store(&t[0][2 * i], wasm_v128_load(&s[4 * i]));
    wasm_v128_store(&t[1][2 * i], wasm_v128_load(&s[4 * i + 2]));
  }
  pq_wasm_keccakf1600_x2(t[0]);
  pq_wasm_keccakf1600_x2(t[1]);
  for (unsigned i = 0; i < 25; i++) {
    wasm_v128_store(&s[4 * i], wasm_v128_load(&t[0][2 * i]));
    wasm_v128_store(&s[4 * i + 2], wasm_v128_load(&t[1][2 * i]));
  }
}
