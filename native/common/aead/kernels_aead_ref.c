/* Portable reference kernels of the AEAD family (aead/kernels_aead.h): one 64-byte
 * block at a time for ChaCha20/Salsa20, one 16-byte block at a time for Poly1305 in
 * the build's limb form (aead/poly1305.h). These are also the scalar WASM and the
 * portable cores' bulk loops, so they keep the state in locals. */
#include "aead/arx.h"
#include "aead/kernels_aead.h"
#include "shared/pq_util.h"

/* out = in XOR (x + s) for one block, word by word (in == out works: each word is read
 * before it is written) */
static inline void xor_block(uint8_t *out, const uint8_t *in, const uint32_t x[16],
                             const uint32_t s[16]) {
  if (in) {
    for (int i = 0; i < 16; i++)
      pq_store32_le(out + 4 * i, pq_load32_le(in + 4 * i) ^ (x[i] + s[i]));
  } else {
    for (int i = 0; i < 16; i++) pq_store32_le(out + 4 * i, x[i] + s[i]);
  }
}

/* The state is copied to a local first: out is a byte pointer that may alias s, which would
 * make the compiler reload s after every store (clang: 2.7 vs 1.5 ns/B on 4 KiB). */
void pq_ref_chacha20_blocks(uint32_t s[16], uint8_t *out, const uint8_t *in, size_t nblocks) {
  uint32_t st[16], x[16];
  for (int i = 0; i < 16; i++) st[i] = s[i];
  for (size_t b = 0; b < nblocks; b++) {
    for (int i = 0; i < 16; i++) x[i] = st[i];
    pq_chacha20_rounds(x);
    xor_block(out + 64 * b, in ? in + 64 * b : in, x, st);
    st[12]++;
  }
  s[12] = st[12];
  /* the copies hold the key and the last block's keystream: where they live in memory (wasm32's
   * stack in linear memory) a later call or the host could read them */
  pq_wipe(st, sizeof st);
  pq_wipe(x, sizeof x);
}

void pq_ref_salsa20_blocks(uint32_t s[16], uint8_t *out, const uint8_t *in, size_t nblocks) {
  uint32_t st[16], x[16];
  for (int i = 0; i < 16; i++) st[i] = s[i];
  for (size_t b = 0; b < nblocks; b++) {
    for (int i = 0; i < 16; i++) x[i] = st[i];
    pq_salsa20_rounds(x);
    xor_block(out + 64 * b, in ? in + 64 * b : in, x, st);
    st[8]++;
  }
  s[8] = st[8];
  /* the copies hold the key and the last block's keystream: where they live in memory (wasm32's
   * stack in linear memory) a later call or the host could read them */
  pq_wipe(st, sizeof st);
  pq_wipe(x, sizeof x);
}

#if PQ_POLY1305_LIMB64

static inline uint64_t load64(const uint8_t *p) {
  return (uint64_t)pq_load32_le(p) | (uint64_t)pq_load32_le(p + 4) << 32;
}

/* h = (h + m + hibit 2^128) r mod p, partly reduced (h[2] < 8 on return). */
void pq_poly1305_blocks_portable(pq_poly1305 *st, const uint8_t *m, size_t nblocks,
                                 uint32_t hibit) {
  const uint64_t r0 = st->r[0], r1 = st->r[1], s1 = st->s1;
  uint64_t h0 = st->h[0], h1 = st->h[1], h2 = st->h[2];
  for (size_t b = 0; b < nblocks; b++, m += 16) {
    /* h += m (the carries as 128-bit sums: add/adc, no data-dependent branch) */
    unsigned __int128 t = (unsigned __int128)h0 + load64(m);
    h0 = (uint64_t)t;
    t = (unsigned __int128)h1 + load64(m + 8) + (uint64_t)(t >> 64);
    h1 = (uint64_t)t;
    h2 += (uint64_t)(t >> 64) + hibit;
    /* h r: 2^128 h1 r1 = h1 (5 r1 / 4) = h1 s1 mod p, and 2^192 h2 r1 = 2^64 h2 s1 */
    const unsigned __int128 d0 = (unsigned __int128)h0 * r0 + (unsigned __int128)h1 * s1;
    unsigned __int128 d1 =
        (unsigned __int128)h0 * r1 + (unsigned __int128)h1 * r0 + (unsigned __int128)h2 * s1;
    uint64_t d2 = h2 * r0; /* h2 < 8 and r0 < 2^60: no overflow */
    h0 = (uint64_t)d0;
    d1 += (uint64_t)(d0 >> 64);
    h1 = (uint64_t)d1;
    d2 += (uint64_t)(d1 >> 64);
    /* fold the bits from 2^130 up back in times 5 */
    const uint64_t c = (d2 >> 2) + (d2 & ~(uint64_t)3);
    h2 = d2 & 3;
    t = (unsigned __int128)h0 + c;
    h0 = (uint64_t)t;
    t = (unsigned __int128)h1 + (uint64_t)(t >> 64);
    h1 = (uint64_t)t;
    h2 += (uint64_t)(t >> 64);
  }
  st->h[0] = h0, st->h[1] = h1, st->h[2] = h2;
}

#else

/* h = (h + m + hibit 2^128) r mod p in 26-bit limbs (poly1305-donna's 32-bit form) */
void pq_poly1305_blocks_portable(pq_poly1305 *st, const uint8_t *m, size_t nblocks,
                                 uint32_t hibit) {
  const uint32_t M = 0x3ffffff;
  const uint32_t r0 = st->r[0], r1 = st->r[1], r2 = st->r[2], r3 = st->r[3], r4 = st->r[4];
  const uint32_t s1 = st->s[0], s2 = st->s[1], s3 = st->s[2], s4 = st->s[3];
  uint32_t h0 = st->h[0], h1 = st->h[1], h2 = st->h[2], h3 = st->h[3], h4 = st->h[4];
  const uint32_t hb = hibit << 24;
  for (size_t b = 0; b < nblocks; b++, m += 16) {
    h0 += pq_load32_le(m) & M;
    h1 += (pq_load32_le(m + 3) >> 2) & M;
    h2 += (pq_load32_le(m + 6) >> 4) & M;
    h3 += (pq_load32_le(m + 9) >> 6) & M;
    h4 += (pq_load32_le(m + 12) >> 8) | hb;
    uint64_t d0 = (uint64_t)h0 * r0 + (uint64_t)h1 * s4 + (uint64_t)h2 * s3 + (uint64_t)h3 * s2 +
                  (uint64_t)h4 * s1;
    uint64_t d1 = (uint64_t)h0 * r1 + (uint64_t)h1 * r0 + (uint64_t)h2 * s4 + (uint64_t)h3 * s3 +
                  (uint64_t)h4 * s2;
    uint64_t d2 = (uint64_t)h0 * r2 + (uint64_t)h1 * r1 + (uint64_t)h2 * r0 + (uint64_t)h3 * s4 +
                  (uint64_t)h4 * s3;
    uint64_t d3 = (uint64_t)h0 * r3 + (uint64_t)h1 * r2 + (uint64_t)h2 * r1 + (uint64_t)h3 * r0 +
                  (uint64_t)h4 * s4;
    uint64_t d4 = (uint64_t)h0 * r4 + (uint64_t)h1 * r3 + (uint64_t)h2 * r2 + (uint64_t)h3 * r1 +
                  (uint64_t)h4 * r0;
    uint32_t c;
    c = (uint32_t)(d0 >> 26), h0 = (uint32_t)d0 & M;
    d1 += c, c = (uint32_t)(d1 >> 26), h1 = (uint32_t)d1 & M;
    d2 += c, c = (uint32_t)(d2 >> 26), h2 = (uint32_t)d2 & M;
    d3 += c, c = (uint32_t)(d3 >> 26), h3 = (uint32_t)d3 & M;
    d4 += c, c = (uint32_t)(d4 >> 26), h4 = (uint32_t)d4 & M;
    h0 += c * 5, c = h0 >> 26, h0 &= M;
    h1 += c;
  }
  st->h[0] = h0, st->h[1] = h1, st->h[2] = h2, st->h[3] = h3, st->h[4] = h4;
}

#endif

void pq_ref_poly1305_blocks(pq_poly1305 *st, const uint8_t *m, size_t nblocks) {
  pq_poly1305_blocks_portable(st, m, nblocks, 1);
}

/* The combined AEAD kernels of a build without stitched ones: the build's two kernels in turn
 * (the open MACs the input before the XOR can overwrite it in place). */
void pq_unstitched_chacha20_poly1305_seal_blocks(uint32_t s[16], pq_poly1305 *mac, uint8_t *out,
                                                 const uint8_t *in, size_t nblocks) {
  pq_chacha20_blocks(s, out, in, nblocks);
  pq_poly1305_blocks(mac, out, 4 * nblocks);
}
void pq_unstitched_chacha20_poly1305_open_blocks(uint32_t s[16], pq_poly1305 *mac, uint8_t *out,
                                                 const uint8_t *in, size_t nblocks) {
  pq_poly1305_blocks(mac, in, 4 * nblocks);
  pq_chacha20_blocks(s, out, in, nblocks);
}
void pq_unstitched_salsa20_poly1305_seal_blocks(uint32_t s[16], pq_poly1305 *mac, uint8_t *out,
                                                const uint8_t *in, size_t nblocks) {
  pq_salsa20_blocks(s, out, in, nblocks);
  pq_poly1305_blocks(mac, out, 4 * nblocks);
}
void pq_unstitched_salsa20_poly1305_open_blocks(uint32_t s[16], pq_poly1305 *mac, uint8_t *out,
                                                const uint8_t *in, size_t nblocks) {
  pq_poly1305_blocks(mac, in, 4 * nblocks);
  pq_salsa20_blocks(s, out, in, nblocks);
}
