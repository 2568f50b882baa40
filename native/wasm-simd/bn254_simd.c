/* BN254 Fp kernels (bn254/kernels_bn254.h), WebAssembly SIMD128: the products in i64x2 lanes by
 * i64x2.extmul_{low,high}_i32x4_u, then one scalar Montgomery reduction in 32-bit words.
 *
 * sop2: lane 0 computes a0 * b0 and lane 1 a1 * b1 at once (the sum of products' own shape). With
 * A_k = (a0_2k, a1_2k, a0_2k+1, a1_2k+1) and B_m the same for b (32-bit limbs), and B'_m its two
 * halves swapped, extmul_low/high(A_k, B_m) and extmul_low/high(A_k, B'_m) are the four limb
 * products of words {2k, 2k+1} x {2m, 2m+1} for both products: 64 instructions for the 128
 * products. A 64-bit product is split into its low and high 32 bits, added into columns c and c+1
 * (16 terms of < 2^32 per lane and column: no overflow), the two lanes are added and the columns
 * carried into the 512-bit T = a0 b0 + a1 b1, and T is reduced word by word as the reference does
 * (kernels_bn254_ref.c's 32-bit form: the same REDC, so the same words).
 * mul: the same with a1 = a0 and the two lanes holding the low and the high half of b, lane 1's
 * columns shifted by four limbs when the lanes are added: 32 extmuls for the 64 products.
 *
 * The split into low and high halves costs two instructions per extmul, and the reduction stays
 * scalar (its steps depend on each other through m): still sop2 87 ns against 124-132 for the
 * 32-bit limb code, mul 66 against 82 (Node 20, the numbers and the choice at the target header,
 * pq_kernels_wasm_simd.h). */
#include <wasm_simd128.h>

#include "bn254/bn254_tables.inc"
#include "bn254/kernels_bn254.h"

static const uint32_t P32[8] = {
    (uint32_t)PQ_BN_P0, (uint32_t)(PQ_BN_P0 >> 32), (uint32_t)PQ_BN_P1, (uint32_t)(PQ_BN_P1 >> 32),
    (uint32_t)PQ_BN_P2, (uint32_t)(PQ_BN_P2 >> 32), (uint32_t)PQ_BN_P3, (uint32_t)(PQ_BN_P3 >> 32)};
static const uint32_t Q32[8] = {/* 2p */
                                (uint32_t)(PQ_BN_P0 << 1),
                                (uint32_t)(PQ_BN_P0 >> 31),
                                (uint32_t)((PQ_BN_P1 << 1) | (PQ_BN_P0 >> 63)),
                                (uint32_t)(PQ_BN_P1 >> 31),
                                (uint32_t)((PQ_BN_P2 << 1) | (PQ_BN_P1 >> 63)),
                                (uint32_t)(PQ_BN_P2 >> 31),
                                (uint32_t)((PQ_BN_P3 << 1) | (PQ_BN_P2 >> 63)),
                                (uint32_t)(PQ_BN_P3 >> 31)};

/* interleave two operands' limbs: (x_2k, y_2k, x_2k+1, y_2k+1), k = 0..3 */
static inline void interleave(v128_t o[4], const pq_fp *x, const pq_fp *y) {
  const v128_t xl = wasm_v128_load(x->v), xh = wasm_v128_load(x->v + 2);
  const v128_t yl = wasm_v128_load(y->v), yh = wasm_v128_load(y->v + 2);
  o[0] = wasm_i32x4_shuffle(xl, yl, 0, 4, 1, 5);
  o[1] = wasm_i32x4_shuffle(xl, yl, 2, 6, 3, 7);
  o[2] = wasm_i32x4_shuffle(xh, yh, 0, 4, 1, 5);
  o[3] = wasm_i32x4_shuffle(xh, yh, 2, 6, 3, 7);
}

/* r = REDC(t) in 32-bit words, t = 16 words (destroyed), t + M p < 2^512 */
static inline void redc32(uint32_t r[8], uint32_t t[16]) {
  const uint32_t n0 = (uint32_t)PQ_BN_N0;
  uint32_t c2 = 0;
  _Pragma("clang loop unroll(full)") for (int i = 0; i < 8; i++) {
    const uint32_t m = t[i] * n0;
    uint64_t c = ((uint64_t)m * P32[0] + t[i]) >> 32;
    _Pragma("clang loop unroll(full)") for (int j = 1; j < 8; j++) {
      const uint64_t u = (uint64_t)m * P32[j] + t[i + j] + c;
      t[i + j] = (uint32_t)u;
      c = u >> 32;
    }
    const uint64_t u = (uint64_t)t[i + 8] + c + c2;
    t[i + 8] = (uint32_t)u;
    c2 = (uint32_t)(u >> 32);
  }
  _Pragma("clang loop unroll(full)") for (int j = 0; j < 8; j++) r[j] = t[j + 8];
}

static inline void store32(pq_fp *r, const uint32_t x[8]) {
  _Pragma("clang loop unroll(full)") for (int i = 0; i < 4; i++) r->v[i] =
      (uint64_t)x[2 * i] | (uint64_t)x[2 * i + 1] << 32;
}

/* col[c] += the lane products p of column c: low 32 bits there, high 32 bits at c + 1 */
#define ACC(c, p)                                                        \
  do {                                                                   \
    const v128_t p_ = (p);                                               \
    col[c] = wasm_i64x2_add(col[c], wasm_v128_and(p_, lo32));            \
    col[(c) + 1] = wasm_i64x2_add(col[(c) + 1], wasm_u64x2_shr(p_, 32)); \
  } while (0)

/* col[0..2 nb + 6] = the column sums of A_k x B_m, k = 0..3, m < nb, in both lanes. Every loop is
 * unrolled (the pragma makes it certain: a loop left rolled keeps col[] and t[] in linear memory,
 * measured 151 against 87 ns for sop2), so the columns are locals: 17 for sop2 (V8 spills some
 * xmm registers; stepping through the columns with four live measured the same). */
__attribute__((always_inline)) static inline void products(v128_t col[17], const v128_t A[4],
                                                           const v128_t B[4], const int nb) {
  const v128_t lo32 = wasm_i64x2_splat(0xffffffff);
  _Pragma("clang loop unroll(full)") for (int c = 0; c < 17; c++) col[c] = wasm_i64x2_splat(0);
  _Pragma("clang loop unroll(full)") for (int k = 0; k < 4; k++)
      _Pragma("clang loop unroll(full)") for (int m = 0; m < nb; m++) {
    const v128_t bm = B[m], bs = wasm_i32x4_shuffle(bm, bm, 2, 3, 0, 1);
    ACC(2 * k + 2 * m, wasm_u64x2_extmul_low_u32x4(A[k], bm));
    ACC(2 * k + 2 * m + 2, wasm_u64x2_extmul_high_u32x4(A[k], bm));
    ACC(2 * k + 2 * m + 1, wasm_u64x2_extmul_low_u32x4(A[k], bs));
    ACC(2 * k + 2 * m + 1, wasm_u64x2_extmul_high_u32x4(A[k], bs));
  }
}

/* t = lane 0 + lane 1 shifted up by `shift` columns, carried into 32-bit words (< 2^512) */
__attribute__((always_inline)) static inline void carry_lanes(uint32_t t[16], const v128_t col[17],
                                                              const int shift) {
  uint64_t carry = 0;
  _Pragma("clang loop unroll(full)") for (int c = 0; c < 16; c++) {
    const uint64_t v = (uint64_t)wasm_i64x2_extract_lane(col[c], 0) +
                       (c >= shift ? (uint64_t)wasm_i64x2_extract_lane(col[c - shift], 1) : 0) +
                       carry;
    t[c] = (uint32_t)v;
    carry = v >> 32;
  }
}

void pq_wasm_fp_sop2(pq_fp *r, const pq_fp *a0, const pq_fp *b0, const pq_fp *a1, const pq_fp *b1) {
  v128_t A[4], B[4], col[17];
  uint32_t t[16], o[8], d[8];
  interleave(A, a0, a1);
  interleave(B, b0, b1);
  products(col, A, B, 4);
  carry_lanes(t, col, 0); /* a0 b0 + a1 b1 < 8p^2 < 2^512 */
  redc32(o, t);
  /* o < 2.52p: o - 2p when that does not borrow (mask, no branch) */
  uint64_t borrow = 0;
  _Pragma("clang loop unroll(full)") for (int j = 0; j < 8; j++) {
    const uint64_t u = (uint64_t)o[j] - Q32[j] - borrow;
    d[j] = (uint32_t)u;
    borrow = (u >> 32) & 1;
  }
  const uint32_t keep = (uint32_t)0 - (uint32_t)borrow;
  _Pragma("clang loop unroll(full)") for (int j = 0; j < 8; j++) o[j] =
      (o[j] & keep) | (d[j] & ~keep);
  store32(r, o);
}

void pq_wasm_fp_mul(pq_fp *r, const pq_fp *a, const pq_fp *b) {
  /* lane 0: a times b's limbs 0..3, lane 1: a times b's limbs 4..7 (4 columns higher) */
  const pq_fp bl = {{b->v[0], b->v[1], 0, 0}}, bh = {{b->v[2], b->v[3], 0, 0}};
  v128_t A[4], B[4], col[17];
  uint32_t t[16], o[8];
  interleave(A, a, a);
  interleave(B, &bl, &bh);
  products(col, A, B, 2);
  carry_lanes(t, col, 4);
  redc32(o, t);
  store32(r, o);
}
