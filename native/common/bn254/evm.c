/* The EVM precompiles ecAdd (0x06), ecMul (0x07) and ecPairing (0x08) of EIP-196/197 (bn254.h). */
#include "bn254/bn254.h"
#include "bn254/pairing.h"

/* the first n bytes of in, zero-padded to len (EIP-196: short input is right-padded) */
static void padded(uint8_t *dst, size_t len, const uint8_t *in, size_t n) {
  for (size_t i = 0; i < len; i++) dst[i] = i < n ? in[i] : 0;
}

static void zero(uint8_t *p, size_t n) {
  for (size_t i = 0; i < n; i++) p[i] = 0;
}

int32_t pq_bn254_ec_add(uint8_t out[64], const uint8_t *in, size_t len) {
  uint8_t buf[128];
  pq_g1_aff a, b, s;
  pq_g1_jac t;
  padded(buf, sizeof buf, in, len);
  int32_t err = pq_g1_decode(&a, buf);
  if (!err) err = pq_g1_decode(&b, buf + 64);
  if (err) {
    zero(out, 64);
    return err;
  }
  pq_g1_from_aff(&t, &a);
  pq_g1_add_aff(&t, &t, &b);
  pq_g1_to_aff(&s, &t);
  pq_g1_encode(out, &s);
  return 0;
}

int32_t pq_bn254_ec_mul(uint8_t out[64], const uint8_t *in, size_t len) {
  uint8_t buf[96];
  pq_g1_aff a, s;
  pq_g1_jac t;
  uint32_t k[8];
  padded(buf, sizeof buf, in, len);
  const int32_t err = pq_g1_decode(&a, buf);
  if (err) {
    zero(out, 64);
    return err;
  }
  pq_bn_scalar_from_bytes(k, buf + 64);
  pq_g1_mul(&t, &a, k);
  pq_g1_to_aff(&s, &t);
  pq_g1_encode(out, &s);
  return 0;
}

int32_t pq_bn254_ec_pairing(uint8_t out[32], const uint8_t *in, size_t len) {
  zero(out, 32);
  if (len % 192) return PQ_ERR_BN_PAIRING_LENGTH;
  /* pairs with a point at infinity contribute 1 and are left out; the others go through multi-Miller
   * loops of up to PQ_BN_PAIRS_MAX pairs each, whose product gets one final exponentiation */
  pq_g1_aff p[PQ_BN_PAIRS_MAX];
  pq_g2_aff q[PQ_BN_PAIRS_MAX];
  pq_fp12 f, g;
  size_t n = 0;
  int have = 0;
  for (size_t off = 0; off < len; off += 192) {
    int32_t err = pq_g1_decode(&p[n], in + off);
    if (!err) err = pq_g2_decode(&q[n], in + off + 64);
    if (err) return err;
    if (!p[n].inf && !q[n].inf) n++;
    if (n == PQ_BN_PAIRS_MAX || (off + 192 == len && n)) {
      pq_bn_miller_loop(have ? &g : &f, p, q, n, 0, 0, 0);
      if (have) pq_fp12_mul(&f, &f, &g);
      have = 1;
      n = 0;
    }
  }
  int one = 1;
  if (have) {
    pq_bn_final_exp(&f, &f);
    one = pq_fp12_is_one(&f);
  }
  out[31] = (uint8_t)one;
  return 0;
}
