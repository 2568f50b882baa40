/* The AArch64 NEON ML-DSA kernels (native/arm64) against the portable
 * reference: the three forms of each transform (intrinsics and hand-written .S,
 * the test-only references in native/arm64/dev, and the SLOTHY-scheduled .S the
 * cores use) give identical outputs, congruent to the reference's and
 * within the bounds; ntt -> pointwise -> invntt agrees with the reference mod q;
 * every other kernel is bit-identical to the reference and the samplers never
 * write at or past len. In a build without the NEON ML-DSA kernels this test
 * has nothing to check and says so. */
#include <stdlib.h>

#include "mldsa/kernels_mldsa.h"
#include "test_util.h"

#if defined(__aarch64__) && defined(PQ_TARGET_ARM64_NEON)
#include "../arm64/dev/ntt_neon_dev.h" /* the test-only intrinsics and clean .S forms */

#define Q PQ_MLDSA_Q
#define NTT_BOUND 42225258 /* stated forward bound (< 5.04 q) */

static int32_t rnd_sign(int32_t v) { return (rnd64() & 1) ? v : -v; }

/* all |a_i| < q: worst cases first, then random */
static void fill_pattern(int32_t a[PQ_MLDSA_N], int pat) {
  /* 0-7: fixed patterns; 8 .. 8 + 2N - 1: a +-(q-1) spike at every position
   * (on zeros, and a -(q-1) among q-1); then random */
  const int spike = ((pat - 8) >> 1) % PQ_MLDSA_N;
  const int kind = pat < 8 ? pat : pat < 8 + 2 * PQ_MLDSA_N ? 8 + ((pat - 8) & 1) : 10 + pat % 3;
  for (int j = 0; j < PQ_MLDSA_N; j++) {
    switch (kind) {
      case 0: a[j] = Q - 1; break;
      case 1: a[j] = -(Q - 1); break;
      case 2: a[j] = (j & 1) ? Q - 1 : -(Q - 1); break;
      case 3: a[j] = (j & 1) ? -(Q - 1) : Q - 1; break;
      case 4: a[j] = (j < PQ_MLDSA_N / 2) ? Q - 1 : -(Q - 1); break;
      case 5: a[j] = ((j >> 2) & 1) ? Q - 1 : -(Q - 1); break;
      case 6: a[j] = 0; break;
      case 7: a[j] = (j % 3) ? -(Q - 1) : Q - 1; break;
      case 8: a[j] = j == spike ? Q - 1 : 0; break;              /* single spikes, */
      case 9: a[j] = j == spike ? -(Q - 1) : (Q - 1); break;      /* every position */
      case 10: a[j] = rnd_sign(Q - 1); break;
      case 11: a[j] = rnd_sign(Q - 1 - (int32_t)(rnd64() % 16)); break;
      default: a[j] = rnd_range(-(Q - 1), Q - 1); break;
    }
  }
}

static int32_t modq(int64_t a) {
  int64_t r = a % Q;
  return (int32_t)(r < 0 ? r + Q : r);
}
static int congruent(const int32_t *a, const int32_t *b) {
  for (int j = 0; j < PQ_MLDSA_N; j++)
    if (modq(a[j]) != modq(b[j])) return 0;
  return 1;
}
static int within(const int32_t *a, int32_t bound) { /* all |a_i| <= bound */
  for (int j = 0; j < PQ_MLDSA_N; j++)
    if (a[j] > bound || a[j] < -bound) return 0;
  return 1;
}

#define NTT_ITERS 3000

static void test_ntt(void) {
  int same = 1, cong = 1, inb = 1, nonexact = 0;
  int32_t maxabs = 0;
  for (int iter = 0; iter < NTT_ITERS; iter++) {
    int32_t a[PQ_MLDSA_N], b[PQ_MLDSA_N], c[PQ_MLDSA_N], r[PQ_MLDSA_N];
    fill_pattern(a, iter);
    memcpy(b, a, sizeof a);
    memcpy(c, a, sizeof a);
    memcpy(r, a, sizeof a);
    pq_neon_ntt_intrin(a);
    pq_neon_ntt_clean(b);
    pq_ntt(c); /* the selected one: SLOTHY-scheduled */
    pq_ref_ntt(r);
    same &= memcmp(a, b, sizeof a) == 0 && memcmp(a, c, sizeof a) == 0;
    cong &= congruent(c, r);
    inb &= within(c, NTT_BOUND);
    nonexact |= memcmp(c, r, sizeof c) != 0;
    for (int j = 0; j < PQ_MLDSA_N; j++)
      maxabs = c[j] > maxabs ? c[j] : -c[j] > maxabs ? -c[j] : maxabs;
  }
  CHECK(same, "ntt: intrinsics, clean .S and SLOTHY .S identical (%d inputs)", NTT_ITERS);
  CHECK(cong, "ntt congruent to the reference mod q");
  CHECK(inb, "ntt output within %d (< 5.04 q; max seen %d)", NTT_BOUND, maxabs);
  /* the representatives do differ from the reference: PQ_NTT_EXACT must be 0 */
  CHECK(nonexact && PQ_NTT_EXACT == 0, "ntt representatives differ from the reference, PQ_NTT_EXACT is 0");
  printf("ntt: max |out| over the tests %d = %.3f q (bound %d)\n", maxabs, (double)maxabs / Q, NTT_BOUND);
}

static void test_invntt(void) {
  int same = 1, cong = 1, inb = 1;
  for (int iter = 0; iter < NTT_ITERS; iter++) {
    int32_t a[PQ_MLDSA_N], b[PQ_MLDSA_N], c[PQ_MLDSA_N], r[PQ_MLDSA_N];
    fill_pattern(a, iter);
    memcpy(b, a, sizeof a);
    memcpy(c, a, sizeof a);
    memcpy(r, a, sizeof a);
    pq_neon_invntt_intrin(a);
    pq_neon_invntt_clean(b);
    pq_invntt_tomont(c);
    pq_ref_invntt_tomont(r);
    same &= memcmp(a, b, sizeof a) == 0 && memcmp(a, c, sizeof a) == 0;
    cong &= congruent(c, r);
    inb &= within(c, Q - 1);
  }
  CHECK(same, "invntt: intrinsics, clean .S and SLOTHY .S identical (%d inputs)", NTT_ITERS);
  CHECK(cong, "invntt congruent to the reference mod q (same 2^32 / 256 factor)");
  CHECK(inb, "invntt output within q");
}

/* ntt -> pointwise by Montgomery 1 (2^32 mod q) -> invntt_tomont = a 2^32 mod q,
 * and the same as the reference chain mod q */
static void test_roundtrip(void) {
  const int32_t mont = 4193792; /* 2^32 mod q */
  int ok = 1, ref = 1, inb = 1;
  for (int iter = 0; iter < 1000; iter++) {
    int32_t a[PQ_MLDSA_N], r[PQ_MLDSA_N], m[PQ_MLDSA_N];
    fill_pattern(a, iter);
    int32_t orig[PQ_MLDSA_N];
    memcpy(orig, a, sizeof a);
    memcpy(r, a, sizeof a);
    for (int j = 0; j < PQ_MLDSA_N; j++) m[j] = mont;
    pq_ntt(a);
    pq_poly_pointwise(a, a, m); /* |a m| <= 5.04 q * q / 2 < 2^31 q */
    pq_invntt_tomont(a);
    pq_ref_ntt(r);
    pq_ref_poly_pointwise(r, r, m);
    pq_ref_invntt_tomont(r);
    ref &= congruent(a, r);
    inb &= within(a, Q - 1);
    for (int j = 0; j < PQ_MLDSA_N; j++) ok &= modq(a[j]) == modq((int64_t)orig[j] * mont);
  }
  CHECK(ok, "invntt(pointwise(ntt(a), 2^32)) = a 2^32 mod q");
  CHECK(ref, "ntt -> pointwise -> invntt congruent to the reference chain");
  CHECK(inb, "round trip output within q");
}

static void test_pointwise(void) {
  int ok = 1;
  for (int iter = 0; iter < 1000; iter++) {
    int32_t a[PQ_MLDSA_N], b[PQ_MLDSA_N], c[PQ_MLDSA_N], d[PQ_MLDSA_N];
    for (int j = 0; j < PQ_MLDSA_N; j++) {
      switch (iter % 5) {
        case 0: a[j] = rnd_sign(INT32_MAX); b[j] = rnd_sign(Q); break; /* |a b| just below 2^31 q */
        case 1: a[j] = INT32_MIN; b[j] = rnd_sign(Q - 1); break;
        case 2: a[j] = rnd_sign(Q - 1); b[j] = rnd_sign(NTT_BOUND); break;
        case 3: a[j] = rnd_sign(Q - 1); b[j] = rnd_sign(9 * Q - 1); break;
        default: a[j] = (int32_t)rnd64(); b[j] = rnd_range(-(Q - 1), Q - 1); break;
      }
    }
    pq_poly_pointwise(c, a, b);
    pq_ref_poly_pointwise(d, a, b);
    ok &= memcmp(c, d, sizeof c) == 0;
  }
  CHECK(ok, "pointwise bit-identical to the reference (|a b| up to 2^31 q)");
}

static void test_pointwise_acc(void) {
  static int32_t a[16][PQ_MLDSA_N], b[16][PQ_MLDSA_N];
  const int32_t *pa[16], *pb[16];
  int ok = 1;
  for (int iter = 0; iter < 16 * 24; iter++) {
    const unsigned n = 1 + (unsigned)(iter % 16);
    /* n |a b| < 2^31 q: |a| <= q - 1 with |b| <= bmax, or |a| <= 2^31 / n with |b| <= q */
    const int32_t bmax = (int32_t)(((int64_t)1 << 31) / n - 1);
    const int mode = (iter / 16) % 6;
    for (unsigned k = 0; k < n; k++) {
      for (int j = 0; j < PQ_MLDSA_N; j++) {
        switch (mode) {
          case 0: a[k][j] = Q - 1; b[k][j] = bmax; break;
          case 1: a[k][j] = -(Q - 1); b[k][j] = bmax; break;
          case 2: a[k][j] = rnd_sign(Q - 1); b[k][j] = rnd_sign(bmax); break;
          case 3: a[k][j] = rnd_sign(bmax); b[k][j] = rnd_sign(Q - 1); break;
          case 4: a[k][j] = (k & 1) ? -bmax : bmax; b[k][j] = Q - 1; break;
          default:
            a[k][j] = rnd_range(-(Q - 1), Q - 1);
            b[k][j] = rnd_sign((int32_t)(rnd64() % ((uint64_t)bmax + 1)));
        }
      }
      pa[k] = a[k];
      pb[k] = b[k];
    }
    int32_t c[PQ_MLDSA_N], d[PQ_MLDSA_N];
    pq_poly_pointwise_acc(c, pa, pb, n);
    pq_ref_poly_pointwise_acc(d, pa, pb, n);
    ok &= memcmp(c, d, sizeof c) == 0;
  }
  CHECK(ok, "pointwise_acc bit-identical to the reference (n = 1..16 at the maximum magnitudes)");
}

#define CANARY 0x5A5A5A5A
#define GUARD 32
static void test_samplers(void) {
  int uni_ok = 1, uni_guard = 1, eta_ok = 1, eta_guard = 1, runs = 0;
  for (unsigned buflen = 0; buflen <= 900; buflen++) {
    uint8_t *buf = malloc(buflen ? buflen : 1); /* exactly sized */
    if (!buf) return;
    for (int rep = 0; rep < 4; rep++) {
      rnd_bytes(buf, buflen);
      const int kind = (int)((buflen + (unsigned)rep) % 5);
      if (kind == 1) memset(buf, 0, buflen);    /* everything accepted */
      if (kind == 2) memset(buf, 0xFF, buflen); /* everything rejected */
      if (kind == 3)                            /* candidates q - 1, q; nibbles 8/9, 14/15 */
        for (unsigned p = 0; p + 3 <= buflen; p += 3) {
          uint32_t v = (uint32_t)(Q - (int32_t)(rnd64() & 1)) | ((uint32_t)(rnd64() & 1) << 23);
          buf[p] = (uint8_t)v;
          buf[p + 1] = (uint8_t)(v >> 8);
          buf[p + 2] = (uint8_t)(v >> 16);
        }
      if (kind == 4)
        for (unsigned p = 0; p < buflen; p++) {
          static const uint8_t nib[4] = {8, 9, 14, 15};
          buf[p] = (uint8_t)(nib[rnd64() & 3] | nib[rnd64() & 3] << 4);
        }
      unsigned lens[3] = {PQ_MLDSA_N, (unsigned)(rnd64() % (PQ_MLDSA_N + 1)), (unsigned)rep * 7};
      for (int li = 0; li < 3; li++) {
        const unsigned len = lens[li];
        int32_t x[PQ_MLDSA_N + GUARD], y[PQ_MLDSA_N + GUARD];
        if (buflen % 3 == 0) {
          for (int j = 0; j < PQ_MLDSA_N + GUARD; j++) x[j] = y[j] = CANARY;
          unsigned n = pq_rej_uniform(x, len, buf, buflen);
          unsigned m = pq_ref_rej_uniform(y, len, buf, buflen);
          uni_ok &= n == m && memcmp(x, y, n * sizeof(int32_t)) == 0;
          for (unsigned j = len; j < PQ_MLDSA_N + GUARD; j++) uni_guard &= x[j] == CANARY;
        }
        for (unsigned eta = 2; eta <= 4; eta += 2) {
          for (int j = 0; j < PQ_MLDSA_N + GUARD; j++) x[j] = y[j] = CANARY;
          unsigned n = pq_rej_eta(x, len, buf, buflen, eta);
          unsigned m = pq_ref_rej_eta(y, len, buf, buflen, eta);
          eta_ok &= n == m && memcmp(x, y, n * sizeof(int32_t)) == 0;
          for (unsigned j = len; j < PQ_MLDSA_N + GUARD; j++) eta_guard &= x[j] == CANARY;
        }
        runs++;
      }
    }
    free(buf);
  }
  CHECK(uni_ok, "rej_uniform identical to the reference (every buflen = 3k <= 900, %d runs)", runs);
  CHECK(uni_guard, "rej_uniform writes nothing at or beyond len");
  CHECK(eta_ok, "rej_eta identical to the reference (eta 2, 4; every buflen <= 900)");
  CHECK(eta_guard, "rej_eta writes nothing at or beyond len");
}

static void test_rounding(void) {
  const int32_t g2s[2] = {(Q - 1) / 88, (Q - 1) / 32};
  for (int g = 0; g < 2; g++) {
    int dec = 1, hint = 1;
    int32_t a[PQ_MLDSA_N], h[PQ_MLDSA_N], a1[PQ_MLDSA_N], a0[PQ_MLDSA_N], r1[PQ_MLDSA_N],
        r0[PQ_MLDSA_N], u[PQ_MLDSA_N], v[PQ_MLDSA_N];
    for (int32_t base = 0; base < Q; base += PQ_MLDSA_N) { /* every a in [0, q) */
      for (int j = 0; j < PQ_MLDSA_N; j++) {
        a[j] = base + j < Q ? base + j : Q - 1 - j;
        h[j] = (int32_t)(rnd64() & 1);
      }
      pq_poly_decompose(a1, a0, a, g2s[g]);
      pq_ref_poly_decompose(r1, r0, a, g2s[g]);
      dec &= memcmp(a1, r1, sizeof a1) == 0 && memcmp(a0, r0, sizeof a0) == 0;
      pq_poly_use_hint(u, a, h, g2s[g]);
      pq_ref_poly_use_hint(v, a, h, g2s[g]);
      hint &= memcmp(u, v, sizeof u) == 0;
      for (int j = 0; j < PQ_MLDSA_N; j++) h[j] = 1;
      pq_poly_use_hint(u, a, h, g2s[g]);
      pq_ref_poly_use_hint(v, a, h, g2s[g]);
      hint &= memcmp(u, v, sizeof u) == 0;
    }
    CHECK(dec, "decompose bit-identical for every a in [0, q) (gamma2 %d)", g2s[g]);
    CHECK(hint, "use_hint bit-identical for every a in [0, q), h = 0/1 (gamma2 %d)", g2s[g]);
  }
}

static void test_chknorm(void) {
  const int32_t bounds[5] = {1, 2, 1 << 17, (Q - 1) / 8 - 1, (Q - 1) / 8};
  int ok = 1;
  for (int bi = 0; bi < 5; bi++) {
    const int32_t bound = bounds[bi];
    for (int pos = 0; pos < PQ_MLDSA_N; pos++) {
      int32_t a[PQ_MLDSA_N];
      for (int j = 0; j < PQ_MLDSA_N; j++) a[j] = rnd_range(-(bound - 1), bound - 1);
      ok &= pq_poly_chknorm(a, bound) == 0 && pq_ref_poly_chknorm(a, bound) == 0;
      a[pos] = (pos & 1) ? bound : -bound;
      ok &= pq_poly_chknorm(a, bound) == 1;
      a[pos] = (pos & 2) ? (Q - 1) / 2 : -(Q - 1) / 2;
      ok &= pq_poly_chknorm(a, bound) == 1;
    }
  }
  for (int iter = 0; iter < 2000; iter++) {
    int32_t a[PQ_MLDSA_N];
    const int32_t bound = rnd_range(1, (Q - 1) / 8);
    for (int j = 0; j < PQ_MLDSA_N; j++) a[j] = rnd_range(-(Q - 1) / 2, (Q - 1) / 2);
    ok &= pq_poly_chknorm(a, bound) == pq_ref_poly_chknorm(a, bound);
  }
  CHECK(ok, "chknorm identical to the reference (at the bound in every position, random)");
}

int main(void) {
  test_ntt();
  test_invntt();
  test_roundtrip();
  test_pointwise();
  test_pointwise_acc();
  test_samplers();
  test_rounding();
  test_chknorm();
  return t_summary("mldsa-neon");
}

#else

int main(void) {
  printf("mldsa-neon: skipped: this build does not select the AArch64 NEON ML-DSA kernels\n");
  return t_summary("mldsa-neon");
}

#endif
