/* AArch64 NEON kernels (PQ_TARGET_ARM64_NEON): each #define here replaces one
 * portable kernel of the kernel interfaces (native/common/mldsa/kernels_mldsa.h,
 * shared/kernels_keccak.h, falcon/kernels_falcon.h, aead/kernels_aead.h) in the neon and neon_sha3
 * cores of the Node addon (the neon_sha3 core adds -march=armv8.2-a+sha3, which
 * turns on the Keccak SHA3-extension code paths through __ARM_FEATURE_SHA3).
 * Every kernel keeps the bounds stated there; all but the two ML-DSA transforms
 * give the reference's values bit for bit. Tested against the portable C under
 * qemu-aarch64 by scripts/test-c.sh (test_mldsa_neon.c and
 * test_keccak_falcon_neon.c in particular). */
#ifndef PQ_KERNELS_NEON_H
#define PQ_KERNELS_NEON_H
#include <stddef.h>
#include <stdint.h>

/* ---- ML-DSA -------------------------------------------------------------- */
/* native/arm64/mldsa_neon.c, ntt_neon_slothy.S, invntt_neon_slothy.S
 *
 * The transforms are the SLOTHY-scheduled assembly (native/arm64/SLOTHY.md; the
 * intrinsics and hand-written .S forms they are tested against are test-only,
 * in native/arm64/dev/). They use Barrett multiplication by plain twiddles, so
 * their outputs are congruent mod q to the reference's but may be other
 * representatives (PQ_NTT_EXACT 0): ntt |out| <= 42225258 < 5.04 q
 * (kernels_mldsa.h allows 9q), invntt_tomont |out| < q with the same 2^32 / 256
 * factor as the reference. */
void pq_neon_ntt(int32_t a[256]);
void pq_neon_invntt_tomont(int32_t a[256]);
void pq_neon_poly_pointwise(int32_t c[256], const int32_t a[256], const int32_t b[256]);
void pq_neon_poly_pointwise_acc(int32_t c[256], const int32_t *const *a, const int32_t *const *b,
                                unsigned n);
int pq_neon_poly_chknorm(const int32_t a[256], int32_t bound);
unsigned pq_neon_rej_uniform(int32_t *a, unsigned len, const uint8_t *buf, unsigned buflen);
unsigned pq_neon_rej_eta(int32_t *a, unsigned len, const uint8_t *buf, unsigned buflen,
                         unsigned eta);
void pq_neon_poly_decompose(int32_t a1[256], int32_t a0[256], const int32_t a[256], int32_t gamma2);
void pq_neon_poly_use_hint(int32_t b[256], const int32_t a[256], const int32_t h[256],
                           int32_t gamma2);

#define PQ_NTT_EXACT 0
#define pq_ntt pq_neon_ntt
#define pq_invntt_tomont pq_neon_invntt_tomont
#define pq_poly_pointwise pq_neon_poly_pointwise
#define pq_poly_pointwise_acc pq_neon_poly_pointwise_acc
#define pq_poly_chknorm pq_neon_poly_chknorm
#define pq_rej_uniform pq_neon_rej_uniform
#define pq_rej_eta pq_neon_rej_eta
#define pq_poly_decompose pq_neon_poly_decompose
#define pq_poly_use_hint pq_neon_poly_use_hint

/* ---- Keccak -------------------------------------------------------------- */
/* native/arm64/keccak_neon.c
 *
 * x2 and x4 in uint64x2_t lanes. Built with -march=armv8.2-a+sha3
 * (__ARM_FEATURE_SHA3) the rounds use EOR3, RAX1, XAR and BCAX; otherwise plain
 * NEON (EOR, SHL + SRI rotations, BIC). x1 stays the portable C: a single state
 * fills only half of every vector, and one-state SHA3-extension code is slower
 * than scalar code on some cores (numbers in keccak_neon.c). x4 costs two x2
 * calls, so PQ_KECCAK_X4_FOR_TWO stays 0. */
void pq_neon_keccakf1600_x2(uint64_t s[50]);
void pq_neon_keccakf1600_x4(uint64_t s[100]);

/* 1 in the -sha3 build: lets tests and benchmarks report which Keccak path is in */
#ifdef __ARM_FEATURE_SHA3
#define PQ_NEON_KECCAK_SHA3 1
#else
#define PQ_NEON_KECCAK_SHA3 0
#endif

#define pq_keccakf1600_x2 pq_neon_keccakf1600_x2
#define pq_keccakf1600_x4 pq_neon_keccakf1600_x4

/* ---- Falcon -------------------------------------------------------------- */
/* native/arm64/falcon_neon.c
 *
 * NTT / inverse NTT (logn 9 and 10, other sizes fall back to the reference),
 * pointwise Montgomery product and the hash-to-point sampler in int16x8_t /
 * uint16x8_t lanes. */
void pq_neon_falcon_ntt(int16_t *a, unsigned logn);
void pq_neon_falcon_invntt_tomont(int16_t *a, unsigned logn);
void pq_neon_falcon_pointwise(int16_t *c, const int16_t *a, const int16_t *b, unsigned n);
unsigned pq_neon_falcon_sample(uint16_t *c, unsigned len, const uint8_t *buf, unsigned buflen);

#define pq_falcon_ntt pq_neon_falcon_ntt
#define pq_falcon_invntt_tomont pq_neon_falcon_invntt_tomont
#define pq_falcon_pointwise pq_neon_falcon_pointwise
#define pq_falcon_sample pq_neon_falcon_sample

/* ---- AEAD ---------------------------------------------------------------- */
/* native/arm64/chacha_neon.c: ChaCha20 / Salsa20 blocks, four in 32-bit lanes, the
 * last 1..3 of a run as 1-, 2- or 3-way interleaved rows (which form for which run
 * length, and why, is at the top of chacha_neon.c). A run of 1, 2, 3 or 4 blocks is
 * one pass of that way's kernel. */
void pq_neon_chacha20_blocks(uint32_t s[16], uint8_t *out, const uint8_t *in, size_t nblocks);
void pq_neon_salsa20_blocks(uint32_t s[16], uint8_t *out, const uint8_t *in, size_t nblocks);

#define pq_chacha20_blocks pq_neon_chacha20_blocks
#define pq_salsa20_blocks pq_neon_salsa20_blocks
#define PQ_CHACHA20_WAYS ((1u << 1) | (1u << 2) | (1u << 3) | (1u << 4))

#include <stddef.h>

#include "aead/poly1305.h" /* pq_poly1305: this header may come first via another interface */

/* native/arm64/poly1305_neon.c: two blocks per step in uint64x2_t lanes (UMLAL),
 * four per carry pass; short runs stay the portable 64-bit code. Tested under qemu
 * only (not timed). */
void pq_neon_poly1305_blocks(pq_poly1305 *st, const uint8_t *m, size_t nblocks);

#define pq_poly1305_blocks pq_neon_poly1305_blocks

/* ---- BN254 --------------------------------------------------------------- */
#include "bn254/bn254_types.h" /* pq_fp: this header may come first via another interface */

/* native/arm64/bn254_mont.S, called directly: the fused two-product Montgomery kernel (both
 * products accumulated, four shared reduction steps, the final conditional subtraction in the
 * assembly) and the plain product. Their five-word window holds t < 2^256 when each operand taken
 * whole (a; sop2's a0, a1) is below 2p + 2^192: t stays below A0 + A1 + p + 1 <= 5p + 2^194 < 2^256
 * (p < 0.19 * 2^256). The interface's preconditions (kernels_bn254.h: mul's a < 2p or < p, sop2's
 * operands <= 2p) make that so for every input, so no operand choice is needed. sqr stays the
 * portable code. Tested under qemu only (not timed).
 * Instructions executed per call (qemu-aarch64 -singlestep -d exec, gcc 12 -O3, the difference of
 * 1000 calls and none, a loop's own ~8 included; qemu cannot time it):
 *   asm mul 159, asm sop2 254; through the C wrappers with an operand choice this replaced:
 *   pq_fp_mul 164, pq_fp_sop2 269;
 *   2 pq_fp_mul + pq_fp_add 430 (the add, portable C without __int128, is ~95 of them):
 *   1.60x more than one sop2, and 1.22x even without the add (2 x 164 against 269);
 *   portable: mul 222, sop2 401, 2 mul + add 547, sqr 198.
 * Multiplies: 68 mul/umulh per product, 100 per sop2 against 136 for two products (1.36x): the
 * resource that bounds this code on in-order and most out-of-order cores (one or two 64-bit
 * multiply pipes, umulh the slower). sqr stays the portable code: its 10 products need 56
 * multiplies against 68 for the asm product of a by a (which executes fewer instructions, 156
 * against 190: a dedicated asm square is left for a measurement on hardware).
 */
void pq_neon_fp_mul_asm(pq_fp *r, const pq_fp *a, const pq_fp *b);
void pq_neon_fp_sop2_asm(pq_fp *r, const pq_fp *a0, const pq_fp *b0, const pq_fp *a1,
                         const pq_fp *b1);

#define pq_fp_mul pq_neon_fp_mul_asm
#define pq_fp_sop2 pq_neon_fp_sop2_asm

#endif
