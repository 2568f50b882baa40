/**
 * pqsimd: post-quantum signatures (ML-DSA / FIPS 204, Falcon verification) on the fastest backend
 * this runtime offers. `await ready()` once, then everything is synchronous.
 *
 * This root entry re-exports the signature families (pqsimd/ml-dsa, pqsimd/falcon); an app that
 * imports only one family's names from here still bundles and downloads only that family (each
 * family module registers itself, and the package is side-effect free for bundlers). The AEAD
 * family is only on its own subpath, pqsimd/aead.
 */
import { type FamilyDef, loadFamiliesOn, registerFamily } from './core/backends.js';
import type { FalconFamily } from './falcon/index.js';
import { type Kernels, kernels } from './kernels.js';
import type { MlDsaFamily } from './ml-dsa/index.js';
import type { Backend, BackendName } from './types.js';
import { ML_DSA_FAMILY } from './ml-dsa/index.js';
import { FALCON_FAMILY } from './falcon/index.js';

export type * from './types.js';
export { KERNEL_NAMES, type KernelName, type Kernels } from './kernels.js';
export { backend, backendInfo, backends, availableBackends, BACKEND_NAMES, ready } from './core/api.js';
export { mlDsa44, mlDsa65, mlDsa87, PREHASH_NAMES } from './ml-dsa/index.js';
export { falcon512, falcon1024, falconDet1024 } from './falcon/index.js';
export { VerifyPool, POOL_ALGORITHMS, type PoolAlgorithm, type PoolBatchItem, type PoolWorker, type VerifyPoolOptions } from './pool.js';

/** One independently loaded backend: every scheme bound to it, and its kernel benchmark hooks. */
export interface LoadedBackend extends Backend {
  readonly kernels: Kernels;
}

/** Loads backend `name` as an independent instance with every scheme bound to it (what the
 * cross-backend tests and the benchmark use); ready() is not affected. */
export async function loadBackend(name: BackendName): Promise<LoadedBackend> {
  registerFamily(ML_DSA_FAMILY); // (already registered when their modules ran; a bundler may
  registerFamily(FALCON_FAMILY); // have dropped a family module whose schemes the app never uses)
  // only these two: an imported pqsimd/aead has its own loadBackend
  const inst = await loadFamiliesOn(name, [ML_DSA_FAMILY, FALCON_FAMILY] as FamilyDef<unknown>[]);
  const m = inst.get('mldsa') as MlDsaFamily;
  const f = inst.get('falcon') as FalconFamily;
  return Object.freeze({
    name,
    mlDsa44: m.mlDsa44,
    mlDsa65: m.mlDsa65,
    mlDsa87: m.mlDsa87,
    falcon512: f.falcon512,
    falcon1024: f.falcon1024,
    falconDet1024: f.falconDet1024,
    kernels: kernels(m.bench, f.bench, () => m.memoryBytes() + f.memoryBytes()),
  });
}
