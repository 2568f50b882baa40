/* ChaCha20 and Salsa20 on many 64-byte blocks (aead/kernels_aead.h), AArch64 NEON.
 *
 * lanes4: four blocks side by side, state word i of block j in lane j of x<i> (16 of the 32 vector
 *   registers; block j's counter is s[12] + j), so a round is 16 quarter-round steps on whole
 *   vectors with no permutes. Back to block order by a 4x4 transpose (TRN1/TRN2 on 32- then 64-bit
 *   elements) per group of four words; XORed into the input on the store.
 * rows<n>: n = 1, 2 or 3 blocks, each in four row vectors (a, b, c, d), the n sets interleaved
 *   instruction by instruction; EXT rotates lanes between the column and the diagonal round.
 * Rotations: 16 = REV32 on 16-bit elements, 8 = TBL (one register), 12 and 7 = SHL + SRI.
 *
 * ChaCha rows diagonalize by rotating a, c and d and leaving b: the next round starts with
 * a += b, and b is the value the previous round finished last (its SRI), so rotating b (the
 * textbook choice) would put an EXT on the critical path of every round; a, c and d were
 * finished earlier and their EXTs overlap the end of the round. That makes a round's dependency
 * chain 14 instructions in both layouts (ADD EOR REV32 ADD EOR SHL SRI ADD EOR TBL ADD EOR SHL SRI);
 * rotating b, rows1 models at 960 / 600 cycles instead of 900 / 560 (table below). SHL + SRI
 * rather than SHL + USRA: USRA has twice SRI's latency in the N1 model (4 against 2).
 * Salsa20's rows use the diagonal layout (a = x0 x5 x10 x15, b = x4 x9 x14 x3, c = x8 x13 x2 x7,
 * d = x12 x1 x6 x11): the column round is one quarter-round on (a, b, c, d), the row round one on
 * (a, d', c', b') with b, c, d rotated; a, the one it finishes last, stays in place.
 *
 * Which kernel for which run. qemu timings mean nothing, so this comes from instruction counts,
 * dependency chains and pipeline models: scripts/neon-sched-model.py schedules gcc's code for one
 * double round of each kernel with the latencies and units of SLOTHY's Cortex-A72 and Neoverse N1
 * models (A72: 3 cycles per ASIMD op, TBL 6, SHL/SRI on F1 only; N1: 2 cycles, SHL/SRI on V1
 * only; two vector pipes each) on an idealized out-of-order core. Cycles for the 20 rounds of
 * one pass (gcc 12 -O3; loads, transposes and stores not included):
 *                 vector instr. per        ChaCha20                    Salsa20
 *                 double round       A72  (per block)  N1         A72        N1
 *   lanes4 (4)      116 / 128         943  (236)    643 (161)   1043 (261)  803 (201)
 *   rows3 (3)       102 / 114         902  (301)    611 (204)    962 (321)  722 (241)
 *   rows2 (2)        68 / 77          901  (450)    561 (280)    991 (496)  661 (331)
 *   rows1 (1)        34 / 38          900  (900)    560 (560)    960 (960)  640 (640)
 * Every form has one dependency chain of 14 instructions per round (ChaCha: ADD EOR REV32 ADD
 * EOR SHL SRI ADD EOR TBL ADD EOR SHL SRI, 45 cycles on A72 with its 6-cycle TBL, 28 on N1), so
 * one block alone is latency-bound at a third of the pipes or less (the founding study's observation)
 * and 2 or 3 interleaved row blocks take the same time as one: rows1..3 all cost the chain,
 * 900 / 560. lanes4 has the same chain but 4 blocks, the fewest instructions per block, and
 * nearly fills the pipes (on N1 the shift pipe: 32 SHL/SRI per double round). Hence: a run goes
 * through lanes4 in groups of 4, and its remainder of 1..3 blocks through one rows<n> pass (the
 * same time as a partial lanes4 pass, without the transposes and the wasted lanes); 5..7 blocks
 * cost two chains either way. On wider cores (4 vector pipes: Neoverse V1/V2, Apple) lanes4 is
 * latency-bound too; two interleaved lanes4 sets would then help, but need 32 state registers
 * plus temporaries: not done.
 *
 * The precondition s[12] + nblocks <= 2^32 means no block's 32-bit counter wraps. Loads and
 * stores are unaligned; in == out works because every 16 bytes of input are loaded just before
 * their store. No branch or index depends on the state or the data. */
#include <arm_neon.h>

#include "aead/kernels_aead.h"

typedef uint32x4_t V;
#define VADD(a, b) vaddq_u32((a), (b))
#define VXOR(a, b) veorq_u32((a), (b))
#define VROL(a, n) vsriq_n_u32(vshlq_n_u32((a), (n)), (a), 32 - (n))
#define VR16(a) vreinterpretq_u32_u16(vrev32q_u16(vreinterpretq_u16_u32(a)))
#define VR8(a) vreinterpretq_u32_u8(vqtbl1q_u8(vreinterpretq_u8_u32(a), rot8))
#define VR12(a) VROL(a, 12)
#define VR7(a) VROL(a, 7)
/* lane i of the result = lane (i + n) mod 4 of a */
#define VEXT(a, n) vextq_u32((a), (a), (n))

/* TBL indices rotating every 32-bit word left by 8 */
static const uint8_t rot8_idx[16] = {3, 0, 1, 2, 7, 4, 5, 6, 11, 8, 9, 10, 15, 12, 13, 14};

/* four ChaCha quarter-rounds step by step */
#define PQ_CHACHA_QR4(a0, b0, c0, d0, a1, b1, c1, d1, a2, b2, c2, d2, a3, b3, c3, d3) \
  do {                                                                                \
    a0 = VADD(a0, b0), a1 = VADD(a1, b1), a2 = VADD(a2, b2), a3 = VADD(a3, b3);       \
    d0 = VR16(VXOR(d0, a0)), d1 = VR16(VXOR(d1, a1));                                 \
    d2 = VR16(VXOR(d2, a2)), d3 = VR16(VXOR(d3, a3));                                 \
    c0 = VADD(c0, d0), c1 = VADD(c1, d1), c2 = VADD(c2, d2), c3 = VADD(c3, d3);       \
    b0 = VR12(VXOR(b0, c0)), b1 = VR12(VXOR(b1, c1));                                 \
    b2 = VR12(VXOR(b2, c2)), b3 = VR12(VXOR(b3, c3));                                 \
    a0 = VADD(a0, b0), a1 = VADD(a1, b1), a2 = VADD(a2, b2), a3 = VADD(a3, b3);       \
    d0 = VR8(VXOR(d0, a0)), d1 = VR8(VXOR(d1, a1));                                   \
    d2 = VR8(VXOR(d2, a2)), d3 = VR8(VXOR(d3, a3));                                   \
    c0 = VADD(c0, d0), c1 = VADD(c1, d1), c2 = VADD(c2, d2), c3 = VADD(c3, d3);       \
    b0 = VR7(VXOR(b0, c0)), b1 = VR7(VXOR(b1, c1));                                   \
    b2 = VR7(VXOR(b2, c2)), b3 = VR7(VXOR(b3, c3));                                   \
  } while (0)
#define PQ_CHACHA_DROUND                                                                 \
  do {                                                                                   \
    PQ_CHACHA_QR4(x0, x4, x8, x12, x1, x5, x9, x13, x2, x6, x10, x14, x3, x7, x11, x15); \
    PQ_CHACHA_QR4(x0, x5, x10, x15, x1, x6, x11, x12, x2, x7, x8, x13, x3, x4, x9, x14); \
  } while (0)

/* one Salsa20 step on four quarter-rounds: t ^= (u + v) <<< n */
#define PQ_SALSA_STEP4(n, t0, u0, v0, t1, u1, v1, t2, u2, v2, t3, u3, v3)       \
  do {                                                                          \
    t0 = VXOR(t0, VROL(VADD(u0, v0), n)), t1 = VXOR(t1, VROL(VADD(u1, v1), n)); \
    t2 = VXOR(t2, VROL(VADD(u2, v2), n)), t3 = VXOR(t3, VROL(VADD(u3, v3), n)); \
  } while (0)
#define PQ_SALSA_QR4(a0, b0, c0, d0, a1, b1, c1, d1, a2, b2, c2, d2, a3, b3, c3, d3) \
  do {                                                                               \
    PQ_SALSA_STEP4(7, b0, a0, d0, b1, a1, d1, b2, a2, d2, b3, a3, d3);               \
    PQ_SALSA_STEP4(9, c0, b0, a0, c1, b1, a1, c2, b2, a2, c3, b3, a3);               \
    PQ_SALSA_STEP4(13, d0, c0, b0, d1, c1, b1, d2, c2, b2, d3, c3, b3);              \
    PQ_SALSA_STEP4(18, a0, d0, c0, a1, d1, c1, a2, d2, c2, a3, d3, c3);              \
  } while (0)
#define PQ_SALSA_DROUND                                                                 \
  do {                                                                                  \
    PQ_SALSA_QR4(x0, x4, x8, x12, x5, x9, x13, x1, x10, x14, x2, x6, x15, x3, x7, x11); \
    PQ_SALSA_QR4(x0, x1, x2, x3, x5, x6, x7, x4, x10, x11, x8, x9, x15, x12, x13, x14); \
  } while (0)

static inline void st(uint8_t *out, const uint8_t *in, size_t off, V v) {
  uint8x16_t b = vreinterpretq_u8_u32(v);
  if (in) b = veorq_u8(b, vld1q_u8(in + off));
  vst1q_u8(out + off, b);
}

/* 4x4 transpose of 32-bit lanes: afterwards a, b, c, d hold lane 0, 1, 2, 3 of the inputs */
#define PQ_T4(a, b, c, d)                                           \
  do {                                                              \
    const uint64x2_t t0_ = vreinterpretq_u64_u32(vtrn1q_u32(a, b)); \
    const uint64x2_t t1_ = vreinterpretq_u64_u32(vtrn2q_u32(a, b)); \
    const uint64x2_t t2_ = vreinterpretq_u64_u32(vtrn1q_u32(c, d)); \
    const uint64x2_t t3_ = vreinterpretq_u64_u32(vtrn2q_u32(c, d)); \
    a = vreinterpretq_u32_u64(vtrn1q_u64(t0_, t2_)),                \
    b = vreinterpretq_u32_u64(vtrn1q_u64(t1_, t3_));                \
    c = vreinterpretq_u32_u64(vtrn2q_u64(t0_, t2_)),                \
    d = vreinterpretq_u32_u64(vtrn2q_u64(t1_, t3_));                \
  } while (0)

/* x0..x15 = dup(s[i]), the counter word cw = the lane counters cv */
#define PQ_DUP(i, cw, cv) ((i) == (cw) ? (cv) : vdupq_n_u32(s[i]))
#define PQ_LANES_LOAD(cw, cv)                                                   \
  V x0 = PQ_DUP(0, cw, cv), x1 = PQ_DUP(1, cw, cv), x2 = PQ_DUP(2, cw, cv);     \
  V x3 = PQ_DUP(3, cw, cv), x4 = PQ_DUP(4, cw, cv), x5 = PQ_DUP(5, cw, cv);     \
  V x6 = PQ_DUP(6, cw, cv), x7 = PQ_DUP(7, cw, cv), x8 = PQ_DUP(8, cw, cv);     \
  V x9 = PQ_DUP(9, cw, cv), x10 = PQ_DUP(10, cw, cv), x11 = PQ_DUP(11, cw, cv); \
  V x12 = PQ_DUP(12, cw, cv), x13 = PQ_DUP(13, cw, cv);                         \
  V x14 = PQ_DUP(14, cw, cv), x15 = PQ_DUP(15, cw, cv)
/* feed-forward, transpose, store (x<k>, x<4+k>, x<8+k>, x<12+k> = block k) */
#define PQ_LANES_FEED_STORE(cw, cv)                                                         \
  x0 = VADD(x0, PQ_DUP(0, cw, cv)), x1 = VADD(x1, PQ_DUP(1, cw, cv));                       \
  x2 = VADD(x2, PQ_DUP(2, cw, cv)), x3 = VADD(x3, PQ_DUP(3, cw, cv));                       \
  x4 = VADD(x4, PQ_DUP(4, cw, cv)), x5 = VADD(x5, PQ_DUP(5, cw, cv));                       \
  x6 = VADD(x6, PQ_DUP(6, cw, cv)), x7 = VADD(x7, PQ_DUP(7, cw, cv));                       \
  x8 = VADD(x8, PQ_DUP(8, cw, cv)), x9 = VADD(x9, PQ_DUP(9, cw, cv));                       \
  x10 = VADD(x10, PQ_DUP(10, cw, cv)), x11 = VADD(x11, PQ_DUP(11, cw, cv));                 \
  x12 = VADD(x12, PQ_DUP(12, cw, cv)), x13 = VADD(x13, PQ_DUP(13, cw, cv));                 \
  x14 = VADD(x14, PQ_DUP(14, cw, cv)), x15 = VADD(x15, PQ_DUP(15, cw, cv));                 \
  PQ_T4(x0, x1, x2, x3);                                                                    \
  PQ_T4(x4, x5, x6, x7);                                                                    \
  PQ_T4(x8, x9, x10, x11);                                                                  \
  PQ_T4(x12, x13, x14, x15);                                                                \
  st(out, in, 0, x0), st(out, in, 16, x4), st(out, in, 32, x8), st(out, in, 48, x12);       \
  st(out, in, 64, x1), st(out, in, 80, x5), st(out, in, 96, x9), st(out, in, 112, x13);     \
  st(out, in, 128, x2), st(out, in, 144, x6), st(out, in, 160, x10), st(out, in, 176, x14); \
  st(out, in, 192, x3), st(out, in, 208, x7), st(out, in, 224, x11), st(out, in, 240, x15)

static const uint32_t lane_idx[4] = {0, 1, 2, 3};

/* nblocks (a multiple of 4) from counter ctr */
static void chacha_lanes4(const uint32_t *s, uint32_t ctr, uint8_t *out0, const uint8_t *in0,
                          size_t nblocks) {
  const uint8x16_t rot8 = vld1q_u8(rot8_idx);
  for (size_t off = 0; off < nblocks; off += 4, ctr += 4) {
    uint8_t *const out = out0 + 64 * off;
    const uint8_t *const in = in0 ? in0 + 64 * off : in0;
    const V cv = vaddq_u32(vdupq_n_u32(ctr), vld1q_u32(lane_idx));
    PQ_LANES_LOAD(12, cv);
    for (unsigned r = 0; r < 10; r++) PQ_CHACHA_DROUND;
    PQ_LANES_FEED_STORE(12, cv);
  }
}
static void salsa_lanes4(const uint32_t *s, uint32_t ctr, uint8_t *out0, const uint8_t *in0,
                         size_t nblocks) {
  for (size_t off = 0; off < nblocks; off += 4, ctr += 4) {
    uint8_t *const out = out0 + 64 * off;
    const uint8_t *const in = in0 ? in0 + 64 * off : in0;
    const V cv = vaddq_u32(vdupq_n_u32(ctr), vld1q_u32(lane_idx));
    PQ_LANES_LOAD(8, cv);
    for (unsigned r = 0; r < 10; r++) PQ_SALSA_DROUND;
    PQ_LANES_FEED_STORE(8, cv);
  }
}

/* rows<n>: always_inline with a constant n, so each call site below is its own straight-line
 * kernel and the arrays live in registers (n = 3: 12 state + 6 initial + temporaries < 32) */
#define PQ_ROWS_N_MAX 3
#define PQ_INLINE static inline __attribute__((always_inline))

#define PQ_CHACHA_ROW_QR(a, b, c, d)                                          \
  a = VADD(a, b), d = VR16(VXOR(d, a)), c = VADD(c, d), b = VR12(VXOR(b, c)); \
  a = VADD(a, b), d = VR8(VXOR(d, a)), c = VADD(c, d), b = VR7(VXOR(b, c))
PQ_INLINE void chacha_rows(const uint32_t *s, uint32_t ctr, uint8_t *out, const uint8_t *in,
                           const unsigned n) {
  const uint8x16_t rot8 = vld1q_u8(rot8_idx);
  const V a0 = vld1q_u32(s), b0 = vld1q_u32(s + 4), c0 = vld1q_u32(s + 8);
  V a[PQ_ROWS_N_MAX], b[PQ_ROWS_N_MAX], c[PQ_ROWS_N_MAX], d[PQ_ROWS_N_MAX], d0[PQ_ROWS_N_MAX];
  for (unsigned k = 0; k < n; k++) {
    d0[k] = vsetq_lane_u32(ctr + k, vld1q_u32(s + 12), 0);
    a[k] = a0, b[k] = b0, c[k] = c0, d[k] = d0[k];
  }
  for (unsigned r = 0; r < 10; r++) {
    /* column round; then lane i of (a, b, c, d) = diagonal (x[i-1], x[4+i], x[9+i], x[14+i]) */
    for (unsigned k = 0; k < n; k++) {
      PQ_CHACHA_ROW_QR(a[k], b[k], c[k], d[k]);
      a[k] = VEXT(a[k], 3), c[k] = VEXT(c[k], 1), d[k] = VEXT(d[k], 2);
    }
    for (unsigned k = 0; k < n; k++) {
      PQ_CHACHA_ROW_QR(a[k], b[k], c[k], d[k]);
      a[k] = VEXT(a[k], 1), c[k] = VEXT(c[k], 3), d[k] = VEXT(d[k], 2);
    }
  }
  for (unsigned k = 0; k < n; k++) {
    st(out, in, 64 * k, VADD(a[k], a0)), st(out, in, 64 * k + 16, VADD(b[k], b0));
    st(out, in, 64 * k + 32, VADD(c[k], c0)), st(out, in, 64 * k + 48, VADD(d[k], d0[k]));
  }
}

#define PQ_SALSA_ROW_QR(y0, y1, y2, y3)                                       \
  y1 = VXOR(y1, VROL(VADD(y0, y3), 7)), y2 = VXOR(y2, VROL(VADD(y1, y0), 9)); \
  y3 = VXOR(y3, VROL(VADD(y2, y1), 13)), y0 = VXOR(y0, VROL(VADD(y3, y2), 18))
/* the vector (s[i0], s[i1], s[i2], s[i3]) built in registers (no stack copy of key words) */
#define PQ_GATHER(i0, i1, i2, i3) \
  vsetq_lane_u32(s[i3], vsetq_lane_u32(s[i2], vsetq_lane_u32(s[i1], vdupq_n_u32(s[i0]), 1), 2), 3)
PQ_INLINE void salsa_rows(const uint32_t *s, uint32_t ctr, uint8_t *out, const uint8_t *in,
                          const unsigned n) {
  const V a0 = PQ_GATHER(0, 5, 10, 15), b0 = PQ_GATHER(4, 9, 14, 3), d0 = PQ_GATHER(12, 1, 6, 11);
  const V c00 = PQ_GATHER(8, 13, 2, 7);
  V a[PQ_ROWS_N_MAX], b[PQ_ROWS_N_MAX], c[PQ_ROWS_N_MAX], d[PQ_ROWS_N_MAX], c0[PQ_ROWS_N_MAX];
  for (unsigned k = 0; k < n; k++) {
    c0[k] = vsetq_lane_u32(ctr + k, c00, 0);
    a[k] = a0, b[k] = b0, c[k] = c0[k], d[k] = d0;
  }
  for (unsigned r = 0; r < 10; r++) {
    for (unsigned k = 0; k < n; k++) {
      PQ_SALSA_ROW_QR(a[k], b[k], c[k], d[k]);
      b[k] = VEXT(b[k], 3), c[k] = VEXT(c[k], 2), d[k] = VEXT(d[k], 1);
    }
    for (unsigned k = 0; k < n; k++) {
      PQ_SALSA_ROW_QR(a[k], d[k], c[k], b[k]);
      b[k] = VEXT(b[k], 1), c[k] = VEXT(c[k], 2), d[k] = VEXT(d[k], 3);
    }
  }
  /* rows from diagonals: row0 = a0 d1 c2 b3, row1 = b0 a1 d2 c3, row2 = c0 b1 a2 d3,
   * row3 = d0 c1 b2 a3 (BSL: lanes 1, 3 then lanes 2, 3 from the first operand) */
  static const uint32_t m13[4] = {0, ~0u, 0, ~0u}, m23[4] = {0, 0, ~0u, ~0u};
  const V k13 = vld1q_u32(m13), k23 = vld1q_u32(m23);
  for (unsigned k = 0; k < n; k++) {
    const V ak = VADD(a[k], a0), bk = VADD(b[k], b0), ck = VADD(c[k], c0[k]), dk = VADD(d[k], d0);
    const V ad = vbslq_u32(k13, dk, ak), cb = vbslq_u32(k13, bk, ck);
    const V ba = vbslq_u32(k13, ak, bk), dc = vbslq_u32(k13, ck, dk);
    st(out, in, 64 * k, vbslq_u32(k23, cb, ad)), st(out, in, 64 * k + 16, vbslq_u32(k23, dc, ba));
    st(out, in, 64 * k + 32, vbslq_u32(k23, ad, cb)),
        st(out, in, 64 * k + 48, vbslq_u32(k23, ba, dc));
  }
}

/* groups of four in lanes, a remainder of 1..3 as one rows<n> pass (reasons at the top) */
static void arx_blocks(int chacha, uint32_t s[16], unsigned cw, uint8_t *out, const uint8_t *in,
                       size_t nblocks) {
  const uint32_t ctr = s[cw];
  const size_t nl = nblocks & ~(size_t)3, r = nblocks & 3;
  if (nl) (chacha ? chacha_lanes4 : salsa_lanes4)(s, ctr, out, in, nl);
  if (r) {
    const uint32_t c = ctr + (uint32_t)nl;
    uint8_t *const o = out + 64 * nl;
    const uint8_t *const i = in ? in + 64 * nl : in;
    if (chacha) {
      if (r == 1)
        chacha_rows(s, c, o, i, 1);
      else if (r == 2)
        chacha_rows(s, c, o, i, 2);
      else
        chacha_rows(s, c, o, i, 3);
    } else {
      if (r == 1)
        salsa_rows(s, c, o, i, 1);
      else if (r == 2)
        salsa_rows(s, c, o, i, 2);
      else
        salsa_rows(s, c, o, i, 3);
    }
  }
  s[cw] = ctr + (uint32_t)nblocks;
}

void pq_neon_chacha20_blocks(uint32_t s[16], uint8_t *out, const uint8_t *in, size_t nblocks) {
  arx_blocks(1, s, 12, out, in, nblocks);
}
void pq_neon_salsa20_blocks(uint32_t s[16], uint8_t *out, const uint8_t *in, size_t nblocks) {
  arx_blocks(0, s, 8, out, in, nblocks);
}
