// Falcon interoperability with @noble/post-quantum (an independent pure-JS Falcon), on every WASM
// backend: signatures made by noble (compressed and padded) verify here, and for every signature
// a set of mutations (header / nonce / s2 / last-byte bit flips, truncation, extension, other
// size or format in the header, public-key bit flips, another message) gets the same verdict from
// noble's verify and ours. noble is the oracle: its verdict is "accepted by falcon512 (compressed)
// or falcon512padded" (our verify takes both formats, chosen by length), and a noble exception
// counts as a rejection.
//
// Inputs (key seeds, messages, signing randomness, mutated positions) come from a SHAKE-256
// stream keyed by PQSIMD_TEST_SEED (random when unset; shown in the suite name, so a failure can be
// replayed with the same inputs).
import { describe, it, expect, beforeAll } from 'vitest';
import { SEED, stream, type Stream } from './rng.js';
import { falcon512, falcon512padded, falcon1024, falcon1024padded } from '@noble/post-quantum/falcon.js';
import { loadBackend, type Backend, availableBackends } from './lib.js';

type Verifier = Backend['falcon512'];
type Noble = typeof falcon512;

const BACKENDS = availableBackends();
/** noble keygen is slow (~0.2 s / ~0.7 s per key): a few keys per size, 4 messages each. */
const KEYS = 4;
const MSGS_PER_KEY = 4;

const ALGS = [
  {
    name: 'Falcon-512',
    key: 'falcon512',
    other: 'falcon1024',
    logn: 9,
    noble: falcon512,
    padded: falcon512padded,
    otherNoble: [falcon1024, falcon1024padded],
    padLen: 666,
  },
  {
    name: 'Falcon-1024',
    key: 'falcon1024',
    other: 'falcon512',
    logn: 10,
    noble: falcon1024,
    padded: falcon1024padded,
    otherNoble: [falcon512, falcon512padded],
    padLen: 1280,
  },
] as const;
type Alg = (typeof ALGS)[number];

// ---- deterministic test inputs ----------------------------------------------------------------

const hex = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex');

function flipBit(b: Uint8Array, bit: number): Uint8Array {
  const out = b.slice();
  out[bit >> 3]! ^= 1 << (bit & 7);
  return out;
}

function withByte(b: Uint8Array, pos: number, value: number): Uint8Array {
  const out = b.slice();
  out[pos] = value;
  return out;
}

function append(b: Uint8Array, x: number): Uint8Array {
  const out = new Uint8Array(b.length + 1);
  out.set(b);
  out[b.length] = x;
  return out;
}

function zeroFill(b: Uint8Array, len: number): Uint8Array {
  const out = new Uint8Array(len);
  out.set(b);
  return out;
}

/** Length of the signature without its zero fill (the compressed s2 never ends in a zero byte). */
function unpaddedLength(sig: Uint8Array): number {
  let end = sig.length;
  while (end > 41 && sig[end - 1] === 0) end--;
  return end;
}

/** noble's verdict; an exception (malformed input) counts as a rejection. */
function nobleVerify(n: Noble, sig: Uint8Array, msg: Uint8Array, pk: Uint8Array): boolean {
  try {
    return n.verify(sig, msg, pk) === true;
  } catch {
    return false;
  }
}

// ---- noble signatures and the mutated cases, computed once per size ---------------------------

interface Case {
  label: string;
  pk: Uint8Array;
  msg: Uint8Array;
  sig: Uint8Array;
  /** Verified with the other parameter set (ours and noble's). */
  otherSize: boolean;
  /** noble's verdict. */
  expected: boolean;
}

interface SigRef {
  format: 'compressed' | 'padded';
  keyIndex: number;
  pk: Uint8Array;
  msg: Uint8Array;
  sig: Uint8Array;
  cases: Case[];
}

function mutations(alg: Alg, r: Stream, format: SigRef['format'], pk: Uint8Array, msg: Uint8Array, sig: Uint8Array): Omit<Case, 'expected'>[] {
  const L = sig.length;
  const end = unpaddedLength(sig);
  const out: Omit<Case, 'expected'>[] = [];
  const add = (label: string, s: Uint8Array, p = pk, m = msg, otherSize = false) => out.push({ label, pk: p, msg: m, sig: s, otherSize });

  add('as signed', sig);
  for (let bit = 0; bit < 8; bit++) add(`header bit ${bit} flipped`, flipBit(sig, bit));
  add('header: other size', withByte(sig, 0, 0x30 + (alg.logn === 9 ? 10 : 9)));
  add('header: CT format', withByte(sig, 0, 0x50 + alg.logn));
  add('header: NIST sm byte', withByte(sig, 0, 0x20 + alg.logn));
  add('header: det1024 compressed', withByte(sig, 0, 0xba));
  add('header: det1024 CT', withByte(sig, 0, 0xda));
  for (let i = 0; i < 2; i++) add('nonce bit flipped', flipBit(sig, 8 + r.int(8 * 40)));
  for (let i = 0; i < 3; i++) add('s2 bit flipped', flipBit(sig, 8 * 41 + r.int(8 * (end - 41))));
  add('first s2 byte bit flipped', flipBit(sig, 8 * 41 + r.int(8)));
  add('last s2 byte bit 0 flipped', flipBit(sig, 8 * (end - 1)));
  add('last s2 byte bit flipped', flipBit(sig, 8 * (end - 1) + r.int(8)));
  add('last byte bit flipped', flipBit(sig, 8 * (L - 1) + r.int(8)));
  add('truncated by 1', sig.subarray(0, L - 1));
  add('extended by 0x00', append(sig, 0));
  add('extended by a nonzero byte', append(sig, 1 + r.int(255)));
  if (format === 'compressed') {
    if (L <= alg.padLen) add('zero-filled to the padded size', zeroFill(sig, alg.padLen));
    if (L <= alg.padLen + 1) add('zero-filled to the padded size + 1', zeroFill(sig, alg.padLen + 1));
  } else {
    add('zero fill removed', sig.subarray(0, end));
    add('zero fill removed but one byte', sig.subarray(0, end + 1));
    if (end < L) add('nonzero byte in the fill', withByte(sig, end + r.int(L - end), 1 + r.int(255)));
  }
  for (let i = 0; i < 2; i++) add('pk bit flipped', sig, flipBit(pk, 8 + r.int(8 * (pk.length - 1))));
  add('pk header bit flipped', sig, flipBit(pk, r.int(8)));
  add('pk last byte bit flipped', sig, flipBit(pk, 8 * (pk.length - 1) + r.int(8)));
  add('pk truncated', sig, pk.subarray(0, pk.length - 1));
  add('message changed', sig, pk, msg.length ? flipBit(msg, r.int(8 * msg.length)) : new Uint8Array([r.int(256)]));
  add('message extended', sig, pk, append(msg, 0));
  add('verified as the other size', sig, pk, msg, true);
  return out;
}

function nobleRef(alg: Alg): SigRef[] {
  const r = stream(`${alg.name}/noble`);
  const refs: SigRef[] = [];
  for (let k = 0; k < KEYS; k++) {
    const { publicKey: pk, secretKey: sk } = alg.noble.keygen(r.bytes(48));
    for (let j = 0; j < MSGS_PER_KEY; j++) {
      const idx = k * MSGS_PER_KEY + j;
      // 0 B, 1 B, 4 KB, then random lengths up to 4 KB.
      const mlen = idx === 0 ? 0 : idx === 1 ? 1 : idx === 2 ? 4096 : r.int(4097);
      const msg = r.bytes(mlen);
      for (const format of ['compressed', 'padded'] as const) {
        const signer = format === 'compressed' ? alg.noble : alg.padded;
        const sig = signer.sign(msg, sk, { extraEntropy: r.bytes(48) });
        const cases = mutations(alg, r, format, pk, msg, sig).map((c) => {
          const n = c.otherSize ? alg.otherNoble : [alg.noble, alg.padded];
          return { ...c, expected: n.some((v) => nobleVerify(v, c.sig, c.msg, c.pk)) };
        });
        refs.push({ format, keyIndex: k, pk, msg, sig, cases });
      }
    }
  }
  return refs;
}

describe(`Falcon interop with @noble/post-quantum (PQSIMD_TEST_SEED=${SEED})`, () => {
  for (const alg of ALGS) {
    describe(alg.name, () => {
      let refs: SigRef[];
      beforeAll(() => {
        refs = nobleRef(alg);
      }, 60_000);

      it('noble made the expected signatures', () => {
        expect(refs.length).toBe(KEYS * MSGS_PER_KEY * 2);
        for (const s of refs) {
          expect(s.pk.length).toBe(alg.logn === 9 ? 897 : 1793);
          expect(s.sig[0]).toBe(0x30 + alg.logn);
          if (s.format === 'padded') expect(s.sig.length).toBe(alg.padLen);
          else expect(s.sig.length).toBeLessThanOrEqual(alg.logn === 9 ? 752 : 1462);
          // The unmodified signature verifies in noble (in its own format only).
          expect(s.cases[0]!.label).toBe('as signed');
          expect(s.cases[0]!.expected).toBe(true);
          expect(nobleVerify(s.format === 'compressed' ? alg.noble : alg.padded, s.sig, s.msg, s.pk)).toBe(true);
        }
        const lens = refs.map((s) => s.msg.length);
        expect(lens).toContain(0);
        expect(lens).toContain(4096);
      });

      for (const bname of BACKENDS) {
        describe(bname, () => {
          let f: Verifier;
          let other: Verifier;
          beforeAll(async () => {
            const b = await loadBackend(bname);
            expect(b.name).toBe(bname);
            f = b[alg.key];
            other = b[alg.other];
          });

          it("noble's signatures (compressed and padded) verify here", () => {
            let n = 0;
            for (const s of refs) {
              expect(f.verify(s.pk, s.msg, s.sig), `${s.format}, key ${s.keyIndex}, msg ${s.msg.length} B, sig ${hex(s.sig)}`).toBe(true);
              n++;
            }
            expect(n).toBe(KEYS * MSGS_PER_KEY * 2);
          });

          it("every mutated signature gets noble's verdict", () => {
            const disagreements: string[] = [];
            let n = 0;
            let accepted = 0;
            for (const s of refs) {
              for (const c of s.cases) {
                const v = c.otherSize ? other : f;
                let got: boolean;
                try {
                  got = v.verify(c.pk, c.msg, c.sig);
                } catch (e) {
                  disagreements.push(`${s.format} / ${c.label}: threw ${(e as Error).message}`);
                  continue;
                }
                n++;
                if (got) accepted++;
                if (got !== c.expected) {
                  disagreements.push(`${s.format} / ${c.label}: ours ${got}, noble ${c.expected}; ` + `pk ${hex(c.pk)} msg ${hex(c.msg)} sig ${hex(c.sig)}`);
                }
              }
            }
            expect(disagreements).toEqual([]);
            expect(n).toBe(refs.reduce((a, s) => a + s.cases.length, 0));
            expect(n).toBeGreaterThanOrEqual(KEYS * MSGS_PER_KEY * 2 * 30);
            // Accepted: each signature as signed and (normally) in its other encoding (zero-filled /
            // fill removed); everything else is a rejection in noble too.
            expect(accepted).toBe(refs.reduce((a, s) => a + s.cases.filter((c) => c.expected).length, 0));
            expect(accepted).toBeGreaterThanOrEqual(refs.length);
          });
        });
      }
    });
  }
});
