// mlDsa*.publicKey(secretKey): the public key recomputed from a secret key (the entry point added
// through the three files of the binding: native/common/mldsa/mldsa.c, native/common/binding/pq_binding.h and
// ts/src/ml-dsa/scheme.ts). Same bytes as keygen's on every backend; secret keys that are out of
// range or inconsistent (t0, tr, s1/s2 not matching) are refused with RangeError.
import { describe, expect, it } from 'vitest';
import { availableBackends, loadBackend, mlDsa65, ready } from './lib.js';
import { stream } from './rng.js';

describe('ML-DSA publicKey(secretKey)', () => {
  for (const b of availableBackends()) {
    it(`${b}: equals keygen's public key, refuses inconsistent secret keys`, async () => {
      const be = await loadBackend(b);
      const r = stream(`public-key/${b}`);
      for (const m of [be.mlDsa44, be.mlDsa65, be.mlDsa87]) {
        for (let i = 0; i < 3; i++) {
          const { publicKey, secretKey } = m.keygen(r.bytes(32));
          expect(Buffer.from(m.publicKey(secretKey)).equals(Buffer.from(publicKey)), m.name).toBe(true);
          // a flipped bit anywhere after rho / K changes s1, s2, t0 or tr: never a silent wrong key
          for (const at of [64, 100, 128, 128 + r.int(secretKey.length - 128 - 416), secretKey.length - 1]) {
            const bad = secretKey.slice();
            bad[at]! ^= 1 << r.int(8);
            expect(() => m.publicKey(bad), `${m.name} byte ${at}`).toThrow(RangeError);
          }
          // a different rho (first byte) makes another A: t0 no longer matches
          const rho = secretKey.slice();
          rho[0]! ^= 0x80;
          expect(() => m.publicKey(rho), m.name).toThrow(/secretKey: malformed/);
        }
        expect(() => m.publicKey(new Uint8Array(m.lengths.secretKey - 1)), m.name).toThrow(RangeError);
        expect(() => m.publicKey('sk' as unknown as Uint8Array), m.name).toThrow(TypeError);
      }
    });
  }

  it('on the default backend through the facade', async () => {
    await ready();
    const kp = mlDsa65.keygen(new Uint8Array(32).fill(5));
    expect(Buffer.from(mlDsa65.publicKey(kp.secretKey)).equals(Buffer.from(kp.publicKey))).toBe(true);
  });
});
