/* x86-64 AVX2 kernels (PQ_TARGET_X86_AVX2): each #define here replaces one
 * portable kernel of the kernel interfaces (native/common/mldsa/kernels_mldsa.h,
 * shared/kernels_keccak.h, falcon/kernels_falcon.h, aead/kernels_aead.h) in the avx2 and avx512
 * cores of the Node addon. Every kernel keeps the bounds stated there and is
 * tested against the portable C by native/test (scripts/test-c.sh builds them
 * with -mavx2). */
#ifndef PQ_KERNELS_AVX2_H
#define PQ_KERNELS_AVX2_H
#include <stddef.h>
#include <stdint.h>

/* ---- ML-DSA -------------------------------------------------------------- */
/* native/x86_64/mldsa_avx2.c */
void pq_avx2_ntt(int32_t a[256]);
void pq_avx2_invntt_tomont(int32_t a[256]);
void pq_avx2_poly_pointwise(int32_t c[256], const int32_t a[256], const int32_t b[256]);
void pq_avx2_poly_pointwise_acc(int32_t c[256], const int32_t *const *a, const int32_t *const *b,
                                unsigned n);
int pq_avx2_poly_chknorm(const int32_t a[256], int32_t bound);
unsigned pq_avx2_rej_uniform(int32_t *a, unsigned len, const uint8_t *buf, unsigned buflen);
unsigned pq_avx2_rej_eta(int32_t *a, unsigned len, const uint8_t *buf, unsigned buflen,
                         unsigned eta);
void pq_avx2_poly_decompose(int32_t a1[256], int32_t a0[256], const int32_t a[256], int32_t gamma2);
void pq_avx2_poly_use_hint(int32_t b[256], const int32_t a[256], const int32_t h[256],
                           int32_t gamma2);

#define pq_ntt pq_avx2_ntt
#define pq_invntt_tomont pq_avx2_invntt_tomont
#define pq_poly_pointwise pq_avx2_poly_pointwise
#define pq_poly_pointwise_acc pq_avx2_poly_pointwise_acc
#define pq_poly_chknorm pq_avx2_poly_chknorm
#define pq_rej_uniform pq_avx2_rej_uniform
#define pq_rej_eta pq_avx2_rej_eta
#define pq_poly_decompose pq_avx2_poly_decompose
#define pq_poly_use_hint pq_avx2_poly_use_hint

/* ---- Keccak -------------------------------------------------------------- */
/* native/x86_64/keccak_avx2.c */
void pq_avx2_keccakf1600_x2(uint64_t s[50]);
void pq_avx2_keccakf1600_x4(uint64_t s[100]);

/* x1 stays the portable code: compiled with -mbmi -mbmi2 its rotations are rorx
 * and chi is andn (697 vs 874 TSC ticks per permutation without -mbmi on Zen 4),
 * and a single state does not fill a vector (measured: 336 ns scalar vs 372 ns
 * for the two-state __m128i kernel). */
#define pq_keccakf1600_x2 pq_avx2_keccakf1600_x2
#define pq_keccakf1600_x4 pq_avx2_keccakf1600_x4
/* one 4-way call (~1,000 TSC ticks) costs less than a 2-way plus a 1-way one */
#define PQ_KECCAK_X4_FOR_TWO 1

/* ---- Falcon -------------------------------------------------------------- */
/* native/x86_64/falcon_avx2.c */
void pq_avx2_falcon_ntt(int16_t *a, unsigned logn);
void pq_avx2_falcon_invntt_tomont(int16_t *a, unsigned logn);
void pq_avx2_falcon_pointwise(int16_t *c, const int16_t *a, const int16_t *b, unsigned n);
unsigned pq_avx2_falcon_sample(uint16_t *c, unsigned len, const uint8_t *buf, unsigned buflen);

#define pq_falcon_ntt pq_avx2_falcon_ntt
#define pq_falcon_invntt_tomont pq_avx2_falcon_invntt_tomont
#define pq_falcon_pointwise pq_avx2_falcon_pointwise
#define pq_falcon_sample pq_avx2_falcon_sample

/* ---- AEAD ---------------------------------------------------------------- */
/* native/x86_64/chacha_avx2.c: ChaCha20 / Salsa20 blocks. 16 blocks in zmm lanes
 * (avx512 core), 8 in ymm lanes, rows (one block per xmm, two per ymm) for short
 * runs; the split of a run by measured cost is in chacha_avx2.c. A run of 1, 2, 4,
 * 8 (avx512: 16) blocks is exactly one pass of the 1-, 2-, 4-, 8- (16-)way kernel. */
void pq_avx2_chacha20_blocks(uint32_t s[16], uint8_t *out, const uint8_t *in, size_t nblocks);
void pq_avx2_salsa20_blocks(uint32_t s[16], uint8_t *out, const uint8_t *in, size_t nblocks);

#define pq_chacha20_blocks pq_avx2_chacha20_blocks
#define pq_salsa20_blocks pq_avx2_salsa20_blocks
#ifdef __AVX512F__
#define PQ_CHACHA20_WAYS ((1u << 1) | (1u << 2) | (1u << 4) | (1u << 8) | (1u << 16))
#else
#define PQ_CHACHA20_WAYS ((1u << 1) | (1u << 2) | (1u << 4) | (1u << 8))
#endif

#include <stddef.h>

#include "aead/poly1305.h" /* pq_poly1305: this header may come first via another interface */

/* native/x86_64/poly1305_avx2.c: 4 blocks per step in ymm lanes, 8 in zmm where the
 * build has AVX-512F (the avx512 core); short runs stay the portable 64-bit code.
 * Keeps the powers of r in the state's scratch area (aead/poly1305.h). */
void pq_avx2_poly1305_blocks(pq_poly1305 *st, const uint8_t *m, size_t nblocks);

#define pq_poly1305_blocks pq_avx2_poly1305_blocks

/* native/x86_64/chacha_avx2.c, AVX2 core only: ChaCha20 + Poly1305 of the AEADs in one pass, the
 * 8-way lanes rounds with a scalar 64-bit Poly1305 inlined (stitched); groups of 8 blocks, a
 * remainder as the two kernels in turn. The avx512 core keeps the defaults (16-way rounds, then
 * the 8-lane Poly1305: faster than any scalar Poly1305 chain). */
#ifndef __AVX512F__
void pq_avx2_chacha20_poly1305_seal_blocks(uint32_t s[16], pq_poly1305 *mac, uint8_t *out,
                                           const uint8_t *in, size_t nblocks);
void pq_avx2_chacha20_poly1305_open_blocks(uint32_t s[16], pq_poly1305 *mac, uint8_t *out,
                                           const uint8_t *in, size_t nblocks);
#define pq_chacha20_poly1305_seal_blocks pq_avx2_chacha20_poly1305_seal_blocks
#define pq_chacha20_poly1305_open_blocks pq_avx2_chacha20_poly1305_open_blocks
#endif

/* ---- BN254 --------------------------------------------------------------- */
#include "bn254/bn254_types.h" /* pq_fp: this header may come first via another interface */

/* native/x86_64/bn254_mulx.c: mulx/adcx/adox (BMI2 + ADX) Montgomery kernels, CIOS for mul
 * and sop2, SOS with 10 products for sqr; the portable kernel on CPUs without ADX (the avx2 core
 * runs on Haswell). pq_adx_*: the ADX kernels alone (for the tests). */
void pq_x64_fp_mul(pq_fp *r, const pq_fp *a, const pq_fp *b);
void pq_x64_fp_sqr(pq_fp *r, const pq_fp *a);
void pq_x64_fp_sop2(pq_fp *r, const pq_fp *a0, const pq_fp *b0, const pq_fp *a1, const pq_fp *b1);
void pq_adx_fp_mul(pq_fp *r, const pq_fp *a, const pq_fp *b);
void pq_adx_fp_sqr(pq_fp *r, const pq_fp *a);
void pq_adx_fp_sop2(pq_fp *r, const pq_fp *a0, const pq_fp *b0, const pq_fp *a1, const pq_fp *b1);

#define pq_fp_mul pq_x64_fp_mul
#define pq_fp_sqr pq_x64_fp_sqr
#define pq_fp_sop2 pq_x64_fp_sop2

#endif
