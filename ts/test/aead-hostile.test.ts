// Hostile inputs for pqsimd/aead: the catalogue of ts/test/hostile-inputs.ts (look-alikes, liars,
// Proxies, cross-realm arrays, shared, resizable, shrunk and detached buffers, non-bytes) against
// every byte argument of every function of the family, outputs included, on every backend. The
// contract: a real Uint8Array (of any realm, subclass, offset or buffer kind) is read as exactly its
// bytes; an unreadable one throws TypeError "<arg>: the Uint8Array cannot be read ..."; anything
// else throws TypeError "<arg>: expected a Uint8Array, got ..."; no own method or getter of the value
// ever runs; every backend gives the same outcome. Also: ciphertexts in shared memory that another
// thread keeps changing, and long inputs (streamed through the WASM window) with lying methods.
import { beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_CASES, type HostileCase } from './hostile-inputs.js';
import { AEAD_BACKENDS, type AeadBackend, loadAll } from './aead-lib.js';

let backends: Map<string, AeadBackend>;
beforeAll(async () => {
  backends = await loadAll();
});

// Reading results through the intrinsic getters: a returned `out` may be the caller's liar.
const TA = Object.getPrototypeOf(Uint8Array.prototype) as object;
const intrinsic = (k: string) => Object.getOwnPropertyDescriptor(TA, k)!.get!;
const [getBuffer, getOffset, getLength] = [intrinsic('buffer'), intrinsic('byteOffset'), intrinsic('byteLength')];
/** Bytes [from, to) of `v`, as a plain view (a returned `out` may be a subclass with throwing methods). */
const part = (v: Uint8Array, from: number, to: number): Uint8Array =>
  new Uint8Array(getBuffer.call(v) as ArrayBuffer, (getOffset.call(v) as number) + from, to - from);
const hexOf = (v: Uint8Array): string =>
  Buffer.from(getBuffer.call(v) as ArrayBuffer, getOffset.call(v) as number, getLength.call(v) as number).toString('hex');

/** What a call did: its bytes (hex), or the error class and message. */
function outcome(f: () => unknown): string {
  try {
    const v = f();
    if (v instanceof Uint8Array || (typeof v === 'object' && v !== null && Object.prototype.toString.call(v) === '[object Uint8Array]')) {
      return `bytes:${hexOf(v as Uint8Array)}`;
    }
    if (typeof v === 'object' && v !== null) {
      const o = v as Record<string, unknown>;
      if (o.ciphertext) return `detached:${hexOf(o.ciphertext as Uint8Array)}:${hexOf(o.tag as Uint8Array)}`;
      if (o.message) return `message:${hexOf(o.message as Uint8Array)}:${String(o.tag)}`;
    }
    return `value:${String(v)}`;
  } catch (e) {
    return `${(e as Error).name}:${(e as Error).message}`;
  }
}

const unreadable = (arg: string) => `TypeError:${arg}: the Uint8Array cannot be read (its buffer is detached, or was resized so the view is out of bounds)`;

/** `call(be, v)` with a hostile stand-in `v` for `data`, on every backend: the outcome the case's
 * kind says (for readable bytes: what `call(be, data)` gives), the same everywhere, and none of the
 * value's own code run. */
function check(c: HostileCase, data: Uint8Array, arg: string, call: (be: AeadBackend, v: unknown) => unknown): void {
  const seen = new Map<string, string>();
  let want: string | undefined;
  for (const [name, be] of backends) {
    want ??= outcome(() => call(be, new Uint8Array(data)));
    let reads = 0;
    const v = c.make(data, () => reads++);
    const got = outcome(() => call(be, v));
    expect(reads, `${name}: the library called the value's own code (${c.name} as ${arg})`).toBe(0);
    seen.set(name, got);
  }
  expect(want!.startsWith('bytes:') || want!.startsWith('detached:') || want!.startsWith('message:'), `${arg}: the plain call failed: ${want}`).toBe(true);
  for (const [name, got] of seen) {
    const what = `${name} (${c.name} as ${arg})`;
    if (c.expect === 'bytes') expect(got, what).toBe(want);
    else if (c.expect === 'broken') expect(got, what).toBe(unreadable(arg));
    else expect(got, what).toMatch(new RegExp(`^TypeError:${arg.replace(/[.[\]]/g, '\\$&')}: expected a Uint8Array, got `));
  }
  expect(new Set(seen.values()).size, `backends disagree on ${c.name} as ${arg}: ${JSON.stringify([...seen])}`).toBe(1);
}

const bytesOf = (n: number, seed: number) => new Uint8Array(n).map((_, i) => (i * 31 + seed * 7 + 1) & 255);
const KEY = bytesOf(32, 1);
const N12 = bytesOf(12, 2);
const N24 = bytesOf(24, 3);
const N8 = bytesOf(8, 4);
const N16 = bytesOf(16, 5);
const AAD = bytesOf(21, 6);
const MSG = bytesOf(75, 7);

describe(`hostile byte arguments of pqsimd/aead on ${AEAD_BACKENDS.join(', ')}`, () => {
  for (const c of HOSTILE_CASES) {
    it(`${c.name}: the AEADs (key, nonce, aad, plaintext, ciphertext, tag, out) and the batches`, () => {
      const ref = backends.values().next().value as AeadBackend;
      const sealed = ref.chacha20poly1305(KEY, N12, AAD).encrypt(MSG);
      const xsealed = ref.xchacha20poly1305(KEY, N24, AAD).encrypt(MSG);
      const box = ref.secretbox(KEY, N24).seal(MSG);
      const ct = sealed.subarray(0, MSG.length);
      const tag = sealed.subarray(MSG.length);
      check(c, KEY, 'key', (be, v) => be.chacha20poly1305(v as Uint8Array, N12, AAD).encrypt(MSG));
      check(c, N12, 'nonce', (be, v) => be.chacha20poly1305(KEY, v as Uint8Array, AAD).encrypt(MSG));
      check(c, AAD, 'aad', (be, v) => be.chacha20poly1305(KEY, N12, v as Uint8Array).encrypt(MSG));
      check(c, AAD, 'aad', (be, v) => be.xchacha20poly1305(KEY, N24, v as Uint8Array).decrypt(xsealed));
      check(c, MSG, 'plaintext', (be, v) => be.chacha20poly1305(KEY, N12, AAD).encrypt(v as Uint8Array));
      check(c, new Uint8Array(MSG.length + 16), 'out', (be, v) => be.chacha20poly1305(KEY, N12, AAD).encrypt(MSG, v as Uint8Array));
      check(c, xsealed, 'ciphertext', (be, v) => be.xchacha20poly1305(KEY, N24, AAD).decrypt(v as Uint8Array));
      check(c, new Uint8Array(MSG.length), 'out', (be, v) => be.xchacha20poly1305(KEY, N24, AAD).decrypt(xsealed, v as Uint8Array));
      check(c, MSG, 'plaintext', (be, v) => be.xchacha20poly1305(KEY, N24, AAD).encryptDetached(v as Uint8Array));
      check(c, new Uint8Array(MSG.length), 'out', (be, v) => be.xchacha20poly1305(KEY, N24, AAD).encryptDetached(MSG, v as Uint8Array));
      check(c, ct, 'ciphertext', (be, v) => be.chacha20poly1305(KEY, N12, AAD).decryptDetached(v as Uint8Array, tag));
      check(c, tag, 'tag', (be, v) => be.chacha20poly1305(KEY, N12, AAD).decryptDetached(ct, v as Uint8Array));
      check(c, new Uint8Array(MSG.length), 'out', (be, v) => be.chacha20poly1305(KEY, N12, AAD).decryptDetached(ct, tag, v as Uint8Array));
      check(c, KEY, 'key', (be, v) => be.secretbox(v as Uint8Array, N24).seal(MSG));
      check(c, N24, 'nonce', (be, v) => be.xsalsa20poly1305(KEY, v as Uint8Array).open(box));
      check(c, MSG, 'plaintext', (be, v) => be.secretbox(KEY, N24).seal(v as Uint8Array));
      check(c, new Uint8Array(MSG.length + 16), 'out', (be, v) => be.secretbox(KEY, N24).seal(MSG, v as Uint8Array));
      check(c, box, 'ciphertext', (be, v) => be.secretbox(KEY, N24).open(v as Uint8Array));
      check(c, new Uint8Array(MSG.length), 'out', (be, v) => be.secretbox(KEY, N24).open(box, v as Uint8Array));
      const one = (be: AeadBackend, o: Record<string, unknown>) =>
        be.chacha20poly1305.sealMany([{ key: KEY, nonce: N12, aad: AAD, plaintext: MSG, ...o } as never])[0];
      check(c, KEY, 'items[0].key', (be, v) => one(be, { key: v }));
      check(c, N12, 'items[0].nonce', (be, v) => one(be, { nonce: v }));
      check(c, AAD, 'items[0].aad', (be, v) => one(be, { aad: v }));
      check(c, MSG, 'items[0].plaintext', (be, v) => one(be, { plaintext: v }));
      check(c, box, 'items[0].ciphertext', (be, v) => be.xsalsa20poly1305.openMany([{ key: KEY, nonce: N24, ciphertext: v as Uint8Array }])[0]);
    });

    it(`${c.name}: secretstream (key, header, message, ad, ciphertext)`, () => {
      const ref = backends.values().next().value as AeadBackend;
      const { header, push } = ref.secretstream.init(KEY);
      const wire = push(MSG, 0, AAD);
      check(c, KEY, 'key', (be, v) => {
        const s = be.secretstream.init(v as Uint8Array);
        return be.secretstream.pull(KEY, s.header)(s.push(MSG));
      });
      check(c, KEY, 'key', (be, v) => be.secretstream.pull(v as Uint8Array, header)(wire, AAD));
      check(c, header, 'header', (be, v) => be.secretstream.pull(KEY, v as Uint8Array)(wire, AAD));
      check(c, MSG, 'message', (be, v) => {
        const s = be.secretstream.init(KEY);
        return be.secretstream.pull(KEY, s.header)(s.push(v as Uint8Array, 1, AAD), AAD);
      });
      check(c, AAD, 'ad', (be, v) => {
        const s = be.secretstream.init(KEY);
        return be.secretstream.pull(KEY, s.header)(s.push(MSG, 0, v as Uint8Array), AAD);
      });
      check(c, wire, 'ciphertext', (be, v) => be.secretstream.pull(KEY, header)(v as Uint8Array, AAD));
      check(c, AAD, 'ad', (be, v) => be.secretstream.pull(KEY, header)(wire, v as Uint8Array));
    });

    it(`${c.name}: stream ciphers (key, nonce, data, out), HChaCha20 / HSalsa20, Poly1305`, () => {
      for (const [alg, nonce] of [
        ['chacha20', N12],
        ['chacha20orig', N8],
        ['xchacha20', N24],
        ['salsa20', N8],
        ['xsalsa20', N24],
      ] as const) {
        check(c, KEY, 'key', (be, v) => be[alg](v as Uint8Array, nonce, MSG, undefined, 3));
        check(c, nonce, 'nonce', (be, v) => be[alg](KEY, v as Uint8Array, MSG, undefined, 3));
        check(c, MSG, 'data', (be, v) => be[alg](KEY, nonce, v as Uint8Array, undefined, 3));
        check(c, new Uint8Array(MSG.length), 'out', (be, v) => be[alg](KEY, nonce, MSG, v as Uint8Array, 3));
      }
      for (const alg of ['hchacha20', 'hsalsa20'] as const) {
        check(c, KEY, 'key', (be, v) => be[alg](v as Uint8Array, N16));
        check(c, N16, 'nonce', (be, v) => be[alg](KEY, v as Uint8Array));
      }
      check(c, MSG, 'message', (be, v) => be.poly1305(v as Uint8Array, KEY));
      check(c, KEY, 'key', (be, v) => be.poly1305(MSG, v as Uint8Array));
    });
  }

  it('long inputs (streamed through the WASM window) with lying own methods are read as their bytes', () => {
    const big = bytesOf(200_003, 9);
    for (const c of HOSTILE_CASES.filter((x) => x.expect === 'bytes')) {
      check(c, big, 'plaintext', (be, v) => part(be.xchacha20poly1305(KEY, N24, AAD).encrypt(v as Uint8Array), 199_990, 200_019));
      check(c, new Uint8Array(big.length), 'out', (be, v) => part(be.chacha20(KEY, N12, big, v as Uint8Array), 65_530, 70_000));
      check(c, big, 'aad', (be, v) => be.chacha20poly1305(KEY, N12, v as Uint8Array).encrypt(MSG));
    }
  });
});

describe('a ciphertext in shared memory that another thread keeps changing', () => {
  it('decrypt returns the true plaintext or throws AeadError (out zeroed), on every backend', async () => {
    const { Worker } = await import('node:worker_threads');
    const ref = backends.values().next().value as AeadBackend;
    const msg = bytesOf(150_000, 11);
    const sealed = ref.xchacha20poly1305(KEY, N24, AAD).encrypt(msg);
    for (const [name, be] of backends) {
      const shared = new Uint8Array(new SharedArrayBuffer(sealed.length));
      shared.set(sealed);
      const stop = new Int32Array(new SharedArrayBuffer(4));
      const w = new Worker(
        `const { workerData: { buf, stop } } = require('node:worker_threads');
         const u = new Uint8Array(buf), s = new Int32Array(stop);
         let i = 0;
         while (Atomics.load(s, 0) === 0) { const at = (i * 7919) % u.length; u[at] ^= 1; u[at] ^= 1; i++; }`,
        { eval: true, workerData: { buf: shared.buffer, stop: stop.buffer } },
      );
      await new Promise((res) => setTimeout(res, 20));
      const counts = { ok: 0, rejected: 0 };
      const c = be.xchacha20poly1305(KEY, N24, AAD);
      const out = new Uint8Array(msg.length);
      for (let i = 0; i < 40; i++) {
        out.fill(0xaa);
        const got = outcome(() => c.decrypt(shared, out));
        if (got.startsWith('AeadError:')) {
          counts.rejected++;
          expect(
            out.every((b) => b === 0),
            name,
          ).toBe(true);
        } else {
          expect(got === `bytes:${Buffer.from(msg).toString('hex')}`, `${name}: ${got.slice(0, 80)}`).toBe(true);
          counts.ok++;
        }
      }
      Atomics.store(stop, 0, 1);
      await w.terminate();
      expect(counts.ok + counts.rejected, name).toBe(40);
    }
  }, 60_000);
});
