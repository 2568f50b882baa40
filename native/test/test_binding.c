/* The binding entries (pq_binding.h) as a driver calls them: begin / update* / end with the message
 * in arbitrary pieces gives the same results as the scheme functions called directly; every
 * message mode (pure, HashML-DSA, M', external mu); prepared and plain verify agree; wrong lengths,
 * too-long contexts, unknown modes and pre-hashes give the documented codes and never read outside
 * the buffers (run under ASan/UBSan by scripts/test-c.sh); Falcon's streamed hash matches the
 * one-shot verify. */
#include "binding/pq_binding.h"
#include "falcon/falcon.h"
#include "mldsa/mldsa.h"
#include "test_util.h"

static uint8_t msg[3000], ctx[256], sig[4627], sig2[4627], pk[2592], sk[4896];
static _Alignas(8) uint8_t prep[65600], prep2[2048];

/* Streams msg[0..len) into a streamed entry in random pieces (some empty). */
typedef void (*update_fn)(pq_bind_state *, const uint8_t *, size_t);
static void feed(pq_bind_state *st, update_fn up, const uint8_t *m, size_t len) {
  size_t off = 0;
  while (off < len) {
    size_t n = (size_t)rnd_range(0, 300);
    if (n > len - off) n = len - off;
    up(st, m + off, n);
    off += n;
  }
  if (rnd_range(0, 1)) up(st, m, 0);
}

static int32_t sign_stream(int32_t level, int32_t mode, int32_t ph, const uint8_t *s, size_t sklen,
                           const uint8_t *c, size_t clen, const uint8_t *rnd, const uint8_t *m,
                           size_t mlen, uint8_t *out, size_t outlen) {
  pq_bind_state st;
  const int32_t a[3] = {level, mode, ph};
  const pq_buf in[3] = {{(uint8_t *)s, sklen}, {(uint8_t *)c, clen}, {(uint8_t *)rnd, 32}};
  const pq_buf o[1] = {{out, outlen}};
  pq_bind_mldsa_sign_begin(&st, a, in);
  feed(&st, pq_bind_mldsa_sign_update, m, mlen);
  return pq_bind_mldsa_sign(&st, a, in, o);
}

static int32_t verify_stream(int32_t level, int32_t mode, int32_t ph, const uint8_t *p, size_t plen,
                             const uint8_t *c, size_t clen, const uint8_t *sg, size_t slen,
                             const uint8_t *m, size_t mlen) {
  pq_bind_state st;
  const int32_t a[3] = {level, mode, ph};
  const pq_buf in[3] = {{(uint8_t *)p, plen}, {(uint8_t *)c, clen}, {(uint8_t *)sg, slen}};
  pq_bind_mldsa_verify_begin(&st, a, in);
  feed(&st, pq_bind_mldsa_verify_update, m, mlen);
  return pq_bind_mldsa_verify(&st, a, in, 0);
}

static int32_t verify_prepared_stream(int32_t level, int32_t mode, int32_t ph, const uint8_t *p,
                                      size_t plen, const uint8_t *c, size_t clen, const uint8_t *sg,
                                      size_t slen, const uint8_t *m, size_t mlen) {
  pq_bind_state st;
  const int32_t a[3] = {level, mode, ph};
  const pq_buf in[3] = {{(uint8_t *)p, plen}, {(uint8_t *)c, clen}, {(uint8_t *)sg, slen}};
  pq_bind_mldsa_verify_prepared_begin(&st, a, in);
  feed(&st, pq_bind_mldsa_verify_prepared_update, m, mlen);
  return pq_bind_mldsa_verify_prepared(&st, a, in, 0);
}

/* mu computed directly with the scheme functions, as a reference */
static void mu_ref(uint8_t mu[64], const uint8_t tr[64], int32_t mode, int32_t ph, const uint8_t *c,
                   size_t clen, const uint8_t *m, size_t mlen) {
  pq_keccak_state st;
  if (mode == PQ_MODE_MU) {
    memcpy(mu, m, 64);
    return;
  }
  pq_mldsa_mu_init(&st, tr);
  if (mode == PQ_MODE_EXTERNAL) pq_mldsa_mu_absorb_prefix(&st, ph >= 0, c, clen);
  if (mode == PQ_MODE_EXTERNAL && ph >= 0) {
    pq_prehash_ctx hc;
    uint8_t d[64];
    pq_prehash_init(&hc, (unsigned)ph);
    pq_prehash_update(&hc, (unsigned)ph, m, mlen);
    pq_prehash_final(&hc, (unsigned)ph, d);
    pq_mldsa_mu_absorb_prehash(&st, (unsigned)ph, d);
  } else {
    pq_keccak_absorb(&st, m, mlen);
  }
  pq_mldsa_mu_final(&st, mu);
}

static void test_mldsa(int32_t level) {
  const pq_mldsa_params *P = pq_mldsa_params_get((unsigned)level);
  uint8_t seed[32], rnd[32], mu[64], tr[64];
  rnd_bytes(seed, 32);
  {
    const int32_t a[1] = {level};
    const pq_buf in[1] = {{seed, 32}}, out[2] = {{pk, P->pk_bytes}, {sk, P->sk_bytes}};
    CHECK(pq_bind_mldsa_keygen(0, a, in, out) == 0, "keygen entry");
    const pq_buf small[2] = {{pk, P->pk_bytes - 1}, {sk, P->sk_bytes}};
    CHECK(pq_bind_mldsa_keygen(0, a, in, small) == PQ_ERR_LENGTH, "keygen: output too small");
    const int32_t bad[1] = {66};
    CHECK(pq_bind_mldsa_keygen(0, bad, in, out) == PQ_ERR_PARAMS, "keygen: unknown level");
  }
  {
    const int32_t a[1] = {level};
    const pq_buf in[1] = {{pk, P->pk_bytes}}, out[1] = {{prep, sizeof prep}};
    CHECK(pq_bind_mldsa_prepare(0, a, in, out) == 0, "prepare entry");
  }
  const size_t preplen = pq_mldsa_prepared_bytes((unsigned)level);
  pq_mldsa_pk_tr(pk, P->pk_bytes, tr);
  for (int iter = 0; iter < 24; iter++) {
    const int32_t mode = iter % 3;
    const int32_t ph = mode == PQ_MODE_EXTERNAL && (iter & 4) ? rnd_range(0, PQ_PH_COUNT - 1) : -1;
    const size_t mlen = mode == PQ_MODE_MU ? 64 : (size_t)rnd_range(0, sizeof msg);
    const size_t clen = mode == PQ_MODE_EXTERNAL ? (size_t)rnd_range(0, 255) : 0;
    rnd_bytes(msg, mlen);
    rnd_bytes(ctx, clen);
    rnd_bytes(rnd, 32);
    CHECK(sign_stream(level, mode, ph, sk, P->sk_bytes, ctx, clen, rnd, msg, mlen, sig, P->sig_bytes) == 0, "sign");
    mu_ref(mu, tr, mode, ph, ctx, clen, msg, mlen);
    CHECK(pq_mldsa_sign_mu((unsigned)level, sk, mu, rnd, sig2) == 0, "sign_mu");
    CHECK(memcmp(sig, sig2, P->sig_bytes) == 0, "streamed sign = sign_mu(mu) (level %d mode %d ph %d)", level, mode, ph);
    CHECK(verify_stream(level, mode, ph, pk, P->pk_bytes, ctx, clen, sig, P->sig_bytes, msg, mlen) == 1, "verify");
    CHECK(verify_prepared_stream(level, mode, ph, prep, preplen, ctx, clen, sig, P->sig_bytes, msg, mlen) == 1, "prepared verify");
    /* a changed message, context or signature fails the same way on both paths */
    if (mlen) {
      msg[rnd_range(0, (int32_t)mlen - 1)] ^= 1;
      CHECK(verify_stream(level, mode, ph, pk, P->pk_bytes, ctx, clen, sig, P->sig_bytes, msg, mlen) == 0, "verify: changed message");
      CHECK(verify_prepared_stream(level, mode, ph, prep, preplen, ctx, clen, sig, P->sig_bytes, msg, mlen) == 0, "prepared: changed message");
    }
    sig[rnd_range(0, (int32_t)P->sig_bytes - 1)] ^= 4;
    CHECK(verify_stream(level, mode, ph, pk, P->pk_bytes, ctx, clen, sig, P->sig_bytes, msg, mlen) == 0, "verify: changed signature");
    /* mu entry = the reference mu */
    {
      pq_bind_state st;
      uint8_t got[64];
      const int32_t a[3] = {level, mode, ph};
      const pq_buf in[2] = {{pk, P->pk_bytes}, {ctx, clen}}, out[1] = {{got, 64}};
      pq_bind_mldsa_mu_begin(&st, a, in);
      feed(&st, pq_bind_mldsa_mu_update, msg, mlen);
      CHECK(pq_bind_mldsa_mu(&st, a, in, out) == 0, "mu entry");
      mu_ref(mu, tr, mode, ph, ctx, clen, msg, mlen);
      CHECK(memcmp(got, mu, 64) == 0, "mu entry = reference");
    }
  }
  /* errors: never a read outside the buffers (ASan), documented codes */
  rnd_bytes(msg, 100);
  CHECK(sign_stream(level, 0, -1, sk, P->sk_bytes - 1, ctx, 0, seed, msg, 100, sig, P->sig_bytes) == PQ_ERR_LENGTH, "sign: short secret key");
  CHECK(sign_stream(level, 0, -1, sk, P->sk_bytes, ctx, 256, seed, msg, 100, sig, P->sig_bytes) == PQ_ERR_INPUT, "sign: 256-byte context");
  CHECK(sign_stream(level, 0, 12, sk, P->sk_bytes, ctx, 0, seed, msg, 100, sig, P->sig_bytes) == PQ_ERR_INPUT, "sign: unknown pre-hash");
  CHECK(sign_stream(level, 3, -1, sk, P->sk_bytes, ctx, 0, seed, msg, 100, sig, P->sig_bytes) == PQ_ERR_INPUT, "sign: unknown mode");
  CHECK(sign_stream(level, 2, -1, sk, P->sk_bytes, ctx, 0, seed, msg, 63, sig, P->sig_bytes) == PQ_ERR_INPUT, "sign: mu of 63 bytes");
  CHECK(sign_stream(level, 2, -1, sk, P->sk_bytes, ctx, 0, seed, msg, 65, sig, P->sig_bytes) == PQ_ERR_INPUT, "sign: mu of 65 bytes");
  CHECK(sign_stream(level, 1, -1, sk, P->sk_bytes, ctx, 1, seed, msg, 10, sig, P->sig_bytes) == PQ_ERR_INPUT, "sign: context with M'");
  CHECK(sign_stream(level, 0, -1, sk, P->sk_bytes, ctx, 0, seed, msg, 10, sig, P->sig_bytes - 1) == PQ_ERR_LENGTH, "sign: short output");
  CHECK(sign_stream(-5, 0, -1, sk, P->sk_bytes, ctx, 0, seed, msg, 10, sig, P->sig_bytes) == PQ_ERR_PARAMS, "sign: unknown level");
  CHECK(verify_stream(level, 0, -1, pk, P->pk_bytes - 1, ctx, 0, sig, P->sig_bytes, msg, 10) == 0, "verify: short pk");
  CHECK(verify_stream(level, 0, -1, pk, P->pk_bytes, ctx, 256, sig, P->sig_bytes, msg, 10) == 0, "verify: 256-byte context");
  CHECK(verify_stream(level, 0, -1, pk, P->pk_bytes, ctx, 0, sig, 7, msg, 10) == 0, "verify: short signature");
  CHECK(verify_stream(level, 2, -1, pk, P->pk_bytes, ctx, 0, sig, P->sig_bytes, msg, 3) == 0, "verify: short mu");
  CHECK(verify_prepared_stream(level, 0, -1, prep, preplen - 4, ctx, 0, sig, P->sig_bytes, msg, 10) == 0, "prepared: short");
  CHECK(verify_prepared_stream(level, 0, -1, prep + 1, preplen, ctx, 0, sig, P->sig_bytes, msg, 10) == 0, "prepared: misaligned");
}

/* A well-formed Falcon public key: header, then n random 14-bit values below q, big-endian. */
static void falcon_pk(uint8_t *out, unsigned logn) {
  out[0] = (uint8_t)logn;
  uint32_t acc = 0;
  unsigned bits = 0;
  size_t o = 1;
  for (unsigned i = 0; i < (1u << logn); i++) {
    acc = (acc << 14) | (uint32_t)rnd_range(0, 12288);
    bits += 14;
    while (bits >= 8) {
      bits -= 8;
      out[o++] = (uint8_t)(acc >> bits);
    }
  }
}

static void test_falcon(void) {
  unsigned prepared_runs = 0;
  /* a Falcon verify of arbitrary bytes through the entry = the one-shot functions */
  for (int iter = 0; iter < 200; iter++) {
    const int32_t kind = rnd_range(0, 2);
    const unsigned logn = kind == 0 ? 9 : 10;
    const size_t pklen = iter & 1 ? PQ_FALCON_PK_BYTES(logn) : (size_t)rnd_range(0, 1800);
    const size_t slen = (size_t)rnd_range(0, 1600), mlen = (size_t)rnd_range(0, 600);
    rnd_bytes(pk, pklen);
    if (iter & 1) falcon_pk(pk, logn);
    rnd_bytes(sig, slen);
    rnd_bytes(msg, mlen);
    pq_keccak_state ks;
    int want;
    if (kind == 2) {
      pq_falcon_det_verify_start(&ks, sig, slen);
      pq_keccak_absorb(&ks, msg, mlen);
      want = pq_falcon_det_verify_finish(pk, pklen, sig, slen, &ks);
    } else {
      pq_falcon_verify_start(&ks, sig, slen);
      pq_keccak_absorb(&ks, msg, mlen);
      want = pq_falcon_verify_finish(logn, pk, pklen, sig, slen, &ks);
    }
    pq_bind_state st;
    const int32_t a[1] = {kind};
    const pq_buf in[2] = {{pk, pklen}, {sig, slen}};
    pq_bind_falcon_verify_begin(&st, a, in);
    feed(&st, pq_bind_falcon_verify_update, msg, mlen);
    CHECK(pq_bind_falcon_verify(&st, a, in, 0) == want, "falcon entry = one-shot (kind %d)", kind);
    const pq_buf pin[1] = {{pk, pklen}}, pout[1] = {{prep, PQ_FALCON_PREPARED_BYTES(logn)}};
    const int32_t prc = pq_bind_falcon_prepare(0, a, pin, pout);
    const int direct = pq_falcon_prepare(logn, pk, pklen, prep2);
    CHECK((prc == 0) == (direct == 0), "falcon prepare entry accepts what pq_falcon_prepare accepts");
    if (prc == 0) CHECK(memcmp(prep, prep2, PQ_FALCON_PREPARED_BYTES(logn)) == 0, "same prepared key");
    if (prc == 0) {
      prepared_runs++;
      const pq_buf vin[2] = {{prep, PQ_FALCON_PREPARED_BYTES(logn)}, {sig, slen}};
      pq_bind_falcon_verify_prepared_begin(&st, a, vin);
      feed(&st, pq_bind_falcon_verify_prepared_update, msg, mlen);
      CHECK(pq_bind_falcon_verify_prepared(&st, a, vin, 0) == want, "falcon prepared entry = one-shot");
    }
  }
  CHECK(prepared_runs >= 50, "the prepared path ran (%u times)", prepared_runs);
  const int32_t bad[1] = {3};
  const pq_buf in[2] = {{pk, 897}, {sig, 666}};
  pq_bind_state st;
  pq_bind_falcon_verify_begin(&st, bad, in);
  CHECK(pq_bind_falcon_verify(&st, bad, in, 0) == 0, "falcon: unknown kind");
}

int main(void) {
  CHECK(pq_bind_state_bytes() == sizeof(pq_bind_state), "state size");
  test_mldsa(44);
  test_mldsa(65);
  test_mldsa(87);
  test_falcon();
  return t_summary("binding");
}
