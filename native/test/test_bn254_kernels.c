/* The BN254 Fp kernels of a build (pq_fp_mul, pq_fp_sqr, pq_fp_sop2 of bn254/kernels_bn254.h, as
 * the target header selects them) against the portable reference pq_ref_* and its 32-bit-limb form
 * pq_limb32_*: bit for bit, on random inputs across each kernel's whole precondition (not only
 * the lazy [0, 2p): mul also takes any a < 2^256 with b < p, sop2 any operands with
 * a0 b0 + a1 b1 < 8p^2), at the bounds (0, 1, p-1, p, 2p-1, 2p, 2^256-1 where allowed), with
 * the output aliasing each input, and at the edge of sop2's final subtraction (u just below and
 * above 2p); the test's own REDC (32-bit words) is the definition they all must equal. Plus the
 * field identities (1 * 1 = 1, (-1)^2 = 1, 1*1 + 1*1 = 2 in Montgomery form), so the reference
 * itself is checked against arithmetic, and a deliberately wrong kernel (the other
 * representative) that must be caught.
 * Target-only kernels are called by name too: on x86-64 the bare ADX kernels pq_adx_* (when this
 * CPU has ADX); the AArch64 assembly (pq_neon_fp_*_asm) and the WASM SIMD128 forms are this build's
 * pq_fp_*. scripts/test-c.sh runs it in every build (portable, AVX2, AVX-512, NEON under qemu,
 * WASM scalar / SIMD / relaxed).
 */
#include <stdlib.h>

#include "bn254/bn254_tables.inc"
#include "bn254/kernels_bn254.h"
#include "test_util.h"

typedef void (*mul_fn)(pq_fp *, const pq_fp *, const pq_fp *);
typedef void (*sqr_fn)(pq_fp *, const pq_fp *);
typedef void (*sop2_fn)(pq_fp *, const pq_fp *, const pq_fp *, const pq_fp *, const pq_fp *);

typedef struct {
  const char *name;
  mul_fn mul;
  sqr_fn sqr;
  sop2_fn sop2;
} kernels;

static const pq_fp P = PQ_BN_P_INIT, P2 = PQ_BN_2P_INIT, ONE = PQ_BN_ONE_INIT;

/* ---- small multiprecision helpers in 32-bit words (no __int128: the test runs in wasm32) ---- */
static void to32(uint32_t o[8], const pq_fp *a) {
  for (int i = 0; i < 4; i++) {
    o[2 * i] = (uint32_t)a->v[i];
    o[2 * i + 1] = (uint32_t)(a->v[i] >> 32);
  }
}
/* t[0..16] += a * b (t has 17 words) */
static void mac512(uint32_t t[17], const pq_fp *a, const pq_fp *b) {
  uint32_t x[8], y[8];
  to32(x, a);
  to32(y, b);
  for (int i = 0; i < 8; i++) {
    uint64_t c = 0;
    for (int j = 0; j < 8; j++) {
      uint64_t u = (uint64_t)x[j] * y[i] + t[i + j] + c;
      t[i + j] = (uint32_t)u;
      c = u >> 32;
    }
    for (int k = i + 8; k < 17 && c; k++) {
      uint64_t u = (uint64_t)t[k] + c;
      t[k] = (uint32_t)u;
      c = u >> 32;
    }
  }
}
/* -1, 0, 1 as x <, =, > y (17-word numbers) */
static int cmp17(const uint32_t x[17], const uint32_t y[17]) {
  for (int i = 16; i >= 0; i--)
    if (x[i] != y[i]) return x[i] < y[i] ? -1 : 1;
  return 0;
}
static int lt256(const pq_fp *a, const pq_fp *b) {
  for (int i = 3; i >= 0; i--)
    if (a->v[i] != b->v[i]) return a->v[i] < b->v[i];
  return 0;
}
static void sub256(pq_fp *r, const pq_fp *a, const pq_fp *b) {
  uint64_t borrow = 0;
  for (int i = 0; i < 4; i++) {
    uint64_t d = a->v[i] - b->v[i] - borrow;
    borrow = (a->v[i] < b->v[i]) || (a->v[i] == b->v[i] && borrow);
    r->v[i] = d;
  }
}
static void add256(pq_fp *r, const pq_fp *a, const pq_fp *b) { /* mod 2^256 */
  uint64_t carry = 0;
  for (int i = 0; i < 4; i++) {
    uint64_t x = a->v[i] + carry, c1 = x < carry;
    r->v[i] = x + b->v[i];
    carry = c1 | (r->v[i] < x);
  }
}
static int eq(const pq_fp *a, const pq_fp *b) { return memcmp(a, b, sizeof *a) == 0; }

static uint32_t P8SQ[17], PR[17]; /* p 2^256 and 8p^2, set in main */

/* a*b < p 2^256 (mul's precondition) */
/* mul's precondition (bn254/kernels_bn254.h): a, b < 2p, or a < p with any b */
static int mul_ok(const pq_fp *a, const pq_fp *b) {
  uint32_t t[17] = {0};
  mac512(t, a, b);
  return cmp17(t, PR) < 0 && ((lt256(a, &P2) && lt256(b, &P2)) || lt256(a, &P));
}
/* a0 b0 + a1 b1 < 8p^2 (sop2's precondition) */
static int sop2_ok(const pq_fp *a0, const pq_fp *b0, const pq_fp *a1, const pq_fp *b1) {
  if (lt256(&P2, a0) || lt256(&P2, b0) || lt256(&P2, a1) || lt256(&P2, b1)) return 0; /* each <= 2p */
  uint32_t t[17] = {0};
  mac512(t, a0, b0);
  mac512(t, a1, b1);
  return cmp17(t, P8SQ) < 0;
}

/* u = REDC(t) = (t + M p) / 2^256 with M < 2^256 (the test's own, 32 bits at a time); t < 2^512 */
static void redc_test(pq_fp *u, const uint32_t t0[17]) {
  uint32_t t[17], p32[8];
  memcpy(t, t0, sizeof t);
  to32(p32, &P);
  for (int i = 0; i < 8; i++) {
    uint32_t m = t[i] * (uint32_t)PQ_BN_N0;
    uint64_t c = 0;
    for (int j = 0; j < 8; j++) {
      uint64_t v = (uint64_t)m * p32[j] + t[i + j] + c;
      t[i + j] = (uint32_t)v;
      c = v >> 32;
    }
    for (int k = i + 8; k < 17 && c; k++) {
      uint64_t v = (uint64_t)t[k] + c;
      t[k] = (uint32_t)v;
      c = v >> 32;
    }
  }
  for (int i = 0; i < 4; i++) u->v[i] = (uint64_t)t[8 + 2 * i] | (uint64_t)t[9 + 2 * i] << 32;
}

/* ---- input generators ---- */
static void rnd_any(pq_fp *a) {
  for (int i = 0; i < 4; i++) a->v[i] = rnd64();
}
/* random below bound (by rejection on the top bits) */
static void rnd_below(pq_fp *a, const pq_fp *bound) {
  int top = 3;
  while (top > 0 && bound->v[top] == 0) top--;
  uint64_t mask = bound->v[top];
  mask |= mask >> 1, mask |= mask >> 2, mask |= mask >> 4, mask |= mask >> 8, mask |= mask >> 16,
      mask |= mask >> 32;
  do {
    for (int i = 0; i < 4; i++) a->v[i] = i < top ? rnd64() : i == top ? rnd64() & mask : 0;
  } while (!lt256(a, bound));
}
/* special values: 0, 1, p-1, p, p+1, 2p-1, 2p-2, 2p (index k % 8), each < 2p except 2p */
static void special(pq_fp *a, unsigned k) {
  static const uint64_t small[3] = {0, 1, 2};
  memset(a, 0, sizeof *a);
  switch (k % 8) {
    case 0:
    case 1: a->v[0] = small[k % 8]; break;
    case 2: *a = P, a->v[0] -= 1; break;
    case 3: *a = P; break;
    case 4: *a = P, a->v[0] += 1; break;
    case 5: *a = P2, a->v[0] -= 1; break;
    case 6: *a = P2, a->v[0] -= 2; break;
    default: *a = P2; break;
  }
}
/* below 2p: random, special (not 2p itself), or random with words of all ones / zeros */
static void rnd_lazy(pq_fp *a) {
  unsigned k = (unsigned)(rnd64() % 8);
  if (k == 0) {
    special(a, (unsigned)(rnd64() % 7));
  } else if (k == 1) {
    rnd_below(a, &P2);
    a->v[rnd64() % 3] = ~0ULL; /* still < 2p: the top word is kept */
    if (!lt256(a, &P2)) *a = P2, a->v[0] -= 1;
  } else if (k == 2) {
    pq_fp d;
    rnd_below(&d, &(pq_fp){{1u << 20, 0, 0, 0}});
    sub256(a, &P2, &d); /* just below 2p */
    if (!lt256(a, &P2)) a->v[0] -= 1;
  } else {
    rnd_below(a, &P2);
  }
}

/* ---- one comparison per kernel ---- */
static unsigned n_mul, n_sqr, n_sop2, bad_mul, bad_sqr, bad_sop2, n_sub, n_big, quiet;

static void check_mul(const kernels *k, const pq_fp *a, const pq_fp *b) {
  if (!mul_ok(a, b)) return; /* outside the interface's precondition: no defined result */
  pq_fp r, e, e32, x = *a, y = *b;
  pq_ref_fp_mul(&e, a, b);
  pq_limb32_fp_mul(&e32, a, b);
  k->mul(&r, a, b);
  uint32_t t[17] = {0};
  pq_fp u;
  mac512(t, a, b);
  redc_test(&u, t); /* the definition: REDC(a b), no subtraction */
  int ok = eq(&r, &e) && eq(&e32, &e) && eq(&u, &e);
  k->mul(&x, &x, b); /* r == a */
  k->mul(&y, a, &y); /* r == b */
  ok &= eq(&x, &e) && eq(&y, &e);
  n_mul++;
  if (!ok && bad_mul++ < 3 && !quiet)
    fprintf(stderr, "%s mul %016llx.. * %016llx..\n", k->name, (unsigned long long)a->v[3],
            (unsigned long long)b->v[3]);
}

static void check_sqr(const kernels *k, const pq_fp *a) {
  pq_fp r, e, e32, m, x = *a;
  pq_ref_fp_sqr(&e, a);
  pq_limb32_fp_sqr(&e32, a);
  pq_ref_fp_mul(&m, a, a);
  k->sqr(&r, a);
  k->sqr(&x, &x);
  int ok = eq(&r, &e) && eq(&e32, &e) && eq(&m, &e) && eq(&x, &e);
  n_sqr++;
  if (!ok && bad_sqr++ < 3 && !quiet)
    fprintf(stderr, "%s sqr %016llx..\n", k->name, (unsigned long long)a->v[3]);
}

static void check_sop2(const kernels *k, const pq_fp *a0, const pq_fp *b0, const pq_fp *a1,
                       const pq_fp *b1) {
  if (!sop2_ok(a0, b0, a1, b1)) return; /* outside the precondition */
  pq_fp r, e, e32;
  pq_ref_fp_sop2(&e, a0, b0, a1, b1);
  pq_limb32_fp_sop2(&e32, a0, b0, a1, b1);
  k->sop2(&r, a0, b0, a1, b1);
  /* the definition: u = REDC(a0 b0 + a1 b1), minus 2p when u >= 2p */
  uint32_t t[17] = {0};
  pq_fp u;
  mac512(t, a0, b0);
  mac512(t, a1, b1);
  redc_test(&u, t);
  if (!lt256(&u, &P2)) sub256(&u, &u, &P2), n_sub++;
  int ok = eq(&r, &e) && eq(&e32, &e) && eq(&u, &e) && lt256(&r, &P2);
  /* the output as each of the four inputs */
  for (int w = 0; w < 4; w++) {
    pq_fp v[4] = {*a0, *b0, *a1, *b1};
    k->sop2(&v[w], &v[0], &v[1], &v[2], &v[3]);
    ok &= eq(&v[w], &e);
  }
  n_sop2++;
  if (!ok && bad_sop2++ < 3 && !quiet)
    fprintf(stderr, "%s sop2 %016llx.. %016llx.. %016llx.. %016llx..\n", k->name,
            (unsigned long long)a0->v[3], (unsigned long long)b0->v[3],
            (unsigned long long)a1->v[3], (unsigned long long)b1->v[3]);
}

/* canonical representative of a lazy value */
static void canon(pq_fp *r, const pq_fp *a) {
  *r = *a;
  if (!lt256(r, &P)) sub256(r, r, &P);
}

/* the checks of a kernel set (not counted for the deliberately wrong set: it must fail them) */
#define KCHECK(...)                 \
  do {                              \
    if (!quiet) CHECK(__VA_ARGS__); \
  } while (0)

static void test_kernels(const kernels *k, unsigned iters) {
  n_mul = n_sqr = n_sop2 = bad_mul = bad_sqr = bad_sop2 = n_sub = n_big = 0;
  pq_fp a, b, c, d;
  /* identities */
  pq_fp r, s, minus_one, two;
  k->mul(&r, &ONE, &ONE);
  canon(&r, &r);
  KCHECK(eq(&r, &ONE), "%s: 1 * 1 = 1", k->name);
  sub256(&minus_one, &P, &ONE);
  k->sqr(&r, &minus_one);
  canon(&r, &r);
  KCHECK(eq(&r, &ONE), "%s: (-1)^2 = 1", k->name);
  k->sop2(&r, &ONE, &ONE, &ONE, &ONE);
  canon(&r, &r);
  two = ONE;
  for (int i = 0, cy = 0; i < 4; i++) { /* 2 * ONE, then mod p */
    uint64_t v = two.v[i];
    two.v[i] = v << 1 | (uint64_t)cy;
    cy = (int)(v >> 63);
  }
  canon(&two, &two);
  KCHECK(eq(&r, &two), "%s: 1*1 + 1*1 = 2", k->name);
  k->sop2(&r, &ONE, &ONE, &minus_one, &ONE); /* 1 + (-1) = 0 */
  canon(&s, &r);
  KCHECK(s.v[0] == 0 && s.v[1] == 0 && s.v[2] == 0 && s.v[3] == 0, "%s: 1*1 + (-1)*1 = 0", k->name);

  /* every pair of special values (0, 1, p-1, p, p+1, 2p-1, 2p-2; 2p where the bound allows) */
  for (unsigned i = 0; i < 8; i++)
    for (unsigned j = 0; j < 8; j++) {
      special(&a, i);
      special(&b, j);
      if (mul_ok(&a, &b)) check_mul(k, &a, &b);
      if (i < 7 && j == 0) check_sqr(k, &a);
      for (unsigned u = 0; u < 8; u++)
        for (unsigned v = 0; v < 8; v++) {
          special(&c, u);
          special(&d, v);
          if (sop2_ok(&a, &b, &c, &d)) check_sop2(k, &a, &b, &c, &d);
        }
    }
  /* 2^256 - 1 times values < p (mul's other precondition), both orders */
  pq_fp top = {{~0ULL, ~0ULL, ~0ULL, ~0ULL}};
  for (unsigned i = 0; i < 3; i++) {
    special(&b, i);
    check_mul(k, &top, &b);
    check_mul(k, &b, &top);
  }

  for (unsigned it = 0; it < iters; it++) {
    /* lazy operands: the common case */
    rnd_lazy(&a);
    rnd_lazy(&b);
    rnd_lazy(&c);
    rnd_lazy(&d);
    check_mul(k, &a, &b);
    check_sqr(k, &a);
    if (sop2_ok(&a, &b, &c, &d)) check_sop2(k, &a, &b, &c, &d);
    /* mul: any a < 2^256 with b < p, and a*b just under p 2^256 */
    rnd_any(&a);
    rnd_below(&b, &P);
    check_mul(k, &a, &b);
    check_mul(k, &b, &a);
    a = top;
    a.v[rnd64() % 4] = rnd64();
    b = P;
    b.v[0] -= 1 + rnd64() % 1024;
    if (mul_ok(&a, &b)) check_mul(k, &a, &b);
    /* sop2: one big operand times a small one in each product (a b < 2^509 < 4p^2 each) */
    rnd_any(&a);
    rnd_below(&b, &(pq_fp){{0, 0, 0, 1ULL << 61}});
    rnd_any(&c);
    rnd_below(&d, &(pq_fp){{0, 0, 0, 1ULL << 61}});
    if (rnd64() & 1) a = top;
    if (sop2_ok(&a, &b, &c, &d)) check_sop2(k, &a, &b, &c, &d);
    if (sop2_ok(&b, &a, &d, &c)) check_sop2(k, &b, &a, &d, &c);
    /* both operands of a product above 2p + 2^192 (a b < p 2^256 still holds up to ~2.3p; sop2:
     * one such product and a small one) */
    {
      pq_fp lo = P2, span = {{0, 0, 0, 1ULL << 59}}; /* 2^251 ~ 0.66p */
      lo.v[3] += 1;
      rnd_below(&a, &span), rnd_below(&b, &span);
      add256(&a, &a, &lo);
      add256(&b, &b, &lo);
      if (mul_ok(&a, &b)) check_mul(k, &a, &b), n_big++;
      rnd_below(&c, &(pq_fp){{0, 0, 0, 1ULL << 40}});
      rnd_lazy(&d);
      if (sop2_ok(&a, &b, &c, &d)) check_sop2(k, &a, &b, &c, &d), n_big++;
      if (sop2_ok(&d, &c, &b, &a)) check_sop2(k, &d, &c, &b, &a), n_big++;
    }
    /* sop2 near its top: all four close to 2p (u ~ 1.5p..2.5p: both sides of the subtraction) */
    for (int w = 0; w < 4; w++) {
      pq_fp *x = w == 0 ? &a : w == 1 ? &b : w == 2 ? &c : &d, dd;
      rnd_below(&dd, &(pq_fp){{0, 0, 1, 0}});
      sub256(x, &P2, &dd);
    }
    if (sop2_ok(&a, &b, &c, &d)) check_sop2(k, &a, &b, &c, &d);
    /* Fp2's c0 shape: (2p - a1) in [0, 2p] */
    rnd_lazy(&a);
    rnd_lazy(&b);
    rnd_lazy(&c);
    rnd_lazy(&d);
    sub256(&c, &P2, &c);
    if (sop2_ok(&a, &b, &c, &d)) check_sop2(k, &a, &b, &c, &d);
  }
  KCHECK(bad_mul == 0, "%s: mul: %u of %u differ from the reference", k->name, bad_mul, n_mul);
  KCHECK(bad_sqr == 0, "%s: sqr: %u of %u differ from the reference", k->name, bad_sqr, n_sqr);
  /* both sides of sop2's final subtraction were taken, each many times */
  KCHECK(n_sub > n_sop2 / 50 && n_sop2 - n_sub > n_sop2 / 50, "%s: sop2: u >= 2p in %u of %u",
         k->name, n_sub, n_sop2);
  KCHECK(bad_sop2 == 0, "%s: sop2: %u of %u differ from the reference", k->name, bad_sop2, n_sop2);
  if (!quiet)
    printf("  %s: mul %u, sqr %u, sop2 %u cases (%u with u >= 2p)\n", k->name, n_mul, n_sqr, n_sop2,
           n_sub);
}

/* A deliberately wrong kernel must be caught (the test can fail). */
static void off_by_p_mul(pq_fp *r, const pq_fp *a, const pq_fp *b) {
  pq_ref_fp_mul(r, a, b);
  if (!lt256(r, &P)) sub256(r, r, &P); /* congruent, but not the reference's representative */
}

int main(void) {
  /* p 2^256 and 8p^2 in 17 words */
  memset(PR, 0, sizeof PR);
  to32(PR + 8, &P);
  memset(P8SQ, 0, sizeof P8SQ);
  mac512(P8SQ, &P, &P);
  for (int s = 0; s < 3; s++) { /* 8 p^2 = p^2 << 3 */
    uint32_t cy = 0;
    for (int i = 0; i < 17; i++) {
      uint32_t v = P8SQ[i];
      P8SQ[i] = v << 1 | cy;
      cy = v >> 31;
    }
  }
  const unsigned iters = getenv("PQ_BN_ITERS") ? (unsigned)atoi(getenv("PQ_BN_ITERS")) : 20000;

  const kernels sel = {"pq_fp_* (this build)", pq_fp_mul, pq_fp_sqr, pq_fp_sop2};
  test_kernels(&sel, iters);
#if defined(PQ_TARGET_X86_AVX2)
  if (__builtin_cpu_supports("adx") && __builtin_cpu_supports("bmi2")) {
    const kernels adx = {"pq_adx_fp_* (mulx/adcx/adox)", pq_adx_fp_mul, pq_adx_fp_sqr,
                         pq_adx_fp_sop2};
    test_kernels(&adx, iters);
  } else {
    printf("  (this CPU has no ADX: pq_adx_fp_* not run)\n");
  }
#endif
  /* the test itself: a kernel returning p-reduced outputs (congruent, other representative) */
  {
    const kernels wrong = {"deliberately wrong", off_by_p_mul, pq_ref_fp_sqr, pq_ref_fp_sop2};
    quiet = 1;
    test_kernels(&wrong, 200);
    quiet = 0;
    const int caught = bad_mul > 0;
    CHECK(caught, "the deliberately wrong kernel was not caught");
  }
  return t_summary("bn254-kernels");
}
