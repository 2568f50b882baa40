/* The AEAD family's C core (aead/): every published vector of vectors/aead (RFC 8439, the XChaCha
 * draft, Wycheproof, noble/StableLib/tweetnacl, libsodium secretstream known answers) through the
 * core API and the binding entries, with messages streamed in random pieces; tampered tags,
 * ciphertexts and aad rejected; counter ends; secretstream round trips with every tag and rekeys;
 * and the kernels of the build (pq_chacha20_blocks, pq_salsa20_blocks, pq_poly1305_blocks) against
 * the portable references (pq_ref_*) for every block count up to 17 and every length 0..1100 through
 * the public entries, at every buffer offset 0..63, so a SIMD target is checked where it differs.
 *
 * The vectors come from build/c-vectors/MANIFEST-aead (node scripts/gen-c-vectors.mjs; env
 * PQ_C_VECTORS overrides the directory). Without it this test fails; it never passes silently. */
#include <stdlib.h>

#include "aead/aead.h"
#include "aead/arx.h"
#include "aead/kernels_aead.h"
#include "binding/pq_binding.h"
#include "shared/pq_bench.h"
#include "shared/pq_util.h"
#include "test_util.h"

static const size_t NONCE_LEN[3] = {12, 24, 24};          /* per AEAD kind */
static const size_t CIPHER_NONCE[5] = {12, 8, 24, 8, 24}; /* per stream cipher */

/* ---- helpers ------------------------------------------------------------------------------------ */

static void *xmalloc(size_t n) {
  void *p = malloc(n ? n : 1);
  if (!p) {
    fprintf(stderr, "test_aead: out of memory\n");
    exit(1);
  }
  return p;
}

/* a random piece length for streaming: often small and odd, sometimes 0, sometimes large */
static size_t piece(size_t left) {
  size_t n;
  switch (rnd64() % 4) {
    case 0: n = (size_t)rnd_range(0, 3); break;
    case 1: n = (size_t)rnd_range(1, 80); break;
    case 2: n = (size_t)rnd_range(60, 300); break;
    default: n = (size_t)rnd_range(0, 9000); break;
  }
  return n < left ? n : left;
}

typedef void (*begin_fn)(pq_bind_state *, const int32_t *, const pq_buf *);
typedef void (*xform_fn)(pq_bind_state *, const uint8_t *, uint8_t *, size_t);
typedef int32_t (*end_fn)(pq_bind_state *, const int32_t *, const pq_buf *, const pq_buf *);

/* A transform entry as a driver runs it: begin, updates in random pieces (in place when dst ==
 * src), end. */
static int32_t run_xform(begin_fn b, xform_fn u, end_fn e, const int32_t *a, const pq_buf *in,
                         const pq_buf *out, const uint8_t *src, uint8_t *dst, size_t n) {
  pq_bind_state st;
  b(&st, a, in);
  for (size_t off = 0; off < n;) {
    const size_t m = piece(n - off);
    u(&st, src + off, dst + off, m);
    off += m;
  }
  if (rnd64() & 1) u(&st, src, dst, 0);
  return e(&st, a, in, out);
}

/* the core API's update in random pieces */
static void update_split(pq_aead_stream *c, uint8_t *dst, const uint8_t *src, size_t n) {
  for (size_t off = 0; off < n;) {
    const size_t m = piece(n - off);
    pq_aead_update(c, dst + off, src ? src + off : NULL, m);
    off += m;
  }
}

/* ---- reference constructions from the pq_ref_* kernels only ---------------------------------- */

/* Poly1305 with the portable block function and nothing else (no kernel, no incremental API). */
static void ref_poly1305(uint8_t tag[16], const uint8_t key[32], const uint8_t *m, size_t n) {
  pq_poly1305 st;
  pq_poly1305_init(&st, key);
  pq_poly1305_blocks_portable(&st, m, n / 16, 1);
  st.used = (uint32_t)(n % 16);
  memcpy(st.buf, m + n - n % 16, n % 16);
  pq_poly1305_final(&st, tag);
}

/* ChaCha20/Salsa20 keystream XOR with the reference kernels, counter 64-bit where the cipher has
 * one: block by block, each block from a freshly loaded state at its own counter (no carry logic). */
static void ref_stream(int cipher, const uint8_t key[32], const uint8_t *nonce, uint64_t counter,
                       uint8_t *dst, const uint8_t *src, size_t n) {
  uint8_t k[32], in16[16], ks[64];
  const uint8_t *np = nonce;
  memcpy(k, key, 32);
  if (cipher == PQ_CIPHER_XCHACHA20) pq_hchacha20(k, key, nonce), np = nonce + 16;
  if (cipher == PQ_CIPHER_XSALSA20) pq_hsalsa20(k, key, nonce), np = nonce + 16;
  for (size_t off = 0; off < n; off += 64, counter++) {
    uint32_t s[16];
    if (cipher == PQ_CIPHER_SALSA20 || cipher == PQ_CIPHER_XSALSA20) {
      memcpy(in16, np, 8);
      pq_store64_le(in16 + 8, counter);
      pq_salsa20_load(s, k, in16);
      pq_ref_salsa20_blocks(s, ks, NULL, 1);
    } else if (cipher == PQ_CIPHER_CHACHA20) {
      pq_store32_le(in16, (uint32_t)counter);
      memcpy(in16 + 4, np, 12);
      pq_chacha20_load(s, k, in16);
      pq_ref_chacha20_blocks(s, ks, NULL, 1);
    } else {
      pq_store64_le(in16, counter);
      memcpy(in16 + 8, np, 8);
      pq_chacha20_load(s, k, in16);
      pq_ref_chacha20_blocks(s, ks, NULL, 1);
    }
    for (size_t j = 0; j < 64 && off + j < n; j++)
      dst[off + j] = (uint8_t)((src ? src[off + j] : 0) ^ ks[j]);
  }
}

/* ChaCha20-Poly1305 / XChaCha20-Poly1305 / secretbox seal from the references. */
static void ref_seal(int kind, const uint8_t key[32], const uint8_t *nonce, const uint8_t *aad,
                     size_t aad_len, const uint8_t *m, size_t n, uint8_t *ct, uint8_t tag[16]) {
  uint8_t pk[64];
  if (kind == PQ_AEAD_XSALSA20POLY1305) {
    uint8_t *buf = xmalloc(n + 32), *out = xmalloc(n + 32);
    memset(buf, 0, 32);
    memcpy(buf + 32, m, n);
    ref_stream(PQ_CIPHER_XSALSA20, key, nonce, 0, out, buf, n + 32);
    memcpy(ct, out + 32, n);
    ref_poly1305(tag, out, ct, n);
    free(buf);
    free(out);
    return;
  }
  uint8_t k[32], n12[12];
  memcpy(k, key, 32);
  memcpy(n12, nonce, 12);
  if (kind == PQ_AEAD_XCHACHA20POLY1305) {
    pq_hchacha20(k, key, nonce);
    memset(n12, 0, 4);
    memcpy(n12 + 4, nonce + 16, 8);
  }
  ref_stream(PQ_CIPHER_CHACHA20, k, n12, 0, pk, NULL, 64);
  ref_stream(PQ_CIPHER_CHACHA20, k, n12, 1, ct, m, n);
  const size_t pa = (16 - aad_len % 16) % 16, pc = (16 - n % 16) % 16;
  const size_t total = aad_len + pa + n + pc + 16;
  uint8_t *mac = xmalloc(total);
  memset(mac, 0, total);
  memcpy(mac, aad, aad_len);
  memcpy(mac + aad_len + pa, ct, n);
  pq_store64_le(mac + total - 16, aad_len);
  pq_store64_le(mac + total - 8, n);
  ref_poly1305(tag, pk, mac, total);
  free(mac);
}

/* ---- vector records ------------------------------------------------------------------------------ */

typedef struct {
  uint8_t *p;
  size_t len;
  int present;
} field_t;

/* strict hex (or "-": absent) into a fresh buffer; 0 on success */
static int get_hex(field_t *f, const char *s) {
  free(f->p);
  f->p = NULL;
  f->len = 0;
  f->present = 0;
  if (!s) return -1;
  if (s[0] == '-' && s[1] == 0) {
    f->p = xmalloc(1);
    return 0;
  }
  const size_t n = strlen(s);
  if (n % 2) return -1;
  f->p = xmalloc(n / 2 + 1);
  for (size_t i = 0; i < n / 2; i++) {
    const int hi = t_hexval(s[2 * i]), lo = t_hexval(s[2 * i + 1]);
    if (hi < 0 || lo < 0) return -1;
    f->p[i] = (uint8_t)(hi << 4 | lo);
  }
  f->len = n / 2;
  f->present = 1;
  return 0;
}

/* Next token `key=value` (in place); value or NULL if the key differs or is missing. */
static char *take(char **cur, const char *key) {
  char *s = *cur;
  if (!s || !*s) return NULL;
  char *end = strchr(s, ' ');
  if (end) {
    *end = 0;
    *cur = end + 1;
  } else {
    *cur = s + strlen(s);
  }
  const size_t k = strlen(key);
  if (strncmp(s, key, k) != 0 || s[k] != '=') return NULL;
  return s + k + 1;
}

static const char *g_id;
static long get_int(const char *s) {
  if (!s || !*s) return -1;
  char *end;
  const long v = strtol(s, &end, 10);
  return *end ? -1 : v;
}

static field_t F[8];
#define BAD(what)                                      \
  do {                                                 \
    CHECK(0, "%s: malformed record (%s)", g_id, what); \
    return;                                            \
  } while (0)

/* ---- AEAD --------------------------------------------------------------------------------------- */

static int32_t core_open(int kind, const field_t *key, const field_t *nonce, const uint8_t *aad,
                         size_t aad_len, const uint8_t *ct, size_t n, const uint8_t *tag,
                         uint8_t *pt) {
  pq_aead_stream c;
  pq_aead_init(&c, kind, 0, key->p, key->len, nonce->p, nonce->len, aad, aad_len);
  update_split(&c, pt, ct, n);
  return pq_aead_open_final(&c, tag);
}

static int32_t bind_open(int kind, const field_t *key, const field_t *nonce, const uint8_t *aad,
                         size_t aad_len, const uint8_t *ct, size_t n, const uint8_t *tag,
                         size_t tag_len, uint8_t *pt) {
  const int32_t a[1] = {kind};
  const pq_buf in[4] = {{key->p, key->len},
                        {nonce->p, nonce->len},
                        {(uint8_t *)aad, aad_len},
                        {(uint8_t *)tag, tag_len}};
  return run_xform(pq_bind_aead_open_begin, pq_bind_aead_open_update, pq_bind_aead_open, a, in,
                   NULL, ct, pt, n);
}

static void run_aead(char *cur) {
  const long kind = get_int(take(&cur, "kind"));
  field_t *key = &F[0], *nonce = &F[1], *aad = &F[2], *msg = &F[3], *ct = &F[4], *tag = &F[5];
  if (get_hex(key, take(&cur, "key")) || get_hex(nonce, take(&cur, "nonce")) ||
      get_hex(aad, take(&cur, "aad")) || get_hex(msg, take(&cur, "msg")) ||
      get_hex(ct, take(&cur, "ct")) || get_hex(tag, take(&cur, "tag")))
    BAD("hex");
  const long expect = get_int(take(&cur, "expect"));
  if (kind < 0 || kind > 2 || (expect != 0 && expect != 1) || *cur || ct->len != msg->len)
    BAD("values");
  const size_t n = msg->len;
  uint8_t *out = xmalloc(n), t[16];
  const int bad_nonce = nonce->len != NONCE_LEN[kind];

  /* seal: core API and binding (in place), split at random */
  pq_aead_stream c;
  int32_t r =
      pq_aead_init(&c, (int32_t)kind, 1, key->p, key->len, nonce->p, nonce->len, aad->p, aad->len);
  update_split(&c, out, msg->p, n);
  const int32_t r2 = pq_aead_seal_final(&c, t);
  if (bad_nonce) {
    CHECK(r == PQ_ERR_LENGTH && r2 == PQ_ERR_LENGTH, "%s: seal with a %zu-byte nonce = %d/%d", g_id,
          nonce->len, r, r2);
  } else if (expect) {
    CHECK(r == 0 && r2 == 0 && !memcmp(out, ct->p, n) && !memcmp(t, tag->p, 16), "%s: seal", g_id);
  }
  {
    const int32_t a[1] = {(int32_t)kind};
    const pq_buf in[3] = {{key->p, key->len}, {nonce->p, nonce->len}, {aad->p, aad->len}};
    uint8_t t2[16];
    const pq_buf o[1] = {{t2, 16}};
    memcpy(out, msg->p, n);
    r = run_xform(pq_bind_aead_seal_begin, pq_bind_aead_seal_update, pq_bind_aead_seal, a, in, o,
                  out, out, n);
    if (bad_nonce)
      CHECK(r == PQ_ERR_LENGTH, "%s: binding seal with a bad nonce = %d", g_id, r);
    else if (expect)
      CHECK(r == 0 && !memcmp(out, ct->p, n) && !memcmp(t2, tag->p, 16),
            "%s: binding seal (in place)", g_id);
  }
  if (!bad_nonce && expect) {
    /* the references agree (the vector checks the kernels of this build, this the references) */
    uint8_t t3[16];
    ref_seal((int)kind, key->p, nonce->p, aad->p, aad->len, msg->p, n, out, t3);
    CHECK(!memcmp(out, ct->p, n) && !memcmp(t3, tag->p, 16), "%s: reference seal", g_id);
  }

  /* open */
  r = core_open((int)kind, key, nonce, aad->p, aad->len, ct->p, n, tag->p, out);
  if (bad_nonce)
    CHECK(r == PQ_ERR_LENGTH, "%s: open with a bad nonce = %d", g_id, r);
  else if (expect)
    CHECK(r == 1 && !memcmp(out, msg->p, n), "%s: open = %d", g_id, r);
  else
    CHECK(r == 0, "%s: open of an invalid case = %d", g_id, r);
  memcpy(out, ct->p, n);
  r = bind_open((int)kind, key, nonce, aad->p, aad->len, out, n, tag->p, 16, out);
  CHECK(bad_nonce ? r == PQ_ERR_LENGTH : r == expect && (!expect || !memcmp(out, msg->p, n)),
        "%s: binding open (in place) = %d", g_id, r);

  if (expect && !bad_nonce) { /* tampering: one flipped bit of the tag, the ciphertext, the aad */
    uint8_t bad[16];
    memcpy(bad, tag->p, 16);
    bad[rnd64() % 16] ^= (uint8_t)(1u << (rnd64() % 8));
    CHECK(core_open((int)kind, key, nonce, aad->p, aad->len, ct->p, n, bad, out) == 0,
          "%s: tampered tag", g_id);
    CHECK(bind_open((int)kind, key, nonce, aad->p, aad->len, ct->p, n, tag->p, 15, out) ==
              PQ_ERR_LENGTH,
          "%s: 15-byte tag", g_id);
    if (n) {
      uint8_t *c2 = xmalloc(n);
      memcpy(c2, ct->p, n);
      c2[rnd64() % n] ^= (uint8_t)(1u << (rnd64() % 8));
      CHECK(core_open((int)kind, key, nonce, aad->p, aad->len, c2, n, tag->p, out) == 0,
            "%s: tampered ct", g_id);
      CHECK(core_open((int)kind, key, nonce, aad->p, aad->len, ct->p, n - 1, tag->p, out) == 0,
            "%s: cut ct", g_id);
      free(c2);
    }
    if (aad->len) {
      uint8_t *a2 = xmalloc(aad->len);
      memcpy(a2, aad->p, aad->len);
      a2[rnd64() % aad->len] ^= (uint8_t)(1u << (rnd64() % 8));
      CHECK(core_open((int)kind, key, nonce, a2, aad->len, ct->p, n, tag->p, out) == 0,
            "%s: tampered aad", g_id);
      free(a2);
    } else if (kind != PQ_AEAD_XSALSA20POLY1305) {
      const uint8_t one = 0;
      CHECK(core_open((int)kind, key, nonce, &one, 1, ct->p, n, tag->p, out) == 0, "%s: added aad",
            g_id);
    } else {
      const uint8_t one = 0;
      CHECK(core_open((int)kind, key, nonce, &one, 1, ct->p, n, tag->p, out) == PQ_ERR_INPUT,
            "%s: secretbox with aad", g_id);
    }
  }
  if (kind == PQ_AEAD_XSALSA20POLY1305 && expect) {
    /* the secretbox ciphertext is the XSalsa20 stream from byte 32 (stream_xor, cipher 4) */
    uint8_t *buf = xmalloc(n + 32);
    memset(buf, 0, 32);
    memcpy(buf + 32, msg->p, n);
    const int32_t a[3] = {PQ_CIPHER_XSALSA20, 0, 0};
    const pq_buf in[2] = {{key->p, 32}, {nonce->p, 24}};
    r = run_xform(pq_bind_stream_xor_begin, pq_bind_stream_xor_update, pq_bind_stream_xor, a, in,
                  NULL, buf, buf, n + 32);
    CHECK(r == 0 && !memcmp(buf + 32, ct->p, n), "%s: secretbox = XSalsa20 from byte 32", g_id);
    free(buf);
  }
  free(out);
}

/* ---- stream ciphers ------------------------------------------------------------------------------ */

static void run_stream(char *cur) {
  const long cipher = get_int(take(&cur, "cipher"));
  field_t *key = &F[0], *nonce = &F[1], *msg = &F[3], *want = &F[4];
  if (get_hex(key, take(&cur, "key")) || get_hex(nonce, take(&cur, "nonce"))) BAD("hex");
  const long counter = get_int(take(&cur, "counter"));
  if (get_hex(msg, take(&cur, "msg")) || get_hex(want, take(&cur, "out"))) BAD("hex");
  if (cipher < 0 || cipher > 4 || counter < 0 || *cur || (msg->present && msg->len != want->len))
    BAD("values");
  const size_t n = want->len;
  const uint8_t *src = msg->present ? msg->p : NULL;
  uint8_t *out = xmalloc(n);
  pq_aead_stream c;
  int32_t r = pq_stream_init(&c, (int32_t)cipher, key->p, key->len, nonce->p, nonce->len,
                             (uint64_t)counter);
  update_split(&c, out, src, n);
  r |= pq_stream_final(&c);
  CHECK(r == 0 && !memcmp(out, want->p, n), "%s: stream", g_id);
  ref_stream((int)cipher, key->p, nonce->p, (uint64_t)counter, out, src, n);
  CHECK(!memcmp(out, want->p, n), "%s: reference stream", g_id);
  /* binding, in place */
  if (src)
    memcpy(out, src, n);
  else
    memset(out, 0, n);
  const int32_t a[3] = {(int32_t)cipher, (int32_t)counter, 0};
  const pq_buf in[2] = {{key->p, key->len}, {nonce->p, nonce->len}};
  r = run_xform(pq_bind_stream_xor_begin, pq_bind_stream_xor_update, pq_bind_stream_xor, a, in,
                NULL, out, out, n);
  CHECK(r == 0 && !memcmp(out, want->p, n), "%s: binding stream_xor", g_id);
  free(out);
}

static void run_fold(char *cur) {
  const long cipher = get_int(take(&cur, "cipher"));
  field_t *key = &F[0], *nonce = &F[1], *fold = &F[4];
  if (get_hex(key, take(&cur, "key")) || get_hex(nonce, take(&cur, "nonce"))) BAD("hex");
  const long counter = get_int(take(&cur, "counter")), len = get_int(take(&cur, "len"));
  if (get_hex(fold, take(&cur, "fold")) || cipher < 0 || cipher > 4 || counter < 0 || len < 0 ||
      fold->len != 64 || *cur)
    BAD("values");
  uint8_t *ks = xmalloc((size_t)len), acc[64] = {0};
  pq_aead_stream c;
  int32_t r = pq_stream_init(&c, (int32_t)cipher, key->p, key->len, nonce->p, nonce->len,
                             (uint64_t)counter);
  update_split(&c, ks, NULL, (size_t)len);
  r |= pq_stream_final(&c);
  for (long i = 0; i < len; i++) acc[i % 64] ^= ks[i];
  CHECK(r == 0 && !memcmp(acc, fold->p, 64), "%s: folded keystream", g_id);
  free(ks);
}

/* ---- Poly1305, subkeys, quarter-round ------------------------------------------------------------- */

static void run_poly(char *cur) {
  field_t *key = &F[0], *msg = &F[3], *tag = &F[5];
  if (get_hex(key, take(&cur, "key")) || get_hex(msg, take(&cur, "msg")) ||
      get_hex(tag, take(&cur, "tag")) || key->len != 32 || tag->len != 16 || *cur)
    BAD("fields");
  uint8_t t[16];
  pq_poly1305 st;
  pq_poly1305_init(&st, key->p);
  for (size_t off = 0; off < msg->len;) {
    const size_t m = piece(msg->len - off);
    pq_poly1305_update(&st, msg->p + off, m);
    off += m;
  }
  pq_poly1305_final(&st, t);
  CHECK(!memcmp(t, tag->p, 16), "%s: poly1305 (split)", g_id);
  ref_poly1305(t, key->p, msg->p, msg->len);
  CHECK(!memcmp(t, tag->p, 16), "%s: reference poly1305", g_id);
  /* binding (kind 1) */
  pq_bind_state bs;
  const pq_buf in[1] = {{key->p, 32}};
  uint8_t t2[16];
  const pq_buf o[1] = {{t2, 16}};
  pq_bind_poly1305_begin(&bs, NULL, in);
  for (size_t off = 0; off < msg->len;) {
    const size_t m = piece(msg->len - off);
    pq_bind_poly1305_update(&bs, msg->p + off, m);
    off += m;
  }
  CHECK(pq_bind_poly1305(&bs, NULL, in, o) == 0 && !memcmp(t2, tag->p, 16), "%s: binding poly1305",
        g_id);
}

static void run_subkey(char *cur) {
  const long alg = get_int(take(&cur, "alg"));
  field_t *key = &F[0], *in16 = &F[1], *want = &F[4];
  if (get_hex(key, take(&cur, "key")) || get_hex(in16, take(&cur, "in")) ||
      get_hex(want, take(&cur, "out")) || (alg != 0 && alg != 1) || key->len != 32 ||
      in16->len != 16 || want->len != 32 || *cur)
    BAD("fields");
  uint8_t out[32];
  if (alg == 0)
    pq_hchacha20(out, key->p, in16->p);
  else
    pq_hsalsa20(out, key->p, in16->p);
  CHECK(!memcmp(out, want->p, 32), "%s: subkey", g_id);
  const int32_t a[1] = {(int32_t)alg};
  const pq_buf in[2] = {{key->p, 32}, {in16->p, 16}};
  const pq_buf o[1] = {{out, 32}};
  memset(out, 0, 32);
  CHECK(pq_bind_arx_subkey(NULL, a, in, o) == 0 && !memcmp(out, want->p, 32),
        "%s: binding arx_subkey", g_id);
}

static void run_qr(char *cur) {
  const char *idx = take(&cur, "idx");
  field_t *in = &F[0], *want = &F[1];
  unsigned i0, i1, i2, i3;
  if (!idx || sscanf(idx, "%u,%u,%u,%u", &i0, &i1, &i2, &i3) != 4 || i0 > 15 || i1 > 15 ||
      i2 > 15 || i3 > 15 || get_hex(in, take(&cur, "in")) || get_hex(want, take(&cur, "out")) ||
      in->len != 64 || want->len != 64 || *cur)
    BAD("fields");
  uint32_t x[16];
  for (int i = 0; i < 16; i++)
    x[i] = (uint32_t)in->p[4 * i] << 24 | (uint32_t)in->p[4 * i + 1] << 16 |
           (uint32_t)in->p[4 * i + 2] << 8 | in->p[4 * i + 3];
  PQ_CHACHA_QR(x[i0], x[i1], x[i2], x[i3]);
  int ok = 1;
  for (int i = 0; i < 16; i++)
    ok &= x[i] == ((uint32_t)want->p[4 * i] << 24 | (uint32_t)want->p[4 * i + 1] << 16 |
                   (uint32_t)want->p[4 * i + 2] << 8 | want->p[4 * i + 3]);
  CHECK(ok, "%s: quarter-round", g_id);
}

/* ---- secretstream -------------------------------------------------------------------------------- */

static int32_t bind_push(const uint8_t *state, int32_t tag, const uint8_t *ad, size_t ad_len,
                         const uint8_t *m, size_t n, uint8_t *wire, uint8_t next[52]) {
  const int32_t a[1] = {tag};
  const pq_buf in[2] = {{(uint8_t *)state, 52}, {(uint8_t *)ad, ad_len}};
  const pq_buf o[3] = {{next, 52}, {wire, 1}, {wire + 1 + n, 16}};
  return run_xform(pq_bind_secretstream_push_begin, pq_bind_secretstream_push_update,
                   pq_bind_secretstream_push, a, in, o, m, wire + 1, n);
}

/* wire = first ‖ body ‖ mac; -> the pull's result (short wires: PQ_ERR_LENGTH without a call) */
static int32_t bind_pull(const uint8_t *state, const uint8_t *ad, size_t ad_len,
                         const uint8_t *wire, size_t wire_len, uint8_t *m, uint8_t next[52],
                         uint8_t *tag) {
  if (wire_len < 17) return PQ_ERR_LENGTH;
  const size_t n = wire_len - 17;
  const pq_buf in[4] = {{(uint8_t *)state, 52},
                        {(uint8_t *)ad, ad_len},
                        {(uint8_t *)wire, 1},
                        {(uint8_t *)wire + 1 + n, 16}};
  const pq_buf o[2] = {{next, 52}, {tag, 1}};
  return run_xform(pq_bind_secretstream_pull_begin, pq_bind_secretstream_pull_update,
                   pq_bind_secretstream_pull, NULL, in, o, wire + 1, m, n);
}

static void run_sst(const char *op, char *cur) {
  field_t *state = &F[0], *ad = &F[1], *msg = &F[2], *wire = &F[3], *next = &F[4], *key = &F[5],
          *hdr = &F[6];
  if (strcmp(op, "sstinit") == 0) {
    if (get_hex(key, take(&cur, "key")) || get_hex(hdr, take(&cur, "header")) ||
        get_hex(state, take(&cur, "state")) || key->len != 32 || hdr->len != 24 ||
        state->len != 52 || *cur)
      BAD("fields");
    uint8_t s[52];
    pq_secretstream_init(s, key->p, hdr->p);
    CHECK(!memcmp(s, state->p, 52), "%s: secretstream init", g_id);
    const pq_buf in[2] = {{key->p, 32}, {hdr->p, 24}};
    const pq_buf o[1] = {{s, 52}};
    memset(s, 0, 52);
    CHECK(pq_bind_secretstream_init(NULL, NULL, in, o) == 0 && !memcmp(s, state->p, 52),
          "%s: binding init", g_id);
    return;
  }
  if (strcmp(op, "sstrekey") == 0) {
    if (get_hex(state, take(&cur, "state")) || get_hex(next, take(&cur, "next")) ||
        state->len != 52 || next->len != 52 || *cur)
      BAD("fields");
    uint8_t s[52];
    memcpy(s, state->p, 52);
    pq_secretstream_rekey(s);
    CHECK(!memcmp(s, next->p, 52), "%s: rekey", g_id);
    const pq_buf in[1] = {{state->p, 52}};
    const pq_buf o[1] = {{s, 52}};
    CHECK(pq_bind_secretstream_rekey(NULL, NULL, in, o) == 0 && !memcmp(s, next->p, 52),
          "%s: binding rekey", g_id);
    return;
  }
  if (strcmp(op, "sstbad") == 0) {
    if (get_hex(state, take(&cur, "state")) || get_hex(ad, take(&cur, "ad")) ||
        get_hex(wire, take(&cur, "wire")) || state->len != 52 || *cur)
      BAD("fields");
    uint8_t *m = xmalloc(wire->len), nx[52], tag = 0xee;
    const int32_t r = bind_pull(state->p, ad->p, ad->len, wire->p, wire->len, m, nx, &tag);
    CHECK(r == 0 || (wire->len < 17 && r == PQ_ERR_LENGTH), "%s: pull of a bad message = %d", g_id,
          r);
    uint8_t z[52] = {0};
    CHECK(r != 0 || (!memcmp(nx, z, 52) && tag == 0), "%s: rejected pull leaves no state", g_id);
    free(m);
    return;
  }
  /* sstpush */
  const long tag = (get_hex(state, take(&cur, "state")), get_int(take(&cur, "tag")));
  if (get_hex(ad, take(&cur, "ad")) || get_hex(msg, take(&cur, "msg")) ||
      get_hex(wire, take(&cur, "wire")) || get_hex(next, take(&cur, "next")) || state->len != 52 ||
      next->len != 52 || tag < 0 || tag > 3 || wire->len != msg->len + 17 || *cur)
    BAD("fields");
  const size_t n = msg->len;
  uint8_t *w = xmalloc(n + 17), *m = xmalloc(n + 1), nx[52], first, mac[16], t = 0xee;
  pq_aead_stream c;
  int32_t r = pq_secretstream_push_init(&c, state->p, 52, (uint32_t)tag, ad->p, ad->len);
  update_split(&c, w + 1, msg->p, n);
  r |= pq_secretstream_push_final(&c, nx, &first, mac);
  w[0] = first;
  memcpy(w + 1 + n, mac, 16);
  CHECK(r == 0 && !memcmp(w, wire->p, n + 17) && !memcmp(nx, next->p, 52), "%s: push", g_id);
  memset(w, 0, n + 17);
  r = bind_push(state->p, (int32_t)tag, ad->p, ad->len, msg->p, n, w, nx);
  CHECK(r == 0 && !memcmp(w, wire->p, n + 17) && !memcmp(nx, next->p, 52), "%s: binding push",
        g_id);
  pq_secretstream_pull_init(&c, state->p, 52, ad->p, ad->len, wire->p, 1);
  update_split(&c, m, wire->p + 1, n);
  r = pq_secretstream_pull_final(&c, wire->p + 1 + n, nx, &t);
  CHECK(r == 1 && t == tag && !memcmp(m, msg->p, n) && !memcmp(nx, next->p, 52), "%s: pull", g_id);
  r = bind_pull(state->p, ad->p, ad->len, wire->p, wire->len, m, nx, &t);
  CHECK(r == 1 && t == tag && !memcmp(m, msg->p, n) && !memcmp(nx, next->p, 52), "%s: binding pull",
        g_id);
  free(w);
  free(m);
}

/* ---- the vector driver --------------------------------------------------------------------------- */

static unsigned run_group(const char *dir, const char *name, const char *file, unsigned want) {
  char path[1024];
  snprintf(path, sizeof path, "%s/%s", dir, file);
  FILE *f = fopen(path, "r");
  if (!f) {
    CHECK(0, "group %s: cannot open %s", name, path);
    return 0;
  }
  char *line = NULL;
  size_t cap = 0;
  unsigned cases = 0, fail0 = t_fail;
  while (t_read_line(f, &line, &cap)) {
    if (!*line) continue;
    char *cur = strchr(line, ' ');
    if (!cur) {
      CHECK(0, "%s: malformed line", name);
      continue;
    }
    *cur++ = 0;
    g_id = take(&cur, "id");
    if (!g_id) {
      CHECK(0, "%s: line without an id", name);
      continue;
    }
    cases++;
    if (strcmp(line, "aead") == 0)
      run_aead(cur);
    else if (strcmp(line, "stream") == 0)
      run_stream(cur);
    else if (strcmp(line, "fold") == 0)
      run_fold(cur);
    else if (strcmp(line, "poly") == 0)
      run_poly(cur);
    else if (strcmp(line, "subkey") == 0)
      run_subkey(cur);
    else if (strcmp(line, "qr") == 0)
      run_qr(cur);
    else if (strncmp(line, "sst", 3) == 0 &&
             (!strcmp(line, "sstinit") || !strcmp(line, "sstpush") || !strcmp(line, "sstbad") ||
              !strcmp(line, "sstrekey")))
      run_sst(line, cur);
    else
      CHECK(0, "%s %s: unknown op %.20s", name, g_id, line);
  }
  fclose(f);
  free(line);
  CHECK(cases == want, "group %s: %u cases, MANIFEST-aead says %u", name, cases, want);
  printf("  %-24s %5u cases, %u failed checks\n", name, cases, t_fail - fail0);
  return cases;
}

static void run_vectors(void) {
  t_run_manifest("aead", "run `node scripts/gen-c-vectors.mjs` first (or set PQ_C_VECTORS)", 4,
                 run_group);
  for (int i = 0; i < 8; i++) free(F[i].p), F[i].p = NULL;
}

/* ---- kernels against the references ------------------------------------------------------------- */

/* Every block count 0..17 and random ones up to 70, random states (word 12 / 8 up to the
 * precondition's edge), in == NULL / in == out / disjoint, every in/out offset 0..63. */
static void test_block_kernels(void) {
  enum { MAXB = 70 };
  uint8_t *ibase = xmalloc(64 * MAXB + 128), *obase = xmalloc(64 * MAXB + 128),
          *rbase = xmalloc(64 * MAXB + 128);
  unsigned bad[2] = {0, 0}, runs = 0;
  for (int salsa = 0; salsa < 2; salsa++) {
    for (unsigned iter = 0; iter < 600; iter++) {
      const size_t nb = iter < 18 * 8 ? iter / 8 : (size_t)rnd_range(0, MAXB);
      const unsigned io = (unsigned)(iter % 64), oo = (unsigned)((iter * 37 + 11) % 64);
      uint32_t s[16], s2[16];
      for (int i = 0; i < 16; i++) s[i] = (uint32_t)rnd64();
      const int ctr = salsa ? 8 : 12;
      if (iter % 3 == 0) s[ctr] = (uint32_t)(0 - (uint32_t)nb); /* ends exactly at 2^32 */
      if (iter % 3 == 1) s[ctr] = (uint32_t)(0 - (uint32_t)nb - (uint32_t)rnd_range(0, 5));
      memcpy(s2, s, sizeof s);
      uint8_t *in = ibase + io, *out = obase + oo, *ref = rbase + oo;
      rnd_bytes(in, 64 * nb);
      const int mode = (int)(iter % 3); /* 0 keystream, 1 disjoint, 2 in place */
      memset(out, 0xa5, 64 * nb + 64);
      memset(ref, 0xa5, 64 * nb + 64);
      if (mode == 2) memcpy(out, in, 64 * nb), memcpy(ref, in, 64 * nb);
      const uint8_t *src = mode == 0 ? NULL : mode == 1 ? in : out;
      const uint8_t *rsrc = mode == 0 ? NULL : mode == 1 ? in : ref;
      if (salsa) {
        pq_salsa20_blocks(s, out, src, nb);
        pq_ref_salsa20_blocks(s2, ref, rsrc, nb);
      } else {
        pq_chacha20_blocks(s, out, src, nb);
        pq_ref_chacha20_blocks(s2, ref, rsrc, nb);
      }
      runs++;
      /* identical output, nothing written past it, identical state (counter advanced by nb) */
      if (memcmp(out, ref, 64 * nb + 64) || memcmp(s, s2, sizeof s)) bad[salsa]++;
    }
  }
  CHECK(!bad[0], "pq_chacha20_blocks differs from the reference in %u runs", bad[0]);
  CHECK(!bad[1], "pq_salsa20_blocks differs from the reference in %u runs", bad[1]);
  free(ibase);
  free(obase);
  free(rbase);
  printf("kernels: %u ChaCha20/Salsa20 block runs against the references\n", runs);
}

/* pq_poly1305_blocks against the portable blocks: the same sequence of block counts on two states
 * from the same key, then the same tail; the tags must agree (the kernel keeps h in the build's
 * form and may use its scratch table across calls). */
/* the bounds of h between calls that aead/poly1305.h promises the final reduction */
static int h_in_bounds(const pq_poly1305 *st) {
#if PQ_POLY1305_LIMB64
  return st->h[2] <= 4;
#else
  return st->h[0] < (1u << 26) && st->h[1] < (1u << 26) + 64 && st->h[2] < (1u << 26) &&
         st->h[3] < (1u << 26) && st->h[4] < (1u << 26);
#endif
}

static void test_poly_kernel(void) {
  enum { MAXB = 80 };
  uint8_t *base = xmalloc(16 * MAXB * 4 + 64);
  unsigned bad = 0, bad_bounds = 0, runs = 0;
  for (unsigned iter = 0; iter < 400; iter++) {
    uint8_t key[32], t1[16], t2[16];
    rnd_bytes(key, 32);
    if (iter % 7 == 0) memset(key, 0xff, 32); /* r and s at their clamped maximum */
    const unsigned off = iter % 64;
    uint8_t *m = base + off;
    const size_t total = iter < 64 ? iter : (size_t)rnd_range(0, 4 * MAXB);
    rnd_bytes(m, 16 * total);
    if (iter % 5 == 0) memset(m, 0xff, 16 * total); /* h near its bound */
    pq_poly1305 a, b;
    pq_poly1305_init(&a, key);
    pq_poly1305_init(&b, key);
    CHECK(a.kernel_ready == 0, "init leaves kernel_ready set");
    for (size_t done = 0; done < total;) {
      size_t nb = iter % 2 ? total - done : (size_t)rnd_range(0, MAXB);
      if (nb > total - done) nb = total - done;
      pq_poly1305_blocks(&a, m + 16 * done, nb);
      pq_ref_poly1305_blocks(&b, m + 16 * done, nb);
      done += nb;
      if (!h_in_bounds(&a) || !h_in_bounds(&b)) bad_bounds++;
    }
    const size_t tail = (size_t)rnd_range(0, 15);
    pq_poly1305_update(&a, m, tail);
    pq_poly1305_update(&b, m, tail);
    pq_poly1305_final(&a, t1);
    pq_poly1305_final(&b, t2);
    runs++;
    if (memcmp(t1, t2, 16)) bad++;
  }
  CHECK(!bad, "pq_poly1305_blocks differs from the reference in %u runs", bad);
  CHECK(!bad_bounds, "h out of the bounds of aead/poly1305.h after %u calls", bad_bounds);
  free(base);
  printf("kernels: %u Poly1305 runs against the reference\n", runs);
}

/* Every length 0..1100 through the public entries (stream_xor of each cipher, the three AEADs) at
 * every input/output offset 0..63, against the reference constructions. */
static void test_public_lengths(void) {
  enum { MAXN = 1100 };
  uint8_t *ibase = xmalloc(MAXN + 64), *obase = xmalloc(MAXN + 64), *ref = xmalloc(MAXN + 64);
  uint8_t key[32], nonce[24], aad[40], t1[16], t2[16];
  unsigned bad_stream = 0, bad_aead = 0, runs = 0;
  for (size_t n = 0; n <= MAXN; n++) {
    const unsigned io = (unsigned)(n % 64), oo = (unsigned)((n * 29 + 3) % 64);
    uint8_t *in = ibase + io, *out = obase + oo;
    rnd_bytes(in, n);
    rnd_bytes(key, 32);
    rnd_bytes(nonce, 24);
    const int cipher = (int)(n % 5);
    /* counters: small, and (64-bit ciphers) just below the carry into the high word */
    uint64_t counter = rnd64() % 1000;
    if (cipher != PQ_CIPHER_CHACHA20 && n % 3 == 0) counter = 0xffffffffull - rnd64() % 8;
    pq_aead_stream c;
    int32_t r = pq_stream_init(&c, cipher, key, 32, nonce, CIPHER_NONCE[cipher], counter);
    update_split(&c, out, in, n);
    r |= pq_stream_final(&c);
    ref_stream(cipher, key, nonce, counter, ref, in, n);
    if (r || memcmp(out, ref, n)) bad_stream++;
    const int kind = (int)(n % 3);
    const size_t alen = kind == 2 ? 0 : n % 41;
    rnd_bytes(aad, alen);
    pq_aead_init(&c, kind, 1, key, 32, nonce, NONCE_LEN[kind], aad, alen);
    update_split(&c, out, in, n);
    r = pq_aead_seal_final(&c, t1);
    ref_seal(kind, key, nonce, aad, alen, in, n, ref, t2);
    if (r || memcmp(out, ref, n) || memcmp(t1, t2, 16)) bad_aead++;
    runs++;
  }
  CHECK(!bad_stream, "stream_xor differs from the reference stream for %u lengths", bad_stream);
  CHECK(!bad_aead, "seal differs from the reference seal for %u lengths", bad_aead);
  free(ibase);
  free(obase);
  free(ref);
  printf("public entries: lengths 0..%d (%u runs) against the references\n", MAXN, runs);
}

/* ---- streaming, counters, secretstream round trips, error paths ----------------------------------- */

/* Random long messages: seal/open/stream_xor in random pieces equal the one-shot calls. */
static void test_split_equals_oneshot(void) {
  enum { N = 70000 };
  uint8_t *m = xmalloc(N), *a = xmalloc(N), *b = xmalloc(N), key[32], nonce[24], aad[100], t1[16],
          t2[16];
  for (int iter = 0; iter < 12; iter++) {
    const size_t n = (size_t)rnd_range(0, N);
    rnd_bytes(m, n);
    rnd_bytes(key, 32);
    rnd_bytes(nonce, 24);
    rnd_bytes(aad, 100);
    const int kind = iter % 3;
    const size_t alen = kind == 2 ? 0 : (size_t)rnd_range(0, 100);
    pq_aead_stream c;
    pq_aead_init(&c, kind, 1, key, 32, nonce, NONCE_LEN[kind], aad, alen);
    pq_aead_update(&c, a, m, n);
    CHECK(pq_aead_seal_final(&c, t1) == 0, "seal");
    pq_aead_init(&c, kind, 1, key, 32, nonce, NONCE_LEN[kind], aad, alen);
    update_split(&c, b, m, n);
    CHECK(pq_aead_seal_final(&c, t2) == 0 && !memcmp(a, b, n) && !memcmp(t1, t2, 16),
          "split seal = one-shot");
    pq_aead_init(&c, kind, 0, key, 32, nonce, NONCE_LEN[kind], aad, alen);
    update_split(&c, b, b, n); /* in place */
    CHECK(pq_aead_open_final(&c, t1) == 1 && !memcmp(b, m, n), "split open (in place)");
    const int cipher = iter % 5;
    const size_t *nl = CIPHER_NONCE;
    pq_stream_init(&c, cipher, key, 32, nonce, nl[cipher], 7);
    pq_aead_update(&c, a, m, n);
    CHECK(pq_stream_final(&c) == 0, "stream");
    pq_stream_init(&c, cipher, key, 32, nonce, nl[cipher], 7);
    update_split(&c, b, m, n);
    CHECK(pq_stream_final(&c) == 0 && !memcmp(a, b, n), "split stream_xor = one-shot (cipher %d)",
          cipher);
  }
  free(m);
  free(a);
  free(b);
}

static void test_counters(void) {
  uint8_t key[32], nonce[24], buf[256], ref[256], one[64];
  rnd_bytes(key, 32);
  rnd_bytes(nonce, 24);
  const size_t *nl = CIPHER_NONCE;
  pq_aead_stream c;
  /* RFC 8439: the 32-bit counter's last block is 2^32 - 1 */
  pq_stream_init(&c, 0, key, 32, nonce, 12, 0xffffffffull);
  pq_aead_update(&c, buf, NULL, 64);
  CHECK(pq_stream_final(&c) == 0, "counter 2^32-1, one block");
  pq_stream_init(&c, 0, key, 32, nonce, 12, 0xffffffffull);
  memset(buf, 0x5a, sizeof buf);
  pq_aead_update(&c, buf, buf, 65);
  CHECK(pq_stream_final(&c) == PQ_ERR_COUNTER, "counter 2^32-1, 65 bytes");
  CHECK(buf[64] == 0, "no output past the counter's end");
  pq_stream_init(&c, 0, key, 32, nonce, 12, 0xfffffffeull);
  pq_aead_update(&c, buf, NULL, 100);
  pq_aead_update(&c, buf, NULL, 28);
  CHECK(pq_stream_final(&c) == 0, "counter 2^32-2, 128 bytes in two pieces");
  pq_stream_init(&c, 0, key, 32, nonce, 12, 0xfffffffeull);
  pq_aead_update(&c, buf, NULL, 128);
  pq_aead_update(&c, buf, NULL, 0);
  pq_aead_update(&c, buf, NULL, 1);
  CHECK(pq_stream_final(&c) == PQ_ERR_COUNTER, "counter 2^32-2, 129 bytes");
  CHECK(pq_stream_init(&c, 0, key, 32, nonce, 12, 0x100000000ull) == PQ_ERR_COUNTER &&
            pq_stream_final(&c) == PQ_ERR_COUNTER,
        "RFC 8439 counter >= 2^32");
  {
    const int32_t a[3] = {0, 0, 1};
    const pq_buf in[2] = {{key, 32}, {nonce, 12}};
    CHECK(run_xform(pq_bind_stream_xor_begin, pq_bind_stream_xor_update, pq_bind_stream_xor, a, in,
                    NULL, buf, buf, 10) == PQ_ERR_COUNTER,
          "binding: cipher 0 with a high counter word");
    const int32_t a2[3] = {0, -1, 0};
    CHECK(run_xform(pq_bind_stream_xor_begin, pq_bind_stream_xor_update, pq_bind_stream_xor, a2, in,
                    NULL, buf, buf, 65) == PQ_ERR_COUNTER,
          "binding: cipher 0 past the end");
    CHECK(run_xform(pq_bind_stream_xor_begin, pq_bind_stream_xor_update, pq_bind_stream_xor, a2, in,
                    NULL, buf, buf, 64) == 0,
          "binding: cipher 0 up to the end");
  }
  for (int cipher = 1; cipher <= 4; cipher++) {
    /* 64-bit counters: the carry from word 12/8 into 13/9, and the end at 2^64 */
    for (int start = 0; start < 4; start++) {
      const uint64_t ctr = 0xffffffffull - (uint64_t)start;
      pq_stream_init(&c, cipher, key, 32, nonce, nl[cipher], ctr);
      update_split(&c, buf, NULL, 256);
      CHECK(pq_stream_final(&c) == 0, "cipher %d across the carry", cipher);
      for (int k = 0; k < 4; k++) { /* block k on its own, at its own 64-bit counter */
        pq_stream_init(&c, cipher, key, 32, nonce, nl[cipher], ctr + (uint64_t)k);
        pq_aead_update(&c, one, NULL, 64);
        pq_stream_final(&c);
        memcpy(ref + 64 * k, one, 64);
      }
      CHECK(!memcmp(buf, ref, 256), "cipher %d: the 64-bit counter carries at start 2^32-%d",
            cipher, start + 1);
      ref_stream(cipher, key, nonce, ctr, ref, NULL, 256);
      CHECK(!memcmp(buf, ref, 256), "cipher %d: reference across the carry", cipher);
    }
    pq_stream_init(&c, cipher, key, 32, nonce, nl[cipher], UINT64_MAX);
    pq_aead_update(&c, buf, NULL, 64);
    CHECK(pq_stream_final(&c) == 0, "cipher %d: the last block 2^64-1", cipher);
    pq_stream_init(&c, cipher, key, 32, nonce, nl[cipher], UINT64_MAX);
    pq_aead_update(&c, buf, NULL, 30);
    pq_aead_update(&c, buf, NULL, 34);
    pq_aead_update(&c, buf, NULL, 1);
    CHECK(pq_stream_final(&c) == PQ_ERR_COUNTER, "cipher %d: past 2^64", cipher);
    const int32_t a[3] = {cipher, -1, -1};
    const pq_buf in[2] = {{key, 32}, {nonce, nl[cipher]}};
    CHECK(run_xform(pq_bind_stream_xor_begin, pq_bind_stream_xor_update, pq_bind_stream_xor, a, in,
                    NULL, buf, buf, 65) == PQ_ERR_COUNTER,
          "binding: cipher %d past 2^64", cipher);
  }
}

/* push/pull chains with every tag, explicit rekeys, ads, random pieces; the two sides keep equal states */
static void test_secretstream_roundtrip(void) {
  uint8_t key[32], header[24], sp[52], sq[52], m[3000], w[3000 + 17], back[3000], ad[50], nx[52], t;
  for (int chain = 0; chain < 6; chain++) {
    rnd_bytes(key, 32);
    rnd_bytes(header, 24);
    pq_secretstream_init(sp, key, header);
    memcpy(sq, sp, 52);
    for (int i = 0; i < 40; i++) {
      const int32_t tag = (int32_t)(rnd64() % 4);
      const size_t n = (size_t)rnd_range(0, 3000), alen = (size_t)rnd_range(0, 50);
      rnd_bytes(m, n);
      rnd_bytes(ad, alen);
      CHECK(bind_push(sp, tag, ad, alen, m, n, w, nx) == 0, "push");
      memcpy(sp, nx, 52);
      CHECK(
          bind_pull(sq, ad, alen, w, n + 17, back, nx, &t) == 1 && t == tag && !memcmp(back, m, n),
          "pull (tag %d)", tag);
      memcpy(sq, nx, 52);
      CHECK(!memcmp(sp, sq, 52), "push and pull states agree");
      if (n) { /* a replay of the same message under the next state is rejected */
        CHECK(bind_pull(sq, ad, alen, w, n + 17, back, nx, &t) == 0, "replay rejected");
      }
      if (rnd64() % 5 == 0) {
        pq_secretstream_rekey(sp);
        pq_secretstream_rekey(sq);
      }
    }
    /* the next state: inonce ^= mac, counter + 1, and a rekey exactly when the tag has the REKEY
     * bit or the counter wrapped to 0 (the wrap itself is in libsodium's vectors too) */
    for (int k = 0; k < 8; k++) {
      const int32_t tag = k % 4;
      uint8_t s1[52], n1[52], want[52];
      memcpy(s1, sp, 52);
      if (k >= 4) s1[32] = s1[33] = s1[34] = s1[35] = 0xff;
      CHECK(bind_push(s1, tag, ad, 0, m, 10, w, n1) == 0, "push");
      memcpy(want, s1, 52);
      for (int j = 0; j < 8; j++) want[36 + j] ^= w[11 + j];
      pq_store32_le(want + 32, pq_load32_le(want + 32) + 1);
      if ((tag & PQ_SECRETSTREAM_TAG_REKEY) || k >= 4) pq_secretstream_rekey(want);
      CHECK(!memcmp(n1, want, 52), "next state after tag %d%s", tag,
            k >= 4 ? " at the counter wrap" : "");
    }
  }
  /* error paths */
  CHECK(bind_push(sp, 4, ad, 0, m, 5, w, nx) == PQ_ERR_INPUT, "push tag 4");
  CHECK(bind_push(sp, -1, ad, 0, m, 5, w, nx) == PQ_ERR_INPUT, "push tag -1");
  {
    const pq_buf in[2] = {{sp, 51}, {ad, 0}};
    uint8_t f, mac[16];
    const int32_t a[1] = {0};
    const pq_buf o[3] = {{nx, 52}, {&f, 1}, {mac, 16}};
    CHECK(run_xform(pq_bind_secretstream_push_begin, pq_bind_secretstream_push_update,
                    pq_bind_secretstream_push, a, in, o, m, w, 5) == PQ_ERR_LENGTH,
          "push with a 51-byte state");
    const pq_buf in2[2] = {{sp, 52}, {ad, 0}};
    const pq_buf o2[3] = {{nx, 52}, {&f, 1}, {mac, 15}};
    CHECK(run_xform(pq_bind_secretstream_push_begin, pq_bind_secretstream_push_update,
                    pq_bind_secretstream_push, a, in2, o2, m, w, 5) == PQ_ERR_LENGTH,
          "push with a 15-byte mac output");
  }
  {
    const pq_buf in[4] = {{sp, 52}, {ad, 0}, {w, 2}, {w + 2, 16}};
    const pq_buf o[2] = {{nx, 52}, {&t, 1}};
    CHECK(run_xform(pq_bind_secretstream_pull_begin, pq_bind_secretstream_pull_update,
                    pq_bind_secretstream_pull, NULL, in, o, w, back, 3) == PQ_ERR_LENGTH,
          "pull with a 2-byte first");
    const pq_buf in2[4] = {{sp, 52}, {ad, 0}, {w, 1}, {w + 2, 17}};
    CHECK(run_xform(pq_bind_secretstream_pull_begin, pq_bind_secretstream_pull_update,
                    pq_bind_secretstream_pull, NULL, in2, o, w, back, 3) == PQ_ERR_LENGTH,
          "pull with a 17-byte mac");
  }
  {
    const pq_buf in[2] = {{key, 31}, {header, 24}};
    const pq_buf o[1] = {{nx, 52}};
    CHECK(pq_bind_secretstream_init(NULL, NULL, in, o) == PQ_ERR_LENGTH, "init with a 31-byte key");
    const pq_buf in2[1] = {{sp, 53}};
    CHECK(pq_bind_secretstream_rekey(NULL, NULL, in2, o) == PQ_ERR_LENGTH,
          "rekey with a 53-byte state");
  }
}

/* lengths, kinds and capacities the entries refuse (run under ASan: never read outside) */
static void test_errors(void) {
  uint8_t key[33] = {0}, nonce[25] = {0}, tag[16] = {0}, buf[100] = {0};
  for (int kind = -1; kind <= 3; kind++) {
    for (size_t kl = 31; kl <= 33; kl++)
      for (size_t nl = 11; nl <= 25; nl++) {
        const int32_t a[1] = {kind};
        const pq_buf in[4] = {{key, kl}, {nonce, nl}, {buf, 0}, {tag, 16}};
        const pq_buf o[1] = {{tag, 16}};
        const int good = kind >= 0 && kind <= 2 && kl == 32 && nl == NONCE_LEN[kind];
        const int32_t want = kind < 0 || kind > 2 ? PQ_ERR_PARAMS : good ? 0 : PQ_ERR_LENGTH;
        const int32_t r = run_xform(pq_bind_aead_seal_begin, pq_bind_aead_seal_update,
                                    pq_bind_aead_seal, a, in, o, buf, buf, 50);
        CHECK(r == want, "seal kind %d key %zu nonce %zu = %d, expected %d", kind, kl, nl, r, want);
        const int32_t r2 = run_xform(pq_bind_aead_open_begin, pq_bind_aead_open_update,
                                     pq_bind_aead_open, a, in, NULL, buf, buf, 50);
        CHECK(good ? r2 == 1 || r2 == 0 : r2 == want, "open kind %d key %zu nonce %zu = %d", kind,
              kl, nl, r2);
      }
  }
  {
    const int32_t a[1] = {0};
    const pq_buf in[3] = {{key, 32}, {nonce, 12}, {buf, 0}};
    const pq_buf o[1] = {{tag, 15}};
    CHECK(run_xform(pq_bind_aead_seal_begin, pq_bind_aead_seal_update, pq_bind_aead_seal, a, in, o,
                    buf, buf, 5) == PQ_ERR_LENGTH,
          "seal into a 15-byte tag");
    const int32_t a2[1] = {2};
    const pq_buf in2[3] = {{key, 32}, {nonce, 24}, {buf, 1}};
    const pq_buf o2[1] = {{tag, 16}};
    CHECK(run_xform(pq_bind_aead_seal_begin, pq_bind_aead_seal_update, pq_bind_aead_seal, a2, in2,
                    o2, buf, buf, 5) == PQ_ERR_INPUT,
          "secretbox with aad");
  }
  for (int cipher = -1; cipher <= 5; cipher++)
    for (size_t nl = 7; nl <= 25; nl++) {
      const size_t *want_nl = CIPHER_NONCE;
      const int32_t a[3] = {cipher, 0, 0};
      const pq_buf in[2] = {{key, 32}, {nonce, nl}};
      const int32_t want = cipher < 0 || cipher > 4 ? PQ_ERR_PARAMS
                           : nl == want_nl[cipher]  ? 0
                                                    : PQ_ERR_LENGTH;
      CHECK(run_xform(pq_bind_stream_xor_begin, pq_bind_stream_xor_update, pq_bind_stream_xor, a,
                      in, NULL, buf, buf, 70) == want,
            "stream_xor cipher %d nonce %zu", cipher, nl);
    }
  {
    pq_bind_state st;
    const pq_buf in[1] = {{key, 31}};
    const pq_buf o[1] = {{tag, 16}};
    pq_bind_poly1305_begin(&st, NULL, in);
    pq_bind_poly1305_update(&st, buf, 50);
    CHECK(pq_bind_poly1305(&st, NULL, in, o) == PQ_ERR_LENGTH, "poly1305 with a 31-byte key");
    const pq_buf in2[1] = {{key, 32}};
    const pq_buf o2[1] = {{tag, 15}};
    pq_bind_poly1305_begin(&st, NULL, in2);
    CHECK(pq_bind_poly1305(&st, NULL, in2, o2) == PQ_ERR_LENGTH, "poly1305 into 15 bytes");
  }
  {
    const int32_t a[1] = {2};
    const pq_buf in[2] = {{key, 32}, {nonce, 16}};
    const pq_buf o[1] = {{buf, 32}};
    CHECK(pq_bind_arx_subkey(NULL, a, in, o) == PQ_ERR_PARAMS, "arx_subkey alg 2");
    const int32_t a1[1] = {1};
    const pq_buf in1[2] = {{key, 32}, {nonce, 15}};
    CHECK(pq_bind_arx_subkey(NULL, a1, in1, o) == PQ_ERR_LENGTH, "arx_subkey 15-byte input");
    const pq_buf o1[1] = {{buf, 31}};
    CHECK(pq_bind_arx_subkey(NULL, a1, in, o1) == PQ_ERR_LENGTH, "arx_subkey into 31 bytes");
  }
  /* the benchmark hook: the reference's 1-way pass is always there; unknown ids are -1 */
  {
    const int32_t a[2] = {PQ_BENCH_AEAD_CHACHA20_X1, 3};
    CHECK(pq_bind_aead_bench(NULL, a, NULL, NULL) >= 0, "bench ChaCha20 1-way");
    for (int32_t id = PQ_BENCH_AEAD_CHACHA20_X1; id <= PQ_BENCH_AEAD_SEAL_4K; id++) {
      const int32_t b[2] = {id, 2};
      const int32_t r = pq_bind_aead_bench(NULL, b, NULL, NULL);
      CHECK(r >= -1, "bench id %d", id);
    }
    const int32_t c[2] = {PQ_BENCH_NTT, 1};
    CHECK(pq_bind_aead_bench(NULL, c, NULL, NULL) == -1,
          "bench: an ML-DSA id is not the AEAD family's");
  }
}

int main(void) {
  run_vectors();
  test_block_kernels();
  test_poly_kernel();
  test_public_lengths();
  test_split_equals_oneshot();
  test_counters();
  test_secretstream_roundtrip();
  test_errors();
  return t_summary("aead");
}
