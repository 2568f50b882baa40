#!/usr/bin/env python3
"""Generates native/arm64/falcon_neon_tables.inc: the twiddles and tables of the
AArch64 NEON Falcon kernels (native/arm64/falcon_neon.c), and checks every bound
and exactness claim that code relies on (asserts; exhaustive over int16 where a
claim is about every int16).

The arithmetic (all in int16x8_t lanes, wrapping where noted):
  fmul(a, w) = mul(a, w) - mul(sqrdmulh(a, w'), q),  w' = round(w 2^15 / q)
    (MUL, SQRDMULH, MLS): multiplication by a constant twiddle w (plain psi^k,
    not Montgomery), exact 16-bit Barrett multiplication. sqrdmulh(a, w') =
    round(a w' / 2^15) (saturation only for -2^15 * -2^15, impossible: |w'| <=
    2^14). With e = w' - w 2^15 / q and the rounding error d (|d| <= 1/2) the
    true value a w - q (a w' / 2^15 + d) = -q (a e / 2^15 + d) is congruent to
    a w, and small enough for int16, so the wrapping MUL/MLS give it exactly.
  R(a) = a - q sqrdmulh(a, 3) (SQRDMULH, MLS): lazy reduction, any int16.
  B(a) = a - q srshr(sqdmulh(a, V), S) (SQDMULH, SRSHR, MLS): the exact
    centered residue in [-(q-1)/2, (q-1)/2] -- the reference's Barrett result --
    for |a| <= BX (checked exhaustively; not for every int16).
The NTT uses the same twiddle for every lane of a layer with len >= 8 (one
broadcast per block) and per-lane twiddles for len 4, 2, 1, which in the
layout of falcon_neon.c are plain loads of consecutive table entries (LD1, LD2,
LD4 de-interleave them), so the tables are simply indexed by k as in the
reference: fw[k] = psi^brv10(k), iw[k] = psi^-brv10(k), centered (for n = 512
the first 512 entries are the tables of psi^2, as in falcon_tables.inc).
"""
import os
from fractions import Fraction

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'native')
Q = 12289
H = (Q - 1) // 2


def centered(v):
    v %= Q
    return v - Q if v > H else v


psi = next(g for g in range(2, Q) if pow(g, 1024, Q) == Q - 1)  # as scripts/gen-tables.py
assert psi == 7, psi


def brv10(i):
    return int(f"{i:010b}"[::-1], 2)


fw = [centered(pow(psi, brv10(k), Q)) for k in range(1024)]
iw = [centered(pow(psi, -brv10(k), Q)) for k in range(1024)]

# the reference's Montgomery tables (falcon_tables.inc) are these times 2^16
ref = open(os.path.join(root, 'common', 'falcon', 'falcon_tables.inc')).read()
def ref_table(name):
    body = ref[ref.index(name + '[1024] = {') :]
    body = body[body.index('{') + 1 : body.index('}')]
    return [int(v) for v in body.replace('\n', ' ').split(',') if v.strip()]
assert ref_table('pq_falcon_zetas') == [centered(w << 16) for w in fw]
assert ref_table('pq_falcon_zetas_inv') == [centered(w << 16) for w in iw]


def wprime(w):  # round(w 2^15 / q), never a tie (q odd)
    return (w * 65536 + Q) // (2 * Q)


def sat16(v):
    return max(-32768, min(32767, v))


def sqrdmulh(a, b):
    return sat16((2 * a * b + (1 << 15)) >> 16)


def sqdmulh(a, b):
    return sat16((2 * a * b) >> 16)


def wrap16(v):
    v &= 0xFFFF
    return v - 0x10000 if v >= 0x8000 else v


# final scaling of the inverse NTT: 2^16 / n (the contract's Montgomery factor
# and the 1/n), and the same times the twiddle of the last layer (k = 1)
fscale = {logn: centered((1 << 16) * pow(1 << logn, -1, Q)) for logn in (9, 10)}
flast = {logn: centered(fscale[logn] * iw[1]) for logn in (9, 10)}

used = fw[1:] + iw[1:] + list(fscale.values()) + list(flast.values())
assert all(abs(w) <= H and abs(wprime(w)) <= 1 << 14 for w in used)
emax = max(abs(Fraction(wprime(w)) - Fraction(w * 32768, Q)) for w in used)


def mbound(A):  # max |fmul(a, w)| over |a| <= A and every twiddle used
    return int(Q * (Fraction(A) * emax / 32768 + Fraction(1, 2)))


MANY = mbound(32768)
assert MANY < 32768
# spot-check fmul against its definition and the bound (every int16 a, a few w)
for w in (fw[1], fw[511], iw[1023], flast[9], flast[10], fscale[9]):
    wp = wprime(w)
    for a in range(-32768, 32768, 7):
        z = wrap16(wrap16(a * w) - wrap16(sqrdmulh(a, wp) * Q))
        assert (z - a * w) % Q == 0 and abs(z) <= MANY

rtab = {a: a - Q * sqrdmulh(a, 3) for a in range(-32768, 32768)}
assert all((r - a) % Q == 0 for a, r in rtab.items())


def rbound(A):  # exact: max |R(a)| over |a| <= A
    return max(abs(rtab[a]) for a in range(-min(A, 32768), min(A, 32767) + 1))


RANY = rbound(32768)

# exact final reduction B(a): the constants with the widest exact range
BV, BS = 21843, 13


def bred(a):
    return a - Q * ((sqdmulh(a, BV) + (1 << (BS - 1))) >> BS)


BX = 0
while BX < 32767 and all(bred(a) == centered(a) for a in (-BX - 1, BX + 1)):
    BX += 1
assert all(bred(a) == centered(a) for a in range(-BX, BX + 1))

# forward NTT (Cooley-Tukey x +- w y; x is reduced by R before the first layer
# of every pair except the very first, from |a| < q):
fwd_first1 = (Q - 1) + mbound(Q - 1)       # one layer from |a| < q
fwd_first2 = fwd_first1 + mbound(fwd_first1)
fwd_l1 = RANY + MANY                       # R(x) + w y, any int16 input
fwd_l2 = fwd_l1 + mbound(fwd_l1)
assert fwd_first2 <= 32767 and fwd_l2 <= 32767
assert fwd_l1 <= BX                        # the last layer (len 1) follows an R
# inverse NTT (Gentleman-Sande (x + y, w (x - y))): first layer unreduced from
# |a| <= (q-1)/2, every later sum reduced by R
inv_l1 = max(Q - 1, mbound(Q - 1))
b = inv_l1
steps = []
for _ in range(10):
    assert 2 * b <= 32767
    b = max(rbound(2 * b), mbound(2 * b))
    steps.append(b)
inv_b = max([inv_l1] + steps)
assert 2 * inv_b <= 32767 and mbound(2 * inv_b) <= BX  # the last layer: fmul, then B

# hash-to-point: w mod q for w < 5q by three unsigned-min steps
for w in range(61445):
    x = w
    for k in (4, 2, 1):
        x = min(x, (x - k * Q) & 0xFFFF)
    assert x == w % Q

out = os.path.join(root, 'arm64', 'falcon_neon_tables.inc')
with open(out, 'w') as f:
    f.write("/* Generated by scripts/gen-arm64-falcon-tables.py (do not edit): tables of the AArch64 NEON\n")
    f.write(" * Falcon kernels (falcon_neon.c). fw[k] = psi^brv10(k), iw[k] = psi^-brv10(k) mod q (centered,\n")
    f.write(" * plain, not Montgomery: the reference's twiddles / 2^16), fwp / iwp = round(w 2^15 / q).\n")
    f.write(" * Bounds checked by the generator:\n")
    f.write(f" *   max |w' - w 2^15/q| = {float(emax):.6f}; |fmul(a, w)| <= {MANY} for every int16 a;\n")
    f.write(f" *   |R(a)| <= {RANY} for every int16 a; B(a) (sqdmulh by {BV}, srshr {BS}, mls q) is the\n")
    f.write(f" *   centered residue exactly for |a| <= {BX};\n")
    f.write(f" *   forward: first layers from |a| < q: {fwd_first1}, {fwd_first2}; a pair of layers after R of\n")
    f.write(f" *   the unmultiplied inputs, from any int16: {fwd_l1}, {fwd_l2};\n")
    f.write(f" *   inverse: first layer <= {inv_l1}, every later value <= {inv_b} (sums <= {2 * inv_b}). */\n")
    f.write(f"#define PQ_FN_BV {BV}\n#define PQ_FN_BS {BS}\n")
    for logn in (9, 10):
        f.write(f"#define PQ_FN_F{logn} ({fscale[logn]})\n#define PQ_FN_F{logn}P ({wprime(fscale[logn])})"
                f"  /* 2^16 / {1 << logn} mod q */\n")
        f.write(f"#define PQ_FN_F{logn}Z ({flast[logn]})\n#define PQ_FN_F{logn}ZP ({wprime(flast[logn])})"
                f"  /* psi^-brv10(1) 2^16 / {1 << logn} mod q */\n")
    for name, tab in (("fw", fw), ("fwp", [wprime(w) for w in fw]), ("iw", iw), ("iwp", [wprime(w) for w in iw])):
        f.write(f"static const _Alignas(16) int16_t pq_fn_{name}[1024] = {{\n")
        for i in range(0, 1024, 16):
            f.write("  " + ", ".join(str(v) for v in tab[i:i + 16]) + ",\n")
        f.write("};\n")
    # hash-to-point compaction: for each 8-bit mask of accepted 16-bit lanes, the byte
    # indices of the accepted lanes in order, then 0xFF (TBL writes zero bytes there)
    f.write("/* hash-to-point: mask of accepted 16-bit lanes -> TBL byte indices of those lanes, in order */\n")
    f.write("static const _Alignas(16) uint8_t pq_fn_compact8[256][16] = {\n")
    for m in range(256):
        idx = [b for l in range(8) if m >> l & 1 for b in (2 * l, 2 * l + 1)]
        idx += [0xFF] * (16 - len(idx))
        f.write("  {" + ", ".join(str(v) for v in idx) + "},\n")
    f.write("};\n")
print("falcon neon tables: emax %.6f M %d R %d B exact to %d; fwd %d %d / %d %d; inv %d %d"
      % (float(emax), MANY, RANY, BX, fwd_first1, fwd_first2, fwd_l1, fwd_l2, inv_l1, inv_b))
