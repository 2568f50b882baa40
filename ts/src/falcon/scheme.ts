/** Falcon-512/1024 (round 3) and deterministic Falcon-1024 verification over one driver. */
import { verifyBatch } from '../batch.js';
import { byteLength, bytes, bytesOrNull, exactLength } from '../core/bytes.js';
import type { Driver } from '../core/driver.js';
import { FALCON_SIZES } from '../gen/params.js';

export type FalconName = 'Falcon-512' | 'Falcon-1024' | 'Falcon-Det1024';

/* ---- public types ------------------------------------------------------------------------------ */

/** A Falcon public key decoded once, with NTT(h) cached (see FalconVerifier.prepare). */
export interface PreparedFalconKey {
  readonly algorithm: 'Falcon-512' | 'Falcon-1024' | 'Falcon-Det1024';
  /** Memory the prepared key holds (NTT(h): 1,024 / 2,048 bytes). */
  readonly byteLength: number;
  verify(message: Uint8Array, signature: Uint8Array): boolean;
}

/** One Falcon signature to check with FalconVerifier.verifyBatch (as MlDsaBatchItem, no context). */
export type FalconBatchItem =
  | { publicKey: Uint8Array; message: Uint8Array; signature: Uint8Array }
  | { key: PreparedFalconKey; message: Uint8Array; signature: Uint8Array };

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

/* ---- implementation ------------------------------------------------------------------------------ */

/** native/common/binding/pq_binding.h: 0 Falcon-512, 1 Falcon-1024, 2 det1024 */
const KIND: Record<FalconName, number> = { 'Falcon-512': 0, 'Falcon-1024': 1, 'Falcon-Det1024': 2 };
const SIZES = { 'Falcon-512': FALCON_SIZES[512], 'Falcon-1024': FALCON_SIZES[1024], 'Falcon-Det1024': FALCON_SIZES.det1024 } as const;

export function falconLengths(name: FalconName): FalconLengths {
  const s = SIZES[name];
  return Object.freeze({ publicKey: s.publicKey, signature: s.signature, signatureMax: s.signatureMax, signatureCt: s.signatureCt });
}

/** Every genuine prepared key made by this module (verifyBatch accepts only these). */
const preparedKeys = new WeakSet<object>();
export const isPreparedFalconKey = (k: unknown): boolean => typeof k === 'object' && k !== null && preparedKeys.has(k);

export function createFalcon(name: FalconName, driver: Driver): FalconVerifier {
  const lengths = falconLengths(name);
  const kind = KIND[name];
  const preparedBytes = SIZES[name].prepared;
  const longest = Math.max(lengths.signatureMax, lengths.signatureCt, lengths.signature);
  const sigOk = (sig: Uint8Array): boolean => byteLength(sig) >= 2 && byteLength(sig) <= longest;
  const scheme: FalconVerifier = Object.freeze({
    name,
    lengths,
    verify(pkIn: unknown, msgIn: unknown, sigIn: unknown): boolean {
      const pk = bytesOrNull('publicKey', pkIn);
      const msg = bytesOrNull('message', msgIn);
      const sig = bytesOrNull('signature', sigIn);
      if (!pk || !msg || !sig || byteLength(pk) !== lengths.publicKey || !sigOk(sig)) return false;
      return driver.stream('falcon_verify', [kind], [pk, sig], msg, []) === 1;
    },
    prepare(pkIn: unknown): PreparedFalconKey {
      const pk = bytes('publicKey', pkIn);
      exactLength('publicKey', pk, lengths.publicKey, name);
      const blob = new Uint8Array(preparedBytes);
      if (driver.call('falcon_prepare', [kind], [pk], [blob]) !== 0) {
        throw new RangeError(`publicKey: malformed ${name} public key (header or a coefficient >= q)`);
      }
      driver.adopt(blob);
      const key = Object.freeze({
        algorithm: name,
        byteLength: preparedBytes,
        verify(msgIn: unknown, sigIn: unknown): boolean {
          const msg = bytesOrNull('message', msgIn);
          const sig = bytesOrNull('signature', sigIn);
          if (!msg || !sig || !sigOk(sig)) return false;
          return driver.stream('falcon_verify_prepared', [kind], [blob, sig], msg, []) === 1;
        },
      }) as PreparedFalconKey;
      preparedKeys.add(key);
      return key;
    },
    verifyBatch: (items: unknown): boolean[] => verifyBatch(scheme, false, isPreparedFalconKey, items),
  }) as FalconVerifier;
  return scheme;
}

/** `name` on whatever backend `impl()` returns when called (the default one after ready()). */
export function falconFacade(name: FalconName, impl: () => FalconVerifier): FalconVerifier {
  return Object.freeze({
    name,
    lengths: falconLengths(name),
    verify: (pk: Uint8Array, msg: Uint8Array, sig: Uint8Array) => impl().verify(pk, msg, sig),
    prepare: (pk: Uint8Array) => impl().prepare(pk),
    verifyBatch: (items: readonly FalconBatchItem[]) => impl().verifyBatch(items),
  });
}

/** The family's benchmark hook (PQ_BENCH_FALCON_* ids of native/common/pq_bench.h). */
export function falconBench(driver: Driver, id: number, iterations: number): number {
  return driver.call('falcon_bench', [id, iterations >>> 0], [], []);
}
