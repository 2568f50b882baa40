/* Streaming ciphers, AEADs and secretstream over the AEAD kernels (aead/aead.h). */
#include "aead/aead.h"

#include "aead/arx.h"
#include "aead/kernels_aead.h"
#include "binding/pq_binding.h"
#include "shared/pq_ct.h"
#include "shared/pq_util.h"

/* what pq_aead_update does */
#define OP_FAIL 0 /* init failed or the counter ran out: zero the output */
#define OP_XOR 1  /* stream cipher */
#define OP_SEAL 2 /* encrypt, then MAC the ciphertext */
#define OP_OPEN 3 /* MAC the ciphertext, then decrypt */

#define KIND_SECRETSTREAM 16

/* AEAD updates work in chunks of this size: the ciphertext a chunk wrote (or is about to
 * read) is still in L1 when Poly1305 reads it. */
#define CHUNK 4096

static const uint8_t zeros16[16] = {0};

static int32_t fail(pq_aead_stream *c, int32_t err) {
  c->op = OP_FAIL;
  if (!c->err) c->err = err;
  return err;
}

static void start(pq_aead_stream *c) {
  pq_zero((uint8_t *)c, sizeof *c);
  c->op = OP_FAIL;
  c->used = 64;
}

/* Key and counter set-up of a cipher (lengths already checked). `room` counts the blocks left
 * before the counter's end, minus one: 2^32 - counter (RFC 8439) or 2^64 - counter blocks. */
static void setup(pq_aead_stream *c, int32_t cipher, const uint8_t key[32], const uint8_t *nonce,
                  uint64_t counter) {
  uint8_t sub[32], in16[16];
  const uint8_t *k = key;
  c->salsa = cipher == PQ_CIPHER_SALSA20 || cipher == PQ_CIPHER_XSALSA20;
  c->wide = cipher != PQ_CIPHER_CHACHA20;
  c->room = c->wide ? UINT64_MAX - counter : (((uint64_t)1 << 32) - 1) - counter;
  c->exhausted = 0;
  c->used = 64;
  if (cipher == PQ_CIPHER_XCHACHA20) {
    pq_hchacha20(sub, key, nonce);
    k = sub, nonce += 16;
  } else if (cipher == PQ_CIPHER_XSALSA20) {
    pq_hsalsa20(sub, key, nonce);
    k = sub, nonce += 16;
  }
  if (c->salsa) { /* nonce(8) ‖ LE64 counter */
    pq_copy(in16, nonce, 8);
    pq_store64_le(in16 + 8, counter);
    pq_salsa20_load(c->s, k, in16);
  } else if (cipher == PQ_CIPHER_CHACHA20) { /* LE32 counter ‖ nonce(12) */
    pq_store32_le(in16, (uint32_t)counter);
    pq_copy(in16 + 4, nonce, 12);
    pq_chacha20_load(c->s, k, in16);
  } else { /* LE64 counter ‖ nonce(8) */
    pq_store64_le(in16, counter);
    pq_copy(in16 + 8, nonce, 8);
    pq_chacha20_load(c->s, k, in16);
  }
  pq_wipe(sub, sizeof sub);
  pq_wipe(in16, sizeof in16);
}

/* Reserve n >= 1 blocks of the counter: 0, or PQ_ERR_COUNTER if it would pass its end. */
static int32_t take_blocks(pq_aead_stream *c, uint64_t n) {
  if (c->exhausted || n - 1 > c->room) return PQ_ERR_COUNTER;
  if (n - 1 == c->room)
    c->exhausted = 1;
  else
    c->room -= n;
  return 0;
}

/* nblocks (reserved) blocks through the kernel, split where the low counter word wraps: the
 * kernels require s[12] + nblocks <= 2^32 and never carry into the high word themselves. */
static void run_blocks(pq_aead_stream *c, uint8_t *out, const uint8_t *in, size_t nblocks) {
  uint32_t *lo = &c->s[c->salsa ? 8 : 12];
  while (nblocks) {
    const uint64_t to_wrap = ((uint64_t)1 << 32) - *lo;
    const size_t run = (uint64_t)nblocks < to_wrap ? nblocks : (size_t)to_wrap;
    if (c->salsa)
      pq_salsa20_blocks(c->s, out, in, run);
    else
      pq_chacha20_blocks(c->s, out, in, run);
    out += 64 * run;
    if (in) in += 64 * run;
    nblocks -= run;
    if (*lo == 0 && c->wide) c->s[c->salsa ? 9 : 13]++; /* (RFC 8439's 32-bit counter ends here) */
  }
}

/* dst = src XOR keystream (src == NULL: the keystream): leftover bytes of the last block first,
 * then whole blocks straight between the caller's buffers, then one block into c->ks for the
 * tail. */
static void xor_stream(pq_aead_stream *c, uint8_t *dst, const uint8_t *src, size_t n) {
  size_t i = 0;
  for (; c->used < 64 && i < n; i++) dst[i] = (uint8_t)((src ? src[i] : 0) ^ c->ks[c->used++]);
  if (i == n) return;
  const size_t rest = n - i, nb = rest / 64, tail = rest % 64;
  if (take_blocks(c, (uint64_t)nb + (tail != 0))) {
    fail(c, PQ_ERR_COUNTER);
    pq_zero(dst + i, rest); /* no keystream past the end: never output reused keystream */
    return;
  }
  run_blocks(c, dst + i, src ? src + i : src, nb);
  i += 64 * nb;
  if (tail) {
    run_blocks(c, c->ks, NULL, 1);
    for (size_t j = 0; j < tail; j++) dst[i + j] = (uint8_t)((src ? src[i + j] : 0) ^ c->ks[j]);
    c->used = (uint32_t)tail;
  }
}

/* The cipher and the MAC as two passes: seal encrypts, then MACs the ciphertext; open MACs the
 * ciphertext first (in place, the XOR overwrites it). */
static void xor_mac_split(pq_aead_stream *c, int seal, uint8_t *dst, const uint8_t *src, size_t n) {
  if (seal) {
    xor_stream(c, dst, src, n);
    pq_poly1305_update(&c->mac, dst, n);
  } else {
    pq_poly1305_update(&c->mac, src, n);
    xor_stream(c, dst, src, n);
  }
}

/* nblocks (reserved) blocks through the combined AEAD kernel (aead/kernels_aead.h), split at the
 * wrap of the low counter word as run_blocks does (the AEADs' 32-bit counter never wraps inside a
 * reserved run; secretbox's 64-bit one carries as there). */
static void run_blocks_mac(pq_aead_stream *c, int seal, uint8_t *out, const uint8_t *in,
                           size_t nblocks) {
  uint32_t *lo = &c->s[c->salsa ? 8 : 12];
  while (nblocks) {
    const uint64_t to_wrap = ((uint64_t)1 << 32) - *lo;
    const size_t run = (uint64_t)nblocks < to_wrap ? nblocks : (size_t)to_wrap;
    if (c->salsa) {
      if (seal)
        pq_salsa20_poly1305_seal_blocks(c->s, &c->mac, out, in, run);
      else
        pq_salsa20_poly1305_open_blocks(c->s, &c->mac, out, in, run);
    } else {
      if (seal)
        pq_chacha20_poly1305_seal_blocks(c->s, &c->mac, out, in, run);
      else
        pq_chacha20_poly1305_open_blocks(c->s, &c->mac, out, in, run);
    }
    out += 64 * run, in += 64 * run;
    nblocks -= run;
    if (*lo == 0 && c->wide) c->s[c->salsa ? 9 : 13]++;
  }
}

/* One AEAD chunk, cipher and MAC in one pass where they can be: the leftover keystream of the last
 * block, then the whole blocks through the combined kernel (stitched where the target has one),
 * then the tail from one more block, as xor_stream (the same counter reservation, so the same
 * output on every path, errors included). The combined kernel needs the MAC without a buffered
 * partial block; in every AEAD here the MAC input keeps pace with the keystream from a 16-byte
 * aligned start (secretbox: byte 32 of block 0), so after the leftover keystream it has none, but
 * it is checked. A NULL source takes the two-pass path. */
static void xor_mac(pq_aead_stream *c, int seal, uint8_t *dst, const uint8_t *src, size_t n) {
  size_t lead = c->used < 64 ? 64 - c->used : 0;
  if (lead > n) lead = n;
  if (lead) xor_mac_split(c, seal, dst, src, lead); /* within the leftover keystream */
  const size_t rest = n - lead, nb = rest / 64, tail = rest % 64;
  if (!nb || !src || c->mac.used) {
    if (rest) xor_mac_split(c, seal, dst + lead, src ? src + lead : src, rest);
    return;
  }
  dst += lead, src += lead;
  if (take_blocks(c, (uint64_t)nb + (tail != 0))) {
    fail(c, PQ_ERR_COUNTER);
    pq_zero(dst, rest); /* as xor_stream: no keystream past the end */
    return;
  }
  run_blocks_mac(c, seal, dst, src, nb);
  dst += 64 * nb, src += 64 * nb;
  if (tail) {
    if (!seal) pq_poly1305_update(&c->mac, src, tail);
    run_blocks(c, c->ks, NULL, 1);
    for (size_t j = 0; j < tail; j++) dst[j] = (uint8_t)(src[j] ^ c->ks[j]);
    c->used = (uint32_t)tail;
    if (seal) pq_poly1305_update(&c->mac, dst, tail);
  }
}

void pq_aead_update(pq_aead_stream *c, uint8_t *dst, const uint8_t *src, size_t n) {
  while (n) {
    const size_t m = n < CHUNK ? n : CHUNK;
    switch (c->op) {
      case OP_XOR: xor_stream(c, dst, src, m); break;
      case OP_SEAL: xor_mac(c, 1, dst, src, m); break;
      case OP_OPEN: xor_mac(c, 0, dst, src, m); break;
      default: pq_zero(dst, m); break;
    }
    c->msg_len += m;
    dst += m;
    if (src) src += m;
    n -= m;
  }
}

/* ---- stream ciphers ---------------------------------------------------------------------------- */

static size_t nonce_bytes(int32_t cipher) {
  static const uint8_t len[5] = {12, 8, 24, 8, 24};
  return len[cipher];
}

int32_t pq_stream_init(pq_aead_stream *c, int32_t cipher, const uint8_t *key, size_t key_len,
                       const uint8_t *nonce, size_t nonce_len, uint64_t counter) {
  start(c);
  if (cipher < 0 || cipher > PQ_CIPHER_XSALSA20) return fail(c, PQ_ERR_PARAMS);
  if (key_len != 32 || nonce_len != nonce_bytes(cipher)) return fail(c, PQ_ERR_LENGTH);
  if (cipher == PQ_CIPHER_CHACHA20 && counter >> 32) return fail(c, PQ_ERR_COUNTER);
  setup(c, cipher, key, nonce, counter);
  c->op = OP_XOR;
  return 0;
}

int32_t pq_stream_final(pq_aead_stream *c) {
  const int32_t err = c->err;
  pq_wipe(c, sizeof *c);
  return err;
}

/* ---- AEAD -------------------------------------------------------------------------------------- */

int32_t pq_aead_init(pq_aead_stream *c, int32_t kind, int encrypt, const uint8_t *key,
                     size_t key_len, const uint8_t *nonce, size_t nonce_len, const uint8_t *aad,
                     size_t aad_len) {
  start(c);
  if (kind < PQ_AEAD_CHACHA20POLY1305 || kind > PQ_AEAD_XSALSA20POLY1305)
    return fail(c, PQ_ERR_PARAMS);
  if (key_len != 32 || nonce_len != (kind == PQ_AEAD_CHACHA20POLY1305 ? 12u : 24u))
    return fail(c, PQ_ERR_LENGTH);
  if (kind == PQ_AEAD_XSALSA20POLY1305 && aad_len) return fail(c, PQ_ERR_INPUT);
  c->kind = kind;
  uint8_t block[64];
  if (kind == PQ_AEAD_XSALSA20POLY1305) {
    /* secretbox: Poly1305 key = keystream bytes 0..31, the message from byte 32 of block 0 */
    setup(c, PQ_CIPHER_XSALSA20, key, nonce, 0);
    take_blocks(c, 1);
    run_blocks(c, c->ks, NULL, 1);
    pq_poly1305_init(&c->mac, c->ks);
    pq_wipe(c->ks, 32);
    c->used = 32;
  } else {
    /* RFC 8439 section 2.8: Poly1305 key = the first 32 bytes of block 0, the message from
     * block 1; XChaCha20: the same with HChaCha20(key, nonce[0..16]) and 0^4 ‖ nonce[16..24] */
    uint8_t sub[32], n12[12];
    const uint8_t *k = key;
    pq_copy(n12, nonce, 12);
    if (kind == PQ_AEAD_XCHACHA20POLY1305) {
      pq_hchacha20(sub, key, nonce);
      k = sub;
      pq_zero(n12, 4);
      pq_copy(n12 + 4, nonce + 16, 8);
    }
    setup(c, PQ_CIPHER_CHACHA20, k, n12, 0);
    take_blocks(c, 1);
    run_blocks(c, block, NULL, 1);
    pq_poly1305_init(&c->mac, block);
    pq_poly1305_update(&c->mac, aad, aad_len);
    pq_poly1305_pad16(&c->mac);
    pq_wipe(sub, sizeof sub);
    pq_wipe(block, sizeof block);
  }
  c->ad_len = aad_len;
  c->op = encrypt ? OP_SEAL : OP_OPEN;
  return 0;
}

/* the tag over what the updates MACed: RFC 8439 appends pad16 and the two lengths */
static void aead_tag(pq_aead_stream *c, uint8_t tag[16]) {
  if (c->kind != PQ_AEAD_XSALSA20POLY1305) {
    uint8_t lens[16];
    pq_poly1305_pad16(&c->mac);
    pq_store64_le(lens, c->ad_len);
    pq_store64_le(lens + 8, c->msg_len);
    pq_poly1305_update(&c->mac, lens, 16);
  }
  pq_poly1305_final(&c->mac, tag);
}

int32_t pq_aead_seal_final(pq_aead_stream *c, uint8_t tag[16]) {
  int32_t err = c->err;
  if (!err && c->op != OP_SEAL) err = PQ_ERR_INPUT;
  if (err)
    pq_zero(tag, 16);
  else
    aead_tag(c, tag);
  pq_wipe(c, sizeof *c);
  return err;
}

int32_t pq_aead_open_final(pq_aead_stream *c, const uint8_t tag[16]) {
  int32_t r = c->err;
  if (!r && c->op != OP_OPEN) r = PQ_ERR_INPUT;
  if (!r) {
    uint8_t want[16];
    aead_tag(c, want);
    r = pq_poly1305_verify16(want, tag);
    PQ_CT_PUBLIC(&r, sizeof r); /* the verdict is the open's one public result */
    pq_wipe(want, sizeof want);
  }
  pq_wipe(c, sizeof *c);
  return r;
}

/* ---- crypto_secretstream_xchacha20poly1305 -------------------------------------------------------- */

/* state layout: k(32) ‖ nonce(12) = LE32 counter ‖ inonce(8) ‖ 8 zero bytes */
#define SST_NONCE 32
#define SST_INONCE 36
#define SST_PAD 44

void pq_secretstream_init(uint8_t state[PQ_SECRETSTREAM_STATEBYTES], const uint8_t key[32],
                          const uint8_t header[PQ_SECRETSTREAM_HEADERBYTES]) {
  pq_hchacha20(state, key, header);
  pq_store32_le(state + SST_NONCE, 1); /* libsodium's counter starts (and restarts) at 1 */
  pq_copy(state + SST_INONCE, header + 16, 8);
  pq_zero(state + SST_PAD, 8);
}

void pq_secretstream_rekey(uint8_t state[PQ_SECRETSTREAM_STATEBYTES]) {
  /* k ‖ inonce ^= the first 40 bytes of ChaCha20-IETF(k, nonce, counter 0); counter = 1 */
  uint32_t s[16];
  uint8_t in16[16], ks[64];
  pq_zero(in16, 4);
  pq_copy(in16 + 4, state + SST_NONCE, 12);
  pq_chacha20_load(s, state, in16);
  pq_chacha20_blocks(s, ks, NULL, 1);
  for (int i = 0; i < 32; i++) state[i] ^= ks[i];
  for (int i = 0; i < 8; i++) state[SST_INONCE + i] ^= ks[32 + i];
  pq_store32_le(state + SST_NONCE, 1);
  pq_zero(state + SST_PAD, 8);
  pq_wipe(s, sizeof s);
  pq_wipe(ks, sizeof ks);
  pq_wipe(in16, sizeof in16);
}

/* The state after a message: inonce ^= mac[0..8], counter + 1, then a rekey when the tag has
 * the REKEY bit or the counter wrapped to 0. The tag is secret on the pull side until the mac
 * is checked, so the rekeyed state is always computed and selected with a mask. */
static void sst_next(uint8_t st[PQ_SECRETSTREAM_STATEBYTES], const uint8_t mac[16], uint32_t tag) {
  uint8_t rk[PQ_SECRETSTREAM_STATEBYTES];
  for (int i = 0; i < 8; i++) st[SST_INONCE + i] ^= mac[i];
  const uint32_t ctr = pq_load32_le(st + SST_NONCE) + 1;
  pq_store32_le(st + SST_NONCE, ctr);
  pq_copy(rk, st, sizeof rk);
  pq_secretstream_rekey(rk);
  const uint32_t wrapped = ((ctr | (0u - ctr)) >> 31) ^ 1; /* 1 when ctr == 0 */
  const uint8_t mask = (uint8_t)(0u - (((tag >> 1) & 1) | wrapped));
  for (int i = 0; i < PQ_SECRETSTREAM_STATEBYTES; i++)
    st[i] = (uint8_t)((st[i] & ~mask) | (rk[i] & mask));
  pq_zero(st + SST_PAD, 8);
  pq_wipe(rk, sizeof rk);
}

/* common start of push and pull: Poly1305 key from block 0, ad and its padding; the cipher is
 * left at block 1 (the tag block) */
static int32_t sst_start(pq_aead_stream *c, const uint8_t *state, size_t state_len,
                         const uint8_t *ad, size_t ad_len) {
  start(c);
  if (state_len != PQ_SECRETSTREAM_STATEBYTES) return fail(c, PQ_ERR_LENGTH);
  uint8_t block[64];
  c->kind = KIND_SECRETSTREAM;
  pq_copy(c->sst_state, state, PQ_SECRETSTREAM_STATEBYTES);
  setup(c, PQ_CIPHER_CHACHA20, state, state + SST_NONCE, 0);
  take_blocks(c, 1);
  run_blocks(c, block, NULL, 1);
  pq_poly1305_init(&c->mac, block);
  pq_wipe(block, sizeof block);
  pq_poly1305_update(&c->mac, ad, ad_len);
  pq_poly1305_pad16(&c->mac); /* (0x10 - adlen) & 0xf zero bytes */
  c->ad_len = ad_len;
  return 0;
}

int32_t pq_secretstream_push_init(pq_aead_stream *c, const uint8_t *state, size_t state_len,
                                  uint32_t tag, const uint8_t *ad, size_t ad_len) {
  if (sst_start(c, state, state_len, ad, ad_len)) return c->err;
  if (tag > PQ_SECRETSTREAM_TAG_FINAL) return fail(c, PQ_ERR_INPUT);
  /* the tag byte in a 64-byte block of zeros, encrypted with counter 1 and MACed whole */
  uint8_t block[64];
  pq_zero(block, sizeof block);
  block[0] = (uint8_t)tag;
  xor_stream(c, block, block, 64);
  pq_poly1305_update(&c->mac, block, 64);
  c->sst_first = block[0];
  pq_wipe(block, sizeof block);
  c->sst_tag = tag;
  c->op = OP_SEAL; /* the body from counter 2 */
  return 0;
}

int32_t pq_secretstream_pull_init(pq_aead_stream *c, const uint8_t *state, size_t state_len,
                                  const uint8_t *ad, size_t ad_len, const uint8_t *first_p,
                                  size_t first_len) {
  if (sst_start(c, state, state_len, ad, ad_len)) return c->err;
  if (first_len != 1) return fail(c, PQ_ERR_LENGTH);
  const uint8_t first = *first_p;
  uint8_t block[64];
  pq_zero(block, sizeof block);
  block[0] = first;
  xor_stream(c, block, block, 64);
  c->sst_tag = block[0];
  block[0] = first; /* = the pusher's encrypted block */
  pq_poly1305_update(&c->mac, block, 64);
  pq_wipe(block, sizeof block);
  c->op = OP_OPEN;
  return 0;
}

/* libsodium pads the body with (0x10 - 64 + mlen) & 0xf = mlen & 0xf zero bytes (not to a
 * multiple of 16: its own comment calls this a mistake kept for compatibility), then
 * le64(adlen) ‖ le64(64 + mlen). */
static void sst_mac(pq_aead_stream *c, uint8_t mac[16]) {
  uint8_t lens[16];
  pq_poly1305_update(&c->mac, zeros16, (size_t)(c->msg_len & 0xf));
  pq_store64_le(lens, c->ad_len);
  pq_store64_le(lens + 8, 64 + c->msg_len);
  pq_poly1305_update(&c->mac, lens, 16);
  pq_poly1305_final(&c->mac, mac);
}

int32_t pq_secretstream_push_final(pq_aead_stream *c,
                                   uint8_t next_state[PQ_SECRETSTREAM_STATEBYTES], uint8_t *first,
                                   uint8_t mac[16]) {
  int32_t err = c->err;
  if (!err && (c->op != OP_SEAL || c->kind != KIND_SECRETSTREAM)) err = PQ_ERR_INPUT;
  if (err) {
    pq_zero(next_state, PQ_SECRETSTREAM_STATEBYTES);
    *first = 0;
    pq_zero(mac, 16);
  } else {
    uint8_t m[16];
    sst_mac(c, m);
    sst_next(c->sst_state, m, c->sst_tag);
    pq_copy(next_state, c->sst_state, PQ_SECRETSTREAM_STATEBYTES);
    *first = (uint8_t)c->sst_first;
    pq_copy(mac, m, 16);
    pq_wipe(m, sizeof m);
  }
  pq_wipe(c, sizeof *c);
  return err;
}

int32_t pq_secretstream_pull_final(pq_aead_stream *c, const uint8_t mac[16],
                                   uint8_t next_state[PQ_SECRETSTREAM_STATEBYTES], uint8_t *tag) {
  int32_t r = c->err;
  if (!r && (c->op != OP_OPEN || c->kind != KIND_SECRETSTREAM)) r = PQ_ERR_INPUT;
  if (!r) {
    uint8_t want[16];
    sst_mac(c, want);
    r = pq_poly1305_verify16(want, mac);
    PQ_CT_PUBLIC(&r, sizeof r); /* the verdict is public (the branch below) */
    sst_next(c->sst_state, want, c->sst_tag);
    pq_wipe(want, sizeof want);
  }
  if (r == 1) { /* the verdict is public */
    pq_copy(next_state, c->sst_state, PQ_SECRETSTREAM_STATEBYTES);
    *tag = (uint8_t)c->sst_tag;
  } else {
    pq_zero(next_state, PQ_SECRETSTREAM_STATEBYTES);
    *tag = 0;
  }
  pq_wipe(c, sizeof *c);
  return r;
}
