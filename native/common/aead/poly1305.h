/* Poly1305 (RFC 8439 section 2.5): the one-time authenticator of the AEAD family.
 *
 * The representation of r and h is the portable code's choice per build, and
 * every Poly1305 kernel of a build (aead/kernels_aead.h) uses that build's form:
 *   PQ_POLY1305_LIMB64 = 1 (where __SIZEOF_INT128__ and not __wasm__):
 *     r = r[0] + r[1] 2^64 (clamped: both < 2^60, r[1] = 0 mod 4), s1 = r[1] + (r[1] >> 2)
 *     (= 5 r[1] / 4, the factor of h1 r1 2^128 mod p), h = h[0] + h[1] 2^64 + h[2] 2^128
 *     with h[2] <= 4 between calls (h only partly reduced: h < 2^130 + 2^128 < 2p, which the
 *     final reduction relies on);
 *   PQ_POLY1305_LIMB64 = 0 (wasm32, 32-bit targets): 26-bit limbs, r = sum r[i] 2^(26 i)
 *     (clamped), s[i] = 5 r[i + 1], h = sum h[i] 2^(26 i) with h[i] < 2^26 between calls except
 *     h[1] < 2^26 + 2^6 (one pending carry); 32 x 32 -> 64-bit products (no __int128 /
 *     __multi3 on wasm32).
 * A kernel reads and writes h in this form, leaves r/s/pad alone, and may keep precomputed
 * data for this key (powers of r in its own form) in `scratch`: init clears `kernel_ready`,
 * the kernel fills scratch and sets it on its first call, so a state is never reused with a
 * stale table. */
#ifndef PQ_POLY1305_H
#define PQ_POLY1305_H
#include <stddef.h>
#include <stdint.h>

#if defined(__SIZEOF_INT128__) && !defined(__wasm__)
#define PQ_POLY1305_LIMB64 1
#else
#define PQ_POLY1305_LIMB64 0
#endif

#define PQ_POLY1305_SCRATCH_BYTES 256

typedef struct {
  /* kernel-owned precomputation for this key (32-byte aligned for vector loads) */
  _Alignas(32) uint8_t scratch[PQ_POLY1305_SCRATCH_BYTES];
  uint32_t kernel_ready; /* 0 after init; a kernel sets it once scratch holds its table */
#if PQ_POLY1305_LIMB64
  uint64_t r[2], s1;
  uint64_t h[3];
#else
  uint32_t r[5], s[4];
  uint32_t h[5];
#endif
  uint32_t pad[4]; /* s = key[16..32], added to the tag at the end */
  uint8_t buf[16]; /* a partial block kept by update */
  uint32_t used;   /* bytes in buf (0..15) */
} pq_poly1305;

/* Start with a 32-byte one-time key (r clamped as RFC 8439). */
void pq_poly1305_init(pq_poly1305 *st, const uint8_t key[32]);
/* Absorb n bytes (any n, any split: the result depends only on the concatenation). */
void pq_poly1305_update(pq_poly1305 *st, const uint8_t *m, size_t n);
/* Absorb zero bytes up to the next multiple of 16 of everything absorbed (RFC 8439's pad16). */
void pq_poly1305_pad16(pq_poly1305 *st);
/* Write the tag and wipe the state. */
void pq_poly1305_final(pq_poly1305 *st, uint8_t tag[16]);
/* Constant-time comparison of two tags: 1 equal, 0 not (no early exit, no branch on the bytes). */
int pq_poly1305_verify16(const uint8_t a[16], const uint8_t b[16]);

/* The portable block function with the 2^128 bit given (hibit = 1 for full blocks, 0 for the
 * final padded partial block). pq_ref_poly1305_blocks is this with hibit = 1. */
void pq_poly1305_blocks_portable(pq_poly1305 *st, const uint8_t *m, size_t nblocks, uint32_t hibit);

#endif
