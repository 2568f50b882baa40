/**
 * pqsimd/ml-dsa: ML-DSA-44/65/87 (FIPS 204) on the fastest backend this runtime offers.
 * `await ready()` once, then everything is synchronous. Importing this module registers the
 * ML-DSA family: ready() loads its WASM module (or the native addon) and no other family's.
 */
import { type FamilyDef, familyInstance, registerFamily } from '../core/backends.js';
import type { Driver } from '../core/driver.js';
import { ML_DSA_SIZES } from '../gen/params.js';
import { createMlDsa, type MlDsa, mlDsaBench, mlDsaFacade, type MlDsaName, PREHASH_NAMES } from './scheme.js';

export { backend, backendInfo, backends, availableBackends, BACKEND_NAMES, ready } from '../core/api.js';
export { PREHASH_NAMES };
export type { BackendInfo, BackendName, CompiledWasmModule, ReadyOptions, WasmFamily, WasmFamilyModules } from '../types.js';
export type {
  InternalSignOptions,
  InternalVerifyOptions,
  KeyPair,
  MlDsa,
  MlDsaBatchItem,
  MlDsaInternal,
  MlDsaLengths,
  MlDsaPkcs8Input,
  MlDsaPkcs8Key,
  MlDsaPrivateKeyForm,
  Pkcs8Options,
  MlDsaPrehash,
  PreparedMlDsaKey,
  PrehashName,
  SignOptions,
  VerifyOptions,
} from './scheme.js';

/** The ML-DSA schemes bound to one backend. */
export interface MlDsaFamily {
  readonly mlDsa44: MlDsa;
  readonly mlDsa65: MlDsa;
  readonly mlDsa87: MlDsa;
  bench(id: number, iterations: number): number;
  /** Bytes of WASM linear memory behind these schemes (0 on the native addon). */
  memoryBytes(): number;
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
      memoryBytes: () => driver.memoryBytes(),
    }),
});
registerFamily(ML_DSA_FAMILY);

const facade = (name: MlDsaName, key: 'mlDsa44' | 'mlDsa65' | 'mlDsa87'): MlDsa => mlDsaFacade(name, () => familyInstance<MlDsaFamily>('mldsa', name)[key]);

/** ML-DSA-44 (NIST security category 2) on the default backend. */
export const mlDsa44: MlDsa = facade('ML-DSA-44', 'mlDsa44');
/** ML-DSA-65 (NIST security category 3) on the default backend. */
export const mlDsa65: MlDsa = facade('ML-DSA-65', 'mlDsa65');
/** ML-DSA-87 (NIST security category 5) on the default backend. */
export const mlDsa87: MlDsa = facade('ML-DSA-87', 'mlDsa87');
