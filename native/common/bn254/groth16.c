/* Groth16 verification over BN254 (bn254.h): prepared keys, single and batch verification.
 *
 * Prepared key blob (pq_bn254_groth16_prepared_bytes(n) bytes, Fp values canonical in 4
 * little-endian 64-bit words):
 *   [0, 16)    header: "BN16", version 2, flags (bit 0: gamma at infinity, bit 1: delta), 0, 0,
 *              n (u32 little-endian), 0 (u32)
 *   [16, 400)  f(alpha, beta), the Miller loop value of (alpha, beta) BEFORE the final
 *              exponentiation (1 when either is infinity), non-zero: 12 Fp values in tower order
 *              (c0.c0.c0, c0.c0.c1, ..., c1.c2.c1). Verify multiplies its conjugate into the proof's
 *              Miller loops and checks that the one final exponentiation gives 1, so neither
 *              prepare nor verify pays a final exponentiation for e(alpha, beta): the first verify
 *              of a key (prepare + verify, the cold start) runs one instead of two. (Version 1
 *              stored e(alpha, beta) itself.)
 *   then       the lines of -gamma, the lines of -delta (PQ_BN_LINES × PQ_BN_LINE_BYTES each; zero
 *              when the point is at infinity)
 *   then       IC[0..n] affine (x, y), (0, 0) for infinity
 * verify checks the header, the length, that every value is canonical, IC on the curve and the line
 * table of a point at infinity all zero, so a blob that did not come from prepare is rejected
 * rather than computed with. */
#include "bn254/bn254.h"
#include "bn254/pairing.h"

#include "bn254/bn254_curve_tables.inc"

#define HDR 16
#define GT_BYTES 384
#define LINES_BYTES ((uint32_t)PQ_BN_LINES * PQ_BN_LINE_BYTES)
#define OFF_LINES (HDR + GT_BYTES)
#define OFF_IC (OFF_LINES + 2 * LINES_BYTES)

uint32_t pq_bn254_groth16_prepared_bytes(uint32_t n) {
  if (n > PQ_BN254_G16_MAX_PUBLIC) return 0;
  return OFF_IC + 64u * (n + 1u);
}

/* ---- blob encoding ---------------------------------------------------------------------------- */

static void put_fp(uint8_t *p, const pq_fp *a) {
  pq_fp c;
  pq_fp_canon(&c, a);
  for (int i = 0; i < 4; i++)
    for (int j = 0; j < 8; j++) p[8 * i + j] = (uint8_t)(c.v[i] >> (8 * j));
}

/* 0 if the stored value is not canonical */
static int get_fp(pq_fp *r, const uint8_t *p) {
  static const pq_fp P = PQ_BN_P_INIT;
  for (int i = 0; i < 4; i++) {
    uint64_t w = 0;
    for (int j = 7; j >= 0; j--) w = w << 8 | p[8 * i + j];
    r->v[i] = w;
  }
  for (int w = 3; w >= 0; w--)
    if (r->v[w] != P.v[w]) return r->v[w] < P.v[w];
  return 0;
}

static pq_fp *gt_coord(pq_fp12 *a, int i) {
  pq_fp6 *c6 = i < 6 ? &a->c0 : &a->c1;
  pq_fp2 *c2 = (i % 6) < 2 ? &c6->c0 : (i % 6) < 4 ? &c6->c1 : &c6->c2;
  return i % 2 ? &c2->c1 : &c2->c0;
}

static uint32_t get_u32(const uint8_t *p) {
  return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

int32_t pq_bn254_groth16_prepare(uint8_t *out, const uint8_t *vk, uint32_t n) {
  pq_g1_aff alpha, ic;
  pq_g2_aff beta, gamma, delta;
  int32_t err = pq_g1_decode(&alpha, vk);
  if (!err) err = pq_g2_decode(&beta, vk + 64);
  if (!err) err = pq_g2_decode(&gamma, vk + 192);
  if (!err) err = pq_g2_decode(&delta, vk + 320);
  for (uint32_t i = 0; !err && i <= n; i++) err = pq_g1_decode(&ic, vk + 448 + 64 * (size_t)i);
  if (err) return err;
  for (size_t i = 0; i < OFF_IC; i++) out[i] = 0;
  out[0] = 'B', out[1] = 'N', out[2] = '1', out[3] = '6', out[4] = 2;
  out[5] = (uint8_t)(gamma.inf | delta.inf << 1);
  for (int i = 0; i < 4; i++) out[8 + i] = (uint8_t)(n >> (8 * i));
  pq_fp12 f;
  if (alpha.inf || beta.inf)
    pq_fp12_one(&f);
  else
    pq_bn_miller_loop(&f, &alpha, &beta, 1, 0, 0, 0);
  for (int i = 0; i < 12; i++) put_fp(out + HDR + 32 * i, gt_coord(&f, i));
  /* the Miller loops use -gamma and -delta: e(vk_x, -gamma) = e(vk_x, gamma)^-1 */
  if (!gamma.inf) {
    pq_fp2_neg(&gamma.y, &gamma.y);
    pq_bn_lines_precompute(out + OFF_LINES, &gamma);
  }
  if (!delta.inf) {
    pq_fp2_neg(&delta.y, &delta.y);
    pq_bn_lines_precompute(out + OFF_LINES + LINES_BYTES, &delta);
  }
  for (uint32_t i = 0; i <= n; i++) {
    pq_g1_decode(&ic, vk + 448 + 64 * (size_t)i);
    uint8_t *o = out + OFF_IC + 64 * (size_t)i;
    if (ic.inf) {
      for (int j = 0; j < 64; j++) o[j] = 0;
    } else {
      put_fp(o, &ic.x);
      put_fp(o + 32, &ic.y);
    }
  }
  return 0;
}

/* ---- a parsed prepared key ---------------------------------------------------------------------- */

typedef struct {
  const uint8_t *blob;
  uint32_t n;
  int gamma_inf, delta_inf;
  pq_fp12 f_ab; /* f(alpha, beta) before the final exponentiation */
} prepared;

/* 1 if the blob is a well-formed prepared key of its own length */
static int parse(prepared *k, const uint8_t *blob, size_t len) {
  if (len < OFF_IC + 64) return 0;
  if (blob[0] != 'B' || blob[1] != 'N' || blob[2] != '1' || blob[3] != '6' || blob[4] != 2 ||
      blob[5] > 3 || blob[6] || blob[7] || get_u32(blob + 12))
    return 0;
  k->n = get_u32(blob + 8);
  if (k->n > PQ_BN254_G16_MAX_PUBLIC || len != pq_bn254_groth16_prepared_bytes(k->n)) return 0;
  k->blob = blob;
  k->gamma_inf = blob[5] & 1;
  k->delta_inf = blob[5] >> 1;
  uint8_t nz = 0; /* no Miller loop gives 0, and the final exponentiation needs f != 0 */
  for (int i = 0; i < 12; i++) {
    if (!get_fp(gt_coord(&k->f_ab, i), blob + HDR + 32 * i)) return 0;
    for (int j = 0; j < 32; j++) nz |= blob[HDR + 32 * i + j];
  }
  if (!nz) return 0;
  for (int j = 0; j < 2; j++) { /* canonical lines, or all zero for a point at infinity */
    const uint8_t *l = blob + OFF_LINES + j * LINES_BYTES;
    if (!((blob[5] >> j) & 1)) {
      if (!pq_bn_lines_valid(l)) return 0;
    } else {
      uint8_t any = 0;
      for (size_t i = 0; i < LINES_BYTES; i++) any |= l[i];
      if (any) return 0;
    }
  }
  for (uint32_t i = 0; i <= k->n; i++) {
    pq_g1_aff a;
    const uint8_t *p = blob + OFF_IC + 64 * (size_t)i;
    if (!get_fp(&a.x, p) || !get_fp(&a.y, p + 32)) return 0;
    a.inf = pq_fp_is_zero(&a.x) && pq_fp_is_zero(&a.y);
    if (!a.inf && !pq_g1_on_curve(&a)) return 0;
  }
  return 1;
}

static void ic_point(pq_g1_aff *a, const prepared *k, uint32_t i) {
  const uint8_t *p = k->blob + OFF_IC + 64 * (size_t)i;
  get_fp(&a->x, p);
  get_fp(&a->y, p + 32);
  a->inf = pq_fp_is_zero(&a->x) && pq_fp_is_zero(&a->y);
}

/* ---- scalars mod r ---------------------------------------------------------------------------- */

/* out = x mod r for x of nw 32-bit words (bit by bit: the batch's few sums only) */
static void mod_r(uint32_t out[8], const uint32_t *x, int nw) {
  static const uint32_t R[8] = PQ_BN_R_WORDS;
  uint32_t acc[9] = {0};
  for (int i = 32 * nw - 1; i >= 0; i--) {
    uint32_t c = (x[i / 32] >> (i % 32)) & 1;
    for (int w = 0; w < 9; w++) {
      const uint32_t top = acc[w] >> 31;
      acc[w] = acc[w] << 1 | c;
      c = top;
    }
    /* acc < 2r < 2^255: subtract r when acc >= r */
    int ge = 1;
    for (int w = 7; w >= 0; w--)
      if (acc[w] != R[w]) {
        ge = acc[w] > R[w];
        break;
      }
    if (acc[8] || ge) {
      uint64_t br = 0;
      for (int w = 0; w < 8; w++) {
        const uint64_t d = (uint64_t)acc[w] - R[w] - br;
        acc[w] = (uint32_t)d;
        br = (d >> 32) & 1;
      }
      acc[8] -= (uint32_t)br;
    }
  }
  for (int w = 0; w < 8; w++) out[w] = acc[w];
}

/* acc (nw words) += a (4 words) * b (8 words) */
static void mac_wide(uint32_t *acc, int nw, const uint32_t a[4], const uint32_t b[8]) {
  for (int i = 0; i < 4; i++) {
    uint64_t c = 0;
    int j = 0;
    for (; j < 8; j++) {
      const uint64_t t = (uint64_t)a[i] * b[j] + acc[i + j] + c;
      acc[i + j] = (uint32_t)t;
      c = t >> 32;
    }
    for (int w = i + j; w < nw && c; w++) {
      c += acc[w];
      acc[w] = (uint32_t)c;
      c >>= 32;
    }
  }
}

/* 128-bit big-endian coefficient -> 4 words; 0 if it is zero */
static int coeff_words(uint32_t w[4], const uint8_t in[16]) {
  uint32_t any = 0;
  for (int i = 0; i < 4; i++) {
    w[i] = (uint32_t)in[15 - 4 * i] | (uint32_t)in[14 - 4 * i] << 8 |
           (uint32_t)in[13 - 4 * i] << 16 | (uint32_t)in[12 - 4 * i] << 24;
    any |= w[i];
  }
  return any != 0;
}

/* ---- verification ------------------------------------------------------------------------------- */

/* the Miller loop of the pairs so far with the two fixed ones (when their G1 point is finite),
 * f = f * (that loop), or f = that loop when *have is 0 */
static void miller_acc(pq_fp12 *f, int *have, const pq_g1_aff *p, const pq_g2_aff *q, size_t n,
                       const pq_g1_aff *pf, const uint8_t *const *lines, size_t nf) {
  if (!n && !nf) return;
  pq_fp12 g;
  pq_bn_miller_loop(*have ? &g : f, p, q, n, pf, lines, nf);
  if (*have) pq_fp12_mul(f, f, &g);
  *have = 1;
}

/* the fixed pairs (vk_x, -gamma) and (c, -delta), leaving out those with a point at infinity */
static size_t fixed_pairs(pq_g1_aff pf[2], const uint8_t *lines[2], const prepared *k,
                          const pq_g1_jac *vkx, const pq_g1_jac *c) {
  pq_g1_jac j[2] = {*vkx, *c};
  pq_g1_aff a[2];
  pq_g1_batch_to_aff(a, j, 2);
  size_t nf = 0;
  if (!a[0].inf && !k->gamma_inf) {
    pf[nf] = a[0];
    lines[nf++] = k->blob + OFF_LINES;
  }
  if (!a[1].inf && !k->delta_inf) {
    pf[nf] = a[1];
    lines[nf++] = k->blob + OFF_LINES + LINES_BYTES;
  }
  return nf;
}

/* A, B, C of a 256-byte proof; 0 if malformed */
static int decode_proof(pq_g1_aff *a, pq_g2_aff *b, pq_g1_aff *c, const uint8_t *proof) {
  return !pq_g1_decode(a, proof) && !pq_g2_decode(b, proof + 64) && !pq_g1_decode(c, proof + 192);
}

int32_t pq_bn254_groth16_verify(const uint8_t *blob, size_t plen, const uint8_t *pub, size_t publen,
                                const uint8_t *proof, size_t prooflen) {
  prepared k;
  if (!parse(&k, blob, plen) || publen != 32 * (size_t)k.n || prooflen != PQ_BN254_G16_PROOF_BYTES)
    return 0;
  for (uint32_t i = 0; i < k.n; i++)
    if (!pq_bn_scalar_lt_r(pub + 32 * (size_t)i)) return 0;
  pq_g1_aff a, c, ic;
  pq_g2_aff b;
  if (!decode_proof(&a, &b, &c, proof)) return 0;
  /* vk_x = IC[0] + sum pub_i IC[i+1] */
  pq_g1_jac vkx, t, cj;
  ic_point(&ic, &k, 0);
  pq_g1_from_aff(&vkx, &ic);
  for (uint32_t i = 0; i < k.n; i++) {
    uint32_t s[8];
    pq_bn_scalar_from_bytes(s, pub + 32 * (size_t)i);
    ic_point(&ic, &k, i + 1);
    pq_g1_mul(&t, &ic, s);
    pq_g1_add(&vkx, &vkx, &t);
  }
  /* e(A, B) e(vk_x, -gamma) e(C, -delta) = e(alpha, beta): the Miller loops times conj(f(alpha,
   * beta)), which the final exponentiation maps to e(alpha, beta)^(p^6) = e(alpha, beta)^-1, then
   * one final exponentiation must give 1 */
  pq_g1_aff pf[2];
  const uint8_t *lines[2];
  pq_g1_from_aff(&cj, &c);
  const size_t nf = fixed_pairs(pf, lines, &k, &vkx, &cj);
  const size_t nv = !a.inf && !b.inf;
  pq_fp12 f, g;
  int have = 0;
  miller_acc(&f, &have, &a, &b, nv, pf, lines, nf);
  pq_fp12_conj(&g, &k.f_ab);
  if (have)
    pq_fp12_mul(&f, &f, &g);
  else
    f = g;
  pq_bn_final_exp(&f, &f);
  return pq_fp12_is_one(&f);
}

int32_t pq_bn254_groth16_verify_batch(const uint8_t *blob, size_t plen, const uint8_t *pub,
                                      size_t publen, const uint8_t *proofs, size_t prooflen,
                                      const uint8_t *coeffs, size_t coefflen) {
  prepared k;
  if (!parse(&k, blob, plen) || !prooflen || prooflen % PQ_BN254_G16_PROOF_BYTES) return 0;
  const size_t cnt = prooflen / PQ_BN254_G16_PROOF_BYTES;
  if (cnt > 0xFFFFFFFFu || coefflen != 16 * cnt || publen / 32 / cnt != k.n ||
      publen != 32 * (size_t)k.n * cnt)
    return 0;
  for (size_t i = 0; i < cnt * k.n; i++)
    if (!pq_bn_scalar_lt_r(pub + 32 * i)) return 0;
  /* the sums over the proofs of rho_i (for IC[0] and the exponent of e(alpha, beta)), of
   * rho_i pub_ij (IC[j+1]) and of rho_i C_i: exact integers below 2^(128 + 254 + 32) */
  enum { WIDE = 14 };
  uint32_t rho[4], sum_rho[WIDE] = {0}, one[8] = {1, 0, 0, 0, 0, 0, 0, 0};
  for (size_t i = 0; i < cnt; i++) {
    if (!coeff_words(rho, coeffs + 16 * i)) return 0; /* a zero would leave proof i unchecked */
    mac_wide(sum_rho, WIDE, rho, one);
  }
  pq_g1_jac vkx, sc, t;
  pq_g1_aff ic;
  uint32_t s[8];
  mod_r(s, sum_rho, WIDE);
  ic_point(&ic, &k, 0);
  pq_g1_mul(&vkx, &ic, s);
  for (uint32_t j = 0; j < k.n; j++) {
    uint32_t acc[WIDE] = {0}, x[8];
    for (size_t i = 0; i < cnt; i++) {
      coeff_words(rho, coeffs + 16 * i);
      pq_bn_scalar_from_bytes(x, pub + 32 * (i * k.n + j));
      mac_wide(acc, WIDE, rho, x);
    }
    mod_r(s, acc, WIDE);
    ic_point(&ic, &k, j + 1);
    pq_g1_mul(&t, &ic, s);
    pq_g1_add(&vkx, &vkx, &t);
  }
  /* the proofs: pairs (rho_i A_i, B_i) in multi-Miller loops of up to PQ_BN_PAIRS_MAX - 2 pairs;
   * the last loop also runs the two fixed pairs, known once sum rho_i C_i is */
  pq_g1_aff pf[2], p[PQ_BN_PAIRS_MAX];
  pq_g2_aff q[PQ_BN_PAIRS_MAX];
  const uint8_t *lines[2];
  pq_fp12 f;
  int have = 0;
  size_t n = 0;
  pq_g1_set_inf(&sc);
  for (size_t i = 0; i < cnt; i++) {
    pq_g1_aff a, c;
    pq_g1_jac ra;
    if (!decode_proof(&a, &q[n], &c, proofs + PQ_BN254_G16_PROOF_BYTES * i)) return 0;
    coeff_words(rho, coeffs + 16 * i);
    for (int w = 0; w < 8; w++) s[w] = w < 4 ? rho[w] : 0;
    pq_g1_mul(&t, &c, s);
    pq_g1_add(&sc, &sc, &t);
    pq_g1_mul(&ra, &a, s);
    pq_g1_to_aff(&p[n], &ra);
    if (!p[n].inf && !q[n].inf) n++;
    if (n == PQ_BN_PAIRS_MAX - 2 && i + 1 < cnt) {
      miller_acc(&f, &have, p, q, n, 0, 0, 0);
      n = 0;
    }
  }
  const size_t nf = fixed_pairs(pf, lines, &k, &vkx, &sc);
  miller_acc(&f, &have, p, q, n, pf, lines, nf);
  if (!have) pq_fp12_one(&f);
  /* e(alpha, beta)^(sum rho_i), the exponent as the exact sum (< 2^160), taken after the easy part
   * of the final exponentiation (in the cyclotomic subgroup, where the hard part is a
   * homomorphism and the inverse the conjugate): hard(easy(f) conj(easy(f_ab)^sum)) = 1 */
  pq_fp12 g;
  pq_bn_final_exp_easy(&f, &f);
  pq_bn_final_exp_easy(&g, &k.f_ab);
  pq_bn_cyclotomic_pow(&g, &g, sum_rho, 6);
  pq_fp12_conj(&g, &g);
  pq_fp12_mul(&f, &f, &g);
  pq_bn_final_exp_hard(&f, &f);
  return pq_fp12_is_one(&f);
}
