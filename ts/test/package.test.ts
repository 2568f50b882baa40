// The package as a user gets it: `npm pack`, install the tarball into an empty
// project, then use it through both entry points (ESM import, CommonJS require)
// and the `pqsimd` bin, with the TypeScript types resolving for both.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');
let dir = '';

function run(cmd: string, args: string[], cwd = dir): string {
  return execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pqsimd-pack-'));
  run('npm', ['pack', '--ignore-scripts', '--pack-destination', dir], root);
  const tgz = readdirSync(dir).find((f) => /^pqsimd-.*\.tgz$/.test(f));
  if (!tgz) throw new Error('npm pack produced no tarball');
  // The runtime dependencies are packed from this checkout's node_modules and installed from
  // those tarballs too, so the install is offline and needs nothing in the npm cache (a fresh
  // machine's cache is empty: `npm install --offline` would fail with ENOTCACHED).
  const deps = Object.keys(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).dependencies ?? {});
  const depTgzs = deps.map((d) => {
    const out = run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir, join(root, 'node_modules', d)], root);
    return join(dir, (JSON.parse(out) as { filename: string }[])[0]!.filename);
  });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
  run('npm', ['install', '--offline', '--no-audit', '--no-fund', ...depTgzs, join(dir, tgz)]);
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('packed tarball', () => {
  it('ships only dist/, README and package.json', () => {
    const files = run('tar', ['-tzf', readdirSync(dir).find((f) => /^pqsimd-.*\.tgz$/.test(f))!])
      .trim()
      .split('\n');
    expect(files.every((f) => /^package\/(dist\/|prebuilds\/|README\.md$|package\.json$|LICENSE$)/.test(f))).toBe(true);
    // prebuildify's layout with libc tags (node-gyp-build's naming), and Windows x64
    for (const f of [
      'linux-x64/pqsimd.napi.glibc.node',
      'linux-x64/pqsimd.napi.musl.node',
      'linux-arm64/pqsimd.napi.glibc.node',
      'linux-arm64/pqsimd.napi.musl.node',
      'win32-x64/pqsimd.napi.node',
    ]) {
      expect(files).toContain(`package/prebuilds/${f}`);
    }
    expect(files.filter((f) => f.startsWith('package/prebuilds/')).length).toBe(5);
    expect(files).toContain('package/dist/index.mjs');
    expect(files).toContain('package/dist/index.cjs');
    expect(files).toContain('package/dist/types/index.d.ts');
    expect(files).toContain('package/dist/types/ml-dsa/index.d.ts');
    expect(files).toContain('package/dist/ml-dsa.mjs');
    expect(files).toContain('package/dist/falcon.cjs');
    expect(files).toContain('package/dist/aead.mjs');
    expect(files).toContain('package/dist/aead.node.cjs');
    expect(files).toContain('package/dist/types/aead/index.d.ts');
    expect(files).toContain('package/dist/bn254.mjs');
    expect(files).toContain('package/dist/bn254.node.cjs');
    expect(files).toContain('package/dist/types/bn254/index.d.ts');
    for (const family of ['mldsa', 'falcon', 'aead', 'bn254']) {
      for (const core of ['relaxed', 'simd', 'scalar']) expect(files).toContain(`package/dist/wasm/${family}-${core}.wasm`);
    }
  });

  it('works through the ESM entry point', () => {
    writeFileSync(
      join(dir, 'esm.mjs'),
      `import { ready, backend, mlDsa44 } from 'pqsimd';
       await ready();
       const { publicKey, secretKey } = mlDsa44.keygen(new Uint8Array(32));
       const msg = new TextEncoder().encode('esm');
       const sig = mlDsa44.sign(secretKey, msg);
       console.log(backend(), mlDsa44.verify(publicKey, msg, sig), mlDsa44.verify(publicKey, msg.subarray(1), sig));`,
    );
    expect(run('node', ['esm.mjs']).trim()).toMatch(/^native-(avx512|avx2|portable) true false$/);
  });

  it('works through the CommonJS entry point', () => {
    writeFileSync(
      join(dir, 'cjs.cjs'),
      `const { ready, mlDsa87 } = require('pqsimd');
       ready({ backend: 'wasm-scalar' }).then(() => {
         const { publicKey, secretKey } = mlDsa87.keygen();
         const msg = Buffer.from('cjs');
         const sig = mlDsa87.sign(secretKey, msg, { deterministic: true });
         console.log(mlDsa87.verify(publicKey, msg, sig), sig.length);
       });`,
    );
    expect(run('node', ['cjs.cjs']).trim()).toBe('true 4627');
  });

  it('works through the per-family subpaths, and ESM and CommonJS copies share one ready() state', () => {
    writeFileSync(
      join(dir, 'sub.mjs'),
      `import { createRequire } from 'node:module';
       import { ready, backend, mlDsa65 } from 'pqsimd/ml-dsa';
       const require = createRequire(import.meta.url);
       const falconCjs = require('pqsimd/falcon');
       const rootCjs = require('pqsimd');
       await ready({ backend: 'wasm-simd' });
       const kp = mlDsa65.keygen(new Uint8Array(32));
       const msg = new Uint8Array([1, 2, 3]);
       const sig = mlDsa65.sign(kp.secretKey, msg);
       // the CommonJS root copy sees the backend the ESM subpath readied (after its own ready() loads Falcon)
       await falconCjs.ready();
       console.log(backend(), rootCjs.backend(), mlDsa65.verify(kp.publicKey, msg, sig), rootCjs.mlDsa65.verify(kp.publicKey, msg, sig), falconCjs.falcon512.verify(new Uint8Array(897), msg, new Uint8Array(666)));`,
    );
    expect(run('node', ['sub.mjs']).trim()).toBe('wasm-simd wasm-simd true true false');
  });

  it('pqsimd/aead works through ESM and CommonJS (one ready() state, one AeadError per format)', () => {
    writeFileSync(
      join(dir, 'aead.mjs'),
      `import { createRequire } from 'node:module';
       import { ready, backend, xchacha20poly1305, secretbox, AeadError } from 'pqsimd/aead';
       const require = createRequire(import.meta.url);
       const cjs = require('pqsimd/aead');
       await ready({ backend: 'wasm-scalar' });
       const key = new Uint8Array(32).fill(1), nonce = new Uint8Array(24).fill(2), msg = new Uint8Array([1, 2, 3]);
       const sealed = xchacha20poly1305(key, nonce).encrypt(msg);
       const same = cjs.xchacha20poly1305(key, nonce).decrypt(sealed).join();
       sealed[0] ^= 1;
       let err = '';
       try { xchacha20poly1305(key, nonce).decrypt(sealed); } catch (e) { err = e instanceof AeadError ? e.name : 'other'; }
       console.log(backend(), cjs.backend(), same, err, secretbox(key, nonce).seal(msg).length);`,
    );
    expect(run('node', ['aead.mjs']).trim()).toBe('wasm-scalar wasm-scalar 1,2,3 AeadError 19');
  });

  it('pqsimd/bn254 works through ESM and CommonJS (one ready() state, one Bn254Error per format)', () => {
    writeFileSync(
      join(dir, 'bn254.mjs'),
      `import { createRequire } from 'node:module';
       import { ready, backend, evm, groth16, Bn254Error } from 'pqsimd/bn254';
       const require = createRequire(import.meta.url);
       const cjs = require('pqsimd/bn254');
       await ready({ backend: 'wasm-scalar' });
       const g = new Uint8Array(64); g[31] = 1; g[63] = 2;
       const twice = Buffer.from(evm.ecAdd(new Uint8Array([...g, ...g]))).toString('hex') === Buffer.from(cjs.evm.ecMul(new Uint8Array([...g, ...new Uint8Array(31), 2]))).toString('hex');
       let err = '';
       try { cjs.evm.ecAdd(g.map((b, i) => (i === 63 ? 3 : b))); } catch (e) { err = e instanceof Bn254Error ? e.reason : 'other'; }
       let vkErr = '';
       try { groth16.verify({}, [], {}); } catch (e) { vkErr = e.name; }
       console.log(backend(), cjs.backend(), twice, err, vkErr, cjs.Bn254Error === Bn254Error);`,
    );
    expect(run('node', ['bn254.mjs']).trim()).toBe('wasm-scalar wasm-scalar true g1-not-on-curve TypeError true');
  });

  it('falls back to WASM, and says why, when the addon cannot load (no prebuild for this machine)', () => {
    writeFileSync(
      join(dir, 'fallback.mjs'),
      `import { rmSync } from 'node:fs';
       rmSync('node_modules/pqsimd/prebuilds', { recursive: true, force: true });
       const { ready, backend, backendInfo, mlDsa44 } = await import('pqsimd');
       await ready();
       const kp = mlDsa44.keygen(new Uint8Array(32));
       const sig = mlDsa44.sign(kp.secretKey, new Uint8Array(1));
       console.log(JSON.stringify([backend(), backendInfo().nativeError, mlDsa44.verify(kp.publicKey, new Uint8Array(1), sig)]));`,
    );
    const [name, why, ok] = JSON.parse(run('node', ['fallback.mjs']).trim()) as [string, string, boolean];
    expect(name).toMatch(/^wasm-/);
    expect(why).toBe(`no prebuilt native addon for ${process.platform}-${process.arch} in this package (it has: none); the WebAssembly backends run instead`);
    expect(ok).toBe(true);
  });

  it('on a platform without a prebuild (macOS simulated: node-gyp-build told darwin-arm64), runs on WASM and says why', () => {
    // a fresh install of the package (the test above removed its prebuilds)
    const fresh = mkdtempSync(join(tmpdir(), 'pqsimd-darwin-'));
    writeFileSync(
      join(fresh, 'darwin.mjs'),
      `const { ready, backend, backendInfo, falcon512 } = await import('pqsimd');
       await ready();
       console.log(JSON.stringify([backend(), backendInfo(), falcon512.verify(new Uint8Array(897), new Uint8Array(1), new Uint8Array(666))]));`,
    );
    try {
      writeFileSync(join(fresh, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
      const tgzs = readdirSync(dir)
        .filter((f) => f.endsWith('.tgz'))
        .map((f) => join(dir, f));
      run('npm', ['install', '--offline', '--no-audit', '--no-fund', ...tgzs], fresh);
      const out = execFileSync('node', ['darwin.mjs'], {
        cwd: fresh,
        encoding: 'utf8',
        // node-gyp-build reads the target from these (as npm sets them when installing for another platform)
        env: { ...process.env, npm_config_platform: 'darwin', npm_config_arch: 'arm64' },
      });
      const [name, info, ok] = JSON.parse(out.trim()) as [string, { nativeError: string; available: string[] }, boolean];
      expect(name).toMatch(/^wasm-/);
      expect(info.available.every((b) => b.startsWith('wasm-'))).toBe(true);
      expect(info.nativeError).toBe(
        'no prebuilt native addon for darwin-arm64 in this package (it has: linux-arm64, linux-x64, win32-x64); the WebAssembly backends run instead',
      );
      expect(ok).toBe(false);
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  });

  it('installs the pqsimd bin', () => {
    expect(run('npx', ['--no-install', 'pqsimd', 'selftest'])).toMatch(/pass|ok/i);
  });

  it('has types that resolve for import and require', () => {
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { strict: true, module: 'NodeNext', moduleResolution: 'NodeNext', noEmit: true, target: 'ES2022', skipLibCheck: false, types: [] },
      }),
    );
    writeFileSync(
      join(dir, 'use.mts'),
      `import { ready, mlDsa65, type KeyPair } from 'pqsimd';
       import { mlDsa44, type PreparedMlDsaKey } from 'pqsimd/ml-dsa';
       import { falcon512, type FalconVerifier } from 'pqsimd/falcon';
       import { type AeadCipher, AeadError, chacha20poly1305 } from 'pqsimd/aead';
       import { Bn254Error, evm, groth16, type Groth16VerificationKey, type PreparedGroth16Key } from 'pqsimd/bn254';
       await ready();
       const vk: Groth16VerificationKey = JSON.parse('{}');
       const prepared: () => PreparedGroth16Key = () => groth16.prepare(vk);
       const point: Uint8Array = evm.ecAdd(new Uint8Array(128));
       const reason: string | undefined = new Bn254Error('g1-not-on-curve', 'x').reason;
       export { prepared, point, reason };
       const c: AeadCipher = chacha20poly1305(new Uint8Array(32), new Uint8Array(12));
       const e: Error = new AeadError();
       export { c, e };
       const f: FalconVerifier = falcon512;
       const pk: PreparedMlDsaKey = mlDsa44.prepare(mlDsa44.keygen().publicKey);
       export { f, pk };
       const kp: KeyPair = mlDsa65.keygen();
       const ok: boolean = mlDsa65.verify(kp.publicKey, new Uint8Array(1), mlDsa65.sign(kp.secretKey, new Uint8Array(1)));
       export { ok };`,
    );
    writeFileSync(
      join(dir, 'use.cts'),
      `import pq = require('pqsimd');
       import aead = require('pqsimd/aead');
       import bn = require('pqsimd/bn254');
       const n: number = pq.mlDsa44.lengths.signature + aead.xchacha20poly1305.nonceLength + (bn.pairingCheck([]) ? 1 : 0);
       export = n;`,
    );
    const tsc = join(root, 'node_modules/typescript/bin/tsc');
    // tsc exits nonzero (and execFileSync throws with its diagnostics) on any type error.
    expect(() => run('node', [tsc, '-p', '.'])).not.toThrow();
  });
});
