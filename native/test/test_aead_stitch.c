/* The combined ChaCha20 / Salsa20 + Poly1305 kernels (pq_chacha20_poly1305_seal_blocks /
 * _open_blocks and the pq_salsa20_poly1305_* twins of aead/kernels_aead.h, stitched where the
 * target has them) and the AEAD paths of aead.c that use them, bit for bit against the unstitched
 * references:
 *  - the kernels against pq_unstitched_* (the build's two kernels in turn) and against the pure
 *    references (pq_ref_chacha20_blocks, pq_ref_poly1305_blocks): every nblocks 0..40 with counters
 *    up to the precondition's edge, MAC states with 0..20 blocks absorbed before (a fresh key and one
 *    whose vector kernel has its powers of r), in place and not, every output x input misalignment
 *    0..63, random runs up to 1 MiB; output, bytes after it, the state, the tag after more blocks;
 *    where the build's Poly1305 is the portable code, h itself;
 *  - ChaCha20-Poly1305, XChaCha20-Poly1305, secretbox seal and open and secretstream push through
 *    the core API against reference constructions from the pq_ref_* kernels only: every length
 *    0..1100 at output/input offsets cycling through 0..63, in one update and in random pieces, in
 *    place and not; every offset pair 0..63 x 0..63; random lengths up to 1 MiB; open rejects a
 *    flipped tag bit.
 * scripts/test-c.sh runs it in every build (portable, AVX2, AVX-512, NEON, WASM scalar/SIMD/relaxed;
 * the AVX2 build also with clang, whose stitched Poly1305 is C where gcc's is asm). */
#include <stdlib.h>

#include "aead/aead.h"
#include "aead/arx.h"
#include "aead/kernels_aead.h"
#include "shared/pq_util.h"
#include "test_util.h"

#define MAXB 16384 /* 1 MiB */
#define GUARD 64

static void *xmalloc(size_t n) {
  void *p = malloc(n ? n : 1);
  if (!p) {
    fprintf(stderr, "test_aead_stitch: out of memory\n");
    exit(1);
  }
  return p;
}

/* ---- the kernels ------------------------------------------------------------------------------- */

typedef void (*comb_fn)(uint32_t s[16], pq_poly1305 *mac, uint8_t *out, const uint8_t *in,
                        size_t nblocks);

/* the pure reference: reference kernels only, in the order of the contract */
static void ref_seal_blocks(uint32_t s[16], pq_poly1305 *mac, uint8_t *out, const uint8_t *in,
                            size_t nblocks) {
  pq_ref_chacha20_blocks(s, out, in, nblocks);
  pq_ref_poly1305_blocks(mac, out, 4 * nblocks);
}
static void ref_open_blocks(uint32_t s[16], pq_poly1305 *mac, uint8_t *out, const uint8_t *in,
                            size_t nblocks) {
  pq_ref_poly1305_blocks(mac, in, 4 * nblocks);
  pq_ref_chacha20_blocks(s, out, in, nblocks);
}
static void ref_salsa_seal_blocks(uint32_t s[16], pq_poly1305 *mac, uint8_t *out, const uint8_t *in,
                                  size_t nblocks) {
  pq_ref_salsa20_blocks(s, out, in, nblocks);
  pq_ref_poly1305_blocks(mac, out, 4 * nblocks);
}
static void ref_salsa_open_blocks(uint32_t s[16], pq_poly1305 *mac, uint8_t *out, const uint8_t *in,
                                  size_t nblocks) {
  pq_ref_poly1305_blocks(mac, in, 4 * nblocks);
  pq_ref_salsa20_blocks(s, out, in, nblocks);
}

static uint8_t *buf_in, *buf_out, *buf_ref;

/* A MAC state: a random key, then `pre` random blocks (pq_poly1305_update of 16 pre bytes: no
 * partial block; pre >= 12 gives the AVX2/AVX-512 Poly1305 kernel its table of powers first). */
static void mac_state(pq_poly1305 *a, pq_poly1305 *b, unsigned pre) {
  uint8_t key[32], m[20 * 16];
  rnd_bytes(key, 32);
  rnd_bytes(m, 16 * pre);
  pq_poly1305_init(a, key);
  pq_poly1305_update(a, m, 16 * pre);
  pq_poly1305_init(b, key);
  pq_poly1305_update(b, m, 16 * pre);
}

/* the tags of two states after the same random tail (0..40 bytes, through the incremental API) */
static int same_tags(pq_poly1305 *a, pq_poly1305 *b) {
  uint8_t m[40], ta[16], tb[16];
  const size_t n = (size_t)(rnd64() % 41);
  rnd_bytes(m, n);
  pq_poly1305_update(a, m, n);
  pq_poly1305_update(b, m, n);
  pq_poly1305_final(a, ta);
  pq_poly1305_final(b, tb);
  return memcmp(ta, tb, 16) == 0;
}

/* One run of `kern` against `ref` (mode 0: in separate, 1: in == out) at the given misalignments,
 * from counter state s0 and a MAC with `pre` blocks absorbed; -> 1 if everything agrees. */
static int check_run(comb_fn kern, comb_fn ref, int exact_h, unsigned cw, const uint32_t s0[16],
                     size_t nblocks, unsigned oo, unsigned io, int mode, unsigned pre) {
  const size_t n = 64 * nblocks;
  uint8_t *in = buf_in + io, *out = buf_out + oo, *rout = buf_ref + oo;
  rnd_bytes(buf_in, n + 64 + GUARD);
  rnd_bytes(buf_out, n + 64 + GUARD);
  memcpy(buf_ref, buf_out, n + 64 + GUARD);
  if (mode == 1) {
    memcpy(out, in, n);
    memcpy(rout, in, n);
  }
  uint32_t s[16], r[16];
  memcpy(s, s0, sizeof s);
  memcpy(r, s0, sizeof r);
  pq_poly1305 ma, mb;
  mac_state(&ma, &mb, pre);
  kern(s, &ma, out, mode ? out : in, nblocks);
  ref(r, &mb, rout, mode ? rout : in, nblocks);
  int ok = memcmp(buf_out, buf_ref, n + 64 + GUARD) == 0 && memcmp(s, r, sizeof s) == 0 &&
           r[cw] == s0[cw] + (uint32_t)nblocks && ma.used == 0;
  if (exact_h) ok &= memcmp(ma.h, mb.h, sizeof ma.h) == 0;
  return same_tags(&ma, &mb) && ok;
}

/* a random state, its counter word cw (ChaCha20 12, Salsa20 8) at or near the edge for k < 2 */
static void rnd_state(uint32_t s[16], unsigned cw, size_t nblocks, unsigned k) {
  for (unsigned i = 0; i < 16; i++) s[i] = (uint32_t)rnd64();
  const uint32_t room = (uint32_t)(0u - (uint32_t)nblocks); /* 2^32 - nblocks */
  if (nblocks && k < 2)
    s[cw] = room - k; /* at the edge s[cw] + nblocks = 2^32, and one below */
  else if (nblocks)
    s[cw] = (uint32_t)(rnd64() % ((uint64_t)room + 1));
}

static void test_kernel(const char *name, comb_fn kern, comb_fn ref, int exact_h, unsigned cw) {
  uint32_t s[16];
  unsigned bad = 0, runs = 0;
  for (size_t nb = 0; nb <= 40; nb++)
    for (unsigned k = 0; k < 4; k++)
      for (int mode = 0; mode < 2; mode++, runs++) {
        rnd_state(s, cw, nb, k);
        const unsigned pre = (unsigned)(k == 3 ? 12 + rnd64() % 9 : rnd64() % 12);
        bad += !check_run(kern, ref, exact_h, cw, s, nb, (unsigned)(rnd64() % 64),
                          (unsigned)(rnd64() % 64), mode, pre);
      }
  CHECK(bad == 0, "%s: nblocks 0..40, edge counters, in place or not: %u of %u runs differ", name,
        bad, runs);
  bad = runs = 0;
  for (unsigned oo = 0; oo < 64; oo++)
    for (unsigned io = 0; io < 64; io++, runs++) {
      const size_t nb = 1 + (oo * 64 + io) % 40;
      rnd_state(s, cw, nb, (unsigned)(rnd64() % 4));
      bad += !check_run(kern, ref, exact_h, cw, s, nb, oo, io, (int)((oo + io) % 2),
                        (unsigned)(rnd64() % 21));
    }
  CHECK(bad == 0, "%s: every output/input misalignment 0..63: %u of %u runs differ", name, bad,
        runs);
  bad = runs = 0;
  for (unsigned t = 0; t < 6; t++, runs++) {
    const size_t nb = t == 0 ? MAXB : 41 + (size_t)(rnd64() % (MAXB - 40));
    rnd_state(s, cw, nb, t < 2 ? 0 : 3);
    bad += !check_run(kern, ref, exact_h, cw, s, nb, (unsigned)(rnd64() % 64),
                      (unsigned)(rnd64() % 64), (int)(t % 2), (unsigned)(rnd64() % 21));
  }
  CHECK(bad == 0, "%s: random runs up to 1 MiB: %u of %u differ", name, bad, runs);
}

/* ---- AEAD references from the pq_ref_* kernels only ---------------------------------------------- */

static void ref_poly1305(uint8_t tag[16], const uint8_t key[32], const uint8_t *m, size_t n) {
  pq_poly1305 st;
  pq_poly1305_init(&st, key);
  pq_poly1305_blocks_portable(&st, m, n / 16, 1);
  st.used = (uint32_t)(n % 16);
  memcpy(st.buf, m + n - n % 16, n % 16);
  pq_poly1305_final(&st, tag);
}

/* keystream XOR, block by block from freshly loaded states (ChaCha20 IETF or XSalsa20) */
static void ref_stream(int salsa, const uint8_t key[32], const uint8_t *nonce, uint32_t counter,
                       uint8_t *dst, const uint8_t *src, size_t n) {
  uint8_t k[32], in16[16], ks[64];
  uint32_t s[16];
  if (salsa) pq_hsalsa20(k, key, nonce);
  for (size_t off = 0; off < n; off += 64, counter++) {
    if (salsa) {
      memcpy(in16, nonce + 16, 8);
      pq_store64_le(in16 + 8, counter);
      pq_salsa20_load(s, k, in16);
      pq_ref_salsa20_blocks(s, ks, NULL, 1);
    } else {
      pq_store32_le(in16, counter);
      memcpy(in16 + 4, nonce, 12);
      pq_chacha20_load(s, key, in16);
      pq_ref_chacha20_blocks(s, ks, NULL, 1);
    }
    for (size_t j = 0; j < 64 && off + j < n; j++)
      dst[off + j] = (uint8_t)((src ? src[off + j] : 0) ^ ks[j]);
  }
}

static const size_t NONCE_LEN[3] = {12, 24, 24};

/* seal of kind 0 / 1 / 2 (secretbox: tag over the ciphertext only) */
static void ref_seal(int kind, const uint8_t key[32], const uint8_t *nonce, const uint8_t *aad,
                     size_t aad_len, const uint8_t *m, size_t n, uint8_t *ct, uint8_t tag[16]) {
  if (kind == PQ_AEAD_XSALSA20POLY1305) {
    uint8_t *buf = xmalloc(n + 32), *out = xmalloc(n + 32);
    memset(buf, 0, 32);
    memcpy(buf + 32, m, n);
    ref_stream(1, key, nonce, 0, out, buf, n + 32);
    memcpy(ct, out + 32, n);
    ref_poly1305(tag, out, ct, n);
    free(buf);
    free(out);
    return;
  }
  uint8_t k[32], n12[12], pk[64];
  memcpy(k, key, 32);
  memcpy(n12, nonce, 12);
  if (kind == PQ_AEAD_XCHACHA20POLY1305) {
    pq_hchacha20(k, key, nonce);
    memset(n12, 0, 4);
    memcpy(n12 + 4, nonce + 16, 8);
  }
  ref_stream(0, k, n12, 0, pk, NULL, 64);
  ref_stream(0, k, n12, 1, ct, m, n);
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

/* secretstream push of `tag` from state st: first byte, body, mac (libsodium's construction) */
static void ref_push(const uint8_t st[PQ_SECRETSTREAM_STATEBYTES], uint8_t tag, const uint8_t *ad,
                     size_t ad_len, const uint8_t *m, size_t n, uint8_t *first, uint8_t *body,
                     uint8_t mac_out[16]) {
  uint8_t pk[64], block[64];
  ref_stream(0, st, st + 32, 0, pk, NULL, 64);
  memset(block, 0, 64);
  block[0] = tag;
  ref_stream(0, st, st + 32, 1, block, block, 64);
  *first = block[0];
  ref_stream(0, st, st + 32, 2, body, m, n);
  const size_t pa = (16 - ad_len % 16) % 16, pc = n % 16;
  const size_t total = ad_len + pa + 64 + n + pc + 16;
  uint8_t *mac = xmalloc(total);
  memset(mac, 0, total);
  memcpy(mac, ad, ad_len);
  memcpy(mac + ad_len + pa, block, 64);
  memcpy(mac + ad_len + pa + 64, body, n);
  pq_store64_le(mac + total - 16, ad_len);
  pq_store64_le(mac + total - 8, 64 + n);
  ref_poly1305(mac_out, pk, mac, total);
  free(mac);
}

/* a random piece length: small and odd, around a block, across a chunk, or large */
static size_t piece(size_t left) {
  size_t n;
  switch (rnd64() % 5) {
    case 0: n = (size_t)rnd_range(0, 17); break;
    case 1: n = (size_t)rnd_range(48, 200); break;
    case 2: n = 64 * (size_t)rnd_range(1, 70); break;
    case 3: n = (size_t)rnd_range(4000, 4200); break;
    default: n = (size_t)rnd_range(0, 70000); break;
  }
  return n < left ? n : left;
}

/* core API update: one call (split 0) or random pieces */
static void update(pq_aead_stream *c, uint8_t *dst, const uint8_t *src, size_t n, int split) {
  if (!split) {
    pq_aead_update(c, dst, src, n);
    return;
  }
  for (size_t off = 0; off < n;) {
    const size_t m = piece(n - off);
    pq_aead_update(c, dst + off, src + off, m);
    off += m;
  }
}

/* One message of kind 0/1/2 sealed and opened through the core API (split or not, in place or
 * not) at out/in offsets oo/io, against ref_seal; secretstream (kind 3) pushed against ref_push and
 * pulled back. -> 1 if all agree. */
static int check_aead(int kind, size_t n, unsigned oo, unsigned io, int split, int inplace) {
  uint8_t key[32], nonce[24], aad[40], t1[16], t2[16];
  uint8_t *in = buf_in + io, *out = buf_out + oo, *ref = buf_ref;
  rnd_bytes(key, 32);
  rnd_bytes(nonce, 24);
  rnd_bytes(in, n);
  const size_t alen = kind == 2 ? 0 : (size_t)(rnd64() % 41);
  rnd_bytes(aad, alen);
  pq_aead_stream c;
  int ok = 1;
  if (inplace) memcpy(out, in, n);
  const uint8_t *src = inplace ? out : in;
  if (kind == 3) {
    uint8_t st[PQ_SECRETSTREAM_STATEBYTES], next[PQ_SECRETSTREAM_STATEBYTES], first, rfirst, tg;
    rnd_bytes(st, sizeof st);
    memset(st + 44, 0, 8);
    const uint8_t tag = (uint8_t)(rnd64() % 4);
    ref_push(st, tag, aad, alen, in, n, &rfirst, ref, t2);
    ok &= pq_secretstream_push_init(&c, st, sizeof st, tag, aad, alen) == 0;
    update(&c, out, src, n, split);
    ok &= pq_secretstream_push_final(&c, next, &first, t1) == 0;
    ok &= first == rfirst && memcmp(out, ref, n) == 0 && memcmp(t1, t2, 16) == 0;
    ok &= pq_secretstream_pull_init(&c, st, sizeof st, aad, alen, &first, 1) == 0;
    update(&c, out, out, n, split);
    ok &= pq_secretstream_pull_final(&c, t1, next, &tg) == 1 && tg == tag;
    return ok && memcmp(out, in, n) == 0;
  }
  ref_seal(kind, key, nonce, aad, alen, in, n, ref, t2);
  pq_aead_init(&c, kind, 1, key, 32, nonce, NONCE_LEN[kind], aad, alen);
  update(&c, out, src, n, split);
  ok &= pq_aead_seal_final(&c, t1) == 0 && memcmp(out, ref, n) == 0 && memcmp(t1, t2, 16) == 0;
  /* open: the ciphertext in place or from ref into out */
  const uint8_t *csrc = inplace ? out : ref;
  pq_aead_init(&c, kind, 0, key, 32, nonce, NONCE_LEN[kind], aad, alen);
  update(&c, out, csrc, n, split);
  ok &= pq_aead_open_final(&c, t2) == 1 && memcmp(out, in, n) == 0;
  /* and a flipped tag bit is rejected */
  t2[rnd64() % 16] ^= (uint8_t)(1u << (rnd64() % 8));
  pq_aead_init(&c, kind, 0, key, 32, nonce, NONCE_LEN[kind], aad, alen);
  update(&c, out, ref, n, split);
  ok &= pq_aead_open_final(&c, t2) == 0;
  return ok;
}

static const char *const KIND_NAME[4] = {"ChaCha20-Poly1305", "XChaCha20-Poly1305", "secretbox",
                                         "secretstream"};

static void test_aead_paths(void) {
  for (int kind = 0; kind < 4; kind++) {
    unsigned bad = 0, runs = 0;
    for (size_t n = 0; n <= 1100; n++)
      for (int v = 0; v < 3; v++, runs++)
        bad += !check_aead(kind, n, (unsigned)((n * 29 + 7 * v) % 64), (unsigned)((n + v) % 64),
                           v != 0, v == 2);
    CHECK(bad == 0, "%s: lengths 0..1100, one update / pieces / in place: %u of %u differ",
          KIND_NAME[kind], bad, runs);
    bad = runs = 0;
    for (unsigned oo = 0; oo < 64; oo++)
      for (unsigned io = 0; io < 64; io++, runs++)
        bad += !check_aead(kind, (size_t)rnd_range(64, 700), oo, io, (int)(rnd64() & 1),
                           (oo + io) % 5 == 0);
    CHECK(bad == 0, "%s: every output/input offset 0..63: %u of %u differ", KIND_NAME[kind], bad,
          runs);
    bad = runs = 0;
    for (unsigned t = 0; t < 5; t++, runs++)
      bad += !check_aead(kind, t == 0 ? 64 * MAXB : (size_t)rnd_range(1101, 64 * MAXB),
                         (unsigned)(rnd64() % 64), (unsigned)(rnd64() % 64), t % 2 == 1, t >= 3);
    CHECK(bad == 0, "%s: random lengths up to 1 MiB: %u of %u differ", KIND_NAME[kind], bad, runs);
  }
}

int main(void) {
  buf_in = xmalloc(64 * MAXB + 64 + GUARD);
  buf_out = xmalloc(64 * MAXB + 64 + GUARD);
  buf_ref = xmalloc(64 * MAXB + 64 + GUARD);
  /* which builds have stitched kernels (pq_kernels_*.h): WASM SIMD (ChaCha20 and Salsa20) and the
   * AVX2 core (ChaCha20) */
#if defined(PQ_AEAD_NO_STITCH)
  const int want_c = 0, want_s = 0;
#elif defined(PQ_TARGET_WASM_SIMD)
  const int want_c = 1, want_s = 1;
#elif defined(PQ_TARGET_X86_AVX2) && !defined(__AVX512F__)
  const int want_c = 1, want_s = 0;
#else
  const int want_c = 0, want_s = 0;
#endif
  CHECK(PQ_CHACHA20_POLY1305_STITCHED == want_c && PQ_SALSA20_POLY1305_STITCHED == want_s,
        "stitched kernels: ChaCha20 %d (expected %d), Salsa20 %d (expected %d)",
        PQ_CHACHA20_POLY1305_STITCHED, want_c, PQ_SALSA20_POLY1305_STITCHED, want_s);
  /* h itself must match where both sides run the same Poly1305 code: the portable one, or the
   * build's kernel when there is no stitched one (else only the tags: same value mod p) */
  const int exact = !PQ_POLY1305_SIMD, exact_c = exact || !PQ_CHACHA20_POLY1305_STITCHED,
            exact_s = exact || !PQ_SALSA20_POLY1305_STITCHED;
  test_kernel("chacha seal vs unstitched", pq_chacha20_poly1305_seal_blocks,
              pq_unstitched_chacha20_poly1305_seal_blocks, exact_c, 12);
  test_kernel("chacha open vs unstitched", pq_chacha20_poly1305_open_blocks,
              pq_unstitched_chacha20_poly1305_open_blocks, exact_c, 12);
  test_kernel("chacha seal vs reference", pq_chacha20_poly1305_seal_blocks, ref_seal_blocks, exact,
              12);
  test_kernel("chacha open vs reference", pq_chacha20_poly1305_open_blocks, ref_open_blocks, exact,
              12);
  test_kernel("salsa seal vs unstitched", pq_salsa20_poly1305_seal_blocks,
              pq_unstitched_salsa20_poly1305_seal_blocks, exact_s, 8);
  test_kernel("salsa open vs unstitched", pq_salsa20_poly1305_open_blocks,
              pq_unstitched_salsa20_poly1305_open_blocks, exact_s, 8);
  test_kernel("salsa seal vs reference", pq_salsa20_poly1305_seal_blocks, ref_salsa_seal_blocks,
              exact, 8);
  test_kernel("salsa open vs reference", pq_salsa20_poly1305_open_blocks, ref_salsa_open_blocks,
              exact, 8);
  test_aead_paths();
  free(buf_in);
  free(buf_out);
  free(buf_ref);
  return t_summary("aead-stitch");
}
