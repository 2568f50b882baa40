// What the pqsimd/aead suites share: the built package (what users get), one independent instance
// of the family per backend this runtime runs, the vectors in vectors/aead (see its PROVENANCE.md)
// and byte helpers.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { type AeadBackend, availableBackends, loadBackend } from '../../dist/aead.node.mjs';
import { VECTORS_DIR } from './vectors-util.js';

export * from '../../dist/aead.node.mjs';
export { hex, toHex } from './vectors-util.js';

/** Every backend this runtime can run (vitest starts Node with relaxed SIMD enabled). */
export const AEAD_BACKENDS = availableBackends();

let all: Promise<Map<string, AeadBackend>> | undefined;
/** One instance of the AEAD family per backend, loaded once per test file. */
export function loadAll(): Promise<Map<string, AeadBackend>> {
  all ??= (async () => {
    const m = new Map<string, AeadBackend>();
    for (const b of AEAD_BACKENDS) m.set(b, await loadBackend(b));
    return m;
  })();
  return all;
}

/** A JSON file of vectors/aead (`x.json` or its `x.json.gz`). */
export function aeadVector<T = unknown>(rel: string): T {
  let p = join(VECTORS_DIR, 'aead', rel);
  if (!existsSync(p) && existsSync(`${p}.gz`)) p += '.gz';
  if (!existsSync(p)) throw new Error(`missing vector file ${p}`);
  let buf = readFileSync(p);
  if (p.endsWith('.gz')) buf = gunzipSync(buf);
  return JSON.parse(buf.toString('utf8')) as T;
}

/** Byte equality of two Uint8Arrays (any offsets). */
export function same(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.compare(Buffer.from(a.buffer, a.byteOffset, a.byteLength), Buffer.from(b.buffer, b.byteOffset, b.byteLength)) === 0;
}

/** `a ‖ b ‖ ...` */
export function cat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A copy of `b` with bit `bit` (0 = lowest bit of byte 0) flipped. */
export function flipBit(b: Uint8Array, bit: number): Uint8Array {
  const c = b.slice();
  c[bit >> 3]! ^= 1 << (bit & 7);
  return c;
}

/** The name of what `f` threw ('AeadError', 'RangeError', ...) and its message, or 'ok'. */
export function thrown(f: () => unknown): string {
  try {
    f();
    return 'ok';
  } catch (e) {
    return `${(e as Error).name}: ${(e as Error).message}`;
  }
}
