/** ML-DSA (FIPS 204) over one WASM core instance. */
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
import type { WasmCore } from './wasm.js';

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

export function createMlDsa(name: MlDsaName, core: WasmCore): MlDsa {
  const lengths = Object.freeze({ ...ML_DSA_LENGTHS[name] });
  const level = LEVEL[name];

  /** Copies the secret key in and checks its length and ranges. */
  function loadSecretKey(sk: Uint8Array): void {
    exactLength('secretKey', sk, lengths.secretKey, name);
    core.write('sk', sk);
    if (core.exports.pq_mldsa_sk_check(level, core.p('sk')) !== 0) {
      core.wipe('sk', lengths.secretKey);
      throw new RangeError(`secretKey: malformed ${name} secret key (s1/s2 coefficients out of range)`);
    }
  }

  /** μ = H(tr ‖ M') into the mu region; M' = prefix ‖ message (or OID ‖ PH(message)). */
  function computeMu(trPtr: number, prefix: { ph: number; ctx: Uint8Array } | null, msg: Uint8Array): void {
    const ex = core.exports;
    const st = core.p('state');
    ex.pq_mldsa_mu_init(st, trPtr);
    if (prefix === null) {
      core.stream(msg, (p, n) => ex.pq_keccak_absorb(st, p, n));
    } else {
      core.write('ctx', prefix.ctx);
      ex.pq_mldsa_mu_absorb_prefix(st, prefix.ph >= 0 ? 1 : 0, core.p('ctx'), prefix.ctx.length);
      if (prefix.ph < 0) {
        core.stream(msg, (p, n) => ex.pq_keccak_absorb(st, p, n));
      } else {
        const ph = core.p('prehash');
        ex.pq_prehash_init(ph, prefix.ph);
        core.stream(msg, (p, n) => ex.pq_prehash_update(ph, prefix.ph, p, n));
        ex.pq_prehash_final(ph, prefix.ph, core.p('digest'));
        ex.pq_mldsa_mu_absorb_prehash(st, prefix.ph, core.p('digest'));
      }
    }
    ex.pq_mldsa_mu_final(st, core.p('mu'));
  }

  /** Signs with the secret key already in the sk region and μ in the mu region. */
  function signLoaded(rnd: Uint8Array): Uint8Array {
    core.write('rnd', rnd);
    const rc = core.exports.pq_mldsa_sign_mu(level, core.p('sk'), core.p('mu'), core.p('rnd'), core.p('sig'));
    core.wipe('sk', lengths.secretKey);
    core.wipe('rnd', 32);
    core.wipe('mu', 64);
    if (rc !== 0) throw new Error(`pqsimd: ${name} signing failed (code ${rc})`);
    return core.read('sig', lengths.signature);
  }

  function verifyLoaded(sig: Uint8Array): boolean {
    core.write('sig', sig);
    return core.exports.pq_mldsa_verify_mu(level, core.p('pk'), lengths.publicKey, core.p('mu'), core.p('sig'), sig.length) === 1;
  }

  function checkContext(ctx: Uint8Array): void {
    if (ctx.length > 255) throw new RangeError(`context: at most 255 bytes, got ${ctx.length}`);
  }

  function signWith(ph: number, skIn: unknown, msgIn: unknown, optsIn: unknown): Uint8Array {
    const sk = bytes('secretKey', skIn);
    const msg = bytes('message', msgIn);
    const o = options<SignOptions>('options', optsIn);
    const ctx = optBytes('context', o.context) ?? EMPTY;
    checkContext(ctx);
    const rnd = signingRandom(o);
    return core.run(() => {
      loadSecretKey(sk);
      computeMu(core.p('sk') + 64, { ph, ctx }, msg);
      return signLoaded(rnd);
    });
  }

  function verifyWith(ph: number, pkIn: unknown, msgIn: unknown, sigIn: unknown, optsIn: unknown): boolean {
    const pk = bytes('publicKey', pkIn);
    const msg = bytes('message', msgIn);
    const sig = bytes('signature', sigIn);
    const o = options<VerifyOptions>('options', optsIn);
    const ctx = optBytes('context', o.context) ?? EMPTY;
    if (ctx.length > 255 || pk.length !== lengths.publicKey || sig.length !== lengths.signature) return false;
    return core.run(() => {
      core.write('pk', pk);
      core.exports.pq_mldsa_pk_tr(core.p('pk'), pk.length, core.p('tr'));
      computeMu(core.p('tr'), { ph, ctx }, msg);
      return verifyLoaded(sig);
    });
  }

  function prehashId(hash: unknown): number {
    if (typeof hash !== 'string') throw new TypeError(`hash: expected a pre-hash function name, got ${typeof hash}`);
    const id = PREHASH_NAMES.indexOf(hash as PrehashName);
    if (id < 0) throw new RangeError(`hash: unknown pre-hash function "${hash}"; expected one of ${PREHASH_NAMES.join(', ')}`);
    return id;
  }

  const prehashCache = new Map<number, MlDsaPrehash>();

  const preparedBytes = { 'ML-DSA-44': 20544, 'ML-DSA-65': 36928, 'ML-DSA-87': 65600 }[name];

  function prepare(pkIn: unknown): PreparedMlDsaKey {
    const pk = bytes('publicKey', pkIn);
    exactLength('publicKey', pk, lengths.publicKey, name);
    const owner = {};
    const blob = core.run((c) => {
      c.write('pk', pk);
      c.clobberPrepared();
      const rc = c.exports.pq_mldsa_prepare(level, c.p('pk'), pk.length, c.p('prep'));
      if (rc !== 0) throw new Error(`pqsimd: ${name} prepare failed (code ${rc})`);
      return c.read('prep', preparedBytes);
    });
    return Object.freeze({
      algorithm: name,
      byteLength: blob.length,
      verify(msgIn: unknown, sigIn: unknown, optsIn?: unknown): boolean {
        const msg = bytes('message', msgIn);
        const sig = bytes('signature', sigIn);
        const o = options<VerifyOptions>('options', optsIn);
        const ctx = optBytes('context', o.context) ?? EMPTY;
        if (ctx.length > 255 || sig.length !== lengths.signature) return false;
        return core.run((c) => {
          c.loadPrepared(owner, blob);
          computeMu(c.p('prep'), { ph: -1, ctx }, msg); /* tr is the first 64 bytes */
          c.write('sig', sig);
          return c.exports.pq_mldsa_verify_prepared(level, c.p('prep'), c.p('mu'), c.p('sig'), sig.length) === 1;
        });
      },
    }) as PreparedMlDsaKey;
  }

  const internal: MlDsaInternal = {
    sign(skIn: unknown, mIn: unknown, optsIn?: unknown): Uint8Array {
      const sk = bytes('secretKey', skIn);
      const o = options<InternalSignOptions>('options', optsIn);
      const m = bytes(o.externalMu ? 'mu' : 'message', mIn);
      const rnd = signingRandom(o);
      if (o.externalMu) exactLength('mu', m, 64, 'external μ');
      return core.run(() => {
        loadSecretKey(sk);
        if (o.externalMu) core.write('mu', m);
        else computeMu(core.p('sk') + 64, null, m);
        return signLoaded(rnd);
      });
    },
    verify(pkIn: unknown, mIn: unknown, sigIn: unknown, optsIn?: unknown): boolean {
      const pk = bytes('publicKey', pkIn);
      const o = options<InternalVerifyOptions>('options', optsIn);
      const m = bytes(o.externalMu ? 'mu' : 'message', mIn);
      const sig = bytes('signature', sigIn);
      if (pk.length !== lengths.publicKey || sig.length !== lengths.signature) return false;
      if (o.externalMu && m.length !== 64) return false;
      return core.run(() => {
        core.write('pk', pk);
        if (o.externalMu) {
          core.write('mu', m);
        } else {
          core.exports.pq_mldsa_pk_tr(core.p('pk'), pk.length, core.p('tr'));
          computeMu(core.p('tr'), null, m);
        }
        return verifyLoaded(sig);
      });
    },
    mu(pkIn: unknown, mIn: unknown): Uint8Array {
      const pk = bytes('publicKey', pkIn);
      const m = bytes('message', mIn);
      exactLength('publicKey', pk, lengths.publicKey, name);
      return core.run(() => {
        core.write('pk', pk);
        core.exports.pq_mldsa_pk_tr(core.p('pk'), pk.length, core.p('tr'));
        computeMu(core.p('tr'), null, m);
        return core.read('mu', 64);
      });
    },
  };

  return Object.freeze({
    name,
    lengths,
    keygen(seedIn?: unknown): KeyPair {
      const own = seedIn === undefined;
      const seed = own ? randomBytes(32) : bytes('seed', seedIn);
      exactLength('seed', seed, 32, name);
      try {
        return core.run(() => {
          core.write('seed', seed);
          const rc = core.exports.pq_mldsa_keygen(level, core.p('seed'), core.p('pk'), core.p('sk'));
          if (rc !== 0) throw new Error(`pqsimd: ${name} key generation failed (code ${rc})`);
          const kp = { publicKey: core.read('pk', lengths.publicKey), secretKey: core.read('sk', lengths.secretKey) };
          core.wipe('seed', 32);
          core.wipe('sk', lengths.secretKey);
          return kp;
        });
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
  }) as MlDsa;
}
