/** Falcon-512/1024 (round 3) and deterministic Falcon-1024 verification over one WASM core. */
import type { FalconLengths, FalconVerifier, PreparedFalconKey } from './types.js';
import { bytes, exactLength } from './util.js';
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

  /** Hashes nonce/salt ‖ message into the state region; the signature goes to the sig region. */
  function start(c: WasmCore, msg: Uint8Array, sig: Uint8Array): number {
    const ex = c.exports;
    const st = c.p('state');
    c.write('sig', sig);
    if (det) ex.pq_falcon_det_verify_start(st, c.p('sig'), sig.length);
    else ex.pq_falcon_verify_start(st, c.p('sig'), sig.length);
    c.stream(msg, (p, n) => ex.pq_keccak_absorb(st, p, n));
    return st;
  }

  return Object.freeze({
    name,
    lengths,
    verify(pkIn: unknown, msgIn: unknown, sigIn: unknown): boolean {
      const pk = bytes('publicKey', pkIn);
      const msg = bytes('message', msgIn);
      const sig = bytes('signature', sigIn);
      if (pk.length !== lengths.publicKey || sig.length < 2 || sig.length > longest) return false;
      return core.run((c) => {
        c.write('pk', pk);
        const st = start(c, msg, sig);
        const ok = det
          ? c.exports.pq_falcon_det_verify_finish(c.p('pk'), pk.length, c.p('sig'), sig.length, st)
          : c.exports.pq_falcon_verify_finish(logn, c.p('pk'), pk.length, c.p('sig'), sig.length, st);
        return ok === 1;
      });
    },
    prepare(pkIn: unknown): PreparedFalconKey {
      const pk = bytes('publicKey', pkIn);
      exactLength('publicKey', pk, lengths.publicKey, name);
      const owner = {};
      const size = 2 << logn;
      const blob = core.run((c) => {
        c.write('pk', pk);
        c.clobberPrepared();
        if (c.exports.pq_falcon_prepare(logn, c.p('pk'), pk.length, c.p('prep')) !== 0) {
          throw new RangeError(`publicKey: malformed ${name} public key (header or a coefficient >= q)`);
        }
        return c.read('prep', size);
      });
      return Object.freeze({
        algorithm: name,
        byteLength: size,
        verify(msgIn: unknown, sigIn: unknown): boolean {
          const msg = bytes('message', msgIn);
          const sig = bytes('signature', sigIn);
          if (sig.length < 2 || sig.length > longest) return false;
          return core.run((c) => {
            c.loadPrepared(owner, blob);
            const st = start(c, msg, sig);
            const ok = det
              ? c.exports.pq_falcon_det_verify_prepared_finish(c.p('prep'), c.p('sig'), sig.length, st)
              : c.exports.pq_falcon_verify_prepared_finish(logn, c.p('prep'), c.p('sig'), sig.length, st);
            return ok === 1;
          });
        },
      }) as PreparedFalconKey;
    },
  }) as FalconVerifier;
}
