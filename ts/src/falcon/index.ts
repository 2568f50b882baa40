/**
 * pqsimd/falcon: Falcon-512/1024 verification (round 3: compressed, padded or CT signatures) and
 * Algorand's deterministic Falcon-1024, on the fastest backend this runtime offers. Importing
 * this module registers the Falcon family: ready() loads its WASM module (or the native addon).
 */
import { type FamilyDef, familyInstance, registerFamily } from '../core/backends.js';
import type { Driver } from '../core/driver.js';
import { FALCON_SIZES } from '../gen/params.js';
import { createFalcon, falconBench, falconFacade, type FalconName, type FalconVerifier } from './scheme.js';

export { backend, backendInfo, backends, availableBackends, BACKEND_NAMES, ready } from '../core/api.js';
export type { BackendInfo, BackendName, CompiledWasmModule, ReadyOptions, WasmFamily, WasmFamilyModules } from '../types.js';
export type { FalconBatchItem, FalconLengths, FalconVerifier, PreparedFalconKey } from './scheme.js';

/** The Falcon verifiers bound to one backend. */
export interface FalconFamily {
  readonly falcon512: FalconVerifier;
  readonly falcon1024: FalconVerifier;
  readonly falconDet1024: FalconVerifier;
  bench(id: number, iterations: number): number;
  /** Bytes of WASM linear memory behind these schemes (0 on the native addon). */
  memoryBytes(): number;
}

/** @internal The family's registration (root loadBackend uses it). */
export const FALCON_FAMILY: FamilyDef<FalconFamily> = Object.freeze({
  family: 'falcon',
  wasm: Object.freeze({
    relaxed: () => import('./wasm-relaxed.js'),
    simd: () => import('./wasm-simd.js'),
    scalar: () => import('./wasm-scalar.js'),
  }),
  residentBytes: FALCON_SIZES[1024].prepared,
  create: (driver: Driver): FalconFamily =>
    Object.freeze({
      falcon512: createFalcon('Falcon-512', driver),
      falcon1024: createFalcon('Falcon-1024', driver),
      falconDet1024: createFalcon('Falcon-Det1024', driver),
      bench: (id: number, iterations: number) => falconBench(driver, id, iterations),
      memoryBytes: () => driver.memoryBytes(),
    }),
});
registerFamily(FALCON_FAMILY);

const facade = (name: FalconName, key: 'falcon512' | 'falcon1024' | 'falconDet1024'): FalconVerifier =>
  falconFacade(name, () => familyInstance<FalconFamily>('falcon', name)[key]);

/** Falcon-512 verification (round 3: compressed, padded or CT signatures) on the default backend. */
export const falcon512: FalconVerifier = facade('Falcon-512', 'falcon512');
/** Falcon-1024 verification (round 3) on the default backend. */
export const falcon1024: FalconVerifier = facade('Falcon-1024', 'falcon1024');
/** Algorand's deterministic Falcon-1024 verification (compressed 0xBA or CT 0xDA) on the default backend. */
export const falconDet1024: FalconVerifier = facade('Falcon-Det1024', 'falconDet1024');
