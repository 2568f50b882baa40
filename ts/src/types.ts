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

export interface ReadyOptions {
  /** Force one backend instead of picking the fastest available one. */
  backend?: BackendName;
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
  MlDsaPrehash,
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
