/* BN254 entry points of the binding (pq_binding.h): buffer-length checks, then the C core of
 * bn254/bn254.h. Nothing is streamed; st is not used. */
#include "binding/pq_binding.h"
#include "bn254/bn254.h"
#include "bn254/fp2.h"
#include "shared/pq_bench.h"

/* ---- EVM precompiles: in = input (any length); out = 64 (ecAdd, ecMul) or 32 (ecPairing) ----- */

int32_t pq_bind_bn254_ec_add(pq_bind_state *st, const int32_t *a, const pq_buf *in,
                             const pq_buf *out) {
  (void)st, (void)a;
  if (out[0].n < 64) return PQ_ERR_LENGTH;
  return pq_bn254_ec_add(out[0].p, in[0].p, in[0].n);
}

int32_t pq_bind_bn254_ec_mul(pq_bind_state *st, const int32_t *a, const pq_buf *in,
                             const pq_buf *out) {
  (void)st, (void)a;
  if (out[0].n < 64) return PQ_ERR_LENGTH;
  return pq_bn254_ec_mul(out[0].p, in[0].p, in[0].n);
}

int32_t pq_bind_bn254_ec_pairing(pq_bind_state *st, const int32_t *a, const pq_buf *in,
                                 const pq_buf *out) {
  (void)st, (void)a;
  if (out[0].n < 32) return PQ_ERR_LENGTH;
  return pq_bn254_ec_pairing(out[0].p, in[0].p, in[0].n);
}

/* ---- Groth16 -------------------------------------------------------------------------------- */

/* in = vk (448 + 64 (n + 1) bytes); out = prepared (pq_bn254_groth16_prepared_bytes(n)) */
int32_t pq_bind_bn254_groth16_prepare(pq_bind_state *st, const int32_t *a, const pq_buf *in,
                                      const pq_buf *out) {
  (void)st, (void)a;
  const size_t len = in[0].n;
  if (len < PQ_BN254_G16_VK_BYTES(0) || (len - PQ_BN254_G16_VK_BYTES(0)) % 64) return PQ_ERR_LENGTH;
  const size_t n = (len - PQ_BN254_G16_VK_BYTES(0)) / 64;
  if (n > PQ_BN254_G16_MAX_PUBLIC || out[0].n < pq_bn254_groth16_prepared_bytes((uint32_t)n))
    return PQ_ERR_LENGTH;
  return pq_bn254_groth16_prepare(out[0].p, in[0].p, (uint32_t)n);
}

/* in = prepared, publics, proof -> 1 / 0 */
int32_t pq_bind_bn254_groth16_verify(pq_bind_state *st, const int32_t *a, const pq_buf *in,
                                     const pq_buf *out) {
  (void)st, (void)a, (void)out;
  return pq_bn254_groth16_verify(in[0].p, in[0].n, in[1].p, in[1].n, in[2].p, in[2].n);
}

/* in = prepared, publics, proofs, coefficients -> 1 / 0 */
int32_t pq_bind_bn254_groth16_verify_batch(pq_bind_state *st, const int32_t *a, const pq_buf *in,
                                           const pq_buf *out) {
  (void)st, (void)a, (void)out;
  return pq_bn254_groth16_verify_batch(in[0].p, in[0].n, in[1].p, in[1].n, in[2].p, in[2].n,
                                       in[3].p, in[3].n);
}

/* ---- field_op: the field arithmetic on plain integers, for cross-tests and benchmarks --------- */

/* a: op; in: up to 4 operands, 32-byte big-endian (any value < 2^256, reduced mod p); out: the
 * canonical result, 32 bytes (64 for an Fp2 result: c0 ‖ c1). Ops: 0 a*b, 1 a*b + c*d (sop2),
 * 2 (a + b u)(c + d u), 3 a^2, 4 a + b, 5 a - b, 6 a^-1 (0 for 0), 7 (a + b u)^2. */
int32_t pq_bind_bn254_field_op(pq_bind_state *st, const int32_t *a, const pq_buf *in,
                               const pq_buf *out) {
  (void)st;
  static const uint8_t operands[8] = {2, 4, 4, 1, 2, 2, 1, 2};
  const int32_t op = a[0];
  if (op < 0 || op > 7) return PQ_ERR_PARAMS;
  const size_t outlen = (op == 2 || op == 7) ? 64 : 32;
  if (out[0].n < outlen) return PQ_ERR_LENGTH;
  pq_fp x[4];
  for (int i = 0; i < operands[op]; i++) {
    if (in[i].n != 32) return PQ_ERR_LENGTH;
    pq_fp_from_bytes_reduce(&x[i], in[i].p);
  }
  pq_fp r;
  pq_fp2 u, v;
  switch (op) {
    case 0: pq_fp_mul(&r, &x[0], &x[1]); break;
    case 1: pq_fp_sop2(&r, &x[0], &x[1], &x[2], &x[3]); break;
    case 3: pq_fp_sqr(&r, &x[0]); break;
    case 4: pq_fp_add(&r, &x[0], &x[1]); break;
    case 5: pq_fp_sub(&r, &x[0], &x[1]); break;
    case 6: pq_fp_inv(&r, &x[0]); break;
    default:
      u.c0 = x[0], u.c1 = x[1];
      if (op == 2) {
        v.c0 = x[2], v.c1 = x[3];
        pq_fp2_mul(&u, &u, &v);
      } else {
        pq_fp2_sqr(&u, &u);
      }
      pq_fp_to_bytes(out[0].p, &u.c0);
      pq_fp_to_bytes(out[0].p + 32, &u.c1);
      return 0;
  }
  pq_fp_to_bytes(out[0].p, &r);
  return 0;
}

/* a: PQ_BENCH_BN254_* id, iterations -> checksum, or -1 for an id of another family */
int32_t pq_bind_bn254_bench(pq_bind_state *st, const int32_t *a, const pq_buf *in,
                            const pq_buf *out) {
  (void)st, (void)in, (void)out;
  return pq_bench_bn254_kernel(a[0], (uint32_t)a[1]);
}
