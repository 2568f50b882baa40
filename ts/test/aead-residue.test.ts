// No secret stays in WASM linear memory after a call returns: the driver zeroes what it used (state,
// arguments, window, arena) and the C core wipes its own stack (on wasm32 the C stack lives in linear
// memory, readable by the host and by the next call). Every AEAD-family entry runs on a fresh
// instance of each core; then the whole memory is searched for any 8 bytes of the key, the derived
// subkey, the Poly1305 one-time key, the keystream and the plaintext.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Aead, createAead } from '../src/aead/scheme.js';
import { WasmDriver } from '../src/core/wasm.js';

const root = resolve(__dirname, '../..');
const CORES = ['scalar', 'simd', 'relaxed'] as const;

/** Bytes that look random (no accidental matches with code or tables). */
function bytes(n: number, seed: number): Uint8Array {
  const b = new Uint8Array(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    b[i] = x >>> 24;
  }
  return b;
}

/** Where in `mem` any aligned 8-byte piece of `secret` occurs. */
function found(mem: Uint8Array, secret: Uint8Array): string[] {
  const hay = Buffer.from(mem.buffer, mem.byteOffset, mem.byteLength);
  const hits: string[] = [];
  for (let s = 0; s + 8 <= secret.length; s += 4) {
    const at = hay.indexOf(Buffer.from(secret.subarray(s, s + 8)));
    if (at >= 0) hits.push(`bytes ${s}..${s + 8} at ${at}`);
  }
  return hits;
}

const key = bytes(32, 1);
const n24 = bytes(24, 2);
const n12 = n24.subarray(0, 12);
const n8 = n24.subarray(0, 8);
const pt = bytes(300, 3);
const ad = bytes(40, 4);

describe('no secret left in WASM memory after a call', () => {
  for (const core of CORES) {
    let mod: WebAssembly.Module;
    try {
      mod = new WebAssembly.Module(readFileSync(join(root, 'build/wasm', `aead-${core}.wasm`)));
    } catch {
      it.skip(`${core}: this runtime cannot compile the module`, () => {});
      continue;
    }
    const ref = createAead(new WasmDriver(mod, 'aead', 0));
    const zeros = (n: number) => new Uint8Array(n);
    const cases: [string, (a: Aead, secrets: Record<string, Uint8Array>) => unknown, Record<string, Uint8Array>][] = [];
    {
      const ks = ref.chacha20(key, n12, zeros(64 * 6));
      const sealed = ref.chacha20poly1305(key, n12, ad).encrypt(pt);
      const s = { key, polyKey: ks.subarray(0, 32), keystream: ks.subarray(64), plaintext: pt };
      cases.push(['ChaCha20-Poly1305 encrypt', (a) => a.chacha20poly1305(key, n12, ad).encrypt(pt), s]);
      cases.push(['ChaCha20-Poly1305 decrypt', (a) => a.chacha20poly1305(key, n12, ad).decrypt(sealed), s]);
    }
    {
      const sub = ref.hchacha20(key, n24.subarray(0, 16));
      const ks = ref.xchacha20(key, n24, zeros(64 * 6));
      const sealed = ref.xchacha20poly1305(key, n24).encrypt(pt);
      const s = { key, subkey: sub, polyKey: ks.subarray(0, 32), keystream: ks.subarray(64), plaintext: pt };
      cases.push(['XChaCha20-Poly1305 encrypt', (a) => a.xchacha20poly1305(key, n24).encrypt(pt), s]);
      cases.push(['XChaCha20-Poly1305 decrypt', (a) => a.xchacha20poly1305(key, n24).decrypt(sealed), s]);
      const forged = sealed.slice();
      forged[forged.length - 1]! ^= 1;
      cases.push([
        'XChaCha20-Poly1305 decrypt of a forgery (AeadError)',
        (a) => expect(() => a.xchacha20poly1305(key, n24).decrypt(forged)).toThrow(/authentication failed/),
        s,
      ]);
    }
    {
      const sub = ref.hsalsa20(key, n24.subarray(0, 16));
      const ks = ref.xsalsa20(key, n24, zeros(64 * 6));
      const boxed = ref.secretbox(key, n24).seal(pt);
      const s = { key, subkey: sub, keystream: ks, plaintext: pt };
      cases.push(['secretbox seal', (a) => a.secretbox(key, n24).seal(pt), s]);
      cases.push(['secretbox open', (a) => a.secretbox(key, n24).open(boxed), s]);
    }
    for (const [name, nonce] of [
      ['chacha20', n12],
      ['chacha20orig', n8],
      ['xchacha20', n24],
      ['salsa20', n8],
      ['xsalsa20', n24],
    ] as const) {
      const ks = ref[name](key, nonce, zeros(64 * 6));
      const s: Record<string, Uint8Array> = { key, keystream: ks };
      if (name === 'xchacha20') s.subkey = ref.hchacha20(key, n24.subarray(0, 16));
      if (name === 'xsalsa20') s.subkey = ref.hsalsa20(key, n24.subarray(0, 16));
      cases.push([name, (a) => a[name](key, nonce, pt), s]);
    }
    cases.push(['hchacha20', (a) => a.hchacha20(key, n24.subarray(0, 16)), { key, subkey: ref.hchacha20(key, n24.subarray(0, 16)) }]);
    cases.push(['hsalsa20', (a) => a.hsalsa20(key, n24.subarray(0, 16)), { key, subkey: ref.hsalsa20(key, n24.subarray(0, 16)) }]);
    cases.push(['poly1305', (a) => a.poly1305(pt, key), { key }]);
    cases.push([
      'secretstream push and pull',
      (a, secrets) => {
        const { header, push } = a.secretstream.init(key);
        secrets.streamKey = ref.hchacha20(key, header.subarray(0, 16)); // the state's k
        const c1 = push(pt, 0, ad);
        push.rekey();
        const c2 = push(pt, 3);
        const pull = a.secretstream.pull(key, header);
        pull(c1, ad);
        pull.rekey();
        pull(c2);
      },
      { key, plaintext: pt },
    ]);
    for (const [name, run, secrets] of cases) {
      it(`${core}: ${name}`, () => {
        const d = new WasmDriver(mod, 'aead', 0);
        run(createAead(d), secrets);
        const mem = new Uint8Array((d as unknown as { memory: WebAssembly.Memory }).memory.buffer);
        const left: Record<string, string[]> = {};
        for (const [what, v] of Object.entries(secrets)) {
          const hits = found(mem, v);
          if (hits.length) left[what] = hits;
        }
        expect(left).toEqual({});
      });
    }
  }
});

describe('a trap mid-call', () => {
  it('the instance that trapped is wiped before it is replaced', () => {
    const mod = new WebAssembly.Module(readFileSync(join(root, 'build/wasm', 'aead-simd.wasm')));
    const d = new WasmDriver(mod, 'aead', 0);
    const a = createAead(d);
    const inner = d as unknown as { memory: WebAssembly.Memory; fns: Map<string, { transform: (...x: number[]) => void }> };
    const old = inner.memory;
    const fns = inner.fns.get('aead_seal')!;
    const real = fns.transform;
    // the kernel runs (state, window and arena hold the key, subkey and plaintext), then traps
    fns.transform = (...x: number[]) => {
      real(...x);
      throw new WebAssembly.RuntimeError('unreachable');
    };
    expect(() => a.xchacha20poly1305(key, n24).encrypt(pt)).toThrow(WebAssembly.RuntimeError);
    expect(inner.memory).not.toBe(old); // a new instance took its place
    const mem = new Uint8Array(old.buffer);
    const ref = createAead(new WasmDriver(mod, 'aead', 0));
    const left: Record<string, string[]> = {};
    for (const [what, v] of Object.entries({ key, subkey: ref.hchacha20(key, n24.subarray(0, 16)), plaintext: pt })) {
      const hits = found(mem, v);
      if (hits.length) left[what] = hits;
    }
    expect(left).toEqual({});
    // and the new instance works
    expect(a.xchacha20poly1305(key, n24).decrypt(ref.xchacha20poly1305(key, n24).encrypt(pt))).toEqual(pt);
  });
});
