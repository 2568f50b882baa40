/** Public types of pqsimd. ML-DSA names and argument order follow FIPS 204. */

/** A backend that can run the kernels (fastest first). native-* exist in Node when the addon loads. */
export type BackendName = 'native-avx512' | 'native-avx2' | 'native-neon-sha3' | 'native-neon' | 'native-portable' | 'wasm-relaxed' | 'wasm-simd' | 'wasm-scalar';

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

/** The 12 pre-hash functions of HashML-DSA, spelled as NIST ACVP names them. */
export type PrehashName =
  | 'SHA2-224' | 'SHA2-256' | 'SHA2-384' | 'SHA2-512' | 'SHA2-512/224' | 'SHA2-512/256'
  | 'SHA3-224' | 'SHA3-256' | 'SHA3-384' | 'SHA3-512' | 'SHAKE-128' | 'SHAKE-256';

export interface MlDsaLengths {
  publicKey: number;
  secretKey: number;
  signature: number;
  seed: number;
}

export interface KeyPair {
  publicKey: Uint8Array;
  secretKey: Uint8Array;
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
  sign(secretKey: Uint8Array, message: Uint8Array, opts?: SignOptions): Uint8Array;
  verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array, opts?: VerifyOptions): boolean;
}

export interface MlDsaInternal {
  /** ML-DSA.Sign_internal on M' (or on μ with externalMu). */
  sign(secretKey: Uint8Array, mPrimeOrMu: Uint8Array, opts?: InternalSignOptions): Uint8Array;
  /** ML-DSA.Verify_internal on M' (or on μ with externalMu). */
  verify(publicKey: Uint8Array, mPrimeOrMu: Uint8Array, signature: Uint8Array, opts?: InternalVerifyOptions): boolean;
  /** μ = H(H(pk, 64) ‖ M', 64): what externalMu expects. */
  mu(publicKey: Uint8Array, mPrime: Uint8Array): Uint8Array;
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

/** A Falcon public key decoded once, with NTT(h) cached (see FalconVerifier.prepare). */
export interface PreparedFalconKey {
  readonly algorithm: 'Falcon-512' | 'Falcon-1024' | 'Falcon-Det1024';
  /** Memory the prepared key holds (NTT(h): 1,024 / 2,048 bytes). */
  readonly byteLength: number;
  verify(message: Uint8Array, signature: Uint8Array): boolean;
}

/**
 * One ML-DSA signature to check with MlDsa.verifyBatch / VerifyPool.verifyBatch: a public key
 * (bytes), or a key from MlDsa.prepare of the same parameter set (not across threads: VerifyPool
 * takes public keys only). A public key that occurs more than once in a batch is prepared once.
 */
export type MlDsaBatchItem =
  | { publicKey: Uint8Array; message: Uint8Array; signature: Uint8Array; context?: Uint8Array }
  | { key: PreparedMlDsaKey; message: Uint8Array; signature: Uint8Array; context?: Uint8Array };

/** One Falcon signature to check with FalconVerifier.verifyBatch (as MlDsaBatchItem, no context). */
export type FalconBatchItem =
  | { publicKey: Uint8Array; message: Uint8Array; signature: Uint8Array }
  | { key: PreparedFalconKey; message: Uint8Array; signature: Uint8Array };

export interface MlDsa {
  readonly name: 'ML-DSA-44' | 'ML-DSA-65' | 'ML-DSA-87';
  readonly lengths: MlDsaLengths;
  /** KeyGen from a 32-byte seed ξ (random when omitted). */
  keygen(seed?: Uint8Array): KeyPair;
  sign(secretKey: Uint8Array, message: Uint8Array, opts?: SignOptions): Uint8Array;
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
}

export interface FalconLengths {
  publicKey: number;
  /** The fixed-size signature: padded (round 3) or constant-size CT (deterministic). */
  signature: number;
  /** Largest compressed signature. */
  signatureMax: number;
  /** The constant-size (CT) format. */
  signatureCt: number;
}

export interface FalconVerifier {
  readonly name: 'Falcon-512' | 'Falcon-1024' | 'Falcon-Det1024';
  readonly lengths: FalconLengths;
  /** Verifies a detached signature in any of the scheme's formats (by header and length). */
  verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean;
  /** Decodes a public key once and caches NTT(h). Throws RangeError for a malformed key. */
  prepare(publicKey: Uint8Array): PreparedFalconKey;
  /** Verifies many signatures; verdicts in input order (see FalconBatchItem). Never throws on bad
   * bytes (false); TypeError when an item or one of its fields has the wrong type. */
  verifyBatch(items: readonly FalconBatchItem[]): boolean[];
}

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
