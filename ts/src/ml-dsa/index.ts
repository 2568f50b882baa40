/**
 * pqsimd/ml-dsa: ML-DSA-44/65/87 (FIPS 204) on the fastest backend this runtime offers.
 * `await ready()` once, then everything is synchronous. Importing this module registers the
 * ML-DSA family: ready() loads its WASM module (or the native addon) and no other family's.
 */
import { type FamilyDef, familyInstance, registerFamily } from '../core/backends.js';
import type { Driver } from '../core/driver.js';
import { ML_DSA_SIZES } from '../gen/params.js';
import type { MlDsa } from '../types.js';
import { createMlDsa, mlDsaBench, mlDsaLengths, type MlDsaName, PREHASH_NAMES } from './scheme.js';

export { backend, backendInfo, backends, availableBackends, BACKEND_NAMES, ready } from '../core/api.js';
export { PREHASH_NAMES };
export type { BackendInfo, BackendName, KeyPair, MlDsa, MlDsaBatchItem, MlDsaInternal, MlDsaLengths, MlDsaPrehash, PreparedMlDsaKey, PrehashName, ReadyOptions, SignOptions, VerifyOptions, InternalSignOptions, InternalVerifyOptions } from '../types.js';

/** The ML-DSA schemes bound to one backend. */
export interface MlDsaFamily {
  readonly mlDsa44: MlDsa;
  readonly mlDsa65: MlDsa;
  readonly mlDsa87: MlDsa;
  bench(id: number, iterations: number): number;
}

/** @internal The family's registration (root loadBackend uses it). */
export const ML_DSA_FAMILY: FamilyDef<MlDsaFamily> = Object.freeze({
  family: 'mldsa',
  wasm: Object.freeze({
    relaxed: () => import('./wasm-relaxed.js'),
    simd: () => import('./wasm-simd.js'),
    scalar: () => import('./wasm-scalar.js'),
  }),
  residentBytes: ML_DSA_SIZES[87].prepared,
  create: (driver: Driver): MlDsaFamily =>
    Object.freeze({
      mlDsa44: createMlDsa('ML-DSA-44', driver),
      mlDsa65: createMlDsa('ML-DSA-65', driver),
      mlDsa87: createMlDsa('ML-DSA-87', driver),
      bench: (id: number, iterations: number) => mlDsaBench(driver, id, iterations),
    }),
});
registerFamily(ML_DSA_FAMILY);

function facade(name: MlDsaName, key: 'mlDsa44' | 'mlDsa65' | 'mlDsa87'): MlDsa {
  const impl = (): MlDsa => familyInstance<MlDsaFamily>('mldsa', name)[key];
  return Object.freeze({
    name,
    lengths: mlDsaLengths(name),
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
