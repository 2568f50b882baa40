/* ML-DSA end to end on the C core: ACVP keyGen answers, sign/verify round
 * trips, tampering, malformed keys, and the verifier's length checks. */
#include "mldsa/mldsa.h"
#include "test_util.h"

static const struct {
  unsigned name;
  const char *seed, *pk_sha3, *sk_sha3;
} KAT[3] = {
    /* first keyGen case of each ACVP group; the digests are SHA3-256 of its expected pk and sk */
    {44, "7194B13C95231010AFD2C909992BD2003BA6F437C3886BDBE3F6B867A14BA161",
     "d8d9aa0403ddc91a7f2ab668fea9e85f59a6f519beb9499ffc937d6ed76442e3",
     "0772f7ccc3674b859c9ed70da44b3559cec44bbdf75b8ea31e04a23fa6871b24"},
    {65, "A991FD42B071D49C48AE3E75C647459E0DAAD1E1BA356A04801912D3294BCFF8",
     "0083e4d4f562780dd5ef685c88db5afcdac44d1b4be5e4253d0de771100316f3",
     "9a6fe5796bc8b61c6eb274cc5905b3d3ce21693c9e7fd32db79b1cff49e93717"},
    {87, "A16F5B0796703E2D1A0140A35CBF36EFABE70E752BA59B6A9A0E9C4B05302F73",
     "9df39232077a88b3b36c0d4b37d2d369f942baaaa436cf5486a1f09d45d7ce0b",
     "c41388f22cf3bc0ce79eb5fccfafeee5ec31e3d4321a8befe7f230d6c4841cf0"},
};

static void mu_of(uint8_t mu[64], const uint8_t tr[64], const uint8_t *msg, size_t len,
                  const uint8_t *ctx, size_t ctxlen) {
  pq_keccak_state st;
  pq_mldsa_mu_init(&st, tr);
  pq_mldsa_mu_absorb_prefix(&st, 0, ctx, ctxlen);
  pq_keccak_absorb(&st, msg, len);
  pq_mldsa_mu_final(&st, mu);
}

int main(void) {
  static uint8_t pk[2592], sk[4896], sig[4627], sig2[4627], bad[4896];
  static _Alignas(64) uint8_t prep[65600];
  uint8_t seed[32], digest[32], tr[64], mu[64], rnd[32] = {0}, msg[300];

  for (int i = 0; i < 3; i++) {
    const pq_mldsa_params *P = pq_mldsa_params_get(KAT[i].name);
    from_hex(seed, KAT[i].seed);
    CHECK(pq_mldsa_keygen(KAT[i].name, seed, pk, sk) == PQ_OK, "keygen %u", KAT[i].name);
    pq_sha3(digest, 32, pk, P->pk_bytes);
    CHECK(eq_hex(digest, KAT[i].pk_sha3), "ACVP keyGen pk, ML-DSA-%u", KAT[i].name);
    pq_sha3(digest, 32, sk, P->sk_bytes);
    CHECK(eq_hex(digest, KAT[i].sk_sha3), "ACVP keyGen sk, ML-DSA-%u", KAT[i].name);
    CHECK(pq_mldsa_sk_check(KAT[i].name, sk) == PQ_OK, "generated sk is in range");

    for (int iter = 0; iter < 20; iter++) {
      size_t len = (size_t)(rnd64() % sizeof msg);
      uint8_t ctx[8];
      rnd_bytes(msg, len);
      rnd_bytes(ctx, sizeof ctx);
      pq_mldsa_pk_tr(pk, P->pk_bytes, tr);
      CHECK(memcmp(tr, pq_mldsa_sk_tr(sk), 64) == 0, "tr in sk equals H(pk)");
      mu_of(mu, tr, msg, len, ctx, iter % 9);
      if (iter & 1) rnd_bytes(rnd, 32);
      CHECK(pq_mldsa_sign_mu(KAT[i].name, sk, mu, rnd, sig) == PQ_OK, "sign");
      CHECK(pq_mldsa_sign_mu(KAT[i].name, sk, mu, rnd, sig2) == PQ_OK, "sign again");
      CHECK(memcmp(sig, sig2, P->sig_bytes) == 0, "same rnd, same signature");
      CHECK(pq_mldsa_verify_mu(KAT[i].name, pk, P->pk_bytes, mu, sig, P->sig_bytes) == 1, "verify");
      CHECK(pq_mldsa_prepare(KAT[i].name, pk, P->pk_bytes, prep) == PQ_OK, "prepare");
      CHECK(pq_mldsa_prepared_bytes(KAT[i].name) == 64 + (P->k * P->l + P->k) * 1024u, "prepared size");
      CHECK(memcmp(prep, tr, 64) == 0, "prepared tr");
      CHECK(pq_mldsa_verify_prepared(KAT[i].name, prep, mu, sig, P->sig_bytes) == 1, "verify prepared");
      /* tampering */
      size_t bit = (size_t)(rnd64() % (8 * P->sig_bytes));
      sig[bit / 8] ^= (uint8_t)(1 << (bit % 8));
      CHECK(pq_mldsa_verify_mu(KAT[i].name, pk, P->pk_bytes, mu, sig, P->sig_bytes) == 0, "bit %zu flipped", bit);
      CHECK(pq_mldsa_verify_prepared(KAT[i].name, prep, mu, sig, P->sig_bytes) == 0, "prepared: bit %zu flipped", bit);
      sig[bit / 8] ^= (uint8_t)(1 << (bit % 8));
      mu[rnd64() % 64] ^= 1;
      CHECK(pq_mldsa_verify_mu(KAT[i].name, pk, P->pk_bytes, mu, sig, P->sig_bytes) == 0, "other mu");
      CHECK(pq_mldsa_verify_mu(KAT[i].name, pk, P->pk_bytes - 1, mu, sig, P->sig_bytes) == 0, "short pk");
      CHECK(pq_mldsa_verify_mu(KAT[i].name, pk, P->pk_bytes, mu, sig, P->sig_bytes - 1) == 0, "short sig");
      CHECK(pq_mldsa_verify_mu(KAT[(i + 1) % 3].name, pk, P->pk_bytes, mu, sig, P->sig_bytes) == 0, "wrong set");
    }
    /* an out-of-range s1 coefficient: eta=2 encodes 3 bits per value, 7 > 2 eta */
    memcpy(bad, sk, P->sk_bytes);
    bad[128] |= 0x07;
    if (P->eta == 4) bad[128] |= 0x0F;
    CHECK(pq_mldsa_sk_check(KAT[i].name, bad) == PQ_ERR_SECRET_KEY, "out-of-range sk detected");
    CHECK(pq_mldsa_sign_mu(KAT[i].name, bad, mu, rnd, sig) == PQ_ERR_SECRET_KEY, "sign refuses it");
    /* hint encoding with indices out of order must be rejected */
    mu_of(mu, tr, msg, 0, msg, 0);
    CHECK(pq_mldsa_sign_mu(KAT[i].name, sk, mu, rnd, sig) == PQ_OK, "sign");
    uint8_t *h = sig + P->ctildebytes + P->l * P->polyz_bytes;
    if (h[P->omega] >= 2) {
      uint8_t t = h[0];
      h[0] = h[1];
      h[1] = t;
      CHECK(pq_mldsa_verify_mu(KAT[i].name, pk, P->pk_bytes, mu, sig, P->sig_bytes) == 0, "unordered hints");
      h[1] = h[0];
      h[0] = t;
    }
    CHECK(pq_mldsa_verify_mu(KAT[i].name, pk, P->pk_bytes, mu, sig, P->sig_bytes) == 1, "restored");
    h[P->omega + P->k - 1] = (uint8_t)(P->omega + 1);
    CHECK(pq_mldsa_verify_mu(KAT[i].name, pk, P->pk_bytes, mu, sig, P->sig_bytes) == 0, "hint count > omega");
  }
  CHECK(pq_mldsa_keygen(42, seed, pk, sk) == PQ_ERR_PARAMS, "unknown parameter set");
  CHECK(pq_mldsa_verify_mu(42, pk, 0, mu, sig, 0) == 0, "unknown parameter set verify");
  return t_summary("mldsa");
}
