/* The BN254 curve, pairing and protocol layer (bn254/curve.h, pairing.h, bn254.h) through the core
 * API and the binding entries:
 *   - every vector of vectors/bn254 (build/c-vectors/MANIFEST-bn254 from scripts/gen-bn254-vectors.mjs;
 *     env PQ_C_VECTORS overrides the directory; without it this test fails): go-ethereum's
 *     bn256Add/ScalarMul/Pairing byte for byte, noble-curves' eth-dump (151 ok, 64 failures with
 *     their error class) and seda vectors, the generated precompile negatives, the Groth16 fixtures
 *     with every negative (single and batch), differential cases from @noble/curves (ecAdd, ecMul
 *     with scalars >= r, pairing checks of 1-6 pairs, pairing values, final exponentiations,
 *     field ops at the bounds);
 *   - second paths: GLV against plain double-and-add, the psi subgroup criterion against [r]Q = O
 *     (on twist points inside and outside G2), bilinearity, fixed-argument lines against the
 *     variable Miller loop, a multi-Miller loop against the product of single pairings,
 *     cyclotomic powers, batch against single Groth16 verification;
 *   - the binding's length and argument checks.
 * PQ_VECTORS_EVERY=k (set by scripts/test-c.sh for the slow qemu runs; every other build runs all)
 * runs the cases whose index within their group is a multiple of k, and fewer property rounds. */
#include <stdlib.h>

#include "binding/pq_binding.h"
#include "bn254/bn254.h"
#include "bn254/pairing.h"
#include "shared/pq_bench.h"
#include "test_util.h"

static unsigned g_every = 1;
static const char *g_id = "";

static void *xmalloc(size_t n) {
  void *p = malloc(n ? n : 1);
  if (!p) {
    fprintf(stderr, "test_bn254: out of memory\n");
    exit(1);
  }
  return p;
}

/* ---- hex fields ------------------------------------------------------------------------------ */

typedef struct {
  uint8_t *p;
  size_t n;
} blob;

/* decode hex of length len into b (grown as needed); 0 on bad hex */
static int unhex(blob *b, const char *s, size_t len) {
  if (len % 2) return 0;
  free(b->p);
  b->p = xmalloc(len / 2);
  b->n = len / 2;
  for (size_t i = 0; i < len / 2; i++) {
    const int hi = t_hexval(s[2 * i]), lo = t_hexval(s[2 * i + 1]);
    if (hi < 0 || lo < 0) return 0;
    b->p[i] = (uint8_t)(hi << 4 | lo);
  }
  return 1;
}

/* the value of key=... in a record (NULL if absent); *len its length */
static const char *field(const char *rec, const char *key, size_t *len) {
  const size_t kl = strlen(key);
  for (const char *p = rec; p && *p;) {
    if (strncmp(p, key, kl) == 0 && p[kl] == '=') {
      const char *v = p + kl + 1, *e = strchr(v, ' ');
      *len = e ? (size_t)(e - v) : strlen(v);
      return v;
    }
    p = strchr(p, ' ');
    if (p) p++;
  }
  return NULL;
}

static int hexfield(blob *b, const char *rec, const char *key) {
  size_t len;
  const char *v = field(rec, key, &len);
  if (!v || !unhex(b, v, len)) {
    CHECK(0, "%s: field %s missing or bad", g_id, key);
    return 0;
  }
  return 1;
}

static long numfield(const char *rec, const char *key) {
  size_t len;
  const char *v = field(rec, key, &len);
  return v ? strtol(v, NULL, 10) : -9999;
}

/* ---- helpers ----------------------------------------------------------------------------------- */

static int32_t bind1(int32_t (*fn)(pq_bind_state *, const int32_t *, const pq_buf *,
                                   const pq_buf *),
                     const int32_t *a, const uint8_t *in, size_t n, uint8_t *out, size_t outn) {
  pq_bind_state st;
  const pq_buf ib[1] = {{(uint8_t *)in, n}}, ob[1] = {{out, outn}};
  return fn(&st, a, ib, ob);
}

/* the canonical big-endian coordinates of an Fp12 element in tower order */
static void fp12_bytes(uint8_t out[384], const pq_fp12 *a) {
  const pq_fp6 *c6[2] = {&a->c0, &a->c1};
  for (int i = 0; i < 2; i++) {
    const pq_fp2 *c2[3] = {&c6[i]->c0, &c6[i]->c1, &c6[i]->c2};
    for (int j = 0; j < 3; j++) {
      pq_fp_to_bytes(out + 192 * i + 64 * j, &c2[j]->c0);
      pq_fp_to_bytes(out + 192 * i + 64 * j + 32, &c2[j]->c1);
    }
  }
}

static int fp12_from_bytes(pq_fp12 *r, const uint8_t in[384]) {
  pq_fp6 *c6[2] = {&r->c0, &r->c1};
  int bad = 0;
  for (int i = 0; i < 2; i++) {
    pq_fp2 *c2[3] = {&c6[i]->c0, &c6[i]->c1, &c6[i]->c2};
    for (int j = 0; j < 3; j++) {
      bad |= pq_fp_from_bytes(&c2[j]->c0, in + 192 * i + 64 * j);
      bad |= pq_fp_from_bytes(&c2[j]->c1, in + 192 * i + 64 * j + 32);
    }
  }
  return !bad;
}

/* ---- vector records ---------------------------------------------------------------------------- */

static blob B[6];

/* add / mul / pair: the core and the binding entry, output byte for byte or the error class */
static void run_precompile(const char *op, const char *rec) {
  if (!hexfield(&B[0], rec, "in")) return;
  const int is_pair = op[0] == 'p';
  const size_t outn = is_pair ? 32 : 64;
  int32_t want = 0;
  size_t len;
  if (field(rec, "err", &len)) {
    want = (int32_t)numfield(rec, "err");
  } else if (!hexfield(&B[1], rec, "out") || B[1].n != outn) {
    CHECK(0, "%s: bad out", g_id);
    return;
  }
  uint8_t out[64], out2[64];
  int32_t got, got2;
  int32_t (*entry)(pq_bind_state *, const int32_t *, const pq_buf *, const pq_buf *);
  if (op[0] == 'a') {
    got = pq_bn254_ec_add(out, B[0].p, B[0].n);
    entry = pq_bind_bn254_ec_add;
  } else if (op[0] == 'm') {
    got = pq_bn254_ec_mul(out, B[0].p, B[0].n);
    entry = pq_bind_bn254_ec_mul;
  } else {
    got = pq_bn254_ec_pairing(out, B[0].p, B[0].n);
    entry = pq_bind_bn254_ec_pairing;
  }
  memset(out2, 0xAA, sizeof out2);
  got2 = bind1(entry, NULL, B[0].p, B[0].n, out2, outn);
  CHECK(got == want, "%s: result %d, expected %d", g_id, got, want);
  CHECK(got2 == want, "%s: binding result %d, expected %d", g_id, got2, want);
  if (!want) {
    CHECK(memcmp(out, B[1].p, outn) == 0, "%s: output differs", g_id);
    CHECK(memcmp(out2, B[1].p, outn) == 0, "%s: binding output differs", g_id);
  } else {
    static const uint8_t z[64] = {0};
    CHECK(memcmp(out2, z, outn) == 0, "%s: output not zeroed on error", g_id);
  }
  /* the binding refuses a short output buffer */
  CHECK(bind1(entry, NULL, B[0].p, B[0].n, out2, outn - 1) == PQ_ERR_LENGTH, "%s: short out", g_id);
}

static int32_t g16_prepare(uint8_t **prep, size_t *plen, const blob *vk) {
  pq_bind_state st;
  const size_t n = vk->n >= 512 ? (vk->n - 448) / 64 - 1 : 0;
  *plen = pq_bn254_groth16_prepared_bytes((uint32_t)n);
  *prep = xmalloc(*plen + 1);
  const pq_buf in[1] = {{vk->p, vk->n}}, out[1] = {{*prep, *plen}};
  return pq_bind_bn254_groth16_prepare(&st, NULL, in, out);
}

static int32_t g16_verify(const uint8_t *prep, size_t plen, const blob *pub, const blob *proof) {
  pq_bind_state st;
  const pq_buf in[3] = {{(uint8_t *)prep, plen}, {pub->p, pub->n}, {proof->p, proof->n}};
  return pq_bind_bn254_groth16_verify(&st, NULL, in, NULL);
}

static int32_t g16_batch(const uint8_t *prep, size_t plen, const blob *pub, const blob *proofs,
                         const blob *coeffs) {
  pq_bind_state st;
  const pq_buf in[4] = {
      {(uint8_t *)prep, plen}, {pub->p, pub->n}, {proofs->p, proofs->n}, {coeffs->p, coeffs->n}};
  return pq_bind_bn254_groth16_verify_batch(&st, NULL, in, NULL);
}

static void run_g16(const char *rec) {
  if (!hexfield(&B[0], rec, "vk") || !hexfield(&B[1], rec, "pub") || !hexfield(&B[2], rec, "proof"))
    return;
  const long want = numfield(rec, "expect");
  uint8_t *prep;
  size_t plen;
  const int32_t r = g16_prepare(&prep, &plen, &B[0]);
  CHECK(r == 0, "%s: prepare %d", g_id, r);
  const int32_t v = r ? -1 : g16_verify(prep, plen, &B[1], &B[2]);
  CHECK(v == want, "%s: verify %d, expected %ld", g_id, v, want);
  if (!r) {
    /* the same proof through a batch of one with coefficient 1: the same verdict */
    uint8_t one[16] = {0};
    one[15] = 1;
    blob c = {one, 16};
    if (B[2].n == 256 && B[1].n % 32 == 0 && B[1].n == (B[0].n - 512))
      CHECK(g16_batch(prep, plen, &B[1], &B[2], &c) == want, "%s: batch of one", g_id);
    /* a damaged blob is refused, never used: a length off by one, a flipped header byte, a line
     * coefficient set to p */
    CHECK(g16_verify(prep, plen - 1, &B[1], &B[2]) == 0, "%s: short blob", g_id);
    prep[2] ^= 1;
    CHECK(g16_verify(prep, plen, &B[1], &B[2]) == 0, "%s: bad magic", g_id);
    prep[2] ^= 1;
    if (want == 1) {
      static const uint8_t P_LE[32] = {0x47, 0xfd, 0x7c, 0xd8, 0x16, 0x8c, 0x20, 0x3c,
                                       0x8d, 0xca, 0x71, 0x68, 0x91, 0x6a, 0x81, 0x97,
                                       0x5d, 0x58, 0x81, 0x81, 0xb6, 0x45, 0x50, 0xb8,
                                       0x29, 0xa0, 0x31, 0xe1, 0x72, 0x4e, 0x64, 0x30};
      uint8_t save[32];
      uint8_t *line = prep + 16 + 384 + 5 * 128;
      memcpy(save, line, 32);
      memcpy(line, P_LE, 32);
      CHECK(g16_verify(prep, plen, &B[1], &B[2]) == 0, "%s: line value p", g_id);
      memcpy(line, save, 32);
      CHECK(g16_verify(prep, plen, &B[1], &B[2]) == 1, "%s: restored blob", g_id);
      /* f(alpha, beta) (the Miller loop value, [16, 400)) is used: one bit of it changed, or all
       * of it zero (no Miller loop gives 0), and the proof no longer verifies */
      uint8_t gt[384];
      memcpy(gt, prep + 16, 384);
      prep[16 + 7 * 32 + 1] ^= 4;
      CHECK(g16_verify(prep, plen, &B[1], &B[2]) == 0, "%s: f(alpha, beta) changed", g_id);
      memset(prep + 16, 0, 384);
      CHECK(g16_verify(prep, plen, &B[1], &B[2]) == 0, "%s: f(alpha, beta) zero", g_id);
      memcpy(prep + 16, gt, 384);
      CHECK(g16_verify(prep, plen, &B[1], &B[2]) == 1, "%s: restored f(alpha, beta)", g_id);
    }
  }
  free(prep);
}

static void run_g16b(const char *rec) {
  if (!hexfield(&B[0], rec, "vk") || !hexfield(&B[1], rec, "pub") ||
      !hexfield(&B[2], rec, "proofs") || !hexfield(&B[3], rec, "rand"))
    return;
  const long want = numfield(rec, "expect");
  uint8_t *prep;
  size_t plen;
  const int32_t r = g16_prepare(&prep, &plen, &B[0]);
  CHECK(r == 0, "%s: prepare %d", g_id, r);
  if (r) return;
  CHECK(g16_batch(prep, plen, &B[1], &B[2], &B[3]) == want, "%s: batch, expected %ld", g_id, want);
  /* every single verdict: the batch is 1 exactly when all are (coefficients non-zero) */
  const size_t k = B[2].n / 256, pn = k ? B[1].n / k : 0;
  int all = 1, zero = 0;
  for (size_t i = 0; i < B[3].n; i++)
    zero |= i % 16 == 15 && !memcmp(B[3].p + i - 15, "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0", 16);
  for (size_t i = 0; i < k; i++) {
    blob pb = {B[1].p + pn * i, pn}, pr = {B[2].p + 256 * i, 256};
    all &= g16_verify(prep, plen, &pb, &pr) == 1;
  }
  CHECK(want == (all && !zero), "%s: singles %d vs batch %ld", g_id, all, want);
  /* coefficient count or public count off: 0 */
  blob c1 = {B[3].p, B[3].n - 16}, p1 = {B[1].p, B[1].n - 32};
  CHECK(g16_batch(prep, plen, &B[1], &B[2], &c1) == 0, "%s: coefficients short", g_id);
  if (B[1].n >= 32) CHECK(g16_batch(prep, plen, &p1, &B[2], &B[3]) == 0, "%s: publics short", g_id);
  free(prep);
}

static void run_gt(const char *rec) {
  if (!hexfield(&B[0], rec, "g1") || !hexfield(&B[1], rec, "g2") || !hexfield(&B[2], rec, "gt"))
    return;
  pq_g1_aff p;
  pq_g2_aff q;
  CHECK(!pq_g1_decode(&p, B[0].p) && !pq_g2_decode(&q, B[1].p), "%s: points", g_id);
  pq_fp12 e, e2, f;
  uint8_t got[384];
  pq_bn_pairing(&e, &p, &q);
  fp12_bytes(got, &e);
  CHECK(memcmp(got, B[2].p, 384) == 0, "%s: pairing value differs", g_id);
  /* the same through the fixed-argument lines */
  uint8_t *lines = xmalloc(PQ_BN_LINES * PQ_BN_LINE_BYTES);
  pq_bn_lines_precompute(lines, &q);
  const uint8_t *lp[1] = {lines};
  pq_bn_miller_loop(&f, 0, 0, 0, &p, lp, 1);
  pq_bn_final_exp(&e2, &f);
  CHECK(pq_fp12_equal(&e, &e2), "%s: fixed lines differ", g_id);
  CHECK(pq_bn_lines_valid(lines), "%s: stored lines not canonical", g_id);
  free(lines);
}

static void run_fexp(const char *rec) {
  if (!hexfield(&B[0], rec, "f") || !hexfield(&B[1], rec, "out")) return;
  pq_fp12 f, e;
  uint8_t got[384];
  CHECK(fp12_from_bytes(&f, B[0].p), "%s: f", g_id);
  pq_bn_final_exp(&e, &f);
  fp12_bytes(got, &e);
  CHECK(memcmp(got, B[1].p, 384) == 0, "%s: final exponentiation differs", g_id);
}

static void run_fop(const char *rec) {
  size_t len;
  const char *v = field(rec, "in", &len);
  const long op = numfield(rec, "op");
  if (!v || len != 4 * 64 + 3 || !hexfield(&B[4], rec, "out")) {
    CHECK(0, "%s: fop record", g_id);
    return;
  }
  uint8_t ops[4][32], out[64];
  pq_buf in[4], ob[1] = {{out, sizeof out}};
  for (int i = 0; i < 4; i++) {
    if (!unhex(&B[i], v + 65 * i, 64)) CHECK(0, "%s: operand hex", g_id);
    memcpy(ops[i], B[i].p, 32);
    in[i].p = ops[i], in[i].n = 32;
  }
  pq_bind_state st;
  const int32_t a[1] = {(int32_t)op};
  const int32_t r = pq_bind_bn254_field_op(&st, a, in, ob);
  CHECK(r == 0 && memcmp(out, B[4].p, B[4].n) == 0, "%s: field op %ld", g_id, op);
}

/* ---- the manifest -------------------------------------------------------------------------------- */

static unsigned run_group(const char *dir, const char *name, const char *file, unsigned want) {
  char path[1024];
  snprintf(path, sizeof path, "%s/%s", dir, file);
  FILE *f = fopen(path, "r");
  if (!f) {
    CHECK(0, "group %s: cannot open %s", name, path);
    return 0;
  }
  char *line = NULL;
  size_t cap = 0;
  unsigned cases = 0, run = 0, fail0 = t_fail;
  const unsigned every = g_every;
  while (t_read_line(f, &line, &cap)) {
    if (!*line) continue;
    char *cur = strchr(line, ' ');
    if (!cur) {
      CHECK(0, "%s: malformed line", name);
      continue;
    }
    *cur++ = 0;
    size_t idl;
    const char *id = field(cur, "id", &idl);
    static char idbuf[256];
    snprintf(idbuf, sizeof idbuf, "%.*s", (int)(id ? idl : 0), id ? id : "");
    g_id = idbuf;
    if (cases++ % every) continue;
    run++;
    if (!strcmp(line, "add") || !strcmp(line, "mul") || !strcmp(line, "pair"))
      run_precompile(line, cur);
    else if (!strcmp(line, "g16"))
      run_g16(cur);
    else if (!strcmp(line, "g16b"))
      run_g16b(cur);
    else if (!strcmp(line, "gt"))
      run_gt(cur);
    else if (!strcmp(line, "fexp"))
      run_fexp(cur);
    else if (!strcmp(line, "fop"))
      run_fop(cur);
    else
      CHECK(0, "%s %s: unknown op %.20s", name, g_id, line);
  }
  fclose(f);
  free(line);
  CHECK(cases == want, "group %s: %u cases, MANIFEST-bn254 says %u", name, cases, want);
  printf("  %-16s %4u cases, %4u run, %u failed checks\n", name, cases, run, t_fail - fail0);
  return cases;
}

static void run_vectors(void) {
  t_run_manifest("bn254", "run `node scripts/gen-bn254-vectors.mjs` first", 12, run_group);
  for (int i = 0; i < 6; i++) free(B[i].p), B[i].p = NULL;
}

/* ---- second paths ------------------------------------------------------------------------------ */

static const uint32_t R_W[8] = {0xf0000001u, 0x43e1f593u, 0x79b97091u, 0x2833e848u,
                                0x8181585du, 0xb85045b6u, 0xe131a029u, 0x30644e72u};

static void g1_gen(pq_g1_aff *g) {
  pq_fp_from_u64(&g->x, 1);
  pq_fp_from_u64(&g->y, 2);
  g->inf = 0;
}

static void g2_gen(pq_g2_aff *g) {
  static const char *hex =
      "198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c2"
      "1800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed"
      "090689d0585ff075ec9e99ad690c3395bc4b313370b38ef355acdadcd122975b"
      "12c85ea5db8c6deb4aab71808dcb408fe3d1e7690c43d37b4ce6cc0166fa7daa";
  uint8_t b[128];
  from_hex(b, hex);
  CHECK(pq_g2_decode(g, b) == 0, "G2 generator");
}

static void rnd_scalar(uint32_t k[8], int kind) {
  for (int i = 0; i < 8; i++) k[i] = (uint32_t)rnd64();
  switch (kind % 6) {
    case 0: break; /* any 256-bit value */
    case 1:
      for (int i = 4; i < 8; i++) k[i] = 0;
      break;                                                                /* 128 bits */
    case 2: memcpy(k, R_W, 32), k[0] += (uint32_t)(rnd64() % 5) - 2; break; /* r - 2 .. r + 2 */
    case 3:
      for (int i = 0; i < 8; i++) k[i] = 0xffffffffu;
      k[0] -= (uint32_t)(rnd64() % 3);
      break;
    case 4:
      for (int i = 1; i < 8; i++) k[i] = 0;
      k[0] %= 20;
      break;                            /* 0 .. 19 */
    default: k[7] &= 0x3fffffff; break; /* < 2^254 */
  }
}

static void test_g1(unsigned rounds) {
  pq_g1_aff g, p;
  pq_g1_jac a, b, t;
  g1_gen(&g);
  CHECK(pq_g1_on_curve(&g), "G1 generator on the curve");
  /* [r]G = O by both paths; [r-1]G = -G */
  pq_g1_mul_plain(&a, &g, R_W);
  CHECK(pq_g1_is_inf(&a), "[r]G = O (plain)");
  uint32_t k[8];
  memcpy(k, R_W, 32);
  k[0] -= 1;
  pq_g1_mul(&a, &g, k);
  pq_g1_from_aff(&b, &g);
  pq_g1_neg(&b, &b);
  CHECK(pq_g1_equal(&a, &b), "[r-1]G = -G");
  p = g;
  for (unsigned i = 0; i < rounds; i++) {
    rnd_scalar(k, (int)i);
    pq_g1_mul(&a, &p, k);
    pq_g1_mul_plain(&b, &p, k);
    CHECK(pq_g1_equal(&a, &b), "GLV vs double-and-add, round %u", i);
    /* the decomposition: [k1]P + [k2]phi(P) = [k]P */
    uint32_t kr[8], k1[8] = {0}, k2[8] = {0};
    int n1, n2;
    memcpy(kr, k, 32);
    pq_bn_scalar_reduce(kr);
    pq_bn_glv_split(k1, &n1, k2, &n2, kr);
    pq_g1_aff phi = p;
    static const pq_fp BETA = {
        {0x71930c11d782e155u, 0xa6bb947cffbe3323u, 0xaa303344d4741444u, 0x2c3b3f0d26594943u}};
    pq_fp_mul(&phi.x, &p.x, &BETA);
    pq_g1_mul_plain(&t, &p, k1);
    if (n1) pq_g1_neg(&t, &t);
    pq_g1_jac u;
    pq_g1_mul_plain(&u, &phi, k2);
    if (n2) pq_g1_neg(&u, &u);
    pq_g1_add(&t, &t, &u);
    CHECK(pq_g1_equal(&t, &b), "k1 + k2 lambda = k, round %u", i);
    /* the next base point: the result (when finite) */
    if (!pq_g1_is_inf(&a)) pq_g1_to_aff(&p, &a);
    CHECK(pq_g1_on_curve(&p), "result on the curve");
  }
  /* addition laws through ecAdd: P + P = 2P, P + (-P) = O, O + P = P */
  pq_g1_from_aff(&a, &p);
  pq_g1_dbl(&b, &a);
  pq_g1_add(&t, &a, &a);
  CHECK(pq_g1_equal(&t, &b), "P + P = 2P");
  pq_g1_neg(&t, &a);
  pq_g1_add(&t, &t, &a);
  CHECK(pq_g1_is_inf(&t), "P - P = O");
}

static void test_g2(unsigned rounds) {
  pq_g2_aff g, q;
  pq_g2_jac a, b;
  g2_gen(&g);
  CHECK(pq_g2_on_twist(&g) && pq_g2_in_subgroup(&g), "G2 generator");
  pq_g2_mul_plain(&a, &g, R_W, 8);
  CHECK(pq_g2_is_inf(&a), "[r]G2 = O");
  q = g;
  for (unsigned i = 0; i < rounds; i++) {
    uint32_t k[8];
    rnd_scalar(k, (int)i);
    pq_g2_mul_plain(&a, &q, k, 8);
    if (pq_g2_is_inf(&a)) continue;
    pq_g2_to_aff(&q, &a);
    CHECK(pq_g2_on_twist(&q), "multiple on the twist");
    CHECK(pq_g2_in_subgroup(&q), "multiple of G2 in the subgroup");
    uint8_t e1[128];
    pq_g2_aff q2;
    pq_g2_encode(e1, &q);
    CHECK(pq_g2_decode(&q2, e1) == 0, "encode/decode");
    pq_g2_from_aff(&b, &q2);
    CHECK(pq_g2_equal(&a, &b), "round trip");
  }
}

/* twist points outside G2, from the generated negative's point (x = 1) */
static void test_subgroup(const uint8_t x1enc[128], unsigned rounds) {
  pq_g2_aff x, q;
  pq_g2_jac a, rq;
  /* decode without the subgroup check: coordinates, then on-twist */
  CHECK(pq_g2_decode(&x, x1enc) == PQ_ERR_BN_SUBGROUP, "x = 1 twist point: a subgroup error");
  pq_fp_from_bytes(&x.x.c1, x1enc);
  pq_fp_from_bytes(&x.x.c0, x1enc + 32);
  pq_fp_from_bytes(&x.y.c1, x1enc + 64);
  pq_fp_from_bytes(&x.y.c0, x1enc + 96);
  x.inf = 0;
  CHECK(pq_g2_on_twist(&x), "x = 1 on the twist");
  CHECK(!pq_g2_in_subgroup(&x), "x = 1 not in G2");
  pq_g2_mul_plain(&rq, &x, R_W, 8);
  CHECK(!pq_g2_is_inf(&rq), "[r]X != O");
  /* the cofactor h' = #E'(Fp2) / r = 2p - r */
  static const uint32_t H[8] = {0xc0f9fa8du, 0x345f2299u, 0x572a2489u, 0x06ceecdau,
                                0x8181585eu, 0xb85045b6u, 0xe131a029u, 0x30644e72u};
  int in = 0, out = 0;
  for (unsigned i = 0; i < rounds; i++) {
    uint32_t k[8];
    rnd_scalar(k, (int)i);
    pq_g2_mul_plain(&a, &x, k, 8);
    if (i % 3 == 1) { /* [h'][k]X: in G2 */
      pq_g2_aff t;
      pq_g2_to_aff(&t, &a);
      if (t.inf) continue;
      pq_g2_mul_plain(&a, &t, H, 8);
    }
    if (pq_g2_is_inf(&a)) continue;
    pq_g2_to_aff(&q, &a);
    pq_g2_mul_plain(&rq, &q, R_W, 8);
    const int slow = pq_g2_is_inf(&rq), fast = pq_g2_in_subgroup(&q);
    CHECK(slow == fast, "psi criterion %d vs [r]Q = O %d, round %u", fast, slow, i);
    in += slow, out += !slow;
  }
  CHECK(in > 0 && out > 0, "both kinds of points met (%d in, %d out)", in, out);
  /* points of the small orders 10069, 5864401 and 1875725156269 (the small prime factors of h'):
   * [r h' / q]X, outside G2, a subgroup error to decode */
  static const uint32_t E[3][16] = {
      {0x015f1659u, 0x1dbbfa43u, 0x34d5d06eu, 0x88a0ba93u, 0xe5b72d72u, 0xc616fa58u, 0xf6541370u,
       0x8ec12d22u, 0x9a8fab26u, 0x85dd3e29u, 0xadba71a1u, 0xf2ec8020u, 0x567ea5a2u, 0xb0cfb56au,
       0xd84c6eaau, 0x00003b89u},
      {0x86710dfdu, 0xac3b8251u, 0xf0424dfau, 0x9cc440ecu, 0x490c32dbu, 0x23066c21u, 0xe0322103u,
       0x7ab50d66u, 0x6e8265a2u, 0xfe026954u, 0xd1019d45u, 0xa406f5bbu, 0xdaaeb99cu, 0x3511a2a9u,
       0x2b7749d0u, 0x0000001au},
      {0x95954261u, 0x09fe38f7u, 0x716c1441u, 0x17b6547du, 0xb6dc72c6u, 0xa1f72fbcu, 0x26ff240fu,
       0x297df4a1u, 0x699115efu, 0x757fd823u, 0x19f97d50u, 0x05dcaf7fu, 0xab6d1ee2u, 0x5753cc43u,
       0x00055cb2u, 0x00000000u}};
  static const uint32_t ORD[3][2] = {{10069, 0}, {5864401, 0}, {0xb9ee7fadu, 0x1b4u}};
  for (int o = 0; o < 3; o++) {
    pq_g2_mul_plain(&a, &x, E[o], 16);
    CHECK(!pq_g2_is_inf(&a), "a point of small order (%d)", o);
    if (pq_g2_is_inf(&a)) continue;
    pq_g2_aff y;
    pq_g2_to_aff(&y, &a);
    pq_g2_mul_plain(&rq, &y, ORD[o], 2);
    CHECK(pq_g2_is_inf(&rq), "small order (%d)", o);
    for (uint32_t m = 1; m < 40; m += 3) {
      pq_g2_mul_plain(&a, &y, &m, 1);
      pq_g2_to_aff(&q, &a);
      CHECK(pq_g2_on_twist(&q) && !pq_g2_in_subgroup(&q), "[%u] small-order point not in G2", m);
      uint8_t enc[128];
      pq_g2_encode(enc, &q);
      CHECK(pq_g2_decode(&q, enc) == PQ_ERR_BN_SUBGROUP, "small-order point: subgroup error");
    }
  }
}

static void test_pairing(unsigned rounds) {
  pq_g1_aff g, p[6];
  pq_g2_aff h, q[6];
  pq_g1_jac t;
  pq_g2_jac u;
  g1_gen(&g);
  g2_gen(&h);
  pq_fp12 e1, e2, e3, f;
  for (unsigned i = 0; i < rounds; i++) {
    /* e([a]P, [b]Q) = e(P, Q)^(ab) = e([b]P, [a]Q) with small a, b */
    uint32_t a = (uint32_t)(rnd64() % 1000) + 2, b = (uint32_t)(rnd64() % 1000) + 2;
    uint32_t ka[8] = {a}, kb[8] = {b}, ab[2] = {a * b, 0};
    pq_g1_mul(&t, &g, ka);
    pq_g1_to_aff(&p[0], &t);
    pq_g2_mul_plain(&u, &h, &b, 1);
    pq_g2_to_aff(&q[0], &u);
    pq_bn_pairing(&e1, &p[0], &q[0]);
    pq_bn_pairing(&e2, &g, &h);
    pq_bn_cyclotomic_pow(&e2, &e2, ab, 2);
    CHECK(pq_fp12_equal(&e1, &e2), "bilinearity, round %u", i);
    pq_g1_mul(&t, &g, kb);
    pq_g1_to_aff(&p[1], &t);
    pq_g2_mul_plain(&u, &h, &a, 1);
    pq_g2_to_aff(&q[1], &u);
    pq_bn_pairing(&e3, &p[1], &q[1]);
    CHECK(pq_fp12_equal(&e1, &e3), "e([a]P, [b]Q) = e([b]P, [a]Q), round %u", i);
    CHECK(!pq_fp12_is_one(&e1), "non-degenerate");
  }
  /* a multi-Miller loop of n pairs (some fixed) = the product of the single pairings (n = 2, 5 in
   * the short runs) */
  for (unsigned n = g_every > 1 ? 2 : 1; n <= 6; n += g_every > 1 ? 3 : 1) {
    pq_fp12 prod;
    pq_fp12_one(&prod);
    for (unsigned j = 0; j < n; j++) {
      uint32_t k[8];
      rnd_scalar(k, 0);
      pq_g1_mul(&t, &g, k);
      pq_g1_to_aff(&p[j], &t);
      rnd_scalar(k, 1);
      pq_g2_mul_plain(&u, &h, k, 4);
      pq_g2_to_aff(&q[j], &u);
      pq_bn_pairing(&e1, &p[j], &q[j]);
      pq_fp12_mul(&prod, &prod, &e1);
    }
    pq_bn_miller_loop(&f, p, q, n, 0, 0, 0);
    pq_bn_final_exp(&e2, &f);
    CHECK(pq_fp12_equal(&e2, &prod), "multi-Miller loop of %u pairs", n);
    /* the last n/2 pairs as fixed lines */
    const unsigned nf = n / 2;
    uint8_t *lines = xmalloc((size_t)PQ_BN_LINES * PQ_BN_LINE_BYTES * 3);
    const uint8_t *lp[3];
    for (unsigned j = 0; j < nf; j++) {
      pq_bn_lines_precompute(lines + (size_t)j * PQ_BN_LINES * PQ_BN_LINE_BYTES, &q[n - nf + j]);
      lp[j] = lines + (size_t)j * PQ_BN_LINES * PQ_BN_LINE_BYTES;
    }
    pq_bn_miller_loop(&f, p, q, n - nf, p + n - nf, lp, nf);
    pq_bn_final_exp(&e3, &f);
    CHECK(pq_fp12_equal(&e3, &prod), "mixed multi-Miller loop of %u pairs (%u fixed)", n, nf);
    free(lines);
  }
  /* ecPairing with more pairs than one multi-Miller loop holds (chunks): k pairs that cancel */
  enum { K = PQ_BN_PAIRS_MAX + 3 };
  uint8_t *in = xmalloc(192 * K), out[32];
  for (unsigned j = 0; j < K; j++) {
    pq_g1_aff pa;
    pq_g2_aff qa;
    uint32_t k[8] = {j + 1}, m = (uint32_t)(K - j);
    pq_g1_mul(&t, &g, k);
    if (j % 2) pq_g1_neg(&t, &t);
    pq_g1_to_aff(&pa, &t);
    pq_g2_mul_plain(&u, &h, &m, 1);
    pq_g2_to_aff(&qa, &u);
    pq_g1_encode(in + 192 * j, &pa);
    pq_g2_encode(in + 192 * j + 64, &qa);
  }
  /* sum_j (-1)^j (j + 1)(K - j): balance it with one more pair of the generator */
  long s = 0;
  for (long j = 0; j < K; j++) s += (j % 2 ? -1 : 1) * (j + 1) * (K - j);
  const int one_before =
      g_every > 1 ? s == 0 : (pq_bn254_ec_pairing(out, in, 192 * K) == 0 ? out[31] : 2);
  {
    uint8_t *in2 = xmalloc(192 * (K + 1));
    memcpy(in2, in, 192 * K);
    uint32_t k[8] = {(uint32_t)(s < 0 ? -s : s)};
    pq_g1_mul(&t, &g, k);
    if (s > 0) pq_g1_neg(&t, &t);
    pq_g1_aff pa;
    pq_g1_to_aff(&pa, &t);
    pq_g1_encode(in2 + 192 * K, &pa);
    pq_g2_encode(in2 + 192 * K + 64, &h);
    CHECK(pq_bn254_ec_pairing(out, in2, 192 * (K + 1)) == 0 && out[31] == 1,
          "ecPairing of %d pairs with product 1", K + 1);
    CHECK(one_before == (s == 0), "ecPairing of %d pairs without the balance", K);
    free(in2);
  }
  free(in);
}

static void test_binding_args(void) {
  pq_bind_state st;
  uint8_t buf[1024] = {0}, out[64];
  const pq_buf in4[4] = {{buf, 32}, {buf, 32}, {buf, 32}, {buf, 32}};
  pq_buf ob[1] = {{out, 64}};
  int32_t a[2] = {8, 0};
  CHECK(pq_bind_bn254_field_op(&st, a, in4, ob) == PQ_ERR_PARAMS, "field_op unknown op");
  a[0] = -1;
  CHECK(pq_bind_bn254_field_op(&st, a, in4, ob) == PQ_ERR_PARAMS, "field_op op -1");
  a[0] = 2;
  ob[0].n = 63;
  CHECK(pq_bind_bn254_field_op(&st, a, in4, ob) == PQ_ERR_LENGTH, "field_op fp2 out 63");
  ob[0].n = 64;
  const pq_buf bad[4] = {{buf, 32}, {buf, 31}, {buf, 32}, {buf, 32}};
  CHECK(pq_bind_bn254_field_op(&st, a, bad, ob) == PQ_ERR_LENGTH, "field_op operand 31");
  a[0] = 0;
  CHECK(pq_bind_bn254_field_op(&st, a, in4, ob) == 0, "field_op mul");
  a[0] = 3;
  CHECK(pq_bind_bn254_field_op(&st, a, bad, ob) == 0, "field_op sqr ignores operand 2");
  /* groth16_prepare: vk lengths */
  const pq_buf vk[1] = {{buf, 448 + 63}};
  uint8_t prep[64];
  const pq_buf pb[1] = {{prep, sizeof prep}};
  CHECK(pq_bind_bn254_groth16_prepare(&st, NULL, vk, pb) == PQ_ERR_LENGTH, "prepare vk 511");
  const pq_buf vk2[1] = {{buf, 512}};
  CHECK(pq_bind_bn254_groth16_prepare(&st, NULL, vk2, pb) == PQ_ERR_LENGTH, "prepare out small");
  CHECK(pq_bn254_groth16_prepared_bytes(PQ_BN254_G16_MAX_PUBLIC + 1) == 0, "prepared bytes max");
  /* verify on garbage: 0 */
  const pq_buf g3[3] = {{buf, 1024}, {buf, 0}, {buf, 256}};
  CHECK(pq_bind_bn254_groth16_verify(&st, NULL, g3, NULL) == 0, "verify garbage blob");
  /* the bench entry: every id of the family gives a checksum, others -1 */
  a[0] = PQ_BENCH_BN254_FP_MUL - 1, a[1] = 1;
  CHECK(pq_bind_bn254_bench(&st, a, NULL, NULL) == -1, "bench foreign id");
  for (int id = PQ_BENCH_BN254_FP_MUL; id <= PQ_BENCH_BN254_G16_VERIFY5; id++) {
    a[0] = id, a[1] = id >= PQ_BENCH_BN254_MILLER_LOOP ? 1 : 50;
    CHECK(pq_bind_bn254_bench(&st, a, NULL, NULL) >= 0, "bench id %d", id);
  }
  a[0] = PQ_BENCH_BN254_EC_PAIRING2, a[1] = 2;
  CHECK(pq_bind_bn254_bench(&st, a, NULL, NULL) == 2 * (0 + 1), "bench ecPairing 2 gives 1");
}

int main(void) {
  const char *ev = getenv("PQ_VECTORS_EVERY");
  if (ev && *ev) g_every = (unsigned)strtoul(ev, NULL, 10);
  if (!g_every) g_every = 1;
  const unsigned rounds = g_every > 1 ? 6 : 24;
  run_vectors();
  test_g1(rounds * 4);
  test_g2(rounds / 2);
  {
    uint8_t x1[128];
    from_hex(x1,
             "0000000000000000000000000000000000000000000000000000000000000000"
             "0000000000000000000000000000000000000000000000000000000000000001"
             "2351dcdda257b62181cbd745dfee16d5fdf4eb185bbcf33c20a0fe6eaa9cb4a3"
             "07fb3d558dafafb6bf6dd326a5fefe0beca3f9ac3bd999a390d504fad34b0b8c");
    test_subgroup(x1, rounds);
  }
  test_pairing(rounds / 4 + 1);
  test_binding_args();
  return t_summary("bn254");
}
