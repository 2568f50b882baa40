/* ML-DSA verification of arbitrary bytes through the binding entries.
 * Input: level selector, mode, ph, chunk seed (2 bytes), pk length, ctx length, sig length
 * (u16 each), then pk, ctx, sig, and the rest is the message.
 * Checks: the verdict is 0/1; wrong key/signature lengths give 0; the verdict is the same with the
 * message streamed in two different input-chosen chunkings, through the prepared key (when the key
 * has the right length: prepare must then succeed) and through pq_mldsa_verify_mu on the mu
 * entry's output. */
#include "fuzz_util.h"
#include "mldsa/mldsa.h"

static _Alignas(8) uint8_t prep[65600];

static int32_t verify(int32_t (*end)(pq_bind_state *, const int32_t *, const pq_buf *, const pq_buf *),
                      void (*begin)(pq_bind_state *, const int32_t *, const pq_buf *), fz_update_fn up,
                      const int32_t *a, const pq_buf *in, const uint8_t *m, size_t mlen,
                      uint32_t seed) {
  pq_bind_state st;
  begin(&st, a, in);
  fz_feed(&st, up, m, mlen, seed);
  return end(&st, a, in, 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fz_reader r = {data, size};
  const int32_t level = fz_level(fz_u8(&r));
  const uint8_t mb = fz_u8(&r), pb = fz_u8(&r);
  const int32_t mode = (int32_t)(mb % 5) - (mb % 5 == 4 ? 5 : 0); /* 0, 1, 2, 3, -1 */
  const int32_t ph = pb & 0x80 ? -1 : (int32_t)(pb % 16) - 2;    /* -2 .. 13, mostly -1 */
  const uint32_t seed = fz_u16(&r);
  const size_t pkl = fz_u16(&r), cl = fz_u16(&r), sl = fz_u16(&r);
  size_t pkn, cn, sn, mn;
  const uint8_t *pkp = fz_bytes(&r, pkl, &pkn), *cp = fz_bytes(&r, cl, &cn), *sp = fz_bytes(&r, sl, &sn);
  const uint8_t *mp = fz_bytes(&r, r.n, &mn);
  uint8_t *pk = fz_dup(pkp, pkn), *ctx = fz_dup(cp, cn), *sig = fz_dup(sp, sn), *msg = fz_dup(mp, mn);

  const int32_t a[3] = {level, mode, ph};
  const pq_buf in[3] = {{pk, pkn}, {ctx, cn}, {sig, sn}};
  const int32_t v1 = verify(pq_bind_mldsa_verify, pq_bind_mldsa_verify_begin,
                            pq_bind_mldsa_verify_update, a, in, msg, mn, seed);
  FUZZ_CHECK(v1 == 0 || v1 == 1, "verdict %d", v1);
  const int32_t v2 = verify(pq_bind_mldsa_verify, pq_bind_mldsa_verify_begin,
                            pq_bind_mldsa_verify_update, a, in, msg, mn, seed ^ 0x1FF);
  FUZZ_CHECK(v1 == v2, "chunking changed the verdict: %d vs %d", v1, v2);

  const pq_mldsa_params *P = level > 0 ? pq_mldsa_params_get((unsigned)level) : 0;
  if (!P || pkn != P->pk_bytes || sn != P->sig_bytes)
    FUZZ_CHECK(v1 == 0, "accepted with wrong lengths (level %d pk %zu sig %zu)", level, pkn, sn);

  /* mu entry, then the scheme function on it */
  {
    pq_bind_state st;
    uint8_t mu[64];
    const pq_buf out[1] = {{mu, 64}};
    pq_bind_mldsa_mu_begin(&st, a, in);
    fz_feed(&st, pq_bind_mldsa_mu_update, msg, mn, seed + 7);
    const int32_t rc = pq_bind_mldsa_mu(&st, a, in, out);
    FUZZ_CHECK(rc <= 0, "mu rc %d", rc);
    if (rc < 0) {
      FUZZ_CHECK(v1 == 0, "verify accepted where the mu entry failed (%d)", rc);
    } else if (level > 0) {
      const int v3 = pq_mldsa_verify_mu((unsigned)level, pk, pkn, mu, sig, sn);
      FUZZ_CHECK(v3 == v1, "verify_mu %d vs entry %d", v3, v1);
    }
  }

  /* prepared key */
  if (P && pkn == P->pk_bytes) {
    const size_t pl = pq_mldsa_prepared_bytes((unsigned)level);
    const int32_t la[1] = {level};
    const pq_buf pin[1] = {{pk, pkn}}, pout[1] = {{prep, pl}};
    const int32_t rc = pq_bind_mldsa_prepare(0, la, pin, pout);
    FUZZ_CHECK(rc == 0, "prepare of a right-length key: %d", rc);
    const pq_buf vin[3] = {{prep, pl}, {ctx, cn}, {sig, sn}};
    const int32_t v4 = verify(pq_bind_mldsa_verify_prepared, pq_bind_mldsa_verify_prepared_begin,
                              pq_bind_mldsa_verify_prepared_update, a, vin, msg, mn, seed ^ 0x55);
    FUZZ_CHECK(v4 == v1, "prepared %d vs plain %d", v4, v1);
  }
  free(pk);
  free(ctx);
  free(sig);
  free(msg);
  return 0;
}
