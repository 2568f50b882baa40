/* ChaCha20 and Salsa20 on many 64-byte blocks (aead/kernels_aead.h), WebAssembly SIMD128.
 *
 * lanes4: four blocks side by side, state word i of block j in lane j of x<i> (block j's counter is
 * s[12] + j, one i32x4.add), so a round is 16 quarter-round steps on whole vectors with no
 * shuffles; the keystream goes back to block order by a 4x4 transpose of each group of four words
 * (i32x4.shuffle, punpck on x86 engines) and is XORed into the input on the store.
 * rows<n>: n = 1..3 blocks, each in four row vectors, n independent sets interleaved: the last
 * blocks of a run (split below).
 * Rotations by 16 and 8 are byte shuffles (one pshufb / tbl in the engine: see PQ_ROT_MASKS), 12
 * and 7 shift-or (SIMD128 has no rotate). Salsa20 (rotations 7, 9, 13, 18: all shift-or) has the same two
 * kernels; its rows use the diagonal layout (a = x0 x5 x10 x15, b = x4 x9 x14 x3, c = x8 x13 x2 x7,
 * d = x12 x1 x6 x11), in which the column round is one quarter-round on (a, b, c, d) and the row
 * round needs the same three lane rotations as ChaCha's diagonal round.
 *
 * The relaxed build differs in one instruction: the byte rotations use i8x16.relaxed_swizzle with
 * a mask in a register (exact here: every index is < 16), which V8 compiles to a bare pshufb
 * (notes at PQ_ROT_MASKS); laneselect, FMA, dot products and truncations do not occur here.
 *
 * Measured (build/wasm/aead-*.wasm through pq_bind_aead_bench, Node 20 / V8, x86-64 Xeon, ns per
 * byte): 4 KiB runs 0.64 (SIMD) against 1.43 (the scalar build's portable code), 2.2x; one pass of
 * 1, 2, 3, 4 blocks 1.24, 0.84, 0.72, 0.66. Rotations by 16 and 8 as shift-or instead of
 * i8x16.shuffle: 4-7% slower; rotation by 16 as i16x8.shuffle: no faster.
 *
 * The precondition s[12] + nblocks <= 2^32 means no block's 32-bit counter wraps. Loads
 * and stores are unaligned v128 accesses; in == out works because each 16-byte piece of input is
 * loaded just before its store. */
#include <wasm_simd128.h>

#include "aead/arx.h"
#include "aead/kernels_aead.h"

#define VADD(a, b) wasm_i32x4_add((a), (b))
#define VXOR(a, b) wasm_v128_xor((a), (b))
#define VROL(a, n) wasm_v128_or(wasm_i32x4_shl((a), (n)), wasm_u32x4_shr((a), 32 - (n)))
/* Rotations by 16 and 8 are byte shuffles. V8 (x64) compiles the constant i8x16.shuffle of the
 * rotation by 8 to a pshufb whose mask it rebuilds from two 64-bit immediates at every use (four
 * more instructions, two of them for the shuffle port the rounds already saturate); the rotation by
 * 16 it matches to pshuflw + pshufhw. So the masks are loaded once per call (a volatile load, so the
 * compiler cannot turn them back into constants) and used by a swizzle: with relaxed SIMD a plain
 * pshufb (its out-of-range rule does not matter: every index is < 16); without, i8x16.swizzle costs
 * a saturating add of the indices more, still cheaper than the rebuilt constant for the rotation by
 * 8 but not than pshuflw + pshufhw for 16. Measured (Node 20, aead_bench, min ticks/B, one run
 * with the shuffles alongside): 4 KiB 1.86 -> 1.83 (simd), 1.86 -> 1.71 (relaxed); one pass of 1,
 * 2, 3, 4 blocks (relaxed) 3.53, 2.41, 2.07, 1.93 -> 3.27, 2.30, 1.91, 1.77, the simd build within
 * 0.07 of before there. */
static const _Alignas(16) uint8_t pq_rot_masks[2][16] = {
    {3, 0, 1, 2, 7, 4, 5, 6, 11, 8, 9, 10, 15, 12, 13, 14},  /* rotate left by 8 */
    {2, 3, 0, 1, 6, 7, 4, 5, 10, 11, 8, 9, 14, 15, 12, 13}}; /* by 16 */
#define PQ_ROT_MASKS                                                              \
  const v128_t rot8v_ = *(const volatile v128_t *)(const void *)pq_rot_masks[0];  \
  const v128_t rot16v_ = *(const volatile v128_t *)(const void *)pq_rot_masks[1]; \
  (void)rot8v_, (void)rot16v_
#ifdef __wasm_relaxed_simd__
#define VR16(a) wasm_i8x16_relaxed_swizzle((a), rot16v_)
#define VR8(a) wasm_i8x16_relaxed_swizzle((a), rot8v_)
#else
#define VR16(a) wasm_i8x16_shuffle((a), (a), 2, 3, 0, 1, 6, 7, 4, 5, 10, 11, 8, 9, 14, 15, 12, 13)
#define VR8(a) wasm_i8x16_swizzle((a), rot8v_)
#endif
#define VR12(a) VROL(a, 12)
#define VR7(a) VROL(a, 7)
/* lanes (i0 i1 i2 i3) of a */
#define VLANES(a, i0, i1, i2, i3) wasm_i32x4_shuffle((a), (a), i0, i1, i2, i3)

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

static inline void st(uint8_t *out, const uint8_t *in, size_t off, v128_t v) {
  if (in) v = wasm_v128_xor(v, wasm_v128_load(in + off));
  wasm_v128_store(out + off, v);
}

/* 4x4 transpose of 32-bit lanes: afterwards a, b, c, d hold lane 0, 1, 2, 3 of the inputs */
#define PQ_T4(a, b, c, d)                                                                       \
  do {                                                                                          \
    const v128_t t0_ = wasm_i32x4_shuffle(a, b, 0, 4, 1, 5),                                    \
                 t1_ = wasm_i32x4_shuffle(a, b, 2, 6, 3, 7);                                    \
    const v128_t t2_ = wasm_i32x4_shuffle(c, d, 0, 4, 1, 5),                                    \
                 t3_ = wasm_i32x4_shuffle(c, d, 2, 6, 3, 7);                                    \
    a = wasm_i32x4_shuffle(t0_, t2_, 0, 1, 4, 5), b = wasm_i32x4_shuffle(t0_, t2_, 2, 3, 6, 7); \
    c = wasm_i32x4_shuffle(t1_, t3_, 0, 1, 4, 5), d = wasm_i32x4_shuffle(t1_, t3_, 2, 3, 6, 7); \
  } while (0)

/* x0..x15 = splat(s[i]), the counter word cw = the lane counters cv */
#define PQ_SPLAT(i, cw, cv) ((i) == (cw) ? (cv) : wasm_i32x4_splat((int32_t)s[i]))
#define PQ_LANES_LOAD(cw, cv)                                                              \
  v128_t x0 = PQ_SPLAT(0, cw, cv), x1 = PQ_SPLAT(1, cw, cv), x2 = PQ_SPLAT(2, cw, cv);     \
  v128_t x3 = PQ_SPLAT(3, cw, cv), x4 = PQ_SPLAT(4, cw, cv), x5 = PQ_SPLAT(5, cw, cv);     \
  v128_t x6 = PQ_SPLAT(6, cw, cv), x7 = PQ_SPLAT(7, cw, cv), x8 = PQ_SPLAT(8, cw, cv);     \
  v128_t x9 = PQ_SPLAT(9, cw, cv), x10 = PQ_SPLAT(10, cw, cv), x11 = PQ_SPLAT(11, cw, cv); \
  v128_t x12 = PQ_SPLAT(12, cw, cv), x13 = PQ_SPLAT(13, cw, cv);                           \
  v128_t x14 = PQ_SPLAT(14, cw, cv), x15 = PQ_SPLAT(15, cw, cv)
/* feed-forward, transpose, and store (x<k>, x<4+k>, x<8+k>, x<12+k> = block k) */
#define PQ_LANES_FEED_STORE(cw, cv)                                                         \
  x0 = VADD(x0, PQ_SPLAT(0, cw, cv)), x1 = VADD(x1, PQ_SPLAT(1, cw, cv));                   \
  x2 = VADD(x2, PQ_SPLAT(2, cw, cv)), x3 = VADD(x3, PQ_SPLAT(3, cw, cv));                   \
  x4 = VADD(x4, PQ_SPLAT(4, cw, cv)), x5 = VADD(x5, PQ_SPLAT(5, cw, cv));                   \
  x6 = VADD(x6, PQ_SPLAT(6, cw, cv)), x7 = VADD(x7, PQ_SPLAT(7, cw, cv));                   \
  x8 = VADD(x8, PQ_SPLAT(8, cw, cv)), x9 = VADD(x9, PQ_SPLAT(9, cw, cv));                   \
  x10 = VADD(x10, PQ_SPLAT(10, cw, cv)), x11 = VADD(x11, PQ_SPLAT(11, cw, cv));             \
  x12 = VADD(x12, PQ_SPLAT(12, cw, cv)), x13 = VADD(x13, PQ_SPLAT(13, cw, cv));             \
  x14 = VADD(x14, PQ_SPLAT(14, cw, cv)), x15 = VADD(x15, PQ_SPLAT(15, cw, cv));             \
  PQ_T4(x0, x1, x2, x3);                                                                    \
  PQ_T4(x4, x5, x6, x7);                                                                    \
  PQ_T4(x8, x9, x10, x11);                                                                  \
  PQ_T4(x12, x13, x14, x15);                                                                \
  st(out, in, 0, x0), st(out, in, 16, x4), st(out, in, 32, x8), st(out, in, 48, x12);       \
  st(out, in, 64, x1), st(out, in, 80, x5), st(out, in, 96, x9), st(out, in, 112, x13);     \
  st(out, in, 128, x2), st(out, in, 144, x6), st(out, in, 160, x10), st(out, in, 176, x14); \
  st(out, in, 192, x3), st(out, in, 208, x7), st(out, in, 224, x11), st(out, in, 240, x15)

/* nblocks (a multiple of 4) from counter ctr */
static void chacha_lanes4(const uint32_t *s, uint32_t ctr, uint8_t *out0, const uint8_t *in0,
                          size_t nblocks) {
  PQ_ROT_MASKS;
  for (size_t off = 0; off < nblocks; off += 4, ctr += 4) {
    uint8_t *const out = out0 + 64 * off;
    const uint8_t *const in = in0 ? in0 + 64 * off : in0;
    const v128_t cv = wasm_i32x4_add(wasm_i32x4_splat((int32_t)ctr), wasm_i32x4_make(0, 1, 2, 3));
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
    const v128_t cv = wasm_i32x4_add(wasm_i32x4_splat((int32_t)ctr), wasm_i32x4_make(0, 1, 2, 3));
    PQ_LANES_LOAD(8, cv);
    for (unsigned r = 0; r < 10; r++) PQ_SALSA_DROUND;
    PQ_LANES_FEED_STORE(8, cv);
  }
}

/* n = 1..3 blocks in rows, interleaved: one row set is a single dependency chain per round, so
 * n sets cost little more than one (measured in Node 20 / V8 on x86-64, ns per call: 1 block 79,
 * 2 blocks 108, 3 blocks 139, against 177 for a 4-way lanes pass). always_inline with a constant
 * n: each rows<n> below is its own straight-line kernel, the arrays live in registers. */
#define PQ_ROWS_N_MAX 3
#define PQ_INLINE static inline __attribute__((always_inline))

/* ChaCha: the state rows. Diagonalized by rotating a, c and d, not b: the round ends with b's
 * rotation and the next starts with a += b, so a shuffle of b would lengthen every round's
 * dependency chain (a, c, d are finished earlier; their shuffles overlap the end of the round). */
#define PQ_CHACHA_ROW_QR(a, b, c, d)                                          \
  a = VADD(a, b), d = VR16(VXOR(d, a)), c = VADD(c, d), b = VR12(VXOR(b, c)); \
  a = VADD(a, b), d = VR8(VXOR(d, a)), c = VADD(c, d), b = VR7(VXOR(b, c))
PQ_INLINE void chacha_rows(const uint32_t *s, uint32_t ctr, uint8_t *out, const uint8_t *in,
                           const unsigned n) {
  PQ_ROT_MASKS;
  const v128_t a0 = wasm_v128_load(s), b0 = wasm_v128_load(s + 4), c0 = wasm_v128_load(s + 8);
  v128_t a[PQ_ROWS_N_MAX], b[PQ_ROWS_N_MAX], c[PQ_ROWS_N_MAX], d[PQ_ROWS_N_MAX], d0[PQ_ROWS_N_MAX];
  for (unsigned k = 0; k < n; k++) {
    d0[k] = wasm_i32x4_replace_lane(wasm_v128_load(s + 12), 0, (int32_t)(ctr + k));
    a[k] = a0, b[k] = b0, c[k] = c0, d[k] = d0[k];
  }
  for (unsigned r = 0; r < 10; r++) {
    /* column round; then lane i of (a, b, c, d) = diagonal (x[i-1], x[4+i], x[9+i], x[14+i]) */
    for (unsigned k = 0; k < n; k++) {
      PQ_CHACHA_ROW_QR(a[k], b[k], c[k], d[k]);
      a[k] = VLANES(a[k], 3, 0, 1, 2), c[k] = VLANES(c[k], 1, 2, 3, 0),
      d[k] = VLANES(d[k], 2, 3, 0, 1);
    }
    for (unsigned k = 0; k < n; k++) {
      PQ_CHACHA_ROW_QR(a[k], b[k], c[k], d[k]);
      a[k] = VLANES(a[k], 1, 2, 3, 0), c[k] = VLANES(c[k], 3, 0, 1, 2),
      d[k] = VLANES(d[k], 2, 3, 0, 1);
    }
  }
  for (unsigned k = 0; k < n; k++) {
    st(out, in, 64 * k, VADD(a[k], a0)), st(out, in, 64 * k + 16, VADD(b[k], b0));
    st(out, in, 64 * k + 32, VADD(c[k], c0)), st(out, in, 64 * k + 48, VADD(d[k], d0[k]));
  }
}

/* Salsa20 diagonal layout: column quarter-round on (a, b, c, d), row quarter-round on
 * (a, d', c', b') with d' = d lanes 1230, c' = c lanes 2301, b' = b lanes 3012 */
#define PQ_SALSA_ROW_QR(y0, y1, y2, y3)                                       \
  y1 = VXOR(y1, VROL(VADD(y0, y3), 7)), y2 = VXOR(y2, VROL(VADD(y1, y0), 9)); \
  y3 = VXOR(y3, VROL(VADD(y2, y1), 13)), y0 = VXOR(y0, VROL(VADD(y3, y2), 18))
PQ_INLINE void salsa_rows(const uint32_t *s, uint32_t ctr, uint8_t *out, const uint8_t *in,
                          const unsigned n) {
  const v128_t a0 = wasm_i32x4_make((int32_t)s[0], (int32_t)s[5], (int32_t)s[10], (int32_t)s[15]);
  const v128_t b0 = wasm_i32x4_make((int32_t)s[4], (int32_t)s[9], (int32_t)s[14], (int32_t)s[3]);
  const v128_t d0 = wasm_i32x4_make((int32_t)s[12], (int32_t)s[1], (int32_t)s[6], (int32_t)s[11]);
  v128_t a[PQ_ROWS_N_MAX], b[PQ_ROWS_N_MAX], c[PQ_ROWS_N_MAX], d[PQ_ROWS_N_MAX], c0[PQ_ROWS_N_MAX];
  for (unsigned k = 0; k < n; k++) {
    c0[k] = wasm_i32x4_make((int32_t)(ctr + k), (int32_t)s[13], (int32_t)s[2], (int32_t)s[7]);
    a[k] = a0, b[k] = b0, c[k] = c0[k], d[k] = d0;
  }
  for (unsigned r = 0; r < 10; r++) {
    for (unsigned k = 0; k < n; k++) {
      PQ_SALSA_ROW_QR(a[k], b[k], c[k], d[k]);
      b[k] = VLANES(b[k], 3, 0, 1, 2), c[k] = VLANES(c[k], 2, 3, 0, 1),
      d[k] = VLANES(d[k], 1, 2, 3, 0);
    }
    for (unsigned k = 0; k < n; k++) {
      PQ_SALSA_ROW_QR(a[k], d[k], c[k], b[k]);
      b[k] = VLANES(b[k], 1, 2, 3, 0), c[k] = VLANES(c[k], 2, 3, 0, 1),
      d[k] = VLANES(d[k], 3, 0, 1, 2);
    }
  }
  for (unsigned k = 0; k < n; k++) {
    const v128_t ak = VADD(a[k], a0), bk = VADD(b[k], b0), ck = VADD(c[k], c0[k]),
                 dk = VADD(d[k], d0);
    /* rows from diagonals: row0 = a0 d1 c2 b3, row1 = b0 a1 d2 c3, row2 = c0 b1 a2 d3, row3 = d0 c1 b2 a3 */
    const v128_t ad = wasm_i32x4_shuffle(ak, dk, 0, 5, 2, 7),
                 cb = wasm_i32x4_shuffle(ck, bk, 0, 5, 2, 7);
    const v128_t ba = wasm_i32x4_shuffle(bk, ak, 0, 5, 2, 7),
                 dc = wasm_i32x4_shuffle(dk, ck, 0, 5, 2, 7);
    st(out, in, 64 * k, wasm_i32x4_shuffle(ad, cb, 0, 1, 6, 7));
    st(out, in, 64 * k + 16, wasm_i32x4_shuffle(ba, dc, 0, 1, 6, 7));
    st(out, in, 64 * k + 32, wasm_i32x4_shuffle(cb, ad, 0, 1, 6, 7));
    st(out, in, 64 * k + 48, wasm_i32x4_shuffle(dc, ba, 0, 1, 6, 7));
  }
}

/* The split of a run (s[cw] counts blocks): groups of four in lanes, a remainder of 1..3 as one
 * rows<n> pass (each cheaper than a partial lanes pass, numbers above). */
static void arx_blocks(void (*lanes)(const uint32_t *, uint32_t, uint8_t *, const uint8_t *,
                                     size_t),
                       int chacha, uint32_t s[16], unsigned cw, uint8_t *out, const uint8_t *in,
                       size_t nblocks) {
  const uint32_t ctr = s[cw];
  const size_t nl = nblocks & ~(size_t)3, r = nblocks & 3;
  if (nl) lanes(s, ctr, out, in, nl);
  if (r) {
    const uint32_t c = ctr + (uint32_t)nl;
    uint8_t *const o = out + 64 * nl;
    const uint8_t *const i = in ? in + 64 * nl : in;
    /* three call sites per cipher, one straight-line kernel each */
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

void pq_wasm_chacha20_blocks(uint32_t s[16], uint8_t *out, const uint8_t *in, size_t nblocks) {
  arx_blocks(chacha_lanes4, 1, s, 12, out, in, nblocks);
}
void pq_wasm_salsa20_blocks(uint32_t s[16], uint8_t *out, const uint8_t *in, size_t nblocks) {
  arx_blocks(salsa_lanes4, 0, s, 8, out, in, nblocks);
}

/* ---- ChaCha20 / Salsa20 + Poly1305 stitched (pq_*_poly1305_seal_blocks / _open_blocks) ---------
 * The 4-way lanes kernels with the AEAD's Poly1305 (scalar 26-bit limbs, the arithmetic of
 * pq_poly1305_blocks_portable, so h comes out identical) inlined into the round loop, so the
 * engine's out-of-order core runs the two side by side instead of one pass after the other: the
 * rounds are bound by the few vector ports their shuffles and shifts need and leave issue slots
 * and scalar ports free, which the multiplies, adds and loads fill. Each group of four blocks (256
 * bytes, 10 double rounds) absorbs 16 Poly1305 blocks: two per double round in the first six, one
 * in the last four. Open MACs the group's own input (read before the group's stores, so in place
 * works); seal MACs the previous group's output (software pipelined: the first group runs without
 * MAC work, the last group's ciphertext is absorbed after the loop).
 * Measured (Node 20 / V8, aead-*.wasm through the binding, min TSC ticks/B, 16 KiB in place; the
 * unstitched path with the same rotations alongside): ChaCha20-Poly1305 seal 3.05 -> 2.73 (simd),
 * 2.97 -> 2.52 (relaxed), open alike; secretbox seal 3.78 -> 3.46. Where the time goes (V8's code
 * for one group: ~3,900 instructions at ~5 per cycle): not much left to overlap, the machine's
 * issue width is the limit; fewer instructions (rotations above) is what still helps. A single
 * round loop with a branch for the second block (smaller code) measured 10% slower. */
#if PQ_POLY1305_LIMB64
#error "the WASM stitched kernel expects the 26-bit Poly1305 state form (aead/poly1305.h)"
#endif
#define PQ_POLY_M26 0x3ffffffu
/* h = (h + m + 2^128) r: pq_poly1305_blocks_portable's loop body with the same values, in 64-bit
 * locals (h, r, s < 2^32 as there; the carries d >> 26 < 2^32 there too, so nothing that code
 * truncates loses bits) and the block read as two i64 loads: in wasm32 the 32-bit form costs a
 * zero-extension before each carry is added and five loads with address arithmetic. */
#define PQ_POLY_BLOCK(m)                                           \
  do {                                                             \
    uint64_t lo_, hi_;                                             \
    __builtin_memcpy(&lo_, (m), 8);                                \
    __builtin_memcpy(&hi_, (m) + 8, 8);                            \
    h0 += lo_ & PQ_POLY_M26;                                       \
    h1 += (lo_ >> 26) & PQ_POLY_M26;                               \
    h2 += ((lo_ >> 52) | (hi_ << 12)) & PQ_POLY_M26;               \
    h3 += (hi_ >> 14) & PQ_POLY_M26;                               \
    h4 += (hi_ >> 40) | (1u << 24);                                \
    uint64_t d0 = h0 * r0 + h1 * s4 + h2 * s3 + h3 * s2 + h4 * s1; \
    uint64_t d1 = h0 * r1 + h1 * r0 + h2 * s4 + h3 * s3 + h4 * s2; \
    uint64_t d2 = h0 * r2 + h1 * r1 + h2 * r0 + h3 * s4 + h4 * s3; \
    uint64_t d3 = h0 * r3 + h1 * r2 + h2 * r1 + h3 * r0 + h4 * s4; \
    uint64_t d4 = h0 * r4 + h1 * r3 + h2 * r2 + h3 * r1 + h4 * r0; \
    d1 += d0 >> 26, h0 = d0 & PQ_POLY_M26;                         \
    d2 += d1 >> 26, h1 = d1 & PQ_POLY_M26;                         \
    d3 += d2 >> 26, h2 = d2 & PQ_POLY_M26;                         \
    d4 += d3 >> 26, h3 = d3 & PQ_POLY_M26;                         \
    h0 += (d4 >> 26) * 5, h4 = d4 & PQ_POLY_M26;                   \
    h1 += h0 >> 26, h0 &= PQ_POLY_M26;                             \
  } while (0)

/* 10 double rounds (half-rounds H1() then H2()) of the lanes state x0..x15 with the 16 Poly1305 blocks
 * at m */
#define PQ_DROUNDS_POLY16(H1, H2, m)               \
  do {                                             \
    const uint8_t *mp_ = (m);                      \
    for (unsigned r = 0; r < 6; r++, mp_ += 32) {  \
      H1();                                        \
      PQ_POLY_BLOCK(mp_);                          \
      H2();                                        \
      PQ_POLY_BLOCK(mp_ + 16);                     \
    }                                              \
    for (unsigned r = 6; r < 10; r++, mp_ += 16) { \
      H1();                                        \
      PQ_POLY_BLOCK(mp_);                          \
      H2();                                        \
    }                                              \
  } while (0)
#define PQ_CHACHA_COLUMNS() \
  PQ_CHACHA_QR4(x0, x4, x8, x12, x1, x5, x9, x13, x2, x6, x10, x14, x3, x7, x11, x15)
#define PQ_CHACHA_DIAGONALS() \
  PQ_CHACHA_QR4(x0, x5, x10, x15, x1, x6, x11, x12, x2, x7, x8, x13, x3, x4, x9, x14)
#define PQ_SALSA_COLUMNS() \
  PQ_SALSA_QR4(x0, x4, x8, x12, x5, x9, x13, x1, x10, x14, x2, x6, x15, x3, x7, x11)
#define PQ_SALSA_ROWS() \
  PQ_SALSA_QR4(x0, x1, x2, x3, x5, x6, x7, x4, x10, x11, x8, x9, x15, x12, x13, x14)

/* ngroups >= 1 groups of 4 blocks from counter ctr (ChaCha20: word 12, Salsa20: word 8); seal (1)
 * MACs out, open (0) MACs in. One copy per cipher (seal a run-time flag, the first group of a seal
 * through the plain lanes kernel, the last group's MAC through the portable Poly1305): the code
 * size of the module is the download of the AEAD app. */
#define PQ_ARX_POLY_LANES4(name, lanes, cw, H1, H2)                                              \
  static void name(const uint32_t *s, uint32_t ctr, pq_poly1305 *mac, uint8_t *out0,             \
                   const uint8_t *in0, size_t ngroups, const int seal) {                         \
    PQ_ROT_MASKS;                                                                                \
    const uint64_t r0 = mac->r[0], r1 = mac->r[1], r2 = mac->r[2], r3 = mac->r[3];               \
    const uint64_t r4 = mac->r[4], s1 = mac->s[0], s2 = mac->s[1], s3 = mac->s[2];               \
    const uint64_t s4 = mac->s[3];                                                               \
    uint64_t h0 = mac->h[0], h1 = mac->h[1], h2 = mac->h[2], h3 = mac->h[3], h4 = mac->h[4];     \
    if (seal) lanes(s, ctr, out0, in0, 4); /* nothing to MAC yet */                              \
    for (size_t g = seal ? 1 : 0; g < ngroups; g++) {                                            \
      uint8_t *const out = out0 + 256 * g;                                                       \
      const uint8_t *const in = in0 + 256 * g;                                                   \
      const v128_t cv =                                                                          \
          wasm_i32x4_add(wasm_i32x4_splat((int32_t)(ctr + 4 * g)), wasm_i32x4_make(0, 1, 2, 3)); \
      PQ_LANES_LOAD(cw, cv);                                                                     \
      PQ_DROUNDS_POLY16(H1, H2, seal ? out - 256 : in);                                          \
      PQ_LANES_FEED_STORE(cw, cv);                                                               \
    }                                                                                            \
    mac->h[0] = (uint32_t)h0, mac->h[1] = (uint32_t)h1, mac->h[2] = (uint32_t)h2;                \
    mac->h[3] = (uint32_t)h3, mac->h[4] = (uint32_t)h4;                                          \
    if (seal) pq_poly1305_blocks(mac, out0 + 256 * (ngroups - 1), 16);                           \
  }
PQ_ARX_POLY_LANES4(chacha_poly_lanes4, chacha_lanes4, 12, PQ_CHACHA_COLUMNS, PQ_CHACHA_DIAGONALS)
PQ_ARX_POLY_LANES4(salsa_poly_lanes4, salsa_lanes4, 8, PQ_SALSA_COLUMNS, PQ_SALSA_ROWS)

/* whole groups stitched; a remainder of 1..3 blocks as the two kernels in turn */
#define PQ_STITCHED(name, stitched, unstitched, cw, seal)                                        \
  void name(uint32_t s[16], pq_poly1305 *mac, uint8_t *out, const uint8_t *in, size_t nblocks) { \
    const size_t nl = nblocks & ~(size_t)3;                                                      \
    if (nl) stitched(s, s[cw], mac, out, in, nl / 4, seal);                                      \
    s[cw] += (uint32_t)nl;                                                                       \
    unstitched(s, mac, out + 64 * nl, in + 64 * nl, nblocks - nl);                               \
  }
PQ_STITCHED(pq_wasm_chacha20_poly1305_seal_blocks, chacha_poly_lanes4,
            pq_unstitched_chacha20_poly1305_seal_blocks, 12, 1)
PQ_STITCHED(pq_wasm_chacha20_poly1305_open_blocks, chacha_poly_lanes4,
            pq_unstitched_chacha20_poly1305_open_blocks, 12, 0)
PQ_STITCHED(pq_wasm_salsa20_poly1305_seal_blocks, salsa_poly_lanes4,
            pq_unstitched_salsa20_poly1305_seal_blocks, 8, 1)
PQ_STITCHED(pq_wasm_salsa20_poly1305_open_blocks, salsa_poly_lanes4,
            pq_unstitched_salsa20_poly1305_open_blocks, 8, 0)
