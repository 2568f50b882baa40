#!/usr/bin/env python3
"""Generates native/arm64/mldsa_neon_tables.inc: the twiddle tables of the
AArch64 NEON ML-DSA NTT (shared by the SLOTHY-scheduled assembly the cores use,
ntt_neon_slothy.S / invntt_neon_slothy.S through mldsa_neon.c, and the test-only
forms in dev/: ntt_neon_intrin.c, ntt_neon_clean.S, invntt_neon_clean.S) and the
compaction tables of
the NEON rejection samplers. Also checks the NTT bounds stated in the comments.
Run: python3 scripts/gen-arm64-tables.py   (the output is committed).

Barrett multiplication by a constant z (plain, not Montgomery form) with
z' = round(z * 2^31 / q):  t = sqrdmulh(a, z') = round(a z' / 2^31),
r = a z - t q  (mul, mls; exact in 32 bits since |r| < 2^31). Then r = a z mod q
and |r| <= q (1/2 + |a| |e| / 2^31) with e = z' - z 2^31 / q, |e| <= 1/2."""
import os
from fractions import Fraction

Q = 8380417
ROOT = 1753
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'native', 'arm64',
                   'mldsa_neon_tables.inc')


def brv8(i): return int(f"{i:08b}"[::-1], 2)


def centered(v):
    v %= Q
    return v - Q if v > Q // 2 else v


def twist(z):  # round(z * 2^31 / q), q odd so never a tie
    n = z * (1 << 31)
    r = (2 * n + Q) // (2 * Q)
    return r


# plain twiddles of the reference's order: zeta[k] = 1753^brv8(k) mod q
ZETA = [centered(pow(ROOT, brv8(k), Q)) for k in range(256)]
MONT = pow(2, 32, Q)
F = centered(MONT * pow(256, -1, Q))  # 2^32 / 256 mod q: the invntt_tomont factor


def err(z):  # |e| = |z' - z 2^31 / q|
    return abs(Fraction(twist(z)) - Fraction(z * (1 << 31), Q))


def barmul_bound(A, zs):
    """max |r| over |a| <= A for every constant in zs (upper bound, rational)."""
    return max(Q * (Fraction(1, 2) + A * err(z) / (1 << 31)) for z in zs)


def fwd_bounds():
    """Bound after each forward layer (input |a| <= q - 1); r is an integer."""
    B = Q - 1
    res = []
    for layer in range(8):
        m = 1 << layer
        zs = [ZETA[k] for k in range(m, 2 * m)]
        r = int(barmul_bound(B, zs))  # floor: |r| is an integer <= the bound
        B = B + r
        res.append(B)
    return res


def inv_bounds():
    """Bounds in the inverse: sums double, products stay below q."""
    B = Q - 1
    prod = []
    for layer in range(8):
        m = 128 >> layer
        d = 2 * B  # |a - b|, |a + b| <= 2B
        zs = [-ZETA[k] for k in range(m, 2 * m)]
        if layer == 7:
            zs = [centered(-ZETA[1] * F), F]
        prod.append(int(barmul_bound(d, zs)))
        assert d < (1 << 31), "overflow in the inverse"
        B = max(d, prod[-1]) if layer < 7 else prod[-1]
    return prod


FB = fwd_bounds()
IB = inv_bounds()
assert FB[-1] < 6 * Q, FB
assert IB[-1] < Q


def pair(z): return [z, twist(z)]


def fwd_l123():
    # [z1, z1', z2, z2', ..., z7, z7', 0, 0]: four vectors, lane pairs (2i, 2i+1)
    v = []
    for k in range(1, 8):
        v += pair(ZETA[k])
    return v + [0, 0]


def fwd_l456(b):
    """16 words per block b of 32 coefficients: lane pairs (z, z') of
    k = 8+b (len 16) | 16+2b, 17+2b (len 8) | 32+4b .. 35+4b (len 4), pad."""
    v = []
    for k in [8 + b, 16 + 2 * b, 17 + 2 * b, 32 + 4 * b, 33 + 4 * b, 34 + 4 * b, 35 + 4 * b]:
        v += pair(ZETA[k])
    return v + [0, 0]


def fwd_l78(h):
    """24 words per half-block h (16 coefficients, groups g = 4h + r of 4 in
    lane r): z, z' of len 2 (k = 64+g), len 1 even (k = 128+2g), odd (129+2g)."""
    g = [4 * h + r for r in range(4)]
    v = []
    for zs in ([ZETA[64 + x] for x in g], [ZETA[128 + 2 * x] for x in g],
               [ZETA[129 + 2 * x] for x in g]):
        v += zs + [twist(z) for z in zs]
    return v


def iw(k): return centered(-ZETA[k])  # inverse twiddle of the reference: -zeta[k]


def inv_l12(h):
    """24 words per half-block h: w, w' of len 1 for (y0, y1) (k = 255-2g),
    for (y2, y3) (k = 254-2g), of len 2 (k = 127-g); g = 4h + r in lane r."""
    g = [4 * h + r for r in range(4)]
    v = []
    for zs in ([iw(255 - 2 * x) for x in g], [iw(254 - 2 * x) for x in g],
               [iw(127 - x) for x in g]):
        v += zs + [twist(z) for z in zs]
    return v


def inv_l345(b):
    """16 words per block b: lane pairs (w, w') of len 4: k = 63-4b .. 60-4b |
    len 8: k = 31-2b, 30-2b | len 16: k = 15-b, pad."""
    v = []
    for k in [63 - 4 * b, 62 - 4 * b, 61 - 4 * b, 60 - 4 * b, 31 - 2 * b, 30 - 2 * b, 15 - b]:
        v += pair(iw(k))
    return v + [0, 0]


def inv_l123():
    # len 32: w7, w6, w5, w4; len 64: w3, w2; len 128: w1 * f and f
    v = []
    for k in [7, 6, 5, 4, 3, 2]:
        v += pair(iw(k))
    v += pair(centered(iw(1) * F)) + pair(F)
    return v


def compact4():
    """rej_uniform: for each 4-bit mask of accepted int32 lanes, the byte
    indices of those lanes first, in order; then 0xFF (tbl gives 0)."""
    rows = []
    for m in range(16):
        idx = []
        for lane in range(4):
            if m >> lane & 1:
                idx += [4 * lane + i for i in range(4)]
        rows.append(idx + [0xFF] * (16 - len(idx)))
    return rows


def compact8b():
    """rej_eta: for each 8-bit mask of accepted int8 lanes, their indices first."""
    rows = []
    for m in range(256):
        idx = [lane for lane in range(8) if m >> lane & 1]
        rows.append(idx + [0xFF] * (8 - len(idx)))
    return rows


def words(f, v, per=8, ind="  "):
    for i in range(0, len(v), per):
        f.write(ind + ", ".join(str(x) for x in v[i:i + per]) + ",\n")


with open(out, 'w') as f:
    f.write("/* Generated by scripts/gen-arm64-tables.py (do not edit).\n"
            " * Plain twiddles z = 1753^brv8(k) mod q (centered) and their Barrett\n"
            " * twists z' = round(z 2^31 / q); see mldsa_neon.c for the layouts.\n"
            f" * Forward bounds after layers 1..8 (input |a| < q): {', '.join(str(b) for b in FB)}\n"
            f" *   (last = {float(Fraction(FB[-1], Q)):.4f} q).\n"
            f" * Inverse: Barrett products <= {', '.join(str(b) for b in IB)} per layer (all < q). */\n")
    f.write(f"#define PQ_NEON_NTT_BOUND {FB[-1]} /* |ntt out| <= this, < {float(Fraction(FB[-1], Q)):.3f} q */\n")
    f.write(f"#define PQ_NEON_NTT_L3_BOUND {FB[2]} /* after layers 1-3 */\n")
    f.write(f"#define PQ_NEON_INVNTT_F {F} /* 2^32 / 256 mod q */\n\n")
    f.write("/* forward layers 1-3: (z_k, z'_k) for k = 1..7 in lanes (2k-2, 2k-1) */\n")
    f.write("static const _Alignas(16) int32_t pq_neon_ntt_l123[16] = {\n")
    words(f, fwd_l123())
    f.write("};\n")
    f.write("/* forward layers 4-6, 16 words per block of 32 coefficients */\n")
    f.write("static const _Alignas(16) int32_t pq_neon_ntt_l456[8 * 16] = {\n")
    for b in range(8):
        words(f, fwd_l456(b))
    f.write("};\n")
    f.write("/* forward layers 7-8, 24 words per half-block of 16 coefficients */\n")
    f.write("static const _Alignas(16) int32_t pq_neon_ntt_l78[16 * 24] = {\n")
    for h in range(16):
        words(f, fwd_l78(h))
    f.write("};\n")
    f.write("/* inverse layers len 1, 2, 24 words per half-block of 16 coefficients */\n")
    f.write("static const _Alignas(16) int32_t pq_neon_intt_l12[16 * 24] = {\n")
    for h in range(16):
        words(f, inv_l12(h))
    f.write("};\n")
    f.write("/* inverse layers len 4, 8, 16, 16 words per block of 32 coefficients */\n")
    f.write("static const _Alignas(16) int32_t pq_neon_intt_l345[8 * 16] = {\n")
    for b in range(8):
        words(f, inv_l345(b))
    f.write("};\n")
    f.write("/* inverse layers len 32, 64, 128 (the last one times f): lane pairs (w, w') */\n")
    f.write("static const _Alignas(16) int32_t pq_neon_intt_l123[16] = {\n")
    words(f, inv_l123())
    f.write("};\n\n")
    f.write("/* rej_uniform: accept mask of 4 int32 lanes -> tbl byte indices (0xFF: zero) */\n")
    f.write("static const _Alignas(16) uint8_t pq_neon_compact4[16][16] = {\n")
    for r in compact4():
        f.write("  {" + ", ".join(str(x) for x in r) + "},\n")
    f.write("};\n")
    f.write("/* rej_eta: accept mask of 8 int8 lanes -> tbl indices (0xFF: zero) */\n")
    f.write("static const _Alignas(8) uint8_t pq_neon_compact8[256][8] = {\n")
    for r in compact8b():
        f.write("  {" + ", ".join(str(x) for x in r) + "},\n")
    f.write("};\n")
print(f"wrote {os.path.normpath(out)}; forward bounds {FB}, inverse products {IB}")
