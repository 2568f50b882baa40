/* secretstream_pull (libsodium's crypto_secretstream_xchacha20poly1305) on hostile inputs.
 * Input: flags (u8: bit 0 mutated mode, bit 1 in place), chunk seed (u16), then
 *   arbitrary mode: state length (u8: 52 unless bit 7 is set, then (b & 0x7f) % 60), ad length
 *     (u16 % 512), first length (u8 % 3), mac length (u8 % 20), state, ad, first, mac, and the
 *     rest is the body. The entry must return exactly the error the lengths call for, else 0 or
 *     1; a 1 must be genuine: pushing the plaintext with the tag it gave, from the same state and
 *     ad, gives the same wire bytes and the same next state (the seed corpus holds libsodium's
 *     own messages, so this is reached).
 *   mutated mode: rekeys (u8 % 3), tag (u8 % 4), ad length (u8), ad, message length (u16 % 4096),
 *     message bytes (zero past the input), then edits (count u8 % 8, each target u8 % 5: 0 first,
 *     1 body, 2 mac, 3 ad, 4 state; position u16; xor u8) of a real push from a state made from a
 *     fixed key and header. Pull must accept exactly when nothing it reads changed (the state's
 *     last 8 bytes are padding, unread, as in libsodium). */
#include "fuzz_util.h"

static int32_t push(const uint8_t *state, int32_t tag, const uint8_t *ad, size_t an,
                    const uint8_t *m, size_t n, uint8_t *wire, uint8_t next[52], uint32_t seed) {
  pq_bind_state st;
  const int32_t a[1] = {tag};
  const pq_buf in[2] = {{(uint8_t *)state, 52}, {(uint8_t *)ad, an}};
  const pq_buf out[3] = {{next, 52}, {wire, 1}, {wire + 1 + n, 16}};
  pq_bind_secretstream_push_begin(&st, a, in);
  fz_feed2(&st, pq_bind_secretstream_push_update, m, wire + 1, n, seed);
  return pq_bind_secretstream_push(&st, a, in, out);
}

static int32_t pull(const pq_buf in[4], const uint8_t *body, uint8_t *pt, size_t n,
                    uint8_t next[52], uint8_t *tag, uint32_t seed) {
  pq_bind_state st;
  const pq_buf out[2] = {{next, 52}, {tag, 1}};
  pq_bind_secretstream_pull_begin(&st, 0, in);
  fz_feed2(&st, pq_bind_secretstream_pull_update, body, pt, n, seed);
  return pq_bind_secretstream_pull(&st, 0, in, out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fz_reader r = {data, size};
  const uint8_t flags = fz_u8(&r);
  const uint32_t seed = fz_u16(&r);
  size_t got;
  uint8_t next[52], t = 0xee;
  memset(next, 0xee, sizeof next);
  if (!(flags & 1)) {
    const uint8_t sb = fz_u8(&r);
    const size_t sl = (sb & 0x80) ? (sb & 0x7f) % 60 : 52, al = fz_u16(&r) % 512,
                 fl = fz_u8(&r) % 3, ml = fz_u8(&r) % 20;
    size_t sn, an, fn, mn, bn;
    uint8_t *state = fz_dup(fz_bytes(&r, sl, &sn), sn), *ad = fz_dup(fz_bytes(&r, al, &an), an);
    uint8_t *first = fz_dup(fz_bytes(&r, fl, &fn), fn), *mac = fz_dup(fz_bytes(&r, ml, &mn), mn);
    uint8_t *body = fz_dup(fz_bytes(&r, r.n, &bn), bn), *orig = fz_dup(body, bn);
    uint8_t *pt = (flags & 2) ? body : (uint8_t *)malloc(bn ? bn : 1);
    const pq_buf in[4] = {{state, sn}, {ad, an}, {first, fn}, {mac, mn}};
    const int32_t want = sn != 52 || fn != 1 || mn != 16 ? PQ_ERR_LENGTH : 0;
    const int32_t rc = pull(in, body, pt, bn, next, &t, seed);
    if (want)
      FUZZ_CHECK(rc == want, "pull returned %d, the lengths call for %d", rc, want);
    else
      FUZZ_CHECK(rc == 0 || rc == 1, "pull returned %d", rc);
    if (rc == 1) { /* genuine: our push of (plaintext, tag) gives this wire and state */
      FUZZ_CHECK(t <= 3, "a valid message with tag %u, which no push of ours makes", t);
      uint8_t *w = (uint8_t *)malloc(bn + 17), n2[52];
      FUZZ_CHECK(push(state, t, ad, an, pt, bn, w, n2, seed >> 2) == 0, "push");
      FUZZ_CHECK(
          w[0] == first[0] && memcmp(w + 1, orig, bn) == 0 && memcmp(w + 1 + bn, mac, 16) == 0,
          "accepted a message our push does not give");
      FUZZ_CHECK(memcmp(n2, next, 52) == 0, "pull and push disagree on the next state");
      free(w);
    } else { /* rejected or refused: the outputs are zeroed */
      static const uint8_t zero[52];
      FUZZ_CHECK(memcmp(next, zero, 52) == 0 && t == 0, "a rejected pull left a state or tag");
    }
    if (!(flags & 2)) free(pt);
    free(state), free(ad), free(first), free(mac), free(body), free(orig);
    return 0;
  }
  /* mutated mode */
  uint8_t key[32], header[24], state[52];
  for (int i = 0; i < 32; i++) key[i] = (uint8_t)(i * 17 + 3);
  for (int i = 0; i < 24; i++) header[i] = (uint8_t)(i * 5 + 9);
  pq_secretstream_init(state, key, header);
  for (unsigned k = fz_u8(&r) % 3; k > 0; k--) pq_secretstream_rekey(state);
  const int32_t tag = fz_u8(&r) % 4;
  size_t an;
  uint8_t *ad = fz_dup(fz_bytes(&r, fz_u8(&r), &an), an);
  const size_t n = fz_u16(&r) % 4096;
  uint8_t *m = (uint8_t *)calloc(n ? n : 1, 1);
  memcpy(m, fz_bytes(&r, n, &got), got);
  uint8_t *wire = (uint8_t *)malloc(n + 17), pnext[52];
  FUZZ_CHECK(push(state, tag, ad, an, m, n, wire, pnext, seed) == 0, "push");
  uint8_t *w2 = fz_dup(wire, n + 17), *ad2 = fz_dup(ad, an), st2[52];
  memcpy(st2, state, 52);
  for (unsigned e = fz_u8(&r) % 8; e > 0; e--) {
    const unsigned target = fz_u8(&r) % 5;
    const size_t pos = fz_u16(&r);
    const uint8_t x = fz_u8(&r);
    if (target == 0) w2[0] ^= x;
    if (target == 1 && n) w2[1 + pos % n] ^= x;
    if (target == 2) w2[1 + n + pos % 16] ^= x;
    if (target == 3 && an) ad2[pos % an] ^= x;
    if (target == 4) st2[pos % 52] ^= x;
  }
  const int changed =
      memcmp(w2, wire, n + 17) || (an && memcmp(ad2, ad, an)) || memcmp(st2, state, 44);
  uint8_t *body = fz_dup(w2 + 1, n);
  uint8_t *pt = (flags & 2) ? body : (uint8_t *)malloc(n ? n : 1);
  const pq_buf in[4] = {{st2, 52}, {ad2, an}, {w2, 1}, {w2 + 1 + n, 16}};
  const int32_t rc = pull(in, body, pt, n, next, &t, seed ^ 0x1a5);
  FUZZ_CHECK(rc == !changed, "pull of a %s message returned %d", changed ? "modified" : "real", rc);
  if (rc == 1)
    FUZZ_CHECK(t == tag && memcmp(pt, m, n) == 0 && memcmp(next, pnext, 52) == 0,
               "pull gave another message or state");
  if (!(flags & 2)) free(pt);
  free(ad), free(m), free(wire), free(w2), free(ad2), free(body);
  return 0;
}
