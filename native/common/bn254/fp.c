/* BN254 Fp: conversions, encoding, inversion (bounds in fp.h; the additive operations are inline
 * there). */
#include "bn254/fp.h"

#include <stdint.h>

static const pq_fp FP_P = PQ_BN_P_INIT;

void pq_fp_to_mont(pq_fp *r, const pq_fp *a) {
  static const pq_fp r2 = PQ_BN_R2_INIT; /* < p: the first operand, any a < 2^256 the second */
  pq_fp_mul(r, &r2, a);
}

void pq_fp_from_mont(pq_fp *r, const pq_fp *a) {
  static const pq_fp one = {{1, 0, 0, 0}};
  pq_fp t;
  pq_fp_mul(&t, a, &one); /* (a + M p) / 2^256 <= p */
  pq_fp_canon(r, &t);
}

void pq_fp_from_u64(pq_fp *r, uint64_t x) {
  pq_fp t = {{x, 0, 0, 0}};
  pq_fp_to_mont(r, &t);
}

static void load_be(pq_fp *r, const uint8_t in[32]) {
  for (int i = 0; i < 4; i++) {
    uint64_t w = 0;
    for (int j = 0; j < 8; j++) w = w << 8 | in[8 * (3 - i) + j];
    r->v[i] = w;
  }
}

int pq_fp_from_bytes(pq_fp *r, const uint8_t in[32]) {
  pq_fp x;
  uint64_t d, br = 0;
  load_be(&x, in);
  for (int i = 0; i < 4; i++) br = pq_bn_sbb(&d, x.v[i], FP_P.v[i], br);
  if (!br) { /* x >= p (public data: a branch is fine) */
    for (int i = 0; i < 4; i++) r->v[i] = 0;
    return -1;
  }
  pq_fp_to_mont(r, &x);
  return 0;
}

void pq_fp_from_bytes_reduce(pq_fp *r, const uint8_t in[32]) {
  pq_fp x;
  load_be(&x, in);
  pq_fp_to_mont(r, &x);
}

void pq_fp_to_bytes(uint8_t out[32], const pq_fp *a) {
  pq_fp x;
  pq_fp_from_mont(&x, a);
  for (int i = 0; i < 4; i++)
    for (int j = 0; j < 8; j++) out[8 * (3 - i) + j] = (uint8_t)(x.v[i] >> (56 - 8 * j));
}

int pq_fp_is_zero(const pq_fp *a) {
  pq_fp c;
  pq_fp_canon(&c, a);
  uint64_t z = c.v[0] | c.v[1] | c.v[2] | c.v[3];
  return (int)(((z | ((uint64_t)0 - z)) >> 63) ^ 1);
}

int pq_fp_equal(const pq_fp *a, const pq_fp *b) {
  pq_fp x, y;
  pq_fp_canon(&x, a);
  pq_fp_canon(&y, b);
  uint64_t z = 0;
  for (int i = 0; i < 4; i++) z |= x.v[i] ^ y.v[i];
  return (int)(((z | ((uint64_t)0 - z)) >> 63) ^ 1);
}

void pq_fp_pow(pq_fp *r, const pq_fp *a, const uint64_t e[4]) {
  /* fixed 4-bit window: 14 products of precomputation, then 4 squarings and at most one product
   * per nibble */
  pq_fp tab[16], acc = PQ_BN_ONE_INIT;
  tab[0] = acc;
  tab[1] = *a;
  for (int i = 2; i < 16; i++) pq_fp_mul(&tab[i], &tab[i - 1], a);
  int started = 0;
  for (int i = 63; i >= 0; i--) {
    unsigned nib = (unsigned)(e[i / 16] >> (4 * (i % 16))) & 15;
    if (started) {
      for (int k = 0; k < 4; k++) pq_fp_sqr(&acc, &acc);
    }
    if (nib) {
      if (started)
        pq_fp_mul(&acc, &acc, &tab[nib]);
      else
        acc = tab[nib];
      started = 1;
    }
  }
  *r = acc;
}

void pq_fp_inv(pq_fp *r, const pq_fp *a) {
  static const pq_fp pm2 = PQ_BN_P_MINUS_2_INIT;
  pq_fp_pow(r, a, pm2.v);
}
