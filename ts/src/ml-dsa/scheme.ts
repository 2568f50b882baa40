/** ML-DSA (FIPS 204) over one driver: argument checks and errors; the C core does the rest. */
import { verifyBatch } from '../batch.js';
import { type Bytes, byteLength, bytes, bytesOrNull, copyOf, describe, exactLength, isBytes, readOptions, zero } from '../core/bytes.js';
import { equalPublic, equalSecret } from '../core/der.js';
import type { Driver } from '../core/driver.js';
import { fillRandom, randomBytes } from '../core/random.js';
import { ML_DSA_SIZES } from '../gen/params.js';
import { decodePkcs8, decodeSpki, encodePkcs8, encodeSpki, type MlDsaPrivateKeyForm, spkiLength } from './keys.js';

export type { MlDsaPrivateKeyForm };

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

/** What MlDsa.secretKeyToPkcs8 encodes: an expanded secret key, or the 32-byte seed ξ. */
export type MlDsaPkcs8Input = Uint8Array | { seed: Uint8Array };

export interface Pkcs8Options {
  /** The privateKey CHOICE: 'seed' (ξ only, RFC 9881's RECOMMENDED form; the default when a seed
   * is given), 'expanded' (the default for a secret key) or 'both'. 'seed' and 'both' need the seed. */
  form?: MlDsaPrivateKeyForm;
  /** Also write the public key (OneAsymmetricKey v2's [1] publicKey field). Default false. */
  publicKey?: boolean;
}

/** A private key read from PKCS#8, checked: the expanded secret key, its public key, and the seed
 * when the DER held one. */
export interface MlDsaPkcs8Key {
  readonly form: MlDsaPrivateKeyForm;
  readonly secretKey: Bytes;
  readonly publicKey: Bytes;
  readonly seed: Bytes | null;
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
  /** The public key as DER SubjectPublicKeyInfo (RFC 9881: id-ml-dsa-*, parameters absent). Every
   * verify path (verify, prehash().verify, prepare, verifyBatch, internal.verify) also takes this
   * DER in place of the raw key: malformed DER verifies to false (prepare: RangeError). */
  publicKeyToSpki(publicKey: Uint8Array): Bytes;
  /** The raw public key from DER SubjectPublicKeyInfo, read strictly (this parameter set's OID, no
   * parameters, exact lengths, nothing after it). RangeError naming the malformed field. */
  publicKeyFromSpki(spki: Uint8Array): Bytes;
  /** The private key as DER PKCS#8 (RFC 5958 OneAsymmetricKey with RFC 9881's private key CHOICE).
   * An expanded secret key is checked (as publicKey() does) before it is written. */
  secretKeyToPkcs8(key: MlDsaPkcs8Input, opts?: Pkcs8Options): Bytes;
  /** Reads DER PKCS#8 strictly and checks what it says: a seed is expanded by KeyGen, seed and
   * expanded key must agree ('both'), an expanded key must be well formed, a publicKey field must
   * be the key's own. RangeError naming the field otherwise. */
  secretKeyFromPkcs8(pkcs8: Uint8Array): MlDsaPkcs8Key;
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
const PKCS8_OPTIONS = { form: 'string', publicKey: 'boolean' } as const;
const FORMS: readonly MlDsaPrivateKeyForm[] = ['seed', 'expanded', 'both'];

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

  const spkiBytes = spkiLength(lengths.publicKey);

  /** A verify path's public key: the raw key, the raw key inside a SubjectPublicKeyInfo of this
   * parameter set, or null (wrong length or malformed DER: the verdict is false). */
  function verifyingKey(pk: Uint8Array): Uint8Array | null {
    const n = byteLength(pk);
    if (n === lengths.publicKey) return pk;
    if (n !== spkiBytes) return null;
    try {
      return decodeSpki(name, lengths.publicKey, pk, 'publicKey');
    } catch (e) {
      if (e instanceof RangeError) return null;
      throw e;
    }
  }

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
    const pkOrDer = bytesOrNull('publicKey', pkIn);
    const msg = bytesOrNull('message', msgIn);
    const sig = bytesOrNull('signature', sigIn);
    const ctx = o.context ? bytesOrNull('options.context', o.context) : EMPTY;
    if (!pkOrDer || !msg || !sig || !ctx) return false;
    if (byteLength(ctx) > 255 || byteLength(sig) !== lengths.signature) return false;
    const pk = verifyingKey(pkOrDer);
    if (!pk) return false;
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
      const pkOrDer = bytesOrNull('publicKey', pkIn);
      const m = bytesOrNull(o.externalMu ? 'mu' : 'message', mIn);
      const sig = bytesOrNull('signature', sigIn);
      if (!pkOrDer || !m || !sig) return false;
      const pk = verifyingKey(pkOrDer);
      if (!pk || byteLength(sig) !== lengths.signature) return false;
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
    const pkOrDer = bytes('publicKey', pkIn);
    const pk = byteLength(pkOrDer) === spkiBytes ? decodeSpki(name, lengths.publicKey, pkOrDer, 'publicKey') : pkOrDer;
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
    publicKeyToSpki(pkIn: unknown): Bytes {
      const pk = bytes('publicKey', pkIn);
      exactLength('publicKey', pk, lengths.publicKey, name);
      return encodeSpki(name, pk) as Bytes; // a fresh array (der.ts builds every encoding anew)
    },
    publicKeyFromSpki(derIn: unknown): Bytes {
      return copyOf(decodeSpki(name, lengths.publicKey, bytes('spki', derIn), 'spki'));
    },
    secretKeyToPkcs8: (keyIn: unknown, optsIn?: unknown): Bytes => toPkcs8(keyIn, optsIn),
    secretKeyFromPkcs8: (derIn: unknown): MlDsaPkcs8Key => fromPkcs8(derIn),
  }) as MlDsa;

  function toPkcs8(keyIn: unknown, optsIn: unknown): Bytes {
    let seed: Uint8Array | null = null;
    let secretKey: Uint8Array | null = null;
    if (isBytes(keyIn)) secretKey = bytes('key', keyIn);
    else if (typeof keyIn === 'object' && keyIn !== null && !Array.isArray(keyIn)) {
      const keys = Object.keys(keyIn);
      if (keys.length !== 1 || keys[0] !== 'seed')
        throw new TypeError(`key: expected a secret key (Uint8Array) or { seed }, got keys ${keys.join(', ') || '(none)'}`);
      seed = bytes('key.seed', (keyIn as { seed: unknown }).seed);
    } else throw new TypeError(`key: expected a secret key (Uint8Array) or { seed }, got ${describe(keyIn)}`);
    const o = readOptions('options', optsIn, PKCS8_OPTIONS);
    const form = (o.form ?? (seed ? 'seed' : 'expanded')) as MlDsaPrivateKeyForm;
    if (!FORMS.includes(form)) throw new RangeError(`options.form: expected 'seed', 'expanded' or 'both', got "${form}"`);
    if (!seed && form !== 'expanded')
      throw new RangeError(`options.form: '${form}' needs the seed (pass { seed }); a secret key alone can only be written 'expanded'`);
    let kp: KeyPair | null = null;
    try {
      if (seed) {
        exactLength('key.seed', seed, 32, name);
        if (form !== 'seed' || o.publicKey) kp = scheme.keygen(seed);
        return encodePkcs8(name, form, seed, kp ? kp.secretKey : null, o.publicKey && kp ? kp.publicKey : null) as Bytes;
      }
      // publicKey() rejects a malformed or inconsistent expanded key: never write one
      const pk = scheme.publicKey(secretKey!);
      return encodePkcs8(name, 'expanded', null, secretKey, o.publicKey ? pk : null) as Bytes;
    } finally {
      if (kp) zero(kp.secretKey);
    }
  }

  function fromPkcs8(derIn: unknown): MlDsaPkcs8Key {
    const d = decodePkcs8(name, lengths, bytes('pkcs8', derIn), 'pkcs8');
    let kp: KeyPair;
    if (d.seed) {
      kp = scheme.keygen(d.seed);
      if (d.expandedKey && !equalSecret(kp.secretKey, d.expandedKey)) {
        zero(kp.secretKey);
        throw new RangeError('pkcs8.privateKey.both: the expandedKey is not the one its seed generates');
      }
    } else {
      const secretKey = copyOf(d.expandedKey!);
      try {
        kp = { publicKey: scheme.publicKey(secretKey), secretKey };
      } catch (e) {
        zero(secretKey);
        if (e instanceof RangeError)
          throw new RangeError(`pkcs8.privateKey.expandedKey: malformed ${name} secret key (coefficients out of range, or t0 / tr not those of its s1, s2)`);
        throw e;
      }
    }
    if (d.publicKey && !equalPublic(d.publicKey, kp.publicKey)) {
      zero(kp.secretKey);
      throw new RangeError('pkcs8.publicKey: not the public key of the private key');
    }
    return Object.freeze({ form: d.form, secretKey: kp.secretKey, publicKey: kp.publicKey, seed: d.seed ? copyOf(d.seed) : null });
  }
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
    publicKeyToSpki: (pk: Uint8Array) => impl().publicKeyToSpki(pk),
    publicKeyFromSpki: (spki: Uint8Array) => impl().publicKeyFromSpki(spki),
    secretKeyToPkcs8: (key: MlDsaPkcs8Input, o?: Pkcs8Options) => impl().secretKeyToPkcs8(key, o),
    secretKeyFromPkcs8: (pkcs8: Uint8Array) => impl().secretKeyFromPkcs8(pkcs8),
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
