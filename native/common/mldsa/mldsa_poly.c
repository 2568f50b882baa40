/* ML-DSA polynomial sampling and bit packing (FIPS 204 Sections 7.1-7.3). */
#include "mldsa/mldsa_poly.h"

#include "shared/fips202.h"
#include "shared/kernels_keccak.h"
#include "shared/pq_ct.h"
#include "shared/pq_util.h"

/* ---- sampling ------------------------------------------------------------- */

#define UNIFORM_NBLOCKS ((768 + PQ_SHAKE128_RATE - 1) / PQ_SHAKE128_RATE) /* 5 */

/* Seeds seed || nonce (little-endian 16 bits) for each of the ways. */
static void make_seeds(uint8_t seed[4][66], const uint8_t *base, unsigned baselen,
                       const uint16_t *nonce, unsigned ways) {
  for (unsigned k = 0; k < ways; k++) {
    pq_copy(seed[k], base, baselen);
    seed[k][baselen] = (uint8_t)nonce[k];
    seed[k][baselen + 1] = (uint8_t)(nonce[k] >> 8);
  }
}

void pq_mldsa_poly_uniform_multi(pq_poly *const *a, const uint8_t rho[32], const uint16_t *nonce,
                                 unsigned ways) {
  uint8_t seed[4][66];
  uint8_t buf[4][UNIFORM_NBLOCKS * PQ_SHAKE128_RATE];
  uint64_t st[100];
  const uint8_t *in[4] = {seed[0], seed[1], seed[2], seed[3]};
  uint8_t *out[4] = {buf[0], buf[1], buf[2], buf[3]};
  unsigned ctr[4] = {0, 0, 0, 0}, done = 0;
  make_seeds(seed, rho, 32, nonce, ways);
  pq_shake_multi_absorb_once(st, ways, PQ_SHAKE128_RATE, in, 34);
  pq_shake_multi_squeezeblocks(st, ways, PQ_SHAKE128_RATE, out, UNIFORM_NBLOCKS);
  unsigned buflen = UNIFORM_NBLOCKS * PQ_SHAKE128_RATE;
  for (;;) {
    done = 0;
    for (unsigned k = 0; k < ways; k++) {
      ctr[k] += pq_rej_uniform(a[k]->coeffs + ctr[k], PQ_MLDSA_N - ctr[k], buf[k], buflen);
      done += ctr[k] == PQ_MLDSA_N;
    }
    if (done == ways) break;
    pq_shake_multi_squeezeblocks(st, ways, PQ_SHAKE128_RATE, out, 1);
    buflen = PQ_SHAKE128_RATE;
  }
}

void pq_mldsa_poly_uniform_eta_multi(pq_poly *const *a, const uint8_t rhoprime[64],
                                     const uint16_t *nonce, unsigned ways, int32_t eta) {
  uint8_t seed[4][66];
  uint8_t buf[4][2 * PQ_SHAKE256_RATE];
  uint64_t st[100];
  const uint8_t *in[4] = {seed[0], seed[1], seed[2], seed[3]};
  uint8_t *out[4] = {buf[0], buf[1], buf[2], buf[3]};
  unsigned ctr[4] = {0, 0, 0, 0}, done;
  unsigned buflen = (eta == 2 ? 1 : 2) * PQ_SHAKE256_RATE;
  make_seeds(seed, rhoprime, 64, nonce, ways);
  pq_shake_multi_absorb_once(st, ways, PQ_SHAKE256_RATE, in, 66);
  pq_shake_multi_squeezeblocks(st, ways, PQ_SHAKE256_RATE, out, buflen / PQ_SHAKE256_RATE);
  for (;;) {
    done = 0;
    for (unsigned k = 0; k < ways; k++) {
      /* Which nibbles are rejected is independent of the accepted values (the
       * stream is uniform), so the rejection pattern may show; the values may
       * not: they are marked secret again below. */
      PQ_CT_PUBLIC(buf[k], buflen);
      ctr[k] +=
          pq_rej_eta(a[k]->coeffs + ctr[k], PQ_MLDSA_N - ctr[k], buf[k], buflen, (unsigned)eta);
      done += ctr[k] == PQ_MLDSA_N;
    }
    if (done == ways) break;
    pq_shake_multi_squeezeblocks(st, ways, PQ_SHAKE256_RATE, out, 1);
    buflen = PQ_SHAKE256_RATE;
  }
  for (unsigned k = 0; k < ways; k++) PQ_CT_SECRET(a[k]->coeffs, sizeof a[k]->coeffs);
  pq_wipe(seed, sizeof seed);
  pq_wipe(buf, sizeof buf);
  pq_wipe(st, sizeof st);
}

void pq_mldsa_poly_uniform_gamma1_multi(pq_poly *const *a, const uint8_t rhopp[64],
                                        const uint16_t *nonce, unsigned ways, int32_t gamma1) {
  uint8_t seed[4][66];
  uint8_t buf[4][5 * PQ_SHAKE256_RATE]; /* 680 >= 640 bytes */
  uint64_t st[100];
  const uint8_t *in[4] = {seed[0], seed[1], seed[2], seed[3]};
  uint8_t *out[4] = {buf[0], buf[1], buf[2], buf[3]};
  make_seeds(seed, rhopp, 64, nonce, ways);
  pq_shake_multi_absorb_once(st, ways, PQ_SHAKE256_RATE, in, 66);
  pq_shake_multi_squeezeblocks(st, ways, PQ_SHAKE256_RATE, out, 5);
  for (unsigned k = 0; k < ways; k++) pq_mldsa_polyz_unpack(a[k], buf[k], gamma1);
  pq_wipe(seed, sizeof seed);
  pq_wipe(buf, sizeof buf);
  pq_wipe(st, sizeof st);
}

/* The Keccak width for `left` polynomials still to sample: four, then two,
 * then one; with PQ_KECCAK_X4_FOR_TWO, 2 or 3 leftovers also take the 4-way kernel. */
unsigned pq_mldsa_sample_ways(unsigned left) {
  if (left >= 4 || (PQ_KECCAK_X4_FOR_TWO && left >= 2)) return 4;
  return left >= 2 ? 2 : 1;
}

/* n polynomials with nonces nonce[0..n-1], four at a time. Lanes beyond the
 * n - e that are left repeat lane 0 (same nonce, same output, same target). */
void pq_mldsa_sample_many(pq_poly *a, const uint8_t *seed, const uint16_t *nonce, unsigned n,
                          int kind, int32_t param) {
  unsigned e = 0;
  while (e < n) {
    const unsigned left = n - e, ways = pq_mldsa_sample_ways(left);
    pq_poly *p[4];
    uint16_t nc[4];
    for (unsigned w = 0; w < 4; w++) {
      const unsigned i = e + (w < left ? w : 0);
      p[w] = &a[i];
      nc[w] = nonce[i];
    }
    if (kind == PQ_SAMPLE_UNIFORM)
      pq_mldsa_poly_uniform_multi(p, seed, nc, ways);
    else if (kind == PQ_SAMPLE_ETA)
      pq_mldsa_poly_uniform_eta_multi(p, seed, nc, ways, param);
    else
      pq_mldsa_poly_uniform_gamma1_multi(p, seed, nc, ways, param);
    e += ways < left ? ways : left;
  }
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
  for (unsigned i = 0; i < PQ_MLDSA_N; i++) c->coeffs[i] = 0;
  for (unsigned i = PQ_MLDSA_N - tau; i < PQ_MLDSA_N; i++) {
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
static void pack_bits(uint8_t *r, const uint32_t v[PQ_MLDSA_N], unsigned bits) {
  uint64_t acc = 0;
  unsigned nacc = 0, o = 0;
  for (unsigned i = 0; i < PQ_MLDSA_N; i++) {
    acc |= (uint64_t)v[i] << nacc;
    nacc += bits;
    while (nacc >= 8) {
      r[o++] = (uint8_t)acc;
      acc >>= 8;
      nacc -= 8;
    }
  }
}

void pq_mldsa_polyt1_pack(uint8_t *r, const pq_poly *a) {
  uint32_t v[PQ_MLDSA_N];
  for (unsigned i = 0; i < PQ_MLDSA_N; i++) v[i] = (uint32_t)a->coeffs[i];
  pack_bits(r, v, 10);
}

/* The unpackers below are fixed-width: a group of coefficients from a group of
 * whole bytes per iteration (straight-line code the compiler can vectorize). */
void pq_mldsa_polyt1_unpack(pq_poly *r, const uint8_t *a) {
  for (unsigned i = 0; i < PQ_MLDSA_N / 4; i++, a += 5) {
    int32_t *c = r->coeffs + 4 * i;
    c[0] = (a[0] | ((int32_t)a[1] << 8)) & 0x3FF;
    c[1] = ((a[1] >> 2) | ((int32_t)a[2] << 6)) & 0x3FF;
    c[2] = ((a[2] >> 4) | ((int32_t)a[3] << 4)) & 0x3FF;
    c[3] = ((a[3] >> 6) | ((int32_t)a[4] << 2)) & 0x3FF;
  }
}

void pq_mldsa_polyt0_pack(uint8_t *r, const pq_poly *a) {
  uint32_t v[PQ_MLDSA_N];
  for (unsigned i = 0; i < PQ_MLDSA_N; i++)
    v[i] = (uint32_t)((1 << (PQ_MLDSA_D - 1)) - a->coeffs[i]);
  pack_bits(r, v, PQ_MLDSA_D);
  pq_wipe(v, sizeof v);
}

void pq_mldsa_polyt0_unpack(pq_poly *r, const uint8_t *a) {
  for (unsigned i = 0; i < PQ_MLDSA_N / 8; i++, a += 13) {
    /* 8 x 13 bits = 104 bits: two 64-bit little-endian words (the second overlaps) */
    uint64_t lo = 0, hi = 0;
    for (int b = 7; b >= 0; b--) lo = (lo << 8) | a[b];
    for (int b = 12; b >= 5; b--) hi = (hi << 8) | a[b]; /* bits 40..103 */
    int32_t *c = r->coeffs + 8 * i;
    c[0] = (int32_t)(lo & 0x1FFF);
    c[1] = (int32_t)((lo >> 13) & 0x1FFF);
    c[2] = (int32_t)((lo >> 26) & 0x1FFF);
    c[3] = (int32_t)((lo >> 39) & 0x1FFF);
    c[4] = (int32_t)((hi >> 12) & 0x1FFF); /* bit 52 = 40 + 12 */
    c[5] = (int32_t)((hi >> 25) & 0x1FFF);
    c[6] = (int32_t)((hi >> 38) & 0x1FFF);
    c[7] = (int32_t)((hi >> 51) & 0x1FFF);
    for (int j = 0; j < 8; j++) c[j] = (1 << (PQ_MLDSA_D - 1)) - c[j];
  }
}

void pq_mldsa_polyeta_pack(uint8_t *r, const pq_poly *a, int32_t eta) {
  uint32_t v[PQ_MLDSA_N];
  for (unsigned i = 0; i < PQ_MLDSA_N; i++) v[i] = (uint32_t)(eta - a->coeffs[i]);
  pack_bits(r, v, eta == 2 ? 3 : 4);
  pq_wipe(v, sizeof v);
}

int pq_mldsa_polyeta_unpack(pq_poly *r, const uint8_t *a, int32_t eta) {
  uint32_t v[PQ_MLDSA_N];
  uint32_t bad = 0;
  if (eta == 2) {
    for (unsigned i = 0; i < PQ_MLDSA_N / 8; i++, a += 3) {
      const uint32_t w = a[0] | ((uint32_t)a[1] << 8) | ((uint32_t)a[2] << 16);
      for (unsigned j = 0; j < 8; j++) v[8 * i + j] = (w >> (3 * j)) & 7;
    }
  } else {
    for (unsigned i = 0; i < PQ_MLDSA_N / 2; i++) {
      v[2 * i] = a[i] & 15;
      v[2 * i + 1] = a[i] >> 4;
    }
  }
  for (unsigned i = 0; i < PQ_MLDSA_N; i++) {
    bad |= (uint32_t)(2 * eta - (int32_t)v[i]) >> 31; /* v > 2 eta, constant time */
    r->coeffs[i] = eta - (int32_t)v[i];
  }
  pq_wipe(v, sizeof v);
  return (int)bad;
}

void pq_mldsa_polyz_pack(uint8_t *r, const pq_poly *a, int32_t gamma1) {
  uint32_t v[PQ_MLDSA_N];
  for (unsigned i = 0; i < PQ_MLDSA_N; i++) v[i] = (uint32_t)(gamma1 - a->coeffs[i]);
  pack_bits(r, v, gamma1 == (1 << 17) ? 18 : 20);
}

void pq_mldsa_polyz_unpack(pq_poly *r, const uint8_t *a, int32_t gamma1) {
  if (gamma1 == (1 << 17)) {
    for (unsigned i = 0; i < PQ_MLDSA_N / 4; i++, a += 9) {
      int32_t *c = r->coeffs + 4 * i;
      c[0] = (int32_t)((a[0] | ((uint32_t)a[1] << 8) | ((uint32_t)a[2] << 16)) & 0x3FFFF);
      c[1] = (int32_t)(((a[2] >> 2) | ((uint32_t)a[3] << 6) | ((uint32_t)a[4] << 14)) & 0x3FFFF);
      c[2] = (int32_t)(((a[4] >> 4) | ((uint32_t)a[5] << 4) | ((uint32_t)a[6] << 12)) & 0x3FFFF);
      c[3] = (int32_t)(((a[6] >> 6) | ((uint32_t)a[7] << 2) | ((uint32_t)a[8] << 10)) & 0x3FFFF);
      for (int j = 0; j < 4; j++) c[j] = gamma1 - c[j];
    }
  } else {
    for (unsigned i = 0; i < PQ_MLDSA_N / 2; i++, a += 5) {
      int32_t *c = r->coeffs + 2 * i;
      c[0] = (int32_t)((a[0] | ((uint32_t)a[1] << 8) | ((uint32_t)a[2] << 16)) & 0xFFFFF);
      c[1] = (int32_t)((a[2] >> 4) | ((uint32_t)a[3] << 4) | ((uint32_t)a[4] << 12));
      c[0] = gamma1 - c[0];
      c[1] = gamma1 - c[1];
    }
  }
}

void pq_mldsa_polyw1_pack(uint8_t *r, const pq_poly *a, int32_t gamma2) {
  const int32_t *c = a->coeffs;
  if (gamma2 == (PQ_MLDSA_Q - 1) / 88) {
    for (unsigned i = 0; i < PQ_MLDSA_N / 4; i++, c += 4, r += 3) {
      r[0] = (uint8_t)(c[0] | (c[1] << 6));
      r[1] = (uint8_t)((c[1] >> 2) | (c[2] << 4));
      r[2] = (uint8_t)((c[2] >> 4) | (c[3] << 2));
    }
  } else {
    for (unsigned i = 0; i < PQ_MLDSA_N / 2; i++) r[i] = (uint8_t)(c[2 * i] | (c[2 * i + 1] << 4));
  }
}
