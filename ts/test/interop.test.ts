// Interoperability with @noble/post-quantum (an independent pure-JS ML-DSA), both ways, on
// every WASM backend: keygen from the same seed, deterministic and fixed-rnd signatures byte
// for byte, hedged signatures verifying across implementations, HashML-DSA and the internal
// interface (M' and external μ).
//
// Inputs come from a SHAKE-256 stream keyed by PQSIMD_TEST_SEED (random when unset; shown in
// the suite name, so a failure can be replayed with the same inputs).
import { describe, it, expect, beforeAll } from 'vitest';
import { SEED, stream } from './rng.js';
import { createHash } from 'node:crypto';
import { ml_dsa44, ml_dsa65, ml_dsa87 } from '@noble/post-quantum/ml-dsa.js';
import { sha224, sha256, sha384, sha512, sha512_224, sha512_256 } from '@noble/hashes/sha2.js';
import { sha3_224, sha3_256, sha3_384, sha3_512, shake128_32, shake256_64 } from '@noble/hashes/sha3.js';
import { loadBackend, type Backend, availableBackends } from './lib.js';

type Scheme = Backend['mlDsa44'];
type PrehashName = Parameters<Scheme['prehash']>[0];
type Noble = typeof ml_dsa44;

const BACKENDS = availableBackends();
const ALGS = [
  { name: 'ML-DSA-44', key: 'mlDsa44', noble: ml_dsa44, level: 128 },
  { name: 'ML-DSA-65', key: 'mlDsa65', noble: ml_dsa65, level: 192 },
  { name: 'ML-DSA-87', key: 'mlDsa87', noble: ml_dsa87, level: 256 },
] as const;

/** The 12 HashML-DSA pre-hashes: noble hash object, node:crypto name and output length, OID arc. */
const HASHES = [
  { name: 'SHA2-224', noble: sha224, node: 'sha224', len: 28, oid: 0x04 },
  { name: 'SHA2-256', noble: sha256, node: 'sha256', len: 32, oid: 0x01 },
  { name: 'SHA2-384', noble: sha384, node: 'sha384', len: 48, oid: 0x02 },
  { name: 'SHA2-512', noble: sha512, node: 'sha512', len: 64, oid: 0x03 },
  { name: 'SHA2-512/224', noble: sha512_224, node: 'sha512-224', len: 28, oid: 0x05 },
  { name: 'SHA2-512/256', noble: sha512_256, node: 'sha512-256', len: 32, oid: 0x06 },
  { name: 'SHA3-224', noble: sha3_224, node: 'sha3-224', len: 28, oid: 0x07 },
  { name: 'SHA3-256', noble: sha3_256, node: 'sha3-256', len: 32, oid: 0x08 },
  { name: 'SHA3-384', noble: sha3_384, node: 'sha3-384', len: 48, oid: 0x09 },
  { name: 'SHA3-512', noble: sha3_512, node: 'sha3-512', len: 64, oid: 0x0a },
  { name: 'SHAKE-128', noble: shake128_32, node: 'shake128', len: 32, oid: 0x0b },
  { name: 'SHAKE-256', noble: shake256_64, node: 'shake256', len: 64, oid: 0x0c },
] as const;

// ---- deterministic test inputs ----------------------------------------------------------------

interface Case {
  msg: Uint8Array;
  ctx: Uint8Array;
  rnd: Uint8Array;
}

/** Messages of 0 B, 1 B, 64 KB and random sizes up to 64 KB; contexts of 0, 255 and random lengths. */
function makeCases(label: string): Case[] {
  const r = stream(label);
  const msgLens = [0, 1, 65536, 2, 33, r.int(256), r.int(4096), r.int(65537), r.int(65537)];
  const ctxLens = [0, 255, 1, r.int(256), 0, 255, r.int(256), r.int(256), r.int(256)];
  return msgLens.map((m, i) => ({ msg: r.bytes(m), ctx: r.bytes(ctxLens[i]!), rnd: r.bytes(32) }));
}

const hex = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex');
const desc = (c: Case) => `msg ${c.msg.length} B, ctx ${c.ctx.length} B`;

/** M' of HashML-DSA (FIPS 204 Algorithm 4) built with node:crypto, independent of both libraries. */
function prehashMPrime(h: (typeof HASHES)[number], msg: Uint8Array, ctx: Uint8Array): Uint8Array {
  const hasher = h.node.startsWith('shake') ? createHash(h.node, { outputLength: h.len }) : createHash(h.node);
  const digest = hasher.update(msg).digest();
  return Uint8Array.from([1, ctx.length, ...ctx, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, h.oid, ...digest]);
}

/** M' of pure ML-DSA: 0 ‖ |ctx| ‖ ctx ‖ M. */
function pureMPrime(msg: Uint8Array, ctx: Uint8Array): Uint8Array {
  const out = new Uint8Array(2 + ctx.length + msg.length);
  out[1] = ctx.length;
  out.set(ctx, 2);
  out.set(msg, 2 + ctx.length);
  return out;
}

/** μ = SHAKE256(SHAKE256(pk, 64) ‖ M', 64). */
function muOf(pk: Uint8Array, mPrime: Uint8Array): Uint8Array {
  const tr = createHash('shake256', { outputLength: 64 }).update(pk).digest();
  return new Uint8Array(createHash('shake256', { outputLength: 64 }).update(tr).update(mPrime).digest());
}

/** Hashes noble's prehash() accepts at this security level (collision strength ≥ level). */
const nobleAccepts = (level: number) => HASHES.filter((h) => h.len * 4 >= level);

// ---- noble reference data, computed once per parameter set and shared by both backends ------

interface Ref {
  seeds: Uint8Array[];
  keys: { publicKey: Uint8Array; secretKey: Uint8Array }[];
  cases: Case[];
  detSigs: Uint8Array[];
  rndSigs: Uint8Array[];
  hedgedSigs: Uint8Array[];
}

function nobleRef(name: string, noble: Noble): Ref {
  const r = stream(`${name}/keys`);
  const seeds = [new Uint8Array(32), new Uint8Array(32).fill(0xff), r.bytes(32), r.bytes(32)];
  const keys = seeds.map((s) => noble.keygen(s));
  const cases = makeCases(name);
  const sk = (i: number) => keys[i % keys.length]!.secretKey;
  return {
    seeds,
    keys,
    cases,
    detSigs: cases.map((c, i) => noble.sign(c.msg, sk(i), { context: c.ctx, extraEntropy: false })),
    rndSigs: cases.map((c, i) => noble.sign(c.msg, sk(i), { context: c.ctx, extraEntropy: c.rnd })),
    hedgedSigs: cases.map((c, i) => noble.sign(c.msg, sk(i), { context: c.ctx })),
  };
}

describe(`interop with @noble/post-quantum (PQSIMD_TEST_SEED=${SEED})`, () => {
  for (const alg of ALGS) {
    describe(alg.name, () => {
      let ref: Ref;
      beforeAll(() => {
        ref = nobleRef(alg.name, alg.noble);
      });

      for (const bname of BACKENDS) {
        describe(bname, () => {
          let m: Scheme;
          beforeAll(async () => {
            const b = await loadBackend(bname);
            expect(b.name).toBe(bname);
            m = b[alg.key];
          });

          it('lengths match noble', () => {
            expect(m.lengths.publicKey).toBe(alg.noble.lengths.publicKey);
            expect(m.lengths.secretKey).toBe(alg.noble.lengths.secretKey);
            expect(m.lengths.signature).toBe(alg.noble.lengths.signature);
            expect(m.lengths.seed).toBe(32);
          });

          it('keygen from the same seed is byte-identical', () => {
            ref.seeds.forEach((seed, i) => {
              const k = m.keygen(seed);
              expect(hex(k.publicKey), `seed ${hex(seed)}`).toBe(hex(ref.keys[i]!.publicKey));
              expect(hex(k.secretKey), `seed ${hex(seed)}`).toBe(hex(ref.keys[i]!.secretKey));
            });
          });

          it('deterministic signatures are byte-identical to noble', () => {
            ref.cases.forEach((c, i) => {
              const sk = ref.keys[i % ref.keys.length]!.secretKey;
              const sig = m.sign(sk, c.msg, { context: c.ctx, deterministic: true });
              expect(hex(sig), desc(c)).toBe(hex(ref.detSigs[i]!));
            });
          });

          it('signatures with a given rnd are byte-identical to noble', () => {
            ref.cases.forEach((c, i) => {
              const sk = ref.keys[i % ref.keys.length]!.secretKey;
              const sig = m.sign(sk, c.msg, { context: c.ctx, random: c.rnd });
              expect(hex(sig), desc(c)).toBe(hex(ref.rndSigs[i]!));
            });
          });

          it('our hedged signatures verify in noble (and not under another context or message)', () => {
            ref.cases.forEach((c, i) => {
              const { publicKey, secretKey } = ref.keys[i % ref.keys.length]!;
              const sig = m.sign(secretKey, c.msg, { context: c.ctx });
              expect(sig.length).toBe(m.lengths.signature);
              expect(alg.noble.verify(sig, c.msg, publicKey, { context: c.ctx }), desc(c)).toBe(true);
              expect(m.verify(publicKey, c.msg, sig, { context: c.ctx }), desc(c)).toBe(true);
              const otherCtx = c.ctx.length ? c.ctx.subarray(1) : new Uint8Array([0]);
              expect(alg.noble.verify(sig, c.msg, publicKey, { context: otherCtx }), desc(c)).toBe(false);
              const otherMsg = c.msg.length ? Uint8Array.from(c.msg, (x, j) => (j === c.msg.length - 1 ? x ^ 0x80 : x)) : new Uint8Array(1);
              expect(alg.noble.verify(sig, otherMsg, publicKey, { context: c.ctx }), desc(c)).toBe(false);
            });
          });

          it("noble's signatures verify here (and not under another context or message)", () => {
            ref.cases.forEach((c, i) => {
              const { publicKey } = ref.keys[i % ref.keys.length]!;
              for (const sig of [ref.hedgedSigs[i]!, ref.detSigs[i]!]) {
                expect(m.verify(publicKey, c.msg, sig, { context: c.ctx }), desc(c)).toBe(true);
                const otherCtx = c.ctx.length ? c.ctx.subarray(1) : new Uint8Array([0]);
                expect(m.verify(publicKey, c.msg, sig, { context: otherCtx }), desc(c)).toBe(false);
                expect(m.verify(publicKey, Uint8Array.from([...c.msg, 0]), sig, { context: c.ctx }), desc(c)).toBe(false);
              }
            });
          });

          it('keys made here sign and verify in noble; noble keys made from the same seed work here', () => {
            const r = stream(`${alg.name}/${bname}/fresh`);
            for (let i = 0; i < 2; i++) {
              const seed = r.bytes(32);
              const ours = m.keygen(seed);
              const msg = r.bytes(r.int(2000));
              const ctx = r.bytes(r.int(256));
              const nsig = alg.noble.sign(msg, ours.secretKey, { context: ctx });
              expect(m.verify(ours.publicKey, msg, nsig, { context: ctx })).toBe(true);
              const sig = m.sign(ours.secretKey, msg, { context: ctx });
              expect(alg.noble.verify(sig, msg, ours.publicKey, { context: ctx })).toBe(true);
            }
          });

          it("HashML-DSA interop through noble's prehash() for the hashes it accepts at this level", () => {
            const hs = nobleAccepts(alg.level);
            expect(hs.length).toBeGreaterThan(0);
            hs.forEach((h, i) => {
              const c = ref.cases[i % ref.cases.length]!;
              const { publicKey, secretKey } = ref.keys[i % ref.keys.length]!;
              const nph = alg.noble.prehash(h.noble);
              const ph = m.prehash(h.name as PrehashName);
              const det = ph.sign(secretKey, c.msg, { context: c.ctx, deterministic: true });
              expect(hex(det), `${h.name}, ${desc(c)}`).toBe(hex(nph.sign(c.msg, secretKey, { context: c.ctx, extraEntropy: false })));
              const hedged = ph.sign(secretKey, c.msg, { context: c.ctx });
              expect(nph.verify(hedged, c.msg, publicKey, { context: c.ctx }), h.name).toBe(true);
              const nsig = nph.sign(c.msg, secretKey, { context: c.ctx });
              expect(ph.verify(publicKey, c.msg, nsig, { context: c.ctx }), h.name).toBe(true);
              // A HashML-DSA signature is not a pure ML-DSA signature, in either library.
              expect(m.verify(publicKey, c.msg, nsig, { context: c.ctx }), h.name).toBe(false);
              expect(alg.noble.verify(hedged, c.msg, publicKey, { context: c.ctx }), h.name).toBe(false);
            });
          });

          it("HashML-DSA with all 12 pre-hashes matches noble's internal interface on M'", () => {
            HASHES.forEach((h, i) => {
              const c = ref.cases[(i + 3) % ref.cases.length]!;
              const { publicKey, secretKey } = ref.keys[i % ref.keys.length]!;
              const mPrime = prehashMPrime(h, c.msg, c.ctx);
              const ph = m.prehash(h.name as PrehashName);
              expect(ph.hash).toBe(h.name);
              const det = ph.sign(secretKey, c.msg, { context: c.ctx, deterministic: true });
              expect(hex(det), `${h.name}, ${desc(c)}`).toBe(hex(alg.noble.internal.sign(mPrime, secretKey, { extraEntropy: false })));
              const sig = ph.sign(secretKey, c.msg, { context: c.ctx, random: c.rnd });
              expect(alg.noble.internal.verify(sig, mPrime, publicKey), h.name).toBe(true);
              expect(ph.verify(publicKey, c.msg, alg.noble.internal.sign(mPrime, secretKey), { context: c.ctx }), h.name).toBe(true);
              // Another hash's signature over the same message must not verify.
              const other = HASHES[(i + 1) % HASHES.length]!;
              expect(m.prehash(other.name as PrehashName).verify(publicKey, c.msg, sig, { context: c.ctx }), `${h.name} as ${other.name}`).toBe(false);
            });
          });

          it("internal sign/verify on M' and on external μ match noble", () => {
            ref.cases.slice(0, 4).forEach((c, i) => {
              const { publicKey, secretKey } = ref.keys[i % ref.keys.length]!;
              const mPrime = pureMPrime(c.msg, c.ctx);
              const det = m.internal.sign(secretKey, mPrime, { deterministic: true });
              // Pure ML-DSA is Sign_internal on M' = 0 ‖ |ctx| ‖ ctx ‖ M.
              expect(hex(det), desc(c)).toBe(hex(ref.detSigs[i]!));
              expect(hex(det)).toBe(hex(alg.noble.internal.sign(mPrime, secretKey, { extraEntropy: false })));
              expect(alg.noble.internal.verify(m.internal.sign(secretKey, mPrime), mPrime, publicKey)).toBe(true);
              expect(m.internal.verify(publicKey, mPrime, alg.noble.internal.sign(mPrime, secretKey))).toBe(true);

              const mu = m.internal.mu(publicKey, mPrime);
              expect(hex(mu), desc(c)).toBe(hex(muOf(publicKey, mPrime)));
              const muSig = m.internal.sign(secretKey, mu, { externalMu: true, random: c.rnd });
              expect(hex(muSig)).toBe(hex(alg.noble.internal.sign(mu, secretKey, { externalMu: true, extraEntropy: c.rnd })));
              expect(hex(muSig)).toBe(hex(ref.rndSigs[i]!));
              expect(alg.noble.internal.verify(muSig, mu, publicKey, { externalMu: true })).toBe(true);
              expect(m.internal.verify(publicKey, mu, ref.hedgedSigs[i]!, { externalMu: true })).toBe(true);
              expect(m.verify(publicKey, c.msg, muSig, { context: c.ctx })).toBe(true);
            });
          });
        });
      }
    });
  }
});
