/* FIPS 202 sponge construction over the Keccak-f[1600] kernel. */
#include "shared/fips202.h"

#include "shared/kernels_keccak.h"
#include "shared/pq_util.h"

void pq_keccak_init(pq_keccak_state *st, unsigned rate) {
  for (unsigned i = 0; i < 25; i++) st->s[i] = 0;
  st->pos = 0;
  st->rate = rate;
}

static inline void xor_byte(uint64_t *s, unsigned pos, uint8_t b) {
  s[pos >> 3] ^= (uint64_t)b << (8 * (pos & 7));
}

void pq_keccak_absorb(pq_keccak_state *st, const uint8_t *in, size_t len) {
  unsigned pos = st->pos;
  const unsigned rate = st->rate;
  /* head: bytes until the next lane boundary */
  while (len > 0 && (pos & 7) != 0) {
    xor_byte(st->s, pos++, *in++);
    len--;
    if (pos == rate) {
      pq_keccakf1600_x1(st->s);
      pos = 0;
    }
  }
  /* whole lanes */
  while (len >= 8) {
    st->s[pos >> 3] ^= pq_load64_le(in);
    in += 8;
    len -= 8;
    pos += 8;
    if (pos == rate) {
      pq_keccakf1600_x1(st->s);
      pos = 0;
    }
  }
  while (len > 0) {
    xor_byte(st->s, pos++, *in++);
    len--;
    if (pos == rate) {
      pq_keccakf1600_x1(st->s);
      pos = 0;
    }
  }
  st->pos = pos;
}

void pq_keccak_finalize(pq_keccak_state *st, uint8_t domain) {
  xor_byte(st->s, st->pos, domain);
  xor_byte(st->s, st->rate - 1, 0x80);
  st->pos = st->rate; /* nothing squeezed yet: the next squeeze permutes first */
}

void pq_keccak_squeeze(pq_keccak_state *st, uint8_t *out, size_t len) {
  unsigned pos = st->pos;
  while (len > 0) {
    if (pos == st->rate) {
      pq_keccakf1600_x1(st->s);
      pos = 0;
    }
    unsigned n = st->rate - pos;
    if (n > len) n = (unsigned)len;
    for (unsigned i = 0; i < n; i++) out[i] = (uint8_t)(st->s[(pos + i) >> 3] >> (8 * ((pos + i) & 7)));
    out += n;
    pos += n;
    len -= n;
  }
  st->pos = pos;
}

void pq_keccak_squeezeblocks(pq_keccak_state *st, uint8_t *out, size_t nblocks) {
  while (nblocks-- > 0) {
    pq_keccakf1600_x1(st->s);
    for (unsigned i = 0; i < st->rate / 8; i++) pq_store64_le(out + 8 * i, st->s[i]);
    out += st->rate;
  }
  st->pos = st->rate;
}

void pq_shake128(uint8_t *out, size_t outlen, const uint8_t *in, size_t inlen) {
  pq_keccak_state st;
  pq_shake128_init(&st);
  pq_keccak_absorb(&st, in, inlen);
  pq_shake_finalize(&st);
  pq_keccak_squeeze(&st, out, outlen);
  pq_wipe(&st, sizeof st);
}

void pq_shake256(uint8_t *out, size_t outlen, const uint8_t *in, size_t inlen) {
  pq_keccak_state st;
  pq_shake256_init(&st);
  pq_keccak_absorb(&st, in, inlen);
  pq_shake_finalize(&st);
  pq_keccak_squeeze(&st, out, outlen);
  pq_wipe(&st, sizeof st);
}

void pq_sha3(uint8_t *out, size_t outlen, const uint8_t *in, size_t inlen) {
  pq_keccak_state st;
  pq_keccak_init(&st, (unsigned)(200 - 2 * outlen));
  pq_keccak_absorb(&st, in, inlen);
  pq_keccak_finalize(&st, 0x06);
  pq_keccak_squeeze(&st, out, outlen);
  pq_wipe(&st, sizeof st);
}

/* ---- 2-way and 4-way ---------------------------------------------------------
 * Lane i of instance k lives at s[W*i + k] (W = 2 or 4). */

static void absorb_once_w(uint64_t *s, unsigned W, unsigned rate, const uint8_t *const *in,
                          size_t inlen, void (*permute)(uint64_t *)) {
  for (unsigned i = 0; i < 25 * W; i++) s[i] = 0;
  size_t off = 0;
  for (;;) {
    const unsigned n = (inlen - off < rate) ? (unsigned)(inlen - off) : rate;
    for (unsigned k = 0; k < W; k++)
      for (unsigned j = 0; j < n; j++) s[W * (j >> 3) + k] ^= (uint64_t)in[k][off + j] << (8 * (j & 7));
    off += n;
    if (n < rate) {
      for (unsigned k = 0; k < W; k++) {
        s[W * (n >> 3) + k] ^= (uint64_t)0x1F << (8 * (n & 7));
        s[W * ((rate - 1) >> 3) + k] ^= (uint64_t)0x80 << 56;
      }
      return;
    }
    permute(s);
  }
}

static void squeezeblocks_w(uint64_t *s, unsigned W, unsigned rate, uint8_t *const *out,
                            size_t nblocks, void (*permute)(uint64_t *)) {
  for (size_t b = 0; b < nblocks; b++) {
    permute(s);
    for (unsigned k = 0; k < W; k++)
      for (unsigned i = 0; i < rate / 8; i++) pq_store64_le(out[k] + b * rate + 8 * i, s[W * i + k]);
  }
}

static void permute_x1(uint64_t *s) { pq_keccakf1600_x1(s); }
static void permute_x2(uint64_t *s) { pq_keccakf1600_x2(s); }
static void permute_x4(uint64_t *s) { pq_keccakf1600_x4(s); }

static void (*const permute_w[5])(uint64_t *) = {0, permute_x1, permute_x2, 0, permute_x4};

void pq_shake_multi_absorb_once(uint64_t *s, unsigned ways, unsigned rate,
                                const uint8_t *const *in, size_t inlen) {
  absorb_once_w(s, ways, rate, in, inlen, permute_w[ways]);
}

void pq_shake_multi_squeezeblocks(uint64_t *s, unsigned ways, unsigned rate, uint8_t *const *out,
                                  size_t nblocks) {
  squeezeblocks_w(s, ways, rate, out, nblocks, permute_w[ways]);
}

void pq_shake_x2_absorb_once(pq_keccak_x2_state *st, unsigned rate, const uint8_t *in0,
                             const uint8_t *in1, size_t inlen) {
  const uint8_t *in[2] = {in0, in1};
  st->rate = rate;
  absorb_once_w(st->s, 2, rate, in, inlen, permute_x2);
}

void pq_shake_x2_squeezeblocks(pq_keccak_x2_state *st, uint8_t *out0, uint8_t *out1,
                               size_t nblocks) {
  uint8_t *out[2] = {out0, out1};
  squeezeblocks_w(st->s, 2, st->rate, out, nblocks, permute_x2);
}

void pq_shake_x4_absorb_once(pq_keccak_x4_state *st, unsigned rate, const uint8_t *in0,
                             const uint8_t *in1, const uint8_t *in2, const uint8_t *in3,
                             size_t inlen) {
  const uint8_t *in[4] = {in0, in1, in2, in3};
  st->rate = rate;
  absorb_once_w(st->s, 4, rate, in, inlen, permute_x4);
}

void pq_shake_x4_squeezeblocks(pq_keccak_x4_state *st, uint8_t *out0, uint8_t *out1,
                               uint8_t *out2, uint8_t *out3, size_t nblocks) {
  uint8_t *out[4] = {out0, out1, out2, out3};
  squeezeblocks_w(st->s, 4, st->rate, out, nblocks, permute_x4);
}
