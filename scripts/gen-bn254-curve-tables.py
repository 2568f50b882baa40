#!/usr/bin/env python3
"""Generates native/common/bn254/bn254_curve_tables.inc: the constants of BN254's curves, pairing
and scalar arithmetic that the C takes as macros (the field's own constants and the Frobenius
coefficients are in bn254_tables.inc, scripts/gen-bn254-tables.py). Everything is computed and
checked here from the seed x alone:
  - G1's GLV endomorphism phi(x, y) = (beta x, y) = [lambda](x, y) (beta a cube root of unity in Fp,
    lambda the matching one mod r, the pair checked on the generator) and a reduced basis of the
    lattice {(a, b): a + b lambda = 0 mod r} with the rounding constants g_i = round(b_i 2^256 / r),
  - the twist's b' = 3 / (9 + u) and 3 b',
  - the NAF digits of the optimal ate loop 6x + 2 and of x (the final exponentiation).
Montgomery form R = 2^256; an Fp value is 4 little-endian 64-bit words; plain integers for scalars
are little-endian 32-bit words (the scalar code runs the same on wasm32).
Run: python3 scripts/gen-bn254-curve-tables.py   (committed; scripts/check-generated.mjs checks it)."""
import math
import os

native = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'native')

X = 4965661367192848881
P = 36 * X**4 + 36 * X**3 + 24 * X**2 + 6 * X + 1
N = 36 * X**4 + 36 * X**3 + 18 * X**2 + 6 * X + 1  # r, the group order
assert P == 21888242871839275222246405745257275088696311157297823662689037894645226208583
assert N == 21888242871839275222246405745257275088548364400416034343698204186575808495617
R = 2**256


def g1_add(a, b):  # affine, None = infinity (for the checks below only)
    if a is None:
        return b
    if b is None:
        return a
    if a[0] == b[0]:
        if (a[1] + b[1]) % P == 0:
            return None
        m = 3 * a[0] * a[0] * pow(2 * a[1], -1, P) % P
    else:
        m = (b[1] - a[1]) * pow(b[0] - a[0], -1, P) % P
    x3 = (m * m - a[0] - b[0]) % P
    return (x3, (m * (a[0] - x3) - a[1]) % P)


def g1_mul(a, k):
    acc = None
    while k:
        if k & 1:
            acc = g1_add(acc, a)
        a = g1_add(a, a)
        k >>= 1
    return acc


# the cube roots of unity and the pair that agrees on the generator (1, 2)
G = (1, 2)
beta = next(b for b in (pow(g, (P - 1) // 3, P) for g in range(2, 50)) if b != 1)
lam = next(l for l in (pow(g, (N - 1) // 3, N) for g in range(2, 50)) if l != 1)
pairs = [(b, l) for b in (beta, beta * beta % P) for l in (lam, lam * lam % N) if g1_mul(G, l) == (b * G[0] % P, G[1])]
assert len(pairs) == 2
BETA, LAMBDA = min(pairs)  # the smaller beta; either pair works
assert (BETA**3 - 1) % P == 0 and (LAMBDA**2 + LAMBDA + 1) % N == 0

# reduced lattice basis by the extended Euclidean algorithm on (r, lambda) (GLV, section 4)
seq = [(N, 0), (LAMBDA, 1)]
while seq[-1][0]:
    (r0, t0), (r1, t1) = seq[-2], seq[-1]
    q = r0 // r1
    seq.append((r0 - q * r1, t0 - q * t1))
ell = max(i for i, (ri, _) in enumerate(seq) if ri >= math.isqrt(N))
v1 = (seq[ell + 1][0], -seq[ell + 1][1])
v2 = min([(seq[ell][0], -seq[ell][1]), (seq[ell + 2][0], -seq[ell + 2][1])], key=lambda v: v[0] ** 2 + v[1] ** 2)
for v in (v1, v2):
    assert (v[0] + v[1] * LAMBDA) % N == 0 and max(abs(v[0]), abs(v[1])) < 2**128
(A1, B1), (A2, B2) = v1, v2
DET = A1 * B2 - A2 * B1
assert DET == N
# c1 = floor(k g1 / 2^256) ~ k b2 / r, c2 = floor(k g2 / 2^256) ~ -k b1 / r; then
# k1 = k - c1 a1 - c2 a2, k2 = -c1 b1 - c2 b2 with k1 + k2 lambda = k mod r and |k1|, |k2| < 2^128
G1C = (B2 * R + N // 2) // N
G2C = (-B1 * R + N // 2) // N
assert A1 > 0 and B1 < 0 and A2 > 0 and B2 > 0 and G1C > 0 and G2C > 0
assert A1 + A2 < 2**128 and -B1 + B2 < 2**128  # the bound of |k1|, |k2| (errors of c1, c2 < 1)


def naf(n):
    d = []
    while n:
        if n & 1:
            z = 2 - (n % 4)
            d.append(z)
            n -= z
        else:
            d.append(0)
        n //= 2
    return d  # least significant first


def wnaf(n, w):  # width-w NAF: digits odd in (-2^(w-1), 2^(w-1)) or 0, least significant first
    d = []
    while n:
        if n & 1:
            z = n % (1 << w)
            if z >= 1 << (w - 1):
                z -= 1 << w
            d.append(z)
            n -= z
        else:
            d.append(0)
        n //= 2
    return d


ATE = naf(6 * X + 2)
assert sum(v * 2**i for i, v in enumerate(ATE)) == 6 * X + 2 and ATE[-1] == 1
XNAF = naf(X)
XW4 = wnaf(X, 4)  # the final exponentiation's a^x: 14 non-zero digits in {+-1, +-3, +-5, +-7}
assert sum(v * 2**i for i, v in enumerate(XW4)) == X and XW4[-1] > 0
# The subgroup check multiplies twist points by x with mixed additions that assume the partial sum
# [m]Q (m a prefix of the NAF of x, m < x) is never +-Q or O. Twist points have orders dividing
# r h' (h' = 2p - r, the twist's cofactor), so that would need a divisor d <= x + 1 of r h' with
# d | m or d | m -+ 1: the divisors of h' = 10069 * 5864401 * 1875725156269 * (a 178-bit prime).
H2 = 2 * P - N
SMALL = [10069, 5864401, 1875725156269]


def probable_prime(n):  # Miller-Rabin with the first 12 primes as bases
    d, s = n - 1, 0
    while d % 2 == 0:
        d, s = d // 2, s + 1
    for a in (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37):
        y = pow(a, d, n)
        if y in (1, n - 1):
            continue
        for _ in range(s - 1):
            y = y * y % n
            if y == n - 1:
                break
        else:
            return False
    return True


BIG = H2 // (SMALL[0] * SMALL[1] * SMALL[2])
assert BIG * SMALL[0] * SMALL[1] * SMALL[2] == H2 and BIG > 2**64
assert all(probable_prime(q) for q in SMALL + [BIG])
DIVS = sorted({a * b * c for a in (1, SMALL[0]) for b in (1, SMALL[1]) for c in (1, SMALL[2])})
DIVS = [d for d in DIVS if 1 < d <= X + 1]
m = 1
for d in reversed(XNAF[:-1]):
    m *= 2
    assert all(m % q for q in DIVS)
    if d:
        assert all(m % q and (m - d) % q for q in DIVS)
        m += d
assert m == X


# the twist: y^2 = x^3 + b', b' = 3 / xi, xi = 9 + u
def fp2_mul(a, b):
    return ((a[0] * b[0] - a[1] * b[1]) % P, (a[0] * b[1] + a[1] * b[0]) % P)


xi_inv_norm = pow(9 * 9 + 1, -1, P)
BT = fp2_mul((3, 0), (9 * xi_inv_norm % P, -xi_inv_norm % P))
assert fp2_mul(BT, (9, 1)) == (3, 0)
BT3 = (3 * BT[0] % P, 3 * BT[1] % P)


def words64(v):
    return [(v >> (64 * j)) & (2**64 - 1) for j in range(4)]


def fp_init(v):  # Montgomery form
    return '{{' + ', '.join(f'0x{w:016x}u' for w in words64(v * R % P)) + '}}'


def words32(v, n):
    assert 0 <= v < 2 ** (32 * n)
    return '{' + ', '.join(f'0x{(v >> (32 * j)) & 0xffffffff:08x}u' for j in range(n)) + '}'


def digits(d):
    return '{' + ', '.join(str(v) for v in d) + '}'


out = [
    '/* Generated by scripts/gen-bn254-curve-tables.py (do not edit). BN254 curve, pairing and scalar',
    ' * constants, computed and checked there from the seed x. Fp values in Montgomery form (pq_fp',
    ' * initializers, 4 little-endian 64-bit words); plain integers as little-endian 32-bit words. */',
    f'/* the seed x = {X} */',
    f'#define PQ_BN_X 0x{X:016x}u',
    f'/* r = {N} */',
    f'#define PQ_BN_R_WORDS {words32(N, 8)}',
    '/* G1 endomorphism phi(x, y) = (beta x, y) = [lambda](x, y) */',
    f'#define PQ_BN_BETA_INIT {fp_init(BETA)}',
    f'/* lambda = 0x{LAMBDA:x} */',
    '/* GLV basis (a1, b1), (a2, b2) with a_i + b_i lambda = 0 mod r, a1 b2 - a2 b1 = r; b1 < 0 is',
    ' * stored as -b1. Rounding constants g1 = round(b2 2^256 / r), g2 = round(-b1 2^256 / r). */',
    f'#define PQ_BN_GLV_A1 {words32(A1, 4)}',
    f'#define PQ_BN_GLV_MINUS_B1 {words32(-B1, 4)}',
    f'#define PQ_BN_GLV_A2 {words32(A2, 4)}',
    f'#define PQ_BN_GLV_B2 {words32(B2, 4)}',
    f'#define PQ_BN_GLV_G1 {words32(G1C, 5)}',
    f'#define PQ_BN_GLV_G2 {words32(G2C, 5)}',
    '/* the twist y^2 = x^3 + b\', b\' = 3 / (9 + u), and 3 b\' (pq_fp2 initializers) */',
    f'#define PQ_BN_TWIST_B_INIT {{{fp_init(BT[0])}, {fp_init(BT[1])}}}',
    f'#define PQ_BN_TWIST_3B_INIT {{{fp_init(BT3[0])}, {fp_init(BT3[1])}}}',
    '/* NAF digits of the optimal ate loop count 6x + 2, least significant first (the top digit is 1) */',
    f'#define PQ_BN_ATE_NAF_LEN {len(ATE)}',
    f'#define PQ_BN_ATE_NAF {digits(ATE)}',
    '/* NAF digits of x, least significant first */',
    f'#define PQ_BN_X_NAF_LEN {len(XNAF)}',
    f'#define PQ_BN_X_NAF {digits(XNAF)}',
    '/* width-4 NAF digits of x (odd, |d| <= 7), least significant first */',
    f'#define PQ_BN_X_WNAF4_LEN {len(XW4)}',
    f'#define PQ_BN_X_WNAF4 {digits(XW4)}',
]
with open(os.path.join(native, 'common', 'bn254', 'bn254_curve_tables.inc'), 'w') as f:
    f.write('\n'.join(out) + '\n')
