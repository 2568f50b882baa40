// Using the default-backend schemes before ready() must fail loudly with a clear Error, not
// crash inside WASM or silently answer. Its own file: vitest isolates modules per test file, so
// nothing else has called ready() in this module instance.
import { describe, it, expect } from 'vitest';
import { ready, backend, mlDsa44, mlDsa65, mlDsa87, availableBackends } from './lib.js';

const msg = new Uint8Array([1, 2, 3]);

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected the call to throw');
}

describe('before ready()', () => {
  it('mlDsa65.sign throws an Error that tells the caller to await ready()', () => {
    const e = thrown(() => mlDsa65.sign(new Uint8Array(4032), msg));
    expect(e).toBeInstanceOf(Error);
    expect(e.message).toMatch(/ready/);
  });

  it('keygen, verify, prehash and internal calls throw the same way', () => {
    for (const m of [mlDsa44, mlDsa65, mlDsa87]) {
      expect(thrown(() => m.keygen(new Uint8Array(32))).message).toMatch(/ready/);
      expect(thrown(() => m.verify(new Uint8Array(m.lengths?.publicKey ?? 1312), msg, new Uint8Array(m.lengths?.signature ?? 2420))).message).toMatch(/ready/);
      expect(thrown(() => m.prehash('SHA2-256').sign(new Uint8Array(4032), msg)).message).toMatch(/ready/);
      expect(thrown(() => m.internal.sign(new Uint8Array(4032), msg)).message).toMatch(/ready/);
    }
  });

  it('after await ready() the same objects work', async () => {
    await ready();
    expect(availableBackends()[0]).toBe(backend()); // the fastest available is the default
    const { publicKey, secretKey } = mlDsa65.keygen(new Uint8Array(32));
    const sig = mlDsa65.sign(secretKey, msg);
    expect(mlDsa65.verify(publicKey, msg, sig)).toBe(true);
    expect(mlDsa65.verify(publicKey, new Uint8Array([1, 2, 4]), sig)).toBe(false);
  });
});
