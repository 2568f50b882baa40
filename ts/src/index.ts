/**
 * pqsimd: post-quantum signatures (ML-DSA / FIPS 204, Falcon verification) on the fastest backend
 * this runtime offers. `await ready()` once, then everything is synchronous.
 */
import { availableBackends, BACKEND_NAMES, KERNEL_NAMES, loadBackend, nativeLoadError, type LoadedBackend } from './backends.js';
import { FALCON_LENGTHS, type FalconName } from './falcon.js';
import { ML_DSA_LENGTHS, PREHASH_NAMES, type MlDsaName } from './mldsa.js';
import type { BackendInfo, BackendName, FalconVerifier, MlDsa, ReadyOptions } from './types.js';

export type * from './types.js';
export type { KernelName, LoadedBackend } from './backends.js';
export { availableBackends, availableBackends as backends, BACKEND_NAMES, KERNEL_NAMES, loadBackend, PREHASH_NAMES };
export { VerifyPool, POOL_ALGORITHMS, type PoolAlgorithm, type PoolBatchItem, type VerifyPoolOptions } from './pool.js';

let current: LoadedBackend | undefined;

/**
 * Loads the best available backend (wasm-relaxed, wasm-simd, else wasm-scalar), or the one
 * named in `opts.backend`. Resolves once the synchronous API is usable.
 * Calling it again with another backend switches the default.
 */
export function ready(opts: ReadyOptions = {}): Promise<void> {
  if (opts === null || typeof opts !== 'object') throw new TypeError('ready: expected an options object');
  const env = typeof process !== 'undefined' ? process.env?.PQSIMD_BACKEND : undefined;
  if (opts.backend === undefined && env && !BACKEND_NAMES.includes(env as BackendName)) {
    return Promise.reject(new RangeError(`PQSIMD_BACKEND: unknown backend "${env}"; expected one of ${BACKEND_NAMES.join(', ')}`));
  }
  const wanted = opts.backend ?? (env as BackendName | undefined);
  if (current && (wanted === undefined || wanted === current.name)) return Promise.resolve();
  const p = (async () => {
    const order = wanted !== undefined ? [wanted] : availableBackends();
    let lastError: unknown = new Error('pqsimd: no WebAssembly support in this runtime');
    for (const name of order) {
      try {
        current = await loadBackend(name);
        return;
      } catch (e) {
        lastError = e;
        if (wanted !== undefined) break;
      }
    }
    throw lastError;
  })();
  return p;
}

/** The default backend, what else this runtime offers, and why the native addon is not in use if it is not. */
export function backendInfo(): BackendInfo {
  return { backend: current?.name ?? null, available: availableBackends(), nativeError: nativeLoadError() };
}

/** The backend `ready()` selected. */
export function backend(): BackendName {
  if (!current) throw new Error('pqsimd: call `await ready()` first');
  return current.name;
}

function facade(name: MlDsaName, key: 'mlDsa44' | 'mlDsa65' | 'mlDsa87'): MlDsa {
  const impl = (): MlDsa => {
    if (!current) throw new Error(`pqsimd: call \`await ready()\` before using ${name}`);
    return current[key];
  };
  return Object.freeze({
    name,
    lengths: Object.freeze({ ...ML_DSA_LENGTHS[name] }),
    keygen: (seed?: Uint8Array) => impl().keygen(seed),
    sign: (sk: Uint8Array, msg: Uint8Array, o?: object) => impl().sign(sk, msg, o),
    verify: (pk: Uint8Array, msg: Uint8Array, sig: Uint8Array, o?: object) => impl().verify(pk, msg, sig, o),
    prehash: (hash: Parameters<MlDsa['prehash']>[0]) => impl().prehash(hash),
    prepare: (pk: Uint8Array) => impl().prepare(pk),
    verifyBatch: (items: Parameters<MlDsa['verifyBatch']>[0]) => impl().verifyBatch(items),
    internal: Object.freeze({
      sign: (sk: Uint8Array, m: Uint8Array, o?: object) => impl().internal.sign(sk, m, o),
      verify: (pk: Uint8Array, m: Uint8Array, sig: Uint8Array, o?: object) => impl().internal.verify(pk, m, sig, o),
      mu: (pk: Uint8Array, m: Uint8Array) => impl().internal.mu(pk, m),
    }),
  }) as MlDsa;
}

/** ML-DSA-44 (NIST security category 2) on the default backend. */
export const mlDsa44: MlDsa = facade('ML-DSA-44', 'mlDsa44');
/** ML-DSA-65 (NIST security category 3) on the default backend. */
export const mlDsa65: MlDsa = facade('ML-DSA-65', 'mlDsa65');
/** ML-DSA-87 (NIST security category 5) on the default backend. */
export const mlDsa87: MlDsa = facade('ML-DSA-87', 'mlDsa87');

function falconFacade(name: FalconName, key: 'falcon512' | 'falcon1024' | 'falconDet1024'): FalconVerifier {
  const impl = (): FalconVerifier => {
    if (!current) throw new Error(`pqsimd: call \`await ready()\` before using ${name}`);
    return current[key];
  };
  return Object.freeze({
    name,
    lengths: Object.freeze({ ...FALCON_LENGTHS[name] }),
    verify: (pk: Uint8Array, msg: Uint8Array, sig: Uint8Array) => impl().verify(pk, msg, sig),
    prepare: (pk: Uint8Array) => impl().prepare(pk),
    verifyBatch: (items: Parameters<FalconVerifier['verifyBatch']>[0]) => impl().verifyBatch(items),
  }) as FalconVerifier;
}

/** Falcon-512 verification (round 3: compressed, padded or CT signatures) on the default backend. */
export const falcon512: FalconVerifier = falconFacade('Falcon-512', 'falcon512');
/** Falcon-1024 verification (round 3) on the default backend. */
export const falcon1024: FalconVerifier = falconFacade('Falcon-1024', 'falcon1024');
/** Algorand's deterministic Falcon-1024 verification (compressed 0xBA or CT 0xDA) on the default backend. */
export const falconDet1024: FalconVerifier = falconFacade('Falcon-Det1024', 'falconDet1024');
