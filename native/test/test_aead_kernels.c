/* The ChaCha20 / Salsa20 block kernels of a build (pq_chacha20_blocks, pq_salsa20_blocks of
 * aead/kernels_aead.h) against the portable reference pq_ref_*: every nblocks 0..40 with random
 * states and counters up to the precondition's edge (s[12] + nblocks = 2^32), random runs up to
 * 1 MiB, in == out, in == NULL, every output and input misalignment 0..63, bytes after the run
 * untouched (which runs every kernel of the target and every split of a run among them), and the
 * target's PQ_CHACHA20_WAYS. scripts/test-c.sh runs it in every build
 * (portable, AVX2, AVX-512, NEON under qemu, WASM scalar / SIMD / relaxed): in the portable ones
 * it checks the reference against the known answers only. */
#include <stdlib.h>

#include "aead/kernels_aead.h"
#include "test_util.h"

typedef void (*blocks_fn)(uint32_t s[16], uint8_t *out, const uint8_t *in, size_t nblocks);

typedef struct {
  const char *name;
  blocks_fn kernel, ref;
  unsigned cw; /* the counter word */
} cipher;

#define MAXB 16384 /* 1 MiB */
#define GUARD 64
static uint8_t *buf_in, *buf_out, *buf_ref;

static void rnd_state(uint32_t s[16]) {
  for (unsigned i = 0; i < 16; i++) s[i] = (uint32_t)rnd64();
}

/* One run of nblocks at the given misalignments (mode 0: in separate, 1: in == out, 2: in == NULL)
 * through `run` (the kernel or one way), compared with the reference; -> 1 if equal. */
static int check_run(const cipher *c, const uint32_t s0[16], size_t nblocks, unsigned oo,
                     unsigned io, int mode) {
  const size_t n = 64 * nblocks;
  uint8_t *in = buf_in + io, *out = buf_out + oo, *ref = buf_ref + oo;
  rnd_bytes(buf_in, n + 64 + GUARD);
  rnd_bytes(buf_out, n + 64 + GUARD);
  memcpy(buf_ref, buf_out, n + 64 + GUARD);
  if (mode == 1) { /* in place: both start from the same input */
    memcpy(out, in, n);
    memcpy(ref, in, n);
  }
  uint32_t s[16], r[16];
  memcpy(s, s0, sizeof s);
  memcpy(r, s0, sizeof r);
  const uint8_t *kin = mode == 0 ? in : mode == 1 ? out : NULL;
  const uint8_t *rin = mode == 0 ? in : mode == 1 ? ref : NULL;
  c->ref(r, ref, rin, nblocks);
  c->kernel(s, out, kin, nblocks);
  return memcmp(buf_out, buf_ref, n + 64 + GUARD) == 0 && memcmp(s, r, sizeof s) == 0 &&
         r[c->cw] == s0[c->cw] + (uint32_t)nblocks;
}

/* counters: random (within the precondition), or up to 2 below the edge s[cw] + nblocks = 2^32 */
static void set_counter(const cipher *c, uint32_t s[16], size_t nblocks, unsigned k) {
  const uint32_t room = (uint32_t)(0u - (uint32_t)nblocks); /* 2^32 - nblocks (nblocks > 0) */
  if (k < 3 && nblocks)
    s[c->cw] = room - k;
  else if (nblocks)
    s[c->cw] = (uint32_t)(rnd64() % ((uint64_t)room + 1));
  else
    s[c->cw] = (uint32_t)rnd64();
}

static void test_cipher(const cipher *c) {
  uint32_t s[16];
  unsigned bad = 0, runs = 0;
  /* every nblocks 0..40, counters at and near the edge, three input modes, a few offsets */
  for (size_t nb = 0; nb <= 40; nb++)
    for (unsigned k = 0; k < 6; k++)
      for (int mode = 0; mode < 3; mode++, runs++) {
        rnd_state(s);
        set_counter(c, s, nb, k);
        bad += !check_run(c, s, nb, (unsigned)(rnd64() % 64), (unsigned)(rnd64() % 64), mode);
      }
  CHECK(bad == 0, "%s: nblocks 0..40, edge counters, in/in-place/NULL: %u of %u runs differ",
        c->name, bad, runs);
  /* every output x input misalignment 0..63 (nblocks cycling through 1..40) */
  bad = runs = 0;
  for (unsigned oo = 0; oo < 64; oo++)
    for (unsigned io = 0; io < 64; io++, runs++) {
      rnd_state(s);
      const size_t nb = 1 + (oo * 64 + io) % 40;
      set_counter(c, s, nb, (unsigned)(rnd64() % 6));
      bad += !check_run(c, s, nb, oo, io, (int)((oo + io) % 3));
    }
  CHECK(bad == 0, "%s: every output/input misalignment 0..63: %u of %u runs differ", c->name, bad,
        runs);
  /* random runs up to 1 MiB */
  bad = runs = 0;
  for (unsigned t = 0; t < 6; t++, runs++) {
    const size_t nb = t == 0 ? MAXB : 41 + (size_t)(rnd64() % (MAXB - 40));
    rnd_state(s);
    set_counter(c, s, nb, t < 2 ? 0 : 3);
    bad += !check_run(c, s, nb, (unsigned)(rnd64() % 64), (unsigned)(rnd64() % 64), (int)(t % 3));
  }
  CHECK(bad == 0, "%s: random runs up to 1 MiB: %u of %u differ", c->name, bad, runs);
}

/* PQ_CHACHA20_WAYS (the benchmark's ways: a run of w blocks is one w-way pass) as each target has
 * them; every such run is among the nblocks 0..40 above. */
static void test_way_set(void) {
  static const unsigned expect =
#if defined(PQ_TARGET_X86_AVX2) && defined(__AVX512F__)
      (1u << 1) | (1u << 2) | (1u << 4) | (1u << 8) | (1u << 16);
#elif defined(PQ_TARGET_X86_AVX2)
      (1u << 1) | (1u << 2) | (1u << 4) | (1u << 8);
#elif defined(PQ_TARGET_ARM64_NEON)
      (1u << 1) | (1u << 2) | (1u << 3) | (1u << 4);
#elif defined(PQ_TARGET_WASM_SIMD)
      (1u << 1) | (1u << 2) | (1u << 3) | (1u << 4);
#else
      (1u << 1);
#endif
  CHECK(PQ_CHACHA20_WAYS == expect, "PQ_CHACHA20_WAYS is 0x%x, expected 0x%x",
        (unsigned)PQ_CHACHA20_WAYS, expect);
}

int main(void) {
  buf_in = malloc(64 * MAXB + 64 + GUARD);
  buf_out = malloc(64 * MAXB + 64 + GUARD);
  buf_ref = malloc(64 * MAXB + 64 + GUARD);
  if (!buf_in || !buf_out || !buf_ref) return 2;

  /* known answers: RFC 8439 2.3.2 (the block function, counter 1), Salsa20 from @noble/ciphers
   * (key byte i = 7i + 3, nonce 40..47, counter 7, two blocks) */
  {
    uint32_t s[16] = {0x61707865, 0x3320646e, 0x79622d32, 0x6b206574};
    for (unsigned i = 0; i < 8; i++)
      s[4 + i] = (uint32_t)(4 * i) | (uint32_t)(4 * i + 1) << 8 | (uint32_t)(4 * i + 2) << 16 |
                 (uint32_t)(4 * i + 3) << 24;
    s[12] = 1, s[13] = 0x09000000, s[14] = 0x4a000000, s[15] = 0;
    uint32_t r[16];
    memcpy(r, s, sizeof r);
    uint8_t o[64], p[64];
    pq_chacha20_blocks(s, o, NULL, 1);
    pq_ref_chacha20_blocks(r, p, NULL, 1);
    const char *kat =
        "10f1e7e4d13b5915500fdd1fa32071c4c7d1f4c733c068030422aa9ac3d46c4e"
        "d2826446079faa0914c2d705d98b02a2b5129cd1de164eb9cbd083e8a2503c4e";
    CHECK(eq_hex(o, kat) && s[12] == 2, "chacha20 kernel: RFC 8439 2.3.2");
    CHECK(eq_hex(p, kat) && r[12] == 2, "chacha20 reference: RFC 8439 2.3.2");
  }
  {
    uint32_t s[16], r[16];
    uint8_t key[32], o[128], p[128];
    for (unsigned i = 0; i < 32; i++) key[i] = (uint8_t)(7 * i + 3);
#define LE(p) \
  ((uint32_t)(p)[0] | (uint32_t)(p)[1] << 8 | (uint32_t)(p)[2] << 16 | (uint32_t)(p)[3] << 24)
    s[0] = 0x61707865, s[5] = 0x3320646e, s[10] = 0x79622d32, s[15] = 0x6b206574;
    for (unsigned i = 0; i < 4; i++) s[1 + i] = LE(key + 4 * i), s[11 + i] = LE(key + 16 + 4 * i);
    s[6] = 0x43424140, s[7] = 0x47464544, s[8] = 7, s[9] = 0;
    memcpy(r, s, sizeof r);
    pq_salsa20_blocks(s, o, NULL, 2);
    pq_ref_salsa20_blocks(r, p, NULL, 2);
    const char *kat =
        "748186125dbb9d92f1b3c2a096b6496e48e2f63b00d93ef9511a0cf1987e397c"
        "db2923402551b08ff466acc5e8f38d9a7ada2c6d7045931b18f542a91c8b3f47"
        "1895dec246d16385e7c8d47758ca07f73190b46085b18495e2c576096832619d"
        "f0a5c7235696a7cf2251f7456ba3df6448a8aa3271404553c3f4e4223dc16de8";
    CHECK(eq_hex(o, kat) && s[8] == 9 && s[9] == 0, "salsa20 kernel: known answer");
    CHECK(eq_hex(p, kat) && r[8] == 9 && r[9] == 0, "salsa20 reference: known answer");
  }

  const cipher ciphers[2] = {
      {"chacha20", pq_chacha20_blocks, pq_ref_chacha20_blocks, 12},
      {"salsa20", pq_salsa20_blocks, pq_ref_salsa20_blocks, 8},
  };
  for (unsigned i = 0; i < 2; i++) {
#if defined(PQ_TARGET_X86_AVX2) || defined(PQ_TARGET_ARM64_NEON) || defined(PQ_TARGET_WASM_SIMD)
    CHECK(ciphers[i].kernel != ciphers[i].ref, "%s: the target's kernel is selected",
          ciphers[i].name);
#endif
    if (ciphers[i].kernel != ciphers[i].ref) test_cipher(&ciphers[i]);
  }
  test_way_set();
  free(buf_in);
  free(buf_out);
  free(buf_ref);
  return t_summary("aead-kernels");
}
