/** Public types of pqsimd shared by the families; each family's own types live in its module
 * (ml-dsa/scheme.ts, falcon/scheme.ts) and are re-exported here. */

/** A backend that can run the kernels (fastest first). native-* exist in Node when the addon loads. */
export type BackendName =
  | 'native-avx512'
  | 'native-avx2'
  | 'native-neon-sha3'
  | 'native-neon'
  | 'native-portable'
  | 'wasm-relaxed'
  | 'wasm-simd'
  | 'wasm-scalar';

/** What `ready()` chose and why (see backendInfo()). */
export interface BackendInfo {
  /** The default backend, or null before ready(). */
  backend: BackendName | null;
  /** What this runtime can run, fastest first. */
  available: BackendName[];
  /** Why the native addon is not in use, when it is not (null when it loaded or is not applicable). */
  nativeError: string | null;
}

/**
 * A compiled WebAssembly module: a `WebAssembly.Module` (checked at run time). Typed as `object`
 * so these declarations need neither the DOM lib nor @types/node (`WebAssembly.Module` is an
 * empty interface there, so it would check nothing more).
 */
export type CompiledWasmModule = object;

/** The kernel families, named as their WASM files are (`pqsimd/wasm/<family>-<core>.wasm`). */
export type WasmFamily = 'mldsa' | 'falcon' | 'aead' | 'bn254';

/** One family's precompiled WASM cores: the module compiled from `pqsimd/wasm/<family>-<core>.wasm`. */
export interface WasmFamilyModules {
  /** Relaxed SIMD (Chromium, Node >= 22, workerd). */
  relaxed?: CompiledWasmModule;
  /** SIMD128. */
  simd?: CompiledWasmModule;
  /** Scalar, for engines without SIMD128. */
  scalar?: CompiledWasmModule;
}

export interface ReadyOptions {
  /** Force one backend instead of picking the fastest available one. */
  backend?: BackendName;
  /**
   * Precompiled WASM modules, per family and core, for runtimes that forbid compiling WebAssembly
   * at run time (Cloudflare Workers, Vercel Edge, ...: "Wasm code generation disallowed by
   * embedder"). A family given here runs only the cores given for it: ready() picks the fastest
   * of them this engine runs (the native addon, where there is one, still comes first). Kept for
   * later ready() calls; they apply to a family the next time it is loaded. The `workerd` and
   * `edge-light` export conditions do this by themselves.
   */
  wasm?: { readonly [F in WasmFamily]?: WasmFamilyModules };
}

export type { Bytes } from './core/bytes.js';

import type { MlDsa } from './ml-dsa/scheme.js';
import type { FalconVerifier } from './falcon/scheme.js';

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
  MlDsaPrehash,
  MlDsaPrivateKeyForm,
  Pkcs8Options,
  PreparedMlDsaKey,
  PrehashName,
  SignOptions,
  VerifyOptions,
} from './ml-dsa/scheme.js';
export type { FalconBatchItem, FalconLengths, FalconVerifier, PreparedFalconKey } from './falcon/scheme.js';

/** One loaded backend: every scheme bound to it. `ready()` makes one the default. */
export interface Backend {
  readonly name: BackendName;
  readonly mlDsa44: MlDsa;
  readonly mlDsa65: MlDsa;
  readonly mlDsa87: MlDsa;
  readonly falcon512: FalconVerifier;
  readonly falcon1024: FalconVerifier;
  readonly falconDet1024: FalconVerifier;
}
