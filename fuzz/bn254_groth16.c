/* The BN254 Groth16 decoders (bn254_groth16_prepare, _verify, _verify_batch) on hostile input:
 * never crash, never read past a buffer, prepare returns 0 or a documented error, verify 0 or 1,
 * and single verification agrees with a batch of one (any non-zero coefficient).
 * Input: mode (u8), vk length (u16), publics length (u16), proof length (u16), coefficient (16
 * bytes), then vk, publics and proof bytes (fewer at the end of the input), then
 *   mode bit 0: edits of the prepared key (count u8 % 8, each position u16 (mod the blob's length),
 *   xor u8) before verifying: a damaged blob gives 0 or 1 and no crash (a header, length or value
 *   damage gives 0);
 *   mode bit 1: the publics reduced to the key's count and each below r (so the proof decoders are
 *   reached more often).
 * The seed corpus holds the real fixtures (vectors/bn254/groth16) in this format. */
#include "bn254/bn254.h"
#include "fuzz_util.h"

static int32_t verify(const uint8_t *prep, size_t plen, const uint8_t *pub, size_t pn,
                      const uint8_t *proof, size_t prn) {
  pq_bind_state st;
  const pq_buf in[3] = {{(uint8_t *)prep, plen}, {(uint8_t *)pub, pn}, {(uint8_t *)proof, prn}};
  const int32_t r = pq_bind_bn254_groth16_verify(&st, NULL, in, NULL);
  FUZZ_CHECK(r == 0 || r == 1, "verify %d", r);
  return r;
}

static int32_t batch(const uint8_t *prep, size_t plen, const uint8_t *pub, size_t pn,
                     const uint8_t *proof, size_t prn, const uint8_t *c, size_t cn) {
  pq_bind_state st;
  const pq_buf in[4] = {
      {(uint8_t *)prep, plen}, {(uint8_t *)pub, pn}, {(uint8_t *)proof, prn}, {(uint8_t *)c, cn}};
  const int32_t r = pq_bind_bn254_groth16_verify_batch(&st, NULL, in, NULL);
  FUZZ_CHECK(r == 0 || r == 1, "batch %d", r);
  return r;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fz_reader r = {data, size};
  const uint8_t mode = fz_u8(&r);
  const size_t vl = fz_u16(&r), pl = fz_u16(&r), rl = fz_u16(&r);
  size_t got, vn, pn, rn;
  uint8_t coeff[16] = {0};
  const uint8_t *c = fz_bytes(&r, 16, &got);
  memcpy(coeff, c, got);
  uint8_t *vk = fz_dup(fz_bytes(&r, vl, &vn), vn);
  uint8_t *pub = fz_dup(fz_bytes(&r, pl, &pn), pn);
  uint8_t *proof = fz_dup(fz_bytes(&r, rl, &rn), rn);
  /* prepare into a buffer of exactly the size the key's length calls for */
  const size_t n = vn >= PQ_BN254_G16_VK_BYTES(0) ? (vn - PQ_BN254_G16_VK_BYTES(0)) / 64 : 0;
  const uint32_t plen =
      pq_bn254_groth16_prepared_bytes(n > PQ_BN254_G16_MAX_PUBLIC ? 0 : (uint32_t)n);
  uint8_t *prep = (uint8_t *)malloc(plen);
  pq_bind_state st;
  const pq_buf vin[1] = {{vk, vn}}, pout[1] = {{prep, plen}};
  const int32_t pr = pq_bind_bn254_groth16_prepare(&st, NULL, vin, pout);
  const int length_ok = vn >= PQ_BN254_G16_VK_BYTES(0) && (vn - PQ_BN254_G16_VK_BYTES(0)) % 64 == 0;
  FUZZ_CHECK(length_ok ? (pr == 0 || pr == PQ_ERR_BN_COORD || pr == PQ_ERR_BN_G1 ||
                          pr == PQ_ERR_BN_G2 || pr == PQ_ERR_BN_SUBGROUP)
                       : pr == PQ_ERR_LENGTH,
             "prepare %d for a key of %zu bytes", pr, vn);
  if (pr == 0) {
    if (mode & 2) { /* n publics below r: clear the top bits of each */
      uint8_t *p2 = (uint8_t *)calloc(32 * n + 1, 1);
      memcpy(p2, pub, pn < 32 * n ? pn : 32 * n);
      for (size_t i = 0; i < n; i++) p2[32 * i] &= 0x1f;
      free(pub);
      pub = fz_dup(p2, 32 * n);
      pn = 32 * n;
      free(p2);
    }
    if (mode & 1) {
      const unsigned edits = fz_u8(&r) % 8;
      for (unsigned e = 0; e < edits; e++) {
        const size_t pos = fz_u16(&r) % plen;
        prep[pos] ^= fz_u8(&r);
      }
      if (edits && (prep[0] != 'B' || prep[4] != 1)) /* the header is checked */
        FUZZ_CHECK(verify(prep, plen, pub, pn, proof, rn) == 0, "damaged header accepted");
    }
    const int32_t v = verify(prep, plen, pub, pn, proof, rn);
    FUZZ_CHECK(verify(prep, plen - 1, pub, pn, proof, rn) == 0, "short blob accepted");
    uint8_t one[16] = {0};
    one[15] = 1;
    int any = 0;
    for (int i = 0; i < 16; i++) any |= coeff[i];
    if (rn == PQ_BN254_G16_PROOF_BYTES) {
      /* a batch of one: the verdict of the single check for any non-zero coefficient, 0 for 0 */
      const int32_t b = batch(prep, plen, pub, pn, proof, rn, any ? coeff : one, 16);
      FUZZ_CHECK(b == v, "batch of one %d, single %d", b, v);
      if (!any)
        FUZZ_CHECK(batch(prep, plen, pub, pn, proof, rn, coeff, 16) == 0,
                   "zero coefficient accepted");
    } else {
      FUZZ_CHECK(v == 0, "proof of %zu bytes accepted", rn);
    }
  }
  free(vk);
  free(pub);
  free(proof);
  free(prep);
  return 0;
}
