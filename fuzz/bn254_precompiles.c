/* The BN254 precompile parsers (bn254_ec_add, bn254_ec_mul, bn254_ec_pairing) on hostile input:
 * never crash, never read past the input, return 0 or exactly one of the documented errors with a
 * zeroed output, and agree with a second path.
 * Input: mode (u8), then
 *   mode % 4 = 0 ecAdd, 1 ecMul, 2 ecPairing: the rest is the precompile input, as is. Second paths:
 *     ecAdd with the two points swapped (the same sum), P + P = ecMul(P, 2); ecMul against plain
 *     double-and-add over all 256 bits of the scalar; ecPairing with the pairs in reverse order
 *     (the same verdict), a length not a multiple of 192 must be PQ_ERR_BN_PAIRING_LENGTH.
 *   mode % 4 = 3 built points: op (u8 % 3), count (u8 % 4 + 1), per point a, b (u16 each) and
 *     flags (u8: bit 0 negate the G1 point, bit 1 G1 at infinity, bit 2 G2 at infinity), a scalar
 *     (32 bytes), then edits (count u8 % 4, each position u16, xor u8) of the encoded input. The
 *     points are [a]G1 and [b]G2: unedited, ecAdd must give [a0 + a1]G1, ecMul agrees with plain
 *     double-and-add, and ecPairing is 1 exactly when sum of +-a_i b_i (finite pairs) is 0. */
#include "bn254/bn254.h"
#include "fuzz_util.h"

typedef int32_t (*entry_fn)(pq_bind_state *, const int32_t *, const pq_buf *, const pq_buf *);

static int32_t call(entry_fn f, const uint8_t *in, size_t n, uint8_t *out, size_t outn) {
  pq_bind_state st;
  uint8_t *copy = fz_dup(in, n); /* its own heap block: ASan sees any read past n */
  uint8_t *o = (uint8_t *)malloc(outn);
  memset(o, 0xA5, outn);
  const pq_buf ib[1] = {{copy, n}}, ob[1] = {{o, outn}};
  const int32_t r = f(&st, NULL, ib, ob);
  memcpy(out, o, outn);
  free(copy);
  free(o);
  static const uint8_t zero[64] = {0};
  FUZZ_CHECK(r == 0 || r == PQ_ERR_BN_COORD || r == PQ_ERR_BN_G1 || r == PQ_ERR_BN_G2 ||
                 r == PQ_ERR_BN_SUBGROUP || r == PQ_ERR_BN_PAIRING_LENGTH,
             "result %d", r);
  FUZZ_CHECK(r == 0 || !memcmp(out, zero, outn), "output not zeroed on error %d", r);
  if (f != pq_bind_bn254_ec_pairing) FUZZ_CHECK(r != PQ_ERR_BN_PAIRING_LENGTH, "length error");
  if (f == pq_bind_bn254_ec_pairing && !r) FUZZ_CHECK(out[31] <= 1, "pairing output %u", out[31]);
  return r;
}

static void padded(uint8_t *dst, size_t len, const uint8_t *in, size_t n) {
  for (size_t i = 0; i < len; i++) dst[i] = i < n ? in[i] : 0;
}

/* ecMul by plain double-and-add on the decoded point: the second path of the GLV code */
static void check_mul(const uint8_t *in, size_t n, int32_t r, const uint8_t out[64]) {
  uint8_t buf[96], want[64];
  padded(buf, 96, in, n);
  pq_g1_aff p, s;
  const int32_t e = pq_g1_decode(&p, buf);
  FUZZ_CHECK(e == r, "ecMul %d, decode %d", r, e);
  if (e) return;
  uint32_t k[8];
  pq_g1_jac t;
  pq_bn_scalar_from_bytes(k, buf + 64);
  pq_g1_mul_plain(&t, &p, k);
  pq_g1_to_aff(&s, &t);
  pq_g1_encode(want, &s);
  FUZZ_CHECK(!memcmp(out, want, 64), "ecMul differs from double-and-add");
}

static void check_add(const uint8_t *in, size_t n, int32_t r, const uint8_t out[64]) {
  uint8_t buf[128], sw[128], o2[64];
  padded(buf, 128, in, n);
  memcpy(sw, buf + 64, 64);
  memcpy(sw + 64, buf, 64);
  const int32_t r2 = call(pq_bind_bn254_ec_add, sw, 128, o2, 64);
  FUZZ_CHECK((r == 0) == (r2 == 0), "ecAdd %d, swapped %d", r, r2);
  if (r) return;
  FUZZ_CHECK(!memcmp(out, o2, 64), "ecAdd not commutative");
  if (!memcmp(buf, buf + 64, 64)) { /* P + P = [2]P */
    uint8_t m[96] = {0};
    memcpy(m, buf, 64);
    m[95] = 2;
    FUZZ_CHECK(call(pq_bind_bn254_ec_mul, m, 96, o2, 64) == 0 && !memcmp(out, o2, 64),
               "P + P != [2]P");
  }
}

static void check_pairing(const uint8_t *in, size_t n, int32_t r, const uint8_t out[32]) {
  if (n % 192) {
    FUZZ_CHECK(r == PQ_ERR_BN_PAIRING_LENGTH, "length %zu: %d", n, r);
    return;
  }
  if (r || n < 384) return;
  uint8_t *rev = (uint8_t *)malloc(n), o2[32];
  const size_t k = n / 192;
  for (size_t i = 0; i < k; i++) memcpy(rev + 192 * i, in + 192 * (k - 1 - i), 192);
  const int32_t r2 = call(pq_bind_bn254_ec_pairing, rev, n, o2, 32);
  FUZZ_CHECK(r2 == 0 && o2[31] == out[31], "pairing order: %d %u vs %u", r2, o2[31], out[31]);
  free(rev);
}

static void g1_gen_mul(pq_g1_aff *r, uint32_t a) {
  pq_g1_aff g;
  pq_g1_jac t;
  uint32_t k[8] = {a, 0, 0, 0, 0, 0, 0, 0};
  pq_fp_from_u64(&g.x, 1);
  pq_fp_from_u64(&g.y, 2);
  g.inf = 0;
  pq_g1_mul_plain(&t, &g, k);
  pq_g1_to_aff(r, &t);
}

static void g2_gen_mul(pq_g2_aff *r, uint32_t b) {
  static const uint8_t GEN[128] = {
      0x19, 0x8e, 0x93, 0x93, 0x92, 0x0d, 0x48, 0x3a, 0x72, 0x60, 0xbf, 0xb7, 0x31, 0xfb, 0x5d,
      0x25, 0xf1, 0xaa, 0x49, 0x33, 0x35, 0xa9, 0xe7, 0x12, 0x97, 0xe4, 0x85, 0xb7, 0xae, 0xf3,
      0x12, 0xc2, 0x18, 0x00, 0xde, 0xef, 0x12, 0x1f, 0x1e, 0x76, 0x42, 0x6a, 0x00, 0x66, 0x5e,
      0x5c, 0x44, 0x79, 0x67, 0x43, 0x22, 0xd4, 0xf7, 0x5e, 0xda, 0xdd, 0x46, 0xde, 0xbd, 0x5c,
      0xd9, 0x92, 0xf6, 0xed, 0x09, 0x06, 0x89, 0xd0, 0x58, 0x5f, 0xf0, 0x75, 0xec, 0x9e, 0x99,
      0xad, 0x69, 0x0c, 0x33, 0x95, 0xbc, 0x4b, 0x31, 0x33, 0x70, 0xb3, 0x8e, 0xf3, 0x55, 0xac,
      0xda, 0xdc, 0xd1, 0x22, 0x97, 0x5b, 0x12, 0xc8, 0x5e, 0xa5, 0xdb, 0x8c, 0x6d, 0xeb, 0x4a,
      0xab, 0x71, 0x80, 0x8d, 0xcb, 0x40, 0x8f, 0xe3, 0xd1, 0xe7, 0x69, 0x0c, 0x43, 0xd3, 0x7b,
      0x4c, 0xe6, 0xcc, 0x01, 0x66, 0xfa, 0x7d, 0xaa};
  pq_g2_aff g;
  pq_g2_jac t;
  FUZZ_CHECK(pq_g2_decode(&g, GEN) == 0, "G2 generator");
  pq_g2_mul_plain(&t, &g, &b, 1);
  pq_g2_to_aff(r, &t);
}

static void built(fz_reader *r) {
  const unsigned op = fz_u8(r) % 3, cnt = fz_u8(r) % 4 + 1;
  uint8_t in[4 * 192], out[64], o2[64];
  int64_t sum = 0;
  uint32_t a0 = 0, a1 = 0;
  size_t n = 0;
  for (unsigned i = 0; i < cnt; i++) {
    const uint32_t a = fz_u16(r), b = fz_u16(r);
    const uint8_t fl = fz_u8(r);
    pq_g1_aff p;
    pq_g2_aff q;
    g1_gen_mul(&p, a);
    if (fl & 1) pq_fp_neg(&p.y, &p.y);
    if (fl & 2) p.inf = 1;
    if (i == 0) a0 = a;
    if (i == 1) a1 = a;
    if (op == 2) {
      g2_gen_mul(&q, b);
      if (fl & 4) q.inf = 1;
      if (!p.inf && !q.inf) sum += (fl & 1 ? -1 : 1) * (int64_t)a * b;
      pq_g1_encode(in + n, &p);
      pq_g2_encode(in + n + 64, &q);
      n += 192;
    } else if (i < 2) {
      pq_g1_encode(in + n, &p);
      n += 64;
      if (fl & 3) a0 = a1 = 0xFFFFFFFFu; /* no simple expectation */
    }
  }
  size_t got;
  const uint8_t *scalar = fz_bytes(r, 32, &got);
  if (op == 1) {
    memset(in + 64, 0, 32);
    memcpy(in + 64, scalar, got);
    n = 96;
  }
  const unsigned edits = fz_u8(r) % 4;
  for (unsigned e = 0; e < edits; e++) {
    const unsigned pos = fz_u16(r) % (unsigned)n;
    in[pos] ^= fz_u8(r);
  }
  entry_fn f = op == 0   ? pq_bind_bn254_ec_add
               : op == 1 ? pq_bind_bn254_ec_mul
                         : pq_bind_bn254_ec_pairing;
  const int32_t res = call(f, in, n, out, op == 2 ? 32 : 64);
  if (op == 0) check_add(in, n, res, out);
  if (op == 1) check_mul(in, n, res, out);
  if (op == 2) check_pairing(in, n, res, out);
  if (edits) return;
  FUZZ_CHECK(res == 0, "built input refused: %d", res);
  if (op == 2) FUZZ_CHECK(out[31] == (sum == 0), "pairing %u, sum %lld", out[31], (long long)sum);
  if (op == 0 && a0 != 0xFFFFFFFFu && cnt >= 2) {
    uint8_t m[96];
    pq_g1_aff g;
    g1_gen_mul(&g, 1);
    pq_g1_encode(m, &g);
    memset(m + 64, 0, 32);
    const uint64_t s = (uint64_t)a0 + a1;
    for (int i = 0; i < 8; i++) m[95 - i] = (uint8_t)(s >> (8 * i));
    FUZZ_CHECK(call(pq_bind_bn254_ec_mul, m, 96, o2, 64) == 0 && !memcmp(out, o2, 64),
               "[a]G + [b]G != [a+b]G");
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fz_reader r = {data, size};
  const uint8_t mode = fz_u8(&r) % 4;
  if (mode == 3) {
    built(&r);
    return 0;
  }
  size_t n;
  const uint8_t *in = fz_bytes(&r, r.n, &n);
  uint8_t out[64];
  if (mode == 0) check_add(in, n, call(pq_bind_bn254_ec_add, in, n, out, 64), out);
  if (mode == 1) check_mul(in, n, call(pq_bind_bn254_ec_mul, in, n, out, 64), out);
  if (mode == 2) check_pairing(in, n, call(pq_bind_bn254_ec_pairing, in, n, out, 32), out);
  return 0;
}
