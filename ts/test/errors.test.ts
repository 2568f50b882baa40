// Argument validation of the public API: TypeError for anything that is not a Uint8Array,
// RangeError naming the argument for bad lengths, verify returning false (never throwing) on
// bad byte strings, Buffers and offset subarrays handled like plain copies, and the library
// still working after every error.
import { describe, it, expect, beforeAll } from 'vitest';
import { ready, backend, mlDsa44, mlDsa65, mlDsa87, loadBackend, type Backend, availableBackends } from './lib.js';

type Scheme = Backend['mlDsa44'];

const NON_BYTES: [string, unknown][] = [
  ['string', 'abcd'],
  ['number', 42],
  ['array', [1, 2, 3, 4]],
  ['ArrayBuffer', new ArrayBuffer(32)],
  ['DataView', new DataView(new ArrayBuffer(32))],
  ['null', null],
  ['undefined', undefined],
  ['object', { length: 32 }],
];
/** For optional arguments / options, undefined means "omitted" and is allowed. */
const NON_BYTES_DEFINED = NON_BYTES.filter(([n]) => n !== 'undefined');

const any = (x: unknown) => x as Uint8Array;

/** Copy of `data` at a nonzero byteOffset inside a larger buffer with junk around it. */
function offsetCopy(data: Uint8Array, offset = 5): Uint8Array {
  const big = new Uint8Array(data.length + offset + 3).fill(0xa5);
  big.set(data, offset);
  const sub = big.subarray(offset, offset + data.length);
  expect(sub.byteOffset).toBe(offset);
  return sub;
}

const hex = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex');

describe('argument errors (default backend after ready())', () => {
  beforeAll(async () => {
    await ready();
    expect(availableBackends()[0]).toBe(backend()); // the fastest available is the default
  });

  for (const [label, getScheme] of [
    ['mlDsa44', () => mlDsa44],
    ['mlDsa65', () => mlDsa65],
    ['mlDsa87', () => mlDsa87],
  ] as const) {
    describe(label, () => {
      let m: Scheme;
      let pk: Uint8Array;
      let sk: Uint8Array;
      let sig: Uint8Array;
      const msg = new TextEncoder().encode('errors test message');
      const ctx = new Uint8Array([1, 2, 3]);

      /** A full round trip still works: call after every provoked error. */
      const roundTrip = () => {
        const s = m.sign(sk, msg, { context: ctx });
        expect(m.verify(pk, msg, s, { context: ctx })).toBe(true);
        expect(m.verify(pk, msg, s)).toBe(false);
      };

      /** `fn` throws an instance of `cls` whose message matches `re`; then the library still works. */
      const expectThrow = (fn: () => unknown, cls: typeof TypeError | typeof RangeError | typeof Error, re?: RegExp) => {
        let err: unknown;
        try {
          fn();
        } catch (e) {
          err = e;
        }
        expect(err, 'expected a throw').toBeInstanceOf(cls);
        if (re) expect((err as Error).message).toMatch(re);
        roundTrip();
      };

      beforeAll(() => {
        m = getScheme();
        ({ publicKey: pk, secretKey: sk } = m.keygen(new Uint8Array(32).fill(7)));
        sig = m.sign(sk, msg, { context: ctx, deterministic: true });
        expect(m.verify(pk, msg, sig, { context: ctx })).toBe(true);
      });

      it('keygen: TypeError for a non-Uint8Array seed, RangeError naming "seed" for a bad length', () => {
        for (const [, v] of NON_BYTES_DEFINED) expectThrow(() => m.keygen(any(v)), TypeError);
        for (const n of [0, 1, 31, 33, 64]) expectThrow(() => m.keygen(new Uint8Array(n)), RangeError, /seed/);
        // Omitted seed: random keys, different each time.
        const a = m.keygen();
        const b = m.keygen(undefined);
        expect(a.publicKey.length).toBe(m.lengths.publicKey);
        expect(hex(a.publicKey)).not.toBe(hex(b.publicKey));
      });

      it('sign: TypeError for non-Uint8Array secretKey / message / context / random', () => {
        for (const [, v] of NON_BYTES) {
          expectThrow(() => m.sign(any(v), msg), TypeError);
          expectThrow(() => m.sign(sk, any(v)), TypeError);
        }
        for (const [, v] of NON_BYTES_DEFINED) {
          expectThrow(() => m.sign(sk, msg, { context: any(v) }), TypeError);
          expectThrow(() => m.sign(sk, msg, { random: any(v) }), TypeError);
        }
      });

      it('sign: RangeError naming the argument for bad lengths', () => {
        for (const n of [0, 1, m.lengths.secretKey - 1, m.lengths.secretKey + 1, m.lengths.publicKey]) {
          expectThrow(() => m.sign(new Uint8Array(n), msg), RangeError, /secretKey/);
        }
        for (const n of [256, 257, 1000]) {
          expectThrow(() => m.sign(sk, msg, { context: new Uint8Array(n) }), RangeError, /context/);
        }
        for (const n of [0, 1, 31, 33, 64]) {
          expectThrow(() => m.sign(sk, msg, { random: new Uint8Array(n) }), RangeError, /random/);
        }
        // random together with deterministic is contradictory.
        expectThrow(() => m.sign(sk, msg, { random: new Uint8Array(32), deterministic: true }), Error, /random|deterministic/);
        // 255 bytes of context is the maximum and works.
        const c255 = new Uint8Array(255).fill(9);
        expect(m.verify(pk, msg, m.sign(sk, msg, { context: c255 }), { context: c255 })).toBe(true);
      });

      it('verify: TypeError for non-Uint8Array arguments', () => {
        for (const [, v] of NON_BYTES) {
          expectThrow(() => m.verify(any(v), msg, sig), TypeError);
          expectThrow(() => m.verify(pk, any(v), sig), TypeError);
          expectThrow(() => m.verify(pk, msg, any(v)), TypeError);
        }
        for (const [, v] of NON_BYTES_DEFINED) expectThrow(() => m.verify(pk, msg, sig, { context: any(v) }), TypeError);
      });

      it('verify: false (no throw) for wrong-length keys / signatures and contexts over 255 bytes', () => {
        for (const n of [0, 1, m.lengths.publicKey - 1, m.lengths.publicKey + 1]) {
          expect(m.verify(new Uint8Array(n), msg, sig, { context: ctx })).toBe(false);
        }
        for (const n of [0, 1, m.lengths.signature - 1, m.lengths.signature + 1]) {
          expect(m.verify(pk, msg, new Uint8Array(n), { context: ctx })).toBe(false);
        }
        for (const n of [256, 1000]) {
          const big = new Uint8Array(n);
          big.set(ctx);
          expect(m.verify(pk, msg, sig, { context: big })).toBe(false);
          expect(m.prehash('SHA2-256').verify(pk, msg, sig, { context: big })).toBe(false);
        }
        roundTrip();
      });

      it('prehash: errors like the pure interface, unknown hash names rejected', () => {
        const ph = m.prehash('SHA2-384');
        expect(ph.hash).toBe('SHA2-384');
        const psig = ph.sign(sk, msg, { context: ctx });
        expect(ph.verify(pk, msg, psig, { context: ctx })).toBe(true);
        for (const [, v] of NON_BYTES) {
          expectThrow(() => ph.sign(any(v), msg), TypeError);
          expectThrow(() => ph.sign(sk, any(v)), TypeError);
          expectThrow(() => ph.verify(any(v), msg, psig), TypeError);
          expectThrow(() => ph.verify(pk, any(v), psig), TypeError);
          expectThrow(() => ph.verify(pk, msg, any(v)), TypeError);
        }
        expectThrow(() => ph.sign(new Uint8Array(10), msg), RangeError, /secretKey/);
        expectThrow(() => ph.sign(sk, msg, { context: new Uint8Array(256) }), RangeError, /context/);
        expectThrow(() => ph.sign(sk, msg, { random: new Uint8Array(16) }), RangeError, /random/);
        expect(ph.verify(pk, msg, psig.subarray(1), { context: ctx })).toBe(false);
        for (const bad of ['MD5', 'SHA-256', 'sha2-256', '', 'SHAKE-512']) {
          expectThrow(() => m.prehash(bad as 'SHA2-256'), Error);
        }
        expectThrow(() => m.prehash(any(42) as unknown as 'SHA2-256'), Error);
      });

      it('internal: TypeError / RangeError like the pure interface', () => {
        const mPrime = Uint8Array.from([0, ctx.length, ...ctx, ...msg]);
        for (const [, v] of NON_BYTES) {
          expectThrow(() => m.internal.sign(any(v), mPrime), TypeError);
          expectThrow(() => m.internal.sign(sk, any(v)), TypeError);
          expectThrow(() => m.internal.verify(any(v), mPrime, sig), TypeError);
          expectThrow(() => m.internal.verify(pk, any(v), sig), TypeError);
          expectThrow(() => m.internal.verify(pk, mPrime, any(v)), TypeError);
          expectThrow(() => m.internal.mu(any(v), mPrime), TypeError);
          expectThrow(() => m.internal.mu(pk, any(v)), TypeError);
        }
        expectThrow(() => m.internal.sign(new Uint8Array(3), mPrime), RangeError, /secretKey/);
        expectThrow(() => m.internal.sign(sk, mPrime, { random: new Uint8Array(31) }), RangeError, /random/);
        // externalMu: the message must be a 64-byte μ.
        expectThrow(() => m.internal.sign(sk, new Uint8Array(63), { externalMu: true }), RangeError);
        expectThrow(() => m.internal.sign(sk, new Uint8Array(65), { externalMu: true }), RangeError);
        expect(m.internal.verify(pk, mPrime, sig)).toBe(true);
        expect(m.internal.verify(pk, mPrime, sig.subarray(2))).toBe(false);
        expect(m.internal.verify(new Uint8Array(5), mPrime, sig)).toBe(false);
        expect(m.internal.verify(pk, m.internal.mu(pk, mPrime), sig, { externalMu: true })).toBe(true);
      });

      it('a Node Buffer and an offset subarray give the same results as plain copies', () => {
        const seed = new Uint8Array(32).map((_, i) => i * 3);
        const ref = m.keygen(seed);
        for (const wrap of [(x: Uint8Array) => Buffer.from(x), (x: Uint8Array) => offsetCopy(x)]) {
          const k = m.keygen(wrap(seed));
          expect(hex(k.publicKey)).toBe(hex(ref.publicKey));
          expect(hex(k.secretKey)).toBe(hex(ref.secretKey));
          const rnd = new Uint8Array(32).fill(0x5c);
          const want = m.sign(ref.secretKey, msg, { context: ctx, random: rnd });
          const got = m.sign(wrap(ref.secretKey), wrap(msg), { context: wrap(ctx), random: wrap(rnd) });
          expect(hex(got)).toBe(hex(want));
          expect(hex(m.sign(wrap(ref.secretKey), wrap(msg), { context: wrap(ctx), deterministic: true }))).toBe(
            hex(m.sign(ref.secretKey, msg, { context: ctx, deterministic: true })),
          );
          expect(m.verify(wrap(ref.publicKey), wrap(msg), wrap(want), { context: wrap(ctx) })).toBe(true);
          // The bytes around an offset view must not be read: a wrong view is rejected.
          expect(m.verify(wrap(ref.publicKey), wrap(msg), wrap(want), { context: wrap(ctx.subarray(1)) })).toBe(false);
          const ph = m.prehash('SHA3-256');
          const psig = ph.sign(ref.secretKey, msg, { context: ctx, deterministic: true });
          expect(hex(ph.sign(wrap(ref.secretKey), wrap(msg), { context: wrap(ctx), deterministic: true }))).toBe(hex(psig));
          expect(ph.verify(wrap(ref.publicKey), wrap(msg), wrap(psig), { context: wrap(ctx) })).toBe(true);
          const mPrime = Uint8Array.from([0, ctx.length, ...ctx, ...msg]);
          expect(hex(m.internal.mu(wrap(ref.publicKey), wrap(mPrime)))).toBe(hex(m.internal.mu(ref.publicKey, mPrime)));
        }
        // A Buffer from Node's shared pool sits at a nonzero offset of a larger ArrayBuffer.
        const pooled = Buffer.from(msg);
        expect(m.verify(ref.publicKey, pooled, m.sign(ref.secretKey, msg))).toBe(true);
      });

      it('outputs are fresh arrays the caller owns, inputs are not modified', () => {
        const skCopy = sk.slice();
        const msgCopy = msg.slice();
        const rnd = new Uint8Array(32).fill(1);
        const s1 = m.sign(sk, msg, { context: ctx, random: rnd });
        expect(hex(sk)).toBe(hex(skCopy));
        expect(hex(msg)).toBe(hex(msgCopy));
        expect(hex(rnd)).toBe('01'.repeat(32));
        const s2 = m.sign(sk, msg, { context: ctx, random: rnd });
        expect(hex(s1)).toBe(hex(s2));
        s1.fill(0);
        expect(hex(s2)).not.toBe(hex(s1));
        expect(m.verify(pk, msg, s2, { context: ctx })).toBe(true);
        const k1 = m.keygen(new Uint8Array(32));
        const k2 = m.keygen(new Uint8Array(32));
        k1.publicKey.fill(0);
        expect(k2.publicKey.some((x) => x !== 0)).toBe(true);
      });
    });
  }

  it('errors on one backend do not disturb another', async () => {
    const scalar = await loadBackend('wasm-scalar');
    const simd = await loadBackend('wasm-simd');
    const kp = scalar.mlDsa65.keygen(new Uint8Array(32).fill(1));
    const msg = new Uint8Array([1, 2, 3]);
    expect(() => simd.mlDsa65.sign(new Uint8Array(7), msg)).toThrow(RangeError);
    expect(() => scalar.mlDsa65.sign(kp.secretKey, any('x'))).toThrow(TypeError);
    const s = simd.mlDsa65.sign(kp.secretKey, msg);
    expect(scalar.mlDsa65.verify(kp.publicKey, msg, s)).toBe(true);
  });
});
