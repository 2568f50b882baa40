/* Prototype for a decision, not shipped and not part of the tests: an 8-lane AVX-512 IFMA
 * Montgomery product (5 x 52-bit limbs, R = 2^260, one independent product per 64-bit lane, the
 * operands in "vertical" layout: vector j holds limb j of the 8 lanes) against the mulx kernels
 * (native/x86_64/bn254_mulx.c) on independent products. TSC ticks per product. Checked: each lane's
 * result c < 2p with 16 c = a b R^-1 (pq_ref_fp_mul's value) mod p.
 * The shipped field needs R = 2^256 (every build bit-identical), which 52-bit limbs reach with four
 * 52-bit reduction steps and one 48-bit step (a re-limbing shift more: not measured here).
 *   gcc -std=c11 -O3 -mavx2 -mbmi -mbmi2 -madx -mavx512f -mavx512vl -mavx512ifma
 *     -DPQ_TARGET_X86_AVX2 -Inative/common native/test/bench_bn254_ifma.c
 *     native/x86_64/bn254_mulx.c native/common/bn254/kernels_bn254_ref.c
 *     native/common/bn254/fp.c   (run under the bench lock) */
#include <immintrin.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <x86intrin.h>
#include "bn254/fp.h"
void pq_adx_fp_mul(pq_fp *r, const pq_fp *a, const pq_fp *b);
void pq_adx_fp_sop2(pq_fp *r, const pq_fp *a0, const pq_fp *b0, const pq_fp *a1, const pq_fp *b1);

static const uint64_t P[4] = {0x3c208c16d87cfd47u, 0x97816a916871ca8du, 0xb85045b68181585du,
                              0x30644e72e131a029u};
#define M52 0xfffffffffffffULL
static uint64_t P52[5], N52; /* p in 52-bit limbs, -p^-1 mod 2^52 */

static void to52(uint64_t o[5], const uint64_t x[4]) {
  o[0] = x[0] & M52;
  o[1] = (x[0] >> 52 | x[1] << 12) & M52;
  o[2] = (x[1] >> 40 | x[2] << 24) & M52;
  o[3] = (x[2] >> 28 | x[3] << 36) & M52;
  o[4] = x[3] >> 16;
}
/* vertical layout: v[j] = limb j of the 8 lanes */
typedef struct {
  __m512i v[5];
} fe8;

static inline void mont8(fe8 *r, const fe8 *a, const fe8 *b) {
  const __m512i z = _mm512_setzero_si512(), m52 = _mm512_set1_epi64(M52),
                n0 = _mm512_set1_epi64(N52);
  __m512i p[5];
  for (int j = 0; j < 5; j++) p[j] = _mm512_set1_epi64(P52[j]);
  __m512i t[6];
  for (int j = 0; j < 6; j++) t[j] = z;
  for (int i = 0; i < 5; i++) {
    const __m512i bi = b->v[i];
    for (int j = 0; j < 5; j++) {
      t[j] = _mm512_madd52lo_epu64(t[j], a->v[j], bi);
      t[j + 1] = _mm512_madd52hi_epu64(t[j + 1], a->v[j], bi);
    }
    const __m512i m = _mm512_and_si512(_mm512_madd52lo_epu64(z, t[0], n0), m52);
    for (int j = 0; j < 5; j++) {
      t[j] = _mm512_madd52lo_epu64(t[j], p[j], m);
      t[j + 1] = _mm512_madd52hi_epu64(t[j + 1], p[j], m);
    }
    /* t0 is now 0 mod 2^52: shift down one limb, its carry into t1 */
    t[1] = _mm512_add_epi64(t[1], _mm512_srli_epi64(t[0], 52));
    for (int j = 0; j < 5; j++) t[j] = t[j + 1];
    t[5] = z;
  }
  /* normalise to 52-bit limbs (values < 2^64 per limb: no overflow in 5 rows) */
  for (int j = 0; j < 4; j++) {
    t[j + 1] = _mm512_add_epi64(t[j + 1], _mm512_srli_epi64(t[j], 52));
    t[j] = _mm512_and_si512(t[j], m52);
  }
  for (int j = 0; j < 5; j++) r->v[j] = t[j];
}

/* pq_fp[8] (64-bit words) <-> vertical 52-bit limbs: the layout conversion a tower would pay */
static inline void load8(fe8 *r, const pq_fp x[8]) {
  const __m512i idx = _mm512_set_epi64(28, 24, 20, 16, 12, 8, 4, 0), m52 = _mm512_set1_epi64(M52);
  const uint64_t *base = x[0].v;
  __m512i w0 = _mm512_i64gather_epi64(idx, base, 8), w1 = _mm512_i64gather_epi64(idx, base + 1, 8),
          w2 = _mm512_i64gather_epi64(idx, base + 2, 8),
          w3 = _mm512_i64gather_epi64(idx, base + 3, 8);
  r->v[0] = _mm512_and_si512(w0, m52);
  r->v[1] =
      _mm512_and_si512(_mm512_or_si512(_mm512_srli_epi64(w0, 52), _mm512_slli_epi64(w1, 12)), m52);
  r->v[2] =
      _mm512_and_si512(_mm512_or_si512(_mm512_srli_epi64(w1, 40), _mm512_slli_epi64(w2, 24)), m52);
  r->v[3] =
      _mm512_and_si512(_mm512_or_si512(_mm512_srli_epi64(w2, 28), _mm512_slli_epi64(w3, 36)), m52);
  r->v[4] = _mm512_srli_epi64(w3, 16);
}
static inline void store8(pq_fp x[8], const fe8 *a) {
  const __m512i idx = _mm512_set_epi64(28, 24, 20, 16, 12, 8, 4, 0);
  uint64_t *base = x[0].v;
  __m512i w0 = _mm512_or_si512(a->v[0], _mm512_slli_epi64(a->v[1], 52));
  __m512i w1 = _mm512_or_si512(_mm512_srli_epi64(a->v[1], 12), _mm512_slli_epi64(a->v[2], 40));
  __m512i w2 = _mm512_or_si512(_mm512_srli_epi64(a->v[2], 24), _mm512_slli_epi64(a->v[3], 28));
  __m512i w3 = _mm512_or_si512(_mm512_srli_epi64(a->v[3], 36), _mm512_slli_epi64(a->v[4], 16));
  _mm512_i64scatter_epi64(base, idx, w0, 8);
  _mm512_i64scatter_epi64(base + 1, idx, w1, 8);
  _mm512_i64scatter_epi64(base + 2, idx, w2, 8);
  _mm512_i64scatter_epi64(base + 3, idx, w3, 8);
}

static volatile uint64_t sink;
static uint64_t rnd(void) {
  static uint64_t s = 88172645463325252ull;
  s ^= s << 13;
  s ^= s >> 7;
  s ^= s << 17;
  return s;
}

int main(void) {
  to52(P52, P);
  uint64_t inv = 1; /* p^-1 mod 2^64 by Newton */
  for (int i = 0; i < 6; i++) inv *= 2 - P[0] * inv;
  N52 = (0 - inv) & M52;
  pq_fp A[8], B[8], C[8];
  for (int l = 0; l < 8; l++)
    for (int i = 0; i < 4; i++) {
      A[l].v[i] = rnd();
      B[l].v[i] = rnd();
    }
  for (int l = 0; l < 8; l++) {
    A[l].v[3] &= 0x1fffffffffffffffull;
    B[l].v[3] &= 0x1fffffffffffffffull;
  } /* < 2^253 < p */
  fe8 a, b, c;
  load8(&a, A);
  load8(&b, B);
  mont8(&c, &a, &b);
  store8(C, &c);
  /* check every lane: c < 2p and 16 c = REDC(a b) (mod p) */
  int bad = 0;
  for (int l = 0; l < 8; l++) {
    pq_fp e, x = C[l], twop = PQ_BN_2P_INIT;
    int lt = 0;
    for (int w = 3; w >= 0; w--)
      if (x.v[w] != twop.v[w]) {
        lt = x.v[w] < twop.v[w];
        break;
      }
    for (int k = 0; k < 4; k++) pq_fp_dbl(&x, &x);
    pq_ref_fp_mul(&e, &A[l], &B[l]);
    bad += !lt || !pq_fp_equal(&x, &e);
  }
  printf("check: %d of 8 lanes wrong\n", bad);
  enum { N = 20000 };
  uint64_t best[5] = {~0ull, ~0ull, ~0ull, ~0ull, ~0ull};
  for (int rep = 0; rep < 15; rep++) {
    /* 1: IFMA, data in limb form, two independent 8-lane chains (16 products per step) */
    fe8 x = a, y = b;
    uint64_t t0 = __rdtsc();
    for (int i = 0; i < N; i++) {
      mont8(&x, &x, &b);
      mont8(&y, &y, &a);
    }
    uint64_t t1 = __rdtsc();
    if (t1 - t0 < best[0]) best[0] = t1 - t0;
    /* 2: IFMA with the layout conversion of both operands in and the result out */
    t0 = __rdtsc();
    for (int i = 0; i < N; i++) {
      fe8 u, v, w;
      load8(&u, C);
      load8(&v, B);
      mont8(&w, &u, &v);
      store8(C, &w);
      load8(&u, A);
      mont8(&w, &u, &v);
      store8(A, &w);
    }
    t1 = __rdtsc();
    if (t1 - t0 < best[1]) best[1] = t1 - t0;
    /* 3: mulx kernel, 16 independent products per step (4 chains x 4) */
    pq_fp q[4] = {A[0], A[1], A[2], A[3]};
    t0 = __rdtsc();
    for (int i = 0; i < N; i++)
      for (int k = 0; k < 4; k++) {
        pq_adx_fp_mul(&q[0], &q[0], &B[k]);
        pq_adx_fp_mul(&q[1], &q[1], &B[k]);
        pq_adx_fp_mul(&q[2], &q[2], &B[k]);
        pq_adx_fp_mul(&q[3], &q[3], &B[k]);
      }
    t1 = __rdtsc();
    if (t1 - t0 < best[2]) best[2] = t1 - t0;
    /* 4: mulx sop2 (two products, one reduction), 8 per step = 16 products */
    t0 = __rdtsc();
    for (int i = 0; i < N; i++)
      for (int k = 0; k < 2; k++) {
        pq_adx_fp_sop2(&q[0], &q[0], &B[k], &A[k], &B[k + 1]);
        pq_adx_fp_sop2(&q[1], &q[1], &B[k], &A[k], &B[k + 1]);
        pq_adx_fp_sop2(&q[2], &q[2], &B[k], &A[k], &B[k + 1]);
        pq_adx_fp_sop2(&q[3], &q[3], &B[k], &A[k], &B[k + 1]);
      }
    t1 = __rdtsc();
    if (t1 - t0 < best[3]) best[3] = t1 - t0;
    C[0].v[0] ^= q[0].v[0] ^ x.v[0][0] ^ y.v[0][0];
  }
  printf("IFMA 8-lane, limb form:           %6.1f ticks per product\n", best[0] / (16.0 * N));
  printf("IFMA 8-lane, with layout in/out:  %6.1f ticks per product\n", best[1] / (16.0 * N));
  printf("mulx mul (independent):           %6.1f ticks per product\n", best[2] / (16.0 * N));
  printf("mulx sop2 (independent):          %6.1f ticks per product (%.1f per sop2)\n",
         best[3] / (16.0 * N), best[3] / (8.0 * N));
  sink = C[0].v[0];
  return bad != 0;
}
