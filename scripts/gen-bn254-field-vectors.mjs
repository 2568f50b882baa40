#!/usr/bin/env node
// Test vectors of the BN254 field layer (native/common/bn254: fp, fp2, tower) for
// native/test/test_bn254_field.c, computed with BigInt and @noble/curves' bn254 fields (Fp, Fp2,
// Fp6, Fp12 of `bn254.fields`), written as a C header so every build of the test (native,
// sanitizers, AVX2/AVX-512, wasm via WASI, arm64 under qemu) has them without a file system.
// Deterministic (operands from SHA-256 in counter mode), committed, checked by
// scripts/check-generated.mjs.
//
//   node scripts/gen-bn254-field-vectors.mjs        (writes native/test/bn254_field_vectors.h)
//
// Each vector is one string "op token token ...". A token is one field element: its Fp
// coordinates in the C struct order (pq_fp2 c0, c1; pq_fp6 c0, c1, c2; pq_fp12 c0, c1), each as 64
// hex digits, big-endian, of the RAW 256-bit word value the C pq_fp holds: the Montgomery form
// x = a*2^256 mod p, or that plus p (the lazy range [p, 2p) every operation must accept).
//   Exact kernels (the output words must be exactly these: every target is bit-identical):
//     mul a b r, sqr a r              r = REDC(a b) = (a b + M p) / 2^256, M = -a b p^-1 mod 2^256
//     sop2 a0 b0 a1 b1 r              u = REDC(a0 b0 + a1 b1), r = u - 2p if u >= 2p else u
//     add a b r, sub a b r, neg a r, dbl a r, neg2p a r, canon a r   (the fp.h definitions)
//   Field semantics (the output, canonicalized, must be this canonical value):
//     fp_inv, fp_mul9, fp2_mul, fp2_sqr, fp2_inv, fp2_mulxi, fp2_conj, fp6_mul, fp6_sqr, fp6_inv,
//     fp6_mulv, fp6_mul01 (a b0 b1 r), fp6_frob<k> (k = 1..5), fp12_mul, fp12_sqr, fp12_inv,
//     fp12_conj, fp12_frob<k> (k = 1, 2, 3, 7), fp12_cyc (a in the cyclotomic subgroup: r = a^2),
//     fp12_034 (f l0 l3 l4 r: f * (l0 + l3 w + l4 v w)), fp12_034_034 (l0 l3 l4 m0 m3 m4 r),
//     fp12_01234 (f s r, s.c1.c2 = 0)
//   Conversions (plain big-endian integers, not Montgomery):
//     tomont x r (x any 256-bit integer, r canonical Montgomery), frommont a x (x canonical plain),
//     dec bytes r|reject (32-byte big-endian decode with the < p check), decred bytes r (mod p),
//     enc a bytes
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bn254 } from '@noble/curves/bn254.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const OUTPUT = 'native/test/bn254_field_vectors.h';

const { Fp, Fp2, Fp6, Fp12 } = bn254.fields;
const P = Fp.ORDER;
const R = 1n << 256n;
const RINV = modInv(R % P, P);
const NINV = (R - modInv(P, R)) % R; // -p^-1 mod 2^256

/** @param {bigint} a @param {bigint} m @returns {bigint} */
function modInv(a, m) {
  let [r0, r1, s0, s1] = [a % m, m, 1n, 0n];
  while (r1) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  if (r0 !== 1n) throw new Error('not invertible');
  return ((s0 % m) + m) % m;
}

// ---- deterministic operands ------------------------------------------------------------------
let counter = 0;
function rand256() {
  const h = createHash('sha256').update(`pqsimd bn254 field vectors ${counter++}`).digest('hex');
  return BigInt(`0x${h}`);
}
const randBelow = (/** @type {bigint} */ n) => rand256() % n; // bias irrelevant for test operands
/** a canonical value, or a raw lazy word: canonical + p half of the time */
const lazy = (/** @type {bigint} */ canonRaw) => (rand256() & 1n ? canonRaw + P : canonRaw);

// raw word <-> field element: raw x stands for x * R^-1 mod p
const toRaw = (/** @type {bigint} */ a) => (a * R) % P;
const fromRaw = (/** @type {bigint} */ x) => (x * RINV) % P;

const hex = (/** @type {bigint} */ x) => x.toString(16).padStart(64, '0');
/** flatten a noble element (bigint / nested {c0, c1, c2}) to its Fp coordinates in C order
 * @param {any} e @returns {bigint[]} */
function coords(e) {
  if (typeof e === 'bigint') return [e];
  return ['c0', 'c1', 'c2'].filter((k) => k in e).flatMap((k) => coords(e[k]));
}
/** token of a noble element with lazy raw words */
const tokLazy = (e) =>
  coords(e)
    .map((c) => hex(lazy(toRaw(c))))
    .join('');
/** token of a noble element, canonical raw words (expected outputs) */
const tokCanon = (e) =>
  coords(e)
    .map((c) => hex(toRaw(c)))
    .join('');

const fp2 = () => Fp2.fromBigTuple([randBelow(P), randBelow(P)]);
/** @param {number} n @param {() => bigint} f @returns {any} (the tuple types of noble's fromBig*) */
const tuple = (n, f) => Array.from({ length: n }, f);
const fp6 = () => Fp6.fromBigSix(tuple(6, () => randBelow(P)));
const fp12 = () => Fp12.fromBigTwelve(tuple(12, () => randBelow(P)));
const fp12Max = () => Fp12.fromBigTwelve(tuple(12, () => P - 1n));

// ---- the exact Fp kernels (the C definitions, BigInt) ----------------------------------------
const redc = (/** @type {bigint} */ t) => (t + ((t * NINV) % R) * P) / R;
/** @typedef {(...x: bigint[]) => bigint} Op */
/** @type {{ mul: Op; sop2: Op; add: Op; sub: Op; neg: Op; dbl: Op; neg2p: Op; canon: Op }} */
const exact = {
  mul: (a, b) => redc(a * b),
  sop2: (a0, b0, a1, b1) => {
    const u = redc(a0 * b0 + a1 * b1);
    return u >= 2n * P ? u - 2n * P : u;
  },
  add: (a, b) => (a + b >= 2n * P ? a + b - 2n * P : a + b),
  sub: (a, b) => (a >= b ? a - b : a - b + 2n * P),
  neg: (a) => (a === 0n ? 0n : 2n * P - a),
  dbl: (a) => (2n * a >= 2n * P ? 2n * a - 2n * P : 2n * a),
  neg2p: (a) => 2n * P - a,
  canon: (a) => (a >= P ? a - P : a),
};

const lines = [];
const emit = (...t) => lines.push(t.join(' '));

// Fp operands: edges of the lazy range and random values below 2p
const EDGES = [0n, 1n, P - 2n, P - 1n, P, P + 1n, 2n * P - 2n, 2n * P - 1n, R % P, (R % P) + P];
const RANDOM_FP = Array.from({ length: 16 }, () => randBelow(2n * P));
const FPS = [...EDGES, ...RANDOM_FP];
for (const a of FPS) {
  for (const op of /** @type {const} */ (['neg', 'dbl', 'neg2p', 'canon'])) emit(op, hex(a), hex(exact[op](a)));
  emit('sqr', hex(a), hex(exact.mul(a, a)));
  emit('fp_inv', hex(a), hex(fromRaw(a) === 0n ? 0n : toRaw(Fp.inv(fromRaw(a)))));
  emit('fp_mul9', hex(a), hex(toRaw((9n * fromRaw(a)) % P)));
  emit('frommont', hex(a), hex(fromRaw(a)));
}
// every pair of edges, and random pairs
/** @param {bigint} a @param {bigint} b @returns {[bigint, bigint]} */
const pair = (a, b) => [a, b];
const PAIRS = [...EDGES.flatMap((a) => EDGES.map((b) => pair(a, b))), ...Array.from({ length: 24 }, () => pair(randBelow(2n * P), randBelow(2n * P)))];
for (const [a, b] of PAIRS) {
  emit('mul', hex(a), hex(b), hex(exact.mul(a, b)));
  emit('add', hex(a), hex(b), hex(exact.add(a, b)));
  emit('sub', hex(a), hex(b), hex(exact.sub(a, b)));
}
// sop2: operands up to 2p (the negated operand 2p - a1 reaches 2p), the extremes included
const SOP = [...EDGES, 2n * P, ...RANDOM_FP.slice(0, 8)];
for (let i = 0; i < 100; i++) {
  const pick = () => (rand256() & 1n ? (SOP[Number(randBelow(BigInt(SOP.length)))] ?? 0n) : randBelow(2n * P));
  const [a0, b0, a1] = [pick(), pick(), pick()];
  let b1 = pick();
  if (a0 === 2n * P && b0 === 2n * P && a1 === 2n * P && b1 === 2n * P) b1 = 2n * P - 1n; // bound: < 8p^2
  emit('sop2', hex(a0), hex(b0), hex(a1), hex(b1), hex(exact.sop2(a0, b0, a1, b1)));
}
{
  const m = 2n * P - 1n;
  emit('sop2', hex(m), hex(m), hex(2n * P), hex(m), hex(exact.sop2(m, m, 2n * P, m)));
  emit('sop2', hex(2n * P), hex(2n * P), hex(2n * P), hex(m), hex(exact.sop2(2n * P, 2n * P, 2n * P, m)));
}

// conversions and encoding
const DEC = [0n, 1n, P - 1n, P, P + 1n, 2n * P, (1n << 254n) - 1n, 1n << 254n, 1n << 255n, R - 1n, ...Array.from({ length: 8 }, () => rand256())];
for (const x of DEC) {
  emit('dec', hex(x), x < P ? hex(toRaw(x)) : 'reject');
  emit('decred', hex(x), hex(toRaw(x % P)));
  emit('tomont', hex(x), hex(toRaw(x % P)));
}
for (const a of FPS) emit('enc', hex(a), hex(fromRaw(a)));

// Fp2
const FP2_EDGE = [Fp2.ZERO, Fp2.ONE, Fp2.fromBigTuple([P - 1n, P - 1n]), Fp2.fromBigTuple([0n, 1n]), Fp2.fromBigTuple([P - 1n, 0n])];
const FP2S = [...FP2_EDGE, ...Array.from({ length: 20 }, fp2)];
for (const a of FP2S) {
  emit('fp2_sqr', tokLazy(a), tokCanon(Fp2.sqr(a)));
  emit('fp2_mulxi', tokLazy(a), tokCanon(Fp2.mulByNonresidue(a)));
  emit('fp2_conj', tokLazy(a), tokCanon(Fp2.frobeniusMap(a, 1)));
  emit('fp2_inv', tokLazy(a), tokCanon(Fp2.is0(a) ? Fp2.ZERO : Fp2.inv(a)));
  for (const b of [FP2S[Number(randBelow(BigInt(FP2S.length)))] ?? Fp2.ONE, fp2()]) emit('fp2_mul', tokLazy(a), tokLazy(b), tokCanon(Fp2.mul(a, b)));
}

// Fp6
const FP6S = [Fp6.ZERO, Fp6.ONE, Fp6.fromBigSix(tuple(6, () => P - 1n)), ...Array.from({ length: 6 }, fp6)];
for (const a of FP6S) {
  const b = fp6();
  emit('fp6_mul', tokLazy(a), tokLazy(b), tokCanon(Fp6.mul(a, b)));
  emit('fp6_sqr', tokLazy(a), tokCanon(Fp6.sqr(a)));
  emit('fp6_inv', tokLazy(a), tokCanon(Fp6.is0(a) ? Fp6.ZERO : Fp6.inv(a)));
  emit('fp6_mulv', tokLazy(a), tokCanon(Fp6.mulByNonresidue(a)));
  const [b0, b1] = [fp2(), fp2()];
  emit('fp6_mul01', tokLazy(a), tokLazy(b0), tokLazy(b1), tokCanon(Fp6.mul01(a, b0, b1)));
  for (let k = 1; k <= 5; k++) emit(`fp6_frob${k}`, tokLazy(a), tokCanon(Fp6.frobeniusMap(a, k)));
}

// Fp12
/** the easy part of the final exponentiation: f^((p^6 - 1)(p^2 + 1)), a cyclotomic element */
const cyclotomic = (f) => {
  const t = Fp12.mul(Fp12.conjugate(f), Fp12.inv(f));
  return Fp12.mul(Fp12.frobeniusMap(t, 2), t);
};
const sparse034 = (l0, l3, l4) => ({ c0: { c0: l0, c1: Fp2.ZERO, c2: Fp2.ZERO }, c1: { c0: l3, c1: l4, c2: Fp2.ZERO } });
const FP12S = [Fp12.ONE, fp12Max(), ...Array.from({ length: 3 }, fp12)];
emit('fp12_inv', tokLazy(Fp12.ZERO), tokCanon(Fp12.ZERO));
for (const a of FP12S) {
  const b = fp12();
  emit('fp12_mul', tokLazy(a), tokLazy(b), tokCanon(Fp12.mul(a, b)));
  emit('fp12_sqr', tokLazy(a), tokCanon(Fp12.sqr(a)));
  emit('fp12_inv', tokLazy(a), tokCanon(Fp12.is0(a) ? Fp12.ZERO : Fp12.inv(a)));
  emit('fp12_conj', tokLazy(a), tokCanon(Fp12.conjugate(a)));
  for (const k of [1, 2, 3, 7]) emit(`fp12_frob${k}`, tokLazy(a), tokCanon(Fp12.frobeniusMap(a, k)));
  const [l0, l3, l4, m0, m3, m4] = [fp2(), fp2(), fp2(), fp2(), fp2(), fp2()];
  emit('fp12_034', tokLazy(a), tokLazy(l0), tokLazy(l3), tokLazy(l4), tokCanon(Fp12.mul(a, sparse034(l0, l3, l4))));
  const ll = Fp12.mul(sparse034(l0, l3, l4), sparse034(m0, m3, m4));
  emit('fp12_034_034', ...[l0, l3, l4, m0, m3, m4].map(tokLazy), tokCanon(ll));
  emit('fp12_01234', tokLazy(a), tokLazy(ll), tokCanon(Fp12.mul(a, ll)));
  if (!Fp12.is0(a)) {
    const c = cyclotomic(a);
    emit('fp12_cyc', tokLazy(c), tokCanon(Fp12._cyclotomicSquare(c)));
  }
}

export function output() {
  const body = lines.map((l) => `    "${l}",`).join('\n');
  return `/* Generated by scripts/gen-bn254-field-vectors.mjs (do not edit): BN254 field vectors from BigInt
 * and @noble/curves' bn254 fields. Format: see the generator. */
static const char *const bn254_field_vectors[] = {
${body}
};
`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(join(root, OUTPUT), output());
  console.log(`${OUTPUT}: ${lines.length} vectors`);
}
