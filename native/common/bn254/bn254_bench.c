/* Benchmark hook of the BN254 family (shared/pq_bench.h): the field kernels and the curve, pairing
 * and protocol operations on fixed data in one call, so the cost of crossing into WASM or the addon
 * does not hide their speed. */
#include "bn254/bn254.h"
#include "bn254/pairing.h"
#include "shared/pq_bench.h"

/* the G2 generator (EIP-197 order: x.c1, x.c0, y.c1, y.c0) */
static const uint8_t G2_GEN[128] = {
    0x19, 0x8e, 0x93, 0x93, 0x92, 0x0d, 0x48, 0x3a, 0x72, 0x60, 0xbf, 0xb7, 0x31, 0xfb, 0x5d, 0x25,
    0xf1, 0xaa, 0x49, 0x33, 0x35, 0xa9, 0xe7, 0x12, 0x97, 0xe4, 0x85, 0xb7, 0xae, 0xf3, 0x12, 0xc2,
    0x18, 0x00, 0xde, 0xef, 0x12, 0x1f, 0x1e, 0x76, 0x42, 0x6a, 0x00, 0x66, 0x5e, 0x5c, 0x44, 0x79,
    0x67, 0x43, 0x22, 0xd4, 0xf7, 0x5e, 0xda, 0xdd, 0x46, 0xde, 0xbd, 0x5c, 0xd9, 0x92, 0xf6, 0xed,
    0x09, 0x06, 0x89, 0xd0, 0x58, 0x5f, 0xf0, 0x75, 0xec, 0x9e, 0x99, 0xad, 0x69, 0x0c, 0x33, 0x95,
    0xbc, 0x4b, 0x31, 0x33, 0x70, 0xb3, 0x8e, 0xf3, 0x55, 0xac, 0xda, 0xdc, 0xd1, 0x22, 0x97, 0x5b,
    0x12, 0xc8, 0x5e, 0xa5, 0xdb, 0x8c, 0x6d, 0xeb, 0x4a, 0xab, 0x71, 0x80, 0x8d, 0xcb, 0x40, 0x8f,
    0xe3, 0xd1, 0xe7, 0x69, 0x0c, 0x43, 0xd3, 0x7b, 0x4c, 0xe6, 0xcc, 0x01, 0x66, 0xfa, 0x7d, 0xaa};

static uint32_t next(uint32_t *x) {
  *x ^= *x << 13;
  *x ^= *x >> 17;
  *x ^= *x << 5;
  return *x;
}

/* [k]G1 and [k]G2 encoded (k small) */
static void g1_enc(uint8_t out[64], uint32_t k) {
  pq_g1_aff g, r;
  pq_g1_jac t;
  uint32_t s[8] = {k, 0, 0, 0, 0, 0, 0, 0};
  pq_fp_from_u64(&g.x, 1);
  pq_fp_from_u64(&g.y, 2);
  g.inf = 0;
  pq_g1_mul(&t, &g, s);
  pq_g1_to_aff(&r, &t);
  pq_g1_encode(out, &r);
}

static void g2_enc(uint8_t out[128], uint32_t k) {
  pq_g2_aff g, r;
  pq_g2_jac t;
  pq_g2_decode(&g, G2_GEN);
  pq_g2_mul_plain(&t, &g, &k, 1);
  pq_g2_to_aff(&r, &t);
  pq_g2_encode(out, &r);
}

static int32_t bench_fp(int32_t id, uint32_t iters) {
  pq_fp a, b, c, d, t, u;
  uint32_t x = 0x2545F491u;
  for (int i = 0; i < 4; i++) {
    a.v[i] = (uint64_t)next(&x) << 32 | next(&x);
    b.v[i] = (uint64_t)next(&x) << 32 | next(&x);
    c.v[i] = (uint64_t)next(&x) << 32 | next(&x);
    d.v[i] = (uint64_t)next(&x) << 32 | next(&x);
  }
  a.v[3] &= 0x0fffffffffffffffu, b.v[3] &= 0x0fffffffffffffffu; /* < p */
  c.v[3] &= 0x0fffffffffffffffu, d.v[3] &= 0x0fffffffffffffffu;
  pq_fp2 e = {a, b}, f = {c, d};
  pq_fp12 g, h;
  for (int i = 0; i < 6; i++) {
    pq_fp2 *gi = i < 3 ? (&g.c0.c0 + i) : (&g.c1.c0 + (i - 3));
    pq_fp2 *hi = i < 3 ? (&h.c0.c0 + i) : (&h.c1.c0 + (i - 3));
    *gi = i & 1 ? e : f;
    *hi = i & 2 ? f : e;
  }
  for (uint32_t it = 0; it < iters; it++) {
    switch (id) {
      case PQ_BENCH_BN254_FP_MUL: pq_fp_mul(&a, &a, &b); break;
      case PQ_BENCH_BN254_FP_SOP2: pq_fp_sop2(&a, &a, &b, &c, &d); break;
      case PQ_BENCH_BN254_FP_2MUL_ADD:
        pq_fp_mul(&t, &a, &b);
        pq_fp_mul(&u, &c, &d);
        pq_fp_add(&a, &t, &u);
        break;
      case PQ_BENCH_BN254_FP2_MUL: pq_fp2_mul(&e, &e, &f); break;
      default: pq_fp12_mul(&g, &g, &h); break;
    }
  }
  a.v[0] ^= e.c0.v[0] ^ g.c0.c0.c0.v[0];
  return (int32_t)(a.v[0] & 0x7fffffff);
}

static int32_t bench_groth16(uint32_t n, uint32_t iters) {
  uint8_t vk[448 + 64 * 6], pub[32 * 5], proof[256], prep[24000];
  g1_enc(vk, 3);
  g2_enc(vk + 64, 5);
  g2_enc(vk + 192, 7);
  g2_enc(vk + 320, 11);
  for (uint32_t i = 0; i <= n; i++) g1_enc(vk + 448 + 64 * i, 13 + i);
  uint32_t x = 0x9E3779B9u;
  for (uint32_t i = 0; i < 32 * n; i++) pub[i] = (uint8_t)(i % 32 ? next(&x) : next(&x) & 0x1f);
  g1_enc(proof, 17);
  g2_enc(proof + 64, 19);
  g1_enc(proof + 192, 23);
  const uint32_t plen = pq_bn254_groth16_prepared_bytes(n);
  if (plen > sizeof prep || pq_bn254_groth16_prepare(prep, vk, n)) return -1;
  int32_t sum = 0;
  /* an invalid proof takes exactly the work of a valid one (nothing stops early) */
  for (uint32_t it = 0; it < iters; it++)
    sum += 1 + pq_bn254_groth16_verify(prep, plen, pub, 32 * n, proof, 256);
  return sum;
}

int32_t pq_bench_bn254_kernel(int32_t id, uint32_t iters) {
  if (id < PQ_BENCH_BN254_FP_MUL || id > PQ_BENCH_BN254_G16_VERIFY5) return -1;
  if (id <= PQ_BENCH_BN254_FP12_MUL) return bench_fp(id, iters);
  if (id == PQ_BENCH_BN254_G16_VERIFY1) return bench_groth16(1, iters);
  if (id == PQ_BENCH_BN254_G16_VERIFY5) return bench_groth16(5, iters);
  uint8_t in[384], out[64];
  pq_g1_aff p;
  pq_g2_aff q;
  g1_enc(in, 1234567);
  g2_enc(in + 64, 7654321);
  g1_enc(in + 192, 7654321);
  g2_enc(in + 256, 1234567);
  { /* the second pair ([b]G1 negated, [a]G2) cancels the first: the check gives 1 */
    pq_g1_aff n2;
    pq_g1_decode(&n2, in + 192);
    pq_fp_neg(&n2.y, &n2.y);
    pq_g1_encode(in + 192, &n2);
  }
  pq_g1_decode(&p, in);
  pq_g2_decode(&q, in + 64);
  pq_fp12 f;
  int32_t sum = 0;
  for (uint32_t it = 0; it < iters; it++) {
    switch (id) {
      case PQ_BENCH_BN254_MILLER_LOOP: pq_bn_miller_loop(&f, &p, &q, 1, 0, 0, 0); break;
      case PQ_BENCH_BN254_FINAL_EXP:
        if (!it) pq_bn_miller_loop(&f, &p, &q, 1, 0, 0, 0);
        pq_bn_final_exp(&f, &f);
        break;
      case PQ_BENCH_BN254_PAIRING: pq_bn_pairing(&f, &p, &q); break;
      case PQ_BENCH_BN254_EC_MUL: {
        uint8_t m[96];
        for (int i = 0; i < 64; i++) m[i] = in[i];
        for (int i = 0; i < 32; i++) m[64 + i] = (uint8_t)(0xA5 ^ (i * 29) ^ it);
        sum += pq_bn254_ec_mul(out, m, sizeof m) + out[5];
        break;
      }
      default: /* PQ_BENCH_BN254_EC_PAIRING2 */
        sum += pq_bn254_ec_pairing(out, in, 384) + out[31];
        break;
    }
  }
  if (id != PQ_BENCH_BN254_EC_MUL && id != PQ_BENCH_BN254_EC_PAIRING2)
    sum += (int32_t)(f.c0.c0.c0.v[0] & 0xffff);
  return sum & 0x7fffffff;
}
