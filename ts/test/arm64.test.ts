// AArch64: the arm64 glibc prebuild (prebuilds/linux-arm64/pqsimd.napi.glibc.node, cross-compiled with gcc-aarch64-linux-gnu)
// loaded through the package's own loader by an arm64 Node (Debian's nodejs:arm64, fetched by
// scripts/setup-arm64-node.sh) under qemu-aarch64, on this x86-64 machine. The subset
// (ts/test/arm64/smoke.mjs) runs on every backend that Node offers: native-neon-sha3 (qemu's
// CPU model has the SHA3 extension), native-neon, native-portable, wasm-simd, wasm-scalar.
// Timings under qemu mean nothing; nothing here measures speed.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { expectEveryBackendPassed, type Smoke } from './smoke-lib.js';

const root = join(__dirname, '..', '..');
const nodeRoot = join(root, 'build', 'arm64-root');
const onX64Linux = process.platform === 'linux' && process.arch === 'x64';
const skip = !onX64Linux || !!process.env.PQSIMD_SKIP_ARM64;

describe.skipIf(skip)('arm64 under qemu', () => {
  it('has the tools (scripts/setup.sh installs them)', () => {
    expect(spawnSync('qemu-aarch64', ['--version']).status, 'qemu-aarch64 (Debian qemu-user)').toBe(0);
    expect(existsSync(join(nodeRoot, 'usr', 'bin', 'node')), 'build/arm64-root: run bash scripts/setup-arm64-node.sh').toBe(true);
    expect(existsSync(join(root, 'prebuilds', 'linux-arm64', 'pqsimd.napi.glibc.node')), 'the arm64 prebuild: node scripts/build.mjs').toBe(true);
  });

  it('loads the arm64 addon, offers native-neon(-sha3), and passes the vector subset on every backend', () => {
    const r = spawnSync('qemu-aarch64', ['-L', nodeRoot, join(nodeRoot, 'usr', 'bin', 'node'), join(root, 'ts', 'test', 'arm64', 'smoke.mjs')], {
      encoding: 'utf8',
      cwd: root,
      timeout: 280_000,
      maxBuffer: 1 << 24,
    });
    expect(r.stderr.trim(), 'stderr of the arm64 run').toBe('');
    const line = r.stdout.trim().split('\n').pop() ?? '';
    const res = JSON.parse(line) as Smoke;
    expect(res.arch).toBe('arm64');
    expect(res.info.nativeError).toBeNull();
    expect(res.addon).toEqual(['prebuilds/linux-arm64/pqsimd.napi.glibc.node']);
    expect(res.available).toEqual(['native-neon-sha3', 'native-neon', 'native-portable', 'wasm-simd', 'wasm-scalar']);
    expect(res.best).toBe('native-neon-sha3');
    expectEveryBackendPassed(res, 20);
    expect(r.status).toBe(0);
  }, 300_000);
});
