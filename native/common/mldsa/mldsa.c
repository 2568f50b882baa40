/* ML-DSA KeyGen, Sign and Verify (FIPS 204 Algorithms 6-8) over the kernel interface. */
#include "mldsa/mldsa.h"

#include "mldsa/kernels_mldsa.h"
#include "mldsa/mldsa_poly.h"
#include "shared/pq_ct.h"
#include "shared/pq_util.h"
#include "binding/pq_binding.h"

#define KMAX PQ_MLDSA_KMAX
#define LMAX PQ_MLDSA_LMAX

/* A streamed in row-major order for keygen and verify: polynomials are sampled
 * four at a time across row boundaries (4-way SHAKE128), so ML-DSA-65's 30
 * entries take 7 four-way calls and one two-way call (eight four-way calls
 * with PQ_KECCAK_X4_FOR_TWO) instead of 6 + 3, and
 * ML-DSA-87's 56 take 14 four-way calls. A ring of l + 3 slots suffices: while
 * row i is consumed, at most the flat indices i*l .. (i+1)*l + 2 are live. */
#define A_RING (LMAX + 3)
typedef struct {
  pq_poly ring[A_RING];
  unsigned next; /* flat index i*l + j of the next entry to sample */
} a_stream;

/* Points row[0..l-1] at row i of A (rows must be requested in order 0, 1, ...). */
static void a_stream_row(a_stream *s, const uint8_t rho[32], unsigned i, unsigned k, unsigned l,
                         const int32_t **row) {
  const unsigned end = (i + 1) * l, total = k * l;
  if (i == 0) s->next = 0;
  while (s->next < end) {
    const unsigned left = total - s->next, ways = pq_mldsa_sample_ways(left);
    const unsigned used = ways < left ? ways : left;
    pq_poly *p[4];
    uint16_t nonce[4];
    for (unsigned w = 0; w < 4; w++) {
      const unsigned idx = s->next + (w < used ? w : 0);
      p[w] = &s->ring[idx % A_RING];
      nonce[w] = (uint16_t)(((idx / l) << 8) | (idx % l));
    }
    pq_mldsa_poly_uniform_multi(p, rho, nonce, ways);
    s->next += used;
  }
  for (unsigned j = 0; j < l; j++) row[j] = s->ring[(i * l + j) % A_RING].coeffs;
}

/* Rows i0 .. i0+nrows-1 of A, row-major: out[r*l + j] = A[i0+r][j]. */
static void expand_rows(pq_poly *out, const uint8_t rho[32], unsigned i0, unsigned nrows,
                        unsigned l) {
  uint16_t nonce[KMAX * LMAX];
  for (unsigned r = 0; r < nrows; r++)
    for (unsigned j = 0; j < l; j++) nonce[r * l + j] = (uint16_t)(((i0 + r) << 8) | j);
  pq_mldsa_sample_many(out, rho, nonce, nrows * l, PQ_SAMPLE_UNIFORM, 0);
}

/* c = sum_j a[j] o b[j] (one reduction per coefficient) */
static void row_times_vec(pq_poly *c, const pq_poly *a, const pq_poly *b, unsigned n) {
  const int32_t *pa[LMAX + 1], *pb[LMAX + 1];
  for (unsigned j = 0; j < n; j++) {
    pa[j] = a[j].coeffs;
    pb[j] = b[j].coeffs;
  }
  pq_poly_pointwise_acc(c->coeffs, pa, pb, n);
}

/* ---- key generation ------------------------------------------------------ */

typedef struct {
  uint8_t seedbuf[34];
  uint8_t expanded[128]; /* rho || rho' || K */
  pq_poly s[LMAX + KMAX]; /* s1 || s2 */
  pq_poly s1hat[LMAX];
  pq_poly t, t1, t0;
  a_stream A;
} keygen_ws;

int pq_mldsa_keygen(unsigned name, const uint8_t xi[32], uint8_t *pk, uint8_t *sk) {
  const pq_mldsa_params *P = pq_mldsa_params_get(name);
  if (!P) return PQ_ERR_PARAMS;
  keygen_ws w;
  const unsigned k = P->k, l = P->l;
  pq_copy(w.seedbuf, xi, 32);
  w.seedbuf[32] = (uint8_t)k;
  w.seedbuf[33] = (uint8_t)l;
  pq_shake256(w.expanded, 128, w.seedbuf, 34);
  PQ_CT_PUBLIC(w.expanded, 32); /* rho is part of the public key */
  const uint8_t *rho = w.expanded, *rhoprime = w.expanded + 32, *key = w.expanded + 96;

  {
    uint16_t nonce[LMAX + KMAX];
    for (unsigned j = 0; j < l + k; j++) nonce[j] = (uint16_t)j;
    pq_mldsa_sample_many(w.s, rhoprime, nonce, l + k, PQ_SAMPLE_ETA, P->eta);
  }
  const pq_poly *s1 = w.s, *s2 = w.s + l;
  for (unsigned j = 0; j < l; j++) {
    w.s1hat[j] = s1[j];
    pq_ntt(w.s1hat[j].coeffs);
  }

  /* pk = rho || t1 ; sk = rho || K || tr || s1 || s2 || t0 (tr filled in last) */
  uint8_t *skp = sk + 128;
  pq_copy(pk, rho, 32);
  pq_copy(sk, rho, 32);
  pq_copy(sk + 32, key, 32);
  for (unsigned j = 0; j < l + k; j++, skp += P->polyeta_bytes) pq_mldsa_polyeta_pack(skp, &w.s[j], P->eta);

  for (unsigned i = 0; i < k; i++) {
    const int32_t *pa[LMAX], *pb[LMAX];
    a_stream_row(&w.A, rho, i, k, l, pa);
    for (unsigned j = 0; j < l; j++) pb[j] = w.s1hat[j].coeffs;
    pq_poly_pointwise_acc(w.t.coeffs, pa, pb, l);
    pq_invntt_tomont(w.t.coeffs);
    for (unsigned n = 0; n < PQ_MLDSA_N; n++) {
      /* Power2Round (FIPS 204 Alg. 35) on t in [0, q) */
      const int32_t a = pq_freeze(w.t.coeffs[n] + s2[i].coeffs[n]);
      const int32_t a1 = (a + (1 << (PQ_MLDSA_D - 1)) - 1) >> PQ_MLDSA_D;
      w.t1.coeffs[n] = a1;
      w.t0.coeffs[n] = a - (a1 << PQ_MLDSA_D);
    }
    PQ_CT_PUBLIC(&w.t1, sizeof w.t1); /* t1 is the public key */
    pq_mldsa_polyt1_pack(pk + 32 + 320 * i, &w.t1);
    pq_mldsa_polyt0_pack(skp + 416 * i, &w.t0);
  }
  pq_mldsa_pk_tr(pk, P->pk_bytes, sk + 64);
  pq_wipe(&w, sizeof w);
  return PQ_OK;
}

/* ---- the public key of a secret key (binding entry mldsa_public_key) --------- */

typedef struct {
  pq_poly s1hat[LMAX];
  pq_poly s2, t, t1, t0;
  uint8_t t0buf[416], tr[64];
  a_stream A;
} public_key_ws;

/* a = level; in = sk; out = pk. pk = rho || t1 with t1 = Power2Round(A s1 + s2), recomputed as
 * keygen does; the secret key must be consistent with it (its t0 and tr), else -2 and pk zeroed.
 * Constant time in the secret key: only the final verdict is revealed. */
int32_t pq_bind_mldsa_public_key(pq_bind_state *st, const int32_t *a, const pq_buf *in,
                                 const pq_buf *out) {
  (void)st;
  const pq_mldsa_params *P = a[0] > 0 ? pq_mldsa_params_get((unsigned)a[0]) : 0;
  if (!P) return PQ_ERR_PARAMS;
  if (in[0].n != P->sk_bytes || out[0].n < P->pk_bytes) return PQ_ERR_LENGTH;
  const unsigned k = P->k, l = P->l;
  const uint8_t *sk = in[0].p, *s1p = sk + 128, *s2p = s1p + l * P->polyeta_bytes,
                *t0p = s2p + k * P->polyeta_bytes;
  uint8_t *pk = out[0].p;
  public_key_ws w;
  int bad = 0;
  for (unsigned j = 0; j < l; j++) {
    bad |= pq_mldsa_polyeta_unpack(&w.s1hat[j], s1p + j * P->polyeta_bytes, P->eta);
    pq_ntt(w.s1hat[j].coeffs);
  }
  pq_copy(pk, sk, 32); /* rho */
  for (unsigned i = 0; i < k; i++) {
    const int32_t *pa[LMAX], *pb[LMAX];
    bad |= pq_mldsa_polyeta_unpack(&w.s2, s2p + i * P->polyeta_bytes, P->eta);
    a_stream_row(&w.A, sk, i, k, l, pa);
    for (unsigned j = 0; j < l; j++) pb[j] = w.s1hat[j].coeffs;
    pq_poly_pointwise_acc(w.t.coeffs, pa, pb, l);
    pq_invntt_tomont(w.t.coeffs);
    for (unsigned n = 0; n < PQ_MLDSA_N; n++) {
      const int32_t v = pq_freeze(w.t.coeffs[n] + w.s2.coeffs[n]); /* Power2Round, as keygen */
      const int32_t v1 = (v + (1 << (PQ_MLDSA_D - 1)) - 1) >> PQ_MLDSA_D;
      w.t1.coeffs[n] = v1;
      w.t0.coeffs[n] = v - (v1 << PQ_MLDSA_D);
    }
    PQ_CT_PUBLIC(&w.t1, sizeof w.t1); /* t1 is the public key */
    pq_mldsa_polyt1_pack(pk + 32 + 320 * i, &w.t1);
    pq_mldsa_polyt0_pack(w.t0buf, &w.t0);
    bad |= pq_ct_differ(w.t0buf, t0p + 416 * i, 416);
  }
  pq_mldsa_pk_tr(pk, P->pk_bytes, w.tr);
  bad |= pq_ct_differ(w.tr, sk + 64, 64);
  PQ_CT_PUBLIC(&bad, sizeof bad); /* whether the key is well formed: the call's result */
  pq_wipe(&w, sizeof w);
  if (bad) {
    pq_wipe(pk, P->pk_bytes);
    return PQ_ERR_SECRET_KEY;
  }
  return PQ_OK;
}

/* ---- helpers shared by sign and verify ------------------------------------ */

void pq_mldsa_pk_tr(const uint8_t *pk, size_t pklen, uint8_t tr[64]) {
  pq_shake256(tr, 64, pk, pklen);
}

const uint8_t *pq_mldsa_sk_tr(const uint8_t *sk) { return sk + 64; }

void pq_mldsa_mu_init(pq_keccak_state *st, const uint8_t tr[64]) {
  pq_shake256_init(st);
  pq_keccak_absorb(st, tr, 64);
}

void pq_mldsa_mu_absorb_prefix(pq_keccak_state *st, int prehash, const uint8_t *ctx,
                               size_t ctxlen) {
  const uint8_t pre[2] = {(uint8_t)(prehash ? 1 : 0), (uint8_t)ctxlen};
  pq_keccak_absorb(st, pre, 2);
  pq_keccak_absorb(st, ctx, ctxlen);
}

void pq_mldsa_mu_final(pq_keccak_state *st, uint8_t mu[64]) {
  pq_shake_finalize(st);
  pq_keccak_squeeze(st, mu, 64);
}

int pq_mldsa_sk_check(unsigned name, const uint8_t *sk) {
  const pq_mldsa_params *P = pq_mldsa_params_get(name);
  if (!P) return PQ_ERR_PARAMS;
  pq_poly p;
  int bad = 0;
  const uint8_t *s = sk + 128;
  for (unsigned i = 0; i < P->k + P->l; i++, s += P->polyeta_bytes)
    bad |= pq_mldsa_polyeta_unpack(&p, s, P->eta);
  pq_wipe(&p, sizeof p);
  return bad ? PQ_ERR_SECRET_KEY : PQ_OK;
}

/* ---- signing --------------------------------------------------------------- */

typedef struct {
  uint8_t rhopp[64];
  uint8_t w1buf[KMAX * 192];
  uint8_t ctilde[64];
  pq_poly mat[KMAX * LMAX];
  pq_poly s1hat[LMAX], s2hat[KMAX], t0hat[KMAX];
  pq_poly y[LMAX], z[LMAX];
  pq_poly w1[KMAX], w0[KMAX];
  pq_poly c, tmp;
  pq_keccak_state st;
} sign_ws;

/* MakeHint on reduced data, constant time: 1 iff a0 > g2, a0 < -g2, or (a0 == -g2 and a1 != 0). */
static inline int32_t make_hint(int32_t a0, int32_t a1, int32_t g2) {
  const uint32_t gt = (uint32_t)(g2 - a0) >> 31;
  const uint32_t lt = (uint32_t)(a0 + g2) >> 31;
  const uint32_t x = (uint32_t)(a0 + g2);
  const uint32_t is_eq = 1u ^ ((x | (0u - x)) >> 31);
  const uint32_t a1nz = ((uint32_t)a1 | (0u - (uint32_t)a1)) >> 31;
  return (int32_t)(gt | lt | (is_eq & a1nz));
}

int pq_mldsa_sign_mu(unsigned name, const uint8_t *sk, const uint8_t mu[64],
                     const uint8_t rnd[32], uint8_t *sig) {
  const pq_mldsa_params *P = pq_mldsa_params_get(name);
  if (!P) return PQ_ERR_PARAMS;
  const unsigned k = P->k, l = P->l;
  const uint8_t *rho = sk, *key = sk + 32;
  sign_ws w;
  int bad = 0;
  int ret = PQ_ERR_EXHAUSTED;

  /* unpack and range-check s1, s2; t0 */
  const uint8_t *s = sk + 128;
  for (unsigned j = 0; j < l; j++, s += P->polyeta_bytes) {
    bad |= pq_mldsa_polyeta_unpack(&w.s1hat[j], s, P->eta);
    pq_ntt(w.s1hat[j].coeffs);
  }
  for (unsigned i = 0; i < k; i++, s += P->polyeta_bytes) {
    bad |= pq_mldsa_polyeta_unpack(&w.s2hat[i], s, P->eta);
    pq_ntt(w.s2hat[i].coeffs);
  }
  for (unsigned i = 0; i < k; i++, s += 416) {
    pq_mldsa_polyt0_unpack(&w.t0hat[i], s);
    pq_ntt(w.t0hat[i].coeffs);
  }
  PQ_CT_PUBLIC(&bad, sizeof bad);
  if (bad) { /* the key is malformed: a public fact about the input */
    ret = PQ_ERR_SECRET_KEY;
    goto out;
  }

  /* rho'' = H(K || rnd || mu, 64) */
  pq_shake256_init(&w.st);
  pq_keccak_absorb(&w.st, key, 32);
  pq_keccak_absorb(&w.st, rnd, 32);
  pq_keccak_absorb(&w.st, mu, 64);
  pq_shake_finalize(&w.st);
  pq_keccak_squeeze(&w.st, w.rhopp, 64);

  expand_rows(w.mat, rho, 0, k, l);

  for (uint32_t kappa = 0; kappa + l <= 0x10000; kappa += l) {
    /* y = ExpandMask(rho'', kappa); w = A * NTT(y) */
    {
      uint16_t nonce[LMAX];
      for (unsigned j = 0; j < l; j++) nonce[j] = (uint16_t)(kappa + j);
      pq_mldsa_sample_many(w.y, w.rhopp, nonce, l, PQ_SAMPLE_GAMMA1, P->gamma1);
    }
    for (unsigned j = 0; j < l; j++) {
      w.z[j] = w.y[j];
      pq_ntt(w.z[j].coeffs);
    }
    for (unsigned i = 0; i < k; i++) {
      row_times_vec(&w.tmp, &w.mat[i * l], w.z, l);
      pq_invntt_tomont(w.tmp.coeffs);
      for (unsigned n = 0; n < PQ_MLDSA_N; n++) w.tmp.coeffs[n] = pq_caddq(w.tmp.coeffs[n]);
      pq_poly_decompose(w.w1[i].coeffs, w.w0[i].coeffs, w.tmp.coeffs, P->gamma2);
      pq_mldsa_polyw1_pack(w.w1buf + i * P->polyw1_bytes, &w.w1[i], P->gamma2);
    }
    /* ctilde = H(mu || w1Encode(w1), lambda/4) */
    pq_shake256_init(&w.st);
    pq_keccak_absorb(&w.st, mu, 64);
    pq_keccak_absorb(&w.st, w.w1buf, k * P->polyw1_bytes);
    pq_shake_finalize(&w.st);
    pq_keccak_squeeze(&w.st, w.ctilde, P->ctildebytes);
    /* ctilde is published with the signature; for a rejected attempt it is a
     * hash of w1 that reveals nothing about the key (FIPS 204, Section 3.6.3) */
    PQ_CT_PUBLIC(w.ctilde, P->ctildebytes);
    pq_mldsa_poly_challenge(&w.c, w.ctilde, P->ctildebytes, P->tau);
    pq_ntt(w.c.coeffs);
    for (unsigned n = 0; n < PQ_MLDSA_N; n++) w.c.coeffs[n] = pq_reduce32(w.c.coeffs[n]);

    /* z = y + c s1 ; reject if ||z|| >= gamma1 - beta */
    int reject = 0;
    for (unsigned j = 0; j < l; j++) {
      pq_poly_pointwise(w.z[j].coeffs, w.c.coeffs, w.s1hat[j].coeffs);
      pq_invntt_tomont(w.z[j].coeffs);
      for (unsigned n = 0; n < PQ_MLDSA_N; n++)
        w.z[j].coeffs[n] = pq_reduce32(w.z[j].coeffs[n] + w.y[j].coeffs[n]);
      reject |= pq_poly_chknorm(w.z[j].coeffs, P->gamma1 - P->beta);
    }
    PQ_CT_PUBLIC(&reject, sizeof reject); /* rejection reasons may show (FIPS 204, 3.6.3) */
    if (reject) continue;

    /* r0 = LowBits(w - c s2) ; reject if ||r0|| >= gamma2 - beta */
    for (unsigned i = 0; i < k; i++) {
      pq_poly_pointwise(w.tmp.coeffs, w.c.coeffs, w.s2hat[i].coeffs);
      pq_invntt_tomont(w.tmp.coeffs);
      for (unsigned n = 0; n < PQ_MLDSA_N; n++)
        w.w0[i].coeffs[n] = pq_reduce32(w.w0[i].coeffs[n] - w.tmp.coeffs[n]);
      reject |= pq_poly_chknorm(w.w0[i].coeffs, P->gamma2 - P->beta);
    }
    PQ_CT_PUBLIC(&reject, sizeof reject);
    if (reject) continue;

    /* h = MakeHint(-c t0, w - c s2 + c t0) ; reject if ||c t0|| >= gamma2 or #h > omega */
    uint32_t nhints = 0;
    for (unsigned i = 0; i < k; i++) {
      pq_poly_pointwise(w.tmp.coeffs, w.c.coeffs, w.t0hat[i].coeffs);
      pq_invntt_tomont(w.tmp.coeffs);
      for (unsigned n = 0; n < PQ_MLDSA_N; n++) w.tmp.coeffs[n] = pq_reduce32(w.tmp.coeffs[n]);
      reject |= pq_poly_chknorm(w.tmp.coeffs, P->gamma2);
      for (unsigned n = 0; n < PQ_MLDSA_N; n++) {
        /* w0 now holds the hint bits */
        const int32_t h = make_hint(w.w0[i].coeffs[n] + w.tmp.coeffs[n], w.w1[i].coeffs[n], P->gamma2);
        w.w0[i].coeffs[n] = h;
        nhints += (uint32_t)h;
      }
    }
    PQ_CT_PUBLIC(&reject, sizeof reject);
    PQ_CT_PUBLIC(&nhints, sizeof nhints);
    if (reject || nhints > P->omega) continue;
    /* accepted: z and h are the signature */
    PQ_CT_PUBLIC(w.z, sizeof w.z);
    PQ_CT_PUBLIC(w.w0, sizeof w.w0);

    /* sigEncode(ctilde, z mod± q, h) */
    uint8_t *o = sig;
    pq_copy(o, w.ctilde, P->ctildebytes);
    o += P->ctildebytes;
    for (unsigned j = 0; j < l; j++, o += P->polyz_bytes) pq_mldsa_polyz_pack(o, &w.z[j], P->gamma1);
    pq_zero(o, P->omega + k);
    unsigned idx = 0;
    for (unsigned i = 0; i < k; i++) {
      for (unsigned n = 0; n < PQ_MLDSA_N; n++)
        if (w.w0[i].coeffs[n]) o[idx++] = (uint8_t)n; /* the hint is part of the public signature */
      o[P->omega + i] = (uint8_t)idx;
    }
    ret = PQ_OK;
    break;
  }
out:
  pq_wipe(&w, sizeof w);
  return ret;
}

/* ---- verification ---------------------------------------------------------- */

/* HintBitUnpack with the strong-unforgeability checks (FIPS 204 Alg. 21). */
static int unpack_hint(pq_poly *h, const uint8_t *y, unsigned k, unsigned omega) {
  unsigned idx = 0;
  for (unsigned i = 0; i < k; i++) {
    for (unsigned n = 0; n < PQ_MLDSA_N; n++) h[i].coeffs[n] = 0;
    const unsigned end = y[omega + i];
    if (end < idx || end > omega) return 1;
    for (unsigned j = idx; j < end; j++) {
      if (j > idx && y[j] <= y[j - 1]) return 1;
      h[i].coeffs[y[j]] = 1;
    }
    idx = end;
  }
  for (unsigned j = idx; j < omega; j++)
    if (y[j]) return 1;
  return 0;
}

typedef struct {
  pq_poly zhat[LMAX];
  a_stream A;
  pq_poly t1hat, cneg;    /* NTT(t1_i * 2^d) and -NTT(c) */
  pq_poly h[KMAX];
  pq_poly w;
  uint8_t w1buf[192];
  uint8_t ctilde2[64];
  pq_keccak_state st;
} verify_ws;

/* Verification core. With `prep` (a prepared key: A and NTT(t1 2^d) already
 * expanded) the matrix and t1 come from it; otherwise streamed from pk. */
static int verify_core(const pq_mldsa_params *P, const uint8_t *pk, const int32_t *prep,
                       const uint8_t mu[64], const uint8_t *sig) {
  const unsigned k = P->k, l = P->l;
  const uint8_t *ctilde = sig;
  verify_ws w;

  if (unpack_hint(w.h, sig + P->ctildebytes + l * P->polyz_bytes, k, P->omega)) return 0;
  const uint8_t *zp = sig + P->ctildebytes;
  for (unsigned j = 0; j < l; j++, zp += P->polyz_bytes) {
    pq_mldsa_polyz_unpack(&w.zhat[j], zp, P->gamma1);
    if (pq_poly_chknorm(w.zhat[j].coeffs, P->gamma1 - P->beta)) return 0;
    pq_ntt(w.zhat[j].coeffs);
  }
  pq_mldsa_poly_challenge(&w.cneg, ctilde, P->ctildebytes, P->tau);
  pq_ntt(w.cneg.coeffs);
  for (unsigned n = 0; n < PQ_MLDSA_N; n++) w.cneg.coeffs[n] = -pq_reduce32(w.cneg.coeffs[n]);

  /* ctilde' = H(mu || w1Encode(UseHint(h, A z - c t1 2^d)), streamed row by row */
  pq_shake256_init(&w.st);
  pq_keccak_absorb(&w.st, mu, 64);
  for (unsigned i = 0; i < k; i++) {
    const int32_t *pa[LMAX + 1], *pb[LMAX + 1];
    if (prep) {
      for (unsigned j = 0; j < l; j++) pa[j] = prep + (size_t)(i * l + j) * PQ_MLDSA_N;
      pb[l] = prep + (size_t)(k * l + i) * PQ_MLDSA_N;
    } else {
      a_stream_row(&w.A, pk, i, k, l, pa);
      pq_mldsa_polyt1_unpack(&w.t1hat, pk + 32 + 320 * i);
      for (unsigned n = 0; n < PQ_MLDSA_N; n++) w.t1hat.coeffs[n] <<= PQ_MLDSA_D;
      pq_ntt(w.t1hat.coeffs);
      pb[l] = w.t1hat.coeffs;
    }
    /* w = A_i z - c t1 2^d with one reduction per coefficient */
    for (unsigned j = 0; j < l; j++) pb[j] = w.zhat[j].coeffs;
    pa[l] = w.cneg.coeffs;
    pq_poly_pointwise_acc(w.w.coeffs, pa, pb, l + 1);
    pq_invntt_tomont(w.w.coeffs);
    for (unsigned n = 0; n < PQ_MLDSA_N; n++) w.w.coeffs[n] = pq_caddq(w.w.coeffs[n]);
    pq_poly_use_hint(w.w.coeffs, w.w.coeffs, w.h[i].coeffs, P->gamma2);
    pq_mldsa_polyw1_pack(w.w1buf, &w.w, P->gamma2);
    pq_keccak_absorb(&w.st, w.w1buf, P->polyw1_bytes);
  }
  pq_shake_finalize(&w.st);
  pq_keccak_squeeze(&w.st, w.ctilde2, P->ctildebytes);
  return pq_ct_differ(ctilde, w.ctilde2, P->ctildebytes) == 0;
}

int pq_mldsa_verify_mu(unsigned name, const uint8_t *pk, size_t pklen, const uint8_t mu[64],
                       const uint8_t *sig, size_t siglen) {
  const pq_mldsa_params *P = pq_mldsa_params_get(name);
  if (!P || pklen != P->pk_bytes || siglen != P->sig_bytes) return 0;
  return verify_core(P, pk, 0, mu, sig);
}

/* ---- prepared public keys ---------------------------------------------------- */

size_t pq_mldsa_prepared_bytes(unsigned name) {
  const pq_mldsa_params *P = pq_mldsa_params_get(name);
  return P ? 64 + (size_t)(P->k * P->l + P->k) * PQ_MLDSA_N * 4 : 0;
}

int pq_mldsa_prepare(unsigned name, const uint8_t *pk, size_t pklen, uint8_t *out) {
  const pq_mldsa_params *P = pq_mldsa_params_get(name);
  if (!P || pklen != P->pk_bytes) return PQ_ERR_PARAMS;
  const unsigned k = P->k, l = P->l;
  int32_t *prep = (int32_t *)(void *)(out + 64);
  pq_mldsa_pk_tr(pk, pklen, out);
  for (unsigned i = 0; i < k; i += 2) {
    pq_poly rows[2 * LMAX];
    expand_rows(rows, pk, i, 2, l);
    for (unsigned j = 0; j < 2 * l; j++)
      for (unsigned n = 0; n < PQ_MLDSA_N; n++)
        prep[(size_t)(i * l + j) * PQ_MLDSA_N + n] = rows[j].coeffs[n];
  }
  for (unsigned i = 0; i < k; i++) {
    pq_poly t;
    pq_mldsa_polyt1_unpack(&t, pk + 32 + 320 * i);
    for (unsigned n = 0; n < PQ_MLDSA_N; n++) t.coeffs[n] <<= PQ_MLDSA_D;
    pq_ntt(t.coeffs);
    for (unsigned n = 0; n < PQ_MLDSA_N; n++)
      prep[(size_t)(k * l + i) * PQ_MLDSA_N + n] = t.coeffs[n];
  }
  return PQ_OK;
}

int pq_mldsa_verify_prepared(unsigned name, const uint8_t *prepared, const uint8_t mu[64],
                             const uint8_t *sig, size_t siglen) {
  const pq_mldsa_params *P = pq_mldsa_params_get(name);
  if (!P || siglen != P->sig_bytes) return 0;
  return verify_core(P, 0, (const int32_t *)(const void *)(prepared + 64), mu, sig);
}
