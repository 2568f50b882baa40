/* Kernels against their mathematical definitions, and the selected kernels
 * (pq_*) against the portable reference (pq_ref_*) on random and worst-case
 * inputs. Compiled once per target by scripts/test-c.sh. */
#include "mldsa/kernels_mldsa.h"
#include "shared/fips202.h"
#include "shared/kernels_keccak.h"
#include "test_util.h"

#define Q PQ_MLDSA_Q

static int32_t modq(int64_t a) {
  int64_t r = a % Q;
  return (int32_t)(r < 0 ? r + Q : r);
}
static int64_t powmod(int64_t b, int64_t e) {
  int64_t r = 1;
  b = modq(b);
  while (e) {
    if (e & 1) r = r * b % Q;
    b = b * b % Q;
    e >>= 1;
  }
  return r;
}
static unsigned brv8(unsigned i) {
  unsigned r = 0;
  for (int b = 0; b < 8; b++) r |= ((i >> b) & 1) << (7 - b);
  return r;
}
static const int64_t MONT = 4193792; /* 2^32 mod q */

static void test_ntt_definition(void) {
  /* NTT(a)_i = sum_j a_j * zeta^((2 brv(i) + 1) j), zeta = 1753 */
  for (int iter = 0; iter < 8; iter++) {
    int32_t a[PQ_MLDSA_N], r[PQ_MLDSA_N];
    for (int j = 0; j < PQ_MLDSA_N; j++) a[j] = iter == 0 ? Q - 1 : rnd_range(-(Q - 1), Q - 1);
    if (iter == 1)
      for (int j = 0; j < PQ_MLDSA_N; j++) a[j] = -(Q - 1);
    memcpy(r, a, sizeof a);
    pq_ntt(r);
    int ok = 1, inbound = 1;
    for (int i = 0; i < PQ_MLDSA_N && ok; i++) {
      int64_t w = powmod(1753, 2 * brv8((unsigned)i) + 1), x = 1, s = 0;
      for (int j = 0; j < PQ_MLDSA_N; j++) {
        s = (s + (int64_t)modq(a[j]) * x) % Q;
        x = x * w % Q;
      }
      ok = modq(r[i]) == s;
      inbound &= r[i] < 9 * Q && r[i] > -9 * Q;
    }
    CHECK(ok, "ntt matches the definition (iter %d)", iter);
    CHECK(inbound, "ntt output within 9q (iter %d)", iter);
  }
}

static void test_invntt_roundtrip(void) {
  for (int iter = 0; iter < 200; iter++) {
    int32_t a[PQ_MLDSA_N], r[PQ_MLDSA_N];
    for (int j = 0; j < PQ_MLDSA_N; j++) a[j] = rnd_range(-(Q - 1), Q - 1);
    if (iter == 0)
      for (int j = 0; j < PQ_MLDSA_N; j++) a[j] = (j & 1) ? Q - 1 : -(Q - 1);
    memcpy(r, a, sizeof a);
    pq_ntt(r);
    for (int j = 0; j < PQ_MLDSA_N; j++) r[j] = pq_reduce32(r[j]);
    pq_invntt_tomont(r);
    int ok = 1, inbound = 1;
    for (int j = 0; j < PQ_MLDSA_N; j++) {
      ok &= modq(r[j]) == modq((int64_t)modq(a[j]) * MONT);
      inbound &= r[j] < Q && r[j] > -Q;
    }
    CHECK(ok, "invntt(ntt(a)) = a * 2^32 (iter %d)", iter);
    CHECK(inbound, "invntt output within q (iter %d)", iter);
  }
  /* worst case input of invntt: all coefficients +-(q-1); with PQ_NTT_EXACT 0
   * the target's transform may return other representatives (mldsa/kernels_mldsa.h) */
  int32_t r[PQ_MLDSA_N], s[PQ_MLDSA_N];
  for (int j = 0; j < PQ_MLDSA_N; j++) r[j] = s[j] = Q - 1;
  pq_invntt_tomont(r);
  pq_ref_invntt_tomont(s);
  int same = 1;
  for (int j = 0; j < PQ_MLDSA_N; j++) {
    same &= PQ_NTT_EXACT ? r[j] == s[j] : modq(r[j]) == modq(s[j]);
    same &= r[j] < Q && r[j] > -Q;
  }
  CHECK(same, "invntt on all q-1 matches the reference (%s)", PQ_NTT_EXACT ? "exactly" : "mod q");
}

static void test_multiplication(void) {
  /* a*b in Z_q[X]/(X^256+1) via NTT equals the schoolbook product */
  for (int iter = 0; iter < 20; iter++) {
    int32_t a[PQ_MLDSA_N], b[PQ_MLDSA_N], c[PQ_MLDSA_N];
    int64_t ref[PQ_MLDSA_N] = {0};
    for (int j = 0; j < PQ_MLDSA_N; j++) {
      a[j] = rnd_range(-(Q - 1), Q - 1);
      b[j] = rnd_range(-(1 << 19), 1 << 19);
    }
    for (int i = 0; i < PQ_MLDSA_N; i++)
      for (int j = 0; j < PQ_MLDSA_N; j++) {
        int64_t p = (int64_t)modq(a[i]) * modq(b[j]) % Q;
        if (i + j < PQ_MLDSA_N)
          ref[i + j] = (ref[i + j] + p) % Q;
        else
          ref[i + j - PQ_MLDSA_N] = (ref[i + j - PQ_MLDSA_N] - p + Q) % Q;
      }
    pq_ntt(a);
    for (int j = 0; j < PQ_MLDSA_N; j++) a[j] = pq_reduce32(a[j]);
    pq_ntt(b);
    pq_poly_pointwise(c, a, b);
    pq_invntt_tomont(c);
    int ok = 1;
    for (int j = 0; j < PQ_MLDSA_N; j++) ok &= modq(c[j]) == ref[j];
    CHECK(ok, "NTT product equals schoolbook product (iter %d)", iter);
  }
}

static void test_pointwise_acc(void) {
  for (int iter = 0; iter < 100; iter++) {
    static int32_t a[8][PQ_MLDSA_N], b[8][PQ_MLDSA_N];
    const int32_t *pa[8], *pb[8];
    int32_t c[PQ_MLDSA_N], d[PQ_MLDSA_N], t[PQ_MLDSA_N];
    unsigned n = 1 + (unsigned)(iter % 8);
    for (unsigned k = 0; k < n; k++) {
      for (int j = 0; j < PQ_MLDSA_N; j++) {
        /* worst case used by verify: |a| < q, |b| < 9q */
        a[k][j] = iter < 4 ? (Q - 1) : rnd_range(-(Q - 1), Q - 1);
        b[k][j] = iter < 4 ? (iter & 1 ? 9 * Q - 1 : -(9 * Q - 1)) : rnd_range(-(9 * Q - 1), 9 * Q - 1);
      }
      pa[k] = a[k];
      pb[k] = b[k];
    }
    pq_poly_pointwise_acc(c, pa, pb, n);
    pq_ref_poly_pointwise_acc(d, pa, pb, n);
    int ok = memcmp(c, d, sizeof c) == 0, math = 1, inbound = 1;
    for (int j = 0; j < PQ_MLDSA_N; j++) {
      int64_t s = 0;
      for (unsigned k = 0; k < n; k++) {
        pq_ref_poly_pointwise(t, a[k], b[k]);
        s += t[j];
      }
      math &= modq(c[j]) == modq(s);
      inbound &= c[j] < Q && c[j] > -Q;
    }
    CHECK(ok, "pointwise_acc matches the reference (n=%u)", n);
    CHECK(math, "pointwise_acc = sum of pointwise products (n=%u)", n);
    CHECK(inbound, "pointwise_acc output within q (n=%u)", n);
  }
}

static void test_keccak(void) {
  uint8_t out[300], in[768];
  for (int i = 0; i < 768; i++) in[i] = (uint8_t)i;
  pq_sha3(out, 32, (const uint8_t *)"abc", 3);
  CHECK(eq_hex(out, "3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532"), "SHA3-256(abc)");
  pq_sha3(out, 28, in, 0);
  CHECK(eq_hex(out, "6b4e03423667dbb73b6e15454f0eb1abd4597f9a1b078e3f5b5a6bc7"), "SHA3-224('')");
  uint8_t a200[200];
  memset(a200, 'a', 200);
  pq_sha3(out, 64, a200, 200);
  CHECK(eq_hex(out, "eae6c85c6904f11075de9f9d5e1064371d000510fa3d2d79d40cf9be34892fb01859d0a0234e138bcb0ad5c84f6c0dca226a414b0c9a2897cb695f5185fe36ec"), "SHA3-512(a*200)");
  pq_sha3(out, 48, in, 768);
  CHECK(eq_hex(out, "1719287be5dd0ce14ac51bfdc22f8e1137a6951666b2d946cd0d031bb68bc3173ba0e202bc0e6202f5d337061c6ec21f"), "SHA3-384(0..255 x3)");
  pq_shake128(out, 200, in, 0);
  CHECK(eq_hex(out, "7f9c2ba4e88f827d616045507605853ed73b8093f6efbc88eb1a6eacfa66ef263cb1eea988004b93103cfb0aeefd2a686e01fa4a58e8a3639ca8a1e3f9ae57e235b8cc873c23dc62b8d260169afa2f75ab916a58d974918835d25e6a435085b2badfd6dfaac359a5efbb7bcc4b59d538df9a04302e10c8bc1cbf1a0b3a5120ea17cda7cfad765f5623474d368ccca8af0007cd9f5e4c849f167a580b14aabdefaee7eef47cb0fca9767be1fda69419dfb927e9df07348b196691abaeb580b32def58538b8d23f877"), "SHAKE128('', 200)");
  pq_shake256(out, 300, in, 137);
  CHECK(eq_hex(out, "01d90952c642a5eb2a8fc9d713f843a45d7ac05132dddcb2efc9bebc27e37bcbe42130c36f3540250ab11796980e773683f28d07f0f838606fb9c45e452bd38fb9ed42c8994cbad998a1971cf3d7bc763f40cb04fefe876a20c27ece851d489539e1eaa5ecd62bb20bdad6526819462c6e4efb71a45c5b46dd012647abd1d899a03d1b514fb93828a21bc9368bc24fe63808d6be567248bae61f38ba3f9e676bbe8275ba47c2ff92d770468944b9933c96435488224af296b8b542f9fd3dc0f9f8f23a3e654af44e03876a4dcdd725baddf004ff41da3e5caf8590c3312ebf76e79acdc54fb80d39689119f19bcb78a43b64a63984d77b60dbfff9e42cc1be7e051cef9428c45e476610f91296aec260c660fb61a2c4e10a262ffa559292139c76cdbda6cd0a2754dfccd964"), "SHAKE256(0..136, 300)");

  /* incremental absorb/squeeze in odd pieces equals one shot */
  for (int iter = 0; iter < 50; iter++) {
    uint8_t msg[600], one[400], inc[400];
    size_t len = (size_t)(rnd64() % 600), olen = 1 + (size_t)(rnd64() % 400);
    rnd_bytes(msg, len);
    pq_shake256(one, olen, msg, len);
    pq_keccak_state st;
    pq_shake256_init(&st);
    for (size_t off = 0; off < len;) {
      size_t n = (size_t)(rnd64() % 50);
      if (n > len - off) n = len - off;
      pq_keccak_absorb(&st, msg + off, n);
      off += n;
    }
    pq_shake_finalize(&st);
    for (size_t off = 0; off < olen;) {
      size_t n = 1 + (size_t)(rnd64() % 70);
      if (n > olen - off) n = olen - off;
      pq_keccak_squeeze(&st, inc + off, n);
      off += n;
    }
    CHECK(memcmp(one, inc, olen) == 0, "incremental SHAKE256 equals one shot (len %zu)", len);
  }

  /* x1, x2, x4 permutations agree with the reference, lane-interleaved */
  uint64_t s1[25], r1[25], s2[50], s4[100];
  for (int iter = 0; iter < 20; iter++) {
    for (int i = 0; i < 100; i++) s4[i] = rnd64();
    for (int i = 0; i < 50; i++) s2[i] = s4[i];
    for (int i = 0; i < 25; i++) s1[i] = r1[i] = s4[4 * i + 2];
    pq_keccakf1600_x1(s1);
    pq_ref_keccakf1600_x1(r1);
    CHECK(memcmp(s1, r1, sizeof s1) == 0, "keccak x1 matches the reference");
    uint64_t e4[100], e2[50];
    memcpy(e4, s4, sizeof e4);
    memcpy(e2, s2, sizeof e2);
    pq_keccakf1600_x4(s4);
    pq_ref_keccakf1600_x4(e4);
    pq_keccakf1600_x2(s2);
    pq_ref_keccakf1600_x2(e2);
    CHECK(memcmp(s4, e4, sizeof s4) == 0, "keccak x4 matches the reference");
    CHECK(memcmp(s2, e2, sizeof s2) == 0, "keccak x2 matches the reference");
    int lane_ok = 1;
    for (int i = 0; i < 25; i++) lane_ok &= s4[4 * i + 2] == r1[i];
    CHECK(lane_ok, "keccak x4 instance 2 equals x1");
  }

  /* 4-way SHAKE sponge equals four 1-way sponges */
  uint8_t in4[4][200], o4[4][3 * 168], o1[3 * 168];
  for (int iter = 0; iter < 10; iter++) {
    size_t len = (size_t)(iter * 37) % 200;
    for (int k = 0; k < 4; k++) rnd_bytes(in4[k], len);
    pq_keccak_x4_state st4;
    pq_shake_x4_absorb_once(&st4, PQ_SHAKE128_RATE, in4[0], in4[1], in4[2], in4[3], len);
    pq_shake_x4_squeezeblocks(&st4, o4[0], o4[1], o4[2], o4[3], 3);
    for (int k = 0; k < 4; k++) {
      pq_shake128(o1, sizeof o1, in4[k], len);
      CHECK(memcmp(o1, o4[k], sizeof o1) == 0, "SHAKE128 x4 instance %d (len %zu)", k, len);
    }
  }
}

static void test_sampling(void) {
  uint8_t buf[840];
  for (int iter = 0; iter < 100; iter++) {
    rnd_bytes(buf, sizeof buf);
    if (iter == 0) memset(buf, 0xFF, sizeof buf); /* all rejected */
    int32_t a[PQ_MLDSA_N], b[PQ_MLDSA_N];
    unsigned len = 1 + (unsigned)(rnd64() % PQ_MLDSA_N);
    unsigned n = pq_rej_uniform(a, len, buf, sizeof buf);
    unsigned m = pq_ref_rej_uniform(b, len, buf, sizeof buf);
    CHECK(n == m && memcmp(a, b, n * sizeof(int32_t)) == 0, "rej_uniform matches the reference");
    /* definition */
    unsigned ctr = 0, ok = 1;
    for (unsigned pos = 0; pos + 3 <= sizeof buf && ctr < len; pos += 3) {
      uint32_t t = (buf[pos] | (buf[pos + 1] << 8) | ((uint32_t)buf[pos + 2] << 16)) & 0x7FFFFF;
      if (t < Q) ok &= a[ctr++] == (int32_t)t;
    }
    CHECK(ok && ctr == n, "rej_uniform follows the definition");
    for (int eta = 2; eta <= 4; eta += 2) {
      n = pq_rej_eta(a, len, buf, 136, (unsigned)eta);
      m = pq_ref_rej_eta(b, len, buf, 136, (unsigned)eta);
      CHECK(n == m && memcmp(a, b, n * sizeof(int32_t)) == 0, "rej_eta matches the reference");
      ctr = 0;
      ok = 1;
      for (unsigned pos = 0; pos < 2 * 136 && ctr < len; pos++) {
        unsigned z = (pos & 1) ? buf[pos / 2] >> 4 : buf[pos / 2] & 15;
        if (eta == 2 && z < 15) ok &= a[ctr++] == 2 - (int32_t)(z % 5);
        if (eta == 4 && z < 9) ok &= a[ctr++] == 4 - (int32_t)z;
      }
      CHECK(ok && ctr == n, "rej_eta follows the definition (eta %d)", eta);
    }
  }
}

static void test_rounding(void) {
  const int32_t g2s[2] = {(Q - 1) / 88, (Q - 1) / 32};
  for (int g = 0; g < 2; g++) {
    const int32_t g2 = g2s[g];
    int32_t a[PQ_MLDSA_N], a1[PQ_MLDSA_N], a0[PQ_MLDSA_N], r1[PQ_MLDSA_N], r0[PQ_MLDSA_N],
        h[PQ_MLDSA_N], u[PQ_MLDSA_N], ur[PQ_MLDSA_N];
    int ok = 1, ref = 1, hint_ok = 1;
    for (int32_t base = 0; base < Q; base += PQ_MLDSA_N) {
      for (int j = 0; j < PQ_MLDSA_N; j++) {
        a[j] = base + j < Q ? base + j : rnd_range(0, Q - 1);
        h[j] = (int32_t)(rnd64() & 1);
      }
      pq_poly_decompose(a1, a0, a, g2);
      pq_ref_poly_decompose(r1, r0, a, g2);
      ref &= memcmp(a1, r1, sizeof a1) == 0 && memcmp(a0, r0, sizeof a0) == 0;
      pq_poly_use_hint(u, a, h, g2);
      pq_ref_poly_use_hint(ur, a, h, g2);
      hint_ok &= memcmp(u, ur, sizeof u) == 0;
      for (int j = 0; j < PQ_MLDSA_N; j++) {
        /* FIPS 204 Alg. 36 */
        int32_t rp = a[j] % (2 * g2);
        if (rp > g2) rp -= 2 * g2;
        int32_t e1, e0;
        if (a[j] - rp == Q - 1) {
          e1 = 0;
          e0 = rp - 1;
        } else {
          e1 = (a[j] - rp) / (2 * g2);
          e0 = rp;
        }
        ok &= a1[j] == e1 && a0[j] == e0;
        /* Alg. 40 */
        const int32_t m = (Q - 1) / (2 * g2);
        int32_t e = e1;
        if (h[j]) e = e0 > 0 ? (e1 + 1) % m : (e1 - 1 + m) % m;
        ok &= u[j] == e;
      }
    }
    CHECK(ok, "decompose/use_hint follow FIPS 204 for every a in [0, q) (gamma2 %d)", g2);
    CHECK(ref, "decompose matches the reference (gamma2 %d)", g2);
    CHECK(hint_ok, "use_hint matches the reference (gamma2 %d)", g2);
  }
}

static void test_chknorm(void) {
  for (int iter = 0; iter < 2000; iter++) {
    int32_t a[PQ_MLDSA_N];
    int32_t bound = rnd_range(1, (Q - 1) / 8);
    int32_t lim = iter & 1 ? bound - 1 : 6283008;
    for (int j = 0; j < PQ_MLDSA_N; j++) a[j] = rnd_range(-lim, lim);
    if (iter % 3 == 0)
      a[rnd64() % PQ_MLDSA_N] = (iter & 2) ? bound : -bound; /* exactly at the bound */
    int expect = 0;
    for (int j = 0; j < PQ_MLDSA_N; j++) expect |= (a[j] < 0 ? -a[j] : a[j]) >= bound;
    CHECK(pq_poly_chknorm(a, bound) == expect, "chknorm (bound %d)", bound);
    CHECK(pq_ref_poly_chknorm(a, bound) == expect, "ref chknorm (bound %d)", bound);
  }
}

int main(void) {
  test_ntt_definition();
  test_invntt_roundtrip();
  test_multiplication();
  test_pointwise_acc();
  test_keccak();
  test_sampling();
  test_rounding();
  test_chknorm();
  return t_summary("kernels");
}
