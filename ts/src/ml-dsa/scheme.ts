/** ML-DSA (FIPS 204) over one driver: argument checks and errors; the C core does the rest. */
import { verifyBatch } from '../batch.js';
import { type Bytes, byteLength, bytes, bytesOrNull, exactLength, readOptions } from '../core/bytes.js';
import type { Driver } from '../core/driver.js';
import { fillRandom, randomBytes } from '../core/random.js';
import { ML_DSA_SIZES } from '../gen/params.js';

export type MlDsaName = 'ML-DSA-44' | 'ML-DSA-65' | 'ML-DSA-87';

/* ---- public types (names and argument order follow FIPS 204) ------------------------------------ */

/** The 12 pre-hash functions of HashML-DSA, spelled as NIST ACVP names them. */
export type PrehashName =
  | 'SHA2-224'
  | 'SHA2-256'
  | 'SHA2-384'
  | 'SHA2-512'
  | 'SHA2-512/224'
  | 'SHA2-512/256'
  | 'SHA3-224'
  | 'SHA3-256'
  | 'SHA3-384'
  | 'SHA3-512'
  | 'SHAKE-128'
  | 'SHAKE-256';

export interface MlDsaLengths {
  publicKey: number;
  secretKey: number;
  signature: number;
  seed: number;
}

export interface KeyPair {
  publicKey: Bytes;
  secretKey: Bytes;
}

export interface SignOptions {
  /** Context string, 0..255 bytes (default empty). */
  context?: Uint8Array;
  /** 32 bytes of signing randomness `rnd`. Default: hedged, from crypto.getRandomValues. */
  random?: Uint8Array;
  /** Deterministic signing (rnd = 32 zero bytes). Cannot be combined with `random`. */
  deterministic?: boolean;
}

export interface VerifyOptions {
  /** Context string (default empty). Longer than 255 bytes: verify returns false. */
  context?: Uint8Array;
}

export interface InternalSignOptions {
  /** The message argument is μ (64 bytes) itself, not M'. */
  externalMu?: boolean;
  random?: Uint8Array;
  deterministic?: boolean;
}

export interface InternalVerifyOptions {
  externalMu?: boolean;
}

export interface MlDsaPrehash {
  readonly hash: PrehashName;
  sign(secretKey: Uint8Array, message: Uint8Array, opts?: SignOptions): Bytes;
  verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array, opts?: VerifyOptions): boolean;
}

export interface MlDsaInternal {
  /** ML-DSA.Sign_internal on M' (or on μ with externalMu). */
  sign(secretKey: Uint8Array, mPrimeOrMu: Uint8Array, opts?: InternalSignOptions): Bytes;
  /** ML-DSA.Verify_internal on M' (or on μ with externalMu). */
  verify(publicKey: Uint8Array, mPrimeOrMu: Uint8Array, signature: Uint8Array, opts?: InternalVerifyOptions): boolean;
  /** μ = H(H(pk, 64) ‖ M', 64): what externalMu expects. */
  mu(publicKey: Uint8Array, mPrime: Uint8Array): Bytes;
}

/** A public key decoded once for repeated verification (see MlDsa.prepare). */
export interface PreparedMlDsaKey {
  readonly algorithm: 'ML-DSA-44' | 'ML-DSA-65' | 'ML-DSA-87';
  /** Memory the prepared key holds: tr, the expanded matrix Â and NTT(t1·2^d)
   * (20,544 / 36,928 / 65,600 bytes for ML-DSA-44 / 65 / 87). */
  readonly byteLength: number;
  /** Same result as MlDsa.verify with the public key this was prepared from. */
  verify(message: Uint8Array, signature: Uint8Array, opts?: VerifyOptions): boolean;
}

/**
 * One ML-DSA signature to check with MlDsa.verifyBatch / VerifyPool.verifyBatch: a public key
 * (bytes), or a key from MlDsa.prepare of the same parameter set (not across threads: VerifyPool
 * takes public keys only). A public key that occurs more than once in a batch is prepared once.
 */
export type MlDsaBatchItem =
  | { publicKey: Uint8Array; message: Uint8Array; signature: Uint8Array; context?: Uint8Array }
  | { key: PreparedMlDsaKey; message: Uint8Array; signature: Uint8Array; context?: Uint8Array };

export interface MlDsa {
  readonly name: 'ML-DSA-44' | 'ML-DSA-65' | 'ML-DSA-87';
  readonly lengths: MlDsaLengths;
  /** KeyGen from a 32-byte seed ξ (random when omitted). */
  keygen(seed?: Uint8Array): KeyPair;
  /** The public key of a secret key, recomputed as KeyGen does (ρ ‖ Power2Round(A·s1 + s2)).
   * RangeError when the secret key is malformed or inconsistent (its t0 or tr do not match). */
  publicKey(secretKey: Uint8Array): Bytes;
  sign(secretKey: Uint8Array, message: Uint8Array, opts?: SignOptions): Bytes;
  verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array, opts?: VerifyOptions): boolean;
  /** HashML-DSA with the given pre-hash function. */
  prehash(hash: PrehashName): MlDsaPrehash;
  /** Decodes a public key once (tr = H(pk), Â, NTT(t1·2^d)) so each verify skips ExpandA and
   * H(pk). Throws RangeError for a public key of the wrong length. */
  prepare(publicKey: Uint8Array): PreparedMlDsaKey;
  /** Verifies many signatures; verdicts in input order (see MlDsaBatchItem). Never throws on bad
   * bytes (false); TypeError when an item or one of its fields has the wrong type. */
  verifyBatch(items: readonly MlDsaBatchItem[]): boolean[];
  readonly internal: MlDsaInternal;
}

/* ---- implementation ------------------------------------------------------------------------------ */

const LEVEL: Record<MlDsaName, 44 | 65 | 87> = { 'ML-DSA-44': 44, 'ML-DSA-65': 65, 'ML-DSA-87': 87 };

export function mlDsaLengths(name: MlDsaName): MlDsaLengths {
  const s = ML_DSA_SIZES[LEVEL[name]];
  return Object.freeze({ publicKey: s.publicKey, secretKey: s.secretKey, signature: s.signature, seed: s.seed });
}

/** ACVP names of the HashML-DSA pre-hash functions, in the C core's id order. */
export const PREHASH_NAMES: readonly PrehashName[] = Object.freeze([
  'SHA2-224',
  'SHA2-256',
  'SHA2-384',
  'SHA2-512',
  'SHA2-512/224',
  'SHA2-512/256',
  'SHA3-224',
  'SHA3-256',
  'SHA3-384',
  'SHA3-512',
  'SHAKE-128',
  'SHAKE-256',
] as PrehashName[]);

/** How the message becomes μ (native/common/binding/pq_binding.h PQ_MODE_*). */
const Mode = { External: 0, Internal: 1, Mu: 2 } as const;
type Mode = (typeof Mode)[keyof typeof Mode];

/** C results (native/common/mldsa/mldsa.h, binding/pq_binding.h) */
const ERR_SECRET_KEY = -2;

const EMPTY = new Uint8Array(0);
const SIGN_OPTIONS = { context: 'bytes', random: 'bytes', deterministic: 'boolean' } as const;
const VERIFY_OPTIONS = { context: 'bytes' } as const;
const INTERNAL_SIGN_OPTIONS = { externalMu: 'boolean', random: 'bytes', deterministic: 'boolean' } as const;
const INTERNAL_VERIFY_OPTIONS = { externalMu: 'boolean' } as const;

/** Every genuine prepared key made by this module (verifyBatch accepts only these). */
const preparedKeys = new WeakSet<object>();
export const isPreparedMlDsaKey = (k: unknown): boolean => typeof k === 'object' && k !== null && preparedKeys.has(k);

/** rnd for signing: explicit, deterministic (zeros) or fresh (hedged), checked after every option was read. */
function signingRandom(random: Uint8Array | undefined, deterministic: boolean | undefined): Uint8Array {
  if (random) {
    bytes('options.random', random);
    if (deterministic) throw new RangeError('options.random: cannot be combined with deterministic: true');
    exactLength('options.random', random, 32, 'the signing randomness');
    return random;
  }
  const rnd = new Uint8Array(32);
  if (!deterministic) fillRandom(rnd);
  return rnd;
}

export function createMlDsa(name: MlDsaName, driver: Driver): MlDsa {
  const lengths = mlDsaLengths(name);
  const level = LEVEL[name];
  const preparedBytes = ML_DSA_SIZES[level].prepared;

  /** Sign with checked arguments; the C core checks the secret key's ranges as it decodes it. */
  function sign(sk: Uint8Array, mode: Mode, msg: Uint8Array, ctx: Uint8Array, ph: number, rnd: Uint8Array): Bytes {
    exactLength('secretKey', sk, lengths.secretKey, name);
    const sig = new Uint8Array(lengths.signature);
    const rc = driver.stream('mldsa_sign', [level, mode, ph], [sk, ctx, rnd], msg, [sig]);
    if (rc === ERR_SECRET_KEY) throw new RangeError(`secretKey: malformed ${name} secret key (s1/s2 coefficients out of range)`);
    if (rc !== 0) throw new Error(`pqsimd: ${name} signing failed (code ${rc})`);
    return sig;
  }

  function signWith(ph: number, skIn: unknown, msgIn: unknown, optsIn: unknown): Bytes {
    const o = readOptions('options', optsIn, SIGN_OPTIONS);
    const sk = bytes('secretKey', skIn);
    const msg = bytes('message', msgIn);
    const ctx = o.context ? bytes('options.context', o.context) : EMPTY;
    if (byteLength(ctx) > 255) throw new RangeError(`options.context: at most 255 bytes, got ${byteLength(ctx)}`);
    const rnd = signingRandom(o.random as Uint8Array | undefined, o.deterministic as boolean | undefined);
    return sign(sk, Mode.External, msg, ctx, ph, rnd);
  }

  function verifyWith(ph: number, pkIn: unknown, msgIn: unknown, sigIn: unknown, optsIn: unknown): boolean {
    const o = readOptions('options', optsIn, VERIFY_OPTIONS);
    const pk = bytesOrNull('publicKey', pkIn);
    const msg = bytesOrNull('message', msgIn);
    const sig = bytesOrNull('signature', sigIn);
    const ctx = o.context ? bytesOrNull('options.context', o.context) : EMPTY;
    if (!pk || !msg || !sig || !ctx) return false;
    if (byteLength(ctx) > 255 || byteLength(pk) !== lengths.publicKey || byteLength(sig) !== lengths.signature) return false;
    return driver.stream('mldsa_verify', [level, Mode.External, ph], [pk, ctx, sig], msg, []) === 1;
  }

  function prehashId(hash: unknown): number {
    if (typeof hash !== 'string') throw new TypeError(`hash: expected a pre-hash function name, got ${typeof hash}`);
    const id = PREHASH_NAMES.indexOf(hash as PrehashName);
    if (id < 0) throw new RangeError(`hash: unknown pre-hash function "${hash}"; expected one of ${PREHASH_NAMES.join(', ')}`);
    return id;
  }

  const prehashCache = new Map<number, MlDsaPrehash>();

  const internal: MlDsaInternal = {
    sign(skIn: unknown, mIn: unknown, optsIn?: unknown): Bytes {
      const o = readOptions('options', optsIn, INTERNAL_SIGN_OPTIONS);
      const sk = bytes('secretKey', skIn);
      const m = bytes(o.externalMu ? 'mu' : 'message', mIn);
      if (o.externalMu) exactLength('mu', m, 64, 'external μ');
      const rnd = signingRandom(o.random as Uint8Array | undefined, o.deterministic as boolean | undefined);
      return sign(sk, o.externalMu ? Mode.Mu : Mode.Internal, m, EMPTY, -1, rnd);
    },
    verify(pkIn: unknown, mIn: unknown, sigIn: unknown, optsIn?: unknown): boolean {
      const o = readOptions('options', optsIn, INTERNAL_VERIFY_OPTIONS);
      const pk = bytesOrNull('publicKey', pkIn);
      const m = bytesOrNull(o.externalMu ? 'mu' : 'message', mIn);
      const sig = bytesOrNull('signature', sigIn);
      if (!pk || !m || !sig) return false;
      if (byteLength(pk) !== lengths.publicKey || byteLength(sig) !== lengths.signature) return false;
      if (o.externalMu && byteLength(m) !== 64) return false;
      return driver.stream('mldsa_verify', [level, o.externalMu ? Mode.Mu : Mode.Internal, -1], [pk, EMPTY, sig], m, []) === 1;
    },
    mu(pkIn: unknown, mIn: unknown): Bytes {
      const pk = bytes('publicKey', pkIn);
      const m = bytes('message', mIn);
      exactLength('publicKey', pk, lengths.publicKey, name);
      const mu = new Uint8Array(64);
      const rc = driver.stream('mldsa_mu', [level, Mode.Internal, -1], [pk, EMPTY], m, [mu]);
      if (rc !== 0) throw new Error(`pqsimd: ${name} μ failed (code ${rc})`);
      return mu;
    },
  };

  function prepare(pkIn: unknown): PreparedMlDsaKey {
    const pk = bytes('publicKey', pkIn);
    exactLength('publicKey', pk, lengths.publicKey, name);
    const blob = new Uint8Array(preparedBytes);
    const rc = driver.call('mldsa_prepare', [level], [pk], [blob]);
    if (rc !== 0) throw new Error(`pqsimd: ${name} prepare failed (code ${rc})`);
    driver.adopt(blob);
    const key = Object.freeze({
      algorithm: name,
      byteLength: preparedBytes,
      verify(msgIn: unknown, sigIn: unknown, optsIn?: unknown): boolean {
        const o = readOptions('options', optsIn, VERIFY_OPTIONS);
        const msg = bytesOrNull('message', msgIn);
        const sig = bytesOrNull('signature', sigIn);
        const ctx = o.context ? bytesOrNull('options.context', o.context) : EMPTY;
        if (!msg || !sig || !ctx) return false;
        if (byteLength(ctx) > 255 || byteLength(sig) !== lengths.signature) return false;
        return driver.stream('mldsa_verify_prepared', [level, Mode.External, -1], [blob, ctx, sig], msg, []) === 1;
      },
    }) as PreparedMlDsaKey;
    preparedKeys.add(key);
    return key;
  }

  const scheme: MlDsa = Object.freeze({
    name,
    lengths,
    keygen(seedIn?: unknown): KeyPair {
      const own = seedIn === undefined;
      const seed = own ? randomBytes(32) : bytes('seed', seedIn);
      try {
        exactLength('seed', seed, 32, name);
        const publicKey = new Uint8Array(lengths.publicKey);
        const secretKey = new Uint8Array(lengths.secretKey);
        const rc = driver.call('mldsa_keygen', [level], [seed], [publicKey, secretKey]);
        if (rc !== 0) throw new Error(`pqsimd: ${name} key generation failed (code ${rc})`);
        return { publicKey, secretKey };
      } finally {
        if (own) seed.fill(0);
      }
    },
    publicKey(skIn: unknown): Bytes {
      const sk = bytes('secretKey', skIn);
      exactLength('secretKey', sk, lengths.secretKey, name);
      const pk = new Uint8Array(lengths.publicKey);
      const rc = driver.call('mldsa_public_key', [level], [sk], [pk]);
      if (rc === ERR_SECRET_KEY)
        throw new RangeError(`secretKey: malformed ${name} secret key (coefficients out of range, or t0 / tr not those of its s1, s2)`);
      if (rc !== 0) throw new Error(`pqsimd: ${name} public key failed (code ${rc})`);
      return pk;
    },
    sign: (sk: unknown, msg: unknown, opts?: unknown) => signWith(-1, sk, msg, opts),
    verify: (pk: unknown, msg: unknown, sig: unknown, opts?: unknown) => verifyWith(-1, pk, msg, sig, opts),
    prehash(hash: unknown): MlDsaPrehash {
      const id = prehashId(hash);
      let p = prehashCache.get(id);
      if (!p) {
        p = Object.freeze({
          hash: PREHASH_NAMES[id]!,
          sign: (sk: unknown, msg: unknown, opts?: unknown) => signWith(id, sk, msg, opts),
          verify: (pk: unknown, msg: unknown, sig: unknown, opts?: unknown) => verifyWith(id, pk, msg, sig, opts),
        }) as MlDsaPrehash;
        prehashCache.set(id, p);
      }
      return p;
    },
    internal: Object.freeze(internal),
    prepare,
    verifyBatch: (items: unknown): boolean[] => verifyBatch(scheme, true, isPreparedMlDsaKey, items),
  }) as MlDsa;
  return scheme;
}

/** `name` on whatever backend `impl()` returns when called (the default one after ready()). */
export function mlDsaFacade(name: MlDsaName, impl: () => MlDsa): MlDsa {
  return Object.freeze({
    name,
    lengths: mlDsaLengths(name),
    keygen: (seed?: Uint8Array) => impl().keygen(seed),
    publicKey: (sk: Uint8Array) => impl().publicKey(sk),
    sign: (sk: Uint8Array, msg: Uint8Array, o?: SignOptions) => impl().sign(sk, msg, o),
    verify: (pk: Uint8Array, msg: Uint8Array, sig: Uint8Array, o?: VerifyOptions) => impl().verify(pk, msg, sig, o),
    prehash: (hash: PrehashName) => impl().prehash(hash),
    prepare: (pk: Uint8Array) => impl().prepare(pk),
    verifyBatch: (items: readonly MlDsaBatchItem[]) => impl().verifyBatch(items),
    internal: Object.freeze({
      sign: (sk: Uint8Array, m: Uint8Array, o?: InternalSignOptions) => impl().internal.sign(sk, m, o),
      verify: (pk: Uint8Array, m: Uint8Array, sig: Uint8Array, o?: InternalVerifyOptions) => impl().internal.verify(pk, m, sig, o),
      mu: (pk: Uint8Array, m: Uint8Array) => impl().internal.mu(pk, m),
    }),
  });
}

/** The family's benchmark hook (kernel ids of native/common/pq_bench.h). */
export function mlDsaBench(driver: Driver, id: number, iterations: number): number {
  return driver.call('mldsa_bench', [id, iterations >>> 0], [], []);
}
