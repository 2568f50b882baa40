/* Falcon verification (kind 0 Falcon-512, 1 Falcon-1024, 2 det1024) of arbitrary bytes through
 * the binding entries; the seed corpus holds the vectors of vectors/falcon, which the fuzzer edits.
 * Input: kind (u8 mod 4: 3 is an unknown kind), chunk seed (u16), pk length, sig length (u16
 * each), then pk, sig, and the rest is the message.
 * Checks: the verdict is 0/1 (0 for an unknown kind); the streamed entry = the one-shot scheme
 * functions; the prepare entry accepts exactly what pq_falcon_prepare accepts; a key that does not
 * prepare verifies nothing; prepared and plain verify agree. */
#include "falcon/falcon.h"
#include "fuzz_util.h"

static _Alignas(8) uint8_t prep[2048], prep2[2048];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fz_reader r = {data, size};
  const int32_t kind = fz_u8(&r) % 4;
  const uint32_t seed = fz_u16(&r);
  const size_t pkl = fz_u16(&r), sl = fz_u16(&r);
  size_t pkn, sn, mn;
  const uint8_t *pkp = fz_bytes(&r, pkl, &pkn), *sp = fz_bytes(&r, sl, &sn);
  const uint8_t *mp = fz_bytes(&r, r.n, &mn);
  uint8_t *pk = fz_dup(pkp, pkn), *sig = fz_dup(sp, sn), *msg = fz_dup(mp, mn);
  const unsigned logn = kind == 0 ? 9 : 10;

  pq_bind_state st;
  const int32_t a[1] = {kind};
  const pq_buf in[2] = {{pk, pkn}, {sig, sn}};
  pq_bind_falcon_verify_begin(&st, a, in);
  fz_feed(&st, pq_bind_falcon_verify_update, msg, mn, seed);
  const int32_t v = pq_bind_falcon_verify(&st, a, in, 0);
  FUZZ_CHECK(v == 0 || v == 1, "verdict %d", v);
  if (kind == 3) {
    FUZZ_CHECK(v == 0, "unknown kind accepted");
  } else {
    pq_keccak_state ks;
    int want;
    if (kind == 2) {
      pq_falcon_det_verify_start(&ks, sig, sn);
      pq_keccak_absorb(&ks, msg, mn);
      want = pq_falcon_det_verify_finish(pk, pkn, sig, sn, &ks);
    } else {
      pq_falcon_verify_start(&ks, sig, sn);
      pq_keccak_absorb(&ks, msg, mn);
      want = pq_falcon_verify_finish(logn, pk, pkn, sig, sn, &ks);
    }
    FUZZ_CHECK(want == v, "entry %d vs one-shot %d (kind %d)", v, want, kind);
    const pq_buf pin[1] = {{pk, pkn}}, pout[1] = {{prep, PQ_FALCON_PREPARED_BYTES(logn)}};
    const int32_t prc = pq_bind_falcon_prepare(0, a, pin, pout);
    const int direct = pq_falcon_prepare(logn, pk, pkn, prep2);
    FUZZ_CHECK((prc == 0) == (direct == 0), "prepare entry %d vs pq_falcon_prepare %d", prc, direct);
    if (prc == 0) {
      FUZZ_CHECK(memcmp(prep, prep2, PQ_FALCON_PREPARED_BYTES(logn)) == 0, "prepared keys differ");
      const pq_buf vin[2] = {{prep, PQ_FALCON_PREPARED_BYTES(logn)}, {sig, sn}};
      pq_bind_falcon_verify_prepared_begin(&st, a, vin);
      fz_feed(&st, pq_bind_falcon_verify_prepared_update, msg, mn, seed ^ 0x133);
      const int32_t vp = pq_bind_falcon_verify_prepared(&st, a, vin, 0);
      FUZZ_CHECK(vp == v, "prepared %d vs plain %d (kind %d)", vp, v, kind);
    } else {
      FUZZ_CHECK(v == 0, "a key that does not prepare verified (kind %d)", kind);
    }
  }
  free(pk);
  free(sig);
  free(msg);
  return 0;
}
