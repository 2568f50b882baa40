/* Checks of the AArch64 NEON Keccak and Falcon kernels (native/arm64/keccak_neon.c,
 * falcon_neon.c) against the portable reference: Keccak x2/x4 on chains of
 * permutations at every 8-byte offset, every single-bit input difference, a
 * known answer; Falcon NTT / inverse NTT exactly equal to the reference on random,
 * extreme (+-(q-1), +-(q-1)/2) and spike inputs; the pointwise product exactly on
 * every n <= 70 plus a sweep of every a in (-q, q); the hash-to-point sampler on
 * every 16-bit sample value (its len/buflen sweep with guard words is in
 * test_keccak_falcon_avx2.c, which runs on these kernels too). In the NEON build it also checks that these kernels
 * are the ones selected, and which Keccak path (SHA3 extension or plain NEON) the
 * build compiled. Other builds (x86, WASM) print a skip line. */
#include "falcon/kernels_falcon.h"
#include "shared/kernels_keccak.h"
#include "test_util.h"

#if defined(PQ_TARGET_ARM64_NEON)
#include <stdlib.h>

#define FQ PQ_FALCON_Q
#define FH ((FQ - 1) / 2)

#define PQ_STR_(x) #x
#define PQ_STR(x) PQ_STR_(x)

static void test_selected(void) {
  CHECK(strcmp(PQ_STR(pq_keccakf1600_x2), "pq_neon_keccakf1600_x2") == 0 &&
            strcmp(PQ_STR(pq_keccakf1600_x4), "pq_neon_keccakf1600_x4") == 0,
        "neon build: keccak x2/x4 kernels selected (%s, %s)", PQ_STR(pq_keccakf1600_x2),
        PQ_STR(pq_keccakf1600_x4));
  CHECK(strcmp(PQ_STR(pq_keccakf1600_x1), "pq_ref_keccakf1600_x1") == 0,
        "neon build: keccak x1 is the portable scalar code");
  CHECK(strcmp(PQ_STR(pq_falcon_ntt), "pq_neon_falcon_ntt") == 0 &&
            strcmp(PQ_STR(pq_falcon_invntt_tomont), "pq_neon_falcon_invntt_tomont") == 0 &&
            strcmp(PQ_STR(pq_falcon_pointwise), "pq_neon_falcon_pointwise") == 0 &&
            strcmp(PQ_STR(pq_falcon_sample), "pq_neon_falcon_sample") == 0,
        "neon build: falcon kernels selected");
#ifdef __ARM_FEATURE_SHA3
  CHECK(PQ_NEON_KECCAK_SHA3 == 1, "sha3 build: the SHA3-extension Keccak path is compiled in");
  printf("keccak path: SHA3 extension (EOR3/RAX1/XAR/BCAX)\n");
#else
  CHECK(PQ_NEON_KECCAK_SHA3 == 0, "plain build: the plain NEON Keccak path is compiled in");
  printf("keccak path: plain NEON (EOR/SHL+SRI/BIC)\n");
#endif
}

static void test_keccak(void) {
  /* known answer: Keccak-f[1600] of the all-zero state, lane 0 (the KeccakF-1600
   * intermediate values of the Keccak team) in every instance */
  uint64_t z[100] = {0};
  pq_keccakf1600_x4(z);
  int ok = 1;
  for (unsigned k = 0; k < 4; k++) ok &= z[k] == 0xF1258F7940E1DDE7ULL && z[4 + k] == 0x84D5CCF933C0478AULL;
  memset(z, 0, sizeof z);
  pq_keccakf1600_x2(z);
  for (unsigned k = 0; k < 2; k++) ok &= z[k] == 0xF1258F7940E1DDE7ULL && z[2 + k] == 0x84D5CCF933C0478AULL;
  CHECK(ok, "keccak x4 / x2 of the zero state: known answer");

  /* chains of permutations from random states, at every 8-byte offset of a
   * 32-byte aligned buffer (unaligned 128-bit loads) */
  static _Alignas(32) uint64_t buf4[104], buf2[54];
  uint64_t r4[100], r2[50];
  unsigned bad4 = 0, bad2 = 0;
  for (unsigned off = 0; off < 4; off++) {
    uint64_t *s4 = buf4 + off, *s2 = buf2 + off;
    for (unsigned i = 0; i < 100; i++) r4[i] = s4[i] = rnd64();
    for (unsigned i = 0; i < 50; i++) r2[i] = s2[i] = rnd64();
    for (unsigned it = 0; it < 64; it++) {
      pq_keccakf1600_x4(s4);
      pq_ref_keccakf1600_x4(r4);
      pq_keccakf1600_x2(s2);
      pq_ref_keccakf1600_x2(r2);
      bad4 += memcmp(s4, r4, sizeof r4) != 0;
      bad2 += memcmp(s2, r2, sizeof r2) != 0;
    }
  }
  CHECK(bad4 == 0, "keccak x4 chain equals the reference at every 8-byte offset (%u bad)", bad4);
  CHECK(bad2 == 0, "keccak x2 chain equals the reference at every 8-byte offset (%u bad)", bad2);

  /* every single-bit difference of the input (each lane, each rotation amount),
   * placed in a different instance each time: x4 and x2 against x1 per instance */
  uint64_t base[25];
  for (unsigned i = 0; i < 25; i++) base[i] = rnd64();
  unsigned badbit = 0;
  for (unsigned bit = 0; bit < 1600; bit++) {
    uint64_t s4[100], s2[50], u[4][25];
    for (unsigned k = 0; k < 4; k++) {
      memcpy(u[k], base, sizeof base);
      if (k == bit % 4) u[k][bit / 64] ^= 1ULL << (bit % 64);
    }
    for (unsigned i = 0; i < 25; i++) {
      for (unsigned k = 0; k < 4; k++) s4[4 * i + k] = u[k][i];
      for (unsigned k = 0; k < 2; k++) s2[2 * i + k] = u[(k + bit) % 4][i];
    }
    pq_keccakf1600_x4(s4);
    pq_keccakf1600_x2(s2);
    for (unsigned k = 0; k < 4; k++) pq_ref_keccakf1600_x1(u[k]);
    int good = 1;
    for (unsigned k = 0; k < 4; k++)
      for (unsigned i = 0; i < 25; i++) good &= s4[4 * i + k] == u[k][i];
    for (unsigned k = 0; k < 2; k++)
      for (unsigned i = 0; i < 25; i++) good &= s2[2 * i + k] == u[(k + bit) % 4][i];
    badbit += !good;
  }
  CHECK(badbit == 0, "keccak x4/x2: every single-bit input difference equals x1 per instance (%u of 1600 bad)",
        badbit);

  /* all-one state */
  uint64_t s[100], t[25];
  for (unsigned i = 0; i < 100; i++) s[i] = ~0ULL;
  for (unsigned i = 0; i < 25; i++) t[i] = ~0ULL;
  pq_keccakf1600_x4(s);
  pq_ref_keccakf1600_x1(t);
  ok = 1;
  for (unsigned i = 0; i < 100; i++) ok &= s[i] == t[i / 4];
  CHECK(ok, "keccak x4 on the all-ones state");
}

/* fills a[0..n) for the forward NTT (|a| < q) by kind */
static void fill_fwd(int16_t *a, unsigned n, unsigned kind, unsigned spike) {
  for (unsigned j = 0; j < n; j++) {
    int32_t v;
    switch (kind) {
      case 0: v = FQ - 1; break;                              /* all q-1 */
      case 1: v = -(FQ - 1); break;                           /* all -(q-1) */
      case 2: v = (rnd64() & 1) ? FQ - 1 : -(FQ - 1); break;  /* random signs */
      case 3: v = (j & 1) ? FQ - 1 : -(FQ - 1); break;        /* alternating */
      case 4: v = ((j / 8) & 1) ? FQ - 1 : FQ - 2; break;     /* runs */
      case 5: v = j == spike ? ((spike & 1) ? -(FQ - 1) : FQ - 1) : 0; break;
      default: v = rnd_range(-(FQ - 1), FQ - 1); break;
    }
    a[j] = (int16_t)v;
  }
}

static void fill_inv(int16_t *a, unsigned n, unsigned kind, unsigned spike) {
  for (unsigned j = 0; j < n; j++) {
    int32_t v;
    switch (kind) {
      case 0: v = FH; break;
      case 1: v = -FH; break;
      case 2: v = (rnd64() & 1) ? FH : -FH; break;
      case 3: v = (j & 1) ? FH : -FH; break;
      case 4: v = ((j / 8) & 1) ? FH : FH - 1; break;
      case 5: v = j == spike ? ((spike & 1) ? -FH : FH) : 0; break;
      default: v = rnd_range(-FH, FH); break;
    }
    a[j] = (int16_t)v;
  }
}

static void test_falcon_ntt(void) {
  static _Alignas(16) int16_t buf[1024 + 16];
  static int16_t r[1024];
  for (unsigned logn = 9; logn <= 10; logn++) {
    const unsigned n = 1u << logn;
    unsigned bad_f = 0, bad_i = 0, runs = 0;
    for (unsigned kind = 0; kind < 7; kind++) {
      const unsigned reps = kind == 5 ? n : kind == 6 || kind == 2 ? 40 : 1;
      for (unsigned rep = 0; rep < reps; rep++, runs++) {
        int16_t *a = buf + (rep % 9); /* unaligned int16 pointers too */
        fill_fwd(a, n, kind, rep);
        memcpy(r, a, n * 2);
        pq_ref_falcon_ntt(r, logn);
        pq_falcon_ntt(a, logn);
        bad_f += memcmp(a, r, n * 2) != 0;
        fill_inv(a, n, kind, rep);
        memcpy(r, a, n * 2);
        pq_ref_falcon_invntt_tomont(r, logn);
        pq_falcon_invntt_tomont(a, logn);
        bad_i += memcmp(a, r, n * 2) != 0;
      }
    }
    CHECK(bad_f == 0, "falcon ntt n=%u: exactly the reference on extremes, spikes, random (%u of %u bad)", n,
          bad_f, runs);
    CHECK(bad_i == 0, "falcon invntt n=%u: exactly the reference on extremes, spikes, random (%u of %u bad)", n,
          bad_i, runs);
    /* round trip: invntt(ntt(a)) = a 2^16 mod q (the inverse's Montgomery factor) */
    int ok = 1;
    for (unsigned rep = 0; rep < 4; rep++) {
      int16_t *a = buf + rep;
      fill_fwd(a, n, 6, 0);
      memcpy(r, a, n * 2);
      pq_falcon_ntt(a, logn);
      pq_falcon_invntt_tomont(a, logn);
      for (unsigned j = 0; j < n; j++) ok &= t_mod(a[j], FQ) == t_mod((int32_t)(((int64_t)r[j] * 65536) % FQ), FQ);
    }
    CHECK(ok, "falcon n=%u: invntt(ntt(a)) = a 2^16 mod q", n);
  }
  /* other sizes fall back to the reference */
  int ok = 1;
  for (unsigned logn = 1; logn <= 8; logn++) {
    const unsigned n = 1u << logn;
    int16_t x[256], y[256];
    for (unsigned j = 0; j < n; j++) x[j] = y[j] = (int16_t)rnd_range(-(FQ - 1), FQ - 1);
    pq_falcon_ntt(x, logn);
    pq_ref_falcon_ntt(y, logn);
    ok &= memcmp(x, y, n * 2) == 0;
    for (unsigned j = 0; j < n; j++) x[j] = y[j] = (int16_t)rnd_range(-FH, FH);
    pq_falcon_invntt_tomont(x, logn);
    pq_ref_falcon_invntt_tomont(y, logn);
    ok &= memcmp(x, y, n * 2) == 0;
  }
  CHECK(ok, "falcon ntt/invntt for logn 1..8 equal the reference");
}

static void test_falcon_pointwise(void) {
  static _Alignas(16) int16_t xa[1040], ya[1040], ca[1040];
  int16_t c1[1024];
  unsigned bad = 0;
  for (unsigned n = 0; n <= 70; n++) {
    int16_t *x = xa + n % 5, *y = ya + n % 3, *c = ca + n % 7;
    for (unsigned j = 0; j < n; j++) {
      x[j] = (int16_t)(j % 3 == 0 ? -(FQ - 1) : rnd_range(-(FQ - 1), FQ - 1));
      y[j] = (int16_t)(j % 4 == 0 ? FQ - 1 : j % 4 == 1 ? -(FQ - 1) : rnd_range(-(FQ - 1), FQ - 1));
    }
    for (unsigned j = 0; j < 16; j++) c[n + j] = 0x5A5A;
    pq_ref_falcon_pointwise(c1, x, y, n);
    pq_falcon_pointwise(c, x, y, n);
    int ok = memcmp(c, c1, n * 2) == 0;
    for (unsigned j = 0; j < 16; j++) ok &= c[n + j] == 0x5A5A;
    bad += !ok;
  }
  CHECK(bad == 0, "falcon pointwise: every n <= 70, unaligned, equals the reference, nothing past n");
  /* every a in (-q, q) against the extremes and random b, 1024 at a time (in place: c == a) */
  static const int16_t bs[] = {FQ - 1, -(FQ - 1), FQ - 2, 1, -1, 0, FH, -FH};
  unsigned badsweep = 0;
  for (int32_t a0 = -(FQ - 1); a0 <= FQ - 1; a0 += 1024) {
    for (unsigned bi = 0; bi < sizeof bs / sizeof bs[0] + 2; bi++) {
      for (unsigned j = 0; j < 1024; j++) {
        const int32_t v = a0 + (int32_t)j;
        xa[j] = (int16_t)(v > FQ - 1 ? FQ - 1 : v);
        ya[j] = bi < sizeof bs / sizeof bs[0] ? bs[bi] : (int16_t)rnd_range(-(FQ - 1), FQ - 1);
      }
      pq_ref_falcon_pointwise(c1, xa, ya, 1024);
      pq_falcon_pointwise(xa, xa, ya, 1024);
      badsweep += memcmp(xa, c1, sizeof c1) != 0;
    }
  }
  CHECK(badsweep == 0, "falcon pointwise: every a in (-q, q) times extremes and random b equals the reference");
}

/* The len <= 70 / buflen <= 240 sweep with guard words is in
 * test_keccak_falcon_avx2.c, which runs on every build's kernels (the NEON ones
 * here); this adds every 16-bit sample value. */
static void test_falcon_sample_all_values(void) {
  /* every 16-bit sample value once, in order and shuffled by a stride: the accepted
   * ones are w mod q, the count is 61445 */
  uint8_t *all = malloc(2 * 65536);
  uint16_t *out = malloc(2 * (65536 + 8)), *ref = malloc(2 * 65536);
  int ok = all && out && ref;
  for (unsigned pass = 0; ok && pass < 2; pass++) {
    for (unsigned i = 0; i < 65536; i++) {
      const uint16_t w = (uint16_t)(pass ? i * 40503u : i);
      all[2 * i] = (uint8_t)(w >> 8);
      all[2 * i + 1] = (uint8_t)w;
    }
    for (unsigned i = 0; i < 65536 + 8; i++) out[i] = 0xA5A5;
    const unsigned n1 = pq_ref_falcon_sample(ref, 65536, all, 2 * 65536);
    const unsigned n2 = pq_falcon_sample(out, 65536, all, 2 * 65536);
    ok &= n1 == 61445 && n2 == n1 && memcmp(out, ref, 2 * n1) == 0;
    for (unsigned i = n2; i < 65536 + 8; i++) ok &= out[i] == 0xA5A5 || i < 65536;
    if (!pass)
      for (unsigned w = 0; w < 61445; w++) ok &= out[w] == w % FQ;
  }
  CHECK(ok, "falcon sampler: every 16-bit value, in order and permuted: w mod q for w < 61445, count 61445");
  free(all);
  free(out);
  free(ref);
}

int main(void) {
  test_selected();
  test_keccak();
  test_falcon_ntt();
  test_falcon_pointwise();
  test_falcon_sample_all_values();
  return t_summary("keccak-falcon-neon");
}

#else
int main(void) {
  (void)t_summary;
  printf("keccak-falcon-neon: 0 passed, 0 failed (skipped: not an AArch64 NEON build with the NEON Keccak/Falcon kernels)\n");
  return 0;
}
#endif
