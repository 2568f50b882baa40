/** Falcon-512/1024 (round 3) and deterministic Falcon-1024 verification over one driver. */
import { verifyBatch } from '../batch.js';
import { byteLength, bytes, bytesOrNull, exactLength } from '../core/bytes.js';
import type { Driver } from '../core/driver.js';
import { FALCON_SIZES } from '../gen/params.js';
import type { FalconLengths, FalconVerifier, PreparedFalconKey } from '../types.js';

export type FalconName = FalconVerifier['name'];

/** native/common/pq_binding.h: 0 Falcon-512, 1 Falcon-1024, 2 det1024 */
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

/** The family's benchmark hook (PQ_BENCH_FALCON_* ids of native/common/pq_bench.h). */
export function falconBench(driver: Driver, id: number, iterations: number): number {
  return driver.call('falcon_bench', [id, iterations >>> 0], [], []);
}
