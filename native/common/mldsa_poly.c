/* ML-DSA polynomial sampling and bit packing (FIPS 204 Sections 7.1-7.3). */
#include "mldsa_poly.h"

#include "fips202.h"
#include "pq_ct.h"
#include "pq_util.h"

/* ---- sampling ------------------------------------------------------------- */

#define UNIFORM_NBLOCKS ((768 + PQ_SHAKE128_RATE - 1) / PQ_SHAKE128_RATE) /* 5 */

void pq_mldsa_poly_uniform(pq_poly *a, const uint8_t rho[32], uint16_t nonce) {
  uint8_t seed[34];
  uint8_t buf[UNIFORM_NBLOCKS * PQ_SHAKE128_RATE];
  pq_keccak_state st;
  pq_copy(seed, rho, 32);
  seed[32] = (uint8_t)nonce;
  seed[33] = (uint8_t)(nonce >> 8);
  pq_shake128_init(&st);
  pq_keccak_absorb(&st, seed, sizeof seed);
  pq_shake_finalize(&st);
  pq_keccak_squeezeblocks(&st, buf, UNIFORM_NBLOCKS);
  unsigned ctr = pq_rej_uniform(a->coeffs, PQ_N, buf, sizeof buf);
  while (ctr < PQ_N) {
    pq_keccak_squeezeblocks(&st, buf, 1);
    ctr += pq_rej_uniform(a->coeffs + ctr, PQ_N - ctr, buf, PQ_SHAKE128_RATE);
  }
}

void pq_mldsa_poly_uniform_x4(pq_poly *a0, pq_poly *a1, pq_poly *a2, pq_poly *a3,
                              const uint8_t rho[32], uint16_t n0, uint16_t n1, uint16_t n2,
                              uint16_t n3) {
  uint8_t seed[4][34];
  uint8_t buf[4][UNIFORM_NBLOCKS * PQ_SHAKE128_RATE];
  pq_poly *a[4] = {a0, a1, a2, a3};
  const uint16_t nonce[4] = {n0, n1, n2, n3};
  unsigned ctr[4];
  pq_keccak_x4_state st;
  for (unsigned k = 0; k < 4; k++) {
    pq_copy(seed[k], rho, 32);
    seed[k][32] = (uint8_t)nonce[k];
    seed[k][33] = (uint8_t)(nonce[k] >> 8);
  }
  pq_shake_x4_absorb_once(&st, PQ_SHAKE128_RATE, seed[0], seed[1], seed[2], seed[3], 34);
  pq_shake_x4_squeezeblocks(&st, buf[0], buf[1], buf[2], buf[3], UNIFORM_NBLOCKS);
  for (unsigned k = 0; k < 4; k++)
    ctr[k] = pq_rej_uniform(a[k]->coeffs, PQ_N, buf[k], sizeof buf[k]);
  while (ctr[0] < PQ_N || ctr[1] < PQ_N || ctr[2] < PQ_N || ctr[3] < PQ_N) {
    pq_shake_x4_squeezeblocks(&st, buf[0], buf[1], buf[2], buf[3], 1);
    for (unsigned k = 0; k < 4; k++)
      ctr[k] += pq_rej_uniform(a[k]->coeffs + ctr[k], PQ_N - ctr[k], buf[k], PQ_SHAKE128_RATE);
  }
}

void pq_mldsa_poly_uniform_eta(pq_poly *a, const uint8_t rhoprime[64], uint16_t nonce,
                               int32_t eta) {
  uint8_t seed[66];
  uint8_t buf[2 * PQ_SHAKE256_RATE];
  const unsigned nblocks = eta == 2 ? 1 : 2;
  pq_keccak_state st;
  pq_copy(seed, rhoprime, 64);
  seed[64] = (uint8_t)nonce;
  seed[65] = (uint8_t)(nonce >> 8);
  pq_shake256_init(&st);
  pq_keccak_absorb(&st, seed, sizeof seed);
  pq_shake_finalize(&st);
  /* Which nibbles are rejected is independent of the accepted values (the
   * stream is uniform), so the rejection pattern may show; the values may not:
   * they are marked secret again below. */
  pq_keccak_squeezeblocks(&st, buf, nblocks);
  PQ_CT_PUBLIC(buf, nblocks * PQ_SHAKE256_RATE);
  unsigned ctr = pq_rej_eta(a->coeffs, PQ_N, buf, nblocks * PQ_SHAKE256_RATE, (unsigned)eta);
  while (ctr < PQ_N) {
    pq_keccak_squeezeblocks(&st, buf, 1);
    PQ_CT_PUBLIC(buf, PQ_SHAKE256_RATE);
    ctr += pq_rej_eta(a->coeffs + ctr, PQ_N - ctr, buf, PQ_SHAKE256_RATE, (unsigned)eta);
  }
  PQ_CT_SECRET(a->coeffs, sizeof a->coeffs);
  pq_wipe(seed, sizeof seed);
  pq_wipe(buf, sizeof buf);
  pq_wipe(&st, sizeof st);
}

void pq_mldsa_poly_uniform_gamma1(pq_poly *a, const uint8_t rhopp[64], uint16_t nonce,
                                  int32_t gamma1) {
  uint8_t seed[66];
  uint8_t buf[640];
  const unsigned len = gamma1 == (1 << 17) ? 576 : 640;
  pq_keccak_state st;
  pq_copy(seed, rhopp, 64);
  seed[64] = (uint8_t)nonce;
  seed[65] = (uint8_t)(nonce >> 8);
  pq_shake256_init(&st);
  pq_keccak_absorb(&st, seed, sizeof seed);
  pq_shake_finalize(&st);
  pq_keccak_squeeze(&st, buf, len);
  pq_mldsa_polyz_unpack(a, buf, gamma1);
  pq_wipe(seed, sizeof seed);
  pq_wipe(buf, sizeof buf);
  pq_wipe(&st, sizeof st);
}

void pq_mldsa_poly_challenge(pq_poly *c, const uint8_t *ctilde, unsigned ctildebytes,
                             unsigned tau) {
  uint8_t buf[PQ_SHAKE256_RATE];
  pq_keccak_state st;
  pq_shake256_init(&st);
  pq_keccak_absorb(&st, ctilde, ctildebytes);
  pq_shake_finalize(&st);
  pq_keccak_squeezeblocks(&st, buf, 1);
  uint64_t signs = pq_load64_le(buf);
  unsigned pos = 8;
  for (unsigned i = 0; i < PQ_N; i++) c->coeffs[i] = 0;
  for (unsigned i = PQ_N - tau; i < PQ_N; i++) {
    unsigned b;
    do {
      if (pos >= PQ_SHAKE256_RATE) {
        pq_keccak_squeezeblocks(&st, buf, 1);
        pos = 0;
      }
      b = buf[pos++];
    } while (b > i);
    c->coeffs[i] = c->coeffs[b];
    c->coeffs[b] = 1 - 2 * (int32_t)(signs & 1);
    signs >>= 1;
  }
}

/* ---- bit packing ---------------------------------------------------------- */

/* Packs 256 values of `bits` bits (little-endian bit order). */
static void pack_bits(uint8_t *r, const uint32_t v[PQ_N], unsigned bits) {
  uint64_t acc = 0;
  unsigned nacc = 0, o = 0;
  for (unsigned i = 0; i < PQ_N; i++) {
    acc |= (uint64_t)v[i] << nacc;
    nacc += bits;
    while (nacc >= 8) {
      r[o++] = (uint8_t)acc;
      acc >>= 8;
      nacc -= 8;
    }
  }
}

static void unpack_bits(uint32_t v[PQ_N], const uint8_t *a, unsigned bits) {
  uint64_t acc = 0;
  unsigned nacc = 0, o = 0;
  const uint32_t mask = (1u << bits) - 1;
  for (unsigned i = 0; i < PQ_N; i++) {
    while (nacc < bits) {
      acc |= (uint64_t)a[o++] << nacc;
      nacc += 8;
    }
    v[i] = (uint32_t)acc & mask;
    acc >>= bits;
    nacc -= bits;
  }
}

void pq_mldsa_polyt1_pack(uint8_t *r, const pq_poly *a) {
  uint32_t v[PQ_N];
  for (unsigned i = 0; i < PQ_N; i++) v[i] = (uint32_t)a->coeffs[i];
  pack_bits(r, v, 10);
}

void pq_mldsa_polyt1_unpack(pq_poly *r, const uint8_t *a) {
  uint32_t v[PQ_N];
  unpack_bits(v, a, 10);
  for (unsigned i = 0; i < PQ_N; i++) r->coeffs[i] = (int32_t)v[i];
}

void pq_mldsa_polyt0_pack(uint8_t *r, const pq_poly *a) {
  uint32_t v[PQ_N];
  for (unsigned i = 0; i < PQ_N; i++) v[i] = (uint32_t)((1 << (PQ_MLDSA_D - 1)) - a->coeffs[i]);
  pack_bits(r, v, PQ_MLDSA_D);
  pq_wipe(v, sizeof v);
}

void pq_mldsa_polyt0_unpack(pq_poly *r, const uint8_t *a) {
  uint32_t v[PQ_N];
  unpack_bits(v, a, PQ_MLDSA_D);
  for (unsigned i = 0; i < PQ_N; i++) r->coeffs[i] = (1 << (PQ_MLDSA_D - 1)) - (int32_t)v[i];
  pq_wipe(v, sizeof v);
}

void pq_mldsa_polyeta_pack(uint8_t *r, const pq_poly *a, int32_t eta) {
  uint32_t v[PQ_N];
  for (unsigned i = 0; i < PQ_N; i++) v[i] = (uint32_t)(eta - a->coeffs[i]);
  pack_bits(r, v, eta == 2 ? 3 : 4);
  pq_wipe(v, sizeof v);
}

int pq_mldsa_polyeta_unpack(pq_poly *r, const uint8_t *a, int32_t eta) {
  uint32_t v[PQ_N];
  uint32_t bad = 0;
  unpack_bits(v, a, eta == 2 ? 3 : 4);
  for (unsigned i = 0; i < PQ_N; i++) {
    bad |= (uint32_t)(2 * eta - (int32_t)v[i]) >> 31; /* v > 2 eta, constant time */
    r->coeffs[i] = eta - (int32_t)v[i];
  }
  pq_wipe(v, sizeof v);
  return (int)bad;
}

void pq_mldsa_polyz_pack(uint8_t *r, const pq_poly *a, int32_t gamma1) {
  uint32_t v[PQ_N];
  for (unsigned i = 0; i < PQ_N; i++) v[i] = (uint32_t)(gamma1 - a->coeffs[i]);
  pack_bits(r, v, gamma1 == (1 << 17) ? 18 : 20);
}

void pq_mldsa_polyz_unpack(pq_poly *r, const uint8_t *a, int32_t gamma1) {
  uint32_t v[PQ_N];
  unpack_bits(v, a, gamma1 == (1 << 17) ? 18 : 20);
  for (unsigned i = 0; i < PQ_N; i++) r->coeffs[i] = gamma1 - (int32_t)v[i];
  pq_wipe(v, sizeof v);
}

void pq_mldsa_polyw1_pack(uint8_t *r, const pq_poly *a, int32_t gamma2) {
  uint32_t v[PQ_N];
  for (unsigned i = 0; i < PQ_N; i++) v[i] = (uint32_t)a->coeffs[i];
  pack_bits(r, v, gamma2 == (PQ_Q - 1) / 88 ? 6 : 4);
}
