/**
 * The BN254 family over one driver: the EVM precompiles ecAdd / ecMul / ecPairing (EIP-196/197)
 * and an object for @ethereumjs/evm's `bn254` option, pairing checks, Groth16 verification of
 * snarkjs JSON (one-off, prepared, batched) and the field operations the kernels are built on.
 * This file checks and names every argument and turns snarkjs JSON into bytes (snarkjs.ts); the C
 * core (native/common/bn254, the bn254 entries of native/common/binding/pq_binding.h) does the work
 * and every check of the values (coordinates < p, scalars < r, points on their curves, G2 in the
 * order-r subgroup). Everything here is public data: verification only, nothing secret.
 */
import { type Bytes, byteLength, bytes, copyInto, describe, viewOf, zero } from '../core/bytes.js';
import type { Driver } from '../core/driver.js';
import { fillRandom } from '../core/random.js';
import { BN254_SIZES } from '../gen/params.js';
import { type EncodedKey, encodeKey, encodePublics, FP_BYTES, G1_BYTES, G2_BYTES, PROOF_BYTES, readBig, writeBig, writeProof } from './snarkjs.js';

/* ---- errors -------------------------------------------------------------------------------------- */

/** Why an EVM precompile (or pairingCheck) refused its input (Bn254Error.reason). */
export type Bn254ErrorReason =
  /** A coordinate is p or more (EIP-196: invalid, not reduced). */
  | 'coordinate-not-in-field'
  /** A G1 point other than (0, 0) is not on y² = x³ + 3. */
  | 'g1-not-on-curve'
  /** A G2 point other than all zeros is not on the twist y² = x³ + 3/(9 + u). */
  | 'g2-not-on-twist'
  /** A G2 point is on the twist but not in the order-r subgroup (EIP-197 requires the check). */
  | 'g2-not-in-subgroup'
  /** ecPairing's input is not a whole number of 192-byte pairs. */
  | 'pairing-input-length';

class Bn254ErrorClass extends Error {
  /** Why the input was refused. */
  readonly reason: Bn254ErrorReason;
  /** (Made by the library; `message` names the function and says what was wrong.) */
  constructor(reason: Bn254ErrorReason, message: string) {
    super(message);
    this.reason = reason;
  }
}
Object.defineProperty(Bn254ErrorClass.prototype, 'name', { value: 'Bn254Error', writable: true, configurable: true });

declare const __PQSIMD_VERSION__: string;
/** One class per package version and realm, kept on globalThis like the backend registry: the ESM
 * and CommonJS copies share one ready() state, so either copy's functions may throw, and
 * `instanceof Bn254Error` must hold for both. */
const ERROR_KEY = Symbol.for(`pqsimd.Bn254Error@${typeof __PQSIMD_VERSION__ === 'string' ? __PQSIMD_VERSION__ : 'dev'}`);
const G = globalThis as unknown as Record<symbol, typeof Bn254ErrorClass | undefined>;
G[ERROR_KEY] ??= Bn254ErrorClass;
/**
 * Thrown by `evm.ecAdd` / `ecMul` / `ecPairing`, `pairingCheck` and the ethereumjs backend when the
 * input is one the precompile must refuse (the EVM call then fails and consumes its gas):
 * `reason` says why ('coordinate-not-in-field', 'g1-not-on-curve', 'g2-not-on-twist',
 * 'g2-not-in-subgroup', 'pairing-input-length') and the message says it in words, with the
 * function's name. `name` is 'Bn254Error'; the ESM and CommonJS builds of one package version
 * export the same class.
 */
export const Bn254Error: typeof Bn254ErrorClass = G[ERROR_KEY];
/** A refused precompile input (see the Bn254Error class). */
export type Bn254Error = Bn254ErrorClass;

/** The C error codes of the bn254 entries (pq_binding.h) and what they mean. */
const REFUSALS: ReadonlyMap<number, readonly [Bn254ErrorReason, string]> = new Map([
  [-20, ['coordinate-not-in-field', 'a coordinate is not below the field modulus p']],
  [-21, ['g1-not-on-curve', 'a G1 point is not on the curve y² = x³ + 3 (only (0, 0), the point at infinity, is allowed off it)']],
  [
    -22,
    [
      'g2-not-on-twist',
      'a G2 point is not on the twist y² = x³ + 3/(9 + u) (EIP-197 encodes it x.imaginary ‖ x.real ‖ y.imaginary ‖ y.real: imaginary parts first)',
    ],
  ],
  [-23, ['g2-not-in-subgroup', 'a G2 point is on the twist but not in the order-r subgroup']],
  [-24, ['pairing-input-length', 'the input is not a whole number of 192-byte pairs (a 64-byte G1 point and a 128-byte G2 point each)']],
] as const);

const internalError = (entry: string, rc: number): Error => new Error(`pqsimd: internal error: ${entry} returned ${rc}`);

/** The Bn254Error for C result `rc` of `fn`, or an internal error for an unknown code. */
function refusal(fn: string, entry: string, rc: number, inputLength: number): Error {
  const r = REFUSALS.get(rc);
  if (!r) return internalError(entry, rc);
  const detail = r[0] === 'pairing-input-length' ? `${r[1]}: got ${inputLength} bytes` : r[1];
  return new Bn254Error(r[0], `${fn}: ${detail}`);
}

/* ---- public types -------------------------------------------------------------------------------- */

/** What @ethereumjs/evm (10.x) takes as its `bn254` option (its EVMBN254Interface): the three
 * precompiles on their input, each returning the output bytes or throwing when the call fails. */
export interface EthereumjsBn254 {
  /** ECADD (0x06). */
  add(input: Uint8Array): Bytes;
  /** ECMUL (0x07). */
  mul(input: Uint8Array): Bytes;
  /** ECPAIRING (0x08). */
  pairing(input: Uint8Array): Bytes;
}

/** The EVM precompiles with exact EIP-196/197 semantics; outputs byte-identical to go-ethereum's. */
export interface Bn254Evm {
  /**
   * ECADD (0x06): `input` is x1 ‖ y1 ‖ x2 ‖ y2 (32-byte big-endian each), zero-padded on the right
   * to 128 bytes when shorter, bytes past 128 ignored; (0, 0) is the point at infinity. Returns a
   * new 64-byte x ‖ y (infinity: 64 zeros). Throws Bn254Error ('coordinate-not-in-field',
   * 'g1-not-on-curve') for an input the precompile refuses.
   */
  ecAdd(input: Uint8Array): Bytes;
  /**
   * ECMUL (0x07): `input` is x ‖ y ‖ s (s any 256-bit number, not reduced first), zero-padded to
   * 96 bytes, bytes past 96 ignored. Returns a new 64-byte s·(x, y). Throws Bn254Error as ecAdd.
   */
  ecMul(input: Uint8Array): Bytes;
  /**
   * ECPAIRING (0x08): `input` is k pairs of a G1 point (64 bytes) and a G2 point (128 bytes:
   * x.imaginary ‖ x.real ‖ y.imaginary ‖ y.real), k >= 0. Returns a new 32-byte word: 1 when the
   * product of the k pairings is 1 (also for k = 0), else 0. Throws Bn254Error when the length is
   * not a multiple of 192 ('pairing-input-length') or a point is refused (coordinates,
   * curve, twist, and the order-r subgroup of G2: 'g2-not-in-subgroup').
   */
  ecPairing(input: Uint8Array): Bytes;
  /**
   * For @ethereumjs/evm: `createEVM({ bn254: evm.ethereumjsBackend })` runs the three precompiles
   * here instead of its built-in @noble/curves code (its EVMBN254Interface: add / mul / pairing).
   * A refused input throws Bn254Error, which the EVM turns into a failed call consuming its gas.
   */
  readonly ethereumjsBackend: EthereumjsBn254;
}

/** A snarkjs G1 point: [x, y, "1"] in decimal strings (["0", "1", "0"] is the point at infinity). */
export type SnarkjsG1 = readonly [string, string, string?];
/** A snarkjs G2 point: [[x.c0, x.c1], [y.c0, y.c1], ["1", "0"]] in decimal strings (c0 real, c1 imaginary). */
export type SnarkjsG2 = readonly [readonly [string, string], readonly [string, string], (readonly [string, string])?];

/** A Groth16 verification key as snarkjs writes it (verification_key.json); other properties
 * (vk_alphabeta_12, ...) are ignored. */
export interface Groth16VerificationKey {
  /** 'groth16' (checked when present). */
  readonly protocol?: string;
  /** 'bn128' (snarkjs's name of BN254; 'bn254' and 'alt_bn128' are accepted; checked when present). */
  readonly curve?: string;
  /** The number of public signals, IC.length - 1 (checked when present). */
  readonly nPublic?: number;
  readonly vk_alpha_1: SnarkjsG1;
  readonly vk_beta_2: SnarkjsG2;
  readonly vk_gamma_2: SnarkjsG2;
  readonly vk_delta_2: SnarkjsG2;
  /** nPublic + 1 G1 points. */
  readonly IC: readonly SnarkjsG1[];
  /** e(α, β) as snarkjs writes it: ignored (computed from vk_alpha_1 and vk_beta_2). */
  readonly vk_alphabeta_12?: unknown;
}

/** A Groth16 proof as snarkjs writes it (proof.json); protocol and curve are checked when present. */
export interface Groth16Proof {
  readonly pi_a: SnarkjsG1;
  readonly pi_b: SnarkjsG2;
  readonly pi_c: SnarkjsG1;
  readonly protocol?: string;
  readonly curve?: string;
}

/** The public signals as snarkjs writes them (public.json): decimal strings, each below r. */
export type Groth16PublicSignals = readonly string[];

/** A verification key decoded and checked once, with e(α, β) and the line coefficients of the
 * pairings with −γ and −δ cached (see Groth16.prepare). */
export interface PreparedGroth16Key {
  /** The number of public signals the key takes. */
  readonly nPublic: number;
  /** Same verdict as groth16.verify(vk, publicSignals, proof) with the key this was made from. */
  verify(publicSignals: Groth16PublicSignals, proof: Groth16Proof): boolean;
}

/** One proof of a batch: under a snarkjs key (`vk`) or a prepared one (`key`), not both. */
export interface Groth16BatchItem {
  readonly vk?: Groth16VerificationKey;
  readonly key?: PreparedGroth16Key;
  readonly publicSignals: Groth16PublicSignals;
  readonly proof: Groth16Proof;
}

/**
 * Groth16 verification of snarkjs JSON as-is (verification_key.json, public.json, proof.json).
 * Verdicts are snarkjs's: false for a proof that does not verify and for anything malformed in the
 * proof, the public signals or the numbers of the key (JS numbers or hex instead of decimal
 * strings, values >= 2^256, >= p or (public signals) >= r, points off their curve or (G2) outside
 * the subgroup, wrong nesting or counts); it never throws on such data. A `vk` that is not an
 * object of the snarkjs shape throws TypeError naming what is wrong.
 */
export interface Groth16 {
  /** e(A, B) = e(α, β) · e(Σ pubᵢ·ICᵢ, γ) · e(C, δ)? Keys verified again and again are prepared
   * once and kept (the last 8 keys, by content). */
  verify(vk: Groth16VerificationKey, publicSignals: Groth16PublicSignals, proof: Groth16Proof): boolean;
  /** Decodes and checks `vk` once (TypeError unless it has the snarkjs shape); the result verifies
   * without that work. A key whose numbers are not valid makes every verify false. */
  prepare(vk: Groth16VerificationKey): PreparedGroth16Key;
  /**
   * True when every proof of the batch verifies, with one final exponentiation per key (up to 256
   * proofs at a time): each proof's equation is raised to a fresh random 128-bit coefficient from
   * crypto.getRandomValues, so invalid proofs cannot cancel each other (false positives with
   * probability about 2^-128). An empty batch is true. Use verify on each to find a bad one.
   */
  verifyBatch(items: readonly Groth16BatchItem[]): boolean;
}

/** An element of Fp: 32 big-endian bytes, or a bigint; any value below 2^256 is accepted and
 * reduced mod p, results are canonical (< p) and of the arguments' kind. */
export type FpValue = Uint8Array | bigint;

/** Field operations of the C core (for cross-tests and benchmarks). */
export interface Bn254Fp {
  /** a · b mod p. */
  mul(a: Uint8Array, b: Uint8Array): Bytes;
  mul(a: bigint, b: bigint): bigint;
  /** a0 · b0 + a1 · b1 mod p, with one Montgomery reduction for both products (the fused kernel). */
  sumOfProducts(a0: Uint8Array, b0: Uint8Array, a1: Uint8Array, b1: Uint8Array): Bytes;
  sumOfProducts(a0: bigint, b0: bigint, a1: bigint, b1: bigint): bigint;
}

/** Fp2 = Fp[u]/(u² + 1) operations; an element is [c0, c1] = c0 + c1·u (real part first, as
 * snarkjs and noble write it, unlike the EVM encoding). */
export interface Bn254Fp2 {
  /** a · b in Fp2: [a0·b0 − a1·b1, a0·b1 + a1·b0] mod p. */
  mul(a: readonly [Uint8Array, Uint8Array], b: readonly [Uint8Array, Uint8Array]): [Bytes, Bytes];
  mul(a: readonly [bigint, bigint], b: readonly [bigint, bigint]): [bigint, bigint];
}

/** Every function of the family bound to one backend (the facades of pqsimd/bn254 forward to the
 * default one). */
export interface Bn254 {
  readonly evm: Bn254Evm;
  readonly groth16: Groth16;
  /**
   * Whether e(P₁, Q₁) · … · e(Pₖ, Qₖ) = 1, for pairs [P (64 bytes, x ‖ y), Q (128 bytes, EIP-197
   * order)]: ecPairing on their concatenation. Throws Bn254Error for a point ecPairing refuses,
   * TypeError / RangeError for arguments that are not such pairs.
   */
  pairingCheck(pairs: readonly (readonly [Uint8Array, Uint8Array])[]): boolean;
  readonly fp: Bn254Fp;
  readonly fp2: Bn254Fp2;
}

/* ---- implementation ------------------------------------------------------------------------------ */

const EMPTY = new Uint8Array(0);
const NO_INTS: readonly number[] = Object.freeze([]);
const PAIR_BYTES = G1_BYTES + G2_BYTES;
/** Random coefficient bytes per proof of a batch (128 bits). */
const COEFF_BYTES = BN254_SIZES.coefficient;
/** Proofs per verify_batch call: bounds what one call copies (64 KiB of proofs, their signals). */
const BATCH_CHUNK = 256;
/** Prepared keys kept by groth16.verify. */
const KEY_CACHE = 8;

/** bn254_field_op's op codes (pq_binding.h). */
const OP = { fpMul: 0, fpSop2: 1, fp2Mul: 2 } as const;
const OP_ARGS: readonly (readonly number[])[] = [0, 1, 2].map((k) => Object.freeze([k]));

/** Bytes of the prepared form of a key with `n` public signals. */
export function preparedBytes(n: number): number {
  return BN254_SIZES.preparedBase + n * BN254_SIZES.preparedPerInput;
}

/** Largest array V8 keeps inside the JS heap (typed_array_max_size_in_heap). */
const SMALL = 64;

/** What the functions of one family instance share. */
interface Ctx {
  readonly driver: Driver;
  /** Small results are made here first (see result()); wiped after each use. */
  readonly scratch: Uint8Array;
}

/**
 * A new n-byte result that `fill` writes. V8 keeps typed arrays of up to 64 bytes inside the JS
 * heap, and handing such a fresh array to the native addon makes V8 move it out first (measured on
 * the AEAD family: 0.6-1.3 µs, several times a whole call): small results are written to the
 * instance's scratch buffer and copied into a new array.
 */
function result(cx: Ctx, n: number, fill: (dst: Uint8Array) => void): Bytes {
  if (n > SMALL) {
    const r = new Uint8Array(n);
    fill(r);
    return r;
  }
  const v = viewOf(cx.scratch, 0, n);
  try {
    fill(v);
    const r = new Uint8Array(n);
    copyInto(r, v, 0);
    return r;
  } finally {
    zero(cx.scratch, 0, n);
  }
}

/* ---- EVM precompiles ----------------------------------------------------------------------------- */

/** Runs one precompile entry on `input` (checked): its `outLength`-byte output, or Bn254Error. Only
 * the bytes the precompile reads are passed (`readLength`: the C pads shorter input with zeros). */
function precompile(
  cx: Ctx,
  fn: string,
  entry: 'bn254_ec_add' | 'bn254_ec_mul' | 'bn254_ec_pairing',
  input: unknown,
  outLength: number,
  readLength: number,
): Bytes {
  const v = bytes('input', input);
  const n = byteLength(v);
  const inp = n > readLength ? viewOf(v, 0, readLength) : v;
  return result(cx, outLength, (out) => {
    const rc = cx.driver.call(entry, NO_INTS, [inp], [out]);
    if (rc !== 0) throw refusal(fn, entry, rc, n);
  });
}

function createEvm(cx: Ctx): Bn254Evm {
  const ecAdd = (input: Uint8Array): Bytes => precompile(cx, 'ecAdd', 'bn254_ec_add', input, 64, 128);
  const ecMul = (input: Uint8Array): Bytes => precompile(cx, 'ecMul', 'bn254_ec_mul', input, 64, 96);
  const ecPairing = (input: Uint8Array): Bytes => precompile(cx, 'ecPairing', 'bn254_ec_pairing', input, 32, Number.POSITIVE_INFINITY);
  return Object.freeze({ ecAdd, ecMul, ecPairing, ethereumjsBackend: Object.freeze({ add: ecAdd, mul: ecMul, pairing: ecPairing }) });
}

/** The pairs of pairingCheck as one ecPairing input (TypeError / RangeError naming the bad one). */
function pairingInput(pairs: unknown): Uint8Array {
  if (!Array.isArray(pairs)) throw new TypeError(`pairs: expected an array of [g1, g2] pairs (Uint8Arrays of 64 and 128 bytes), got ${describe(pairs)}`);
  const k = pairs.length;
  const list: [Uint8Array, Uint8Array][] = [];
  for (let i = 0; i < k; i++) {
    const p = pairs[i];
    if (!Array.isArray(p) || p.length !== 2) throw new TypeError(`pairs[${i}]: expected a pair [g1, g2], got ${describe(p)}`);
    list.push([p[0], p[1]]);
  }
  const out = new Uint8Array(k * PAIR_BYTES);
  for (let i = 0; i < k; i++) {
    const g1 = bytes(`pairs[${i}][0]`, list[i]![0]);
    const g2 = bytes(`pairs[${i}][1]`, list[i]![1]);
    if (byteLength(g1) !== G1_BYTES) throw new RangeError(`pairs[${i}][0]: expected ${G1_BYTES} bytes (a G1 point x ‖ y), got ${byteLength(g1)}`);
    if (byteLength(g2) !== G2_BYTES) {
      throw new RangeError(`pairs[${i}][1]: expected ${G2_BYTES} bytes (a G2 point x.imaginary ‖ x.real ‖ y.imaginary ‖ y.real), got ${byteLength(g2)}`);
    }
    copyInto(out, g1, i * PAIR_BYTES);
    copyInto(out, g2, i * PAIR_BYTES + G1_BYTES);
  }
  return out;
}

function pairingCheck(cx: Ctx, pairs: unknown): boolean {
  const inp = pairingInput(pairs);
  const out = new Uint8Array(32);
  const rc = cx.driver.call('bn254_ec_pairing', NO_INTS, [inp], [out]);
  if (rc !== 0) throw refusal('pairingCheck', 'bn254_ec_pairing', rc, byteLength(inp));
  return out[31] === 1;
}

/* ---- field operations ---------------------------------------------------------------------------- */

const TWO_256 = 1n << 256n;

/** The operands of a field op as 32-byte arrays, and whether they were bigints: all bigints, or
 * all Uint8Arrays (a mix is refused by the Uint8Array check, naming the first non-array). */
function operands(names: readonly string[], values: readonly unknown[]): { ins: Uint8Array[]; big: boolean } {
  const big = values.every((v) => typeof v === 'bigint');
  const ins: Uint8Array[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const name = names[i]!;
    if (big) {
      const x = v as bigint;
      if (x < 0n || x >= TWO_256) throw new RangeError(`${name}: expected 0 <= ${name} < 2^256, got ${x}`);
      const b = new Uint8Array(FP_BYTES);
      writeBig(b, 0, x);
      ins.push(b);
    } else {
      const b = bytes(name, v);
      if (byteLength(b) !== FP_BYTES) throw new RangeError(`${name}: expected ${FP_BYTES} bytes (a big-endian field element), got ${byteLength(b)}`);
      ins.push(b);
    }
  }
  return { ins, big };
}

/** Runs bn254_field_op `op` on four operand slots (unused ones empty) into `outLength` bytes. */
function fieldOp(cx: Ctx, op: number, ins: readonly Uint8Array[], out: Uint8Array): void {
  const rc = cx.driver.call('bn254_field_op', OP_ARGS[op]!, ins, [out]);
  if (rc !== 0) throw internalError('bn254_field_op', rc);
}

function createFp(cx: Ctx): Bn254Fp {
  const run = (op: number, names: readonly string[], values: readonly unknown[]): Uint8Array | bigint => {
    const { ins, big } = operands(names, values);
    while (ins.length < 4) ins.push(EMPTY);
    if (big) {
      const v = viewOf(cx.scratch, 0, FP_BYTES);
      try {
        fieldOp(cx, op, ins, v);
        return readBig(v, 0);
      } finally {
        zero(v);
      }
    }
    return result(cx, FP_BYTES, (out) => fieldOp(cx, op, ins, out));
  };
  return Object.freeze({
    mul: (a: FpValue, b: FpValue) => run(OP.fpMul, ['a', 'b'], [a, b]),
    sumOfProducts: (a0: FpValue, b0: FpValue, a1: FpValue, b1: FpValue) => run(OP.fpSop2, ['a0', 'b0', 'a1', 'b1'], [a0, b0, a1, b1]),
  }) as Bn254Fp;
}

/** The two coordinates [c0, c1] of an Fp2 argument (TypeError unless a 2-element array). */
function fp2Parts(name: string, v: unknown): [unknown, unknown] {
  if (!Array.isArray(v) || v.length !== 2) throw new TypeError(`${name}: expected an Fp2 element [c0, c1], got ${describe(v)}`);
  return [v[0], v[1]];
}

function createFp2(cx: Ctx): Bn254Fp2 {
  return Object.freeze({
    mul(a: unknown, b: unknown) {
      const [a0, a1] = fp2Parts('a', a);
      const [b0, b1] = fp2Parts('b', b);
      const { ins, big } = operands(['a[0]', 'a[1]', 'b[0]', 'b[1]'], [a0, a1, b0, b1]);
      const out = viewOf(cx.scratch, 0, 2 * FP_BYTES);
      try {
        fieldOp(cx, OP.fp2Mul, ins, out);
        if (big) return [readBig(out, 0), readBig(out, FP_BYTES)];
        const c0 = new Uint8Array(FP_BYTES);
        const c1 = new Uint8Array(FP_BYTES);
        copyInto(c0, viewOf(out, 0, FP_BYTES), 0);
        copyInto(c1, viewOf(out, FP_BYTES, FP_BYTES), 0);
        return [c0, c1];
      } finally {
        zero(out);
      }
    },
  }) as Bn254Fp2;
}

/* ---- Groth16 ------------------------------------------------------------------------------------- */

/** A prepared key's state: its blob (null: the key's data is not valid, every verdict is false)
 * and the functions of the instance that made it. */
interface PreparedState {
  readonly nPublic: number;
  readonly blob: Uint8Array | null;
  readonly cx: Ctx;
}

/** Every genuine prepared key made by this module, and its state. */
const preparedKeys = new WeakMap<object, PreparedState>();

/** The C verdict as a boolean (any other result is a bug, not a verdict). */
function verdict(entry: string, rc: number): boolean {
  if (rc === 1) return true;
  if (rc === 0) return false;
  throw internalError(entry, rc);
}

function prepareEncoded(cx: Ctx, key: EncodedKey): PreparedState {
  if (!key.bytes) return { nPublic: key.nPublic, blob: null, cx };
  const blob = new Uint8Array(preparedBytes(key.nPublic));
  const rc = cx.driver.call('bn254_groth16_prepare', NO_INTS, [key.bytes], [blob]);
  if (rc < 0) return { nPublic: key.nPublic, blob: null, cx }; // a point off its curve, a coordinate >= p
  if (rc !== 0) throw internalError('bn254_groth16_prepare', rc);
  cx.driver.adopt(blob);
  return { nPublic: key.nPublic, blob, cx };
}

function verifyPrepared(st: PreparedState, publicSignals: unknown, proof: unknown): boolean {
  if (!st.blob) return false;
  const pub = encodePublics(publicSignals, st.nPublic);
  if (!pub) return false;
  const pr = new Uint8Array(PROOF_BYTES);
  if (!writeProof(pr, 0, proof)) return false;
  return verdict('bn254_groth16_verify', st.cx.driver.call('bn254_groth16_verify', NO_INTS, [st.blob, pub, pr], []));
}

/** Fills `out` with random 128-bit coefficients (the C takes non-zero ones: an all-zero draw,
 * probability 2^-128, is drawn again), 4096 bytes at a time (the pool's block). */
function fillCoefficients(out: Uint8Array): void {
  const n = byteLength(out);
  for (let at = 0; at < n; at += 4096) fillRandom(viewOf(out, at, Math.min(4096, n - at)));
  for (let at = 0; at < n; at += COEFF_BYTES) {
    const c = viewOf(out, at, COEFF_BYTES);
    while (c.every((b) => b === 0)) fillRandom(c);
  }
}

/** One batch call per ≤ BATCH_CHUNK proofs of one key: true when every one says 1. */
function verifyGroup(st: PreparedState, items: readonly { pub: Uint8Array; proof: Uint8Array }[]): boolean {
  if (!st.blob) return false;
  const n = st.nPublic;
  for (let from = 0; from < items.length; from += BATCH_CHUNK) {
    const k = Math.min(BATCH_CHUNK, items.length - from);
    const pubs = n === 0 ? EMPTY : new Uint8Array(k * n * FP_BYTES);
    const proofs = new Uint8Array(k * PROOF_BYTES);
    const random = new Uint8Array(k * COEFF_BYTES);
    for (let i = 0; i < k; i++) {
      const it = items[from + i]!;
      if (n !== 0) copyInto(pubs, it.pub, i * n * FP_BYTES);
      copyInto(proofs, it.proof, i * PROOF_BYTES);
    }
    fillCoefficients(random);
    const rc = st.cx.driver.call('bn254_groth16_verify_batch', NO_INTS, [st.blob, pubs, proofs, random], []);
    if (!verdict('bn254_groth16_verify_batch', rc)) return false;
  }
  return true;
}

function createGroth16(cx: Ctx): Groth16 {
  /** Prepared keys by content (the key bytes as a string), most recently used last. */
  const cache = new Map<string, PreparedState>();
  const stateOf = (vk: unknown, name: string): PreparedState => {
    const key = encodeKey(vk, name);
    if (!key.bytes) return { nPublic: key.nPublic, blob: null, cx };
    // (latin1 string of the bytes: a Map key by content, ~1 µs for a key with a few inputs)
    let id = '';
    const b = key.bytes;
    for (let i = 0; i < b.length; i += 4096) id += String.fromCharCode.apply(null, b.subarray(i, i + 4096) as unknown as number[]);
    let st = cache.get(id);
    if (st) {
      cache.delete(id);
    } else {
      st = prepareEncoded(cx, key);
      if (cache.size >= KEY_CACHE) cache.delete(cache.keys().next().value!);
    }
    cache.set(id, st);
    return st;
  };
  const makeKey = (st: PreparedState): PreparedGroth16Key => {
    const k = Object.freeze({
      nPublic: st.nPublic,
      verify: (publicSignals: Groth16PublicSignals, proof: Groth16Proof) => verifyPrepared(st, publicSignals, proof),
    });
    preparedKeys.set(k, st);
    return k;
  };
  return Object.freeze({
    verify: (vk: Groth16VerificationKey, publicSignals: Groth16PublicSignals, proof: Groth16Proof) => verifyPrepared(stateOf(vk, 'vk'), publicSignals, proof),
    prepare: (vk: Groth16VerificationKey) => makeKey(stateOf(vk, 'vk')),
    verifyBatch(items: readonly Groth16BatchItem[]): boolean {
      if (!Array.isArray(items)) throw new TypeError(`items: expected an array of { vk or key, publicSignals, proof } items, got ${describe(items)}`);
      // Every item's fields are read (once) and every key checked before any verdict: a TypeError
      // is never hidden behind an earlier false.
      const count = items.length;
      const read: [PreparedState, unknown, unknown][] = [];
      for (let i = 0; i < count; i++) {
        const v = items[i];
        const at = `items[${i}]`;
        if (v === null || typeof v !== 'object' || Array.isArray(v)) {
          throw new TypeError(`${at}: expected an object { vk or key, publicSignals, proof }, got ${describe(v)}`);
        }
        const o = v as Record<string, unknown>;
        const vk = o.vk;
        const key = o.key;
        const publicSignals = o.publicSignals;
        const proof = o.proof;
        let st: PreparedState | undefined;
        if (key !== undefined) {
          if (vk !== undefined) throw new TypeError(`${at}: pass either vk or key, not both`);
          st = typeof key === 'object' && key !== null ? preparedKeys.get(key) : undefined;
          if (!st) throw new TypeError(`${at}.key: expected a prepared key (from groth16.prepare), got ${describe(key)}`);
        } else {
          st = stateOf(vk, `${at}.vk`);
        }
        read.push([st, publicSignals, proof]);
      }
      const groups = new Map<PreparedState, { pub: Uint8Array; proof: Uint8Array }[]>();
      for (const [st, publicSignals, proof] of read) {
        if (!st.blob) return false;
        const pub = encodePublics(publicSignals, st.nPublic);
        const pr = new Uint8Array(PROOF_BYTES);
        if (!pub || !writeProof(pr, 0, proof)) return false;
        const g = groups.get(st);
        if (g) g.push({ pub, proof: pr });
        else groups.set(st, [{ pub, proof: pr }]);
      }
      for (const [st, g] of groups) if (!verifyGroup(st, g)) return false;
      return true;
    },
  });
}

/* ---- the family ---------------------------------------------------------------------------------- */

/** Every function of the family over `driver`. */
export function createBn254(driver: Driver): Bn254 {
  const cx: Ctx = { driver, scratch: new Uint8Array(new ArrayBuffer(2 * SMALL)) };
  return Object.freeze({
    evm: createEvm(cx),
    groth16: createGroth16(cx),
    pairingCheck: (pairs: readonly (readonly [Uint8Array, Uint8Array])[]) => pairingCheck(cx, pairs),
    fp: createFp(cx),
    fp2: createFp2(cx),
  });
}

/** The family's benchmark hook (PQ_BENCH_BN254_* ids): a checksum, or -1 when this build has no
 * such kernel. */
export function bn254Bench(driver: Driver, id: number, iterations: number): number {
  return driver.call('bn254_bench', [id, iterations >>> 0], [], []);
}

/** The family's functions on whatever backend `impl()` returns when called (the default one after
 * ready()); the same shapes as createBn254's. */
export function bn254Facade(impl: () => Bn254): Bn254 {
  const add = (input: Uint8Array) => impl().evm.ecAdd(input);
  const mul = (input: Uint8Array) => impl().evm.ecMul(input);
  const pairing = (input: Uint8Array) => impl().evm.ecPairing(input);
  return Object.freeze({
    evm: Object.freeze({ ecAdd: add, ecMul: mul, ecPairing: pairing, ethereumjsBackend: Object.freeze({ add, mul, pairing }) }),
    groth16: Object.freeze({
      verify: (vk: Groth16VerificationKey, publicSignals: Groth16PublicSignals, proof: Groth16Proof) => impl().groth16.verify(vk, publicSignals, proof),
      prepare: (vk: Groth16VerificationKey) => impl().groth16.prepare(vk),
      verifyBatch: (items: readonly Groth16BatchItem[]) => impl().groth16.verifyBatch(items),
    }),
    pairingCheck: (pairs: readonly (readonly [Uint8Array, Uint8Array])[]) => impl().pairingCheck(pairs),
    fp: Object.freeze({
      mul: (a: FpValue, b: FpValue) => impl().fp.mul(a as Uint8Array, b as Uint8Array),
      sumOfProducts: (a0: FpValue, b0: FpValue, a1: FpValue, b1: FpValue) =>
        impl().fp.sumOfProducts(a0 as Uint8Array, b0 as Uint8Array, a1 as Uint8Array, b1 as Uint8Array),
    }) as Bn254Fp,
    fp2: Object.freeze({
      mul: (a: readonly [FpValue, FpValue], b: readonly [FpValue, FpValue]) => impl().fp2.mul(a as [Uint8Array, Uint8Array], b as [Uint8Array, Uint8Array]),
    }) as Bn254Fp2,
  });
}
