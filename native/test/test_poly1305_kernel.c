/* The build's Poly1305 block kernel (pq_poly1305_blocks, aead/kernels_aead.h) against
 * the portable reference (pq_ref_poly1305_blocks + the portable final) and against an
 * independent schoolbook big-number Poly1305 written here (so the checks also mean
 * something in the portable builds, where the kernel is the reference):
 * every message length 0..1100 bytes, random lengths up to 1 MiB, random and edge keys
 * (r with every clamped bit set, s = 2^128 - 1, r = 0), messages of all 0xff (the carry
 * edges), RFC 8439 A.3 #5-#11, incremental updates split at every position, runs of
 * random block counts on one state (the kernel's first / later runs for a key), input
 * at every offset 0..63, a state re-initialized with another key (stale powers), and in
 * the 64-bit builds the bound the final relies on (h[2] <= 4 after every run). */
#include <stdlib.h>

#include "aead/kernels_aead.h"
#include "aead/poly1305.h"
#include "test_util.h"

/* ---- independent oracle: 32-bit words, h < 2^131 kept in 5 words --------------- */
/* x = x mod 2^130 + 5 (x >> 130), for x of n words (n <= 9) into 5 words */
static void big_fold(uint32_t out[5], const uint32_t *x, unsigned n) {
  uint32_t hi[5] = {0};
  for (unsigned i = 4; i < n; i++) { /* hi = x >> 130 */
    uint64_t w = (uint64_t)x[i] >> 2;
    if (i + 1 < n) w |= (uint64_t)x[i + 1] << 30;
    hi[i - 4] = (uint32_t)w;
  }
  uint64_t c = 0;
  for (unsigned i = 0; i < 5; i++) {
    uint32_t lo = i < n ? x[i] : 0;
    if (i == 4) lo &= 3;
    c += (uint64_t)lo + 5 * (uint64_t)hi[i];
    out[i] = (uint32_t)c;
    c >>= 32;
  }
}

static void big_tag(uint8_t tag[16], const uint8_t key[32], const uint8_t *m, size_t n) {
  uint8_t rb[16];
  memcpy(rb, key, 16);
  static const uint8_t clamp[16] = {0xff, 0xff, 0xff, 0x0f, 0xfc, 0xff, 0xff, 0x0f,
                                    0xfc, 0xff, 0xff, 0x0f, 0xfc, 0xff, 0xff, 0x0f};
  uint32_t r[4], h[5] = {0};
  for (int i = 0; i < 16; i++) rb[i] &= clamp[i];
  for (int i = 0; i < 4; i++)
    r[i] = (uint32_t)rb[4 * i] | (uint32_t)rb[4 * i + 1] << 8 | (uint32_t)rb[4 * i + 2] << 16 |
           (uint32_t)rb[4 * i + 3] << 24;
  for (size_t off = 0; off < n; off += 16) {
    uint8_t blk[17] = {0};
    const size_t len = n - off < 16 ? n - off : 16;
    memcpy(blk, m + off, len);
    blk[len] = 1;
    uint64_t c = 0;
    for (int i = 0; i < 5; i++) {
      const uint32_t w = i < 4 ? (uint32_t)blk[4 * i] | (uint32_t)blk[4 * i + 1] << 8 |
                                     (uint32_t)blk[4 * i + 2] << 16 | (uint32_t)blk[4 * i + 3] << 24
                               : blk[16];
      c += (uint64_t)h[i] + w;
      h[i] = (uint32_t)c;
      c >>= 32;
    }
    uint32_t prod[9] = {0}; /* h (< 2^132) times r (< 2^128) */
    for (int i = 0; i < 5; i++) {
      uint64_t carry = 0;
      for (int j = 0; j < 4; j++) {
        const uint64_t t = (uint64_t)h[i] * r[j] + prod[i + j] + carry;
        prod[i + j] = (uint32_t)t;
        carry = t >> 32;
      }
      prod[i + 4] = (uint32_t)carry;
    }
    uint32_t f[5];
    big_fold(f, prod, 9);
    big_fold(h, f, 5); /* < 2^131 */
  }
  /* h mod p: fold once more (< 2^130 + 15), then subtract p while h >= p (public test code) */
  uint32_t f[5];
  big_fold(f, h, 5);
  for (int k = 0; k < 2; k++) {
    uint32_t g[5];
    uint64_t c = 5;
    for (int i = 0; i < 5; i++) {
      c += f[i];
      g[i] = (uint32_t)c;
      c >>= 32;
    }
    if (g[4] >> 2) { /* f + 5 >= 2^130: f >= p */
      g[4] &= 3;
      memcpy(f, g, sizeof f);
    }
  }
  uint64_t c = 0;
  for (int i = 0; i < 4; i++) {
    c += (uint64_t)f[i] + ((uint32_t)key[16 + 4 * i] | (uint32_t)key[17 + 4 * i] << 8 |
                           (uint32_t)key[18 + 4 * i] << 16 | (uint32_t)key[19 + 4 * i] << 24);
    for (int b = 0; b < 4; b++) tag[4 * i + b] = (uint8_t)(c >> (8 * b));
    c >>= 32;
  }
}

/* ---- the two library paths ----------------------------------------------------- */
/* the portable reference: full blocks through pq_ref_poly1305_blocks, the rest left in
 * the state's buffer for the portable final */
static void ref_tag(uint8_t tag[16], const uint8_t key[32], const uint8_t *m, size_t n) {
  pq_poly1305 st;
  pq_poly1305_init(&st, key);
  pq_ref_poly1305_blocks(&st, m, n / 16);
  memcpy(st.buf, m + n / 16 * 16, n % 16);
  st.used = (uint32_t)(n % 16);
  pq_poly1305_final(&st, tag);
}

static unsigned bound_bad; /* runs after which h broke the final's precondition */
static void check_bound(const pq_poly1305 *st) {
#if PQ_POLY1305_LIMB64
  bound_bad += st->h[2] > 4;
#else
  for (int i = 0; i < 5; i++) bound_bad += st->h[i] >= (1u << 26) + (1u << 12);
#endif
}

/* the kernel directly, the same way */
static void kern_tag(uint8_t tag[16], const uint8_t key[32], const uint8_t *m, size_t n) {
  pq_poly1305 st;
  pq_poly1305_init(&st, key);
  pq_poly1305_blocks(&st, m, n / 16);
  check_bound(&st);
  memcpy(st.buf, m + n / 16 * 16, n % 16);
  st.used = (uint32_t)(n % 16);
  pq_poly1305_final(&st, tag);
}

/* the incremental API (its full blocks go to the kernel) */
static void api_tag(uint8_t tag[16], const uint8_t key[32], const uint8_t *m, size_t n) {
  pq_poly1305 st;
  pq_poly1305_init(&st, key);
  pq_poly1305_update(&st, m, n);
  pq_poly1305_final(&st, tag);
}

#define MAXLEN (1u << 20)
static uint8_t *msg, *ffs;

static void edge_keys(uint8_t keys[][32], unsigned *nk) {
  unsigned k = 0;
  memset(keys[k++], 0xff, 32); /* r with every clamped bit set, s = 2^128 - 1 */
  memset(keys[k], 0xff, 16), memset(keys[k++] + 16, 0, 16);
  memset(keys[k], 0, 16), memset(keys[k++] + 16, 0xff, 16); /* r = 0 */
  memset(keys[k], 0, 32), keys[k++][0] = 1;                 /* r = 1 */
  memset(keys[k], 0, 32), keys[k++][15] = 0x0f;             /* r = 2^124 only */
  for (; k < 10; k++) rnd_bytes(keys[k], 32);
  *nk = k;
}

static void test_every_length(void) {
  uint8_t keys[10][32];
  unsigned nk, bad = 0, bad_big = 0, bad_api = 0, n = 0;
  edge_keys(keys, &nk);
  for (unsigned k = 0; k < nk; k++)
    for (int ff = 0; ff < 2; ff++)
      for (size_t len = 0; len <= 1100; len++) {
        const uint8_t *m = ff ? ffs : msg + k;
        uint8_t a[16], b[16], c[16], d[16];
        ref_tag(a, keys[k], m, len);
        kern_tag(b, keys[k], m, len);
        api_tag(c, keys[k], m, len);
        bad += memcmp(a, b, 16) != 0;
        bad_api += memcmp(a, c, 16) != 0;
        if (len % 7 == 0 || len < 300 || ff) {
          big_tag(d, keys[k], m, len);
          bad_big += memcmp(a, d, 16) != 0;
        }
        n++;
      }
  CHECK(bad == 0,
        "kernel tag = reference tag for every length 0..1100, %u keys, random and 0xff messages "
        "(%u of %u bad)",
        nk, bad, n);
  CHECK(bad_api == 0, "incremental API (kernel inside) = reference for every length (%u bad)",
        bad_api);
  CHECK(bad_big == 0, "reference = schoolbook big-number Poly1305 (%u bad)", bad_big);
}

static void test_long(void) {
  uint8_t keys[10][32];
  unsigned nk, bad = 0, bad_big = 0;
  edge_keys(keys, &nk);
  for (unsigned it = 0; it < 24; it++) {
    const size_t len = it == 0 ? MAXLEN : it == 1 ? MAXLEN - 1 : (size_t)(rnd64() % (MAXLEN + 1));
    const uint8_t *m = (it & 3) == 3 ? ffs : msg + (it & 63);
    const uint8_t *key = keys[it % nk];
    uint8_t a[16], b[16], c[16];
    ref_tag(a, key, m, len);
    kern_tag(b, key, m, len);
    bad += memcmp(a, b, 16) != 0;
    if (it < 4) {
      big_tag(c, key, m, len);
      bad_big += memcmp(a, c, 16) != 0;
    }
  }
  CHECK(bad == 0, "kernel tag = reference for 24 lengths up to 1 MiB (%u bad)", bad);
  CHECK(bad_big == 0, "1 MiB tags = big-number Poly1305 (%u bad)", bad_big);
}

/* RFC 8439 A.3 #5-#11: the carry and reduction edge cases (key, message, tag) */
static void test_rfc_edges(void) {
  static const char *v[][3] = {
      {"0200000000000000000000000000000000000000000000000000000000000000",
       "ffffffffffffffffffffffffffffffff", "03000000000000000000000000000000"},
      {"02000000000000000000000000000000ffffffffffffffffffffffffffffffff",
       "02000000000000000000000000000000", "03000000000000000000000000000000"},
      {"0100000000000000000000000000000000000000000000000000000000000000",
       "fffffffffffffffffffffffffffffffff0ffffffffffffffffffffffffffffff110000000000000000000000000"
       "00000",
       "05000000000000000000000000000000"},
      {"0100000000000000000000000000000000000000000000000000000000000000",
       "fffffffffffffffffffffffffffffffffbfefefefefefefefefefefefefefefe010101010101010101010101010"
       "10101",
       "00000000000000000000000000000000"},
      {"0200000000000000000000000000000000000000000000000000000000000000",
       "fdffffffffffffffffffffffffffffff", "faffffffffffffffffffffffffffffff"},
      {"0100000000000000040000000000000000000000000000000000000000000000",
       "e33594d7505e43b900000000000000003394d7505e4379cd0100000000000000000000000000000000000000000"
       "0000001000000000000000000000000000000",
       "14000000000000005500000000000000"},
      {"0100000000000000040000000000000000000000000000000000000000000000",
       "e33594d7505e43b900000000000000003394d7505e4379cd0100000000000000000000000000000000000000000"
       "00000",
       "13000000000000000000000000000000"},
  };
  unsigned bad = 0;
  for (unsigned i = 0; i < sizeof v / sizeof v[0]; i++) {
    uint8_t key[32], m[64], tag[16], big[16];
    const size_t n = strlen(v[i][1]) / 2;
    from_hex(key, v[i][0]);
    from_hex(m, v[i][1]);
    api_tag(tag, key, m, n);
    big_tag(big, key, m, n);
    bad += !eq_hex(tag, v[i][2]) || !eq_hex(big, v[i][2]);
    /* the same blocks repeated, so the vector paths see them too (vs the reference) */
    uint8_t rep[64 * 16], a[16], b[16];
    for (unsigned j = 0; j < 16; j++) memcpy(rep + j * n, m, n);
    ref_tag(a, key, rep, 16 * n);
    kern_tag(b, key, rep, 16 * n);
    bad += memcmp(a, b, 16) != 0;
  }
  CHECK(bad == 0, "RFC 8439 A.3 #5-#11 (and 16 repetitions of each) (%u bad)", bad);
}

/* update split at every position (two and three pieces) for short messages */
static void test_splits(void) {
  unsigned bad = 0;
  uint8_t key[32];
  for (size_t len = 0; len <= 300; len += (len < 160 ? 1 : 7)) {
    rnd_bytes(key, 32);
    const uint8_t *m = (len & 1) ? ffs : msg + len % 64;
    uint8_t a[16];
    ref_tag(a, key, m, len);
    for (size_t s = 0; s <= len; s++) {
      pq_poly1305 st;
      uint8_t b[16];
      pq_poly1305_init(&st, key);
      pq_poly1305_update(&st, m, s);
      pq_poly1305_update(&st, m + s, len - s);
      pq_poly1305_final(&st, b);
      bad += memcmp(a, b, 16) != 0;
      const size_t s2 = s + (len - s) / 3;
      pq_poly1305_init(&st, key);
      pq_poly1305_update(&st, m, s);
      pq_poly1305_update(&st, m + s, s2 - s);
      pq_poly1305_update(&st, m + s2, len - s2);
      pq_poly1305_final(&st, b);
      bad += memcmp(a, b, 16) != 0;
    }
  }
  CHECK(bad == 0, "updates split at every position (2 and 3 pieces, up to 300 bytes) (%u bad)",
        bad);
}

/* runs of random block counts on one state: a key's first run (powers computed) at
 * every size, later runs of every size, the reference state in lock step */
static void test_runs(void) {
  unsigned bad = 0;
  for (unsigned it = 0; it < 400; it++) {
    uint8_t key[32], a[16], b[16];
    rnd_bytes(key, 32);
    if (it % 5 == 0) memset(key, 0xff, 32);
    pq_poly1305 s1, s2;
    pq_poly1305_init(&s1, key);
    pq_poly1305_init(&s2, key);
    const uint8_t *m = (it % 3 == 0) ? ffs : msg + it % 64;
    size_t off = 0;
    for (unsigned r = 0; r < 12; r++) {
      const size_t nb = r == 0 ? it % 70 : (size_t)(rnd64() % (r & 1 ? 40 : 300));
      pq_ref_poly1305_blocks(&s1, m + off, nb);
      pq_poly1305_blocks(&s2, m + off, nb);
      check_bound(&s2);
      off += 16 * nb;
    }
    pq_poly1305_final(&s1, a);
    pq_poly1305_final(&s2, b);
    bad += memcmp(a, b, 16) != 0;
  }
  CHECK(bad == 0, "400 states, 12 runs of 0..299 blocks each, first runs of 0..69 blocks (%u bad)",
        bad);
}

/* input at every offset 0..63 (the kernels load unaligned) */
static void test_offsets(void) {
  unsigned bad = 0;
  uint8_t key[32];
  rnd_bytes(key, 32);
  for (unsigned off = 0; off < 64; off++)
    for (size_t len = 0; len < 700; len += 37) {
      uint8_t a[16], b[16];
      ref_tag(a, key, msg + off, len);
      kern_tag(b, key, msg + off, len);
      bad += memcmp(a, b, 16) != 0;
    }
  CHECK(bad == 0, "input at every offset 0..63 (%u bad)", bad);
}

/* a state re-initialized with another key must not keep the first key's powers */
static void test_rekey(void) {
  uint8_t k1[32], k2[32], a[16], b[16];
  rnd_bytes(k1, 32);
  rnd_bytes(k2, 32);
  pq_poly1305 st;
  pq_poly1305_init(&st, k1);
  pq_poly1305_update(&st, msg, 4096);
  pq_poly1305_final(&st, a);
  pq_poly1305_init(&st, k2);
  pq_poly1305_update(&st, msg, 4096);
  pq_poly1305_final(&st, b);
  ref_tag(a, k2, msg, 4096);
  CHECK(memcmp(a, b, 16) == 0, "re-initialized state uses the new key's powers");
}

#define PQ_STR_(x) #x
#define PQ_STR(x) PQ_STR_(x)
static void test_selected(void) {
#if defined(PQ_TARGET_X86_AVX2)
  CHECK(strcmp(PQ_STR(pq_poly1305_blocks), "pq_avx2_poly1305_blocks") == 0,
        "avx2 build: Poly1305 kernel selected");
#elif defined(PQ_TARGET_ARM64_NEON)
  CHECK(strcmp(PQ_STR(pq_poly1305_blocks), "pq_neon_poly1305_blocks") == 0,
        "neon build: Poly1305 kernel selected");
#else /* WASM SIMD keeps the portable code (a 2-lane extmul form ran at 0.56x of it in Node) */
  CHECK(strcmp(PQ_STR(pq_poly1305_blocks), "pq_ref_poly1305_blocks") == 0,
        "this build: the portable Poly1305 blocks");
#endif
}

int main(void) {
  msg = malloc(MAXLEN + 64);
  ffs = malloc(MAXLEN);
  if (!msg || !ffs) return 2;
  rnd_bytes(msg, MAXLEN + 64);
  memset(ffs, 0xff, MAXLEN);
  test_selected();
  test_rfc_edges();
  test_every_length();
  test_long();
  test_splits();
  test_runs();
  test_offsets();
  test_rekey();
  CHECK(bound_bad == 0, "h within the final's bound after every kernel run (%u bad)", bound_bad);
  free(msg);
  free(ffs);
  return t_summary("poly1305-kernel");
}
