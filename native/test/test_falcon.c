/* Falcon kernels against their definitions (NTT vs schoolbook product mod
 * 12289, reductions over every int16, sampler thresholds) and verification
 * edge cases the vectors miss: encodings at their limits, the norm bound
 * exactly at beta^2 and one above. */
#include "falcon/falcon.h"
#include "falcon/kernels_falcon.h"
#include "test_util.h"

#define FQ 12289

static int32_t fmod_q(int32_t a) {
  a %= FQ;
  return a < 0 ? a + FQ : a;
}

static void test_reductions(void) {
  int ok = 1;
  for (int32_t a = -32768; a <= 32767; a++) {
    int16_t r = pq_falcon_barrett((int16_t)a);
    ok &= r >= -(FQ - 1) / 2 && r <= (FQ - 1) / 2 && fmod_q(r) == fmod_q(a);
  }
  CHECK(ok, "barrett: every int16 to [-(q-1)/2, (q-1)/2], congruent");
  ok = 1;
  for (int i = 0; i < 200000; i++) {
    int16_t a = (int16_t)rnd_range(-(FQ - 1), FQ - 1), b = (int16_t)rnd_range(-2 * FQ, 2 * FQ);
    if (i == 0) a = FQ - 1, b = 2 * FQ;
    int16_t r = pq_falcon_fqmul(a, b);
    /* r * 2^16 == a*b (mod q) and |r| < q */
    ok &= r > -FQ && r < FQ && fmod_q((int32_t)(((int64_t)r * 65536) % FQ)) == fmod_q((int32_t)(((int64_t)a * b) % FQ));
  }
  CHECK(ok, "fqmul: Montgomery product within q");
}

static void test_ntt(void) {
  for (unsigned logn = 9; logn <= 10; logn++) {
    const unsigned n = 1u << logn;
    for (int iter = 0; iter < 6; iter++) {
      int16_t a[1024], b[1024], c[1024], ra[1024];
      int32_t ref[1024] = {0};
      for (unsigned j = 0; j < n; j++) {
        a[j] = (int16_t)(iter == 0 ? FQ - 1 : iter == 1 ? -(FQ - 1) : rnd_range(-(FQ - 1), FQ - 1));
        b[j] = (int16_t)rnd_range(-2047, 2047);
      }
      memcpy(ra, a, sizeof a);
      for (unsigned i = 0; i < n; i++)
        for (unsigned j = 0; j < n; j++) {
          int32_t p = (int32_t)((int64_t)fmod_q(a[i]) * fmod_q(b[j]) % FQ);
          unsigned k = i + j;
          if (k < n)
            ref[k] = (ref[k] + p) % FQ;
          else
            ref[k - n] = (ref[k - n] - p + FQ) % FQ;
        }
      pq_falcon_ntt(a, logn);
      int inbound = 1;
      for (unsigned j = 0; j < n; j++) inbound &= a[j] >= -(FQ - 1) / 2 && a[j] <= (FQ - 1) / 2;
      CHECK(inbound, "falcon ntt output bound (logn %u)", logn);
      pq_falcon_ntt(b, logn);
      pq_falcon_pointwise(c, a, b, n);
      pq_falcon_invntt_tomont(c, logn);
      int ok = 1;
      for (unsigned j = 0; j < n; j++) ok &= fmod_q(c[j]) == ref[j] && c[j] >= -(FQ - 1) / 2 && c[j] <= (FQ - 1) / 2;
      CHECK(ok, "falcon NTT product equals schoolbook (logn %u, iter %d)", logn, iter);
      /* the selected kernels agree with the reference (congruent, same bounds) */
      memcpy(b, ra, sizeof ra);
      pq_ref_falcon_ntt(b, logn);
      memcpy(c, ra, sizeof ra);
      pq_falcon_ntt(c, logn);
      ok = 1;
      for (unsigned j = 0; j < n; j++) ok &= fmod_q(b[j]) == fmod_q(c[j]);
      CHECK(ok, "falcon ntt matches the reference (logn %u)", logn);
    }
  }
}

static void test_sampler(void) {
  const uint16_t ws[] = {0, 1, 12288, 12289, 61444, 61445, 61446, 65535, 24578, 49155};
  uint8_t buf[2 * 10];
  for (int i = 0; i < 10; i++) {
    buf[2 * i] = (uint8_t)(ws[i] >> 8);
    buf[2 * i + 1] = (uint8_t)ws[i];
  }
  uint16_t c[10];
  unsigned n = pq_falcon_sample(c, 10, buf, sizeof buf);
  const uint16_t expect[] = {0, 1, 12288, 0, 61444 % FQ, 24578 % FQ, 49155 % FQ};
  CHECK(n == 7, "sampler keeps w < 61445 only (got %u)", n);
  CHECK(n == 7 && memcmp(c, expect, sizeof expect) == 0, "sampler values mod q, 61444 kept, 61445 dropped");
  n = pq_falcon_sample(c, 2, buf, sizeof buf);
  CHECK(n == 2, "sampler stops at len");
  uint8_t big[136];
  rnd_bytes(big, sizeof big);
  uint16_t c1[68], c2[68];
  n = pq_falcon_sample(c1, 68, big, sizeof big);
  CHECK(n == pq_ref_falcon_sample(c2, 68, big, sizeof big) && memcmp(c1, c2, n * 2) == 0, "sampler matches the reference");
}

/* The selected kernels (pq_falcon_*: SIMD in the wasm-simd build) against the
 * portable references (pq_ref_falcon_*), one kernel at a time, on random inputs and
 * on inputs at the stated bounds. */
enum { PAT_RANDOM, PAT_MAX, PAT_MIN, PAT_ALT, PAT_HALF, PAT_NHALF, PAT_ALTHALF, PAT_BLOCKS, PAT_ZERO, PAT_COUNT };

static void fill_pattern(int16_t *a, unsigned n, int pat, int32_t bound) {
  for (unsigned j = 0; j < n; j++) {
    int32_t v;
    switch (pat) {
      case PAT_MAX: v = bound; break;
      case PAT_MIN: v = -bound; break;
      case PAT_ALT: v = (j & 1) ? -bound : bound; break;
      case PAT_HALF: v = bound / 2; break;
      case PAT_NHALF: v = -(bound / 2); break;
      case PAT_ALTHALF: v = (j & 1) ? -(bound / 2) : bound / 2; break;
      case PAT_BLOCKS: v = ((j >> 3) ^ (j >> 5)) & 1 ? -bound : bound; break; /* lane-aligned runs */
      case PAT_ZERO: v = 0; break;
      default: v = (rnd64() & 7) == 0 ? ((rnd64() & 1) ? bound : -bound) : rnd_range(-bound, bound);
    }
    a[j] = (int16_t)v;
  }
}

static void test_kernels_vs_ref(void) {
  for (unsigned logn = 9; logn <= 10; logn++) {
    const unsigned n = 1u << logn;
    unsigned bad_ntt = 0, bad_inv = 0, bad_pw = 0, runs = 0;
    for (int pat = 0; pat < PAT_COUNT; pat++) {
      for (int rep = 0; rep < (pat == PAT_RANDOM ? 40 : 1); rep++) {
        int16_t x[1024], r[1024], s[1024], y[1024], c1[1024], c2[1024];
        runs++;
        /* forward: in |a| < q (q - 1 at the extremes), out congruent and <= (q-1)/2 */
        fill_pattern(x, n, pat, FQ - 1);
        memcpy(r, x, sizeof x);
        memcpy(s, x, sizeof x);
        pq_ref_falcon_ntt(r, logn);
        pq_falcon_ntt(s, logn);
        if (!t_congruent16(r, s, n, FQ) || !t_in_bound16(s, n, (FQ - 1) / 2)) bad_ntt++;
        /* inverse: in |a| <= (q-1)/2, out congruent and <= (q-1)/2 */
        fill_pattern(x, n, pat, (FQ - 1) / 2);
        memcpy(r, x, sizeof x);
        memcpy(s, x, sizeof x);
        pq_ref_falcon_invntt_tomont(r, logn);
        pq_falcon_invntt_tomont(s, logn);
        if (!t_congruent16(r, s, n, FQ) || !t_in_bound16(s, n, (FQ - 1) / 2)) bad_inv++;
        /* pointwise: in |a|, |b| < q, out congruent and < q (the Montgomery product) */
        fill_pattern(x, n, pat, FQ - 1);
        fill_pattern(y, n, pat == PAT_ALT ? PAT_MIN : pat, FQ - 1);
        if (pat == PAT_RANDOM) fill_pattern(y, n, PAT_RANDOM, FQ - 1);
        pq_ref_falcon_pointwise(c1, x, y, n);
        pq_falcon_pointwise(c2, x, y, n);
        if (!t_congruent16(c1, c2, n, FQ) || !t_in_bound16(c2, n, FQ - 1)) bad_pw++;
        /* odd lengths (scalar tails) and in-place use, as verification calls it */
        const unsigned odd = n - 1 - (unsigned)(rnd64() % 13);
        memcpy(c2, x, sizeof x);
        pq_ref_falcon_pointwise(c1, x, y, odd);
        pq_falcon_pointwise(c2, c2, y, odd);
        if (!t_congruent16(c1, c2, odd, FQ) || !t_in_bound16(c2, odd, FQ - 1) || memcmp(c2 + odd, x + odd, (n - odd) * 2) != 0) bad_pw++;
      }
    }
    CHECK(bad_ntt == 0, "falcon ntt vs reference: congruent, |out| <= (q-1)/2 (logn %u, %u of %u bad)", logn, bad_ntt, runs);
    CHECK(bad_inv == 0, "falcon invntt vs reference: congruent, |out| <= (q-1)/2 (logn %u, %u of %u bad)", logn, bad_inv, runs);
    CHECK(bad_pw == 0, "falcon pointwise vs reference: congruent, |out| < q (logn %u, %u bad)", logn, bad_pw);
    /* the whole chain at the bounds: ntt(a), ntt(b), pointwise, invntt equals the reference chain */
    unsigned bad_chain = 0;
    for (int pat = 0; pat < PAT_COUNT; pat++) {
      int16_t a1[1024], b1[1024], a2[1024], b2[1024];
      fill_pattern(a1, n, pat, FQ - 1);
      fill_pattern(b1, n, pat == PAT_RANDOM ? PAT_RANDOM : PAT_ALT, 2047);
      memcpy(a2, a1, sizeof a1);
      memcpy(b2, b1, sizeof b1);
      pq_ref_falcon_ntt(a1, logn);
      pq_ref_falcon_ntt(b1, logn);
      pq_ref_falcon_pointwise(b1, b1, a1, n);
      pq_ref_falcon_invntt_tomont(b1, logn);
      pq_falcon_ntt(a2, logn);
      pq_falcon_ntt(b2, logn);
      pq_falcon_pointwise(b2, b2, a2, n);
      pq_falcon_invntt_tomont(b2, logn);
      if (!t_congruent16(b1, b2, n, FQ) || !t_in_bound16(b2, n, (FQ - 1) / 2)) bad_chain++;
    }
    CHECK(bad_chain == 0, "falcon ntt/pointwise/invntt chain matches the reference chain (logn %u)", logn);
  }
  /* pointwise on every product of a grid through [-(q-1), q-1] incl. both extremes */
  {
    int16_t x[1024], y[1024], c1[1024], c2[1024];
    unsigned bad = 0, k = 0;
    for (int32_t u = -(FQ - 1); u <= FQ - 1; u += (u < -(FQ - 1) + 40 || u > FQ - 41) ? 1 : 97)
      for (int32_t v = -(FQ - 1); v <= FQ - 1; v += (v < -(FQ - 1) + 40 || v > FQ - 41) ? 1 : 89) {
        x[k] = (int16_t)u;
        y[k] = (int16_t)v;
        if (++k == 1024) {
          pq_ref_falcon_pointwise(c1, x, y, k);
          pq_falcon_pointwise(c2, x, y, k);
          bad += memcmp(c1, c2, sizeof c1) != 0;
          k = 0;
        }
      }
    pq_ref_falcon_pointwise(c1, x, y, k);
    pq_falcon_pointwise(c2, x, y, k);
    bad += memcmp(c1, c2, k * 2) != 0;
    CHECK(bad == 0, "falcon pointwise equals the reference on a grid incl. +-(q-1)");
  }
}

/* The sampler against the reference: identical count and values, never writing at
 * or past len, on random buffers, buffers full of the thresholds, odd lengths. */
static void test_sampler_vs_ref(void) {
  static const uint16_t fills[] = {61444, 61445, 0xFFFF, 0, 12288, 12289, 49155, 49156, 24577, 24578, 61443};
  unsigned bad = 0, runs = 0;
  uint8_t buf[2 * 300];
  for (unsigned kind = 0; kind < 3 + sizeof fills / sizeof fills[0]; kind++) {
    for (unsigned rep = 0; rep < 60; rep++) {
      const unsigned buflen = 2 * (unsigned)rnd_range(0, 300);
      for (unsigned i = 0; i < buflen; i += 2) {
        uint16_t w;
        if (kind == 0) w = (uint16_t)rnd64();
        else if (kind == 1) w = (uint16_t)(61440 + rnd64() % 96); /* around the threshold */
        else if (kind == 2) w = (uint16_t)(rnd64() & 1 ? 61445 + rnd64() % 4091 : rnd64() % 61445); /* half rejected */
        else w = fills[kind - 3];
        buf[i] = (uint8_t)(w >> 8);
        buf[i + 1] = (uint8_t)w;
      }
      const unsigned lens[] = {0, 1, 7, 8, 9, 15, 16, 17, (unsigned)rnd_range(0, 300), 68, 300};
      for (unsigned li = 0; li < sizeof lens / sizeof lens[0]; li++) {
        const unsigned len = lens[li];
        uint16_t c1[310], c2[310];
        for (unsigned i = 0; i < 310; i++) c1[i] = c2[i] = 0xA5A5;
        const unsigned n1 = pq_ref_falcon_sample(c1, len, buf, buflen);
        const unsigned n2 = pq_falcon_sample(c2, len, buf, buflen);
        int ok = n1 == n2 && memcmp(c1, c2, n1 * 2) == 0;
        for (unsigned i = len; i < 310; i++) ok &= c2[i] == 0xA5A5;
        for (unsigned i = 0; i < n2; i++) ok &= c2[i] < FQ;
        bad += !ok;
        runs++;
      }
    }
  }
  CHECK(bad == 0, "falcon sampler equals the reference (%u of %u runs bad)", bad, runs);
  /* a whole SHAKE256 block at a time, as hash_to_point uses it */
  uint8_t blk[136];
  for (unsigned rep = 0; rep < 200; rep++) {
    rnd_bytes(blk, sizeof blk);
    uint16_t c1[1024], c2[1024];
    unsigned got1 = 0, got2 = 0;
    const unsigned n = rep & 1 ? 512 : 1024;
    while (got1 < n) {
      got1 += pq_ref_falcon_sample(c1 + got1, n - got1, blk, sizeof blk);
      got2 += pq_falcon_sample(c2 + got2, n - got2, blk, sizeof blk);
      blk[rep % sizeof blk] ^= (uint8_t)(got1 * 31 + 7);
    }
    bad += got1 != got2 || memcmp(c1, c2, n * 2) != 0;
  }
  CHECK(bad == 0, "falcon sampler block-wise fill equals the reference");
}

/* compressed encoding of s2 (the signer's side, for building test signatures) */
static size_t comp_encode(uint8_t *out, size_t max, const int16_t *x, unsigned n) {
  uint32_t acc = 0;
  unsigned acc_len = 0;
  size_t v = 0;
  for (unsigned u = 0; u < n; u++) {
    int t = x[u];
    unsigned w = t < 0 ? (unsigned)-t : (unsigned)t;
    acc = (acc << 1) | (t < 0);
    acc = (acc << 7) | (w & 127);
    acc_len += 8;
    w >>= 7;
    acc <<= w + 1;
    acc |= 1;
    acc_len += w + 1;
    while (acc_len >= 8) {
      acc_len -= 8;
      if (v >= max) return 0;
      out[v++] = (uint8_t)(acc >> acc_len);
    }
  }
  if (acc_len > 0) {
    if (v >= max) return 0;
    out[v++] = (uint8_t)(acc << (8 - acc_len));
  }
  return v;
}

static void pk_encode(uint8_t *out, const uint16_t *h, unsigned logn) {
  uint32_t acc = 0;
  unsigned acc_len = 0;
  size_t v = 0;
  out[v++] = (uint8_t)logn;
  for (unsigned u = 0; u < (1u << logn); u++) {
    acc = (acc << 14) | h[u];
    acc_len += 14;
    while (acc_len >= 8) {
      acc_len -= 8;
      out[v++] = (uint8_t)(acc >> acc_len);
    }
  }
}

static void test_encodings(void) {
  int16_t x[512], y[512];
  uint8_t buf[2000];
  for (int i = 0; i < 512; i++) x[i] = (int16_t)(i % 3 == 0 ? 2047 : i % 3 == 1 ? -2047 : rnd_range(-2047, 2047));
  size_t len = comp_encode(buf, sizeof buf, x, 512);
  CHECK(len > 0 && pq_falcon_comp_decode(y, 9, buf, len) == len && memcmp(x, y, sizeof x) == 0, "comp: +-2047 round trip");
  CHECK(pq_falcon_comp_decode(y, 9, buf, len - 1) == 0, "comp: truncated rejected");
  x[7] = 0;
  len = comp_encode(buf, sizeof buf, x, 512);
  /* turn coefficient 0's sign bit on for a zero value: first coefficient is 2047, so build a fresh one */
  int16_t z[512] = {0};
  len = comp_encode(buf, sizeof buf, z, 512);
  CHECK(pq_falcon_comp_decode(y, 9, buf, len) == len, "comp: all zeros decode");
  buf[0] |= 0x80; /* "-0" */
  CHECK(pq_falcon_comp_decode(y, 9, buf, len) == 0, "comp: -0 rejected");
  /* 2048 is out of range: sign 0, low bits 0, then 16 zeros of unary (> 2047) */
  uint8_t big[200] = {0x00, 0x00, 0x00, 0x80};
  CHECK(pq_falcon_comp_decode(y, 9, big, sizeof big) == 0, "comp: |x| = 2048 rejected");
  /* trailing padding bits must be zero */
  z[511] = 1;
  len = comp_encode(buf, sizeof buf, z, 512);
  size_t ok = pq_falcon_comp_decode(y, 9, buf, len);
  CHECK(ok == len, "comp: decodes");
  unsigned used_bits = (unsigned)(len * 8);
  (void)used_bits;
  /* encoding of 512 values ending with '1' then padding: set the lowest bit of the last byte if it is padding */
  if ((buf[len - 1] & 1) == 0) {
    buf[len - 1] |= 1;
    CHECK(pq_falcon_comp_decode(y, 9, buf, len) == 0, "comp: nonzero padding rejected");
  }
  /* trim (CT) decoding: 12-bit values, -2048 forbidden */
  uint8_t ct[768] = {0};
  CHECK(pq_falcon_trim_decode(y, 9, 12, ct, sizeof ct) == 768, "ct: zeros decode");
  ct[0] = 0x80; /* first value 0x800 = -2048 */
  CHECK(pq_falcon_trim_decode(y, 9, 12, ct, sizeof ct) == 0, "ct: -2048 rejected");
  ct[0] = 0x80;
  ct[1] = 0x10; /* 0x801 = -2047 */
  CHECK(pq_falcon_trim_decode(y, 9, 12, ct, sizeof ct) == 768 && y[0] == -2047, "ct: -2047 accepted");
  /* public key: coefficient q is out of range */
  uint16_t h[512] = {0}, h2[512];
  uint8_t pk[897];
  h[5] = FQ - 1;
  pk_encode(pk, h, 9);
  CHECK(pq_falcon_decode_pk(h2, 9, pk + 1, 896) == 0 && h2[5] == FQ - 1, "pk: q-1 accepted");
  h[5] = FQ;
  pk_encode(pk, h, 9);
  CHECK(pq_falcon_decode_pk(h2, 9, pk + 1, 896) != 0, "pk: q rejected");
}

/* A signature whose norm is chosen exactly: s2 = 1 (the constant polynomial),
 * h = c + e, so s1 = c - s2*h = -e and the squared norm is ||e||^2 + 1. */
static void test_norm_bound(void) {
  for (unsigned logn = 9; logn <= 10; logn++) {
    const unsigned n = 1u << logn;
    const uint32_t beta2 = logn == 9 ? 34034726u : 70265242u;
    uint8_t sig[1 + 40 + 2000], pk[1793];
    const uint8_t msg[3] = {'a', 'b', 'c'};
    uint16_t c[1024], h[1024];
    int16_t s2[1024] = {1};
    pq_keccak_state st;
    sig[0] = (uint8_t)(0x30 + logn);
    for (int i = 0; i < 40; i++) sig[1 + i] = (uint8_t)i;
    size_t len = comp_encode(sig + 41, 2000, s2, n) + 41;
    pq_shake256_init(&st);
    pq_keccak_absorb(&st, sig + 1, 40);
    pq_keccak_absorb(&st, msg, 3);
    pq_shake_finalize(&st);
    pq_falcon_hash_to_point(c, logn, &st);
    /* ||e||^2 = beta2 - 1: greedy sum of squares */
    int32_t e[8] = {0};
    uint32_t rest = beta2 - 1;
    for (int i = 0; i < 8 && rest; i++) {
      int32_t r = 0;
      while ((uint32_t)(r + 1) * (uint32_t)(r + 1) <= rest && r + 1 <= (FQ - 1) / 2) r++;
      e[i] = r;
      rest -= (uint32_t)(r * r);
    }
    CHECK(rest == 0, "norm test: decomposition");
    for (int delta = 0; delta <= 1; delta++) {
      for (unsigned i = 0; i < n; i++) h[i] = (uint16_t)fmod_q(c[i] + (i < 8 ? e[i] : 0) + (i == 8 ? delta : 0));
      pk_encode(pk, h, logn);
      pq_falcon_verify_start(&st, sig, len);
      pq_keccak_absorb(&st, msg, 3);
      int ok = pq_falcon_verify_finish(logn, pk, PQ_FALCON_PK_BYTES(logn), sig, len, &st);
      CHECK(ok == (delta == 0), "norm %s beta^2 (logn %u): verify %d", delta ? "one above" : "exactly at", logn, ok);
    }
    /* an overflowing norm (sums past 2^32) must not wrap around to "short" */
    for (unsigned i = 0; i < n; i++) h[i] = (uint16_t)fmod_q(c[i] + (FQ - 1) / 2);
    pk_encode(pk, h, logn);
    pq_falcon_verify_start(&st, sig, len);
    pq_keccak_absorb(&st, msg, 3);
    CHECK(pq_falcon_verify_finish(logn, pk, PQ_FALCON_PK_BYTES(logn), sig, len, &st) == 0, "huge norm rejected");
    /* padded form: zero bytes allowed, a nonzero byte not */
    size_t plen = PQ_FALCON_PADDED_BYTES(logn);
    for (unsigned i = 0; i < n; i++) h[i] = (uint16_t)fmod_q(c[i] + (i < 8 ? e[i] : 0));
    pk_encode(pk, h, logn);
    memset(sig + len, 0, plen - len);
    pq_falcon_verify_start(&st, sig, plen);
    pq_keccak_absorb(&st, msg, 3);
    CHECK(pq_falcon_verify_finish(logn, pk, PQ_FALCON_PK_BYTES(logn), sig, plen, &st) == 1, "padded accepted");
    sig[plen - 1] = 1;
    pq_falcon_verify_start(&st, sig, plen);
    pq_keccak_absorb(&st, msg, 3);
    CHECK(pq_falcon_verify_finish(logn, pk, PQ_FALCON_PK_BYTES(logn), sig, plen, &st) == 0, "nonzero padding rejected");
    sig[plen - 1] = 0;
    pq_falcon_verify_start(&st, sig, len + 1);
    pq_keccak_absorb(&st, msg, 3);
    CHECK(pq_falcon_verify_finish(logn, pk, PQ_FALCON_PK_BYTES(logn), sig, len + 1, &st) == 0, "one trailing zero byte (not padded size) rejected");
  }
}

int main(void) {
  test_reductions();
  test_ntt();
  test_sampler();
  test_kernels_vs_ref();
  test_sampler_vs_ref();
  test_encodings();
  test_norm_bound();
  return t_summary("falcon");
}
