/* Constant-time check of the AEAD family under valgrind memcheck (ctgrind style), or
 * MemorySanitizer (-DPQ_CT_MSAN, for the AVX-512 core valgrind cannot run). Built with
 * -DPQ_CT_TESTING: keys, plaintexts, ciphertexts, received tags and secretstream states are
 * marked undefined, so the checker reports every branch or memory index that depends on them.
 * Only lengths, nonces, aad, kinds and the push tag argument stay public; the one value the core
 * declassifies is the open/pull verdict (aead/aead.c). Covers seal, open, stream_xor of every
 * cipher, Poly1305, HChaCha20/HSalsa20, secretstream push/pull/rekey, through the binding
 * entries with the message in pieces. Run by scripts/test-c.sh as
 *   valgrind --error-exitcode=3 build/ctest/ct_aead
 * With the argument "control" it instead runs a deliberate secret-dependent branch and table
 * load, which the checker must report (a check that cannot fail proves nothing). */
#include "aead/aead.h"
#include "binding/pq_binding.h"
#include "shared/pq_ct.h"
#include "test_util.h"

static int control(void) {
  static const uint8_t table[256] = {1, 2, 3};
  volatile uint8_t secret[1] = {7};
  PQ_CT_SECRET((void *)secret, 1);
  int r = 0;
  if (secret[0] & 1) puts("control: odd"); /* secret-dependent branch (a call: no cmov) */
  r += table[secret[0]];                   /* secret-dependent memory index */
  PQ_CT_PUBLIC(&r, sizeof r);
  printf("control: %d\n", r);
  return 0;
}

typedef void (*begin_fn)(pq_bind_state *, const int32_t *, const pq_buf *);
typedef void (*xform_fn)(pq_bind_state *, const uint8_t *, uint8_t *, size_t);
typedef int32_t (*end_fn)(pq_bind_state *, const int32_t *, const pq_buf *, const pq_buf *);

/* a transform entry with the message in three pieces (leftover keystream, partial blocks) */
static int32_t xform(begin_fn b, xform_fn u, end_fn e, const int32_t *a, const pq_buf *in,
                     const pq_buf *out, const uint8_t *src, uint8_t *dst, size_t n) {
  pq_bind_state st;
  b(&st, a, in);
  const size_t p1 = n / 3, p2 = n / 2;
  u(&st, src, dst, p1);
  u(&st, src + p1, dst + p1, p2 - p1);
  u(&st, src + p2, dst + p2, n - p2);
  return e(&st, a, in, out);
}

/* 1600 (pieces of 533, 267, 800 bytes) gives the stitched AEAD kernels whole groups of 8 blocks
 * (AVX2) and 4 (WASM) in a piece */
enum { MAXN = 1600 };
static const size_t LENS[] = {0, 1, 63, 64, 65, 200, 700, MAXN};
static const size_t NONCE[3] = {12, 24, 24}, CNONCE[5] = {12, 8, 24, 8, 24};

int main(int argc, char **argv) {
  if (argc > 1 && strcmp(argv[1], "control") == 0) return control();
  static uint8_t msg[MAXN], ct[MAXN], back[MAXN];
  uint8_t key[32], nonce[24], aad[20], tag[16];
  for (size_t li = 0; li < sizeof LENS / sizeof LENS[0]; li++) {
    const size_t n = LENS[li];
    for (int kind = 0; kind < 3; kind++) {
      rnd_bytes(key, 32);
      rnd_bytes(nonce, 24);
      rnd_bytes(aad, sizeof aad);
      rnd_bytes(msg, n);
      const size_t alen = kind == 2 ? 0 : 13;
      const int32_t a[1] = {kind};
      /* seal: key and plaintext secret */
      PQ_CT_SECRET(key, 32);
      PQ_CT_SECRET(msg, n);
      const pq_buf in[4] = {{key, 32}, {nonce, NONCE[kind]}, {aad, alen}, {tag, 16}};
      const pq_buf out[1] = {{tag, 16}};
      int32_t r = xform(pq_bind_aead_seal_begin, pq_bind_aead_seal_update, pq_bind_aead_seal, a, in,
                        out, msg, ct, n);
      CHECK(r == 0, "seal kind %d", kind);
      /* open: key, ciphertext and the received tag secret; only the verdict comes out public */
      PQ_CT_SECRET(ct, n);
      PQ_CT_SECRET(tag, 16);
      r = xform(pq_bind_aead_open_begin, pq_bind_aead_open_update, pq_bind_aead_open, a, in, NULL,
                ct, back, n);
      CHECK(r == 1, "open kind %d", kind);
      PQ_CT_PUBLIC(back, n);
      PQ_CT_PUBLIC(msg, n);
      CHECK(memcmp(back, msg, n) == 0, "open gives the plaintext back");
      tag[0] ^= 1; /* and a rejected tag: no branch either */
      PQ_CT_SECRET(tag, 16);
      r = xform(pq_bind_aead_open_begin, pq_bind_aead_open_update, pq_bind_aead_open, a, in, NULL,
                ct, back, n);
      CHECK(r == 0, "open of a bad tag, kind %d", kind);
    }
    for (int cipher = 0; cipher < 5; cipher++) {
      rnd_bytes(msg, n);
      PQ_CT_SECRET(key, 32);
      PQ_CT_SECRET(msg, n);
      const int32_t a[3] = {cipher, 5, 0};
      const pq_buf in[2] = {{key, 32}, {nonce, CNONCE[cipher]}};
      CHECK(xform(pq_bind_stream_xor_begin, pq_bind_stream_xor_update, pq_bind_stream_xor, a, in,
                  NULL, msg, ct, n) == 0,
            "stream_xor cipher %d", cipher);
    }
    {
      /* Poly1305: key and message secret */
      pq_bind_state st;
      PQ_CT_SECRET(key, 32);
      PQ_CT_SECRET(msg, n);
      const pq_buf in[1] = {{key, 32}};
      const pq_buf out[1] = {{tag, 16}};
      pq_bind_poly1305_begin(&st, NULL, in);
      pq_bind_poly1305_update(&st, msg, n / 2);
      pq_bind_poly1305_update(&st, msg + n / 2, n - n / 2);
      CHECK(pq_bind_poly1305(&st, NULL, in, out) == 0, "poly1305");
    }
    {
      /* secretstream: key, state and plaintext secret; the push tag is an argument (public) */
      uint8_t header[24], state[52], next[52], first, mac[16], t;
      rnd_bytes(header, 24);
      PQ_CT_SECRET(key, 32);
      const pq_buf iin[2] = {{key, 32}, {header, 24}};
      const pq_buf iout[1] = {{state, 52}};
      CHECK(pq_bind_secretstream_init(NULL, NULL, iin, iout) == 0, "secretstream init");
      for (int32_t tg = 0; tg < 4; tg++) {
        rnd_bytes(msg, n);
        PQ_CT_SECRET(msg, n);
        PQ_CT_SECRET(state, 52);
        const int32_t a[1] = {tg};
        const pq_buf in[2] = {{state, 52}, {aad, 7}};
        const pq_buf out[3] = {{next, 52}, {&first, 1}, {mac, 16}};
        CHECK(xform(pq_bind_secretstream_push_begin, pq_bind_secretstream_push_update,
                    pq_bind_secretstream_push, a, in, out, msg, ct, n) == 0,
              "push");
        PQ_CT_SECRET(ct, n);
        PQ_CT_SECRET(&first, 1);
        PQ_CT_SECRET(mac, 16);
        uint8_t next2[52];
        const pq_buf pin[4] = {{state, 52}, {aad, 7}, {&first, 1}, {mac, 16}};
        const pq_buf pout[2] = {{next2, 52}, {&t, 1}};
        CHECK(xform(pq_bind_secretstream_pull_begin, pq_bind_secretstream_pull_update,
                    pq_bind_secretstream_pull, NULL, pin, pout, ct, back, n) == 1,
              "pull");
        PQ_CT_PUBLIC(&t, 1);
        CHECK(t == tg, "pull gives the tag back");
        const pq_buf rin[1] = {{next, 52}};
        const pq_buf rout[1] = {{state, 52}};
        CHECK(pq_bind_secretstream_rekey(NULL, NULL, rin, rout) == 0, "rekey");
      }
    }
    {
      uint8_t in16[16], sub[32];
      rnd_bytes(in16, 16);
      PQ_CT_SECRET(key, 32);
      for (int32_t alg = 0; alg < 2; alg++) {
        const int32_t a[1] = {alg};
        const pq_buf in[2] = {{key, 32}, {in16, 16}};
        const pq_buf out[1] = {{sub, 32}};
        CHECK(pq_bind_arx_subkey(NULL, a, in, out) == 0, "arx_subkey");
      }
    }
  }
  return t_summary("ct-aead");
}
