/** ML-DSA (FIPS 204): argument checks and errors; the bytes go to a backend's Driver. */
import { type Driver, Mode } from './driver.js';
import type {
  InternalSignOptions,
  InternalVerifyOptions,
  KeyPair,
  MlDsa,
  MlDsaInternal,
  MlDsaLengths,
  MlDsaPrehash,
  PreparedMlDsaKey,
  PrehashName,
  SignOptions,
  VerifyOptions,
} from './types.js';
import { bytes, exactLength, optBytes, options, randomBytes } from './util.js';
import { verifyBatch } from './batch.js';

export type MlDsaName = 'ML-DSA-44' | 'ML-DSA-65' | 'ML-DSA-87';

export const ML_DSA_LENGTHS: Record<MlDsaName, MlDsaLengths> = {
  'ML-DSA-44': { publicKey: 1312, secretKey: 2560, signature: 2420, seed: 32 },
  'ML-DSA-65': { publicKey: 1952, secretKey: 4032, signature: 3309, seed: 32 },
  'ML-DSA-87': { publicKey: 2592, secretKey: 4896, signature: 4627, seed: 32 },
};

const LEVEL: Record<MlDsaName, number> = { 'ML-DSA-44': 44, 'ML-DSA-65': 65, 'ML-DSA-87': 87 };

/** ACVP names of the HashML-DSA pre-hash functions, in the C core's id order. */
export const PREHASH_NAMES: readonly PrehashName[] = [
  'SHA2-224', 'SHA2-256', 'SHA2-384', 'SHA2-512', 'SHA2-512/224', 'SHA2-512/256',
  'SHA3-224', 'SHA3-256', 'SHA3-384', 'SHA3-512', 'SHAKE-128', 'SHAKE-256',
];

const EMPTY = new Uint8Array(0);

/** rnd for signing: explicit, deterministic (zeros) or fresh randomness (hedged). */
function signingRandom(o: { random?: unknown; deterministic?: unknown }): Uint8Array {
  const random = optBytes('random', o.random);
  if (random) {
    if (o.deterministic) throw new RangeError('random: cannot be combined with deterministic: true');
    if (random.length !== 32) throw new RangeError(`random: expected 32 bytes, got ${random.length}`);
    return random;
  }
  return o.deterministic ? new Uint8Array(32) : randomBytes(32);
}

function checkContext(ctx: Uint8Array): void {
  if (ctx.length > 255) throw new RangeError(`context: at most 255 bytes, got ${ctx.length}`);
}

export function createMlDsa(name: MlDsaName, driver: Driver): MlDsa {
  const lengths = Object.freeze({ ...ML_DSA_LENGTHS[name] });
  const level = LEVEL[name];

  /** The C core checks the secret key's ranges as it decodes it (code -2 when out of range). */
  function sign(sk: Uint8Array, mode: Mode, msg: Uint8Array, ctx: Uint8Array, ph: number, rnd: Uint8Array): Uint8Array {
    exactLength('secretKey', sk, lengths.secretKey, name);
    const out = driver.mldsaSign(level, sk, mode, msg, ctx, ph, rnd);
    if (typeof out === 'number') {
      if (out === -2) throw new RangeError(`secretKey: malformed ${name} secret key (s1/s2 coefficients out of range)`);
      throw new Error(`pqsimd: ${name} signing failed (code ${out})`);
    }
    return out;
  }

  function signWith(ph: number, skIn: unknown, msgIn: unknown, optsIn: unknown): Uint8Array {
    const sk = bytes('secretKey', skIn);
    const msg = bytes('message', msgIn);
    const o = options<SignOptions>('options', optsIn);
    const ctx = optBytes('context', o.context) ?? EMPTY;
    checkContext(ctx);
    return sign(sk, Mode.External, msg, ctx, ph, signingRandom(o));
  }

  function verifyWith(ph: number, pkIn: unknown, msgIn: unknown, sigIn: unknown, optsIn: unknown): boolean {
    const pk = bytes('publicKey', pkIn);
    const msg = bytes('message', msgIn);
    const sig = bytes('signature', sigIn);
    const o = options<VerifyOptions>('options', optsIn);
    const ctx = optBytes('context', o.context) ?? EMPTY;
    if (ctx.length > 255 || pk.length !== lengths.publicKey || sig.length !== lengths.signature) return false;
    return driver.mldsaVerify(level, pk, Mode.External, msg, ctx, ph, sig);
  }

  function prehashId(hash: unknown): number {
    if (typeof hash !== 'string') throw new TypeError(`hash: expected a pre-hash function name, got ${typeof hash}`);
    const id = PREHASH_NAMES.indexOf(hash as PrehashName);
    if (id < 0) throw new RangeError(`hash: unknown pre-hash function "${hash}"; expected one of ${PREHASH_NAMES.join(', ')}`);
    return id;
  }

  const prehashCache = new Map<number, MlDsaPrehash>();

  const internal: MlDsaInternal = {
    sign(skIn: unknown, mIn: unknown, optsIn?: unknown): Uint8Array {
      const sk = bytes('secretKey', skIn);
      const o = options<InternalSignOptions>('options', optsIn);
      const m = bytes(o.externalMu ? 'mu' : 'message', mIn);
      const rnd = signingRandom(o);
      if (o.externalMu) exactLength('mu', m, 64, 'external μ');
      return sign(sk, o.externalMu ? Mode.Mu : Mode.Internal, m, EMPTY, -1, rnd);
    },
    verify(pkIn: unknown, mIn: unknown, sigIn: unknown, optsIn?: unknown): boolean {
      const pk = bytes('publicKey', pkIn);
      const o = options<InternalVerifyOptions>('options', optsIn);
      const m = bytes(o.externalMu ? 'mu' : 'message', mIn);
      const sig = bytes('signature', sigIn);
      if (pk.length !== lengths.publicKey || sig.length !== lengths.signature) return false;
      if (o.externalMu && m.length !== 64) return false;
      return driver.mldsaVerify(level, pk, o.externalMu ? Mode.Mu : Mode.Internal, m, EMPTY, -1, sig);
    },
    mu(pkIn: unknown, mIn: unknown): Uint8Array {
      const pk = bytes('publicKey', pkIn);
      const m = bytes('message', mIn);
      exactLength('publicKey', pk, lengths.publicKey, name);
      return driver.mldsaMu(level, pk, m);
    },
  };

  function prepare(pkIn: unknown): PreparedMlDsaKey {
    const pk = bytes('publicKey', pkIn);
    exactLength('publicKey', pk, lengths.publicKey, name);
    const blob = driver.mldsaPrepare(level, pk);
    const owner = {};
    return Object.freeze({
      algorithm: name,
      byteLength: blob.length,
      verify(msgIn: unknown, sigIn: unknown, optsIn?: unknown): boolean {
        const msg = bytes('message', msgIn);
        const sig = bytes('signature', sigIn);
        const o = options<VerifyOptions>('options', optsIn);
        const ctx = optBytes('context', o.context) ?? EMPTY;
        if (ctx.length > 255 || sig.length !== lengths.signature) return false;
        return driver.mldsaVerifyPrepared(level, blob, owner, msg, ctx, sig);
      },
    }) as PreparedMlDsaKey;
  }

  const scheme: MlDsa = Object.freeze({
    name,
    lengths,
    keygen(seedIn?: unknown): KeyPair {
      const own = seedIn === undefined;
      const seed = own ? randomBytes(32) : bytes('seed', seedIn);
      exactLength('seed', seed, 32, name);
      try {
        const [publicKey, secretKey] = driver.mldsaKeygen(level, seed);
        return { publicKey, secretKey };
      } finally {
        if (own) seed.fill(0);
      }
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
    verifyBatch: (items: unknown): boolean[] => verifyBatch(scheme, true, items),
  }) as MlDsa;
  return scheme;
}
