/* Poly1305 blocks in AArch64 NEON: two blocks side by side in the two lanes of
 * uint64x2_t sums, 26-bit limbs, UMULL/UMLAL (32 x 32 -> 64 bits, two lanes).
 *
 * Lane A takes the even blocks, lane B the odd ones. With G the lanes' Horner sums,
 * one step of two block pairs P, Q is G <- (G + P) r^4 + Q r^2: 50 products, but
 * one carry pass for four blocks (the sums of ten products stay < 2^59). At the
 * end h = G_A r^2 + G_B r. An odd count starts with one block in lane B (lane A
 * zero), so there is no scalar tail. The old h joins the lane of the first block.
 *
 * Bounds (as native/x86_64/poly1305_avx2.c): after the lazy carry a limb is
 * < 2^26 + 2^9, plus a message limb < 2^27 + 2^10 (< 2^27.6 with the converted h,
 * whose top limb is < 2^27); power limbs < 2^26 + 2^9, so 5 r_j < 2^28.4 and a
 * product < 2^55.4; ten of them < 2^58.8.
 *
 * State: h comes and goes in the 64-bit form of aead/poly1305.h (h[2] < 8 in,
 * <= 4 out). Scratch: r, r^2, r^4 as 26-bit limbs (15 words), kernel_ready = 1.
 *
 * Not timed: this was written and tested under qemu-user, which says nothing about
 * speed. The thresholds follow the x86-64 kernel's measured crossovers (the vector
 * step is paid per pair here, the powers cost two scalar products); OpenSSL's
 * poly1305-armv8 NEON path (the same 2-lane base 2^26 idea) reports 1.5-2.4x its
 * scalar code on Cortex-A53/A57/A72-class cores. */
#include <arm_neon.h>
#include <string.h>

#include "aead/kernels_aead.h"
#include "shared/pq_util.h"

#if !PQ_POLY1305_LIMB64
#error "the AArch64 Poly1305 kernel expects the 64-bit state form"
#endif

#ifndef PQ_POLY1305_NEON_MIN_WARM
#define PQ_POLY1305_NEON_MIN_WARM 8 /* blocks, powers already in scratch */
#endif
#ifndef PQ_POLY1305_NEON_MIN_COLD
#define PQ_POLY1305_NEON_MIN_COLD 16 /* a key's first run: r^2, r^4 first */
#endif
_Static_assert(PQ_POLY1305_NEON_MIN_WARM >= 2 && PQ_POLY1305_NEON_MIN_COLD >= 2,
               "a vector run needs a pair");

#define M26 0x3ffffff

/* o = a b mod p in 26-bit limbs (limb 1 < 2^26 + 2^9 on return, the others < 2^26) */
static void mul26(uint32_t o[5], const uint32_t a[5], const uint32_t b[5]) {
  const uint64_t b0 = b[0], b1 = b[1], b2 = b[2], b3 = b[3], b4 = b[4];
  const uint64_t s1 = 5 * b1, s2 = 5 * b2, s3 = 5 * b3, s4 = 5 * b4;
  const uint64_t a0 = a[0], a1 = a[1], a2 = a[2], a3 = a[3], a4 = a[4];
  uint64_t d0 = a0 * b0 + a1 * s4 + a2 * s3 + a3 * s2 + a4 * s1;
  uint64_t d1 = a0 * b1 + a1 * b0 + a2 * s4 + a3 * s3 + a4 * s2;
  uint64_t d2 = a0 * b2 + a1 * b1 + a2 * b0 + a3 * s4 + a4 * s3;
  uint64_t d3 = a0 * b3 + a1 * b2 + a2 * b1 + a3 * b0 + a4 * s4;
  uint64_t d4 = a0 * b4 + a1 * b3 + a2 * b2 + a3 * b1 + a4 * b0;
  d1 += d0 >> 26, d0 &= M26;
  d2 += d1 >> 26, d1 &= M26;
  d3 += d2 >> 26, d2 &= M26;
  d4 += d3 >> 26, d3 &= M26;
  d0 += (d4 >> 26) * 5, d4 &= M26;
  d1 += d0 >> 26, d0 &= M26;
  o[0] = (uint32_t)d0, o[1] = (uint32_t)d1, o[2] = (uint32_t)d2, o[3] = (uint32_t)d3,
  o[4] = (uint32_t)d4;
}

static void powers(pq_poly1305 *st) {
  const uint64_t r0 = st->r[0], r1 = st->r[1];
  uint32_t p[3][5];
  p[0][0] = (uint32_t)r0 & M26;
  p[0][1] = (uint32_t)(r0 >> 26) & M26;
  p[0][2] = (uint32_t)((r0 >> 52) | (r1 << 12)) & M26;
  p[0][3] = (uint32_t)(r1 >> 14) & M26;
  p[0][4] = (uint32_t)(r1 >> 40);
  mul26(p[1], p[0], p[0]);
  mul26(p[2], p[1], p[1]);
  memcpy(st->scratch, p, sizeof p);
  pq_wipe(p, sizeof p);
  st->kernel_ready = 1;
}

/* d (+)= h r, h in 32-bit lanes, r a power's limbs and s = 5 r (s[0] unused) */
static inline void mac2(uint64x2_t d[5], const uint32x2_t h[5], const uint32_t r[5],
                        const uint32_t s[5], int first) {
  if (first) {
    d[0] = vmull_n_u32(h[0], r[0]), d[1] = vmull_n_u32(h[0], r[1]), d[2] = vmull_n_u32(h[0], r[2]);
    d[3] = vmull_n_u32(h[0], r[3]), d[4] = vmull_n_u32(h[0], r[4]);
  } else {
    d[0] = vmlal_n_u32(d[0], h[0], r[0]), d[1] = vmlal_n_u32(d[1], h[0], r[1]),
    d[2] = vmlal_n_u32(d[2], h[0], r[2]);
    d[3] = vmlal_n_u32(d[3], h[0], r[3]), d[4] = vmlal_n_u32(d[4], h[0], r[4]);
  }
  d[0] = vmlal_n_u32(d[0], h[1], s[4]), d[1] = vmlal_n_u32(d[1], h[1], r[0]),
  d[2] = vmlal_n_u32(d[2], h[1], r[1]);
  d[3] = vmlal_n_u32(d[3], h[1], r[2]), d[4] = vmlal_n_u32(d[4], h[1], r[3]);
  d[0] = vmlal_n_u32(d[0], h[2], s[3]), d[1] = vmlal_n_u32(d[1], h[2], s[4]),
  d[2] = vmlal_n_u32(d[2], h[2], r[0]);
  d[3] = vmlal_n_u32(d[3], h[2], r[1]), d[4] = vmlal_n_u32(d[4], h[2], r[2]);
  d[0] = vmlal_n_u32(d[0], h[3], s[2]), d[1] = vmlal_n_u32(d[1], h[3], s[3]),
  d[2] = vmlal_n_u32(d[2], h[3], s[4]);
  d[3] = vmlal_n_u32(d[3], h[3], r[0]), d[4] = vmlal_n_u32(d[4], h[3], r[1]);
  d[0] = vmlal_n_u32(d[0], h[4], s[1]), d[1] = vmlal_n_u32(d[1], h[4], s[2]),
  d[2] = vmlal_n_u32(d[2], h[4], s[3]);
  d[3] = vmlal_n_u32(d[3], h[4], s[4]), d[4] = vmlal_n_u32(d[4], h[4], r[0]);
}

/* lazy carry (two interleaved chains): limbs < 2^59 in, < 2^26 + 2^9 out */
static inline void carry2(uint64x2_t d[5]) {
  const uint64x2_t m = vdupq_n_u64(M26);
  uint64x2_t c;
  c = vshrq_n_u64(d[0], 26), d[0] = vandq_u64(d[0], m), d[1] = vaddq_u64(d[1], c);
  c = vshrq_n_u64(d[3], 26), d[3] = vandq_u64(d[3], m), d[4] = vaddq_u64(d[4], c);
  c = vshrq_n_u64(d[1], 26), d[1] = vandq_u64(d[1], m), d[2] = vaddq_u64(d[2], c);
  c = vshrq_n_u64(d[4], 26), d[4] = vandq_u64(d[4], m);
  d[0] = vaddq_u64(d[0], vaddq_u64(c, vshlq_n_u64(c, 2)));
  c = vshrq_n_u64(d[2], 26), d[2] = vandq_u64(d[2], m), d[3] = vaddq_u64(d[3], c);
  c = vshrq_n_u64(d[0], 26), d[0] = vandq_u64(d[0], m), d[1] = vaddq_u64(d[1], c);
  c = vshrq_n_u64(d[3], 26), d[3] = vandq_u64(d[3], m), d[4] = vaddq_u64(d[4], c);
}

/* 26-bit limbs, in 32-bit lanes, of the blocks whose halves are the lanes of lo / hi */
static inline void split2(uint32x2_t o[5], uint64x2_t lo, uint64x2_t hi, uint32x2_t pad) {
  const uint32x2_t m = vdup_n_u32(M26);
  o[0] = vand_u32(vmovn_u64(lo), m);
  o[1] = vand_u32(vshrn_n_u64(lo, 26), m);
  o[2] = vand_u32(vmovn_u64(vorrq_u64(vshrq_n_u64(lo, 52), vshlq_n_u64(hi, 12))), m);
  o[3] = vand_u32(vshrn_n_u64(hi, 14), m);
  o[4] = vorr_u32(vmovn_u64(vshrq_n_u64(hi, 40)), pad); /* SHRN shifts by 32 at most */
}

static inline void load_pair(uint32x2_t o[5], const uint8_t *m, uint32x2_t pad) {
  const uint64x2_t a = vreinterpretq_u64_u8(vld1q_u8(m)),
                   b = vreinterpretq_u64_u8(vld1q_u8(m + 16));
  split2(o, vzip1q_u64(a, b), vzip2q_u64(a, b), pad);
}

void pq_neon_poly1305_blocks(pq_poly1305 *st, const uint8_t *m, size_t nblocks) {
  /* kernel_ready is public: it says whether this state has had a vector run */
  if (nblocks < (st->kernel_ready ? PQ_POLY1305_NEON_MIN_WARM : PQ_POLY1305_NEON_MIN_COLD)) {
    pq_ref_poly1305_blocks(st, m, nblocks);
    return;
  }
  if (!st->kernel_ready) powers(st);
  uint32_t r[3][5], s[3][5]; /* r, r^2, r^4 and 5 times them */
  memcpy(r, st->scratch, sizeof r);
  for (int k = 0; k < 3; k++)
    for (int j = 0; j < 5; j++) s[k][j] = 5 * r[k][j];

  const uint64_t h0 = st->h[0], h1 = st->h[1], h2 = st->h[2];
  const uint32_t h26[5] = {(uint32_t)h0 & M26, (uint32_t)(h0 >> 26) & M26,
                           (uint32_t)((h0 >> 52) | (h1 << 12)) & M26, (uint32_t)(h1 >> 14) & M26,
                           (uint32_t)((h1 >> 40) | (h2 << 24))};
  const uint32x2_t one = vdup_n_u32(1 << 24);
  uint32x2_t G[5], P[5];
  uint64x2_t D[5];
  if (nblocks & 1) { /* block 0 alone in lane B */
    const uint64x2_t a = vreinterpretq_u64_u8(vld1q_u8(m)), z = vdupq_n_u64(0);
    split2(G, vzip1q_u64(z, a), vzip2q_u64(z, a), vset_lane_u32(1 << 24, vdup_n_u32(0), 1));
    for (int j = 0; j < 5; j++) G[j] = vadd_u32(G[j], vset_lane_u32(h26[j], vdup_n_u32(0), 1));
    m += 16, nblocks -= 1;
  } else {
    load_pair(G, m, one);
    for (int j = 0; j < 5; j++) G[j] = vadd_u32(G[j], vset_lane_u32(h26[j], vdup_n_u32(0), 0));
    m += 32, nblocks -= 2;
  }
  /* two pairs per step: G <- G r^4 + P r^2, then + Q */
  for (; nblocks >= 4; m += 64, nblocks -= 4) {
    load_pair(P, m, one);
    mac2(D, G, r[2], s[2], 1);
    mac2(D, P, r[1], s[1], 0);
    carry2(D);
    load_pair(P, m + 32, one);
    for (int j = 0; j < 5; j++) G[j] = vadd_u32(vmovn_u64(D[j]), P[j]);
  }
  if (nblocks) { /* one pair left: G <- G r^2 + P */
    mac2(D, G, r[1], s[1], 1);
    carry2(D);
    load_pair(P, m, one);
    for (int j = 0; j < 5; j++) G[j] = vadd_u32(vmovn_u64(D[j]), P[j]);
  }
  /* h = G_A r^2 + G_B r: per-lane multipliers */
  uint32x2_t R[5], S[5];
  for (int j = 0; j < 5; j++) {
    R[j] = vset_lane_u32(r[0][j], vdup_n_u32(r[1][j]), 1);
    S[j] = vmul_n_u32(R[j], 5);
  }
  D[0] = vmull_u32(G[0], R[0]);
  D[1] = vmull_u32(G[0], R[1]);
  D[2] = vmull_u32(G[0], R[2]);
  D[3] = vmull_u32(G[0], R[3]);
  D[4] = vmull_u32(G[0], R[4]);
  D[0] = vmlal_u32(vmlal_u32(vmlal_u32(vmlal_u32(D[0], G[1], S[4]), G[2], S[3]), G[3], S[2]), G[4],
                   S[1]);
  D[1] = vmlal_u32(vmlal_u32(vmlal_u32(vmlal_u32(D[1], G[1], R[0]), G[2], S[4]), G[3], S[3]), G[4],
                   S[2]);
  D[2] = vmlal_u32(vmlal_u32(vmlal_u32(vmlal_u32(D[2], G[1], R[1]), G[2], R[0]), G[3], S[4]), G[4],
                   S[3]);
  D[3] = vmlal_u32(vmlal_u32(vmlal_u32(vmlal_u32(D[3], G[1], R[2]), G[2], R[1]), G[3], R[0]), G[4],
                   S[4]);
  D[4] = vmlal_u32(vmlal_u32(vmlal_u32(vmlal_u32(D[4], G[1], R[3]), G[2], R[2]), G[3], R[1]), G[4],
                   R[0]);
  uint64_t d0 = vaddvq_u64(D[0]), d1 = vaddvq_u64(D[1]), d2 = vaddvq_u64(D[2]),
           d3 = vaddvq_u64(D[3]), d4 = vaddvq_u64(D[4]);
  /* full carry: limbs < 2^26 but limb 1, so h < 2^130 + 2^52 and h[2] <= 4 */
  d1 += d0 >> 26, d0 &= M26;
  d2 += d1 >> 26, d1 &= M26;
  d3 += d2 >> 26, d2 &= M26;
  d4 += d3 >> 26, d3 &= M26;
  d0 += (d4 >> 26) * 5, d4 &= M26;
  d1 += d0 >> 26, d0 &= M26;
  unsigned __int128 t =
      (unsigned __int128)d0 + ((unsigned __int128)d1 << 26) + ((unsigned __int128)d2 << 52);
  st->h[0] = (uint64_t)t;
  t = (t >> 64) + ((unsigned __int128)d3 << 14) + ((unsigned __int128)d4 << 40);
  st->h[1] = (uint64_t)t;
  st->h[2] = (uint64_t)(t >> 64);
  pq_wipe(r, sizeof r);
  pq_wipe(s, sizeof s);
}
