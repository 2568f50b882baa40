/* Poly1305 incremental API (aead/poly1305.h): key set-up, buffering of partial
 * blocks, the final padded block and the tag. Full blocks go to pq_poly1305_blocks
 * (the build's kernel, aead/kernels_aead.h). */
#include "aead/poly1305.h"

#include "aead/arx.h"
#include "aead/kernels_aead.h"
#include "shared/pq_util.h"

void pq_poly1305_init(pq_poly1305 *st, const uint8_t key[32]) {
  pq_zero((uint8_t *)st, sizeof *st); /* h = 0, kernel_ready = 0, no buffered bytes */
#if PQ_POLY1305_LIMB64
  const uint64_t k0 = (uint64_t)pq_load32_le(key) | (uint64_t)pq_load32_le(key + 4) << 32;
  const uint64_t k1 = (uint64_t)pq_load32_le(key + 8) | (uint64_t)pq_load32_le(key + 12) << 32;
  st->r[0] = k0 & 0x0ffffffc0fffffffull;
  st->r[1] = k1 & 0x0ffffffc0ffffffcull;
  st->s1 = st->r[1] + (st->r[1] >> 2);
#else
  /* clamp while splitting into 26-bit limbs */
  st->r[0] = pq_load32_le(key) & 0x3ffffff;
  st->r[1] = (pq_load32_le(key + 3) >> 2) & 0x3ffff03;
  st->r[2] = (pq_load32_le(key + 6) >> 4) & 0x3ffc0ff;
  st->r[3] = (pq_load32_le(key + 9) >> 6) & 0x3f03fff;
  st->r[4] = (pq_load32_le(key + 12) >> 8) & 0x00fffff;
  for (int i = 0; i < 4; i++) st->s[i] = st->r[i + 1] * 5;
#endif
  for (int i = 0; i < 4; i++) st->pad[i] = pq_load32_le(key + 16 + 4 * i);
}

void pq_poly1305_update(pq_poly1305 *st, const uint8_t *m, size_t n) {
  if (st->used) {
    size_t take = 16 - st->used;
    if (take > n) take = n;
    pq_copy(st->buf + st->used, m, take);
    st->used += (uint32_t)take;
    m += take, n -= take;
    if (st->used < 16) return;
    pq_poly1305_blocks(st, st->buf, 1);
    st->used = 0;
  }
  const size_t full = n / 16;
  if (full) pq_poly1305_blocks(st, m, full);
  m += 16 * full, n -= 16 * full;
  pq_copy(st->buf, m, n);
  st->used = (uint32_t)n;
}

void pq_poly1305_pad16(pq_poly1305 *st) {
  if (!st->used) return;
  pq_zero(st->buf + st->used, 16 - st->used);
  pq_poly1305_blocks(st, st->buf, 1);
  st->used = 0;
}

void pq_poly1305_final(pq_poly1305 *st, uint8_t tag[16]) {
  if (st->used) { /* the last partial block: m ‖ 1 ‖ zeros, without the 2^128 bit */
    st->buf[st->used] = 1;
    pq_zero(st->buf + st->used + 1, 15 - st->used);
    pq_poly1305_blocks_portable(st, st->buf, 1, 0);
  }
#if PQ_POLY1305_LIMB64
  uint64_t h0 = st->h[0], h1 = st->h[1], h2 = st->h[2];
  /* h < 2^130 + 2^130/4 < 2p: h - p when h + 5 reaches 2^130 (bits >= 2^128 then drop) */
  unsigned __int128 t = (unsigned __int128)h0 + 5;
  const uint64_t g0 = (uint64_t)t;
  t = (unsigned __int128)h1 + (uint64_t)(t >> 64);
  const uint64_t g1 = (uint64_t)t;
  const uint64_t g2 = h2 + (uint64_t)(t >> 64);
  const uint64_t mask = 0 - (g2 >> 2);
  h0 = (h0 & ~mask) | (g0 & mask);
  h1 = (h1 & ~mask) | (g1 & mask);
  const uint64_t p0 = (uint64_t)st->pad[0] | (uint64_t)st->pad[1] << 32;
  const uint64_t p1 = (uint64_t)st->pad[2] | (uint64_t)st->pad[3] << 32;
  t = (unsigned __int128)h0 + p0;
  h0 = (uint64_t)t;
  h1 = h1 + p1 + (uint64_t)(t >> 64);
  for (int i = 0; i < 8; i++) {
    tag[i] = (uint8_t)(h0 >> (8 * i));
    tag[8 + i] = (uint8_t)(h1 >> (8 * i));
  }
#else
  const uint32_t M = 0x3ffffff;
  uint32_t h0 = st->h[0], h1 = st->h[1], h2 = st->h[2], h3 = st->h[3], h4 = st->h[4], c;
  /* full carry, then h - p when h + 5 reaches 2^130 */
  c = h1 >> 26, h1 &= M;
  h2 += c, c = h2 >> 26, h2 &= M;
  h3 += c, c = h3 >> 26, h3 &= M;
  h4 += c, c = h4 >> 26, h4 &= M;
  h0 += c * 5, c = h0 >> 26, h0 &= M;
  h1 += c;
  uint32_t g0 = h0 + 5;
  c = g0 >> 26, g0 &= M;
  uint32_t g1 = h1 + c;
  c = g1 >> 26, g1 &= M;
  uint32_t g2 = h2 + c;
  c = g2 >> 26, g2 &= M;
  uint32_t g3 = h3 + c;
  c = g3 >> 26, g3 &= M;
  const uint32_t g4 = h4 + c - (1u << 26);
  const uint32_t mask = (g4 >> 31) - 1; /* all ones when g4 did not go negative: h >= p */
  h0 = (h0 & ~mask) | (g0 & mask);
  h1 = (h1 & ~mask) | (g1 & mask);
  h2 = (h2 & ~mask) | (g2 & mask);
  h3 = (h3 & ~mask) | (g3 & mask);
  h4 = (h4 & ~mask) | (g4 & mask);
  /* h mod 2^128 as four words, plus pad */
  const uint32_t w[4] = {h0 | h1 << 26, (h1 >> 6) | h2 << 20, (h2 >> 12) | h3 << 14,
                         (h3 >> 18) | h4 << 8};
  uint64_t f = 0;
  for (int i = 0; i < 4; i++) {
    f += (uint64_t)w[i] + st->pad[i];
    pq_store32_le(tag + 4 * i, (uint32_t)f);
    f >>= 32;
  }
#endif
  pq_wipe(st, sizeof *st);
}

int pq_poly1305_verify16(const uint8_t a[16], const uint8_t b[16]) {
  return 1 - pq_ct_differ(a, b, 16);
}
