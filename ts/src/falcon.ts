/** Falcon-512/1024 (round 3) and deterministic Falcon-1024 verification over a backend's Driver. */
import type { Driver } from './driver.js';
import type { FalconLengths, FalconVerifier, PreparedFalconKey } from './types.js';
import { bytes, exactLength } from './util.js';
import { verifyBatch } from './batch.js';

export type FalconName = FalconVerifier['name'];

export const FALCON_LENGTHS: Record<FalconName, FalconLengths> = {
  'Falcon-512': { publicKey: 897, signature: 666, signatureMax: 752, signatureCt: 809 },
  'Falcon-1024': { publicKey: 1793, signature: 1280, signatureMax: 1462, signatureCt: 1577 },
  'Falcon-Det1024': { publicKey: 1793, signature: 1538, signatureMax: 1423, signatureCt: 1538 },
};

const KIND: Record<FalconName, number> = { 'Falcon-512': 0, 'Falcon-1024': 1, 'Falcon-Det1024': 2 };

export function createFalcon(name: FalconName, driver: Driver): FalconVerifier {
  const lengths = Object.freeze({ ...FALCON_LENGTHS[name] });
  const kind = KIND[name];
  const longest = Math.max(lengths.signatureMax, lengths.signatureCt, lengths.signature);
  const scheme: FalconVerifier = Object.freeze({
    name,
    lengths,
    verify(pkIn: unknown, msgIn: unknown, sigIn: unknown): boolean {
      const pk = bytes('publicKey', pkIn);
      const msg = bytes('message', msgIn);
      const sig = bytes('signature', sigIn);
      if (pk.length !== lengths.publicKey || sig.length < 2 || sig.length > longest) return false;
      return driver.falconVerify(kind, pk, msg, sig);
    },
    prepare(pkIn: unknown): PreparedFalconKey {
      const pk = bytes('publicKey', pkIn);
      exactLength('publicKey', pk, lengths.publicKey, name);
      const blob = driver.falconPrepare(kind, pk);
      if (!blob) throw new RangeError(`publicKey: malformed ${name} public key (header or a coefficient >= q)`);
      const owner = {};
      return Object.freeze({
        algorithm: name,
        byteLength: blob.length,
        verify(msgIn: unknown, sigIn: unknown): boolean {
          const msg = bytes('message', msgIn);
          const sig = bytes('signature', sigIn);
          if (sig.length < 2 || sig.length > longest) return false;
          return driver.falconVerifyPrepared(kind, blob, owner, msg, sig);
        },
      }) as PreparedFalconKey;
    },
    verifyBatch: (items: unknown): boolean[] => verifyBatch(scheme, false, items),
  }) as FalconVerifier;
  return scheme;
}
