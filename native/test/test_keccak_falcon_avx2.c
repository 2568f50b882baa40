/* Extra checks for the Keccak and Falcon kernels of a target (written for the
 * AVX2 ones, native/x86_64/keccak_avx2.c and falcon_avx2.c), beyond
 * test_kernels.c and test_falcon.c: unaligned buffers, long chains of
 * permutations, every small length of the Falcon sampler with guard words after
 * `len`, pointwise tails, the fallback of the NTTs for other sizes, and (in the
 * AVX2 build) that the AVX2 kernels are the ones selected. In the other builds
 * of scripts/test-c.sh the same comparisons run on that build's kernels. */
#include "falcon/kernels_falcon.h"
#include "shared/kernels_keccak.h"
#include "test_util.h"

#define FQ PQ_FALCON_Q

static void test_keccak(void) {
  /* chains of permutations from random states, states at every 8-byte offset of
   * a 32-byte aligned buffer (the kernels load lanes unaligned) */
  static _Alignas(32) uint64_t buf4[104], buf2[54];
  uint64_t r4[100], r2[50];
  unsigned bad4 = 0, bad2 = 0;
  for (unsigned off = 0; off < 4; off++) {
    uint64_t *s4 = buf4 + off, *s2 = buf2 + off;
    for (unsigned i = 0; i < 100; i++) r4[i] = s4[i] = rnd64();
    for (unsigned i = 0; i < 50; i++) r2[i] = s2[i] = rnd64();
    for (unsigned it = 0; it < 50; it++) {
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
  /* instances are independent: equal instances stay equal, one flipped bit per instance */
  uint64_t s[100], t[25];
  for (unsigned i = 0; i < 25; i++) {
    t[i] = rnd64();
    for (unsigned k = 0; k < 4; k++) s[4 * i + k] = t[i] ^ (i == 7 ? (uint64_t)k << 60 : 0);
  }
  pq_keccakf1600_x4(s);
  int ok = 1;
  for (unsigned k = 0; k < 4; k++) {
    uint64_t u[25];
    for (unsigned i = 0; i < 25; i++) u[i] = t[i] ^ (i == 7 ? (uint64_t)k << 60 : 0);
    pq_ref_keccakf1600_x1(u);
    for (unsigned i = 0; i < 25; i++) ok &= s[4 * i + k] == u[i];
  }
  CHECK(ok, "keccak x4 instances independent (each equals x1 of its own state)");
  /* all-zero and all-one states */
  for (unsigned v = 0; v < 2; v++) {
    for (unsigned i = 0; i < 100; i++) s[i] = v ? ~0ULL : 0;
    for (unsigned i = 0; i < 25; i++) t[i] = v ? ~0ULL : 0;
    pq_keccakf1600_x4(s);
    pq_ref_keccakf1600_x1(t);
    ok = 1;
    for (unsigned i = 0; i < 100; i++) ok &= s[i] == t[i / 4];
    CHECK(ok, "keccak x4 on the all-%s state", v ? "ones" : "zero");
  }
}

static void test_falcon_ntt(void) {
  static _Alignas(32) int16_t buf[1024 + 16];
  int16_t r[1024];
  unsigned bad_f = 0, bad_i = 0, runs = 0;
  for (unsigned logn = 9; logn <= 10; logn++) {
    const unsigned n = 1u << logn;
    for (unsigned off = 0; off < 16; off += 3) { /* unaligned int16 pointers too */
      int16_t *a = buf + off;
      for (unsigned rep = 0; rep < 30; rep++, runs++) {
        /* extremes with random signs, runs of equal values, random */
        for (unsigned j = 0; j < n; j++) {
          const int32_t v = rep % 3 == 0 ? FQ - 1 : rep % 3 == 1 ? ((j / 16 + rep) & 1 ? FQ - 1 : FQ - 2)
                                                                  : rnd_range(0, FQ - 1);
          a[j] = (int16_t)((rnd64() & 1) ? v : -v);
        }
        memcpy(r, a, n * 2);
        pq_ref_falcon_ntt(r, logn);
        pq_falcon_ntt(a, logn);
        bad_f += !t_congruent16(a, r, n, FQ) || !t_in_bound16(a, n, (FQ - 1) / 2);
        for (unsigned j = 0; j < n; j++) {
          const int32_t v = rep % 3 == 0 ? (FQ - 1) / 2 : rnd_range(0, (FQ - 1) / 2);
          a[j] = (int16_t)((rnd64() & 1) ? v : -v);
        }
        memcpy(r, a, n * 2);
        pq_ref_falcon_invntt_tomont(r, logn);
        pq_falcon_invntt_tomont(a, logn);
        bad_i += !t_congruent16(a, r, n, FQ) || !t_in_bound16(a, n, (FQ - 1) / 2);
      }
    }
  }
  CHECK(bad_f == 0, "falcon ntt vs reference, unaligned, extremes (%u of %u bad)", bad_f, runs);
  CHECK(bad_i == 0, "falcon invntt vs reference, unaligned, extremes (%u of %u bad)", bad_i, runs);
  /* other sizes: the kernels fall back to the reference (identical values) */
  int ok = 1;
  for (unsigned logn = 1; logn <= 8; logn++) {
    const unsigned n = 1u << logn;
    int16_t x[256], y[256];
    for (unsigned j = 0; j < n; j++) x[j] = y[j] = (int16_t)rnd_range(-(FQ - 1), FQ - 1);
    pq_falcon_ntt(x, logn);
    pq_ref_falcon_ntt(y, logn);
    ok &= memcmp(x, y, n * 2) == 0;
    for (unsigned j = 0; j < n; j++) x[j] = y[j] = (int16_t)rnd_range(-(FQ - 1) / 2, (FQ - 1) / 2);
    pq_falcon_invntt_tomont(x, logn);
    pq_ref_falcon_invntt_tomont(y, logn);
    ok &= memcmp(x, y, n * 2) == 0;
  }
  CHECK(ok, "falcon ntt/invntt for logn 1..8 equal the reference");
}

static void test_falcon_pointwise(void) {
  static _Alignas(32) int16_t xa[1040], ya[1040], ca[1040];
  int16_t c1[1024];
  unsigned bad = 0;
  for (unsigned n = 0; n <= 70; n++) {
    const unsigned ox = n % 5, oy = n % 3, oc = n % 7;
    int16_t *x = xa + ox, *y = ya + oy, *c = ca + oc;
    for (unsigned j = 0; j < n; j++) {
      x[j] = (int16_t)rnd_range(-(FQ - 1), FQ - 1);
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
}

static void test_falcon_sample(void) {
  static uint8_t bufa[2 * 200 + 1];
  static uint16_t ca[200 + 24];
  uint16_t c1[200];
  unsigned bad = 0, runs = 0;
  for (unsigned kind = 0; kind < 4; kind++) {
    for (unsigned buflen = 0; buflen <= 2 * 120; buflen += 2) {
      uint8_t *buf = bufa + (buflen & 2 ? 0 : 1); /* odd buffer addresses too (buflen is even) */
      for (unsigned i = 0; i < buflen; i += 2) {
        uint16_t w;
        if (kind == 0) w = (uint16_t)rnd64();
        else if (kind == 1) w = (uint16_t)(rnd64() & 1 ? 61444 : 61445); /* the threshold */
        else if (kind == 2) w = (uint16_t)(rnd64() % 61445);            /* all accepted */
        else w = (uint16_t)(rnd64() % 8 ? 61445 + rnd64() % 4091 : rnd64() % 61445); /* mostly rejected */
        buf[i] = (uint8_t)(w >> 8);
        buf[i + 1] = (uint8_t)w;
      }
      for (unsigned len = 0; len <= 70; len++) {
        uint16_t *c = ca + (len % 3);
        for (unsigned i = 0; i < 200 + 24 - 3; i++) c[i] = 0xA5A5;
        const unsigned n1 = pq_ref_falcon_sample(c1, len, buf, buflen);
        const unsigned n2 = pq_falcon_sample(c, len, buf, buflen);
        int ok = n1 == n2 && memcmp(c, c1, n1 * 2) == 0;
        for (unsigned i = len; i < 200 + 24 - 3; i++) ok &= c[i] == 0xA5A5;
        bad += !ok;
        runs++;
      }
    }
  }
  CHECK(bad == 0, "falcon sampler: every len <= 70 and buflen <= 240, equals the reference, nothing at or past len (%u of %u bad)",
        bad, runs);
}

#define PQ_STR_(x) #x
#define PQ_STR(x) PQ_STR_(x)
static void test_selected(void) {
#ifdef PQ_TARGET_X86_AVX2
  /* the AVX2 build selects the AVX2 kernels (pq_kernels_avx2.h) */
  CHECK(strcmp(PQ_STR(pq_keccakf1600_x4), "pq_avx2_keccakf1600_x4") == 0 &&
            strcmp(PQ_STR(pq_keccakf1600_x2), "pq_avx2_keccakf1600_x2") == 0,
        "avx2 build: keccak x2/x4 kernels selected");
  CHECK(strcmp(PQ_STR(pq_falcon_ntt), "pq_avx2_falcon_ntt") == 0 &&
            strcmp(PQ_STR(pq_falcon_invntt_tomont), "pq_avx2_falcon_invntt_tomont") == 0 &&
            strcmp(PQ_STR(pq_falcon_pointwise), "pq_avx2_falcon_pointwise") == 0 &&
            strcmp(PQ_STR(pq_falcon_sample), "pq_avx2_falcon_sample") == 0,
        "avx2 build: falcon kernels selected");
#else
  CHECK(1, "no target-specific selection to check");
#endif
}

int main(void) {
  test_selected();
  test_keccak();
  test_falcon_ntt();
  test_falcon_pointwise();
  test_falcon_sample();
  return t_summary("keccak-falcon-avx2");
}
