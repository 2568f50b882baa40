/* Benchmark hook of the AEAD family (shared/pq_bench.h): the kernels on fixed data in one
 * call, so the cost of crossing into WASM or the addon does not hide their speed. */
#include "aead/aead.h"
#include "aead/arx.h"
#include "aead/kernels_aead.h"
#include "shared/pq_bench.h"

static int ways_id(int32_t id) {
  static const uint8_t ways[6] = {1, 2, 3, 4, 8, 16};
  return ways[id - PQ_BENCH_AEAD_CHACHA20_X1];
}

int32_t pq_bench_aead_kernel(int32_t id, uint32_t iters) {
  if (id < PQ_BENCH_AEAD_CHACHA20_X1 || id > PQ_BENCH_AEAD_SEAL_4K) return -1;
  if (id <= PQ_BENCH_AEAD_CHACHA20_X16 && !((PQ_CHACHA20_WAYS >> ways_id(id)) & 1)) return -1;
  /* the build's Poly1305 kernel is the portable one: no SIMD figure to give */
  if (id == PQ_BENCH_AEAD_POLY1305_SIMD && !PQ_POLY1305_SIMD) return -1;
  uint8_t buf[4096], key[32], nonce[16];
  uint32_t x = 0x9e3779b9u, sum = 0;
  for (unsigned i = 0; i < sizeof buf; i++) {
    x ^= x << 13, x ^= x >> 17, x ^= x << 5;
    buf[i] = (uint8_t)x;
  }
  for (unsigned i = 0; i < 32; i++) key[i] = (uint8_t)(i * 7 + 1);
  for (unsigned i = 0; i < 16; i++) nonce[i] = (uint8_t)(i * 13 + 5);
  uint32_t s[16];
  pq_chacha20_load(s, key, nonce);
  if (id == PQ_BENCH_AEAD_SALSA20_4K) pq_salsa20_load(s, key, nonce);
  pq_poly1305 mac;
  pq_poly1305_init(&mac, key);
  for (uint32_t it = 0; it < iters; it++) {
    s[8] = 0, s[12] = 0; /* keep well inside the counter's range */
    switch (id) {
      case PQ_BENCH_AEAD_CHACHA20_4K: pq_chacha20_blocks(s, buf, buf, 64); break;
      case PQ_BENCH_AEAD_SALSA20_4K: pq_salsa20_blocks(s, buf, buf, 64); break;
      case PQ_BENCH_AEAD_POLY1305_SCALAR: pq_ref_poly1305_blocks(&mac, buf, 256); break;
      case PQ_BENCH_AEAD_POLY1305_SIMD: pq_poly1305_blocks(&mac, buf, 256); break;
      case PQ_BENCH_AEAD_SEAL_4K: {
        pq_aead_stream c;
        uint8_t tag[16];
        pq_aead_init(&c, PQ_AEAD_CHACHA20POLY1305, 1, key, 32, nonce, 12, nonce, 16);
        pq_aead_update(&c, buf, buf, sizeof buf);
        pq_aead_seal_final(&c, tag);
        sum += tag[0];
        break;
      }
      default: pq_chacha20_blocks(s, buf, buf, (size_t)ways_id(id)); break;
    }
  }
  pq_poly1305_final(&mac, key);
  return (int32_t)((sum + buf[5] + (uint32_t)buf[4000] * 256 + key[3]) & 0x7fffffff);
}
