/**
 * Randomness for hedged signing and key generation. Each crypto.getRandomValues call costs
 * 3-4 µs in Node, more than the rest of a 32-byte request, so random bytes are drawn in pooled
 * blocks: one call fills POOL bytes, each request takes the next bytes and wipes them in the pool.
 * The pool belongs to this module instance, so it is never shared across worker threads (each
 * has its own) or processes.
 */
import { copyInto, viewOf, zero } from './bytes.js';

const POOL = 4096;
let pool: Uint8Array | null = null;
let used = POOL;

function source(): { getRandomValues(a: Uint8Array): Uint8Array } {
  const c = (globalThis as { crypto?: { getRandomValues?: (a: Uint8Array) => Uint8Array } }).crypto;
  if (!c || typeof c.getRandomValues !== 'function') {
    throw new Error('pqsimd: no crypto.getRandomValues in this runtime; pass a seed / random explicitly');
  }
  return c as { getRandomValues(a: Uint8Array): Uint8Array };
}

/** `n` fresh random bytes (n <= 4096) in a new array. */
export function randomBytes(n: number): Uint8Array {
  const out = new Uint8Array(n);
  fillRandom(out);
  return out;
}

/** Fills `out` (a library-owned array of at most 4096 bytes) with fresh random bytes. */
export function fillRandom(out: Uint8Array): void {
  const n = out.length;
  if (n > POOL) {
    source().getRandomValues(out);
    return;
  }
  if (!pool || used + n > POOL) {
    pool ??= new Uint8Array(POOL);
    source().getRandomValues(pool);
    used = 0;
  }
  copyInto(out, viewOf(pool, used, n), 0);
  zero(pool, used, used + n);
  used += n;
}
