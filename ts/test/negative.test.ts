// Verification must reject every tampered input and never throw on bytes: single-bit flips of
// the signature (all bits of the first 64 bytes, 300 sampled positions elsewhere, the last
// byte) and of the public key, truncation, extension, wrong parameter set, wrong message or
// context, all-zero / all-0xff keys and signatures — on every backend, for pure ML-DSA,
// HashML-DSA and the internal interface.
import { describe, it, expect, beforeAll } from 'vitest';
import { SEED, stream } from './rng.js';
import { loadBackend, type Backend, availableBackends } from './lib.js';

type Scheme = Backend['mlDsa44'];

const BACKENDS = availableBackends();
const KEYS = ['mlDsa44', 'mlDsa65', 'mlDsa87'] as const;
const SAMPLED_FLIPS = 300;

const flip = (b: Uint8Array, bit: number): Uint8Array => {
  const c = b.slice();
  c[bit >> 3]! ^= 1 << (bit & 7);
  return c;
};

/** Bits to flip in an n-byte array: all bits of the first 64 bytes, all of the last byte, `sampled` more. */
function flipPositions(n: number, sampled: number, r: ReturnType<typeof stream>): number[] {
  const set = new Set<number>();
  for (let bit = 0; bit < Math.min(64, n) * 8; bit++) set.add(bit);
  for (let bit = (n - 1) * 8; bit < n * 8; bit++) set.add(bit);
  const want = set.size + Math.min(sampled, n * 8 - set.size);
  while (set.size < want) set.add(64 * 8 + r.int((n - 64) * 8));
  return [...set];
}

describe(`verify rejects tampered inputs (PQSIMD_TEST_SEED=${SEED})`, () => {
  for (const bname of BACKENDS) {
    describe(bname, () => {
      let b: Backend;
      beforeAll(async () => {
        b = await loadBackend(bname);
      });

      for (const key of KEYS) {
        describe(key, () => {
          let m: Scheme;
          let pk: Uint8Array;
          let sk: Uint8Array;
          let sig: Uint8Array;
          const r = stream(`${bname}/${key}`);
          const msg = r.bytes(100);
          const ctx = r.bytes(17);
          beforeAll(() => {
            m = b[key];
            ({ publicKey: pk, secretKey: sk } = m.keygen(r.bytes(32)));
            sig = m.sign(sk, msg, { context: ctx });
            // The baseline must verify, or every rejection below would be vacuous.
            expect(m.verify(pk, msg, sig, { context: ctx })).toBe(true);
          });

          it(`rejects single-bit flips of the signature (first 64 bytes, last byte, ${SAMPLED_FLIPS} sampled)`, () => {
            const bits = flipPositions(sig.length, SAMPLED_FLIPS, r);
            expect(bits.length).toBe(64 * 8 + 8 + SAMPLED_FLIPS);
            const accepted = bits.filter((bit) => m.verify(pk, msg, flip(sig, bit), { context: ctx }) !== false);
            expect(accepted, 'bit positions whose flip was not rejected').toEqual([]);
            // The original still verifies (flips were made on copies).
            expect(m.verify(pk, msg, sig, { context: ctx })).toBe(true);
          });

          it('rejects every bit flip of the hint section (last ω+k bytes)', () => {
            // The hint encoding has strict padding / ordering rules; every bit of it matters.
            const hintBytes = { mlDsa44: 80 + 4, mlDsa65: 55 + 6, mlDsa87: 75 + 8 }[key];
            const start = (sig.length - hintBytes) * 8;
            const accepted: number[] = [];
            for (let bit = start; bit < sig.length * 8; bit++) {
              if (m.verify(pk, msg, flip(sig, bit), { context: ctx }) !== false) accepted.push(bit);
            }
            expect(accepted).toEqual([]);
          });

          it('rejects single-bit flips of the public key', () => {
            const bits = flipPositions(pk.length, 100, r);
            const accepted = bits.filter((bit) => m.verify(flip(pk, bit), msg, sig, { context: ctx }) !== false);
            expect(accepted, 'public-key bit positions whose flip was not rejected').toEqual([]);
          });

          it('rejects truncated and extended signatures and keys', () => {
            for (const cut of [1, 2, 3, 32, 100, sig.length >> 1, sig.length - 1, sig.length]) {
              expect(m.verify(pk, msg, sig.subarray(0, sig.length - cut), { context: ctx }), `signature minus ${cut} B`).toBe(false);
              expect(m.verify(pk, msg, sig.subarray(cut), { context: ctx }), `signature minus ${cut} leading B`).toBe(false);
            }
            for (const extra of [[0], [1], [0xff], [0, 0], new Array<number>(64).fill(0)]) {
              expect(m.verify(pk, msg, Uint8Array.from([...sig, ...extra]), { context: ctx }), `signature plus ${extra.length} B`).toBe(false);
              expect(m.verify(Uint8Array.from([...pk, ...extra]), msg, sig, { context: ctx }), `public key plus ${extra.length} B`).toBe(false);
            }
            for (const cut of [1, 32, pk.length - 32, pk.length]) {
              expect(m.verify(pk.subarray(0, pk.length - cut), msg, sig, { context: ctx }), `public key minus ${cut} B`).toBe(false);
            }
          });

          it('rejects a wrong message or context', () => {
            expect(m.verify(pk, msg.subarray(1), sig, { context: ctx })).toBe(false);
            expect(m.verify(pk, Uint8Array.from([...msg, 0]), sig, { context: ctx })).toBe(false);
            expect(m.verify(pk, new Uint8Array(0), sig, { context: ctx })).toBe(false);
            for (const bit of [0, 7, 8 * 50 + 3, 8 * msg.length - 1]) {
              expect(m.verify(pk, flip(msg, bit), sig, { context: ctx }), `message bit ${bit}`).toBe(false);
            }
            expect(m.verify(pk, msg, sig), 'no context').toBe(false);
            expect(m.verify(pk, msg, sig, { context: new Uint8Array(0) }), 'empty context').toBe(false);
            expect(m.verify(pk, msg, sig, { context: ctx.subarray(0, ctx.length - 1) }), 'context minus 1 B').toBe(false);
            expect(m.verify(pk, msg, sig, { context: Uint8Array.from([...ctx, 0]) }), 'context plus 1 B').toBe(false);
            for (const bit of [0, 8 * ctx.length - 1]) {
              expect(m.verify(pk, msg, sig, { context: flip(ctx, bit) }), `context bit ${bit}`).toBe(false);
            }
            // Context and message boundary: (ctx ‖ x, M) must differ from (ctx, x ‖ M).
            const moved = Uint8Array.from([...ctx.subarray(ctx.length - 1), ...msg]);
            expect(m.verify(pk, moved, sig, { context: ctx.subarray(0, ctx.length - 1) })).toBe(false);
          });

          it("rejects another key's signature and a signature under another key", () => {
            const other = m.keygen(r.bytes(32));
            expect(m.verify(other.publicKey, msg, sig, { context: ctx })).toBe(false);
            const sig2 = m.sign(other.secretKey, msg, { context: ctx });
            expect(m.verify(other.publicKey, msg, sig2, { context: ctx })).toBe(true);
            expect(m.verify(pk, msg, sig2, { context: ctx })).toBe(false);
          });

          it('rejects all-zero and all-0xff signatures and keys, and empty inputs', () => {
            const z = (n: number) => new Uint8Array(n);
            const f = (n: number) => new Uint8Array(n).fill(0xff);
            const S = m.lengths.signature;
            const P = m.lengths.publicKey;
            for (const [label, p, s] of [
              ['zero sig', pk, z(S)],
              ['0xff sig', pk, f(S)],
              ['zero pk', z(P), sig],
              ['0xff pk', f(P), sig],
              ['zero pk + zero sig', z(P), z(S)],
              ['0xff pk + 0xff sig', f(P), f(S)],
              ['empty sig', pk, z(0)],
              ['empty pk', z(0), sig],
              ['both empty', z(0), z(0)],
              ['1-byte sig', pk, z(1)],
            ] as const) {
              expect(m.verify(p, msg, s, { context: ctx }), label).toBe(false);
              expect(m.verify(p, msg, s), `${label}, no context`).toBe(false);
              expect(m.prehash('SHA2-512').verify(p, msg, s, { context: ctx }), `${label}, HashML-DSA`).toBe(false);
              expect(m.internal.verify(p, msg, s), `${label}, internal`).toBe(false);
            }
          });

          it('rejects a HashML-DSA signature as pure ML-DSA and vice versa, and flips of it', () => {
            const ph = m.prehash('SHA2-256');
            const psig = ph.sign(sk, msg, { context: ctx });
            expect(ph.verify(pk, msg, psig, { context: ctx })).toBe(true);
            expect(m.verify(pk, msg, psig, { context: ctx })).toBe(false);
            expect(ph.verify(pk, msg, sig, { context: ctx })).toBe(false);
            expect(m.prehash('SHA3-256').verify(pk, msg, psig, { context: ctx })).toBe(false);
            expect(ph.verify(pk, msg, psig)).toBe(false);
            expect(ph.verify(pk, msg, psig, { context: new Uint8Array(256) })).toBe(false);
            const accepted = flipPositions(psig.length, 50, r).filter((bit) => ph.verify(pk, msg, flip(psig, bit), { context: ctx }) !== false);
            expect(accepted).toEqual([]);
            expect(ph.verify(pk, msg, psig.subarray(1), { context: ctx })).toBe(false);
          });

          it('internal verify rejects tampered signatures and the wrong μ', () => {
            const mPrime = Uint8Array.from([0, ctx.length, ...ctx, ...msg]);
            expect(m.internal.verify(pk, mPrime, sig)).toBe(true);
            const mu = m.internal.mu(pk, mPrime);
            expect(m.internal.verify(pk, mu, sig, { externalMu: true })).toBe(true);
            expect(m.internal.verify(pk, flip(mu, 5), sig, { externalMu: true })).toBe(false);
            expect(m.internal.verify(pk, mPrime, sig, { externalMu: true }), 'M′ given as μ').toBe(false);
            expect(m.internal.verify(pk, mu, sig), 'μ given as M′').toBe(false);
            for (const bit of [0, 1000, 8 * sig.length - 1]) {
              expect(m.internal.verify(pk, mPrime, flip(sig, bit))).toBe(false);
              expect(m.internal.verify(pk, mu, flip(sig, bit), { externalMu: true })).toBe(false);
            }
            expect(m.internal.verify(pk, mPrime, sig.subarray(1))).toBe(false);
            expect(m.internal.verify(pk.subarray(1), mPrime, sig)).toBe(false);
          });

          it('context longer than 255 bytes: verify returns false', () => {
            for (const n of [256, 300, 4096]) {
              expect(m.verify(pk, msg, sig, { context: new Uint8Array(n) })).toBe(false);
            }
            // A 255-byte context is fine.
            const c255 = r.bytes(255);
            const s255 = m.sign(sk, msg, { context: c255 });
            expect(m.verify(pk, msg, s255, { context: c255 })).toBe(true);
            expect(m.verify(pk, msg, s255, { context: Uint8Array.from([...c255, 0]) })).toBe(false);
          });
        });
      }

      it('rejects signatures and keys of another parameter set', () => {
        const r = stream(`${bname}/cross`);
        const msg = r.bytes(64);
        const made = Object.fromEntries(
          KEYS.map((k) => {
            const kp = b[k].keygen(r.bytes(32));
            return [k, { ...kp, sig: b[k].sign(kp.secretKey, msg) }];
          }),
        ) as Record<(typeof KEYS)[number], { publicKey: Uint8Array; secretKey: Uint8Array; sig: Uint8Array }>;
        for (const k of KEYS) expect(b[k].verify(made[k].publicKey, msg, made[k].sig), k).toBe(true);
        for (const verifier of KEYS) {
          for (const signer of KEYS) {
            if (verifier === signer) continue;
            const s = made[signer];
            const own = made[verifier];
            const tag = `${signer} material given to ${verifier}`;
            expect(b[verifier].verify(s.publicKey, msg, s.sig), `${tag}: pk + sig`).toBe(false);
            expect(b[verifier].verify(own.publicKey, msg, s.sig), `${tag}: sig`).toBe(false);
            expect(b[verifier].verify(s.publicKey, msg, own.sig), `${tag}: pk`).toBe(false);
            // Resized to the verifier's lengths (zero-padded or cut): still rejected.
            // (not named `fit`: that is Jasmine's focused test, and linters read it so)
            const resize = (x: Uint8Array, n: number) => {
              const o = new Uint8Array(n);
              o.set(x.subarray(0, n));
              return o;
            };
            expect(b[verifier].verify(resize(s.publicKey, own.publicKey.length), msg, resize(s.sig, own.sig.length)), `${tag}: resized`).toBe(false);
          }
        }
      });
    });
  }
});
