/** Falcon-512/1024 (round 3) and deterministic Falcon-1024 verification over one WASM core. */
import type { FalconLengths, FalconVerifier } from './types.js';
import { bytes } from './util.js';
import type { WasmCore } from './wasm.js';

export type FalconName = FalconVerifier['name'];

export const FALCON_LENGTHS: Record<FalconName, FalconLengths> = {
  'Falcon-512': { publicKey: 897, signature: 666, signatureMax: 752, signatureCt: 809 },
  'Falcon-1024': { publicKey: 1793, signature: 1280, signatureMax: 1462, signatureCt: 1577 },
  'Falcon-Det1024': { publicKey: 1793, signature: 1538, signatureMax: 1423, signatureCt: 1538 },
};

export function createFalcon(name: FalconName, core: WasmCore): FalconVerifier {
  const lengths = Object.freeze({ ...FALCON_LENGTHS[name] });
  const det = name === 'Falcon-Det1024';
  const logn = name === 'Falcon-512' ? 9 : 10;
  const longest = Math.max(lengths.signatureMax, lengths.signatureCt, lengths.signature);
  return Object.freeze({
    name,
    lengths,
    verify(pkIn: unknown, msgIn: unknown, sigIn: unknown): boolean {
      const pk = bytes('publicKey', pkIn);
      const msg = bytes('message', msgIn);
      const sig = bytes('signature', sigIn);
      if (pk.length !== lengths.publicKey || sig.length < 2 || sig.length > longest) return false;
      return core.run((c) => {
        const ex = c.exports;
        const st = c.p('state');
        c.write('pk', pk);
        c.write('sig', sig);
        if (det) ex.pq_falcon_det_verify_start(st, c.p('sig'), sig.length);
        else ex.pq_falcon_verify_start(st, c.p('sig'), sig.length);
        c.stream(msg, (p, n) => ex.pq_keccak_absorb(st, p, n));
        const ok = det
          ? ex.pq_falcon_det_verify_finish(c.p('pk'), pk.length, c.p('sig'), sig.length, st)
          : ex.pq_falcon_verify_finish(logn, c.p('pk'), pk.length, c.p('sig'), sig.length, st);
        return ok === 1;
      });
    },
  }) as FalconVerifier;
}
