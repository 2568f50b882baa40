/**
 * What a backend provides. The scheme objects (mldsa.ts, falcon.ts) check and
 * name every argument, then call a driver; a driver only moves bytes to the C
 * core and back (WASM: through linear memory; native: in place).
 */

/** How the message argument of sign/verify is turned into μ. */
export const enum Mode {
  /** M' = 0/1 ‖ |ctx| ‖ ctx ‖ (M or OID ‖ PH(M)) (pure ML-DSA, or HashML-DSA when ph >= 0). */
  External = 0,
  /** The message is M' itself (Sign_internal / Verify_internal). */
  Internal = 1,
  /** The message is μ (64 bytes). */
  Mu = 2,
}

export interface Driver {
  mldsaKeygen(level: number, seed: Uint8Array): [Uint8Array, Uint8Array];
  /** The signature, or a negative C error code (-2: secret key out of range). */
  mldsaSign(level: number, sk: Uint8Array, mode: Mode, msg: Uint8Array, ctx: Uint8Array, ph: number, rnd: Uint8Array): Uint8Array | number;
  mldsaVerify(level: number, pk: Uint8Array, mode: Mode, msg: Uint8Array, ctx: Uint8Array, ph: number, sig: Uint8Array): boolean;
  mldsaMu(level: number, pk: Uint8Array, mPrime: Uint8Array): Uint8Array;
  mldsaPrepare(level: number, pk: Uint8Array): Uint8Array;
  /** `owner` identifies the prepared key (lets a driver keep it loaded between calls). */
  mldsaVerifyPrepared(level: number, prepared: Uint8Array, owner: object, msg: Uint8Array, ctx: Uint8Array, sig: Uint8Array): boolean;
  /** kind: 0 = Falcon-512, 1 = Falcon-1024, 2 = deterministic Falcon-1024. */
  falconVerify(kind: number, pk: Uint8Array, msg: Uint8Array, sig: Uint8Array): boolean;
  /** The prepared key, or null for a malformed public key. */
  falconPrepare(kind: number, pk: Uint8Array): Uint8Array | null;
  falconVerifyPrepared(kind: number, prepared: Uint8Array, owner: object, msg: Uint8Array, sig: Uint8Array): boolean;
  /** Runs benchmark kernel `id` (native/common/shared/pq_bench.h) `iterations` times. */
  benchKernel(id: number, iterations: number): number;
}
