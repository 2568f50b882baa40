/* WebAssembly SIMD128 kernels (PQ_TARGET_WASM_SIMD): each #define here
 * replaces one portable kernel of the kernel interfaces
 * (native/common/mldsa/kernels_mldsa.h, shared/kernels_keccak.h,
 * falcon/kernels_falcon.h) in the wasm-simd and wasm-relaxed builds. Every
 * kernel keeps the input/output bounds stated there (outputs are congruent to
 * the reference mod q, within the same bounds) and is tested against the
 * portable C by the tests in native/test, compiled for wasm32-wasi
 * (scripts/test-c.sh). */
#ifndef PQ_KERNELS_WASM_SIMD_H
#define PQ_KERNELS_WASM_SIMD_H
#include <stddef.h>
#include <stdint.h>

/* ---- ML-DSA -------------------------------------------------------------- */
/* native/wasm-simd/mldsa_simd.c */
void pq_wasm_ntt(int32_t a[256]);
void pq_wasm_invntt_tomont(int32_t a[256]);
void pq_wasm_poly_pointwise(int32_t c[256], const int32_t a[256], const int32_t b[256]);
void pq_wasm_poly_pointwise_acc(int32_t c[256], const int32_t *const *a, const int32_t *const *b,
                                unsigned n);
int pq_wasm_poly_chknorm(const int32_t a[256], int32_t bound);
unsigned pq_wasm_rej_uniform(int32_t *a, unsigned len, const uint8_t *buf, unsigned buflen);
void pq_wasm_poly_decompose(int32_t a1[256], int32_t a0[256], const int32_t a[256], int32_t gamma2);
void pq_wasm_poly_use_hint(int32_t b[256], const int32_t a[256], const int32_t h[256],
                           int32_t gamma2);

/* rej_eta stays the portable code */
#define pq_ntt pq_wasm_ntt
#define pq_invntt_tomont pq_wasm_invntt_tomont
#define pq_poly_pointwise pq_wasm_poly_pointwise
#define pq_poly_pointwise_acc pq_wasm_poly_pointwise_acc
#define pq_poly_chknorm pq_wasm_poly_chknorm
#define pq_rej_uniform pq_wasm_rej_uniform
#define pq_poly_decompose pq_wasm_poly_decompose
#define pq_poly_use_hint pq_wasm_poly_use_hint

/* ---- Keccak -------------------------------------------------------------- */
/* native/wasm-simd/keccak_simd.c */
void pq_wasm_keccakf1600_x2(uint64_t s[50]);
void pq_wasm_keccakf1600_x4(uint64_t s[100]);

/* x1 stays the portable code; x4 is two x2 permutations (PQ_KECCAK_X4_FOR_TWO 0) */
#define pq_keccakf1600_x2 pq_wasm_keccakf1600_x2
#define pq_keccakf1600_x4 pq_wasm_keccakf1600_x4

/* ---- Falcon -------------------------------------------------------------- */
/* native/wasm-simd/falcon_simd.c */
void pq_wasm_falcon_ntt(int16_t *a, unsigned logn);
void pq_wasm_falcon_invntt_tomont(int16_t *a, unsigned logn);
void pq_wasm_falcon_pointwise(int16_t *c, const int16_t *a, const int16_t *b, unsigned n);
unsigned pq_wasm_falcon_sample(uint16_t *c, unsigned len, const uint8_t *buf, unsigned buflen);

#define pq_falcon_ntt pq_wasm_falcon_ntt
#define pq_falcon_invntt_tomont pq_wasm_falcon_invntt_tomont
#define pq_falcon_pointwise pq_wasm_falcon_pointwise
#define pq_falcon_sample pq_wasm_falcon_sample

/* ---- AEAD ---------------------------------------------------------------- */
/* native/wasm-simd/chacha_simd.c: ChaCha20 / Salsa20 blocks, four in i32x4 lanes,
 * the last 1..3 of a run in rows (1-, 2-, 3-way interleaved). A run of 1, 2, 3 or 4
 * blocks is one pass of that way's kernel. */
void pq_wasm_chacha20_blocks(uint32_t s[16], uint8_t *out, const uint8_t *in, size_t nblocks);
void pq_wasm_salsa20_blocks(uint32_t s[16], uint8_t *out, const uint8_t *in, size_t nblocks);

#define pq_chacha20_blocks pq_wasm_chacha20_blocks
#define pq_salsa20_blocks pq_wasm_salsa20_blocks
#define PQ_CHACHA20_WAYS ((1u << 1) | (1u << 2) | (1u << 3) | (1u << 4))

#include "aead/poly1305.h" /* pq_poly1305: this header may come first via another interface */

/* native/wasm-simd/chacha_simd.c: ChaCha20 (Salsa20) + Poly1305 of the AEADs (secretbox) in one pass, the 4-way lanes
 * rounds with the scalar 26-bit Poly1305 inlined (stitched); groups of 4 blocks, a remainder as
 * the two kernels in turn. */
void pq_wasm_chacha20_poly1305_seal_blocks(uint32_t s[16], pq_poly1305 *mac, uint8_t *out,
                                           const uint8_t *in, size_t nblocks);
void pq_wasm_chacha20_poly1305_open_blocks(uint32_t s[16], pq_poly1305 *mac, uint8_t *out,
                                           const uint8_t *in, size_t nblocks);
void pq_wasm_salsa20_poly1305_seal_blocks(uint32_t s[16], pq_poly1305 *mac, uint8_t *out,
                                          const uint8_t *in, size_t nblocks);
void pq_wasm_salsa20_poly1305_open_blocks(uint32_t s[16], pq_poly1305 *mac, uint8_t *out,
                                          const uint8_t *in, size_t nblocks);
#define pq_chacha20_poly1305_seal_blocks pq_wasm_chacha20_poly1305_seal_blocks
#define pq_chacha20_poly1305_open_blocks pq_wasm_chacha20_poly1305_open_blocks
#define pq_salsa20_poly1305_seal_blocks pq_wasm_salsa20_poly1305_seal_blocks
#define pq_salsa20_poly1305_open_blocks pq_wasm_salsa20_poly1305_open_blocks

/* ---- BN254 --------------------------------------------------------------- */
#include "bn254/bn254_types.h" /* pq_fp: this header may come first via another interface */

/* native/wasm-simd/bn254_simd.c: the products in i64x2 lanes (extmul: sop2's two products side by
 * side, mul's two halves of b), then the portable 32-bit reduction. Measured in Node 20 (V8) on
 * this project's x86-64 Xeon, ns per call (native/test/bench_bn254_kernels.c as a WASI program,
 * throughput): sop2 87 against 124-132 for the scalar build's 32-bit limbs, mul 66 against 82-84;
 * 2 mul + add 135-140 against sop2 87 (1.56-1.6x; the scalar build: 171 against 124, 1.37x). Fp2
 * mul 174 against 264. sqr stays the portable code (its 36 products: 60 ns, the SIMD product of a
 * by a no faster). The relaxed build compiles the same kernels (no relaxed instruction is exact
 * here: relaxed_madd may be unfused, which the f64 51-bit-limb product trick cannot allow).
 * Tried and measured the same (so not kept): the Fp2 product's two sums of products as one call
 * with each result in its own lane and the two reductions side by side in SIMD (Fp2 mul 176-179
 * against 178-180 ns). The products alone take ~115 of those ns: the low/high split of each
 * extmul (an and, a shift and two adds) is the cost to attack next (limbs below 2^30 would let
 * the 64-bit lanes sum products without it). */
void pq_wasm_fp_mul(pq_fp *r, const pq_fp *a, const pq_fp *b);
void pq_wasm_fp_sop2(pq_fp *r, const pq_fp *a0, const pq_fp *b0, const pq_fp *a1, const pq_fp *b1);

#define pq_fp_mul pq_wasm_fp_mul
#define pq_fp_sop2 pq_wasm_fp_sop2

#endif
