// The package on every Node major a user runs: 20 (this process) and 22, 24, 26, the official
// Linux x64 builds from the npm registry (scripts/setup-node-versions.sh, called by
// scripts/setup.sh, puts them in build/node-versions/<major>/). On each: the package imported
// by its name (self-reference through package.json "exports", so the `node` conditions pick
// dist/*.node.*) from ESM and CommonJS; the native addon (N-API) loads; the backend ready()
// picks (native first; with PQSIMD_NO_NATIVE=1 wasm-relaxed, which Node >= 22 runs without a
// flag); `pqsimd selftest` (every family on every backend against known answers); and a subset
// of the vitest suites run by that Node. A missing binary fails the test (set
// PQSIMD_SKIP_RUNTIMES=1 to skip it while developing).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = resolve(__dirname, '../..');
/** major -> exact version (as in scripts/setup-node-versions.sh) */
const NODE_VERSIONS: Record<number, string> = { 22: '22.23.5', 24: '24.22.3', 26: '26.12.1' };
const skip = process.env.PQSIMD_SKIP_RUNTIMES === '1';
const linuxX64 = process.platform === 'linux' && process.arch === 'x64';

/** Suites that run on every backend and take seconds (memory, workers and interop are left to Node 20). */
const SUITES = [
  'cross-backend',
  'hostile',
  'negative',
  'prepared',
  'batch',
  'errors',
  'falcon-vectors',
  'aead-vectors',
  'bn254-vectors',
  'public-key',
  'not-ready',
  'ml-dsa-keys',
].map((s) => `ts/test/${s}.test.ts`);

/** The environment of a child Node: this one's, without vitest's own variables (the nested vitest
 * would take them for its parent's) and without NODE_OPTIONS (a flag Node 20 needs is refused by 22+). */
function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(VITEST|NODE_OPTIONS$|TEST$|PQSIMD_)/.test(k)) env[k] = v;
  return { ...env, ...extra };
}

const ESM_PROBE = `
const root = await import('pqsimd');
const { mlDsa65 } = await import('pqsimd/ml-dsa');
const { falcon512 } = await import('pqsimd/falcon');
const available = root.availableBackends();
await root.ready();
const kp = mlDsa65.keygen(new Uint8Array(32).fill(7));
const msg = new TextEncoder().encode(process.version);
const sig = mlDsa65.sign(kp.secretKey, msg);
console.log(JSON.stringify({ version: process.version, available, backend: root.backend(), info: root.backendInfo(),
  verify: [mlDsa65.verify(kp.publicKey, msg, sig), mlDsa65.verify(kp.publicKey, msg.subarray(1), sig)],
  falcon: typeof falcon512.verify }));`;

const CJS_PROBE = `
const m = require('pqsimd');
m.ready().then(() => {
  const kp = m.mlDsa44.keygen(new Uint8Array(32));
  const sig = m.mlDsa44.sign(kp.secretKey, new Uint8Array(5));
  console.log(JSON.stringify({ backend: m.backend(), verify: m.mlDsa44.verify(kp.publicKey, new Uint8Array(5), sig) }));
});`;

interface Probe {
  version: string;
  available: string[];
  backend: string;
  info: { nativeError: string | null };
  verify: boolean[];
  falcon: string;
}

describe.skipIf(skip || !linuxX64)('Node versions', () => {
  it('dist/ is built', () => {
    expect(existsSync(resolve(root, 'dist/cli.mjs'))).toBe(true);
  });

  for (const [majorStr, version] of Object.entries(NODE_VERSIONS)) {
    const major = Number(majorStr);
    const node = resolve(root, `build/node-versions/${major}/bin/node`);
    describe(`Node ${version}`, () => {
      it('is installed (scripts/setup-node-versions.sh)', async () => {
        if (!existsSync(node)) throw new Error(`${node} is missing: run bash scripts/setup-node-versions.sh (npm test's setup step does)`);
        const { stdout } = await run(node, ['--version']);
        expect(stdout.trim()).toBe(`v${version}`);
      });

      it('imports the package (ESM and CommonJS), loads the native addon and picks it; wasm-relaxed without it, no flag', async () => {
        const esm = async (env: Record<string, string>): Promise<Probe> =>
          JSON.parse((await run(node, ['--input-type=module', '-e', ESM_PROBE], { cwd: root, env: childEnv(env) })).stdout) as Probe;
        const withNative = await esm({});
        expect(withNative.version).toBe(`v${version}`);
        expect(withNative.info.nativeError).toBeNull();
        expect(withNative.available).toEqual(expect.arrayContaining(['native-portable', 'wasm-relaxed', 'wasm-simd', 'wasm-scalar']));
        // fastest first: the native backends, then relaxed SIMD (on by default from Node 22)
        expect(withNative.available.indexOf('wasm-relaxed')).toBe(withNative.available.indexOf('native-portable') + 1);
        expect(withNative.backend).toBe(withNative.available[0]);
        expect(withNative.backend).toMatch(/^native-/);
        expect(withNative.verify).toEqual([true, false]);
        expect(withNative.falcon).toBe('function');

        const noNative = await esm({ PQSIMD_NO_NATIVE: '1' });
        expect(noNative.available).toEqual(['wasm-relaxed', 'wasm-simd', 'wasm-scalar']);
        expect(noNative.backend).toBe('wasm-relaxed');
        expect(noNative.info.nativeError).toMatch(/PQSIMD_NO_NATIVE/);
        expect(noNative.verify).toEqual([true, false]);

        const cjs = JSON.parse((await run(node, ['-e', CJS_PROBE], { cwd: root, env: childEnv() })).stdout) as { backend: string; verify: boolean };
        expect(cjs).toEqual({ backend: withNative.backend, verify: true });
      });

      it('passes `pqsimd selftest` on every backend', async () => {
        const { stdout } = await run(node, ['dist/cli.mjs', 'selftest'], { cwd: root, env: childEnv() });
        const last = stdout.trim().split('\n').at(-1) ?? '';
        expect(last).toMatch(/^selftest passed: native-/);
        expect(last).toContain('wasm-relaxed, wasm-simd, wasm-scalar');
      });

      it('passes a subset of the test suites', async () => {
        const args = ['node_modules/vitest/vitest.mjs', 'run', '--reporter=dot', ...SUITES];
        const r = await run(node, args, { cwd: root, env: childEnv({ CI: '1', NO_COLOR: '1' }), maxBuffer: 64 << 20 }).catch(
          (e: { stdout?: string; stderr?: string }) => {
            throw new Error(`vitest on Node ${version} failed:\n${e.stdout ?? ''}\n${e.stderr ?? ''}`);
          },
        );
        expect(r.stdout).toMatch(new RegExp(`Test Files\\s+${SUITES.length} passed \\(${SUITES.length}\\)`));
      });
    });
  }
});
