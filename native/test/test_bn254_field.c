/* BN254 field layer tests (native/common/bn254: kernels, fp, fp2, tower):
 *  1. the vectors of bn254_field_vectors.h (scripts/gen-bn254-field-vectors.mjs: BigInt and
 *     @noble/curves): the exact output words of the kernels and of the additive Fp operations,
 *     the field value of every other operation, decoding with its rejections;
 *  2. properties on random and edge operands: the build's kernels (a target's, where it replaces
 *     them) and the 32-bit-limb form bit-identical to the reference, sop2 = mul + mul + add, lazy
 *     bounds kept, Fp2/Fp6/Fp12 algebra (squares, inverses, sparse lines against full products),
 *     Frobenius = x^p and its 12th power = id, the Frobenius constants recomputed from p,
 *     cyclotomic squaring = squaring on cyclotomic elements, decode rejection of 2^254..2^256-1.
 * Builds everywhere scripts/test-c.sh builds native/test/test_*.c. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bn254/fp.h"
#include "bn254/fp2.h"
#include "bn254/tower.h"
#include "bn254_field_vectors.h"
#include "test_util.h"

static const pq_fp P = PQ_BN_P_INIT;
static const pq_fp TWO_P = PQ_BN_2P_INIT;

/* ---- helpers ----------------------------------------------------------------------------- */

typedef union {
  pq_fp f[12];
  pq_fp2 f2;
  pq_fp6 f6;
  pq_fp12 f12;
} elem;

/* a < b as 256-bit integers */
static int lt256(const pq_fp *a, const pq_fp *b) {
  for (int i = 3; i >= 0; i--)
    if (a->v[i] != b->v[i]) return a->v[i] < b->v[i];
  return 0;
}

static int lazy_ok(const pq_fp *a, unsigned n) {
  for (unsigned i = 0; i < n; i++)
    if (!lt256(&a[i], &TWO_P)) return 0;
  return 1;
}

/* every coordinate < 2p: the fp.h bound */
#define LAZY(x) lazy_ok((const pq_fp *)(const void *)&(x), sizeof(x) / sizeof(pq_fp))

/* one token of n*64 hex digits -> n pq_fp (big-endian words of each), returns n or 0 */
static unsigned parse_tok(elem *e, const char *s, size_t len) {
  if (len == 0 || len % 64 || len / 64 > 12) return 0;
  unsigned n = (unsigned)(len / 64);
  for (unsigned k = 0; k < n; k++) {
    for (int w = 0; w < 4; w++) {
      uint64_t x = 0;
      for (int j = 0; j < 16; j++) {
        int h = t_hexval(s[64 * k + 16 * (3 - w) + j]);
        if (h < 0) return 0;
        x = x << 4 | (uint64_t)h;
      }
      e->f[k].v[w] = x;
    }
  }
  return n;
}

static void to_be(uint8_t out[32], const pq_fp *x) {
  for (int i = 0; i < 4; i++)
    for (int j = 0; j < 8; j++) out[8 * (3 - i) + j] = (uint8_t)(x->v[i] >> (56 - 8 * j));
}

/* canonical coordinates of x equal the words of e */
static int canon_eq(const pq_fp *x, const elem *e, unsigned n) {
  for (unsigned i = 0; i < n; i++) {
    pq_fp c;
    pq_fp_canon(&c, &x[i]);
    if (memcmp(&c, &e->f[i], sizeof c)) return 0;
  }
  return 1;
}

static void rnd_fp(pq_fp *a) { /* uniform-ish in [0, 2p) */
  do {
    for (int i = 0; i < 4; i++) a->v[i] = rnd64();
    a->v[3] &= 0x7fffffffffffffffULL;
  } while (!lt256(a, &TWO_P));
}

/* the edges of the lazy range: 0, 1, p - 2, p - 1, p, p + 1, 2p - 2, 2p - 1, R mod p, R mod p + p
 * (the last by adding p without reduction: R mod p + p < 2p) */
static void edge_fp(pq_fp *e, unsigned i) {
  static const pq_fp mone = PQ_BN_ONE_INIT;
  static const pq_fp small[2] = {{{0, 0, 0, 0}}, {{1, 0, 0, 0}}};
  static const uint64_t delta[6] = {(uint64_t)-2, (uint64_t)-1, 0, 1, (uint64_t)-2, (uint64_t)-1};
  i %= 10;
  if (i < 2) {
    *e = small[i];
  } else if (i < 8) { /* p or 2p plus a small delta in the low word (no carry for these p) */
    *e = i < 6 ? P : TWO_P;
    e->v[0] += delta[i - 2];
  } else {
    *e = mone;
    if (i == 9) {
      uint64_t c = 0;
      for (int j = 0; j < 4; j++) {
        uint64_t x = mone.v[j] + c;
        c = x < c;
        e->v[j] = x + P.v[j];
        c += e->v[j] < x;
      }
    }
  }
}

/* random lazy operand, an edge value one time in four */
static void rnd_op(pq_fp *a) {
  if ((rnd64() & 3) == 0)
    edge_fp(a, (unsigned)rnd64());
  else
    rnd_fp(a);
}

static void rnd_fp2(pq_fp2 *a) {
  rnd_op(&a->c0);
  rnd_op(&a->c1);
}
static void rnd_fp6(pq_fp6 *a) {
  rnd_fp2(&a->c0);
  rnd_fp2(&a->c1);
  rnd_fp2(&a->c2);
}
static void rnd_fp12(pq_fp12 *a) {
  rnd_fp6(&a->c0);
  rnd_fp6(&a->c1);
}

/* ---- 1. vectors -------------------------------------------------------------------------- */

#define MAXTOK 8

static void run_vector(const char *line, unsigned idx) {
  char op[24];
  const char *s = line;
  size_t n = strcspn(s, " ");
  if (n >= sizeof op) {
    CHECK(0, "vector %u: bad op", idx);
    return;
  }
  memcpy(op, s, n);
  op[n] = 0;
  s += n;
  elem t[MAXTOK];
  unsigned cnt[MAXTOK];
  unsigned nt = 0;
  int reject = 0;
  while (*s == ' ' && nt < MAXTOK) {
    s++;
    size_t len = strcspn(s, " ");
    if (len == 6 && !strncmp(s, "reject", 6)) {
      reject = 1;
      cnt[nt] = 0;
    } else {
      cnt[nt] = parse_tok(&t[nt], s, len);
      if (!cnt[nt]) {
        CHECK(0, "vector %u (%s): bad token", idx, op);
        return;
      }
    }
    nt++;
    s += len;
  }
  elem o;
  memset(&o, 0, sizeof o);
  const elem *want = &t[nt - 1];
  /* exact kernels and additive operations: the words themselves */
  if (!strcmp(op, "mul") && nt == 3) {
    pq_fp_mul(&o.f[0], &t[0].f[0], &t[1].f[0]);
    CHECK(!memcmp(&o.f[0], &want->f[0], 32), "vector %u: mul", idx);
    pq_ref_fp_mul(&o.f[0], &t[0].f[0], &t[1].f[0]);
    CHECK(!memcmp(&o.f[0], &want->f[0], 32), "vector %u: ref mul", idx);
    pq_limb32_fp_mul(&o.f[0], &t[0].f[0], &t[1].f[0]);
    CHECK(!memcmp(&o.f[0], &want->f[0], 32), "vector %u: limb32 mul", idx);
    return;
  }
  if (!strcmp(op, "sqr") && nt == 2) {
    pq_fp_sqr(&o.f[0], &t[0].f[0]);
    CHECK(!memcmp(&o.f[0], &want->f[0], 32), "vector %u: sqr", idx);
    pq_limb32_fp_sqr(&o.f[0], &t[0].f[0]);
    CHECK(!memcmp(&o.f[0], &want->f[0], 32), "vector %u: limb32 sqr", idx);
    return;
  }
  if (!strcmp(op, "sop2") && nt == 5) {
    pq_fp_sop2(&o.f[0], &t[0].f[0], &t[1].f[0], &t[2].f[0], &t[3].f[0]);
    CHECK(!memcmp(&o.f[0], &want->f[0], 32), "vector %u: sop2", idx);
    pq_ref_fp_sop2(&o.f[0], &t[0].f[0], &t[1].f[0], &t[2].f[0], &t[3].f[0]);
    CHECK(!memcmp(&o.f[0], &want->f[0], 32), "vector %u: ref sop2", idx);
    pq_limb32_fp_sop2(&o.f[0], &t[0].f[0], &t[1].f[0], &t[2].f[0], &t[3].f[0]);
    CHECK(!memcmp(&o.f[0], &want->f[0], 32), "vector %u: limb32 sop2", idx);
    return;
  }
  if (nt == 3 && (!strcmp(op, "add") || !strcmp(op, "sub"))) {
    (op[0] == 'a' ? pq_fp_add : pq_fp_sub)(&o.f[0], &t[0].f[0], &t[1].f[0]);
    CHECK(!memcmp(&o.f[0], &want->f[0], 32), "vector %u: %s", idx, op);
    return;
  }
  if (nt == 2 &&
      (!strcmp(op, "neg") || !strcmp(op, "dbl") || !strcmp(op, "neg2p") || !strcmp(op, "canon"))) {
    if (!strcmp(op, "neg")) pq_fp_neg(&o.f[0], &t[0].f[0]);
    if (!strcmp(op, "dbl")) pq_fp_dbl(&o.f[0], &t[0].f[0]);
    if (!strcmp(op, "neg2p")) pq_fp_neg_2p(&o.f[0], &t[0].f[0]);
    if (!strcmp(op, "canon")) pq_fp_canon(&o.f[0], &t[0].f[0]);
    CHECK(!memcmp(&o.f[0], &want->f[0], 32), "vector %u: %s", idx, op);
    return;
  }
  /* conversions */
  if (!strcmp(op, "dec") || !strcmp(op, "decred") || !strcmp(op, "tomont") ||
      !strcmp(op, "frommont") || !strcmp(op, "enc")) {
    uint8_t b[32], w[32];
    to_be(b, &t[0].f[0]);
    if (!strcmp(op, "dec")) {
      int rc = pq_fp_from_bytes(&o.f[0], b);
      if (reject)
        CHECK(rc == -1, "vector %u: dec accepted a value >= p", idx);
      else
        CHECK(rc == 0 && LAZY(o.f[0]) && canon_eq(&o.f[0], want, 1), "vector %u: dec", idx);
    } else if (!strcmp(op, "decred")) {
      pq_fp_from_bytes_reduce(&o.f[0], b);
      CHECK(LAZY(o.f[0]) && canon_eq(&o.f[0], want, 1), "vector %u: decred", idx);
    } else if (!strcmp(op, "tomont")) {
      pq_fp_to_mont(&o.f[0], &t[0].f[0]);
      CHECK(LAZY(o.f[0]) && canon_eq(&o.f[0], want, 1), "vector %u: tomont", idx);
    } else if (!strcmp(op, "frommont")) {
      pq_fp_from_mont(&o.f[0], &t[0].f[0]);
      CHECK(!memcmp(&o.f[0], &want->f[0], 32), "vector %u: frommont", idx);
    } else {
      pq_fp_to_bytes(w, &t[0].f[0]);
      to_be(b, &want->f[0]);
      CHECK(!memcmp(w, b, 32), "vector %u: enc", idx);
    }
    return;
  }
  /* field semantics */
  unsigned no = cnt[nt - 1];
  int done = 1;
  if (!strcmp(op, "fp_inv"))
    pq_fp_inv(&o.f[0], &t[0].f[0]);
  else if (!strcmp(op, "fp_mul9"))
    pq_fp_mul9(&o.f[0], &t[0].f[0]);
  else if (!strcmp(op, "fp2_mul"))
    pq_fp2_mul(&o.f2, &t[0].f2, &t[1].f2);
  else if (!strcmp(op, "fp2_sqr"))
    pq_fp2_sqr(&o.f2, &t[0].f2);
  else if (!strcmp(op, "fp2_inv"))
    pq_fp2_inv(&o.f2, &t[0].f2);
  else if (!strcmp(op, "fp2_mulxi"))
    pq_fp2_mul_xi(&o.f2, &t[0].f2);
  else if (!strcmp(op, "fp2_conj"))
    pq_fp2_conj(&o.f2, &t[0].f2);
  else if (!strcmp(op, "fp6_mul"))
    pq_fp6_mul(&o.f6, &t[0].f6, &t[1].f6);
  else if (!strcmp(op, "fp6_sqr"))
    pq_fp6_sqr(&o.f6, &t[0].f6);
  else if (!strcmp(op, "fp6_inv"))
    pq_fp6_inv(&o.f6, &t[0].f6);
  else if (!strcmp(op, "fp6_mulv"))
    pq_fp6_mul_v(&o.f6, &t[0].f6);
  else if (!strcmp(op, "fp6_mul01"))
    pq_fp6_mul_01(&o.f6, &t[0].f6, &t[1].f2, &t[2].f2);
  else if (!strncmp(op, "fp6_frob", 8))
    pq_fp6_frobenius(&o.f6, &t[0].f6, (unsigned)atoi(op + 8));
  else if (!strcmp(op, "fp12_mul"))
    pq_fp12_mul(&o.f12, &t[0].f12, &t[1].f12);
  else if (!strcmp(op, "fp12_sqr"))
    pq_fp12_sqr(&o.f12, &t[0].f12);
  else if (!strcmp(op, "fp12_inv"))
    pq_fp12_inv(&o.f12, &t[0].f12);
  else if (!strcmp(op, "fp12_conj"))
    pq_fp12_conj(&o.f12, &t[0].f12);
  else if (!strncmp(op, "fp12_frob", 9))
    pq_fp12_frobenius(&o.f12, &t[0].f12, (unsigned)atoi(op + 9));
  else if (!strcmp(op, "fp12_cyc"))
    pq_fp12_cyclotomic_sqr(&o.f12, &t[0].f12);
  else if (!strcmp(op, "fp12_034"))
    pq_fp12_mul_034(&o.f12, &t[0].f12, &t[1].f2, &t[2].f2, &t[3].f2);
  else if (!strcmp(op, "fp12_034_034"))
    pq_fp12_mul_034_034(&o.f12, &t[0].f2, &t[1].f2, &t[2].f2, &t[3].f2, &t[4].f2, &t[5].f2);
  else if (!strcmp(op, "fp12_01234"))
    pq_fp12_mul_01234(&o.f12, &t[0].f12, &t[1].f12);
  else
    done = 0;
  if (!done) {
    CHECK(0, "vector %u: unknown op %s", idx, op);
    return;
  }
  CHECK(lazy_ok(o.f, no) && canon_eq(o.f, want, no), "vector %u: %s", idx, op);
  /* in place (the output is the first input) gives the same */
  if (nt >= 2 && cnt[0] == no && strcmp(op, "fp12_034_034") && strncmp(op, "fp6_mul01", 9)) {
    elem a = t[0];
    if (!strcmp(op, "fp2_mul"))
      pq_fp2_mul(&a.f2, &a.f2, &t[1].f2);
    else if (!strcmp(op, "fp2_sqr"))
      pq_fp2_sqr(&a.f2, &a.f2);
    else if (!strcmp(op, "fp2_inv"))
      pq_fp2_inv(&a.f2, &a.f2);
    else if (!strcmp(op, "fp6_mul"))
      pq_fp6_mul(&a.f6, &a.f6, &t[1].f6);
    else if (!strcmp(op, "fp6_sqr"))
      pq_fp6_sqr(&a.f6, &a.f6);
    else if (!strcmp(op, "fp6_inv"))
      pq_fp6_inv(&a.f6, &a.f6);
    else if (!strcmp(op, "fp12_mul"))
      pq_fp12_mul(&a.f12, &a.f12, &t[1].f12);
    else if (!strcmp(op, "fp12_sqr"))
      pq_fp12_sqr(&a.f12, &a.f12);
    else if (!strcmp(op, "fp12_inv"))
      pq_fp12_inv(&a.f12, &a.f12);
    else if (!strcmp(op, "fp12_cyc"))
      pq_fp12_cyclotomic_sqr(&a.f12, &a.f12);
    else if (!strncmp(op, "fp12_frob", 9))
      pq_fp12_frobenius(&a.f12, &a.f12, (unsigned)atoi(op + 9));
    else if (!strcmp(op, "fp12_034"))
      pq_fp12_mul_034(&a.f12, &a.f12, &t[1].f2, &t[2].f2, &t[3].f2);
    else if (!strcmp(op, "fp12_01234"))
      pq_fp12_mul_01234(&a.f12, &a.f12, &t[1].f12);
    else
      return;
    CHECK(canon_eq(a.f, want, no), "vector %u: %s in place", idx, op);
  }
}

static void test_vectors(void) {
  unsigned n = sizeof bn254_field_vectors / sizeof bn254_field_vectors[0];
  for (unsigned i = 0; i < n; i++) run_vector(bn254_field_vectors[i], i);
  CHECK(n > 1000, "only %u vectors", n);
}

/* ---- 2. properties ----------------------------------------------------------------------- */

static void test_kernels(void) {
  unsigned bad_ref = 0, bad_32 = 0, bad_sem = 0, bad_bound = 0;
  for (int it = 0; it < 20000; it++) {
    pq_fp a0, b0, a1, b1, r, q, m0, m1, s;
    rnd_op(&a0);
    rnd_op(&b0);
    rnd_op(&a1);
    rnd_op(&b1);
    if (it & 1) pq_fp_neg_2p(&a1, &a1); /* the Fp2 form: operand up to 2p */
    pq_fp_mul(&r, &a0, &b0);
    pq_ref_fp_mul(&q, &a0, &b0);
    bad_ref += !!memcmp(&r, &q, 32);
    pq_limb32_fp_mul(&q, &a0, &b0);
    bad_32 += !!memcmp(&r, &q, 32);
    bad_bound += !LAZY(r);
    pq_fp_sqr(&r, &a0);
    pq_ref_fp_sqr(&q, &a0);
    bad_ref += !!memcmp(&r, &q, 32);
    pq_limb32_fp_sqr(&q, &a0);
    bad_32 += !!memcmp(&r, &q, 32);
    pq_fp_mul(&q, &a0, &a0);
    bad_sem += !!memcmp(&r, &q, 32); /* squaring is the product, word for word */
    bad_bound += !LAZY(r);
    pq_fp_sop2(&r, &a0, &b0, &a1, &b1);
    pq_ref_fp_sop2(&q, &a0, &b0, &a1, &b1);
    bad_ref += !!memcmp(&r, &q, 32);
    pq_limb32_fp_sop2(&q, &a0, &b0, &a1, &b1);
    bad_32 += !!memcmp(&r, &q, 32);
    bad_bound += !LAZY(r);
    /* sop2 = mul + mul + add as field elements (a1 may be 2p: reduce it for mul's bound) */
    pq_fp a1r;
    pq_fp_canon(&a1r, &a1);
    if (!lt256(&a1r, &P)) pq_fp_canon(&a1r, &a1r);
    pq_fp_mul(&m0, &a0, &b0);
    pq_fp_mul(&m1, &a1r, &b1);
    pq_fp_add(&s, &m0, &m1);
    bad_sem += !pq_fp_equal(&s, &r);
    /* aliasing: output on an input */
    q = a0;
    pq_fp_sop2(&q, &q, &b0, &a1, &b1);
    bad_sem += !!memcmp(&q, &r, 32);
  }
  CHECK(!bad_ref, "target kernels differ from the reference: %u", bad_ref);
  CHECK(!bad_32, "32-bit-limb form differs from the reference: %u", bad_32);
  CHECK(!bad_sem, "sop2 != mul + mul + add (or sqr != mul): %u", bad_sem);
  CHECK(!bad_bound, "kernel output >= 2p: %u", bad_bound);
  /* the other mul precondition: a < p, b any 256-bit integer (pq_fp_to_mont) */
  for (int it = 0; it < 2000; it++) {
    static const pq_fp r2 = PQ_BN_R2_INIT;
    pq_fp x, r, q;
    for (int i = 0; i < 4; i++) x.v[i] = rnd64();
    if (it == 0) x.v[0] = x.v[1] = x.v[2] = x.v[3] = ~(uint64_t)0;
    pq_fp_mul(&r, &r2, &x);
    pq_limb32_fp_mul(&q, &x, &r2); /* the 32-bit form takes either order */
    bad_32 += !!memcmp(&r, &q, 32);
    bad_bound += !LAZY(r);
    pq_fp_to_mont(&r, &x);
    bad_32 += !!memcmp(&r, &q, 32);
  }
  CHECK(!bad_32 && !bad_bound, "mul(R^2, any 256-bit): %u differ, %u out of bounds", bad_32,
        bad_bound);
  /* pq_fp_mul9_add at its extremes: a in {0, 1, p - 1, p, 2p - 1}, b in {0, p, 2p - 1, 2p}
   * (x = 9a + b up to 20p - 9: the quotient estimate's largest error) against 9 additions */
  {
    static const pq_fp P_ = PQ_BN_P_INIT;
    pq_fp as[5] = {{{0}}, {{1}}, P_, P_, TWO_P}, bs[4] = {{{0}}, P_, TWO_P, TWO_P};
    as[2].v[0] -= 1, as[4].v[0] -= 1, bs[2].v[0] -= 1;
    unsigned bad_e = 0;
    for (int i = 0; i < 5; i++)
      for (int j = 0; j < 4; j++) {
        pq_fp d, e = bs[j];
        pq_fp_mul9_add(&d, &as[i], &bs[j]);
        if (j == 3) e = as[0]; /* 2p, the same element as 0, is not a lazy operand of add */
        for (int k = 0; k < 9; k++) pq_fp_add(&e, &e, &as[i]);
        bad_e += !LAZY(d) || !pq_fp_equal(&d, &e);
      }
    CHECK(!bad_e, "mul9_add at the bounds: %u wrong", bad_e);
  }
  /* the extremes of the bounds */
  pq_fp m = TWO_P, r, q;
  m.v[0] -= 1;
  pq_fp_mul(&r, &m, &m);
  CHECK(LAZY(r), "mul(2p-1, 2p-1) >= 2p");
  pq_fp_sop2(&r, &m, &m, &TWO_P, &m);
  pq_limb32_fp_sop2(&q, &m, &m, &TWO_P, &m);
  CHECK(LAZY(r) && !memcmp(&r, &q, 32), "sop2 at the bound");
}

static void test_fp(void) {
  unsigned bad = 0;
  pq_fp one;
  pq_fp_from_u64(&one, 1);
  for (int it = 0; it < 2000; it++) {
    pq_fp a, b, c, d, e;
    rnd_op(&a);
    rnd_op(&b);
    pq_fp_add(&c, &a, &b);
    pq_fp_sub(&d, &c, &b);
    bad += !pq_fp_equal(&d, &a) || !LAZY(c) || !LAZY(d);
    pq_fp_neg(&d, &a);
    pq_fp_add(&d, &d, &a);
    bad += !pq_fp_is_zero(&d);
    pq_fp_neg_2p(&d, &a); /* 2p - a: the same element as -a */
    pq_fp_neg(&e, &a);
    bad += !pq_fp_equal(&d, &e) && !pq_fp_is_zero(&a);
    pq_fp_mul9(&d, &a);
    pq_fp_from_u64(&e, 9);
    pq_fp_mul(&e, &e, &a);
    bad += !pq_fp_equal(&d, &e) || !LAZY(d);
    /* 9a + b with b <= 2p (b = 2p - x, x lazy: pq_fp2_mul_xi's shape), one reduction */
    pq_fp_neg_2p(&c, &b);
    pq_fp_mul9_add(&d, &a, &c);
    pq_fp_add(&e, &e, &c);
    bad += !pq_fp_equal(&d, &e) || !LAZY(d);
    if (it < 200) {
      pq_fp_inv(&c, &a);
      pq_fp_mul(&d, &c, &a);
      bad += !(pq_fp_is_zero(&a) ? pq_fp_is_zero(&c) : pq_fp_equal(&d, &one));
    }
    /* encode/decode round trip */
    uint8_t buf[32], buf2[32];
    pq_fp_to_bytes(buf, &a);
    bad += pq_fp_from_bytes(&c, buf) != 0 || !pq_fp_equal(&c, &a);
    pq_fp_to_bytes(buf2, &c);
    bad += !!memcmp(buf, buf2, 32);
    /* 2^254 .. 2^256 - 1: all rejected, and reduced mod p by the reducing decoder */
    rnd_bytes(buf, 32);
    buf[0] |= 0x40;
    bad += pq_fp_from_bytes(&c, buf) != -1;
    pq_fp_from_bytes_reduce(&c, buf);
    bad += !LAZY(c);
    /* select */
    pq_fp_select(&c, &a, &b, 1);
    pq_fp_select(&d, &a, &b, 0);
    bad += !!memcmp(&c, &a, 32) || !!memcmp(&d, &b, 32);
  }
  CHECK(!bad, "fp properties: %u failures", bad);
}

/* pq_fp_inv (variable-time divsteps) against the Fermat power a^(p-2) (pq_fp_pow): the edges of
 * the lazy range (0 and p give 0), small integers and powers of two as the Montgomery words (the
 * divsteps' short and long runs of zeros), p - 2^k, and random operands; every result lazy, and in
 * place as well. */
static void test_fp_inv(void) {
  static const pq_fp pm2 = PQ_BN_P_MINUS_2_INIT;
  unsigned bad = 0, n = 0;
  for (unsigned it = 0; it < 3000; it++) {
    pq_fp a = {{0, 0, 0, 0}}, c, d;
    if (it < 10) {
      edge_fp(&a, it);
    } else if (it < 74) {
      a.v[0] = it - 10; /* 0 .. 63 */
    } else if (it < 328) {
      a.v[(it - 74) / 64] = (uint64_t)1 << ((it - 74) % 64); /* 2^0 .. 2^253 */
    } else if (it < 582) { /* p - 2^k, k = 0 .. 253 */
      uint64_t br = 0, k = it - 328;
      for (int j = 0; j < 4; j++) {
        const uint64_t s = (unsigned)j == k / 64 ? (uint64_t)1 << (k % 64) : 0, x = P.v[j] - s;
        const uint64_t b2 = P.v[j] < s;
        a.v[j] = x - br;
        br = b2 | (x < br);
      }
    } else {
      rnd_fp(&a);
    }
    if (!lt256(&a, &TWO_P)) continue;
    n++;
    pq_fp_inv(&c, &a);
    pq_fp_pow(&d, &a, pm2.v);
    bad += !LAZY(c) || !pq_fp_equal(&c, &d);
    c = a;
    pq_fp_inv(&c, &c);
    bad += !pq_fp_equal(&c, &d);
  }
  CHECK(n > 2900 && !bad, "fp_inv against a^(p-2): %u of %u wrong", bad, n);
}

static void fp2_school(pq_fp2 *r, const pq_fp2 *a, const pq_fp2 *b) {
  pq_fp t0, t1, t2, t3;
  pq_fp_mul(&t0, &a->c0, &b->c0);
  pq_fp_mul(&t1, &a->c1, &b->c1);
  pq_fp_mul(&t2, &a->c0, &b->c1);
  pq_fp_mul(&t3, &a->c1, &b->c0);
  pq_fp_sub(&r->c0, &t0, &t1);
  pq_fp_add(&r->c1, &t2, &t3);
}

static void test_fp2(void) {
  unsigned bad = 0;
  pq_fp2 one;
  pq_fp2_one(&one);
  for (int it = 0; it < 2000; it++) {
    pq_fp2 a, b, c, d;
    rnd_fp2(&a);
    rnd_fp2(&b);
    pq_fp2_mul(&c, &a, &b);
    fp2_school(&d, &a, &b);
    bad += !pq_fp2_equal(&c, &d) || !LAZY(c);
    pq_fp2_sqr(&c, &a);
    pq_fp2_mul(&d, &a, &a);
    bad += !pq_fp2_equal(&c, &d) || !LAZY(c);
    if (it < 100) {
      pq_fp2_inv(&c, &a);
      pq_fp2_mul(&d, &c, &a);
      bad += !(pq_fp2_is_zero(&a) ? pq_fp2_is_zero(&c) : pq_fp2_equal(&d, &one));
    }
  }
  CHECK(!bad, "fp2 properties: %u failures", bad);
}

static void test_fp6(void) {
  unsigned bad = 0;
  for (int it = 0; it < 300; it++) {
    pq_fp6 a, b, c, d, e;
    rnd_fp6(&a);
    rnd_fp6(&b);
    pq_fp6_sqr(&c, &a);
    pq_fp6_mul(&d, &a, &a);
    bad += !pq_fp6_equal(&c, &d) || !LAZY(c) || !LAZY(d);
    /* sparse: b with b2 = 0 */
    e = b;
    pq_fp2_zero(&e.c2);
    pq_fp6_mul_01(&c, &a, &b.c0, &b.c1);
    pq_fp6_mul(&d, &a, &e);
    bad += !pq_fp6_equal(&c, &d);
    e.c1 = e.c2;
    pq_fp6_mul_fp2(&c, &a, &b.c0);
    pq_fp6_mul(&d, &a, &e);
    bad += !pq_fp6_equal(&c, &d);
    /* v * a */
    pq_fp6_zero(&e);
    pq_fp2_one(&e.c1);
    pq_fp6_mul_v(&c, &a);
    pq_fp6_mul(&d, &a, &e);
    bad += !pq_fp6_equal(&c, &d);
    if (it < 30) {
      pq_fp6 one;
      pq_fp6_one(&one);
      pq_fp6_inv(&c, &a);
      pq_fp6_mul(&d, &c, &a);
      bad += !pq_fp6_equal(&d, &one);
      /* Frobenius is multiplicative and the 6th power is the identity */
      for (unsigned k = 1; k < 6; k++) {
        pq_fp6 fa, fb, fab;
        pq_fp6_mul(&c, &a, &b);
        pq_fp6_frobenius(&fab, &c, k);
        pq_fp6_frobenius(&fa, &a, k);
        pq_fp6_frobenius(&fb, &b, k);
        pq_fp6_mul(&d, &fa, &fb);
        bad += !pq_fp6_equal(&d, &fab);
      }
      c = a;
      for (int k = 0; k < 6; k++) pq_fp6_frobenius(&c, &c, 1);
      bad += !pq_fp6_equal(&c, &a);
    }
  }
  CHECK(!bad, "fp6 properties: %u failures", bad);
}

/* r = a^e (e little-endian 64-bit words), square and multiply */
static void fp12_pow(pq_fp12 *r, const pq_fp12 *a, const uint64_t *e, unsigned nwords) {
  pq_fp12 acc;
  pq_fp12_one(&acc);
  for (unsigned i = nwords * 64; i-- > 0;) {
    pq_fp12_sqr(&acc, &acc);
    if ((e[i / 64] >> (i % 64)) & 1) pq_fp12_mul(&acc, &acc, a);
  }
  *r = acc;
}

/* f^((p^6 - 1)(p^2 + 1)): an element of the cyclotomic subgroup */
static void easy_part(pq_fp12 *r, const pq_fp12 *f) {
  pq_fp12 t, u;
  pq_fp12_inv(&t, f);
  pq_fp12_conj(&u, f);
  pq_fp12_mul(&t, &u, &t);
  pq_fp12_frobenius(&u, &t, 2);
  pq_fp12_mul(r, &u, &t);
}

static void test_fp12(void) {
  unsigned bad = 0;
  pq_fp12 one;
  pq_fp12_one(&one);
  for (int it = 0; it < 40; it++) {
    pq_fp12 a, b, c, d, e;
    rnd_fp12(&a);
    rnd_fp12(&b);
    pq_fp12_sqr(&c, &a);
    pq_fp12_mul(&d, &a, &a);
    bad += !pq_fp12_equal(&c, &d) || !LAZY(c) || !LAZY(d);
    /* inverse * x = 1 */
    pq_fp12_inv(&c, &a);
    pq_fp12_mul(&d, &c, &a);
    bad += !pq_fp12_is_one(&d) || !LAZY(c);
    /* Frobenius^12 = id, Frobenius^k = (Frobenius^1)^k, multiplicative */
    c = a;
    for (int k = 0; k < 12; k++) pq_fp12_frobenius(&c, &c, 1);
    bad += !pq_fp12_equal(&c, &a);
    d = a;
    for (unsigned k = 1; k < 12; k++) {
      pq_fp12_frobenius(&d, &d, 1);
      pq_fp12_frobenius(&c, &a, k);
      bad += !pq_fp12_equal(&c, &d) || !LAZY(c);
    }
    pq_fp12_mul(&c, &a, &b);
    pq_fp12_frobenius(&c, &c, 3);
    pq_fp12_frobenius(&d, &a, 3);
    pq_fp12_frobenius(&e, &b, 3);
    pq_fp12_mul(&d, &d, &e);
    bad += !pq_fp12_equal(&c, &d);
    /* conjugation = Frobenius^6 */
    pq_fp12_conj(&c, &a);
    pq_fp12_frobenius(&d, &a, 6);
    bad += !pq_fp12_equal(&c, &d);
    /* sparse lines against full products */
    pq_fp2 l0 = b.c0.c0, l3 = b.c1.c0, l4 = b.c1.c1, m0 = a.c0.c2, m3 = a.c1.c2, m4 = b.c0.c1;
    pq_fp12 L, M;
    pq_fp12_zero(&L);
    L.c0.c0 = l0;
    L.c1.c0 = l3;
    L.c1.c1 = l4;
    pq_fp12_zero(&M);
    M.c0.c0 = m0;
    M.c1.c0 = m3;
    M.c1.c1 = m4;
    pq_fp12_mul_034(&c, &a, &l0, &l3, &l4);
    pq_fp12_mul(&d, &a, &L);
    bad += !pq_fp12_equal(&c, &d) || !LAZY(c);
    pq_fp12_mul_034_034(&c, &l0, &l3, &l4, &m0, &m3, &m4);
    pq_fp12_mul(&d, &L, &M);
    bad += !pq_fp12_equal(&c, &d) || !pq_fp2_is_zero(&c.c1.c2);
    pq_fp12_mul_01234(&e, &a, &c);
    pq_fp12_mul(&d, &a, &c);
    bad += !pq_fp12_equal(&e, &d);
    /* cyclotomic squaring = squaring on cyclotomic elements */
    easy_part(&c, &a);
    pq_fp12_cyclotomic_sqr(&d, &c);
    pq_fp12_sqr(&e, &c);
    bad += !pq_fp12_equal(&d, &e) || !LAZY(d);
    pq_fp12_cyclotomic_sqr(&d, &d); /* again, from a lazy cyclotomic input */
    pq_fp12_sqr(&e, &e);
    bad += !pq_fp12_equal(&d, &e);
    /* a cyclotomic element's inverse is its conjugate */
    pq_fp12_conj(&d, &c);
    pq_fp12_mul(&d, &d, &c);
    bad += !pq_fp12_is_one(&d);
  }
  /* Frobenius = x^p, on a few elements (a full 254-bit exponentiation each) */
  for (int it = 0; it < 3; it++) {
    pq_fp12 a, c, d;
    rnd_fp12(&a);
    fp12_pow(&c, &a, P.v, 4);
    pq_fp12_frobenius(&d, &a, 1);
    bad += !pq_fp12_equal(&c, &d);
  }
  CHECK(!bad, "fp12 properties: %u failures", bad);
}

/* The Frobenius constants of bn254_tables.inc recomputed: gamma[k][i] = xi^(i (p^k - 1) / 6). */
static void test_frobenius_constants(void) {
  static const pq_fp2 gamma[3][5] = PQ_BN_FROB_GAMMA_INIT;
  /* p^k as 32-bit limbs (no __int128 needed: the test runs on wasm32 too) */
  uint32_t p32[8], pk[24] = {0}, tmp[24];
  for (int i = 0; i < 4; i++) {
    p32[2 * i] = (uint32_t)P.v[i];
    p32[2 * i + 1] = (uint32_t)(P.v[i] >> 32);
  }
  memcpy(pk, p32, sizeof p32);
  pq_fp2 xi;
  pq_fp_from_u64(&xi.c0, 9);
  pq_fp_from_u64(&xi.c1, 1);
  unsigned bad = 0;
  for (int k = 1; k <= 3; k++) {
    if (k > 1) { /* pk *= p */
      memset(tmp, 0, sizeof tmp);
      for (int i = 0; i < 24; i++) {
        uint64_t c = 0;
        for (int j = 0; j < 8 && i + j < 24; j++) {
          uint64_t u = (uint64_t)pk[i] * p32[j] + tmp[i + j] + c;
          tmp[i + j] = (uint32_t)u;
          c = u >> 32;
        }
        if (i + 8 < 24) tmp[i + 8] += (uint32_t)c;
      }
      memcpy(pk, tmp, sizeof pk);
    }
    /* e = (p^k - 1) / 6 */
    uint32_t e[24];
    memcpy(e, pk, sizeof e);
    e[0] -= 1; /* p odd: no borrow */
    uint64_t rem = 0;
    for (int i = 23; i >= 0; i--) {
      uint64_t cur = rem << 32 | e[i];
      e[i] = (uint32_t)(cur / 6);
      rem = cur % 6;
    }
    bad += rem != 0;
    uint64_t e64[12];
    for (int i = 0; i < 12; i++) e64[i] = (uint64_t)e[2 * i] | (uint64_t)e[2 * i + 1] << 32;
    pq_fp2 g1, gi;
    pq_fp2_pow(&g1, &xi, e64, 12);
    gi = g1;
    for (int i = 1; i <= 5; i++) {
      if (i > 1) pq_fp2_mul(&gi, &gi, &g1);
      bad += !pq_fp2_equal(&gi, &gamma[k - 1][i - 1]);
      if (k == 2) bad += !pq_fp_is_zero(&gamma[1][i - 1].c1);
    }
  }
  CHECK(!bad, "Frobenius constants differ from xi^(i (p^k - 1) / 6): %u", bad);
  /* and the base constants: R^2 and one */
  pq_fp one = PQ_BN_ONE_INIT, x;
  pq_fp_from_u64(&x, 1);
  CHECK(pq_fp_equal(&x, &one), "R mod p");
  pq_fp_from_mont(&x, &one);
  CHECK(x.v[0] == 1 && !x.v[1] && !x.v[2] && !x.v[3], "from_mont(R mod p) != 1");
  CHECK((uint64_t)(P.v[0] * PQ_BN_N0) == (uint64_t)-1, "N0 is not -p^-1 mod 2^64");
}

int main(void) {
  test_vectors();
  test_kernels();
  test_fp();
  test_fp_inv();
  test_fp2();
  test_fp6();
  test_fp12();
  test_frobenius_constants();
  return t_summary("bn254-field");
}
