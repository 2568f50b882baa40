/* AEAD kernel interface: the bulk loops of ChaCha20, Salsa20 and Poly1305.
 *
 * The portable C versions (pq_ref_*, in kernels_aead_ref.c) are the reference and
 * the fallback; a target header (see shared/pq_target.h, its 4th section "AEAD")
 * may #define any of
 *   pq_chacha20_blocks, pq_salsa20_blocks, pq_poly1305_blocks, PQ_CHACHA20_WAYS,
 *   pq_chacha20_poly1305_seal_blocks, pq_chacha20_poly1305_open_blocks (both or neither),
 *   pq_salsa20_poly1305_seal_blocks, pq_salsa20_poly1305_open_blocks (both or neither)
 * before the defaults below. Every replacement is bit-identical to the reference for
 * every input within the preconditions (native/test/test_aead.c, test_aead_kernels.c and, for the
 * combined kernels, test_aead_stitch.c check this).
 * HChaCha20/HSalsa20 (aead/arx.h) are portable only: one block, no kernel. */
#ifndef PQ_KERNELS_AEAD_H
#define PQ_KERNELS_AEAD_H
#include <stddef.h>
#include <stdint.h>

#include "aead/poly1305.h"

/* ---- portable reference kernels ---------------------------------------- */

/* ChaCha20 on full 64-byte blocks. s: the 16-word input state, RFC 8439 layout (s[0..3]
 * "expand 32-byte k", s[4..11] key, s[12] block counter, s[13..15] nonce; the
 * original/XChaCha 64-bit-counter form keeps the high counter word in s[13]). For
 * b = 0..nblocks-1: block b = ChaCha20 block of s with s[12] += b;
 * out[64b..] = in[64b..] XOR block (in == NULL: out = keystream; in == out allowed;
 * partial overlap not). Precondition: s[12] + nblocks <= 2^32 (callers split a run at
 * the wrap of word 12 and carry into s[13] themselves). On return s[12] += nblocks
 * (mod 2^32), nothing else of s changes. */
void pq_ref_chacha20_blocks(uint32_t s[16], uint8_t *out, const uint8_t *in, size_t nblocks);
/* Salsa20/20 the same, Salsa20 layout: constants s[0],s[5],s[10],s[15]; key s[1..4],
 * s[11..14]; nonce s[6],s[7]; 64-bit block counter s[8] (low), s[9] (high).
 * Precondition s[8] + nblocks <= 2^32; on return s[8] += nblocks (mod 2^32). */
void pq_ref_salsa20_blocks(uint32_t s[16], uint8_t *out, const uint8_t *in, size_t nblocks);
/* Poly1305 on full 16-byte blocks, each with the 2^128 bit (the final partial block is
 * portable code). st: see aead/poly1305.h (h in the build's form; scratch/kernel_ready
 * belong to the kernel). */
void pq_ref_poly1305_blocks(pq_poly1305 *st, const uint8_t *m, size_t nblocks);

/* ChaCha20 and Poly1305 over the same whole blocks in one call: the encrypt-and-MAC of an AEAD
 * (aead.c), which a target may "stitch" (interleave the two at instruction level, so the SIMD
 * rounds and the scalar Poly1305 multiplies run side by side). Exactly
 *   seal: pq_chacha20_blocks(s, out, in, nblocks); pq_poly1305_blocks(mac, out, 4 * nblocks);
 *   open: pq_poly1305_blocks(mac, in, 4 * nblocks); pq_chacha20_blocks(s, out, in, nblocks);
 * i.e. the MAC absorbs the ciphertext (seal: what is written to out; open: what is read from in)
 * as 4 nblocks whole 16-byte blocks, each with the 2^128 bit. Preconditions: both kernels' ones
 * (s[12] + nblocks <= 2^32; in == out allowed, partial overlap not), in != NULL, and
 * mac->used == 0: the MAC has no partial block buffered (these kernels neither read nor write
 * mac->buf, so buffered bytes would be absorbed out of order; a caller with a buffered partial
 * block goes through pq_poly1305_update instead). On return s[12] += nblocks (mod 2^32), mac->h
 * holds the same value mod p as after the two calls above, in the build's form and within its
 * bounds (aead/poly1305.h; the same representation too when the target's Poly1305 part is the
 * portable code), mac's scratch / kernel_ready are valid for later pq_poly1305_blocks calls, and
 * nothing else of s or mac changes. The defaults (pq_unstitched_*) are those two calls. */
void pq_unstitched_chacha20_poly1305_seal_blocks(uint32_t s[16], pq_poly1305 *mac, uint8_t *out,
                                                 const uint8_t *in, size_t nblocks);
void pq_unstitched_chacha20_poly1305_open_blocks(uint32_t s[16], pq_poly1305 *mac, uint8_t *out,
                                                 const uint8_t *in, size_t nblocks);
/* The same with Salsa20 (secretbox's XSalsa20-Poly1305 after its first block): pq_salsa20_blocks
 * in place of pq_chacha20_blocks, so the precondition is s[8] + nblocks <= 2^32 and s[8] is the
 * word that advances. */
void pq_unstitched_salsa20_poly1305_seal_blocks(uint32_t s[16], pq_poly1305 *mac, uint8_t *out,
                                                const uint8_t *in, size_t nblocks);
void pq_unstitched_salsa20_poly1305_open_blocks(uint32_t s[16], pq_poly1305 *mac, uint8_t *out,
                                                const uint8_t *in, size_t nblocks);

/* ---- target selection ---------------------------------------------------- */
#include "shared/pq_target.h"

#ifndef pq_chacha20_blocks
#define pq_chacha20_blocks pq_ref_chacha20_blocks
#endif
#ifndef pq_salsa20_blocks
#define pq_salsa20_blocks pq_ref_salsa20_blocks
#endif
/* PQ_POLY1305_SIMD: 1 when the target replaced the Poly1305 kernel (the benchmark's SIMD id) */
#ifndef pq_poly1305_blocks
#define pq_poly1305_blocks pq_ref_poly1305_blocks
#define PQ_POLY1305_SIMD 0
#else
#define PQ_POLY1305_SIMD 1
#endif
/* PQ_CHACHA20_POLY1305_STITCHED: 1 when the target has its own (stitched) combined kernels.
 * -DPQ_AEAD_NO_STITCH keeps the defaults in any build (to measure the stitching against them). */
#if defined(PQ_AEAD_NO_STITCH)
#undef pq_chacha20_poly1305_seal_blocks
#undef pq_chacha20_poly1305_open_blocks
#undef pq_salsa20_poly1305_seal_blocks
#undef pq_salsa20_poly1305_open_blocks
#endif
#ifndef pq_chacha20_poly1305_seal_blocks
#define pq_chacha20_poly1305_seal_blocks pq_unstitched_chacha20_poly1305_seal_blocks
#define pq_chacha20_poly1305_open_blocks pq_unstitched_chacha20_poly1305_open_blocks
#define PQ_CHACHA20_POLY1305_STITCHED 0
#else
#define PQ_CHACHA20_POLY1305_STITCHED 1
#endif
/* PQ_SALSA20_POLY1305_STITCHED: the same for the Salsa20 twins */
#ifndef pq_salsa20_poly1305_seal_blocks
#define pq_salsa20_poly1305_seal_blocks pq_unstitched_salsa20_poly1305_seal_blocks
#define pq_salsa20_poly1305_open_blocks pq_unstitched_salsa20_poly1305_open_blocks
#define PQ_SALSA20_POLY1305_STITCHED 0
#else
#define PQ_SALSA20_POLY1305_STITCHED 1
#endif
/* PQ_CHACHA20_WAYS: bit w set when pq_chacha20_blocks(s, out, in, w) runs one w-way pass of
 * this build's kernel (w in 1, 2, 3, 4, 8, 16), so the benchmark hook (PQ_BENCH_AEAD_CHACHA20_X*)
 * can time each way through the public entry; the other ids return -1. The reference is 1-way. */
#ifndef PQ_CHACHA20_WAYS
#define PQ_CHACHA20_WAYS (1u << 1)
#endif

#endif
