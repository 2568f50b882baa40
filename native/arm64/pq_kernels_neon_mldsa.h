/* AArch64 NEON ML-DSA kernels (native/arm64/mldsa_neon.c and the NTT assembly
 * ntt_neon_*.S / invntt_neon_*.S): each #define replaces one portable kernel of
 * native/common/<family>/kernels_<family>.h. Every kernel keeps the bounds stated there; all
 * but the two transforms give the reference's values bit for bit.
 *
 * The transforms use Barrett multiplication by plain twiddles, so their outputs
 * are congruent mod q to the reference's but may be other representatives
 * (PQ_NTT_EXACT 0): ntt |out| <= 42225258 < 5.04 q (mldsa/kernels_mldsa.h allows 9q),
 * invntt_tomont |out| < q with the same 2^32 / 256 factor as the reference. */
#ifndef PQ_KERNELS_NEON_MLDSA_H
#define PQ_KERNELS_NEON_MLDSA_H
#include <stdint.h>

/* the selected transforms: the SLOTHY-scheduled assembly */
void pq_neon_ntt(int32_t a[256]);
void pq_neon_invntt_tomont(int32_t a[256]);
/* the same algorithm, tested against the above: intrinsics and hand-written .S */
void pq_neon_ntt_intrin(int32_t a[256]);
void pq_neon_invntt_intrin(int32_t a[256]);
void pq_neon_ntt_clean(int32_t a[256]);
void pq_neon_invntt_clean(int32_t a[256]);

void pq_neon_poly_pointwise(int32_t c[256], const int32_t a[256], const int32_t b[256]);
void pq_neon_poly_pointwise_acc(int32_t c[256], const int32_t *const *a, const int32_t *const *b,
                                unsigned n);
int pq_neon_poly_chknorm(const int32_t a[256], int32_t bound);
unsigned pq_neon_rej_uniform(int32_t *a, unsigned len, const uint8_t *buf, unsigned buflen);
unsigned pq_neon_rej_eta(int32_t *a, unsigned len, const uint8_t *buf, unsigned buflen,
                         unsigned eta);
void pq_neon_poly_decompose(int32_t a1[256], int32_t a0[256], const int32_t a[256], int32_t gamma2);
void pq_neon_poly_use_hint(int32_t b[256], const int32_t a[256], const int32_t h[256], int32_t gamma2);

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

#endif
