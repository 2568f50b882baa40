#!/usr/bin/env node
// Converts the BN254 vectors (vectors/bn254, see its PROVENANCE.md) into the plain line format that
// native/test/test_bn254.c reads without a JSON parser, and adds differential cases computed with
// @noble/curves (a dev dependency) from a fixed seed, so every build scripts/test-c.sh makes (native,
// sanitizers, AVX2/AVX-512, WASM, AArch64) checks the C core against the same expectations.
//
//   node scripts/gen-bn254-vectors.mjs [--force] [--out DIR]    (default DIR: build/c-vectors)
//
// Regenerates only when a vector file (or this script) is newer than DIR/MANIFEST-bn254.
//
// DIR/MANIFEST-bn254 lists the groups (`format pqsimd-c-vectors 1`, `group NAME FILE CASES 0`, `end
// GROUPS CASES 0`); a group file holds one record per line, `op id=ID key=value ...`, hex in lower
// case, an empty value for zero bytes:
//   add  id=ID in=HEX out=HEX | err=CODE      ecAdd (precompile 0x06): 64-byte output or the error
//   mul  id=ID in=HEX out=HEX | err=CODE      ecMul (0x07)
//   pair id=ID in=HEX out=HEX | err=CODE      ecPairing (0x08): 32-byte output
//   g16  id=ID vk=HEX pub=HEX proof=HEX expect=1|0     Groth16 (binary encoding below) through
//                                             bn254_groth16_prepare + bn254_groth16_verify
//   g16b id=ID vk=HEX pub=HEX proofs=HEX rand=HEX expect=1|0   bn254_groth16_verify_batch
//   gt   id=ID g1=HEX g2=HEX gt=HEX            the reduced pairing's value (12 × 32 bytes, tower
//                                             order c0.c0.c0, c0.c0.c1, c0.c1.c0, ..., c1.c2.c1)
//   fexp id=ID f=HEX out=HEX                  the final exponentiation of f (Fp12, as gt)
//   fop  id=ID op=N in=HEX,HEX,HEX,HEX out=HEX bn254_field_op (operands 32-byte big-endian)
// CODE: the binding's error codes (pq_binding.h): -20 coordinate >= p, -21 not on G1, -22 not on
// the twist, -23 G2 not in the subgroup, -24 pairing input not a multiple of 192 bytes.
//
// The error classes of must-fail inputs are derived here by the rule the C follows (geth's order):
// pairing length first, then point by point (ecAdd P1 then P2; pairing G1 then G2 of each pair),
// each point's coordinates < p first (in input order), then the curve equation (twist), then the
// G2 subgroup. Every must-fail input is also checked to fail under @noble/curves.
//
// Groth16 binary encoding (the TS layer makes the same from snarkjs JSON): numbers are 32-byte
// big-endian; G1 = x ‖ y, G2 = x.c1 ‖ x.c0 ‖ y.c1 ‖ y.c0 (EIP-197 order; snarkjs lists c0 first);
// infinity (snarkjs z = 0) = all zero. vk = alpha(G1) ‖ beta(G2) ‖ gamma(G2) ‖ delta(G2) ‖ IC[0..n]
// (G1 each); publics = n × 32; proof = A(G1) ‖ B(G2) ‖ C(G1).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bn254 } from '@noble/curves/bn254.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const VEC = join(ROOT, 'vectors', 'bn254');
const args = process.argv.slice(2);
const force = args.includes('--force');
const outArg = args.indexOf('--out');
const OUT = outArg >= 0 ? resolve(args[outArg + 1] ?? '') : join(ROOT, 'build', 'c-vectors');
const MANIFEST = join(OUT, 'MANIFEST-bn254');

const SOURCES = [
  'go-ethereum/bn256Add.json',
  'go-ethereum/bn256ScalarMul.json',
  'go-ethereum/bn256Pairing.json',
  'noble-curves/eth-dump.js',
  'noble-curves/seda.js',
  'generated/precompile-negative.json',
  'groth16/manifest.json',
].map((f) => join(VEC, f));
const INPUTS = [...SOURCES, fileURLToPath(import.meta.url)];

if (!force && existsSync(MANIFEST)) {
  const made = statSync(MANIFEST).mtimeMs;
  const files = readFileSync(MANIFEST, 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('group '))
    .map((l) => l.split(' ')[2]);
  const newest = Math.max(...INPUTS.map((p) => statSync(p).mtimeMs));
  if (made >= newest && files.length > 0 && files.every((f) => f !== undefined && existsSync(join(OUT, f)))) {
    console.log(`gen-bn254-vectors: ${MANIFEST} is up to date (${files.length} groups)`);
    process.exit(0);
  }
}

// ---- helpers ----------------------------------------------------------------------------------

/** @param {unknown} c @param {string} msg @returns {asserts c} */
function assert(c, msg) {
  if (!c) throw new Error(`gen-bn254-vectors: ${msg}`);
}
/**
 * arr[i], which must be there.
 * @template T
 * @param {readonly T[]} arr
 * @param {number} i
 * @returns {T}
 */
function at(arr, i) {
  const v = arr[i];
  assert(v !== undefined, `no element ${i} (of ${arr.length})`);
  return v;
}
const { Fp, Fp2, Fp12, Fr } = bn254.fields;
const P = Fp.ORDER;
const R = Fr.ORDER;
const G1 = bn254.G1.Point;
const G2 = bn254.G2.Point;
/** @typedef {import('@noble/curves/abstract/weierstrass.js').WeierstrassPoint<bigint>} G1Point */
/** @typedef {import('@noble/curves/abstract/weierstrass.js').WeierstrassPoint<import('@noble/curves/abstract/tower.js').Fp2>} G2Point */
/** @typedef {import('@noble/curves/abstract/tower.js').Fp12} Fp12Value */
const ERR = { coord: -20, g1: -21, g2: -22, subgroup: -23, length: -24 };

/** n as 2·len hex digits (big-endian) */
const be = (/** @type {bigint} */ n, len = 32) => {
  assert(n >= 0n && n < 1n << BigInt(8 * len), 'number out of range');
  return n.toString(16).padStart(2 * len, '0');
};
const num = (/** @type {string} */ hex) => (hex.length ? BigInt(`0x${hex}`) : 0n);
const hx = (/** @type {string} */ s, /** @type {string} */ what) => {
  const h = s.startsWith('0x') ? s.slice(2) : s;
  assert(h.length % 2 === 0 && /^[0-9a-fA-F]*$/.test(h), `${what}: bad hex`);
  return h.toLowerCase();
};
const mod = (/** @type {bigint} */ a, /** @type {bigint} */ m) => ((a % m) + m) % m;

/** Deterministic random numbers (SHA-256 of a counter), so the generated cases never change. */
let ctr = 0;
/** @param {number} bits @returns {bigint} */
function rand(bits) {
  const bytes = Math.ceil(bits / 8);
  let h = '';
  while (h.length < 2 * bytes) h += createHash('sha256').update(`pqsimd bn254 ${ctr++}`).digest('hex');
  return BigInt(`0x${h.slice(0, 2 * bytes)}`) >> BigInt(8 * bytes - bits);
}
const randBelow = (/** @type {bigint} */ m) => mod(rand(320), m);
const randScalar = () => 1n + randBelow(R - 1n);

const g1hex = (/** @type {G1Point} */ pt) => (pt.is0() ? '00'.repeat(64) : be(pt.toAffine().x) + be(pt.toAffine().y));
const g2hex = (/** @type {G2Point} */ pt) => {
  if (pt.is0()) return '00'.repeat(128);
  const { x, y } = pt.toAffine();
  return be(x.c1) + be(x.c0) + be(y.c1) + be(y.c0);
};
const mulG1 = (/** @type {G1Point} */ pt, /** @type {bigint} */ k) => (mod(k, R) === 0n ? G1.ZERO : pt.multiply(mod(k, R)));
const mulG2 = (/** @type {G2Point} */ pt, /** @type {bigint} */ k) => (mod(k, R) === 0n ? G2.ZERO : pt.multiply(mod(k, R)));
const gtOne = (/** @type {Fp12Value} */ gt) => Fp12.eql(gt, Fp12.ONE);

// ---- precompile semantics (the checker: noble points, the error class by the C's rule) ---------

/** @type {(hex: string, n: number) => bigint[]} the n 32-byte numbers of hex */
const coords = (hex, n) => Array.from({ length: n }, (_, i) => num(hex.slice(64 * i, 64 * i + 64)));
/** @typedef {{ pt: G1Point, err?: undefined } | { err: number, pt?: undefined }} G1Result */
/** @typedef {{ pt: G2Point, err?: undefined } | { err: number, pt?: undefined }} G2Result */
/** @typedef {{ out: string, err?: undefined } | { err: number, out?: undefined }} PrecompileResult */
/** G1 from 64 bytes of hex: { pt } or { err }. @param {string} hex @returns {G1Result} */
function g1From(hex) {
  const [x, y] = /** @type {[bigint, bigint]} */ (coords(hex, 2));
  if (x >= P || y >= P) return { err: ERR.coord };
  if (x === 0n && y === 0n) return { pt: G1.ZERO };
  if (mod(y * y - x * x * x - 3n, P) !== 0n) return { err: ERR.g1 };
  const pt = G1.fromAffine({ x, y });
  pt.assertValidity();
  return { pt };
}
/** G2 from 128 bytes of hex (x.c1, x.c0, y.c1, y.c0): { pt } or { err }. @param {string} hex @returns {G2Result} */
function g2From(hex) {
  const [x1, x0, y1, y0] = /** @type {[bigint, bigint, bigint, bigint]} */ (coords(hex, 4));
  if ([x1, x0, y1, y0].some((c) => c >= P)) return { err: ERR.coord };
  if (x1 === 0n && x0 === 0n && y1 === 0n && y0 === 0n) return { pt: G2.ZERO };
  const x = Fp2.fromBigTuple([x0, x1]);
  const y = Fp2.fromBigTuple([y0, y1]);
  const rhs = Fp2.add(Fp2.mul(Fp2.sqr(x), x), bn254.G2.Point.CURVE().b);
  if (!Fp2.eql(Fp2.sqr(y), rhs)) return { err: ERR.g2 };
  const pt = G2.fromAffine({ x, y });
  // [r]Q by plain double-and-add (noble's multiply reduces the scalar mod r)
  let acc = G2.ZERO;
  for (let i = 255; i >= 0; i--) {
    acc = acc.double();
    if ((R >> BigInt(i)) & 1n) acc = acc.add(pt);
  }
  if (!acc.is0()) return { err: ERR.subgroup };
  return { pt };
}
const pad = (/** @type {string} */ hex, /** @type {number} */ bytes) => (hex.length >= 2 * bytes ? hex.slice(0, 2 * bytes) : hex.padEnd(2 * bytes, '0'));

/** @param {string} inHex @returns {PrecompileResult} */
function ecAdd(inHex) {
  const h = pad(inHex, 128);
  const a = g1From(h.slice(0, 128));
  if (a.err !== undefined) return { err: a.err };
  const b = g1From(h.slice(128, 256));
  if (b.err !== undefined) return { err: b.err };
  return { out: g1hex(a.pt.add(b.pt)) };
}
/** @param {string} inHex @returns {PrecompileResult} */
function ecMul(inHex) {
  const h = pad(inHex, 96);
  const a = g1From(h.slice(0, 128));
  if (a.err !== undefined) return { err: a.err };
  return { out: g1hex(mulG1(a.pt, num(h.slice(128, 192)))) };
}
/** @param {string} inHex @returns {PrecompileResult} */
function ecPairing(inHex) {
  if (inHex.length % 384 !== 0) return { err: ERR.length };
  /** @type {{ g1: G1Point, g2: G2Point }[]} */
  const pairs = [];
  for (let o = 0; o < inHex.length; o += 384) {
    const a = g1From(inHex.slice(o, o + 128));
    if (a.err !== undefined) return { err: a.err };
    const b = g2From(inHex.slice(o + 128, o + 384));
    if (b.err !== undefined) return { err: b.err };
    if (!a.pt.is0() && !b.pt.is0()) pairs.push({ g1: a.pt, g2: b.pt });
  }
  const one = pairs.length === 0 || gtOne(bn254.pairingBatch(pairs));
  return { out: be(one ? 1n : 0n) };
}
/** The output of a precompile run that must succeed. @param {PrecompileResult} r @param {string} id */
const outOf = (r, id) => {
  assert(r.out !== undefined, `${id}: the checker fails it (${r.err})`);
  return r.out;
};
/** @type {Record<string, (inHex: string) => PrecompileResult>} */
const OPS = { add: ecAdd, mul: ecMul, pair: ecPairing };

// ---- groups ------------------------------------------------------------------------------------

/** @typedef {{ name: string, file: string, lines: string[], cases: number }} Group */
/** @type {Group[]} */
const GROUPS = [];
/** @param {string} name @returns {Group} */
function group(name) {
  const g = { name, file: `bn254-${name}.txt`, lines: [], cases: 0 };
  GROUPS.push(g);
  return g;
}
/** @param {Group} g @param {string} op @param {string} id @param {Record<string, string | number>} fields */
function rec(g, op, id, fields) {
  assert(!/\s/.test(id), `id with a space: ${id}`);
  g.cases++;
  g.lines.push(
    `${op} id=${id}${Object.entries(fields)
      .map(([k, v]) => ` ${k}=${v}`)
      .join('')}`,
  );
}
/**
 * A precompile case whose expected result comes from the file (out hex, or '' for "must fail").
 * @param {Group} g
 * @param {string} op
 * @param {string} id
 * @param {string} inHex
 * @param {string} expected
 * @param {Record<number, number>} [counts] must-fail cases by error code
 */
function precompileCase(g, op, id, inHex, expected, counts) {
  const run = OPS[op];
  assert(run, `${id}: no precompile ${op}`);
  const mine = run(inHex);
  if (expected === '') {
    assert(mine.err !== undefined, `${id}: must fail, but the checker gives ${mine.out}`);
    if (counts) counts[mine.err] = (counts[mine.err] ?? 0) + 1;
    rec(g, op, id, { in: inHex, err: mine.err });
  } else {
    assert(mine.out === expected, `${id}: the checker gives ${mine.out ?? mine.err}, the file ${expected}`);
    rec(g, op, id, { in: inHex, out: expected });
  }
}
const readJson = (/** @type {string} */ rel) => JSON.parse(readFileSync(join(VEC, rel), 'utf8'));
const importVec = async (/** @type {string} */ rel) => (await import(pathToFileURL(join(VEC, rel)).href)).default;

// go-ethereum: every case succeeds
{
  const files = { add: 'bn256Add.json', mul: 'bn256ScalarMul.json', pair: 'bn256Pairing.json' };
  const want = { add: 16, mul: 19, pair: 14 };
  for (const [op, f] of Object.entries(files)) {
    const g = group(`geth-${op}`);
    for (const c of readJson(`go-ethereum/${f}`)) precompileCase(g, op, `geth/${c.Name}`, hx(c.Input, c.Name), hx(c.Expected, c.Name));
    assert(g.cases === want[op], `geth ${op}: ${g.cases} cases`);
  }
}

// noble-curves eth-dump (ethereumjs VM through rustbn): output 0x = the precompile failed
{
  const dump = await importVec('noble-curves/eth-dump.js');
  const map = { NOBLE_DUMP_EC_ADD: 'add', NOBLE_DUMP_EC_MUL: 'mul', NOBLE_DUMP_EC_PAIRING: 'pair' };
  const g = group('ethdump');
  /** @type {Record<number, number>} */
  const counts = {};
  let ok = 0;
  for (const [cmd, op] of Object.entries(map)) {
    for (const [i, [input, output]] of dump[cmd].entries()) {
      const out = hx(output, cmd);
      if (out !== '') ok++;
      precompileCase(g, op, `eth-dump/${op}/${i}`, hx(input, cmd), out, counts);
    }
  }
  assert(g.cases === 215 && ok === 151, `eth-dump: ${g.cases} cases, ${ok} succeed`);
  const c = (e) => counts[e] ?? 0;
  assert(c(ERR.coord) === 7 && c(ERR.g1) === 50 && c(ERR.g2) === 2 && c(ERR.length) === 5, `eth-dump failure classes ${JSON.stringify(counts)}`);
}

// seda (add: x1 y1 x2 y2, mul: x y scalar)
{
  const seda = await importVec('noble-curves/seda.js');
  const g = group('seda');
  for (const [i, c] of seda.add.entries())
    precompileCase(g, 'add', `seda/add/${i}`, [c.x1, c.y1, c.x2, c.y2].map((s) => hx(s, 'seda')).join(''), hx(c.result, 'seda'));
  for (const [i, c] of seda.mul.entries())
    precompileCase(g, 'mul', `seda/mul/${i}`, [c.x, c.y, c.scalar].map((s) => hx(s, 'seda')).join(''), hx(c.result, 'seda'));
  assert(g.cases === 24, `seda: ${g.cases} cases`);
}

// generated must-fail inputs
{
  const g = group('negative');
  const byPre = { '0x06': 'add', '0x07': 'mul', '0x08': 'pair' };
  for (const c of readJson('generated/precompile-negative.json')) {
    assert(c.Expected === 'error', c.Name);
    precompileCase(g, byPre[c.Precompile], `negative/${c.Name}`, hx(c.Input, c.Name), '');
  }
  assert(g.cases === 10, `negative: ${g.cases} cases`);
  const sub = g.lines.find((l) => l.includes('pairing_g2_on_twist_not_in_subgroup'));
  assert(sub?.endsWith(`err=${ERR.subgroup}`), 'the twist point outside the subgroup must be a subgroup error');
}

// ---- Groth16 -----------------------------------------------------------------------------------

const dec = (s) => {
  assert(typeof s === 'string' && /^[0-9]+$/.test(s), `not a decimal string: ${s}`);
  return BigInt(s);
};
function g1Json(a) {
  if (dec(a[2]) === 0n) return '00'.repeat(64);
  assert(dec(a[2]) === 1n, 'G1 z must be 1 or 0');
  return be(dec(a[0])) + be(dec(a[1]));
}
function g2Json(b) {
  if (dec(b[2][0]) === 0n && dec(b[2][1]) === 0n) return '00'.repeat(128);
  assert(dec(b[2][0]) === 1n && dec(b[2][1]) === 0n, 'G2 z must be 1 or 0');
  return be(dec(b[0][1])) + be(dec(b[0][0])) + be(dec(b[1][1])) + be(dec(b[1][0]));
}
const vkHex = (vk) => g1Json(vk.vk_alpha_1) + g2Json(vk.vk_beta_2) + g2Json(vk.vk_gamma_2) + g2Json(vk.vk_delta_2) + vk.IC.map(g1Json).join('');
const proofHex = (pr) => g1Json(pr.pi_a) + g2Json(pr.pi_b) + g1Json(pr.pi_c);
const pubHex = (pub) => pub.map((s) => be(dec(s))).join('');

/** The verdict by noble (the same equation as the C, from the hex encodings). */
function g16Check(vk, pub, proof) {
  const n = vk.length / 128 - 8;
  if (pub.length !== 64 * n) return 0;
  const pubs = coords(pub, n);
  if (pubs.some((s) => s >= R)) return 0;
  const pts = [];
  const take = (f, hex) => {
    const v = f(hex);
    if (v.err) throw new Error('bad point');
    pts.push(v.pt);
    return v.pt;
  };
  try {
    const alpha = take(g1From, vk.slice(0, 128));
    const beta = take(g2From, vk.slice(128, 384));
    const gamma = take(g2From, vk.slice(384, 640));
    const delta = take(g2From, vk.slice(640, 896));
    const ic = Array.from({ length: n + 1 }, (_, i) => take(g1From, vk.slice(896 + 128 * i, 1024 + 128 * i)));
    const a = take(g1From, proof.slice(0, 128));
    const b = take(g2From, proof.slice(128, 384));
    const c = take(g1From, proof.slice(384, 512));
    let vkx = ic[0];
    for (let i = 0; i < n; i++) vkx = vkx.add(mulG1(ic[i + 1], at(pubs, i)));
    const pairs = [
      { g1: a.negate(), g2: b },
      { g1: alpha, g2: beta },
      { g1: vkx, g2: gamma },
      { g1: c, g2: delta },
    ].filter((q) => !q.g1.is0() && !q.g2.is0());
    return gtOne(bn254.pairingBatch(pairs)) ? 1 : 0;
  } catch {
    return 0;
  }
}

{
  const g = group('groth16');
  const manifest = readJson('groth16/manifest.json');
  /** @type {Record<string, { pub: string, proof: string }[]>} fixture -> its valid proofs */
  const valid = {};
  /** @type {Record<string, string>} fixture -> vk */
  const keys = {};
  for (const c of manifest.cases) {
    const vkJ = readJson(`groth16/${c.vk}`);
    const vk = vkHex(vkJ);
    const pub = pubHex(readJson(`groth16/${c.public}`));
    // a public input >= 2^256 cannot be encoded (the TS layer returns false before the C)
    const proof = proofHex(readJson(`groth16/${c.proof}`));
    const expect = c.expected === 'valid' ? 1 : 0;
    assert(c.agree === true && (c.expected === 'valid' || c.expected === 'invalid'), `${c.name}: manifest`);
    assert(g16Check(vk, pub, proof) === expect, `${c.name}: the checker disagrees with the manifest`);
    rec(g, 'g16', `groth16/${c.name}`, { vk, pub, proof, expect });
    keys[c.fixture] = vk;
    if (expect) {
      const list = valid[c.fixture] ?? [];
      valid[c.fixture] = list;
      list.push({ pub, proof });
    }
  }
  assert(g.cases === 16, `groth16: ${g.cases} cases`); // the manifest's; generated ones follow

  // generated: the key with its IC list one point short or long, a proof point at infinity, a
  // public equal to r - 1 / r
  const cc = at(valid['circom-compat'] ?? [], 0);
  const vk = keys['circom-compat'];
  assert(vk, 'no circom-compat key');
  const bPoint = g2From(cc.proof.slice(128, 384)).pt;
  assert(bPoint, 'the circom-compat proof has a bad B');
  /** @type {[string, string, string, string][]} name, vk, publics, proof */
  const variants = [
    ['ic_extra_point', vk + vk.slice(896, 1024), cc.pub, cc.proof],
    ['pub_r', vk, be(R), cc.proof],
    ['pub_r_minus_1', vk, be(R - 1n), cc.proof],
    ['a_infinity', vk, cc.pub, '00'.repeat(64) + cc.proof.slice(128)],
    ['c_infinity', vk, cc.pub, cc.proof.slice(0, 384) + '00'.repeat(64)],
    ['b_negated', vk, cc.pub, cc.proof.slice(0, 128) + g2hex(bPoint.negate()) + cc.proof.slice(384)],
    ['proof_short', vk, cc.pub, cc.proof.slice(0, 510)],
    ['proof_long', vk, cc.pub, `${cc.proof}00`],
  ];
  for (const [name, k, pub, proof] of variants) {
    // a proof of the wrong length is invalid before any check
    const expect = proof.length === 512 ? g16Check(k, pub, proof) : 0;
    rec(g, 'g16', `groth16-gen/${name}`, { vk: k, pub, proof, expect });
  }

  // batches: random 128-bit coefficients; every valid proof of a key, with and without a bad one
  // synthetic keys and proofs from known discrete logs: e(A, B) = e(alpha, beta) e(vk_x, gamma)
  // e(C, delta) in the exponents is s t = a b + v c + w d (v the discrete log of vk_x); with n = 0, 2,
  // 7 publics (one of them 0), and points at infinity where a key may have them (alpha, gamma or
  // delta at infinity, an IC point at infinity): valid, and with A moved (invalid)
  /** @type {{ name: string, vk: string, pub: string, proof: string, bad: string }[]} */
  const synth = [];
  /** @type {[string, number, string][]} name, publics, the key point at infinity */
  const synthKeys = [
    ['n0', 0, ''],
    ['n2', 2, ''],
    ['n7', 7, ''],
    ['alpha-infinity', 1, 'a'],
    ['gamma-infinity', 2, 'c'],
    ['delta-infinity', 1, 'd'],
    ['ic-infinity', 3, 'i'],
  ];
  for (const [name, n, zero] of synthKeys) {
    const [a, b, c, d, t, w] = /** @type {[bigint, bigint, bigint, bigint, bigint, bigint]} */ (Array.from({ length: 6 }, () => randScalar()));
    const sc = { a: zero === 'a' ? 0n : a, c: zero === 'c' ? 0n : c, d: zero === 'd' ? 0n : d };
    const ic = Array.from({ length: n + 1 }, (_, j) => (zero === 'i' && j === 1 ? 0n : randScalar()));
    const pubs = Array.from({ length: n }, (_, j) => (j === 1 ? 0n : j === 2 ? R - 1n : randBelow(R)));
    let v = at(ic, 0);
    for (let j = 0; j < n; j++) v += at(pubs, j) * at(ic, j + 1);
    const sVal = mod((sc.a * b + v * sc.c + w * sc.d) * Fr.inv(t), R);
    const vk =
      g1hex(mulG1(G1.BASE, sc.a)) +
      g2hex(mulG2(G2.BASE, b)) +
      g2hex(mulG2(G2.BASE, sc.c)) +
      g2hex(mulG2(G2.BASE, sc.d)) +
      ic.map((x) => g1hex(mulG1(G1.BASE, x))).join('');
    const pub = pubs.map((x) => be(x)).join('');
    const proof = g1hex(mulG1(G1.BASE, sVal)) + g2hex(mulG2(G2.BASE, t)) + g1hex(mulG1(G1.BASE, w));
    const bad = g1hex(mulG1(G1.BASE, sVal + 1n)) + proof.slice(128);
    assert(g16Check(vk, pub, proof) === 1 && g16Check(vk, pub, bad) === 0, `synthetic ${name}`);
    rec(g, 'g16', `groth16-synthetic/${name}`, { vk, pub, proof, expect: 1 });
    rec(g, 'g16', `groth16-synthetic/${name}-a-moved`, { vk, pub, proof: bad, expect: 0 });
    synth.push({ name, vk, pub, proof, bad });
  }

  const gb = group('groth16-batch');
  // batches under the synthetic keys: the proof three times (and once replaced by the bad one)
  for (const x of synth) {
    const coeffs = [rand(128) | 1n, rand(128) | 1n, rand(128) | 1n].map((c) => be(c, 16)).join('');
    rec(gb, 'g16b', `batch/synthetic/${x.name}`, { vk: x.vk, pub: x.pub.repeat(3), proofs: x.proof.repeat(3), rand: coeffs, expect: 1 });
    rec(gb, 'g16b', `batch/synthetic/${x.name}-one-bad`, { vk: x.vk, pub: x.pub.repeat(3), proofs: x.proof + x.bad + x.proof, rand: coeffs, expect: 0 });
  }
  // more proofs than one multi-Miller loop holds (PQ_BN_PAIRS_MAX = 32 pairs, 2 of them fixed)
  {
    const x = at(synth, 1);
    const k = 33;
    const coeffs = Array.from({ length: k }, () => be(rand(128) | 1n, 16)).join('');
    rec(gb, 'g16b', `batch/synthetic/${k}-proofs`, { vk: x.vk, pub: x.pub.repeat(k), proofs: x.proof.repeat(k), rand: coeffs, expect: 1 });
    const proofs = Array.from({ length: k }, (_, i) => (i === 31 ? x.bad : x.proof)).join('');
    rec(gb, 'g16b', `batch/synthetic/${k}-proofs-one-bad`, { vk: x.vk, pub: x.pub.repeat(k), proofs, rand: coeffs, expect: 0 });
  }
  const bad = manifest.cases.filter((c) => c.expected === 'invalid' && !c.name.includes('missing'));
  for (const [fixture, list] of Object.entries(valid)) {
    const k = keys[fixture];
    assert(k, `no key for ${fixture}`);
    const first = at(list, 0);
    for (let size = 1; size <= list.length + 2; size++) {
      const items = Array.from({ length: size }, (_, i) => at(list, i % list.length));
      const coeffs = items.map(() => be(rand(128) | 1n, 16));
      rec(gb, 'g16b', `batch/${fixture}/${size}`, {
        vk: k,
        pub: items.map((x) => x.pub).join(''),
        proofs: items.map((x) => x.proof).join(''),
        rand: coeffs.join(''),
        expect: 1,
      });
    }
    for (const c of bad.filter((b) => b.fixture === fixture)) {
      const pub = pubHex(readJson(`groth16/${c.public}`));
      const proof = proofHex(readJson(`groth16/${c.proof}`));
      const items = [...list, { pub, proof }, first];
      rec(gb, 'g16b', `batch/${fixture}/with-${c.name.split('/').pop()}`, {
        vk: k,
        pub: items.map((x) => x.pub).join(''),
        proofs: items.map((x) => x.proof).join(''),
        rand: items.map(() => be(rand(128) | 1n, 16)).join(''),
        expect: 0,
      });
    }
    // a zero coefficient would leave its proof unchecked: the C rejects the batch
    rec(gb, 'g16b', `batch/${fixture}/zero-coefficient`, {
      vk: k,
      pub: first.pub,
      proofs: first.proof,
      rand: '00'.repeat(16),
      expect: 0,
    });
  }
}

// ---- differential cases with @noble/curves (fixed seed) ----------------------------------------

{
  const g = group('random');
  const pts = Array.from({ length: 12 }, () => G1.BASE.multiply(randScalar()));
  // ecAdd: random sums, doubling, P + (-P), infinity, short and long inputs
  for (let i = 0; i < 40; i++) {
    const a = at(pts, i % 12);
    const b = i % 5 === 0 ? a : i % 5 === 1 ? a.negate() : i % 7 === 2 ? G1.ZERO : at(pts, (i * 7 + 3) % 12);
    let inHex = g1hex(i % 11 === 3 ? G1.ZERO : a) + g1hex(b);
    if (i % 4 === 3) inHex += be(rand(256)); // extra bytes are ignored
    // zero-padded: cut after P1 (P2 = infinity) or inside P2 (then mostly off the curve: an error)
    if (i % 9 === 4) inHex = inHex.slice(0, 2 * (i % 2 ? 64 : 64 + Number(rand(8) % 64n)));
    const res = ecAdd(inHex);
    rec(g, 'add', `random/add/${i}`, res.err !== undefined ? { in: inHex, err: res.err } : { in: inHex, out: res.out });
  }
  // ecMul: full 256-bit scalars (most >= r), r, r ± 1, 2^256 - 1, small, 0, point at infinity
  const special = [0n, 1n, 2n, R - 1n, R, R + 1n, (1n << 256n) - 1n, 2n * R, 5n * R + 7n, (1n << 128n) - 1n, 1n << 255n];
  for (let i = 0; i < 60; i++) {
    const s = i < special.length ? at(special, i) : i % 3 === 0 ? rand(128) : rand(256);
    const pt = i % 13 === 12 ? G1.ZERO : at(pts, i % 12);
    let inHex = g1hex(pt) + be(s);
    if (i % 10 === 9) inHex = inHex.slice(0, 2 * (64 + Number(rand(5)))); // short scalar
    rec(g, 'mul', `random/mul/${i}`, { in: inHex, out: outOf(ecMul(inHex), `random/mul/${i}`) });
  }
  // pairing checks of 1..6 pairs: products that are 1 (the last pair cancels the others), the same
  // perturbed, and with a pair at infinity (G1 or G2 side) inserted among cancelling pairs
  for (let i = 0; i < 36; i++) {
    const n = 1 + (i % 6);
    const kind = Math.floor(i / 6) % 3; // 0: product 1, 1: perturbed, 2: one pair at infinity
    const m = kind === 2 ? n - 1 : n; // the finite pairs
    const a = Array.from({ length: m }, () => randScalar());
    const b = Array.from({ length: m }, () => randScalar());
    if (kind !== 1 && m > 1) {
      let s = 0n;
      for (let j = 0; j < m - 1; j++) s += at(a, j) * at(b, j);
      a[m - 1] = mod(-s * Fr.inv(at(b, m - 1)), R);
    }
    if (kind === 1) a[0] = mod(at(a, 0) + 1n, R);
    const pairs = a.map((x, j) => g1hex(mulG1(G1.BASE, x)) + g2hex(mulG2(G2.BASE, at(b, j))));
    if (kind === 2) {
      const inf = i % 2 ? g1hex(G1.ZERO) + g2hex(mulG2(G2.BASE, randScalar())) : g1hex(mulG1(G1.BASE, randScalar())) + g2hex(G2.ZERO);
      pairs.splice(Math.floor(m / 2), 0, inf);
    }
    const inHex = pairs.join('');
    rec(g, 'pair', `random/pair/${n}/${i}`, { in: inHex, out: outOf(ecPairing(inHex), `random/pair/${n}/${i}`) });
  }
  // twist points of the small orders 10069, 5864401, 1875725156269 (factors of the cofactor 2p - r), from
  // the negative's x = 1 point: [r (2p - r) / q]X, in a pairing: subgroup errors
  {
    const neg = readJson('generated/precompile-negative.json').find((c) => c.Name === 'pairing_g2_on_twist_not_in_subgroup');
    const [x1, x0, y1, y0] = /** @type {[bigint, bigint, bigint, bigint]} */ (coords(neg.Input.slice(128, 384), 4));
    const X = G2.fromAffine({ x: Fp2.fromBigTuple([x0, x1]), y: Fp2.fromBigTuple([y0, y1]) });
    for (const q of [10069n, 5864401n, 1875725156269n]) {
      const e = (R * (2n * P - R)) / q;
      let acc = G2.ZERO;
      for (let i = BigInt(e.toString(2).length) - 1n; i >= 0n; i--) {
        acc = acc.double();
        if ((e >> i) & 1n) acc = acc.add(X);
      }
      assert(!acc.is0(), `order ${q}`);
      const inHex = g1hex(G1.BASE) + g2hex(acc);
      const res = ecPairing(inHex);
      assert(res.err === ERR.subgroup, `order ${q}: ${res.err}`);
      rec(g, 'pair', `random/pair/g2-order-${q}`, { in: inHex, err: res.err });
    }
  }
  // the reduced pairing's value (noble's final exponentiation is the same power as the C's)
  const gv = group('gt');
  for (let i = 0; i < 6; i++) {
    const p1 = i === 0 ? G1.BASE : G1.BASE.multiply(randScalar());
    const q = i === 0 ? G2.BASE : G2.BASE.multiply(randScalar());
    const e = bn254.pairing(p1, q);
    const c = [e.c0, e.c1].flatMap((c6) => [c6.c0, c6.c1, c6.c2].flatMap((c2) => [c2.c0, c2.c1]));
    rec(gv, 'gt', `gt/${i}`, { g1: g1hex(p1), g2: g2hex(q), gt: c.map((v) => be(v)).join('') });
  }
  // the final exponentiation alone, of random Fp12 elements (noble's is the same power)
  const gx = group('fexp');
  const coeffs12 = (/** @type {Fp12Value} */ e) => [e.c0, e.c1].flatMap((c6) => [c6.c0, c6.c1, c6.c2].flatMap((c2) => [c2.c0, c2.c1]));
  for (let i = 0; i < 4; i++) {
    const c = /** @type {import('@noble/curves/abstract/tower.js').BigintTwelve} */ (Array.from({ length: 12 }, () => randBelow(P)));
    const f = Fp12.fromBigTwelve(c);
    assert(
      coeffs12(f).every((v, j) => v === c[j]),
      'Fp12 coefficient order',
    );
    rec(gx, 'fexp', `fexp/${i}`, {
      f: c.map((v) => be(v)).join(''),
      out: coeffs12(Fp12.finalExponentiate(f))
        .map((v) => be(v))
        .join(''),
    });
  }
  // bn254_field_op at the bounds: 0, 1, p - 1, p, p + 1, 2p, values near 2^256, random
  const gf = group('field');
  const edge = [0n, 1n, 2n, P - 1n, P, P + 1n, 2n * P - 1n, 2n * P, 5n * P, (1n << 256n) - 1n, (1n << 256n) - 2n, (1n << 255n) + 3n, (1n << 254n) - 1n];
  const val = (/** @type {number} */ i) => (i < edge.length ? at(edge, i) : rand(256));
  for (let i = 0; i < 64; i++) {
    const v = [val(i % 20), val((i * 7 + 3) % 24), val((i * 5 + 1) % 22), val((i * 3 + 2) % 26)];
    const m = /** @type {[bigint, bigint, bigint, bigint]} */ (v.map((x) => mod(x, P)));
    const fp2 = (/** @type {bigint} */ c0, /** @type {bigint} */ c1) => Fp2.fromBigTuple([c0, c1]);
    /** @type {[number, string][]} bn254_field_op's op and its result */
    const ops = [
      [0, be(mod(m[0] * m[1], P))],
      [1, be(mod(m[0] * m[1] + m[2] * m[3], P))],
      [
        2,
        (() => {
          const r = Fp2.mul(fp2(m[0], m[1]), fp2(m[2], m[3]));
          return be(r.c0) + be(r.c1);
        })(),
      ],
      [3, be(mod(m[0] * m[0], P))],
      [4, be(mod(m[0] + m[1], P))],
      [5, be(mod(m[0] - m[1], P))],
      [6, be(m[0] === 0n ? 0n : Fp.inv(m[0]))], // 0 for 0, as pq_fp_inv
      [
        7,
        (() => {
          const r = Fp2.sqr(fp2(m[0], m[1]));
          return be(r.c0) + be(r.c1);
        })(),
      ],
    ];
    for (const [op, out] of ops) rec(gf, 'fop', `field/${i}/${op}`, { op, in: v.map((x) => be(x)).join(','), out });
  }
}

// ---- output ------------------------------------------------------------------------------------

mkdirSync(OUT, { recursive: true });
let total = 0;
for (const g of GROUPS) {
  writeFileSync(join(OUT, g.file), `${g.lines.join('\n')}\n`);
  total += g.cases;
}
writeFileSync(
  MANIFEST,
  `format pqsimd-c-vectors 1\n${GROUPS.map((g) => `group ${g.name} ${g.file} ${g.cases} 0\n`).join('')}end ${GROUPS.length} ${total} 0\n`,
);
console.log(`gen-bn254-vectors: ${GROUPS.length} groups, ${total} cases -> ${MANIFEST}`);
