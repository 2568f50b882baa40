// Memory stays flat (issue #12): 1,000,000 mixed verify calls — valid, mutated and malformed
// ML-DSA-44 and Falcon-512 signatures, wrong lengths, unreadable buffers — on the native addon and
// on wasm-simd. RSS (after a GC) and the WASM linear memory are printed before and after; the WASM
// memory never grows, whatever the input, and RSS grows by less than 32 MiB.
import { falcon512 as nobleFalcon512 } from '@noble/post-quantum/falcon.js';
import { describe, expect, it } from 'vitest';
import { availableBackends, loadBackend } from './lib.js';

const CALLS = 1_000_000;
const gc = (globalThis as { gc?: () => void }).gc;

const targets = availableBackends().filter((b) => b === 'wasm-simd' || b === availableBackends().find((x) => x.startsWith('native-')));

describe(`memory over ${CALLS.toLocaleString('en-US')} mixed verify calls`, () => {
  for (const name of targets) {
    it(`${name}: RSS and WASM memory stay flat`, async () => {
      const be = await loadBackend(name);
      const m = be.mlDsa44;
      const kp = m.keygen(new Uint8Array(32).fill(4));
      const msg = new Uint8Array(100).fill(9);
      const sig = m.sign(kp.secretKey, msg, { deterministic: true });
      const badSig = sig.slice();
      const vk = m.prepare(kp.publicKey);
      const f = nobleFalcon512.keygen(new Uint8Array(48).fill(6));
      const fsig = nobleFalcon512.sign(msg, f.secretKey);
      const fbad = fsig.slice();
      const detached = new Uint8Array(64);
      structuredClone(detached.buffer, { transfer: [detached.buffer] });
      const huge = new Uint8Array(70_000); // longer than any key: refused before any copy
      const calls: (() => boolean)[] = [
        () => m.verify(kp.publicKey, msg, sig),
        () => m.verify(kp.publicKey, msg, badSig),
        () => vk.verify(msg, badSig),
        () => be.falcon512.verify(f.publicKey, msg, fsig),
        () => be.falcon512.verify(f.publicKey, msg, fbad),
        () => m.verify(huge, msg, sig),
        () => m.verify(kp.publicKey, msg, huge),
        () => be.falcon512.verify(f.publicKey, detached, fsig),
        () => m.verify(kp.publicKey, msg, sig.subarray(1)),
        () => be.falcon512.verify(huge.subarray(0, 897), msg, fsig.subarray(0, 41)),
      ];
      const expected = [true, false, false, true, false, false, false, false, false, false];
      const run = (n: number, seed: number): void => {
        for (let i = 0; i < n; i++) {
          const k = (i * 7 + seed) % calls.length;
          if (k === 1 || k === 2) badSig[(i * 31) % badSig.length]! ^= 1 << (i & 7);
          if (k === 4) fbad[41 + ((i * 13) % (fbad.length - 41))]! ^= 1 << (i & 7);
          const got = calls[k]!();
          if (k === 1 || k === 2) badSig.set(sig);
          if (k === 4) fbad.set(fsig);
          if (got !== expected[k]) throw new Error(`call kind ${k} (#${i}) gave ${got}`);
        }
      };
      run(20_000, 1); // warm-up: JIT, tier-up, caches
      gc?.();
      const rss0 = process.memoryUsage().rss;
      const wasm0 = be.kernels.wasmMemoryBytes();
      run(CALLS, 3);
      gc?.();
      const rss1 = process.memoryUsage().rss;
      const wasm1 = be.kernels.wasmMemoryBytes();
      const mib = (n: number) => `${(n / 1048576).toFixed(1)} MiB`;
      console.log(`${name}: ${CALLS.toLocaleString('en-US')} calls; RSS ${mib(rss0)} -> ${mib(rss1)}; WASM memory ${wasm0} -> ${wasm1} bytes`);
      expect(wasm1).toBe(wasm0);
      expect(rss1 - rss0).toBeLessThan(32 * 1048576);
    }, 300_000);
  }
});
