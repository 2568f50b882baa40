// ready({ wasm }): precompiled modules per family and core (what Cloudflare Workers and Vercel Edge
// need; the real runtime is in runtimes-edge.test.ts). Here in Node: the checks of the option and
// which backend a family given modules can run on.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { backend, falcon512, mlDsa44, ready } from '../../dist/index.node.mjs';

const wasmDir = resolve(__dirname, '../../dist/wasm');
const mod = (name: string): WebAssembly.Module => new WebAssembly.Module(readFileSync(join(wasmDir, `${name}.wasm`)));

describe('ready({ wasm })', () => {
  let mldsaSimd: WebAssembly.Module;
  let falconScalar: WebAssembly.Module;
  beforeAll(() => {
    mldsaSimd = mod('mldsa-simd');
    falconScalar = mod('falcon-scalar');
  });

  it('rejects what is not a family, a core or a module, naming it, and keeps nothing', async () => {
    await expect(ready({ wasm: 1 as never })).rejects.toThrow(
      new TypeError('ready: options.wasm must be an object { <family>: { relaxed?, simd?, scalar? } }'),
    );
    await expect(ready({ wasm: { mldsa: { simd: mldsaSimd }, dilithium: { simd: mldsaSimd } } as never })).rejects.toThrow(
      new RangeError('ready: options.wasm.dilithium: unknown family; expected one of mldsa, falcon, aead, bn254'),
    );
    await expect(ready({ wasm: { mldsa: { avx: mldsaSimd } as never } })).rejects.toThrow(
      new RangeError('ready: options.wasm.mldsa.avx: unknown core; expected one of relaxed, simd, scalar'),
    );
    await expect(ready({ wasm: { mldsa: { simd: readFileSync(join(wasmDir, 'mldsa-simd.wasm')) as never } } })).rejects.toThrow(
      new TypeError('ready: options.wasm.mldsa.simd must be a WebAssembly.Module'),
    );
    await expect(ready({ wasm: { mldsa: {} } })).rejects.toThrow(new RangeError('ready: options.wasm.mldsa names no module'));
    await expect(ready({ wasm: { mldsa: null as never } })).rejects.toThrow(TypeError);
    // nothing was kept (the first call's valid mldsa entry included): relaxed still loads
    await ready({ backend: 'wasm-relaxed' });
    expect(backend()).toBe('wasm-relaxed');
  });

  it('a family given modules runs only the cores given, and runs on the modules given', async () => {
    await expect(ready({ backend: 'wasm-simd', wasm: { mldsa: { simd: mldsaSimd }, falcon: { scalar: falconScalar } } })).rejects.toThrow(
      'pqsimd: backend "wasm-simd" needs wasm.falcon.simd: ready() was given only scalar for falcon',
    );
    expect(backend()).toBe('wasm-relaxed'); // unchanged, but the modules are kept
    await expect(ready({ backend: 'wasm-scalar' })).rejects.toThrow(
      'pqsimd: backend "wasm-scalar" needs wasm.mldsa.scalar: ready() was given only simd for mldsa',
    );
    // the module given is the one run: Falcon's module as ML-DSA's fails on its missing exports
    await expect(ready({ backend: 'wasm-scalar', wasm: { mldsa: { scalar: falconScalar } } })).rejects.toThrow(/the mldsa WASM module has no pq_bind_/);
    await ready({ backend: 'wasm-scalar', wasm: { mldsa: { scalar: mod('mldsa-scalar') } } });
    expect(backend()).toBe('wasm-scalar');
    const { publicKey, secretKey } = mlDsa44.keygen(new Uint8Array(32));
    const msg = new Uint8Array([1, 2, 3]);
    expect(mlDsa44.verify(publicKey, msg, mlDsa44.sign(secretKey, msg))).toBe(true);
    expect(falcon512.verify(new Uint8Array(897), msg, new Uint8Array(666))).toBe(false);
    // relaxed was given for neither family: closed to both
    await expect(ready({ backend: 'wasm-relaxed' })).rejects.toThrow(/needs wasm\.(mldsa|falcon)\.relaxed/);
  });
});
