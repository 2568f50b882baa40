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

/* ---- inversion: Bernstein-Yang divsteps, variable time -------------------------------------
 * Every BN254 input is public (the family only verifies: curve points, proofs, keys; no secret
 * scalar), so the inversion may branch on its operand: the variable-time form of the safegcd
 * algorithm (Bernstein and Yang, "Fast constant-time gcd computation and modular inversion",
 * 2019) is ~5-10x faster than the Fermat power a^(p-2) (~330 Montgomery products), which
 * dominated ecAdd and every affine conversion.
 * f = p and g = x run through the divstep
 *   delta > 0 and g odd: (delta, f, g) -> (1 - delta, g, (g - f) / 2)
 *   g odd:               (delta, f, g) -> (1 + delta, f, (g + f) / 2)
 *   g even:              (delta, f, g) -> (1 + delta, f, g / 2)
 * in batches of B steps (B = 62 with 64-bit words, 30 in wasm32, whose widest product is 64
 * bits): a batch runs on the low B bits of f and g only and returns its 2x2 matrix T (entries
 * with |u| + |v| <= 2^B), which is then applied to the full f, g (exact division by 2^B) and to
 * d, e (division by 2^B mod p), keeping f = d x and g = e x mod p. With delta = 1 at the start
 * g reaches 0 within 736 steps for 254-bit inputs (the paper's bound); then f = +-1 and
 * x^-1 = +-d. The batch (eta = -delta) removes all trailing zeros of g at once and clears up to
 * 6 low bits of g per addition (g + w f = 0 mod 2^k, w = -g / f mod 2^k with f^-1 = f (2 - f^2)
 * mod 2^6), never past the step where delta would turn positive, so it makes exactly the
 * divsteps above. Numbers are signed-digit limbs: B bits each, the top limb signed. */
#if defined(__SIZEOF_INT128__) && !defined(__wasm__)
typedef int64_t inv_limb;
typedef uint64_t inv_ulimb;
typedef __int128 inv_wide;
#define INV_B 62
#define INV_N 5 /* 310 bits: |f|, |g| <= p and d, e in (-2p, p) fit */
#define INV_P_INIT PQ_BN_P_L62_INIT
#define INV_PINV PQ_BN_PINV62
#define INV_CTZ(x) __builtin_ctzll(x)
#else
typedef int32_t inv_limb;
typedef uint32_t inv_ulimb;
typedef int64_t inv_wide;
#define INV_B 30
#define INV_N 9 /* 270 bits */
#define INV_P_INIT PQ_BN_P_L30_INIT
#define INV_PINV PQ_BN_PINV30
#define INV_CTZ(x) __builtin_ctz(x)
#endif
#define INV_MASK ((((inv_ulimb)1) << INV_B) - 1)

/* B divsteps on the low bits f, g (f odd); t = {u, v, q, r} with
 * 2^B (f', g') = (u f + v g, q f + r g). Returns the new eta. */
static inv_limb inv_divsteps(inv_limb eta, inv_ulimb f, inv_ulimb g, inv_limb t[4]) {
  inv_ulimb u = 1, v = 0, q = 0, r = 1, tmp, w;
  int i = INV_B, zeros, limit;
  for (;;) {
    zeros = INV_CTZ(g | (~(inv_ulimb)0 << i)); /* the steps with g even, at most the i left */
    g >>= zeros;
    u <<= zeros;
    v <<= zeros;
    eta -= (inv_limb)zeros;
    i -= zeros;
    if (i == 0) break;
    if (eta < 0) { /* delta > 0, g odd: (f, g) -> (g, -f), then the (g + f) / 2 below */
      eta = -eta;
      tmp = f, f = g, g = 0 - tmp;
      tmp = u, u = q, q = 0 - tmp;
      tmp = v, v = r, r = 0 - tmp;
    }
    /* eta + 1 steps before delta can turn positive again, i left in this batch, 6 bits of w */
    limit = (int)eta + 1 < i ? (int)eta + 1 : i;
    if (limit > 6) limit = 6;
    w = (g * f * (f * f - 2)) & ((~(inv_ulimb)0) >> (8 * sizeof(inv_ulimb) - (unsigned)limit));
    g += f * w;
    q += u * w;
    r += v * w;
  }
  t[0] = (inv_limb)u, t[1] = (inv_limb)v, t[2] = (inv_limb)q, t[3] = (inv_limb)r;
  return eta;
}

/* (f, g) <- T (f, g) / 2^B, exact */
static void inv_update_fg(inv_limb f[INV_N], inv_limb g[INV_N], const inv_limb t[4]) {
  const inv_wide u = t[0], v = t[1], q = t[2], r = t[3];
  inv_wide cf = u * f[0] + v * g[0], cg = q * f[0] + r * g[0];
  cf >>= INV_B; /* the low B bits are 0 */
  cg >>= INV_B;
  for (int k = 1; k < INV_N; k++) {
    cf += u * f[k] + v * g[k];
    cg += q * f[k] + r * g[k];
    f[k - 1] = (inv_limb)(cf & INV_MASK);
    g[k - 1] = (inv_limb)(cg & INV_MASK);
    cf >>= INV_B;
    cg >>= INV_B;
  }
  f[INV_N - 1] = (inv_limb)cf;
  g[INV_N - 1] = (inv_limb)cg;
}

/* (d, e) <- T (d, e) / 2^B mod p, d, e in (-2p, p) -> (-2p, p): p is added to a negative d or
 * e first (u p, v p, q p, r p folded into md, me), which leaves |T (d, e)| <= 2^B p, then
 * md, me are lowered by less than 2^B to make the low B bits 0: the quotient lies in (-2p, p). */
static void inv_update_de(inv_limb d[INV_N], inv_limb e[INV_N], const inv_limb t[4]) {
  static const inv_limb P[INV_N] = INV_P_INIT;
  const inv_limb sd = d[INV_N - 1] < 0 ? -1 : 0, se = e[INV_N - 1] < 0 ? -1 : 0;
  inv_limb md = (t[0] & sd) + (t[1] & se), me = (t[2] & sd) + (t[3] & se);
  const inv_wide u = t[0], v = t[1], q = t[2], r = t[3];
  inv_wide cd = u * d[0] + v * e[0], ce = q * d[0] + r * e[0];
  md -= (inv_limb)((INV_PINV * (inv_ulimb)cd + (inv_ulimb)md) & INV_MASK);
  me -= (inv_limb)((INV_PINV * (inv_ulimb)ce + (inv_ulimb)me) & INV_MASK);
  cd += (inv_wide)P[0] * md;
  ce += (inv_wide)P[0] * me;
  cd >>= INV_B; /* the low B bits are 0 */
  ce >>= INV_B;
  for (int k = 1; k < INV_N; k++) {
    cd += u * d[k] + v * e[k] + (inv_wide)P[k] * md;
    ce += q * d[k] + r * e[k] + (inv_wide)P[k] * me;
    d[k - 1] = (inv_limb)(cd & INV_MASK);
    e[k - 1] = (inv_limb)(ce & INV_MASK);
    cd >>= INV_B;
    ce >>= INV_B;
  }
  d[INV_N - 1] = (inv_limb)cd;
  e[INV_N - 1] = (inv_limb)ce;
}

/* d <- s d + c p (s = +-1, c in {-1, 0, 1}), limbs normalized again */
static void inv_scale_add_p(inv_limb d[INV_N], int s, int c) {
  static const inv_limb P[INV_N] = INV_P_INIT;
  inv_wide acc = 0;
  for (int k = 0; k < INV_N; k++) {
    acc += (inv_wide)s * d[k] + (inv_wide)c * P[k];
    if (k == INV_N - 1) {
      d[k] = (inv_limb)acc;
    } else {
      d[k] = (inv_limb)(acc & INV_MASK);
      acc >>= INV_B;
    }
  }
}

/* 1 if the signed-limb d is >= p */
static int inv_ge_p(const inv_limb d[INV_N]) {
  inv_limb t[INV_N];
  for (int k = 0; k < INV_N; k++) t[k] = d[k];
  inv_scale_add_p(t, 1, -1);
  return t[INV_N - 1] >= 0;
}

void pq_fp_inv(pq_fp *r, const pq_fp *a) {
  static const pq_fp r3 = PQ_BN_R3_INIT; /* < p */
  static const inv_limb P[INV_N] = INV_P_INIT;
  pq_fp x;
  pq_fp_canon(&x, a); /* the integer a R mod p */
  if ((x.v[0] | x.v[1] | x.v[2] | x.v[3]) == 0) { /* 0 has no inverse: 0, as a^(p-2) gives */
    *r = x;
    return;
  }
  inv_limb f[INV_N], g[INV_N], d[INV_N] = {0}, e[INV_N] = {1}, t[4], eta = -1;
  for (int k = 0; k < INV_N; k++) {
    const int pos = INV_B * k, w = pos / 64, off = pos % 64;
    inv_ulimb l = (inv_ulimb)(x.v[w] >> off);
    if (off + INV_B > 64 && w + 1 < 4) l |= (inv_ulimb)(x.v[w + 1] << (64 - off));
    f[k] = P[k];
    g[k] = (inv_limb)(l & INV_MASK);
  }
  for (;;) {
    eta = inv_divsteps(eta, (inv_ulimb)f[0], (inv_ulimb)g[0], t);
    inv_update_de(d, e, t);
    inv_update_fg(f, g, t);
    inv_limb z = 0;
    for (int k = 0; k < INV_N; k++) z |= g[k];
    if (z == 0) break;
  }
  /* f = +-1 (p is prime, x != 0): x^-1 = sign(f) d, brought into [0, p) */
  inv_scale_add_p(d, f[INV_N - 1] < 0 ? -1 : 1, 0);
  while (d[INV_N - 1] < 0) inv_scale_add_p(d, 1, 1);
  while (inv_ge_p(d)) inv_scale_add_p(d, 1, -1);
  pq_fp y = {{0, 0, 0, 0}};
  for (int k = 0; k < INV_N; k++) {
    const int pos = INV_B * k, w = pos / 64, off = pos % 64;
    const uint64_t l = (uint64_t)(inv_ulimb)d[k];
    y.v[w] |= l << off;
    if (off + INV_B > 64 && w + 1 < 4) y.v[w + 1] |= l >> (64 - off);
  }
  pq_fp_mul(r, &r3, &y); /* (a R)^-1 R^3 / R = a^-1 R */
}
