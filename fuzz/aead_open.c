/* aead_open (ChaCha20-Poly1305, XChaCha20-Poly1305, XSalsa20-Poly1305) on hostile inputs.
 * Input: flags (u8: bit 0 mutated mode, bit 1 in place), chunk seed (u16), then
 *   arbitrary mode: kind selector (u8: (b % 5) - 1, so -1..3), key length (u8 % 48), nonce
 *     length (u8 % 32), aad length (u16 % 1024), tag length (u8 % 24), key, nonce, aad, tag,
 *     and the rest is the ciphertext. The entry must return exactly the error the lengths call
 *     for, else 0 or 1; a 1 must be genuine: sealing the plaintext it gave gives the same
 *     ciphertext and tag back (the seed corpus holds the real vectors, so this is reached).
 *   mutated mode: kind (u8 % 3), nonce (24), aad length (u8; 0 for secretbox), aad, message
 *     length (u16 % 4096), message bytes (zero past the input), then edits (count u8 % 8, each
 *     target u8 % 4: 0 tag, 1 ciphertext, 2 aad, 3 nonce; position u16; xor u8) of a real seal
 *     under a fixed key. Open must accept exactly when nothing changed. */
#include "fuzz_util.h"

static const size_t NONCE_LEN[3] = {12, 24, 24};

static int32_t seal(int32_t kind, const uint8_t *key, const uint8_t *nonce, const uint8_t *aad,
                    size_t alen, const uint8_t *m, uint8_t *ct, size_t n, uint8_t tag[16],
                    uint32_t seed) {
  pq_bind_state st;
  const int32_t a[1] = {kind};
  const pq_buf in[3] = {
      {(uint8_t *)key, 32}, {(uint8_t *)nonce, NONCE_LEN[kind]}, {(uint8_t *)aad, alen}};
  const pq_buf out[1] = {{tag, 16}};
  pq_bind_aead_seal_begin(&st, a, in);
  fz_feed2(&st, pq_bind_aead_seal_update, m, ct, n, seed);
  return pq_bind_aead_seal(&st, a, in, out);
}

static int32_t open_(int32_t kind, const pq_buf in[4], const uint8_t *ct, uint8_t *pt, size_t n,
                     uint32_t seed) {
  pq_bind_state st;
  const int32_t a[1] = {kind};
  pq_bind_aead_open_begin(&st, a, in);
  fz_feed2(&st, pq_bind_aead_open_update, ct, pt, n, seed);
  return pq_bind_aead_open(&st, a, in, 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fz_reader r = {data, size};
  const uint8_t flags = fz_u8(&r);
  const uint32_t seed = fz_u16(&r);
  size_t got;
  if (!(flags & 1)) {
    const int32_t kind = (int32_t)(fz_u8(&r) % 5) - 1;
    const size_t kl = fz_u8(&r) % 48, nl = fz_u8(&r) % 32, al = fz_u16(&r) % 1024,
                 tl = fz_u8(&r) % 24;
    size_t kn, nn, an, tn, cn;
    /* each field in its own heap block: ASan sees any read past its length */
    uint8_t *key = fz_dup(fz_bytes(&r, kl, &kn), kn), *nonce = fz_dup(fz_bytes(&r, nl, &nn), nn);
    uint8_t *aad = fz_dup(fz_bytes(&r, al, &an), an), *tag = fz_dup(fz_bytes(&r, tl, &tn), tn);
    uint8_t *ct = fz_dup(fz_bytes(&r, r.n, &cn), cn);
    uint8_t *pt = (flags & 2) ? ct : (uint8_t *)malloc(cn ? cn : 1);
    const pq_buf in[4] = {{key, kn}, {nonce, nn}, {aad, an}, {tag, tn}};
    int32_t want = 0;
    if (kind < 0 || kind > 2)
      want = PQ_ERR_PARAMS;
    else if (kn != 32 || nn != NONCE_LEN[kind])
      want = PQ_ERR_LENGTH;
    else if (kind == 2 && an)
      want = PQ_ERR_INPUT;
    else if (tn != 16)
      want = PQ_ERR_LENGTH;
    uint8_t *orig = fz_dup(ct, cn);
    const int32_t rc = open_(kind, in, ct, pt, cn, seed);
    if (want)
      FUZZ_CHECK(rc == want, "open returned %d, the lengths call for %d", rc, want);
    else
      FUZZ_CHECK(rc == 0 || rc == 1, "open returned %d", rc);
    if (rc == 1) { /* genuine: the seal of the plaintext is this ciphertext and tag */
      uint8_t *c2 = (uint8_t *)malloc(cn ? cn : 1), t2[16];
      FUZZ_CHECK(seal(kind, key, nonce, aad, an, pt, c2, cn, t2, seed >> 3) == 0, "reseal");
      FUZZ_CHECK(memcmp(c2, orig, cn) == 0 && memcmp(t2, tag, 16) == 0,
                 "accepted a ciphertext its seal does not give");
      free(c2);
    }
    if (!(flags & 2)) free(pt);
    free(key), free(nonce), free(aad), free(tag), free(ct), free(orig);
    return 0;
  }
  /* mutated mode */
  const int32_t kind = fz_u8(&r) % 3;
  uint8_t key[32], nonce[24] = {0}, tag[16];
  for (int i = 0; i < 32; i++) key[i] = (uint8_t)(i * 29 + kind + 1);
  memcpy(nonce, fz_bytes(&r, 24, &got), got);
  size_t al = fz_u8(&r), an;
  if (kind == 2) al = 0;
  uint8_t *aad = fz_dup(fz_bytes(&r, al, &an), an);
  const size_t n = fz_u16(&r) % 4096;
  uint8_t *m = (uint8_t *)calloc(n ? n : 1, 1);
  memcpy(m, fz_bytes(&r, n, &got), got);
  uint8_t *ct = (uint8_t *)malloc(n ? n : 1);
  FUZZ_CHECK(seal(kind, key, nonce, aad, an, m, ct, n, tag, seed) == 0, "seal");
  uint8_t *ct2 = fz_dup(ct, n), *aad2 = fz_dup(aad, an), tag2[16], nonce2[24];
  memcpy(tag2, tag, 16);
  memcpy(nonce2, nonce, 24);
  for (unsigned e = fz_u8(&r) % 8; e > 0; e--) {
    const unsigned target = fz_u8(&r) % 4;
    const size_t pos = fz_u16(&r);
    const uint8_t x = fz_u8(&r);
    if (target == 0) tag2[pos % 16] ^= x;
    if (target == 1 && n) ct2[pos % n] ^= x;
    if (target == 2 && an) aad2[pos % an] ^= x;
    if (target == 3) nonce2[pos % NONCE_LEN[kind]] ^= x;
  }
  const int changed = memcmp(tag2, tag, 16) || (n && memcmp(ct2, ct, n)) ||
                      (an && memcmp(aad2, aad, an)) || memcmp(nonce2, nonce, NONCE_LEN[kind]);
  uint8_t *pt = (flags & 2) ? ct2 : (uint8_t *)malloc(n ? n : 1);
  const pq_buf in[4] = {{key, 32}, {nonce2, NONCE_LEN[kind]}, {aad2, an}, {tag2, 16}};
  const int32_t rc = open_(kind, in, ct2, pt, n, seed ^ 0x155);
  FUZZ_CHECK(rc == !changed, "open of a %s message returned %d", changed ? "modified" : "real", rc);
  if (rc == 1) FUZZ_CHECK(memcmp(pt, m, n) == 0, "open gave another plaintext");
  if (!(flags & 2)) free(pt);
  free(aad), free(m), free(ct), free(ct2), free(aad2);
  return 0;
}
