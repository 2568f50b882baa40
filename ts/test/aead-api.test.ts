// The pqsimd/aead API contract on every backend: argument errors (RangeError / TypeError naming the
// argument, raised before any work), the nonce-reuse guard, every single-bit flip of ciphertext,
// tag and associated data rejected (sampled for long messages), no unverified plaintext ever
// visible (out zeroed on failure, shared-memory outputs never written before the tag checks: a
// worker watches one), any byteOffset, in place and partially overlapping buffers, lengths around
// the 64 KiB WASM window, associated data far larger than the WASM arena, secretstream's closing
// rules, sealMany / openMany, and the facades before and after ready().
import { chacha20 as nChacha20, chacha20poly1305 as nChaPoly, xchacha20poly1305 as nXChaPoly } from '@noble/ciphers/chacha.js';
import { poly1305 as nPoly } from '@noble/ciphers/_poly1305.js';
import { xsalsa20poly1305 as nXSalsaPoly } from '@noble/ciphers/salsa.js';
import { beforeAll, describe, expect, it } from 'vitest';
import * as lib from './aead-lib.js';
import { AEAD_BACKENDS, type AeadBackend, cat, flipBit, loadAll, same, thrown } from './aead-lib.js';
import { SEED, stream } from './rng.js';

let backends: Map<string, AeadBackend>;
const r = stream('aead-api');

describe('facades before ready()', () => {
  it('throw until ready() has loaded the family, then run on the default backend', async () => {
    expect(thrown(() => lib.chacha20poly1305(new Uint8Array(32), new Uint8Array(12)))).toMatch(/^Error: pqsimd: call `await ready\(\)`/);
    expect(thrown(() => lib.poly1305(new Uint8Array(1), new Uint8Array(32)))).toMatch(/^Error: pqsimd: call `await ready\(\)`/);
    // static properties need no backend
    expect([lib.xchacha20poly1305.nonceLength, lib.secretbox.tagLength, lib.chacha20.counterBits, lib.secretstream.TAG.FINAL]).toEqual([24, 16, 32, 3]);
    await lib.ready();
    expect(lib.backend()).toBe(AEAD_BACKENDS[0]);
    const key = r.bytes(32);
    const nonce = r.bytes(24);
    const msg = r.bytes(100);
    const sealed = lib.xchacha20poly1305(key, nonce).encrypt(msg);
    expect(same(sealed, nXChaPoly(key, nonce).encrypt(msg))).toBe(true);
    expect(same(lib.xchacha20poly1305(key, nonce).decrypt(sealed), msg)).toBe(true);
    expect(same(lib.secretbox(key, nonce).seal(msg), nXSalsaPoly(key, nonce).encrypt(msg))).toBe(true);
    expect(same(lib.xsalsa20poly1305.sealMany([{ key, nonce, plaintext: msg }])[0]!, nXSalsaPoly(key, nonce).encrypt(msg))).toBe(true);
    expect(lib.secretbox).toBe(lib.xsalsa20poly1305);
  });
});

beforeAll(async () => {
  backends = await loadAll();
});

/** The same outcome string on every backend (the first one's), which must match `want`. */
function onEvery(f: (be: AeadBackend) => unknown, want: RegExp | string): void {
  const seen = new Map<string, string>();
  for (const [name, be] of backends)
    seen.set(
      name,
      thrown(() => f(be)),
    );
  const first = [...seen.values()][0]!;
  for (const [name, got] of seen) {
    expect(got, name).toBe(first);
    if (typeof want === 'string') expect(got, name).toBe(want);
    else expect(got, name).toMatch(want);
  }
}

const K = new Uint8Array(32).fill(7);
const N12 = new Uint8Array(12).fill(1);
const N24 = new Uint8Array(24).fill(2);
const N8 = new Uint8Array(8).fill(3);

describe(`argument errors on ${AEAD_BACKENDS.join(', ')}`, () => {
  it('wrong key / nonce lengths: RangeError naming the argument', () => {
    onEvery((be) => be.chacha20poly1305(new Uint8Array(31), N12), 'RangeError: key: expected 32 bytes for ChaCha20-Poly1305, got 31');
    onEvery((be) => be.chacha20poly1305(K, new Uint8Array(24)), 'RangeError: nonce: expected 12 bytes for ChaCha20-Poly1305, got 24');
    onEvery((be) => be.xchacha20poly1305(K, N12), 'RangeError: nonce: expected 24 bytes for XChaCha20-Poly1305, got 12');
    onEvery((be) => be.secretbox(new Uint8Array(33), N24), 'RangeError: key: expected 32 bytes for XSalsa20-Poly1305, got 33');
    onEvery((be) => be.xsalsa20poly1305(K, N12), 'RangeError: nonce: expected 24 bytes for XSalsa20-Poly1305, got 12');
    onEvery((be) => be.chacha20(K, N8, new Uint8Array(1)), 'RangeError: nonce: expected 12 bytes for ChaCha20, got 8');
    onEvery((be) => be.chacha20orig(K, N12, new Uint8Array(1)), 'RangeError: nonce: expected 8 bytes for ChaCha20 (original), got 12');
    onEvery((be) => be.xchacha20(new Uint8Array(0), N24, new Uint8Array(1)), 'RangeError: key: expected 32 bytes for XChaCha20, got 0');
    onEvery((be) => be.salsa20(K, N24, new Uint8Array(1)), 'RangeError: nonce: expected 8 bytes for Salsa20, got 24');
    onEvery((be) => be.xsalsa20(K, N8, new Uint8Array(1)), 'RangeError: nonce: expected 24 bytes for XSalsa20, got 8');
    onEvery((be) => be.hchacha20(K, N12), 'RangeError: nonce: expected 16 bytes for HChaCha20, got 12');
    onEvery((be) => be.hsalsa20(N24, new Uint8Array(16)), 'RangeError: key: expected 32 bytes for HSalsa20, got 24');
    onEvery((be) => be.poly1305(new Uint8Array(5), new Uint8Array(16)), 'RangeError: key: expected 32 bytes for Poly1305, got 16');
    onEvery((be) => be.secretstream.init(new Uint8Array(16)), 'RangeError: key: expected 32 bytes for secretstream, got 16');
    onEvery((be) => be.secretstream.pull(K, N12), 'RangeError: header: expected 24 bytes for secretstream, got 12');
    onEvery(
      (be) => be.chacha20poly1305.sealMany([{ key: K, nonce: N24, plaintext: N8 }]),
      'RangeError: items[0].nonce: expected 12 bytes for ChaCha20-Poly1305, got 24',
    );
  });

  it('associated data on secretbox: TypeError; a key changed after construction is checked again', () => {
    onEvery(
      (be) => (be.secretbox as unknown as (...a: unknown[]) => unknown)(K, N24, new Uint8Array(0)),
      /^TypeError: aad: XSalsa20-Poly1305 \(secretbox\) has no associated data/,
    );
    onEvery(
      (be) => be.xsalsa20poly1305.openMany([{ key: K, nonce: N24, aad: N8, ciphertext: new Uint8Array(16) }]),
      /^TypeError: items\[0\]\.aad: XSalsa20-Poly1305/,
    );
    onEvery((be) => {
      const key = new Uint8Array(32);
      const c = be.chacha20poly1305(key, N12);
      structuredClone(key.buffer, { transfer: [key.buffer] });
      return c.encrypt(N8);
    }, /^TypeError: key: the Uint8Array cannot be read/);
    onEvery((be) => {
      const buf = new ArrayBuffer(32, { maxByteLength: 64 });
      const key = new Uint8Array(buf);
      const c = be.xchacha20poly1305(key, N24);
      buf.resize(40);
      return c.decrypt(new Uint8Array(16));
    }, 'RangeError: key: expected 32 bytes for XChaCha20-Poly1305, got 40');
  });

  it('wrong output lengths: RangeError, before any work (out untouched)', () => {
    const pt = new Uint8Array(40).fill(9);
    for (const [name, be] of backends) {
      for (const [f, want] of [
        [
          (o: Uint8Array) => be.chacha20poly1305(K, N12).encrypt(pt, o),
          "RangeError: out: expected 56 bytes (the plaintext's length + the 16-byte tag), got 55",
        ],
        [(o: Uint8Array) => be.secretbox(K, N24).seal(pt, o), "RangeError: out: expected 56 bytes (the plaintext's length + the 16-byte tag), got 55"],
        [
          (o: Uint8Array) => be.xchacha20poly1305(K, N24).decrypt(cat(pt, pt), o),
          "RangeError: out: expected 64 bytes (the ciphertext's length - the 16-byte tag), got 55",
        ],
        [(o: Uint8Array) => be.xchacha20poly1305(K, N24).encryptDetached(pt, o), "RangeError: out: expected 40 bytes (the plaintext's length), got 55"],
        [
          (o: Uint8Array) => be.chacha20poly1305(K, N12).decryptDetached(pt, new Uint8Array(16), o),
          "RangeError: out: expected 40 bytes (the ciphertext's length), got 55",
        ],
        [(o: Uint8Array) => be.xsalsa20(K, N24, pt, o), "RangeError: out: expected 40 bytes (the data's length), got 55"],
      ] as const) {
        const out = new Uint8Array(55).fill(0xee);
        expect(
          thrown(() => f(out)),
          name,
        ).toBe(want);
        expect(
          out.every((b) => b === 0xee),
          name,
        ).toBe(true);
      }
    }
  });

  it('counters: TypeError unless a number or bigint (no valueOf runs), RangeError when out of range or when the data runs past the end', () => {
    let ran = 0;
    const sneaky = {
      valueOf: () => {
        ran++;
        return 1;
      },
    };
    onEvery((be) => be.chacha20(K, N12, N8, undefined, sneaky as never), 'TypeError: counter: expected a number or a bigint, got an object');
    onEvery((be) => be.salsa20(K, N8, N8, undefined, '1' as never), 'TypeError: counter: expected a number or a bigint, got a string');
    expect(ran).toBe(0);
    onEvery((be) => be.chacha20(K, N12, N8, undefined, -1), 'RangeError: counter: expected an integer 0 <= counter < 2^32, got -1');
    onEvery((be) => be.chacha20(K, N12, N8, undefined, 1.5), 'RangeError: counter: expected an integer 0 <= counter < 2^32, got 1.5');
    onEvery((be) => be.xchacha20(K, N24, N8, undefined, Number.NaN), 'RangeError: counter: expected an integer 0 <= counter < 2^64, got NaN');
    onEvery((be) => be.chacha20(K, N12, N8, undefined, 2 ** 32), 'RangeError: counter: expected an integer 0 <= counter < 2^32, got 4294967296');
    onEvery((be) => be.chacha20(K, N12, N8, undefined, 2n ** 32n), 'RangeError: counter: expected an integer 0 <= counter < 2^32, got 4294967296');
    onEvery((be) => be.xsalsa20(K, N24, N8, undefined, 2n ** 64n), 'RangeError: counter: expected an integer 0 <= counter < 2^64, got 18446744073709551616');
    onEvery((be) => be.salsa20(K, N8, N8, undefined, -1n), 'RangeError: counter: expected an integer 0 <= counter < 2^64, got -1');
    // the last block of each counter: allowed; one byte more: refused before any work
    for (const [name, be] of backends) {
      for (const [f, last] of [
        [be.chacha20, 2 ** 32 - 1],
        [be.chacha20, 2n ** 32n - 1n],
        [be.chacha20orig, 2n ** 64n - 1n],
        [be.xchacha20, 2n ** 64n - 1n],
        [be.salsa20, 2n ** 64n - 1n],
        [be.xsalsa20, 2n ** 64n - 1n],
      ] as const) {
        const nonce = new Uint8Array(f.nonceLength);
        expect(f(K, nonce, new Uint8Array(64), undefined, last).length, name).toBe(64);
        expect(f(K, nonce, new Uint8Array(0), undefined, last).length, name).toBe(0);
        const out = new Uint8Array(65).fill(0xee);
        expect(
          thrown(() => f(K, nonce, new Uint8Array(65), out, last)),
          name,
        ).toMatch(new RegExp(`^RangeError: counter: ${last} \\+ 2 blocks of data runs past the end of .*'s ${f.counterBits}-bit block counter$`));
        expect(
          out.every((b) => b === 0xee),
          name,
        ).toBe(true);
        const earlier = typeof last === 'bigint' ? last - 1n : last - 1;
        expect(f(K, nonce, new Uint8Array(128), undefined, earlier).length, name).toBe(128);
        expect(
          thrown(() => f(K, nonce, new Uint8Array(129), undefined, earlier)),
          name,
        ).toMatch(/^RangeError: counter: /);
      }
      // a number counter of a 64-bit cipher may be any safe integer
      expect(be.salsa20(K, N8, new Uint8Array(64), undefined, Number.MAX_SAFE_INTEGER).length, name).toBe(64);
    }
  });

  it('secretstream: tag values, a stream closed after FINAL or a failed pull', () => {
    onEvery((be) => be.secretstream.init(K).push(N8, 4), 'RangeError: tag: expected MESSAGE 0, PUSH 1, REKEY 2 or FINAL 3, got 4');
    onEvery((be) => be.secretstream.init(K).push(N8, '1' as never), 'TypeError: tag: expected a number (secretstream.TAG.*), got a string');
    for (const [name, be] of backends) {
      const { header, push } = be.secretstream.init(K);
      expect(header.length).toBe(24);
      const a = push(N8);
      const b = push(N12, be.secretstream.TAG.PUSH, N8);
      const c = push(new Uint8Array(0), be.secretstream.TAG.FINAL);
      expect(
        thrown(() => push(N8)),
        name,
      ).toBe('Error: secretstream: the stream is closed (after a FINAL message or a failed pull); start a new one');
      expect(
        thrown(() => push.rekey()),
        name,
      ).toMatch(/^Error: secretstream: the stream is closed/);
      const pull = be.secretstream.pull(K, header);
      expect(pull(a).tag, name).toBe(0);
      // wrong associated data: AeadError, then closed
      expect(
        thrown(() => pull(b)),
        name,
      ).toMatch(/^AeadError: authentication failed/);
      expect(
        thrown(() => pull(b, N8)),
        name,
      ).toMatch(/^Error: secretstream: the stream is closed/);
      const again = be.secretstream.pull(K, header);
      again(a);
      expect([again(b, N8).tag, again(c).tag], name).toEqual([1, 3]);
      expect(
        thrown(() => again(c)),
        name,
      ).toMatch(/^Error: secretstream: the stream is closed/);
      // out of order, too short, rekey on one side only
      expect(
        thrown(() => be.secretstream.pull(K, header)(b, N8)),
        name,
      ).toMatch(/^AeadError: /);
      const short = be.secretstream.pull(K, header);
      expect(
        thrown(() => short(new Uint8Array(16))),
        name,
      ).toMatch(/^AeadError: /);
      expect(
        thrown(() => short(a)),
        name,
      ).toMatch(/^Error: secretstream: the stream is closed/);
      const rk = be.secretstream.pull(K, header);
      rk.rekey();
      expect(
        thrown(() => rk(a)),
        name,
      ).toMatch(/^AeadError: /);
      // a REKEY tag rekeys both sides after that message
      const s2 = be.secretstream.init(K);
      const m1 = s2.push(N8, be.secretstream.TAG.REKEY);
      const m2 = s2.push(N12);
      const p2 = be.secretstream.pull(K, s2.header);
      expect([p2(m1).tag, same(p2(m2).message, N12)], name).toEqual([2, true]);
    }
  });
});

describe('nonce-reuse guard', () => {
  it('a second encrypt / encryptDetached / seal on one object throws; decrypt is unlimited; a failed first call also uses the object up', () => {
    for (const [name, be] of backends) {
      for (const make of [() => be.chacha20poly1305(K, N12, N8), () => be.xchacha20poly1305(K, N24), () => be.secretbox(K, N24)]) {
        const c = make();
        const sealed = c.encrypt(N8);
        expect(
          thrown(() => c.encrypt(N8)),
          name,
        ).toMatch(/^Error: .*: encrypt\(\) was already called on this object; a nonce must never encrypt two messages/);
        expect(
          thrown(() => c.encryptDetached(N8)),
          name,
        ).toMatch(/already called/);
        for (let i = 0; i < 3; i++) expect(same(c.decrypt(sealed), N8), name).toBe(true);
        const d = make();
        d.encryptDetached(N8);
        expect(
          thrown(() => d.encrypt(N8)),
          name,
        ).toMatch(/already called/);
        const e = make();
        expect(
          thrown(() => e.encrypt(N8, new Uint8Array(3))),
          name,
        ).toMatch(/^RangeError: out: /);
        expect(
          thrown(() => e.encrypt(N8)),
          name,
        ).toMatch(/already called/);
      }
      const sb = be.secretbox(K, N24);
      sb.seal(N8);
      expect(
        thrown(() => sb.seal(N8)),
        name,
      ).toMatch(/already called/);
      expect(
        thrown(() => sb.encrypt(N8)),
        name,
      ).toMatch(/already called/);
    }
  });
});

type AeadKind = 'chacha20poly1305' | 'xchacha20poly1305' | 'secretbox';
const KINDS: [AeadKind, number, boolean][] = [
  ['chacha20poly1305', 12, true],
  ['xchacha20poly1305', 24, true],
  ['secretbox', 24, false],
];
const make = (be: AeadBackend, kind: AeadKind, key: Uint8Array, nonce: Uint8Array, aad: Uint8Array | undefined) =>
  kind === 'secretbox' ? be.secretbox(key, nonce) : be[kind](key, nonce, aad);

describe(`every single-bit flip is rejected, and out is zeroed (seed ${SEED})`, () => {
  it('short messages: every bit of ciphertext, tag and associated data', () => {
    for (const [kind, nl, hasAad] of KINDS) {
      const key = r.bytes(32);
      const nonce = r.bytes(nl);
      const aad = hasAad ? r.bytes(13) : undefined;
      const msg = r.bytes(37);
      for (const [name, be] of backends) {
        const sealed = make(be, kind, key, nonce, aad).encrypt(msg);
        const c = make(be, kind, key, nonce, aad);
        const out = new Uint8Array(msg.length);
        for (let bit = 0; bit < 8 * sealed.length; bit++) {
          out.fill(0xaa);
          expect(
            thrown(() => c.decrypt(flipBit(sealed, bit), out)),
            `${name} ${kind} bit ${bit}`,
          ).toMatch(/^AeadError: /);
          expect(
            out.every((b) => b === 0),
            `${name} ${kind} bit ${bit}: out zeroed`,
          ).toBe(true);
        }
        if (aad) {
          for (let bit = 0; bit < 8 * aad.length; bit++) {
            expect(
              thrown(() => make(be, kind, key, nonce, flipBit(aad, bit)).decrypt(sealed)),
              `${name} ${kind} aad bit ${bit}`,
            ).toMatch(/^AeadError: /);
          }
          expect(
            thrown(() => make(be, kind, key, nonce, undefined).decrypt(sealed)),
            name,
          ).toMatch(/^AeadError: /);
        }
        expect(
          thrown(() => make(be, kind, flipBit(key, 255), nonce, aad).decrypt(sealed)),
          name,
        ).toMatch(/^AeadError: /);
        expect(
          thrown(() => make(be, kind, key, flipBit(nonce, 8 * nl - 1), aad).decrypt(sealed)),
          name,
        ).toMatch(/^AeadError: /);
        expect(
          thrown(() => c.decrypt(sealed.subarray(0, sealed.length - 1))),
          name,
        ).toMatch(/^AeadError: /);
        expect(
          thrown(() => c.decrypt(sealed.subarray(0, 15))),
          name,
        ).toMatch(/^AeadError: /);
        expect(same(c.decrypt(sealed), msg), name).toBe(true);
      }
    }
  });

  it('long messages (associated data larger than the WASM arena): sampled bits', () => {
    for (const [kind, nl, hasAad] of KINDS) {
      const key = r.bytes(32);
      const nonce = r.bytes(nl);
      const aad = hasAad ? r.bytes(200_000) : undefined;
      const msg = r.bytes(100_003);
      const bits = Array.from({ length: 12 }, () => r.int(8 * (msg.length + 16)));
      bits.push(0, 8 * 65536, 8 * msg.length - 1, 8 * msg.length, 8 * (msg.length + 16) - 1);
      for (const [name, be] of backends) {
        const sealed = make(be, kind, key, nonce, aad).encrypt(msg);
        const c = make(be, kind, key, nonce, aad);
        const out = new Uint8Array(msg.length);
        for (const bit of bits) {
          out.fill(0xaa);
          expect(
            thrown(() => c.decrypt(flipBit(sealed, bit), out)),
            `${name} ${kind} bit ${bit}`,
          ).toMatch(/^AeadError: /);
          expect(
            out.every((b) => b === 0),
            `${name} ${kind} bit ${bit}: out zeroed`,
          ).toBe(true);
        }
        if (aad) {
          for (let i = 0; i < 4; i++) {
            const bit = i === 0 ? 8 * aad.length - 1 : r.int(8 * aad.length);
            expect(
              thrown(() => make(be, kind, key, nonce, flipBit(aad, bit)).decrypt(sealed)),
              `${name} ${kind} aad bit ${bit}`,
            ).toMatch(/^AeadError: /);
          }
        }
        expect(same(c.decrypt(sealed, out), msg), name).toBe(true);
      }
    }
  });

  it('secretstream: every bit of a pushed message and of its associated data', () => {
    for (const [name, be] of backends) {
      const { header, push } = be.secretstream.init(K);
      const ad = r.bytes(5);
      const first = push(r.bytes(20));
      const wire = push(r.bytes(23), be.secretstream.TAG.PUSH, ad);
      for (let bit = 0; bit < 8 * wire.length; bit++) {
        const pull = be.secretstream.pull(K, header);
        pull(first);
        expect(
          thrown(() => pull(flipBit(wire, bit), ad)),
          `${name} bit ${bit}`,
        ).toMatch(/^AeadError: /);
      }
      for (let bit = 0; bit < 8 * ad.length; bit++) {
        const pull = be.secretstream.pull(K, header);
        pull(first);
        expect(
          thrown(() => pull(wire, flipBit(ad, bit))),
          `${name} ad bit ${bit}`,
        ).toMatch(/^AeadError: /);
      }
    }
  });
});

describe('buffers: byteOffsets, in place, overlapping, shared memory, the 64 KiB window', () => {
  it('every byteOffset 0..63 of input and output, and in place', () => {
    const key = r.bytes(32);
    const n12 = r.bytes(12);
    const n24 = r.bytes(24);
    const aad = r.bytes(19);
    const msg = r.bytes(201);
    const ref = {
      cp: nChaPoly(key, n12, aad).encrypt(msg),
      sb: nXSalsaPoly(key, n24).encrypt(msg),
      ks: nChacha20(key, n12, msg, undefined, 7),
    };
    const at = (src: Uint8Array, off: number, extra = 0): Uint8Array => {
      const b = new Uint8Array(src.length + off + extra + 64).fill(0x5c);
      b.set(src, off);
      return b.subarray(off, off + src.length);
    };
    for (const [name, be] of backends) {
      for (let off = 0; off < 64; off++) {
        const o2 = (off * 13 + 5) % 64;
        const what = `${name} offsets ${off}/${o2}`;
        // separate input and output at different offsets
        expect(same(be.chacha20poly1305(key, n12, at(aad, o2)).encrypt(at(msg, off), at(new Uint8Array(msg.length + 16), o2)), ref.cp), what).toBe(true);
        expect(same(be.chacha20poly1305(key, n12, aad).decrypt(at(ref.cp, off), at(new Uint8Array(msg.length), o2)), msg), what).toBe(true);
        expect(same(be.secretbox(at(key, o2), at(n24, off)).seal(at(msg, off)), ref.sb), what).toBe(true);
        expect(same(be.chacha20(key, n12, at(msg, off), at(new Uint8Array(msg.length), o2), 7), ref.ks), what).toBe(true);
        // in place: the plaintext where the ciphertext goes
        const buf = at(new Uint8Array(msg.length + 16), off);
        buf.set(msg);
        expect(be.chacha20poly1305(key, n12, aad).encrypt(buf.subarray(0, msg.length), buf), what).toBe(buf);
        expect(same(buf, ref.cp), what).toBe(true);
        expect(same(be.chacha20poly1305(key, n12, aad).decrypt(buf, buf.subarray(0, msg.length)), msg), what).toBe(true);
        expect(same(buf.subarray(0, msg.length), msg), what).toBe(true);
        // secretbox in place: tag first, so the plaintext sits 16 bytes in
        const box = at(new Uint8Array(msg.length + 16), off);
        box.set(msg, 16);
        be.secretbox(key, n24).seal(box.subarray(16), box);
        expect(same(box, ref.sb), what).toBe(true);
        const ks = at(msg, off);
        be.chacha20(key, n12, ks, ks, 7);
        expect(same(ks, ref.ks), what).toBe(true);
      }
    }
  });

  it('partially overlapping input and output (each shift), associated data and tag inside the output', () => {
    const key = r.bytes(32);
    const n12 = r.bytes(12);
    const n24 = r.bytes(24);
    const aad = r.bytes(40);
    const msg = r.bytes(300);
    const cp = nChaPoly(key, n12, aad).encrypt(msg);
    const sb = nXSalsaPoly(key, n24).encrypt(msg);
    const ks = nChacha20(key, n12, msg);
    for (const [name, be] of backends) {
      for (const shift of [-200, -64, -33, -16, -1, 1, 3, 16, 17, 64, 100, 250]) {
        const what = `${name} shift ${shift}`;
        const base = 256;
        const mem = new Uint8Array(1024);
        const load = (src: Uint8Array) => {
          mem.fill(0);
          mem.set(src, base);
          return mem.subarray(base, base + src.length);
        };
        const outAt = (n: number) => mem.subarray(base + shift, base + shift + n);
        expect(same(be.chacha20poly1305(key, n12, aad).encrypt(load(msg), outAt(msg.length + 16)), cp), what).toBe(true);
        expect(same(be.chacha20poly1305(key, n12, aad).decrypt(load(cp), outAt(msg.length)), msg), what).toBe(true);
        expect(same(be.secretbox(key, n24).seal(load(msg), outAt(msg.length + 16)), sb), what).toBe(true);
        expect(same(be.secretbox(key, n24).open(load(sb), outAt(msg.length)), msg), what).toBe(true);
        expect(same(be.chacha20(key, n12, load(msg), outAt(msg.length)), ks), what).toBe(true);
        // a forged one in an overlapping output: zeros there, and nothing else
        const forged = load(flipBit(cp, 9));
        const o = outAt(msg.length);
        expect(
          thrown(() => be.chacha20poly1305(key, n12, aad).decrypt(forged, o)),
          what,
        ).toMatch(/^AeadError: /);
        expect(
          o.every((b) => b === 0),
          what,
        ).toBe(true);
      }
      // longer than the 64 KiB window: the WASM driver streams it in pieces
      const big = r.bytes(150_000);
      const bigCt = nChaPoly(key, n12, aad).encrypt(big);
      for (const shift of [-70_000, -1000, -1, 1, 1000, 70_000]) {
        const what = `${name} 150 KB, shift ${shift}`;
        const mem = new Uint8Array(400_000);
        mem.set(big, 100_000);
        expect(
          same(be.chacha20poly1305(key, n12, aad).encrypt(mem.subarray(100_000, 250_000), mem.subarray(100_000 + shift, 250_016 + shift)), bigCt),
          what,
        ).toBe(true);
        mem.set(bigCt, 100_000);
        expect(
          same(be.chacha20poly1305(key, n12, aad).decrypt(mem.subarray(100_000, 250_016), mem.subarray(100_000 + shift, 250_000 + shift)), big),
          what,
        ).toBe(true);
      }
      // associated data that the output covers, a detached tag that the output covers
      const mem = new Uint8Array(600);
      mem.set(aad, 10);
      const c = be.chacha20poly1305(key, n12, mem.subarray(10, 50)).encrypt(msg, mem.subarray(0, msg.length + 16));
      expect(same(c, cp), name).toBe(true);
      mem.set(cp.subarray(msg.length), 5); // the tag at 5..21, the plaintext goes to 0..300
      const ct = cp.subarray(0, msg.length).slice();
      expect(same(be.chacha20poly1305(key, n12, aad).decryptDetached(ct, mem.subarray(5, 21), mem.subarray(0, msg.length)), msg), name).toBe(true);
    }
  });

  it('a shared (SharedArrayBuffer) output never shows unverified plaintext: a worker watching it sees only zeros', async () => {
    const { Worker } = await import('node:worker_threads');
    const key = r.bytes(32);
    const nonce = r.bytes(24);
    const msg = r.bytes(1 << 20).map((b) => b | 1); // no zero byte: any plaintext byte is visible
    const sealed = nXChaPoly(key, nonce).encrypt(msg);
    const forged = flipBit(sealed, 8 * sealed.length - 1);
    for (const [name, be] of backends) {
      const out = new Uint8Array(new SharedArrayBuffer(msg.length));
      const flag = new Int32Array(new SharedArrayBuffer(8));
      const w = new Worker(
        `const { workerData: { buf, flag } } = require('node:worker_threads');
         const u = new Uint8Array(buf), f = new Int32Array(flag);
         Atomics.store(f, 1, 1);
         while (Atomics.load(f, 0) === 0) { for (let i = 0; i < u.length; i += 4093) if (u[i] !== 0) { Atomics.store(f, 0, 2); break; } }`,
        { eval: true, workerData: { buf: out.buffer, flag: flag.buffer } },
      );
      while (Atomics.load(flag, 1) === 0) await new Promise((res) => setTimeout(res, 1));
      const c = be.xchacha20poly1305(key, nonce);
      for (let i = 0; i < 20; i++)
        expect(
          thrown(() => c.decrypt(forged, out)),
          name,
        ).toMatch(/^AeadError: /);
      const seen = Atomics.load(flag, 0);
      Atomics.store(flag, 0, 1);
      await w.terminate();
      expect(seen, `${name}: the watcher saw plaintext in the shared output`).toBe(0);
      expect(same(c.decrypt(sealed, out), msg), name).toBe(true);
      // in place in shared memory
      const sh = new Uint8Array(new SharedArrayBuffer(sealed.length));
      sh.set(sealed);
      expect(same(c.decrypt(sh, sh.subarray(0, msg.length)), msg), name).toBe(true);
      sh.set(forged);
      expect(
        thrown(() => c.decrypt(sh, sh.subarray(0, msg.length))),
        name,
      ).toMatch(/^AeadError: /);
      expect(
        sh.subarray(0, msg.length).every((b) => b === 0),
        name,
      ).toBe(true);
    }
  }, 60_000);

  it('lengths around the 64 KiB WASM window and its multiples match @noble/ciphers', () => {
    const key = r.bytes(32);
    const n12 = r.bytes(12);
    const n24 = r.bytes(24);
    const aad = r.bytes(33);
    const lens: number[] = [];
    for (const w of [65536, 131072, 196608]) for (const d of [-65, -64, -17, -16, -1, 0, 1, 15, 16, 17, 63, 64, 65]) lens.push(w + d);
    for (const len of lens) {
      const msg = r.bytes(len);
      const want = nChaPoly(key, n12, aad).encrypt(msg);
      const wantSb = nXSalsaPoly(key, n24).encrypt(msg);
      const wantMac = nPoly(msg, key);
      for (const [name, be] of backends) {
        const what = `${name} length ${len}`;
        expect(same(be.chacha20poly1305(key, n12, aad).encrypt(msg), want), what).toBe(true);
        expect(same(be.chacha20poly1305(key, n12, aad).decrypt(want), msg), what).toBe(true);
        expect(same(be.secretbox(key, n24).seal(msg), wantSb), what).toBe(true);
        expect(same(be.poly1305(msg, key), wantMac), what).toBe(true);
      }
    }
  });

  it('associated data larger than the WASM arena (300 KB, 1 MiB): the arena grows once', () => {
    const key = r.bytes(32);
    const nonce = r.bytes(24);
    const msg = r.bytes(1000);
    for (const size of [300_000, 1 << 20]) {
      const aad = r.bytes(size);
      const want = nXChaPoly(key, nonce, aad).encrypt(msg);
      for (const [name, be] of backends) {
        expect(same(be.xchacha20poly1305(key, nonce, aad).encrypt(msg), want), name).toBe(true);
        const mem = be.memoryBytes();
        expect(same(be.xchacha20poly1305(key, nonce, aad).decrypt(want), msg), name).toBe(true);
        expect(be.memoryBytes(), `${name}: grew again`).toBe(mem);
        if (name.startsWith('wasm-')) expect(mem, name).toBeGreaterThan(size);
      }
    }
  });
});

describe('sealMany / openMany', () => {
  it('match single calls; all or nothing; items read once, then checked', () => {
    for (const [name, be] of backends) {
      const items = Array.from({ length: 5 }, (_, i) => ({
        key: r.bytes(32),
        nonce: r.bytes(12),
        aad: i % 2 ? r.bytes(i * 7) : undefined,
        plaintext: r.bytes(i * 50),
      }));
      const sealed = be.chacha20poly1305.sealMany(items);
      expect(
        sealed.map((s, i) => same(s, nChaPoly(items[i]!.key, items[i]!.nonce, items[i]!.aad).encrypt(items[i]!.plaintext))),
        name,
      ).toEqual([true, true, true, true, true]);
      const opened = be.chacha20poly1305.openMany(items.map((it, i) => ({ key: it.key, nonce: it.nonce, aad: it.aad, ciphertext: sealed[i]! })));
      expect(
        opened.map((p, i) => same(p, items[i]!.plaintext)),
        name,
      ).toEqual([true, true, true, true, true]);
      const bad = items.map((it, i) => ({ key: it.key, nonce: it.nonce, aad: it.aad, ciphertext: i === 3 ? flipBit(sealed[i]!, 3) : sealed[i]! }));
      expect(
        thrown(() => be.chacha20poly1305.openMany(bad)),
        name,
      ).toMatch(/^AeadError: items\[3\]: authentication failed/);
      expect(
        thrown(() => be.xchacha20poly1305.openMany([{ key: K, nonce: N24, ciphertext: new Uint8Array(15) }])),
        name,
      ).toMatch(/^AeadError: items\[0\]: /);
      expect(
        thrown(() => be.xchacha20poly1305.sealMany({} as never)),
        name,
      ).toBe('TypeError: items: expected an array of { key, nonce, aad?, plaintext } items, got an object');
      expect(
        thrown(() => be.secretbox.sealMany([null] as never)),
        name,
      ).toBe('TypeError: items[0]: expected an object { key, nonce, plaintext }, got null');
      expect(
        thrown(() => be.xchacha20poly1305.sealMany([{ key: K, nonce: N24, plaintext: 'x' }] as never)),
        name,
      ).toBe('TypeError: items[0].plaintext: expected a Uint8Array, got a string');
      // a getter of a later item detaches an earlier item's key: caught by the checks after reading
      const k0 = r.bytes(32);
      const detaching = [
        { key: k0, nonce: N12, plaintext: N8 },
        {
          key: K,
          nonce: N12,
          get plaintext() {
            structuredClone(k0.buffer, { transfer: [k0.buffer] });
            return N8;
          },
        },
      ];
      expect(
        thrown(() => be.chacha20poly1305.sealMany(detaching)),
        name,
      ).toMatch(/^TypeError: items\[0\]\.key: the Uint8Array cannot be read/);
      // a getter that uses the same backend while the items are read
      let inner = '';
      const reentrant = [
        {
          key: K,
          nonce: N12,
          get plaintext() {
            inner = Buffer.from(be.chacha20poly1305(K, N12).encrypt(N8)).toString('hex');
            return N8;
          },
        },
      ];
      expect(Buffer.from(be.chacha20poly1305.sealMany(reentrant)[0]!).toString('hex'), name).toBe(inner);
    }
  });
});

describe('memory', () => {
  it('WASM memory stays the same size over 30,000 mixed calls (valid, forged, wrong lengths, unreadable, streams)', () => {
    const key = r.bytes(32);
    const nonce = r.bytes(24);
    const msg = r.bytes(3000);
    const detached = new Uint8Array(64);
    structuredClone(detached.buffer, { transfer: [detached.buffer] });
    for (const [name, be] of backends) {
      const sealed = be.xchacha20poly1305(key, nonce).encrypt(msg);
      const forged = flipBit(sealed, 77);
      const out = new Uint8Array(msg.length);
      const calls: (() => unknown)[] = [
        () => be.xchacha20poly1305(key, nonce).decrypt(sealed, out),
        () => be.xchacha20poly1305(key, nonce).decrypt(forged, out),
        () => be.xchacha20poly1305(key, nonce).encrypt(msg),
        () => be.chacha20poly1305(key, nonce.subarray(0, 12)).decrypt(sealed.subarray(0, 10)),
        () => be.secretbox(key, nonce).open(detached),
        () => be.xsalsa20(key, nonce, msg, undefined, 2n ** 64n - 1n),
        () => be.poly1305(msg, key),
        () => {
          const s = be.secretstream.init(key);
          const p = be.secretstream.pull(key, s.header);
          return p(s.push(msg.subarray(0, 100), 3));
        },
      ];
      const run = (n: number) => {
        for (let i = 0; i < n; i++) thrown(calls[i % calls.length]!);
      };
      run(2000);
      const mem = be.memoryBytes();
      run(30_000);
      expect(be.memoryBytes(), name).toBe(mem);
    }
  });
});
