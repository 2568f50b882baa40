import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
// The WASM backends are one algorithm: wasm-simd and wasm-scalar must give byte-identical keys
// and deterministic / fixed-rnd signatures over random seeds, messages and contexts, and each
// must accept the other's (hedged) signatures. Inputs come from a SHAKE-256 stream keyed by
// PQSIMD_TEST_SEED (random when unset, shown in the suite name).
import { describe, it, expect, beforeAll } from 'vitest';
import { SEED, stream } from './rng.js';
import { availableBackends, backendInfo, loadBackend, type Backend } from './lib.js';

type Scheme = Backend['mlDsa44'];
type PrehashName = Parameters<Scheme['prehash']>[0];

const KEYS = ['mlDsa44', 'mlDsa65', 'mlDsa87'] as const;
const CASES = 32;
const HASHES: PrehashName[] = [
  'SHA2-224',
  'SHA2-256',
  'SHA2-384',
  'SHA2-512',
  'SHA2-512/224',
  'SHA2-512/256',
  'SHA3-224',
  'SHA3-256',
  'SHA3-384',
  'SHA3-512',
  'SHAKE-128',
  'SHAKE-256',
];

const hex = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex');

describe('backend availability', () => {
  it('vitest workers run with relaxed SIMD, so all three WASM backends are here, after the native ones', () => {
    expect(availableBackends().filter((b) => b.startsWith('wasm-'))).toEqual(['wasm-relaxed', 'wasm-simd', 'wasm-scalar']);
    // npm test builds the addon (scripts/build.mjs), so in Node the native backends come first
    const native = availableBackends().filter((b) => b.startsWith('native-'));
    expect(native.length).toBeGreaterThan(0);
    expect(native).toContain('native-portable');
    expect(availableBackends().slice(0, native.length)).toEqual(native);
    expect(backendInfo().nativeError).toBeNull();
  });
  it('PQSIMD_BACKEND forces the default backend of ready(), native or WASM', () => {
    for (const name of availableBackends().filter((b) => b !== 'wasm-relaxed')) {
      const out = execFileSync(
        process.execPath,
        [
          '-e',
          `const m = require(${JSON.stringify(resolve(__dirname, '../../dist/index.node.cjs'))});
         m.ready().then(() => { const kp = m.mlDsa44.keygen(new Uint8Array(32)); const s = m.mlDsa44.sign(kp.secretKey, new Uint8Array(3));
           console.log(m.backend(), m.mlDsa44.verify(kp.publicKey, new Uint8Array(3), s)); });`,
        ],
        { encoding: 'utf8', env: { ...process.env, PQSIMD_BACKEND: name } },
      );
      expect(out.trim()).toBe(`${name} true`);
    }
  });

  // Node 20 runs relaxed SIMD only behind a flag; Node >= 22 has it on by default (and no flag).
  const relaxedByDefault = Number(process.versions.node.split('.')[0]) >= 22;
  it(`plain Node ${process.versions.node.split('.')[0]} (no flag) offers ${relaxedByDefault ? 'wasm-relaxed' : 'wasm-simd'} first`, () => {
    const out = execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { availableBackends, backendInfo, ready, backend } from '${pathToFileURL(resolve(__dirname, '../../dist/index.mjs')).href}';
       await ready(); console.log(JSON.stringify([availableBackends(), backend()]));`,
      ],
      { encoding: 'utf8' },
    );
    expect(JSON.parse(out)).toEqual(
      relaxedByDefault ? [['wasm-relaxed', 'wasm-simd', 'wasm-scalar'], 'wasm-relaxed'] : [['wasm-simd', 'wasm-scalar'], 'wasm-simd'],
    );
  });
});

for (const other of availableBackends().filter((b) => b !== 'wasm-scalar'))
  describe(`${other} and wasm-scalar agree (PQSIMD_TEST_SEED=${SEED})`, () => {
    let simd: Backend;
    let scalar: Backend;
    beforeAll(async () => {
      simd = await loadBackend(other);
      scalar = await loadBackend('wasm-scalar');
      expect(simd.name).toBe(other);
      expect(scalar.name).toBe('wasm-scalar');
      expect(simd).not.toBe(scalar);
    });

    for (const key of KEYS) {
      describe(key, () => {
        it(`${CASES} random seeds, messages, contexts: identical keys and deterministic / fixed-rnd signatures`, () => {
          const a = simd[key];
          const b = scalar[key];
          expect(a.lengths).toEqual(b.lengths);
          const r = stream(`${key}/det`);
          for (let i = 0; i < CASES; i++) {
            const seed = r.bytes(32);
            const msg = r.bytes(i === 0 ? 0 : i === 1 ? 1 : r.int(i < 4 ? 70000 : 3000));
            const ctx = r.bytes(i === 2 ? 255 : r.int(256));
            const rnd = r.bytes(32);
            const tag = `case ${i}: msg ${msg.length} B, ctx ${ctx.length} B`;

            const ka = a.keygen(seed);
            const kb = b.keygen(seed);
            expect(hex(ka.publicKey), tag).toBe(hex(kb.publicKey));
            expect(hex(ka.secretKey), tag).toBe(hex(kb.secretKey));

            const da = a.sign(ka.secretKey, msg, { context: ctx, deterministic: true });
            const db = b.sign(kb.secretKey, msg, { context: ctx, deterministic: true });
            expect(hex(da), tag).toBe(hex(db));
            const ra = a.sign(ka.secretKey, msg, { context: ctx, random: rnd });
            const rb = b.sign(kb.secretKey, msg, { context: ctx, random: rnd });
            expect(hex(ra), tag).toBe(hex(rb));
            // Different rnd, different signature (the rnd actually reaches the signer).
            expect(hex(ra), tag).not.toBe(hex(da));

            for (const s of [da, ra]) {
              expect(a.verify(ka.publicKey, msg, s, { context: ctx }), tag).toBe(true);
              expect(b.verify(kb.publicKey, msg, s, { context: ctx }), tag).toBe(true);
            }
          }
        });

        it('hedged signatures from each backend verify on the other, and tampering is caught by both', () => {
          const a = simd[key];
          const b = scalar[key];
          const r = stream(`${key}/hedged`);
          for (let i = 0; i < CASES / 2; i++) {
            const { publicKey, secretKey } = (i % 2 ? a : b).keygen(r.bytes(32));
            const msg = r.bytes(r.int(5000));
            const ctx = r.bytes(r.int(256));
            const sa = a.sign(secretKey, msg, { context: ctx });
            const sb = b.sign(secretKey, msg, { context: ctx });
            expect(hex(sa)).not.toBe(hex(sb));
            expect(b.verify(publicKey, msg, sa, { context: ctx })).toBe(true);
            expect(a.verify(publicKey, msg, sb, { context: ctx })).toBe(true);
            const bit = r.int(sa.length * 8);
            const bad = sa.slice();
            bad[bit >> 3]! ^= 1 << (bit & 7);
            expect(a.verify(publicKey, msg, bad, { context: ctx }), `bit ${bit}`).toBe(false);
            expect(b.verify(publicKey, msg, bad, { context: ctx }), `bit ${bit}`).toBe(false);
          }
        });

        it('HashML-DSA and the internal interface agree too', () => {
          const a = simd[key];
          const b = scalar[key];
          const r = stream(`${key}/pre`);
          HASHES.forEach((h, i) => {
            const { publicKey, secretKey } = a.keygen(r.bytes(32));
            const msg = r.bytes(r.int(3000));
            const ctx = r.bytes(r.int(256));
            const rnd = r.bytes(32);
            const pa = a.prehash(h).sign(secretKey, msg, { context: ctx, random: rnd });
            const pb = b.prehash(h).sign(secretKey, msg, { context: ctx, random: rnd });
            expect(hex(pa), h).toBe(hex(pb));
            expect(hex(a.prehash(h).sign(secretKey, msg, { context: ctx, deterministic: true })), h).toBe(
              hex(b.prehash(h).sign(secretKey, msg, { context: ctx, deterministic: true })),
            );
            expect(b.prehash(h).verify(publicKey, msg, a.prehash(h).sign(secretKey, msg, { context: ctx }), { context: ctx }), h).toBe(true);
            expect(a.prehash(h).verify(publicKey, msg, b.prehash(h).sign(secretKey, msg, { context: ctx }), { context: ctx }), h).toBe(true);

            if (i < 4) {
              const mPrime = r.bytes(r.int(500));
              const mu = a.internal.mu(publicKey, mPrime);
              expect(hex(mu)).toBe(hex(b.internal.mu(publicKey, mPrime)));
              expect(hex(a.internal.sign(secretKey, mPrime, { random: rnd }))).toBe(hex(b.internal.sign(secretKey, mPrime, { random: rnd })));
              const ea = a.internal.sign(secretKey, mu, { externalMu: true, deterministic: true });
              expect(hex(ea)).toBe(hex(b.internal.sign(secretKey, mu, { externalMu: true, deterministic: true })));
              expect(hex(ea)).toBe(hex(b.internal.sign(secretKey, mPrime, { deterministic: true })));
              expect(b.internal.verify(publicKey, mu, ea, { externalMu: true })).toBe(true);
              expect(a.internal.verify(publicKey, mPrime, ea)).toBe(true);
            }
          });
        });
      });
    }

    it('the NTT kernels run on both backends', () => {
      for (const b of [simd, scalar]) {
        const k = (b as Backend & { kernels?: { nttLoop(n: number): void; invnttLoop(n: number): void } }).kernels;
        expect(k, `${b.name}.kernels`).toBeDefined();
        expect(() => k!.nttLoop(10)).not.toThrow();
        expect(() => k!.invnttLoop(10)).not.toThrow();
      }
    });
  });

describe('verify differential with mutations: every backend gives the same verdict', () => {
  it('ML-DSA and Falcon, random mutations of signature, key and message', async () => {
    const all = await Promise.all(availableBackends().map((n) => loadBackend(n)));
    const r = stream('differential');
    let accepted = 0,
      total = 0;
    for (const key of ['mlDsa44', 'mlDsa65', 'mlDsa87'] as const) {
      const ref = all[all.length - 1]![key];
      const kp = ref.keygen(r.bytes(32));
      for (let i = 0; i < 12; i++) {
        const msg = r.bytes(r.int(300));
        const sig = ref.sign(kp.secretKey, msg, { random: r.bytes(32) });
        const cases: [Uint8Array, Uint8Array, Uint8Array][] = [[kp.publicKey, msg, sig]];
        const s2 = sig.slice();
        s2[r.int(s2.length)]! ^= 1 << r.int(8);
        cases.push([kp.publicKey, msg, s2]);
        const p2 = kp.publicKey.slice();
        p2[r.int(p2.length)]! ^= 1 << r.int(8);
        cases.push([p2, msg, sig]);
        const m2 = msg.length ? msg.slice() : new Uint8Array(1);
        m2[r.int(m2.length)]! ^= 1;
        cases.push([kp.publicKey, m2, sig]);
        cases.push([kp.publicKey, msg, sig.subarray(0, sig.length - 1)]);
        for (const [pk, m, s] of cases) {
          const verdicts = all.map((b) => b[key].verify(pk, m, s));
          expect(new Set(verdicts).size, `${key} case ${i}: ${all.map((b, j) => `${b.name}=${verdicts[j]}`).join(' ')}`).toBe(1);
          accepted += verdicts[0] ? 1 : 0;
          total++;
        }
      }
    }
    expect(accepted).toBe(36); // exactly the unmutated signatures
    expect(total).toBe(180);
  });
});
