// verifyBatch on every algorithm object, on every backend: verdicts in order and equal to single
// verify (mixed valid / mutated / wrong key / wrong length / repeated keys that get prepared once,
// prepared-key items, ML-DSA contexts), every Wycheproof verify case and Falcon reference record
// as one batch, empty batches, iterables, and TypeError for items of the wrong type.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import * as lib from './lib.js';
import { loadBackend, type Backend } from './lib.js';
import { SEED, stream } from './rng.js';
import { BACKENDS, VECTORS_DIR, WP_LEVELS, hex, loadWycheproof, type WpVerifyGroup } from './vectors-util.js';

interface RefRecord {
  alg: 'falcon-512' | 'falcon-1024' | 'falcon-det1024';
  format: string;
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
const FALCON = [
  ['falcon512', 'falcon-512'],
  ['falcon1024', 'falcon-1024'],
  ['falconDet1024', 'falcon-det1024'],
] as const;
const MLDSA = ['mlDsa44', 'mlDsa65', 'mlDsa87'] as const;

interface Item {
  publicKey?: Uint8Array;
  key?: unknown;
  message: Uint8Array;
  signature: Uint8Array;
  context?: Uint8Array;
}

function flip(b: Uint8Array, i: number): Uint8Array {
  const c = b.slice();
  c[i % c.length]! ^= 1;
  return c;
}

/** Items for one scheme from valid (pk, msg, sig) triples: each valid one plus broken variants. */
function mixed(
  valid: { pk: Uint8Array; msg: Uint8Array; sig: Uint8Array; ctx?: Uint8Array }[],
  r: ReturnType<typeof stream>,
): { items: Item[]; expected: boolean[] } {
  const items: Item[] = [];
  const expected: boolean[] = [];
  const add = (it: Item, ok: boolean) => {
    items.push(it);
    expected.push(ok);
  };
  valid.forEach((v, i) => {
    const other = valid[(i + 1) % valid.length]!;
    const base = { publicKey: v.pk, message: v.msg, signature: v.sig, ...(v.ctx ? { context: v.ctx } : {}) };
    add(base, true);
    add({ ...base, signature: flip(v.sig, 1 + r.int(40)) }, false); // in c~ (ML-DSA) or the nonce (Falcon)
    add({ ...base, message: flip(v.msg.length ? v.msg : new Uint8Array(1), r.int(Math.max(1, v.msg.length))) }, false);
    if (other.pk !== v.pk && !other.pk.every((x, j) => x === v.pk[j])) add({ ...base, publicKey: other.pk }, false);
    add({ ...base, signature: v.sig.subarray(0, v.sig.length - 1) }, false);
    add({ ...base, publicKey: v.pk.subarray(1) }, false);
    add({ ...base, publicKey: new Uint8Array(0), signature: new Uint8Array(0) }, false);
    add({ ...base, signature: r.bytes(v.sig.length) }, false);
    add({ ...base }, true); // the same key again (a copy of the item): grouped and prepared
  });
  return { items, expected };
}

describe(`verifyBatch (PQSIMD_TEST_SEED=${SEED})`, () => {
  beforeAll(() => lib.ready());

  for (const name of BACKENDS) {
    describe(name, () => {
      let b: Backend;
      beforeAll(async () => {
        b = await loadBackend(name);
      });

      for (const key of MLDSA) {
        it(`${key}: mixed batch, verdicts in order and equal to verify; prepared-key items; contexts`, () => {
          const m = b[key];
          const r = stream(`batch/${name}/${key}`);
          const keys = [1, 2, 3].map((i) => m.keygen(new Uint8Array(32).fill(i)));
          const valid = Array.from({ length: 6 }, (_, i) => {
            const k = keys[i % 3]!;
            // fresh copies of the key bytes: grouping goes by content, not by object
            const pk = i >= 3 ? k.publicKey.slice() : k.publicKey;
            const msg = r.bytes(r.int(200));
            const ctx = i % 2 ? r.bytes(1 + r.int(255)) : undefined;
            return { pk, msg, ctx, sig: m.sign(k.secretKey, msg, { context: ctx }) };
          });
          const { items, expected } = mixed(valid, r);
          // contexts that do not match, and one longer than 255 bytes
          items.push({ publicKey: valid[1]!.pk, message: valid[1]!.msg, signature: valid[1]!.sig });
          expected.push(false);
          items.push({ publicKey: valid[0]!.pk, message: valid[0]!.msg, signature: valid[0]!.sig, context: new Uint8Array(256) });
          expected.push(false);
          // prepared keys (of this backend and of the default one) stand in for public keys
          const vk = m.prepare(keys[0]!.publicKey);
          const vkDefault = lib[key].prepare(keys[0]!.publicKey);
          items.push({ key: vk, message: valid[0]!.msg, signature: valid[0]!.sig });
          expected.push(true);
          items.push({ key: vkDefault, message: valid[0]!.msg, signature: flip(valid[0]!.sig, 100) });
          expected.push(false);
          items.push({ key: vk, message: valid[3]!.msg, signature: valid[3]!.sig, context: valid[3]!.ctx });
          expected.push(true);
          const got = m.verifyBatch(items as never);
          expect(got).toEqual(expected);
          const single = items.map((it) =>
            it.key
              ? (it.key as typeof vk).verify(it.message, it.signature, { context: it.context })
              : m.verify(it.publicKey!, it.message, it.signature, { context: it.context }),
          );
          expect(single).toEqual(expected);
          // the default-backend facade agrees
          expect(lib[key].verifyBatch(items as never)).toEqual(expected);
        });
      }

      for (const [key, alg] of FALCON) {
        it(`${key}: every reference record in one batch, mutated and mixed items, prepared-key items`, () => {
          const f = b[key];
          const recs = REF.filter((x) => x.alg === alg);
          const items = recs.map((x) => ({ publicKey: hex(x.pk), message: hex(x.msg), signature: hex(x.sig) }));
          const got = f.verifyBatch(items);
          expect(got).toEqual(recs.map((x) => x.valid));
          expect(got.filter(Boolean).length).toBe(80);
          const r = stream(`batch/${name}/${key}`);
          const valid = recs
            .filter((x) => x.valid)
            .slice(0, 6)
            .map((x) => ({ pk: hex(x.pk), msg: hex(x.msg), sig: hex(x.sig) }));
          const mix = mixed(valid, r);
          const vk = f.prepare(valid[0]!.pk);
          mix.items.push({ key: vk, message: valid[0]!.msg, signature: valid[0]!.sig });
          mix.expected.push(true);
          mix.items.push({ key: vk, message: valid[1]!.msg, signature: valid[1]!.sig });
          mix.expected.push(valid[1]!.pk.every((x, i) => x === valid[0]!.pk[i]));
          // a malformed key (coefficient >= q) repeated: prepare refuses it, the verdicts are false
          const bad = valid[0]!.pk.slice();
          bad.fill(0xff, 1, 3);
          mix.items.push(
            { publicKey: bad, message: valid[0]!.msg, signature: valid[0]!.sig },
            { publicKey: bad.slice(), message: valid[0]!.msg, signature: valid[0]!.sig },
          );
          mix.expected.push(false, false);
          expect(f.verifyBatch(mix.items as never)).toEqual(mix.expected);
          expect(
            mix.items.map((it) => (it.key ? (it.key as typeof vk).verify(it.message, it.signature) : f.verify(it.publicKey!, it.message, it.signature))),
          ).toEqual(mix.expected);
        });
      }
    });
  }

  for (const level of WP_LEVELS) {
    it(`ML-DSA-${level}: every Wycheproof verify case as one batch`, () => {
      const file = loadWycheproof<WpVerifyGroup>(level, 'verify');
      const items: Item[] = [];
      const expected: boolean[] = [];
      for (const g of file.testGroups) {
        for (const t of g.tests) {
          items.push({ publicKey: hex(g.publicKey), message: hex(t.msg), signature: hex(t.sig), ...(t.ctx !== undefined ? { context: hex(t.ctx) } : {}) });
          expected.push(t.result === 'valid');
        }
      }
      const m = lib[`mlDsa${level}` as 'mlDsa44'];
      expect(m.verifyBatch(items as never)).toEqual(expected);
      expect(expected.filter(Boolean).length).toBeGreaterThan(20);
    });
  }

  it('random bytes never throw: false, like single verify', () => {
    const r = stream('batch/random');
    for (const key of [...MLDSA, 'falcon512', 'falcon1024', 'falconDet1024'] as const) {
      const s = lib[key];
      const items = Array.from({ length: 40 }, (_, i) => ({
        publicKey: r.bytes(i % 2 ? s.lengths.publicKey : r.int(3000)),
        message: r.bytes(r.int(100)),
        signature: r.bytes(i % 3 ? s.lengths.signature : r.int(5000)),
      }));
      items.push(items[0]!, items[1]!); // repeated keys
      expect(s.verifyBatch(items)).toEqual(items.map(() => false));
    }
  });

  it('empty batches and iterables', () => {
    for (const key of [...MLDSA, 'falcon512', 'falcon1024', 'falconDet1024'] as const) {
      expect(lib[key].verifyBatch([])).toEqual([]);
      expect(lib[key].verifyBatch(new Set() as never)).toEqual([]);
    }
    const k = lib.mlDsa44.keygen(new Uint8Array(32));
    const msg = new Uint8Array([1, 2, 3]);
    const sig = lib.mlDsa44.sign(k.secretKey, msg);
    function* gen() {
      yield { publicKey: k.publicKey, message: msg, signature: sig };
      yield { publicKey: k.publicKey, message: msg.subarray(1), signature: sig };
    }
    expect(lib.mlDsa44.verifyBatch(gen() as never)).toEqual([true, false]);
  });

  it('TypeError for a non-array or items / fields of the wrong type, before any work', () => {
    const k = lib.mlDsa44.keygen(new Uint8Array(32).fill(7));
    const msg = new Uint8Array(4);
    const sig = lib.mlDsa44.sign(k.secretKey, msg);
    const ok = { publicKey: k.publicKey, message: msg, signature: sig };
    const m = lib.mlDsa44 as unknown as { verifyBatch(x: unknown): boolean[] };
    const f = lib.falcon512 as unknown as { verifyBatch(x: unknown): boolean[] };
    for (const bad of [undefined, null, 42, 'items', { length: 1, 0: ok }]) expect(() => m.verifyBatch(bad), String(bad)).toThrow(TypeError);
    const cases: [unknown, RegExp][] = [
      [[ok, null], /items\[1\]: expected an object/],
      [[ok, [k.publicKey, msg, sig]], /items\[1\]: expected an object/],
      [[{ ...ok, message: 'hello' }], /items\[0\]\.message: expected a Uint8Array, got a string/],
      [[{ ...ok, publicKey: k.publicKey.buffer }], /items\[0\]\.publicKey: expected a Uint8Array, got an ArrayBuffer/],
      [[ok, { ...ok, signature: Array.from(sig) }], /items\[1\]\.signature: expected a Uint8Array, got an Array/],
      [[{ ...ok, signature: new Uint16Array(4) }], /items\[0\]\.signature: expected a Uint8Array, got a Uint16Array/],
      [[{ ...ok, context: 'ctx' }], /items\[0\]\.context: expected a Uint8Array/],
      [[{ message: msg, signature: sig }], /items\[0\]\.publicKey: expected a Uint8Array, got undefined/],
      [[{ ...ok, key: lib.mlDsa44.prepare(k.publicKey) }], /either publicKey or key/],
      [[{ key: {}, message: msg, signature: sig }], /items\[0\]\.key: expected a prepared ML-DSA-44 key/],
    ];
    for (const [items, re] of cases) expect(() => m.verifyBatch(items)).toThrow(re);
    for (const [items] of cases) expect(() => m.verifyBatch(items)).toThrow(TypeError);
    // a prepared key of another parameter set
    const k65 = lib.mlDsa65.keygen(new Uint8Array(32));
    expect(() => m.verifyBatch([{ key: lib.mlDsa65.prepare(k65.publicKey), message: msg, signature: sig }])).toThrow(
      /prepared ML-DSA-65 key in a ML-DSA-44 batch/,
    );
    // Falcon has no context string
    expect(() => f.verifyBatch([{ publicKey: new Uint8Array(897), message: msg, signature: sig, context: new Uint8Array(1) }])).toThrow(TypeError);
    // a detached buffer is bad bytes, not a bad type: false, as in single verify
    const gone = new Uint8Array(8);
    structuredClone(gone.buffer, { transfer: [gone.buffer] });
    expect(m.verifyBatch([{ ...ok, message: gone }, ok])).toEqual([false, true]);
  });
});
