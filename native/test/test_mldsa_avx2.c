/* The selected ML-DSA kernels (pq_*) give exactly the reference's values
 * (pq_ref_*) on random and worst-case inputs within the bounds of
 * mldsa/kernels_mldsa.h, and the samplers never write at or beyond `len`. Written for
 * the AVX2 kernels (native/x86_64/mldsa_avx2.c), which are exact; in the other
 * builds of scripts/test-c.sh the same portable comparisons run on whatever
 * kernels that build selects (the portable ones: trivially equal). Where the
 * target sets PQ_NTT_EXACT to 0 (AArch64 NEON: Barrett twiddle products) the
 * transforms are checked for congruence mod q and the bounds instead. */
#include <stdlib.h>

#include "mldsa/kernels_mldsa.h"
#include "test_util.h"

#define Q PQ_MLDSA_Q

static int32_t rnd_sign(int32_t v) { return (rnd64() & 1) ? v : -v; }

/* input patterns for the transforms, all |a_i| < q */
static void fill_pattern(int32_t a[PQ_MLDSA_N], int pat) {
  for (int j = 0; j < PQ_MLDSA_N; j++) {
    switch (pat) {
      case 0: a[j] = Q - 1; break;
      case 1: a[j] = -(Q - 1); break;
      case 2: a[j] = (j & 1) ? Q - 1 : -(Q - 1); break;
      case 3: a[j] = rnd_sign(Q - 1); break;
      case 4: a[j] = (j < PQ_MLDSA_N / 2) ? Q - 1 : -(Q - 1); break;
      case 5: a[j] = j == 0 ? Q - 1 : 0; break;
      default: a[j] = rnd_range(-(Q - 1), Q - 1); break;
    }
  }
}

static int32_t modq(int64_t a) {
  int64_t r = a % Q;
  return (int32_t)(r < 0 ? r + Q : r);
}
/* equal, or with PQ_NTT_EXACT 0 congruent mod q */
static int same_transform(const int32_t *a, const int32_t *r) {
  if (PQ_NTT_EXACT) return memcmp(a, r, PQ_MLDSA_N * sizeof(int32_t)) == 0;
  for (int j = 0; j < PQ_MLDSA_N; j++)
    if (modq(a[j]) != modq(r[j])) return 0;
  return 1;
}

static void test_ntt_exact(void) {
  int ok = 1, inbound = 1;
  for (int iter = 0; iter < 300; iter++) {
    int32_t a[PQ_MLDSA_N], r[PQ_MLDSA_N];
    fill_pattern(a, iter);
    memcpy(r, a, sizeof a);
    pq_ntt(a);
    pq_ref_ntt(r);
    ok &= same_transform(a, r);
    for (int j = 0; j < PQ_MLDSA_N; j++) inbound &= a[j] < 9 * Q && a[j] > -9 * Q;
  }
  CHECK(ok, "ntt %s the reference (worst-case and random inputs)",
        PQ_NTT_EXACT ? "identical to" : "congruent mod q to");
  CHECK(inbound, "ntt output within 9q");
}

static void test_invntt_exact(void) {
  int ok = 1, inbound = 1;
  for (int iter = 0; iter < 300; iter++) {
    int32_t a[PQ_MLDSA_N], r[PQ_MLDSA_N];
    fill_pattern(a, iter);
    memcpy(r, a, sizeof a);
    pq_invntt_tomont(a);
    pq_ref_invntt_tomont(r);
    ok &= same_transform(a, r);
    for (int j = 0; j < PQ_MLDSA_N; j++) inbound &= a[j] < Q && a[j] > -Q;
  }
  CHECK(ok, "invntt %s the reference (worst-case and random inputs)",
        PQ_NTT_EXACT ? "identical to" : "congruent mod q to");
  CHECK(inbound, "invntt output within q");
}

static void test_pointwise_exact(void) {
  int ok = 1;
  for (int iter = 0; iter < 200; iter++) {
    int32_t a[PQ_MLDSA_N], b[PQ_MLDSA_N], c[PQ_MLDSA_N], d[PQ_MLDSA_N];
    for (int j = 0; j < PQ_MLDSA_N; j++) {
      switch (iter % 4) {
        case 0: /* |a b| just below 2^31 q */
          a[j] = rnd_sign(INT32_MAX);
          b[j] = rnd_sign(Q);
          break;
        case 1:
          a[j] = (int32_t)(-2147483647 - 1);
          b[j] = rnd_sign(Q - 1);
          break;
        case 2: /* sign: |a| < q, |b| < 9q */
          a[j] = rnd_sign(Q - 1);
          b[j] = rnd_sign(9 * Q - 1);
          break;
        default:
          a[j] = rnd_range(-(Q - 1), Q - 1);
          b[j] = rnd_range(-(9 * Q - 1), 9 * Q - 1);
      }
    }
    pq_poly_pointwise(c, a, b);
    pq_ref_poly_pointwise(d, a, b);
    ok &= memcmp(c, d, sizeof c) == 0;
  }
  CHECK(ok, "pointwise identical to the reference (incl. |a b| near 2^31 q)");
}

static void test_pointwise_acc_exact(void) {
  static int32_t a[16][PQ_MLDSA_N], b[16][PQ_MLDSA_N];
  const int32_t *pa[16], *pb[16];
  int ok = 1;
  for (int iter = 0; iter < 160; iter++) {
    const unsigned n = 1 + (unsigned)(iter % 16);
    /* n |a b| < 2^31 q with |a| < q */
    const int32_t bmax = (int32_t)(((int64_t)1 << 31) / n - 1);
    for (unsigned k = 0; k < n; k++) {
      for (int j = 0; j < PQ_MLDSA_N; j++) {
        switch ((iter / 16) % 4) {
          case 0: a[k][j] = Q - 1; b[k][j] = bmax; break;
          case 1: a[k][j] = Q - 1; b[k][j] = -bmax; break;
          case 2: a[k][j] = rnd_sign(Q - 1); b[k][j] = rnd_sign(bmax); break;
          default: a[k][j] = rnd_range(-(Q - 1), Q - 1); b[k][j] = rnd_sign((int32_t)(rnd64() % ((uint64_t)bmax + 1)));
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
  CHECK(ok, "pointwise_acc identical to the reference (n = 1..16, sums near 2^31 q)");
}

#define CANARY 0x5A5A5A5A
static void test_samplers(void) {
  int uni_ok = 1, uni_guard = 1, eta_ok = 1, eta_guard = 1;
  for (int iter = 0; iter < 3000; iter++) {
    /* exactly sized heap buffer: sanitizer builds catch reads past its end */
    unsigned buflen = 3 * (unsigned)(rnd64() % 301);
    if (iter < 40) buflen = 3 * (unsigned)iter;
    uint8_t *buf = malloc(buflen ? buflen : 1);
    if (!buf) return;
    rnd_bytes(buf, buflen);
    if (iter % 7 == 1) memset(buf, 0, buflen);    /* everything accepted */
    if (iter % 7 == 2) memset(buf, 0xFF, buflen); /* everything rejected */
    if (iter % 7 == 3)                            /* candidates at q - 1, q */
      for (unsigned p = 0; p + 3 <= buflen; p += 3) {
        uint32_t v = (uint32_t)(Q - (int32_t)(rnd64() & 1)) | ((uint32_t)(rnd64() & 1) << 23);
        buf[p] = (uint8_t)v;
        buf[p + 1] = (uint8_t)(v >> 8);
        buf[p + 2] = (uint8_t)(v >> 16);
      }
    unsigned len = (unsigned)(rnd64() % (PQ_MLDSA_N + 1));
    int32_t x[PQ_MLDSA_N + 16], y[PQ_MLDSA_N + 16];
    for (int j = 0; j < PQ_MLDSA_N + 16; j++) x[j] = y[j] = CANARY;
    unsigned n = pq_rej_uniform(x, len, buf, buflen);
    unsigned m = pq_ref_rej_uniform(y, len, buf, buflen);
    uni_ok &= n == m && memcmp(x, y, n * sizeof(int32_t)) == 0;
    for (unsigned j = len; j < PQ_MLDSA_N + 16; j++) uni_guard &= x[j] == CANARY;

    unsigned elen = (unsigned)(rnd64() % 400);
    for (unsigned eta = 2; eta <= 4; eta += 2) {
      for (int j = 0; j < PQ_MLDSA_N + 16; j++) x[j] = y[j] = CANARY;
      n = pq_rej_eta(x, len, buf, elen < buflen ? elen : buflen, eta);
      m = pq_ref_rej_eta(y, len, buf, elen < buflen ? elen : buflen, eta);
      eta_ok &= n == m && memcmp(x, y, n * sizeof(int32_t)) == 0;
      for (unsigned j = len; j < PQ_MLDSA_N + 16; j++) eta_guard &= x[j] == CANARY;
    }
    free(buf);
  }
  CHECK(uni_ok, "rej_uniform identical to the reference (any len, buflen)");
  CHECK(uni_guard, "rej_uniform writes nothing at or beyond len");
  CHECK(eta_ok, "rej_eta identical to the reference (any len, buflen)");
  CHECK(eta_guard, "rej_eta writes nothing at or beyond len");
}

static void test_rounding_hint(void) {
  const int32_t g2s[2] = {(Q - 1) / 88, (Q - 1) / 32};
  for (int g = 0; g < 2; g++) {
    int ok = 1;
    for (int iter = 0; iter < 400; iter++) {
      int32_t a[PQ_MLDSA_N], h[PQ_MLDSA_N], u[PQ_MLDSA_N], v[PQ_MLDSA_N], a1[PQ_MLDSA_N],
          a0[PQ_MLDSA_N], r1[PQ_MLDSA_N], r0[PQ_MLDSA_N];
      for (int j = 0; j < PQ_MLDSA_N; j++) {
        /* near the rounding boundaries k * gamma2 and the top of [0, q) */
        int32_t k = rnd_range(0, (Q - 1) / g2s[g]);
        a[j] = iter & 1 ? rnd_range(0, Q - 1) : k * g2s[g] + rnd_range(-2, 2);
        if (a[j] < 0) a[j] = 0;
        if (a[j] >= Q) a[j] = Q - 1 - (int32_t)(rnd64() % 3);
        h[j] = (int32_t)(rnd64() & 1);
      }
      pq_poly_use_hint(u, a, h, g2s[g]);
      pq_ref_poly_use_hint(v, a, h, g2s[g]);
      pq_poly_decompose(a1, a0, a, g2s[g]);
      pq_ref_poly_decompose(r1, r0, a, g2s[g]);
      ok &= memcmp(u, v, sizeof u) == 0 && memcmp(a1, r1, sizeof a1) == 0 && memcmp(a0, r0, sizeof a0) == 0;
    }
    CHECK(ok, "decompose/use_hint identical to the reference near the boundaries (gamma2 %d)", g2s[g]);
  }
}

static void test_chknorm_edges(void) {
  const int32_t bounds[4] = {1, 2, (Q - 1) / 8 - 1, (Q - 1) / 8};
  int ok = 1;
  for (int bi = 0; bi < 4; bi++) {
    const int32_t bound = bounds[bi];
    for (int pos = 0; pos < PQ_MLDSA_N; pos += 7) {
      int32_t a[PQ_MLDSA_N];
      for (int j = 0; j < PQ_MLDSA_N; j++) a[j] = rnd_range(-(bound - 1), bound - 1);
      ok &= pq_poly_chknorm(a, bound) == 0;
      a[pos] = (pos & 1) ? bound : -bound;
      ok &= pq_poly_chknorm(a, bound) == 1;
      a[pos] = (pos & 2) ? (Q - 1) / 2 : -(Q - 1) / 2;
      ok &= pq_poly_chknorm(a, bound) == 1;
    }
  }
  CHECK(ok, "chknorm at the bound, in every position");
}

int main(void) {
  test_ntt_exact();
  test_invntt_exact();
  test_pointwise_exact();
  test_pointwise_acc_exact();
  test_samplers();
  test_rounding_hint();
  test_chknorm_edges();
#ifdef PQ_TARGET_X86_AVX2
  /* the AVX2 kernels by name (linked in this build), against the reference */
  {
    int32_t a[PQ_MLDSA_N], r[PQ_MLDSA_N];
    fill_pattern(a, 3);
    memcpy(r, a, sizeof a);
    pq_avx2_ntt(a);
    pq_ref_ntt(r);
    pq_avx2_invntt_tomont(a);
    pq_ref_invntt_tomont(r);
    CHECK(memcmp(a, r, sizeof a) == 0, "pq_avx2_ntt, pq_avx2_invntt_tomont identical to the reference");
  }
#endif
  return t_summary("mldsa_avx2");
}
