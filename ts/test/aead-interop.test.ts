// pqsimd/aead against three independent implementations, both ways, on every backend: @noble/ciphers
// (every primitive; its ChaCha20/Salsa20 block cores also give the 64-bit-counter ciphers across
// the 2^32 block boundary, where noble's stream functions stop), libsodium-wrappers (secretbox,
// crypto_aead_xchacha20poly1305_ietf, secretstream in both directions with tags, associated data
// and rekeying: what the standard wrappers build exports) and node:crypto (OpenSSL's
// chacha20-poly1305 and chacha20). Keys, nonces, associated data and messages are random (seeded:
// PQSIMD_TEST_SEED replays a run); lengths are the block and window edges up to 1 MiB plus random
// samples. Each reference result is computed once and compared with every backend; the reference
// opens what every backend sealed for messages below 64 KiB (the large ones are byte-identical).
import {
  __TESTS as chachaTests,
  chacha20 as nChacha20,
  chacha20orig as nChachaOrig,
  chacha20poly1305 as nChaPoly,
  hchacha as nHChacha,
  xchacha20 as nXChacha,
  xchacha20poly1305 as nXChaPoly,
} from '@noble/ciphers/chacha.js';
import { poly1305 as nPoly } from '@noble/ciphers/_poly1305.js';
import { hsalsa as nHSalsa, __TESTS as salsaTests, salsa20 as nSalsa, xsalsa20 as nXSalsa, xsalsa20poly1305 as nXSalsaPoly } from '@noble/ciphers/salsa.js';
import sodium from 'libsodium-wrappers';
import { createCipheriv, createDecipheriv } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { SEED, stream } from './rng.js';
import { AEAD_BACKENDS, type AeadBackend, cat, loadAll, same, thrown } from './aead-lib.js';

let backends: Map<string, AeadBackend>;
beforeAll(async () => {
  backends = await loadAll();
  await sodium.ready;
});

const r = stream('aead-interop');
const MiB = 1 << 20;
/** Block (16/64 bytes), chunk (4 KiB) and WASM window (64 KiB) edges, 1 MiB, and random samples. */
const LENGTHS = [0, 1, 15, 16, 17, 31, 32, 33, 63, 64, 65, 127, 128, 129, 255, 256, 1000, 4095, 4096, 4097, 65535, 65536, 65537, 131073, MiB];
for (let i = 0; i < 4; i++) LENGTHS.push(r.int(4096));
for (let i = 0; i < 2; i++) LENGTHS.push(r.int(MiB));
const SMALL = 65536;
/** One random buffer that every message is a slice of (random content, generated once). */
const POOL = r.bytes(MiB + 64);
const msgOf = (n: number): Uint8Array => {
  const at = r.int(64);
  return POOL.slice(at, at + n);
};

interface Case {
  key: Uint8Array;
  nonce: Uint8Array;
  aad: Uint8Array;
  pt: Uint8Array;
}
const makeCase = (nonce: number, len: number, aad = true): Case => ({
  key: r.bytes(32),
  nonce: r.bytes(nonce),
  aad: aad ? r.bytes(r.int(3) === 0 ? 0 : r.int(300)) : new Uint8Array(0),
  pt: msgOf(len),
});

describe(`interop on ${AEAD_BACKENDS.join(', ')} (seed ${SEED})`, () => {
  type Alg = 'chacha20poly1305' | 'xchacha20poly1305';
  const aeadRefs: [Alg, number, string, (c: Case) => Uint8Array, (c: Case, sealed: Uint8Array) => Uint8Array][] = [
    ['chacha20poly1305', 12, '@noble/ciphers', (c) => nChaPoly(c.key, c.nonce, c.aad).encrypt(c.pt), (c, s) => nChaPoly(c.key, c.nonce, c.aad).decrypt(s)],
    [
      'chacha20poly1305',
      12,
      'node:crypto',
      (c) => {
        const e = createCipheriv('chacha20-poly1305', c.key, c.nonce, { authTagLength: 16 });
        e.setAAD(c.aad, { plaintextLength: c.pt.length });
        const ct = cat(e.update(c.pt), e.final());
        return cat(ct, e.getAuthTag());
      },
      (c, s) => {
        const d = createDecipheriv('chacha20-poly1305', c.key, c.nonce, { authTagLength: 16 });
        d.setAAD(c.aad, { plaintextLength: s.length - 16 });
        d.setAuthTag(s.subarray(s.length - 16));
        return cat(d.update(s.subarray(0, s.length - 16)), d.final());
      },
    ],
    ['xchacha20poly1305', 24, '@noble/ciphers', (c) => nXChaPoly(c.key, c.nonce, c.aad).encrypt(c.pt), (c, s) => nXChaPoly(c.key, c.nonce, c.aad).decrypt(s)],
    [
      'xchacha20poly1305',
      24,
      'libsodium',
      (c) => sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(c.pt, c.aad, null, c.nonce, c.key),
      (c, s) => sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(null, s, c.aad, c.nonce, c.key),
    ],
  ];
  for (const [alg, nonceLength, ref, seal, open] of aeadRefs) {
    it(`${alg} <-> ${ref}`, () => {
      for (const len of LENGTHS) {
        const c = makeCase(nonceLength, len);
        const want = seal(c);
        for (const [name, be] of backends) {
          const what = `${name} ${alg} length ${len}`;
          const got = be[alg](c.key, c.nonce, c.aad).encrypt(c.pt);
          expect(same(got, want), what).toBe(true);
          expect(same(be[alg](c.key, c.nonce, c.aad).decrypt(want), c.pt), what).toBe(true);
          if (len < SMALL) expect(same(open(c, got), c.pt), what).toBe(true);
        }
        // associated data omitted = empty
        if (len < 100 && c.aad.length === 0) {
          for (const be of backends.values()) expect(same(be[alg](c.key, c.nonce).encrypt(c.pt), want)).toBe(true);
        }
      }
    });
  }

  it('xsalsa20poly1305 / secretbox <-> @noble/ciphers and libsodium crypto_secretbox_easy', () => {
    for (const len of LENGTHS) {
      const c = makeCase(24, len, false);
      const want = nXSalsaPoly(c.key, c.nonce).encrypt(c.pt);
      expect(same(sodium.crypto_secretbox_easy(c.pt, c.nonce, c.key), want)).toBe(true);
      for (const [name, be] of backends) {
        const what = `${name} length ${len}`;
        const got = be.secretbox(c.key, c.nonce).seal(c.pt);
        expect(same(got, want), what).toBe(true);
        expect(same(be.xsalsa20poly1305(c.key, c.nonce).open(want), c.pt), what).toBe(true);
        if (len < SMALL) {
          expect(same(sodium.crypto_secretbox_open_easy(got, c.nonce, c.key), c.pt), what).toBe(true);
          expect(same(nXSalsaPoly(c.key, c.nonce).decrypt(got), c.pt), what).toBe(true);
        }
      }
    }
  });

  it('stream ciphers <-> @noble/ciphers, node:crypto chacha20 and libsodium (counters 0, random, near the 32-bit end)', () => {
    const refs = [
      ['chacha20', 12, (k: Uint8Array, n: Uint8Array, d: Uint8Array, ctr: number) => nChacha20(k, n, d, undefined, ctr)],
      ['chacha20orig', 8, (k: Uint8Array, n: Uint8Array, d: Uint8Array, ctr: number) => nChachaOrig(k, n, d, undefined, ctr)],
      ['xchacha20', 24, (k: Uint8Array, n: Uint8Array, d: Uint8Array, ctr: number) => nXChacha(k, n, d, undefined, ctr)],
      ['salsa20', 8, (k: Uint8Array, n: Uint8Array, d: Uint8Array, ctr: number) => nSalsa(k, n, d, undefined, ctr)],
      ['xsalsa20', 24, (k: Uint8Array, n: Uint8Array, d: Uint8Array, ctr: number) => nXSalsa(k, n, d, undefined, ctr)],
    ] as const;
    for (const [alg, nonceLength, ref] of refs) {
      for (const len of LENGTHS) {
        const c = makeCase(nonceLength, len, false);
        const blocks = Math.ceil(len / 64);
        // noble refuses a run that touches counter 2^32 - 1: stay below it
        const counter = [0, 1, r.int(1 << 30), 2 ** 32 - 2 - blocks][r.int(4)]!;
        const want = ref(c.key, c.nonce, c.pt, counter);
        for (const [name, be] of backends)
          expect(same(be[alg](c.key, c.nonce, c.pt, undefined, counter), want), `${name} ${alg} length ${len} counter ${counter}`).toBe(true);
        if (alg === 'chacha20' && len < SMALL) {
          const iv = new Uint8Array(16);
          new DataView(iv.buffer).setUint32(0, counter, true);
          iv.set(c.nonce, 4);
          const e = createCipheriv('chacha20', c.key, iv);
          expect(same(cat(e.update(c.pt), e.final()), want), `node:crypto chacha20 length ${len}`).toBe(true);
        }
      }
    }
  });

  it("the 64-bit counters across the 2^32 block boundary (noble's ChaCha20 / HChaCha20 / Salsa20 cores, block by block), and bigint counters", () => {
    const sigma = new Uint32Array(new Uint8Array(Buffer.from('expand 32-byte k')).buffer);
    const words = (b: Uint8Array) => new Uint32Array(b.slice().buffer);
    /** `blocks` keystream blocks from 64-bit counter `start`, nonce8 in words 14-15 (ChaCha) / 6-7 (Salsa). */
    const keystream = (salsa: boolean, key: Uint8Array, nonce8: Uint8Array, start: number, blocks: number): Uint8Array => {
      const ks = new Uint8Array(blocks * 64);
      const out = new Uint32Array(16);
      const [n0, n1] = words(nonce8);
      for (let b = 0; b < blocks; b++) {
        const lo = (start + b) % 2 ** 32;
        const hi = Math.floor((start + b) / 2 ** 32);
        if (salsa) salsaTests.salsaCore(sigma, words(key), Uint32Array.of(n0!, n1!), out, lo, 20, hi);
        else chachaTests.chachaCore(sigma, words(key), Uint32Array.of(hi, n0!, n1!), out, lo, 20);
        ks.set(new Uint8Array(out.buffer), 64 * b);
      }
      return ks;
    };
    const xor = (d: Uint8Array, ks: Uint8Array) => d.map((x, i) => x ^ ks[i]!);
    for (const len of [64, 65, 128, 200, 1000, 70_000]) {
      const blocks = Math.ceil(len / 64);
      const start = 2 ** 32 - 1 - r.int(Math.min(blocks, 3));
      const co = makeCase(8, len, false);
      const cx = makeCase(24, len, false);
      const cs = makeCase(8, len, false);
      const wantOrig = xor(co.pt, keystream(false, co.key, co.nonce, start, blocks));
      const sub = new Uint32Array(8);
      nHChacha(sigma, words(cx.key), words(cx.nonce.subarray(0, 16)), sub);
      const wantX = xor(cx.pt, keystream(false, new Uint8Array(sub.buffer), cx.nonce.subarray(16), start, blocks));
      const wantSalsa = xor(cs.pt, keystream(true, cs.key, cs.nonce, start, blocks));
      // the references agree with noble's stream ciphers where those run (below 2^32 - 1)
      expect(same(keystream(false, co.key, co.nonce, 5, 2), nChachaOrig(co.key, co.nonce, new Uint8Array(128), undefined, 5))).toBe(true);
      expect(same(keystream(true, cs.key, cs.nonce, 5, 2), nSalsa(cs.key, cs.nonce, new Uint8Array(128), undefined, 5))).toBe(true);
      for (const [name, be] of backends) {
        const what = `${name} length ${len} from ${start}`;
        expect(same(be.chacha20orig(co.key, co.nonce, co.pt, undefined, start), wantOrig), what).toBe(true);
        expect(same(be.xchacha20(cx.key, cx.nonce, cx.pt, undefined, BigInt(start)), wantX), what).toBe(true);
        expect(same(be.salsa20(cs.key, cs.nonce, cs.pt, undefined, start), wantSalsa), what).toBe(true);
        // a bigint counter past 2^32 = the same run started earlier
        const tail = be.chacha20orig(co.key, co.nonce, co.pt.subarray(64 * (blocks - 1)), undefined, BigInt(start + blocks - 1));
        expect(same(tail, wantOrig.subarray(64 * (blocks - 1))), what).toBe(true);
      }
    }
    // near the top of the 64-bit counters
    const key = r.bytes(32);
    const nonce = r.bytes(8);
    const top = 2n ** 64n - 2n;
    for (const [name, be] of backends) {
      for (const f of [be.salsa20, be.chacha20orig]) {
        const two = f(key, nonce, new Uint8Array(128), undefined, top);
        expect(same(two.subarray(64), f(key, nonce, new Uint8Array(64), undefined, top + 1n)), name).toBe(true);
        expect(same(two.subarray(0, 64), f(key, nonce, new Uint8Array(64), undefined, top)), name).toBe(true);
      }
    }
  });

  it('hchacha20 / hsalsa20 <-> @noble/ciphers hchacha / hsalsa; poly1305 <-> @noble/ciphers', () => {
    const sigma = new Uint32Array(new Uint8Array(Buffer.from('expand 32-byte k')).buffer);
    const words = (b: Uint8Array) => new Uint32Array(b.slice().buffer);
    for (let i = 0; i < 20; i++) {
      const key = r.bytes(32);
      const input = r.bytes(16);
      const hc = new Uint32Array(8);
      const hs = new Uint32Array(8);
      nHChacha(sigma, words(key), words(input), hc);
      nHSalsa(sigma, words(key), words(input), hs);
      for (const [name, be] of backends) {
        expect(same(be.hchacha20(key, input), new Uint8Array(hc.buffer)), name).toBe(true);
        expect(same(be.hsalsa20(key, input), new Uint8Array(hs.buffer)), name).toBe(true);
      }
    }
    for (const len of LENGTHS) {
      const key = r.bytes(32);
      const msg = msgOf(len);
      const want = nPoly(msg, key);
      for (const [name, be] of backends) expect(same(be.poly1305(msg, key), want), `${name} length ${len}`).toBe(true);
    }
  });

  it('secretstream <-> libsodium crypto_secretstream_xchacha20poly1305, both directions (tags, associated data, rekey)', () => {
    const { MESSAGE, PUSH, REKEY, FINAL } = { MESSAGE: 0, PUSH: 1, REKEY: 2, FINAL: 3 };
    const plan: { len: number; tag: number; ad: Uint8Array; rekeyAfter: boolean }[] = [];
    const lens = [0, 1, 17, 64, 1000, 65535, 65537, 300_000, r.int(5000), r.int(200_000)];
    lens.forEach((len, i) => {
      plan.push({
        len,
        tag: i === lens.length - 1 ? FINAL : [MESSAGE, MESSAGE, PUSH, REKEY][r.int(4)]!,
        ad: r.bytes(r.int(2) ? 0 : r.int(100)),
        rekeyAfter: r.int(4) === 0,
      });
    });
    for (const [name, be] of backends) {
      const key = r.bytes(32);
      const msgs = plan.map((p) => msgOf(p.len));
      // ours -> libsodium
      const { header, push } = be.secretstream.init(key);
      const st = sodium.crypto_secretstream_xchacha20poly1305_init_pull(header, key);
      plan.forEach((p, i) => {
        const c = push(msgs[i]!, p.tag, p.ad);
        expect(c.length, name).toBe(p.len + 17);
        const got = sodium.crypto_secretstream_xchacha20poly1305_pull(st, c, p.ad);
        expect(got && same(got.message, msgs[i]!) && got.tag === p.tag, `${name} ours->libsodium message ${i}`).toBe(true);
        if (p.rekeyAfter && p.tag !== FINAL) {
          push.rekey();
          sodium.crypto_secretstream_xchacha20poly1305_rekey(st);
        }
      });
      expect(
        thrown(() => push(new Uint8Array(1))),
        name,
      ).toMatch(/^Error: secretstream: the stream is closed/);
      // libsodium -> ours
      const sp = sodium.crypto_secretstream_xchacha20poly1305_init_push(key);
      const pull = be.secretstream.pull(key, sp.header);
      plan.forEach((p, i) => {
        const c = sodium.crypto_secretstream_xchacha20poly1305_push(sp.state, msgs[i]!, p.ad, p.tag);
        const got = pull(c, p.ad);
        expect(same(got.message, msgs[i]!) && got.tag === p.tag, `${name} libsodium->ours message ${i}`).toBe(true);
        if (p.rekeyAfter && p.tag !== FINAL) {
          sodium.crypto_secretstream_xchacha20poly1305_rekey(sp.state);
          pull.rekey();
        }
      });
      expect(
        thrown(() => pull(new Uint8Array(17))),
        name,
      ).toMatch(/^Error: secretstream: the stream is closed/);
    }
  });
});
