/**
 * The BN254 family's benchmark (issue 14), shared by `pqsimd bench` (Node: native and WASM
 * backends), the web-bench page and `node scripts/bench-browser.mjs` (WASM backends in Chromium):
 * the field kernels (Fp mul, the fused sumOfProducts against 2 × mul + add, Fp2 mul), one pairing,
 * the EVM precompiles (ecPairing with 2 and 4 pairs, ecMul, ecAdd) and Groth16 verification (1
 * and 5 public inputs, one-off and with a prepared key), for pqsimd/bn254 on each backend next to
 * @noble/curves, mcl-wasm (curve BN_SNARK1) and snarkjs's groth16.verify when the caller has them.
 *
 * Correctness is part of the measurement. @noble/curves is the reference: every EVM output is
 * compared in full with noble's before timing and on every timed call (their outputs are small),
 * pairing checks must say 1 for inputs whose pairings cancel and 0 for a changed input, Groth16
 * verifiers must accept the valid fixture and reject the same proof with a changed public input,
 * and the field operations of every implementation must give noble's values. pqsimd's field
 * kernels and its single pairing are timed through the bn254_bench hook (many operations inside
 * one call, so the N-API / WASM crossing does not hide a 20 ns multiplication); their checksums
 * must agree across the backends.
 *
 * Platform-neutral: no node: imports (the libraries and the fixtures are passed in).
 */
import type { bn254 as nobleBn254 } from '@noble/curves/bn254.js';
import { type Impl, type Measurement, type MeasureOptions, measureInterleaved, type Progress } from './measure.js';
import { fmtRatio, markdownTable } from './report.js';

/** @noble/curves' bn254 export (the reference). */
export type NobleBn254 = typeof nobleBn254;

/**
 * The bn254_bench hook's kernel ids (PQ_BENCH_BN254_* in native/common/shared/pq_bench.h, in the
 * order of its enum; ts/test/bench-bn254.test.ts checks them against the header).
 */
export const BN254_KERNEL_IDS = {
  fpMul: 21,
  fpSop2: 22,
  fp2MulAdd: 23,
  fp2Mul: 24,
  fp12Mul: 25,
  millerLoop: 26,
  finalExp: 27,
  pairing: 28,
  ecMul: 29,
  ecPairing2: 30,
  groth16Verify1: 31,
  groth16Verify5: 32,
} as const;

export const BN254_OPS = [
  'fp-mul',
  'fp-sop2',
  'fp-2mul-add',
  'fp2-mul',
  'pairing',
  'ecpairing-2',
  'ecpairing-4',
  'ecmul',
  'ecadd',
  'groth16-1',
  'groth16-5',
  'groth16-prepared-1',
  'groth16-prepared-5',
] as const;
export type Bn254Op = (typeof BN254_OPS)[number];

export const BN254_OP_LABEL: Readonly<Record<Bn254Op, string>> = {
  'fp-mul': 'Fp mul',
  'fp-sop2': 'Fp sumOfProducts (a0·b0 + a1·b1)',
  'fp-2mul-add': 'Fp 2 × mul + add',
  'fp2-mul': 'Fp2 mul',
  pairing: 'one pairing e(P, Q)',
  'ecpairing-2': 'ecPairing, 2 pairs',
  'ecpairing-4': 'ecPairing, 4 pairs',
  ecmul: 'ecMul (256-bit scalar)',
  ecadd: 'ecAdd',
  'groth16-1': 'Groth16 verify, 1 public input',
  'groth16-5': 'Groth16 verify, 5 public inputs',
  'groth16-prepared-1': 'Groth16 verify, prepared key, 1 input',
  'groth16-prepared-5': 'Groth16 verify, prepared key, 5 inputs',
};

// ---------------------------------------------------------------------------------------------
// The libraries, typed as the bench calls them

/** snarkjs JSON (decimal strings). */
export type Json = Record<string, unknown>;

/** pqsimd/bn254 on one backend (its Bn254Backend has this shape). */
export interface PqBn254Like {
  evm: { ecAdd(input: Uint8Array): Uint8Array; ecMul(input: Uint8Array): Uint8Array; ecPairing(input: Uint8Array): Uint8Array };
  groth16: {
    verify(vk: never, publicSignals: readonly string[], proof: never): boolean;
    prepare(vk: never): { verify(publicSignals: readonly string[], proof: never): boolean };
  };
  fp: { mul(a: bigint, b: bigint): bigint; sumOfProducts(a0: bigint, b0: bigint, a1: bigint, b1: bigint): bigint };
  fp2: { mul(a: readonly [bigint, bigint], b: readonly [bigint, bigint]): [bigint, bigint] };
  /** The bn254_bench hook: a checksum, or -1 for an id this build lacks. */
  bench(id: number, iterations: number): number;
}

/** The part of mcl-wasm (after `await mcl.init(mcl.BN_SNARK1)`) the bench calls. */
export interface MclLike {
  Fp: new () => MclValue;
  Fr: new () => MclValue & { setBigEndianMod(a: Uint8Array): void };
  Fp2: new () => MclValue & { set_a(x: MclValue): void; set_b(x: MclValue): void; get_a(): MclValue; get_b(): MclValue };
  G1: new () => MclValue & MclPoint;
  G2: new () => MclValue & MclPoint;
  add<T>(a: T, b: T): T;
  mul(a: unknown, b: unknown): never;
  neg<T>(a: T): T;
  normalize<T>(a: T): T;
  pairing(p: unknown, q: unknown): MclValue;
  millerLoop(p: unknown, q: unknown): MclValue;
  finalExp(x: unknown): MclValue;
  verifyOrderG1(on: boolean): void;
  verifyOrderG2(on: boolean): void;
}
export interface MclValue {
  setStr(s: string, base?: number): void;
  getStr(base?: number): string;
  isOne(): boolean;
  isZero(): boolean;
}
interface MclPoint {
  isValid(): boolean;
  isValidOrder(): boolean;
}

/** snarkjs's groth16.verify (async; the first call builds its curve). */
export interface SnarkjsLike {
  groth16: { verify(vk: unknown, publicSignals: unknown, proof: unknown, logger?: unknown): Promise<boolean> };
}

// ---------------------------------------------------------------------------------------------
// Inputs and reference outputs

/** A Groth16 fixture: a valid proof, and the same proof with a changed public input. */
export interface Groth16Fixture {
  vk: Json;
  proof: Json;
  publicSignals: string[];
  badPublicSignals: string[];
}
export interface Bn254Fixtures {
  /** 1 public input (vectors/bn254/groth16/circom-compat). */
  g1: Groth16Fixture;
  /** 5 public inputs (vectors/bn254/groth16/m5). */
  g5: Groth16Fixture;
}

type G1P = InstanceType<NobleBn254['G1']['Point']>;
type G2P = InstanceType<NobleBn254['G2']['Point']>;

export interface Bn254Data {
  noble: NobleBn254;
  fixtures: Bn254Fixtures;
  /** Field operands (< p) and the reference results. */
  fp: { a: bigint; b: bigint; c: bigint; d: bigint; mul: bigint; sop: bigint; fp2: [bigint, bigint] };
  /** The pairing row's points. */
  P: G1P;
  Q: G2P;
  ecAdd: { input: Uint8Array; output: Uint8Array };
  ecMul: { input: Uint8Array; output: Uint8Array };
  /** ecPairing inputs whose pairings cancel (output …01), and the same with one G1 point changed (…00). */
  pairing2: { input: Uint8Array; changed: Uint8Array };
  pairing4: { input: Uint8Array; changed: Uint8Array };
}

const be32 = (x: bigint): Uint8Array => {
  const out = new Uint8Array(32);
  for (let i = 31; i >= 0; i--, x >>= 8n) out[i] = Number(x & 0xffn);
  return out;
};
export const beBig = (b: Uint8Array, at = 0, len = 32): bigint => {
  let x = 0n;
  for (let i = 0; i < len; i++) x = (x << 8n) | BigInt(b[at + i]!);
  return x;
};
export const cat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};
export const bytesEqual = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/** EIP-196 G1 bytes x ‖ y (infinity: 64 zeros). */
function g1Bytes(p: G1P): Uint8Array {
  if (p.is0()) return new Uint8Array(64);
  const a = p.toAffine();
  return cat(be32(a.x), be32(a.y));
}
/** EIP-197 G2 bytes x.c1 ‖ x.c0 ‖ y.c1 ‖ y.c0 (imaginary parts first). */
function g2Bytes(q: G2P): Uint8Array {
  const a = q.toAffine();
  return cat(be32(a.x.c1), be32(a.x.c0), be32(a.y.c1), be32(a.y.c0));
}

/** A fixed pseudo-random number below `mod` (xorshift32 bytes, `seed`). */
function fixed(seed: number, mod: bigint): bigint {
  let x = (seed * 0x9e3779b9) >>> 0 || 1;
  let v = 0n;
  for (let i = 0; i < 8; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    v = (v << 32n) | BigInt(x >>> 0);
  }
  return v % mod;
}

/** The bench's inputs and noble's outputs for them. */
export function bn254Data(noble: NobleBn254, fixtures: Bn254Fixtures): Bn254Data {
  const { Fp, Fp2, Fr } = noble.fields;
  const G = noble.G1.Point.BASE;
  const H = noble.G2.Point.BASE;
  const [a, b, c, d] = [1, 2, 3, 4].map((s) => fixed(s, Fp.ORDER)) as [bigint, bigint, bigint, bigint];
  const fp2 = Fp2.mul(Fp2.fromBigTuple([a, b]), Fp2.fromBigTuple([c, d]));
  const [s1, s2, s3, s4] = [5, 6, 7, 8].map((s) => fixed(s, Fr.ORDER - 1n) + 1n) as [bigint, bigint, bigint, bigint];
  // pairs (s1 G, s2 H), (−s2 G, s1 H): e = e(G, H)^(s1 s2 − s2 s1) = 1
  const cancel = (x: bigint, y: bigint) => cat(g1Bytes(G.multiply(x)), g2Bytes(H.multiply(y)), g1Bytes(G.multiply(y).negate()), g2Bytes(H.multiply(x)));
  const changed = (input: Uint8Array) => {
    const t = input.slice();
    t.set(g1Bytes(G.multiply(s3)), 0);
    return t;
  };
  const p2 = cancel(s1, s2);
  const p4 = cat(p2, cancel(s3, s4));
  const A = G.multiply(s1);
  const B = G.multiply(s2);
  // an EVM scalar is any 256-bit number: all bits set but the top one, above r
  const k = (1n << 255n) - 1n - fixed(9, 1n << 64n);
  return {
    noble,
    fixtures,
    fp: { a, b, c, d, mul: Fp.mul(a, b), sop: Fp.add(Fp.mul(a, b), Fp.mul(c, d)), fp2: [fp2.c0, fp2.c1] },
    P: A,
    Q: H.multiply(s2),
    ecAdd: { input: cat(g1Bytes(A), g1Bytes(B)), output: g1Bytes(A.add(B)) },
    ecMul: { input: cat(g1Bytes(A), be32(k)), output: g1Bytes(A.multiply(k % Fr.ORDER)) },
    pairing2: { input: p2, changed: changed(p2) },
    pairing4: { input: p4, changed: changed(p4) },
  };
}

// ---------------------------------------------------------------------------------------------
// One implementation of one cell

/** One implementation of one row (an Impl without its name), or null when it lacks the operation. */
export type Bn254Case = Omit<Impl, 'name'>;
/** A library adapter: each row's case; `verify()` runs its checks before timing (throws on a mismatch). */
export interface Bn254Cases {
  cases(op: Bn254Op): Bn254Case | null;
  /** The checks (each a description), run once before timing; throws on the first mismatch. */
  verify(): Promise<string[]>;
}

const ONE32 = be32(1n);
const ZERO32 = new Uint8Array(32);

function fail(name: string, what: string): never {
  throw new Error(`CORRECTNESS CHECK FAILED: ${name}: ${what}`);
}
async function expectIn(name: string, done: string[], what: string, f: () => unknown, ok: (v: unknown) => boolean): Promise<void> {
  let v: unknown;
  try {
    v = await f();
  } catch (e) {
    fail(name, `${what}: threw ${(e as Error)?.message ?? e}`);
  }
  if (!ok(v))
    fail(name, `${what}: got ${v instanceof Uint8Array ? `bytes ${Array.from(v.slice(0, 8), (x) => x.toString(16).padStart(2, '0')).join('')}…` : String(v)}`);
  done.push(what);
}
const isBytes = (want: Uint8Array) => (v: unknown) => v instanceof Uint8Array && bytesEqual(v, want);
const isTrue = (v: unknown) => v === true;
const isFalse = (v: unknown) => v === false;

/** An implementation's EVM precompiles on the EIP-196/197 bytes and its Groth16 verify on snarkjs JSON. */
interface ProtocolFns {
  ecAdd(input: Uint8Array): unknown;
  ecMul(input: Uint8Array): unknown;
  ecPairing(input: Uint8Array): unknown;
  groth16(vk: Json, publicSignals: readonly string[], proof: Json): unknown;
}

/** The EVM and one-off Groth16 rows of every implementation that has them, or null for another row. */
function protocolCase(op: Bn254Op, d: Bn254Data, f: ProtocolFns): Bn254Case | null {
  switch (op) {
    case 'ecpairing-2':
      return { fn: () => f.ecPairing(d.pairing2.input), check: isBytes(ONE32) };
    case 'ecpairing-4':
      return { fn: () => f.ecPairing(d.pairing4.input), check: isBytes(ONE32) };
    case 'ecmul':
      return { fn: () => f.ecMul(d.ecMul.input), check: isBytes(d.ecMul.output) };
    case 'ecadd':
      return { fn: () => f.ecAdd(d.ecAdd.input), check: isBytes(d.ecAdd.output) };
    case 'groth16-1':
      return { fn: () => f.groth16(d.fixtures.g1.vk, d.fixtures.g1.publicSignals, d.fixtures.g1.proof), check: isTrue };
    case 'groth16-5':
      return { fn: () => f.groth16(d.fixtures.g5.vk, d.fixtures.g5.publicSignals, d.fixtures.g5.proof), check: isTrue };
    default:
      return null;
  }
}

/** pqsimd/bn254 on one backend. `kernelChecksums`: checksums other backends gave (must agree). */
export function pqCases(name: string, lib: PqBn254Like, d: Bn254Data, kernelChecksums: Map<number, number>): Bn254Cases {
  const K = BN254_KERNEL_IDS;
  const kernelOf: Partial<Record<Bn254Op, number>> = {
    'fp-mul': K.fpMul,
    'fp-sop2': K.fpSop2,
    'fp-2mul-add': K.fp2MulAdd,
    'fp2-mul': K.fp2Mul,
    pairing: K.pairing,
  };
  const g =
    (f: Groth16Fixture, pub = f.publicSignals) =>
    () =>
      lib.groth16.verify(f.vk as never, pub, f.proof as never);
  const prepared = { g1: lib.groth16.prepare(d.fixtures.g1.vk as never), g5: lib.groth16.prepare(d.fixtures.g5.vk as never) };
  const protocol: ProtocolFns = {
    ecAdd: (i) => lib.evm.ecAdd(i),
    ecMul: (i) => lib.evm.ecMul(i),
    ecPairing: (i) => lib.evm.ecPairing(i),
    groth16: (vk, pub, proof) => lib.groth16.verify(vk as never, pub, proof as never),
  };
  const { fp } = d;
  return {
    cases(op) {
      const id = kernelOf[op];
      if (id !== undefined) return { batch: (n) => lib.bench(id, n), check: (v) => typeof v === 'number' && v >= 0 };
      switch (op) {
        case 'groth16-prepared-1':
          return { fn: () => prepared.g1.verify(d.fixtures.g1.publicSignals, d.fixtures.g1.proof as never), check: isTrue };
        case 'groth16-prepared-5':
          return { fn: () => prepared.g5.verify(d.fixtures.g5.publicSignals, d.fixtures.g5.proof as never), check: isTrue };
        default:
          return protocolCase(op, d, protocol);
      }
    },
    async verify() {
      const done: string[] = [];
      const e = (what: string, f: () => unknown, ok: (v: unknown) => boolean) => expectIn(name, done, what, f, ok);
      await e(
        'fp.mul = noble',
        () => lib.fp.mul(fp.a, fp.b),
        (v) => v === fp.mul,
      );
      await e(
        'fp.sumOfProducts = noble',
        () => lib.fp.sumOfProducts(fp.a, fp.b, fp.c, fp.d),
        (v) => v === fp.sop,
      );
      await e(
        'fp2.mul = noble',
        () => lib.fp2.mul([fp.a, fp.b], [fp.c, fp.d]).join(),
        (v) => v === fp.fp2.join(),
      );
      await e('ecAdd = noble', () => lib.evm.ecAdd(d.ecAdd.input), isBytes(d.ecAdd.output));
      await e('ecMul = noble', () => lib.evm.ecMul(d.ecMul.input), isBytes(d.ecMul.output));
      await e('ecPairing, 2 cancelling pairs: 1', () => lib.evm.ecPairing(d.pairing2.input), isBytes(ONE32));
      await e('ecPairing, 2 pairs, one point changed: 0', () => lib.evm.ecPairing(d.pairing2.changed), isBytes(ZERO32));
      await e('ecPairing, 4 cancelling pairs: 1', () => lib.evm.ecPairing(d.pairing4.input), isBytes(ONE32));
      await e('ecPairing, 4 pairs, one point changed: 0', () => lib.evm.ecPairing(d.pairing4.changed), isBytes(ZERO32));
      for (const [k, f] of [
        ['1', d.fixtures.g1],
        ['5', d.fixtures.g5],
      ] as const) {
        await e(`Groth16 (${k} inputs): valid proof true`, g(f), isTrue);
        await e(`Groth16 (${k} inputs): changed public input false`, g(f, f.badPublicSignals), isFalse);
        const pk = k === '1' ? prepared.g1 : prepared.g5;
        await e(
          `Groth16 prepared (${k} inputs): valid true, changed input false`,
          () => [pk.verify(f.publicSignals, f.proof as never), pk.verify(f.badPublicSignals, f.proof as never)].join(),
          (v) => v === 'true,false',
        );
      }
      // every build runs the same kernels on the same data: the checksums must agree
      for (const id of [K.fpMul, K.fpSop2, K.fp2MulAdd, K.fp2Mul, K.pairing]) {
        const v = lib.bench(id, id === K.pairing ? 2 : 1000);
        if (v < 0) fail(name, `bn254_bench(${id}) returned ${v}`);
        const other = kernelChecksums.get(id);
        if (other === undefined) kernelChecksums.set(id, v);
        else if (other !== v) fail(name, `bn254_bench(${id}) checksum ${v}, another backend's ${other}`);
      }
      done.push('bn254_bench checksums agree across backends');
      return done;
    },
  };
}

/**
 * @noble/curves as the EVM and a Groth16 verifier would use it: EVM inputs decoded (on-curve and,
 * for G2, subgroup checks, as the precompiles require), outputs encoded; Groth16 from the snarkjs
 * JSON with its pairing equation e(−A, B) · e(α, β) · e(vk_x, γ) · e(C, δ) = 1 on pairingBatch
 * (noble has no Groth16 verifier: this is the equation on its primitives).
 */
export function nobleCases(d: Bn254Data): Bn254Cases {
  const noble = d.noble;
  const { Fp, Fp2, Fp12, Fr } = noble.fields;
  const G1 = noble.G1.Point;
  const G2 = noble.G2.Point;
  const g1At = (b: Uint8Array, at: number): G1P => {
    const x = beBig(b, at);
    const y = beBig(b, at + 32);
    if (x >= Fp.ORDER || y >= Fp.ORDER) throw new Error('coordinate >= p');
    if (x === 0n && y === 0n) return G1.ZERO;
    const p = G1.fromAffine({ x, y });
    p.assertValidity();
    return p;
  };
  const g2At = (b: Uint8Array, at: number): G2P => {
    const [x1, x0, y1, y0] = [0, 1, 2, 3].map((i) => beBig(b, at + 32 * i)) as [bigint, bigint, bigint, bigint];
    if ([x1, x0, y1, y0].some((v) => v >= Fp.ORDER)) throw new Error('coordinate >= p');
    if (x1 === 0n && x0 === 0n && y1 === 0n && y0 === 0n) return G2.ZERO;
    const q = G2.fromAffine({ x: Fp2.fromBigTuple([x0, x1]), y: Fp2.fromBigTuple([y0, y1]) });
    q.assertValidity(); // on the twist and in the order-r subgroup
    return q;
  };
  const ecAdd = (i: Uint8Array) => g1Bytes(g1At(i, 0).add(g1At(i, 64)));
  const ecMul = (i: Uint8Array) => g1Bytes(g1At(i, 0).multiplyUnsafe(beBig(i, 64) % Fr.ORDER));
  const ecPairing = (i: Uint8Array) => {
    const pairs: { g1: G1P; g2: G2P }[] = [];
    for (let at = 0; at < i.length; at += 192) {
      const g1 = g1At(i, at);
      const g2 = g2At(i, at + 64);
      if (!g1.is0() && !g2.is0()) pairs.push({ g1, g2 });
    }
    return Fp12.eql(noble.pairingBatch(pairs), Fp12.ONE) ? ONE32 : ZERO32;
  };
  const gj1 = (v: unknown): G1P => {
    const [x, y] = (v as string[]).map(BigInt) as [bigint, bigint];
    const p = G1.fromAffine({ x, y });
    p.assertValidity();
    return p;
  };
  const gj2 = (v: unknown): G2P => {
    const [[x0, x1], [y0, y1]] = (v as string[][]).map((c) => c.map(BigInt)) as [[bigint, bigint], [bigint, bigint]];
    const q = G2.fromAffine({ x: Fp2.fromBigTuple([x0, x1]), y: Fp2.fromBigTuple([y0, y1]) });
    q.assertValidity();
    return q;
  };
  const groth16 = (vk: Json, pub: readonly string[], proof: Json): boolean => {
    try {
      const ic = (vk.IC as unknown[]).map(gj1);
      if (pub.length !== ic.length - 1) return false;
      let vkx = ic[0]!;
      pub.forEach((s, i) => {
        const x = BigInt(s);
        if (x >= Fr.ORDER) throw new Error('public input >= r');
        vkx = vkx.add(ic[i + 1]!.multiplyUnsafe(x));
      });
      const A = gj1(proof.pi_a);
      const f = noble.pairingBatch([
        { g1: A.negate(), g2: gj2(proof.pi_b) },
        { g1: gj1(vk.vk_alpha_1), g2: gj2(vk.vk_beta_2) },
        { g1: vkx, g2: gj2(vk.vk_gamma_2) },
        { g1: gj1(proof.pi_c), g2: gj2(vk.vk_delta_2) },
      ]);
      return Fp12.eql(f, Fp12.ONE);
    } catch {
      return false;
    }
  };
  const { fp } = d;
  // the field rows: dependent chains as the bench hook runs them (each result feeds the next)
  return {
    cases(op) {
      switch (op) {
        case 'fp-mul':
          return {
            batch: (n) => {
              let x = fp.a;
              for (let i = 0; i < n; i++) x = Fp.mul(x, fp.b);
              return x;
            },
            check: (v) => typeof v === 'bigint' && v < Fp.ORDER,
          };
        case 'fp-sop2':
          return null; // no fused form: the 2 × mul + add row is noble's
        case 'fp-2mul-add':
          return {
            batch: (n) => {
              let x = fp.a;
              for (let i = 0; i < n; i++) x = Fp.add(Fp.mul(x, fp.b), Fp.mul(fp.c, fp.d));
              return x;
            },
            check: (v) => typeof v === 'bigint' && v < Fp.ORDER,
          };
        case 'fp2-mul': {
          const y = Fp2.fromBigTuple([fp.c, fp.d]);
          return {
            batch: (n) => {
              let x = Fp2.fromBigTuple([fp.a, fp.b]);
              for (let i = 0; i < n; i++) x = Fp2.mul(x, y);
              return x;
            },
            check: (v) => typeof v === 'object' && v !== null,
          };
        }
        case 'pairing':
          return { fn: () => noble.pairing(d.P, d.Q), check: (v) => !Fp12.eql(v as never, Fp12.ONE) };
        default:
          return protocolCase(op, d, { ecAdd, ecMul, ecPairing, groth16 });
      }
    },
    async verify() {
      const done: string[] = [];
      const e = (what: string, f: () => unknown, ok: (v: unknown) => boolean) => expectIn('noble', done, what, f, ok);
      const P = d.P;
      const Q = d.Q;
      // bilinearity on the pairing row's points: e(2P, Q) = e(P, Q)^2 = e(P, 2Q)
      await e(
        'pairing: e(2P, Q) = e(P, Q)² = e(P, 2Q)',
        () => {
          const e1 = noble.pairing(P, Q);
          return Fp12.eql(noble.pairing(P.double(), Q), Fp12.sqr(e1)) && Fp12.eql(noble.pairing(P, Q.double()), Fp12.sqr(e1));
        },
        isTrue,
      );
      await e('ecPairing, 2 pairs, one point changed: 0', () => ecPairing(d.pairing2.changed), isBytes(ZERO32));
      await e('ecPairing, 2 cancelling pairs: 1', () => ecPairing(d.pairing2.input), isBytes(ONE32));
      for (const f of [d.fixtures.g1, d.fixtures.g5]) {
        await e(`Groth16 (${f.publicSignals.length} inputs): valid proof true`, () => groth16(f.vk, f.publicSignals, f.proof), isTrue);
        await e(`Groth16 (${f.publicSignals.length} inputs): changed public input false`, () => groth16(f.vk, f.badPublicSignals, f.proof), isFalse);
      }
      return done;
    },
  };
}

/**
 * mcl-wasm (herumi/mcl compiled to WebAssembly, curve BN_SNARK1 = Ethereum's BN254) through its
 * JavaScript API: EVM inputs parsed into its points (G2 order check on), its own pairing,
 * Miller loops multiplied then one final exponentiation for the pairing checks, and the Groth16
 * equation on its primitives (mcl-wasm has no Groth16 verifier). Field rows: one mcl.mul per call
 * (its API crosses into WASM for each operation).
 */
export function mclCases(mcl: MclLike, d: Bn254Data): Bn254Cases {
  mcl.verifyOrderG1(true);
  mcl.verifyOrderG2(true);
  const hex = (b: Uint8Array, at: number) => beBig(b, at).toString(16);
  const g1At = (b: Uint8Array, at: number) => {
    const p = new mcl.G1();
    const x = beBig(b, at);
    const y = beBig(b, at + 32);
    p.setStr(x === 0n && y === 0n ? '0' : `1 ${x.toString(16)} ${y.toString(16)}`, 16);
    return p;
  };
  const g2At = (b: Uint8Array, at: number) => {
    const q = new mcl.G2();
    const w = [0, 1, 2, 3].map((i) => hex(b, at + 32 * i)); // x.c1 x.c0 y.c1 y.c0
    q.setStr(w.every((s) => s === '0') ? '0' : `1 ${w[1]} ${w[0]} ${w[3]} ${w[2]}`, 16);
    return q;
  };
  const g1Out = (p: MclValue): Uint8Array => {
    const s = mcl.normalize(p).getStr(16).split(' ');
    if (s[0] === '0') return new Uint8Array(64);
    return cat(be32(BigInt(`0x${s[1]}`)), be32(BigInt(`0x${s[2]}`)));
  };
  const ecAdd = (i: Uint8Array) => g1Out(mcl.add(g1At(i, 0), g1At(i, 64)));
  const ecMul = (i: Uint8Array) => {
    const k = new mcl.Fr();
    k.setBigEndianMod(i.subarray(64, 96));
    return g1Out(mcl.mul(g1At(i, 0), k));
  };
  const ecPairing = (i: Uint8Array) => {
    let f: MclValue | null = null;
    for (let at = 0; at < i.length; at += 192) {
      const p = g1At(i, at);
      const q = g2At(i, at + 64);
      if (p.isZero() || q.isZero()) continue;
      const m = mcl.millerLoop(p, q);
      f = f ? (mcl.mul(f, m) as MclValue) : m;
    }
    return !f || mcl.finalExp(f).isOne() ? ONE32 : ZERO32;
  };
  const gj1 = (v: unknown) => {
    const [x, y] = v as string[];
    const p = new mcl.G1();
    p.setStr(`1 ${x} ${y}`, 10);
    return p;
  };
  const gj2 = (v: unknown) => {
    const [[x0, x1], [y0, y1]] = v as [[string, string], [string, string]];
    const q = new mcl.G2();
    q.setStr(`1 ${x0} ${x1} ${y0} ${y1}`, 10);
    return q;
  };
  const R = d.noble.fields.Fr.ORDER;
  const groth16 = (vk: Json, pub: readonly string[], proof: Json): boolean => {
    try {
      const ic = (vk.IC as unknown[]).map(gj1);
      if (pub.length !== ic.length - 1) return false;
      let vkx = ic[0]!;
      for (let i = 0; i < pub.length; i++) {
        if (BigInt(pub[i]!) >= R) return false;
        const s = new mcl.Fr();
        s.setStr(pub[i]!, 10);
        vkx = mcl.add(vkx, mcl.mul(ic[i + 1], s));
      }
      const ml = [
        mcl.millerLoop(mcl.neg(gj1(proof.pi_a)), gj2(proof.pi_b)),
        mcl.millerLoop(gj1(vk.vk_alpha_1), gj2(vk.vk_beta_2)),
        mcl.millerLoop(vkx, gj2(vk.vk_gamma_2)),
        mcl.millerLoop(gj1(proof.pi_c), gj2(vk.vk_delta_2)),
      ];
      return mcl.finalExp(ml.reduce((x, y) => mcl.mul(x, y))).isOne();
    } catch {
      return false;
    }
  };
  const { fp } = d;
  const fpOf = (x: bigint) => {
    const v = new mcl.Fp();
    v.setStr(x.toString(16), 16);
    return v;
  };
  const fp2Of = (x: bigint, y: bigint) => {
    const v = new mcl.Fp2();
    v.set_a(fpOf(x));
    v.set_b(fpOf(y));
    return v;
  };
  const [a, b, c, dd] = [fp.a, fp.b, fp.c, fp.d].map(fpOf) as [MclValue, MclValue, MclValue, MclValue];
  const mP = g1At(g1Bytes(d.P), 0);
  const mQ = g2At(g2Bytes(d.Q), 0);
  const val = (v: MclValue) => BigInt(`0x${v.getStr(16)}`);
  return {
    cases(op) {
      switch (op) {
        case 'fp-mul':
          return { fn: () => mcl.mul(a, b), check: (v) => val(v as MclValue) === fp.mul };
        case 'fp-2mul-add':
          return { fn: () => mcl.add(mcl.mul(a, b) as MclValue, mcl.mul(c, dd) as MclValue), check: (v) => val(v as MclValue) === fp.sop };
        case 'fp2-mul': {
          const x = fp2Of(fp.a, fp.b);
          const y = fp2Of(fp.c, fp.d);
          return { fn: () => mcl.mul(x, y), check: (v) => v !== null };
        }
        case 'pairing':
          return { fn: () => mcl.pairing(mP, mQ), check: (v) => !(v as MclValue).isOne() };
        default:
          return protocolCase(op, d, { ecAdd, ecMul, ecPairing, groth16 });
      }
    },
    async verify() {
      const done: string[] = [];
      const e = (what: string, f: () => unknown, ok: (v: unknown) => boolean) => expectIn('mcl-wasm', done, what, f, ok);
      await e(
        'Fp mul = noble',
        () => val(mcl.mul(a, b)),
        (v) => v === fp.mul,
      );
      await e(
        'Fp2 mul = noble',
        () => {
          const r = mcl.mul(fp2Of(fp.a, fp.b), fp2Of(fp.c, fp.d)) as unknown as { get_a(): MclValue; get_b(): MclValue };
          return [val(r.get_a()), val(r.get_b())].join();
        },
        (v) => v === fp.fp2.join(),
      );
      await e('ecAdd = noble', () => ecAdd(d.ecAdd.input), isBytes(d.ecAdd.output));
      await e('ecMul = noble', () => ecMul(d.ecMul.input), isBytes(d.ecMul.output));
      await e('ecPairing, 2 cancelling pairs: 1', () => ecPairing(d.pairing2.input), isBytes(ONE32));
      await e('ecPairing, 2 pairs, one point changed: 0', () => ecPairing(d.pairing2.changed), isBytes(ZERO32));
      await e('ecPairing, 4 cancelling pairs: 1', () => ecPairing(d.pairing4.input), isBytes(ONE32));
      await e('ecPairing, 4 pairs, one point changed: 0', () => ecPairing(d.pairing4.changed), isBytes(ZERO32));
      for (const f of [d.fixtures.g1, d.fixtures.g5]) {
        await e(`Groth16 (${f.publicSignals.length} inputs): valid proof true`, () => groth16(f.vk, f.publicSignals, f.proof), isTrue);
        await e(`Groth16 (${f.publicSignals.length} inputs): changed public input false`, () => groth16(f.vk, f.badPublicSignals, f.proof), isFalse);
      }
      return done;
    },
  };
}

/** snarkjs's groth16.verify (awaited one at a time; its curve is built by the first call, before timing). */
export function snarkjsCases(s: SnarkjsLike, d: Bn254Data): Bn254Cases {
  const g =
    (f: Groth16Fixture, pub = f.publicSignals) =>
    () =>
      s.groth16.verify(f.vk, pub, f.proof);
  return {
    cases(op) {
      if (op === 'groth16-1') return { fn: g(d.fixtures.g1), async: true, check: isTrue };
      if (op === 'groth16-5') return { fn: g(d.fixtures.g5), async: true, check: isTrue };
      return null;
    },
    async verify() {
      const done: string[] = [];
      for (const f of [d.fixtures.g1, d.fixtures.g5]) {
        await expectIn('snarkjs', done, `Groth16 (${f.publicSignals.length} inputs): valid proof true`, g(f), isTrue);
        await expectIn('snarkjs', done, `Groth16 (${f.publicSignals.length} inputs): changed public input false`, g(f, f.badPublicSignals), isFalse);
      }
      return done;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Rows and the table

export interface Bn254Row {
  op: Bn254Op | 'cold-start';
  label: string;
  /** Timed cells (ops/s medians); the cold-start row has none. */
  cells: Record<string, Measurement>;
  /** Cold start: milliseconds per implementation (median of the fresh processes / workers). */
  ms?: Record<string, { median: number; runs: number[] }>;
}

/** Seconds per operation of a cell. */
export const secondsPerOp = (m: Measurement): number => 1 / m.median;

/** '27.3 ns', '1.24 µs', '412 µs', '1.35 ms', '2.10 s'. */
export function fmtTime(s: number): string {
  if (!Number.isFinite(s)) return '—';
  const [v, unit] = s < 1e-6 ? [s * 1e9, 'ns'] : s < 1e-3 ? [s * 1e6, 'µs'] : s < 1 ? [s * 1e3, 'ms'] : [s, 's'];
  return `${v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2)} ${unit}`;
}

/** A speed-up column: time of `den` / time of `num` (both must be in the row). */
export interface Bn254Ratio {
  label: string;
  num: string;
  den: string;
}

/** Time (or ms for cold start) of one implementation in a row, seconds; NaN when absent. */
export function rowSeconds(r: Bn254Row, impl: string): number {
  if (r.ms) return r.ms[impl] ? r.ms[impl]!.median / 1000 : NaN;
  return r.cells[impl] ? secondsPerOp(r.cells[impl]!) : NaN;
}

/**
 * Rows: one per operation (time per operation), then the derived row "sumOfProducts speed-up"
 * (2 × mul + add time / sumOfProducts time, per backend); columns: the implementations, then the
 * speed-up columns (den's time / num's time: above 1 means num is faster).
 */
export function bn254Table(
  rows: readonly Bn254Row[],
  impls: readonly string[],
  ratios: readonly Bn254Ratio[],
  o: { implLabel?: (i: string) => string; pad?: boolean; mark?: string } = {},
): string {
  const header = ['Time per operation', ...impls.map((i) => o.implLabel?.(i) ?? i), ...ratios.map((r) => r.label)];
  const body: string[][] = [];
  for (const r of rows) {
    body.push([
      r.label,
      ...impls.map((i) => fmtTime(rowSeconds(r, i))),
      ...ratios.map((q) => {
        const x = rowSeconds(r, q.den) / rowSeconds(r, q.num);
        return Number.isFinite(x) ? fmtRatio(x, o.mark) : '—';
      }),
    ]);
    if (r.op === 'fp-2mul-add') {
      const sop = rows.find((x) => x.op === 'fp-sop2');
      if (sop)
        body.push([
          'sumOfProducts speed-up (2 × mul + add / sumOfProducts)',
          ...impls.map((i) => {
            const x = rowSeconds(r, i) / rowSeconds(sop, i);
            return Number.isFinite(x) ? fmtRatio(x, o.mark) : '—';
          }),
          ...ratios.map(() => ''),
        ]);
    }
  }
  return markdownTable(header, body, { pad: o.pad });
}

/** The implementations with at least one cell, in `order`. */
export function bn254Columns(rows: readonly Bn254Row[], order: readonly string[]): string[] {
  return order.filter((i) => rows.some((r) => r.cells[i] || r.ms?.[i]));
}

/** The ratio columns that make sense for these columns: the fastest native and wasm-simd against each comparator. */
export function bn254Ratios(cols: readonly string[]): Bn254Ratio[] {
  const out: Bn254Ratio[] = [];
  const wasm = cols.includes('wasm-simd') ? 'wasm-simd' : cols.find((c) => c.startsWith('wasm-'));
  const native = cols.find((c) => c.startsWith('native-'));
  for (const den of ['noble', 'mcl-wasm', 'snarkjs']) {
    if (!cols.includes(den)) continue;
    if (wasm) out.push({ label: `${wasm} vs ${den}`, num: wasm, den });
    if (native && den === 'mcl-wasm') out.push({ label: `${native} vs ${den}`, num: native, den });
  }
  return out;
}

/** Runs every library's checks (throws on a mismatch): name → the checks it passed. */
export async function verifyBn254Libs(libs: readonly (readonly [string, Bn254Cases])[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const [name, c] of libs) out.set(name, await c.verify());
  return out;
}

/**
 * Times every operation with the bench core (runs interleaved across the row's implementations).
 * `onRow` sees each finished row.
 */
export async function timeBn254(
  libs: readonly (readonly [string, Bn254Cases])[],
  opts: MeasureOptions,
  ops: readonly Bn254Op[] = BN254_OPS,
  onProgress?: (label: string, p: Progress) => void,
  onRow?: (row: Bn254Row) => void,
): Promise<Bn254Row[]> {
  const rows: Bn254Row[] = [];
  for (const op of ops) {
    const label = BN254_OP_LABEL[op];
    const impls: Impl[] = [];
    for (const [name, c] of libs) {
      const x = c.cases(op);
      if (x) impls.push({ name, ...x } as Impl);
    }
    const row: Bn254Row = { op, label, cells: {} };
    if (impls.length) {
      const res = await measureInterleaved(impls, opts, (p) => onProgress?.(label, p));
      for (const [impl, m] of res) row.cells[impl] = m;
    }
    rows.push(row);
    onRow?.(row);
  }
  return rows;
}
