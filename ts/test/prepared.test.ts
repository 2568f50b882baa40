// Prepared public keys give exactly the verdicts of plain verify: every
// Wycheproof ML-DSA verify case and every Falcon reference record, on every
// backend, plus interleaving of several prepared keys on one instance.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBackend, type Backend } from './lib.js';
import { BACKENDS, VECTORS_DIR, WP_LEVELS, hex, loadWycheproof, schemeKey, type WpVerifyGroup } from './vectors-util.js';

interface RefRecord {
  alg: 'falcon-512' | 'falcon-1024' | 'falcon-det1024';
  pk: string;
  msg: string;
  sig: string;
  valid: boolean;
}
const REF: RefRecord[] = gunzipSync(readFileSync(join(VECTORS_DIR, 'falcon/reference/falcon-ref.jsonl.gz')))
  .toString('utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as RefRecord);
const FALCON_KEY = { 'falcon-512': 'falcon512', 'falcon-1024': 'falcon1024', 'falcon-det1024': 'falconDet1024' } as const;

for (const name of BACKENDS) {
  describe(`prepared keys on ${name}`, () => {
    let b: Backend;
    beforeAll(async () => {
      b = await loadBackend(name);
    });

    for (const level of WP_LEVELS) {
      it(`ML-DSA-${level}: every Wycheproof verify case gives the same verdict prepared`, () => {
        const file = loadWycheproof<WpVerifyGroup>(level, 'verify');
        const m = b[schemeKey(`ML-DSA-${level}`)];
        let checked = 0,
          refused = 0;
        for (const g of file.testGroups) {
          const pk = hex(g.publicKey);
          if (pk.length !== m.lengths.publicKey) {
            // prepare refuses a wrong-length key; plain verify says false for all its cases
            expect(() => m.prepare(pk)).toThrow(RangeError);
            for (const t of g.tests) expect(m.verify(pk, hex(t.msg), hex(t.sig), t.ctx ? { context: hex(t.ctx) } : {})).toBe(false);
            refused += g.tests.length;
            continue;
          }
          const vk = m.prepare(pk);
          expect(vk.algorithm).toBe(`ML-DSA-${level}`);
          for (const t of g.tests) {
            const opts = t.ctx !== undefined ? { context: hex(t.ctx) } : {};
            const plain = m.verify(pk, hex(t.msg), hex(t.sig), opts);
            expect(plain).toBe(t.result === 'valid');
            expect(vk.verify(hex(t.msg), hex(t.sig), opts)).toBe(plain);
            checked++;
          }
        }
        expect(checked + refused).toBe(file.numberOfTests);
        expect(checked).toBeGreaterThan(100);
      });
    }

    it('ML-DSA: several prepared keys interleaved on one instance, sizes as documented', () => {
      for (const [key, size] of [
        ['mlDsa44', 20544],
        ['mlDsa65', 36928],
        ['mlDsa87', 65600],
      ] as const) {
        const m = b[key];
        const msg = new TextEncoder().encode('prepared');
        const keys = [1, 2, 3].map((i) => m.keygen(new Uint8Array(32).fill(i)));
        const sigs = keys.map((k) => m.sign(k.secretKey, msg, { deterministic: true }));
        const vks = keys.map((k) => m.prepare(k.publicKey));
        expect(vks[0]!.byteLength).toBe(size);
        for (let round = 0; round < 3; round++) for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) expect(vks[i]!.verify(msg, sigs[j]!)).toBe(i === j);
        // plain calls in between do not disturb a prepared key
        expect(m.verify(keys[1]!.publicKey, msg, sigs[1]!)).toBe(true);
        expect(vks[0]!.verify(msg, sigs[0]!)).toBe(true);
        expect(vks[0]!.verify(msg, sigs[0]!, { context: new Uint8Array(256) })).toBe(false);
        expect(() => vks[0]!.verify('x' as unknown as Uint8Array, sigs[0]!)).toThrow(TypeError);
        expect(vks[0]!.verify(msg, sigs[0]!.subarray(1))).toBe(false);
      }
    });

    it(`Falcon: all ${REF.length} reference records give the same verdict prepared`, () => {
      let prepared = 0,
        refused = 0;
      for (const r of REF) {
        const f = b[FALCON_KEY[r.alg]];
        const pk = hex(r.pk);
        const msg = hex(r.msg);
        const sig = hex(r.sig);
        const plain = f.verify(pk, msg, sig);
        expect(plain).toBe(r.valid);
        let vk: ReturnType<typeof f.prepare>;
        try {
          vk = f.prepare(pk);
        } catch (e) {
          expect(e).toBeInstanceOf(RangeError);
          expect(plain).toBe(false);
          refused++;
          continue;
        }
        expect(vk.verify(msg, sig)).toBe(plain);
        prepared++;
      }
      expect(prepared + refused).toBe(1434);
      expect(prepared).toBeGreaterThan(1000);
    });
  });
}
