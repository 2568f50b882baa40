/* ML-DSA signing with arbitrary or mutated secret keys through the binding entries.
 * Input: level index, key source (even: a real key from a fixed seed with the input's byte edits;
 * odd: the input's bytes as the key), mode, ph, chunk seed (u16), ctx length, rnd (32 bytes), then
 * either edits (count u8, then (position u16, xor u8) each) or the key bytes, then the message.
 * Mode, ph, context and message are always valid, so the result must be 0 (a signature) or
 * PQ_ERR_SECRET_KEY, the error exactly when pq_mldsa_sk_check fails. Signing is deterministic
 * (same rnd, another chunking: the same bytes), and a signature verifies against the public key
 * recomputed by pq_bind_mldsa_public_key when that succeeds. */
#include "fuzz_util.h"
#include "mldsa/mldsa.h"

static uint8_t pk0[3][2592], sk0[3][4896];
static const int32_t LEVELS[3] = {44, 65, 87};

static void init(void) {
  static int done;
  if (done) return;
  done = 1;
  for (int i = 0; i < 3; i++) {
    uint8_t seed[32];
    for (int j = 0; j < 32; j++) seed[j] = (uint8_t)(j * 13 + i + 1);
    FUZZ_CHECK(pq_mldsa_keygen((unsigned)LEVELS[i], seed, pk0[i], sk0[i]) == 0, "keygen");
  }
}

static int32_t sign(const int32_t *a, const pq_buf *in, const uint8_t *m, size_t mlen, uint8_t *sig,
                    size_t siglen, uint32_t seed) {
  pq_bind_state st;
  const pq_buf out[1] = {{sig, siglen}};
  pq_bind_mldsa_sign_begin(&st, a, in);
  fz_feed(&st, pq_bind_mldsa_sign_update, m, mlen, seed);
  return pq_bind_mldsa_sign(&st, a, in, out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  init();
  fz_reader r = {data, size};
  const int li = fz_u8(&r) % 3;
  const int32_t level = LEVELS[li];
  const pq_mldsa_params *P = pq_mldsa_params_get((unsigned)level);
  const uint8_t src = fz_u8(&r), mb = fz_u8(&r), pb = fz_u8(&r);
  const int32_t mode = mb % 3;
  const int32_t ph = mode == PQ_MODE_EXTERNAL && (pb & 0x80) ? pb % PQ_PH_COUNT : -1;
  const uint32_t seed = fz_u16(&r);
  const size_t cl = mode == PQ_MODE_EXTERNAL ? fz_u8(&r) : 0;
  uint8_t rnd[32] = {0};
  size_t got;
  const uint8_t *rp = fz_bytes(&r, 32, &got);
  memcpy(rnd, rp, got);
  uint8_t *sk = (uint8_t *)malloc(P->sk_bytes);
  if (src & 1) {
    const uint8_t *kp = fz_bytes(&r, P->sk_bytes, &got);
    memset(sk, 0, P->sk_bytes);
    memcpy(sk, kp, got);
  } else {
    memcpy(sk, sk0[li], P->sk_bytes);
    for (unsigned e = fz_u8(&r) % 16; e > 0; e--) {
      const size_t pos = fz_u16(&r) % P->sk_bytes;
      sk[pos] ^= fz_u8(&r);
    }
  }
  size_t cn, mn;
  const uint8_t *cp = fz_bytes(&r, cl, &cn);
  const uint8_t *mp = fz_bytes(&r, mode == PQ_MODE_MU ? 64 : r.n, &mn);
  uint8_t mu64[64] = {0};
  if (mode == PQ_MODE_MU) {
    memcpy(mu64, mp, mn);
    mp = mu64;
    mn = 64;
  }
  uint8_t *ctx = fz_dup(cp, cn), *msg = fz_dup(mp, mn);
  uint8_t *sig = (uint8_t *)malloc(P->sig_bytes), *sig2 = (uint8_t *)malloc(P->sig_bytes);

  const int32_t a[3] = {level, mode, ph};
  const pq_buf in[3] = {{sk, P->sk_bytes}, {ctx, cn}, {rnd, 32}};
  const int32_t rc = sign(a, in, msg, mn, sig, P->sig_bytes, seed);
  const int bad_sk = pq_mldsa_sk_check((unsigned)level, sk) != 0;
  FUZZ_CHECK(rc == 0 || rc == PQ_ERR_SECRET_KEY, "sign returned %d", rc);
  FUZZ_CHECK((rc == PQ_ERR_SECRET_KEY) == bad_sk, "sign %d but sk_check says %s", rc,
             bad_sk ? "bad" : "good");
  if (rc == 0) {
    FUZZ_CHECK(sign(a, in, msg, mn, sig2, P->sig_bytes, seed ^ 0x1A5) == 0, "second sign");
    FUZZ_CHECK(memcmp(sig, sig2, P->sig_bytes) == 0, "signing is not deterministic");
    uint8_t *pk = (uint8_t *)malloc(P->pk_bytes);
    const int32_t la[1] = {level};
    const pq_buf kin[1] = {{sk, P->sk_bytes}}, kout[1] = {{pk, P->pk_bytes}};
    const int32_t prc = pq_bind_mldsa_public_key(0, la, kin, kout);
    FUZZ_CHECK(prc == 0 || prc == PQ_ERR_SECRET_KEY, "public_key returned %d", prc);
    if (!(src & 1) && memcmp(sk, sk0[li], P->sk_bytes) == 0)
      FUZZ_CHECK(prc == 0 && memcmp(pk, pk0[li], P->pk_bytes) == 0, "public key of the real key");
    if (prc == 0) {
      pq_bind_state st;
      const pq_buf vin[3] = {{pk, P->pk_bytes}, {ctx, cn}, {sig, P->sig_bytes}};
      pq_bind_mldsa_verify_begin(&st, a, vin);
      fz_feed(&st, pq_bind_mldsa_verify_update, msg, mn, seed + 3);
      FUZZ_CHECK(pq_bind_mldsa_verify(&st, a, vin, 0) == 1,
                 "a signature does not verify under the recomputed public key");
    }
    free(pk);
  }
  free(sk);
  free(ctx);
  free(msg);
  free(sig);
  free(sig2);
  return 0;
}
