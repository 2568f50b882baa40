/**
 * The BN254 benchmark's comparators in Node: @noble/curves (pure JS; the reference outputs),
 * mcl-wasm (BSD-3-Clause; from node_modules, else from the bench's own install directory) and
 * snarkjs (GPL-3.0: never a dependency of the package; installed on demand into build/bench-deps
 * with `npm install --prefix build/bench-deps --no-save snarkjs@0.7.6`, its column skipped with
 * a message when that fails). All are imported lazily and stay external to dist/cli.mjs.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import type { MclLike, NobleBn254, SnarkjsLike } from '../../../bench/bn254.js';

export const SNARKJS_VERSION = '0.7.6';
/** Where the bench installs snarkjs (relative to the working directory). */
export const BENCH_DEPS = join('build', 'bench-deps');

/** The version in the package.json next to (or above) a resolved module file. */
function versionAt(file: string): string {
  let dir = dirname(file);
  for (let i = 0; i < 5; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name && pkg.version) return pkg.version;
    } catch {
      /* not here: one level up */
    }
    dir = dirname(dir);
  }
  return 'unknown';
}

/** Directories searched for the optional comparators after Node's own resolution: $PQSIMD_BENCH_DEPS, then build/bench-deps. */
function depDirs(): string[] {
  const env = process.env.PQSIMD_BENCH_DEPS;
  return [...(env ? [resolve(env)] : []), resolve(BENCH_DEPS)];
}

/** The file URL `specifier` resolves to (from this module, else from each bench-deps directory), or null. */
export function resolveDep(specifier: string): string | null {
  try {
    return import.meta.resolve(specifier);
  } catch {
    /* not in node_modules */
  }
  for (const dir of depDirs()) {
    if (!existsSync(join(dir, 'node_modules'))) continue;
    try {
      return pathToFileURL(createRequire(join(dir, 'package.json')).resolve(specifier)).href;
    } catch {
      /* not there */
    }
  }
  return null;
}

/** @noble/curves' bn254, or null. */
export async function loadNobleCurves(): Promise<{ lib: NobleBn254; version: string; url: string } | null> {
  const url = resolveDep('@noble/curves/bn254.js');
  if (!url) return null;
  try {
    const m = (await import(url)) as { bn254: NobleBn254 };
    return { lib: m.bn254, version: versionAt(fileURLToPath(url)), url };
  } catch {
    return null;
  }
}

/** mcl-wasm initialised on BN_SNARK1 (Ethereum's BN254), or null. */
export async function loadMcl(): Promise<{ lib: MclLike; version: string; url: string } | null> {
  const url = resolveDep('mcl-wasm');
  if (!url) return null;
  try {
    const m = (await import(url)) as { default?: unknown } & Record<string, unknown>;
    const mcl = (m.init ? m : m.default) as MclLike & { init(curve: number): Promise<void>; BN_SNARK1: number };
    await mcl.init(mcl.BN_SNARK1);
    return { lib: mcl, version: versionAt(fileURLToPath(url)), url };
  } catch {
    return null;
  }
}

/**
 * snarkjs: from node_modules or a bench-deps directory if there, else installed into
 * build/bench-deps (`install`). Returns the library and its curve's terminate() (its worker
 * threads keep the process alive), or the reason it is missing.
 */
export async function loadSnarkjs(
  install: boolean,
  log: (s: string) => void,
): Promise<{ lib: SnarkjsLike; version: string; url: string; terminate: () => Promise<void> } | { missing: string }> {
  let url = resolveDep('snarkjs');
  if (!url && install) {
    const args = ['install', '--prefix', BENCH_DEPS, '--no-save', '--no-audit', '--no-fund', `snarkjs@${SNARKJS_VERSION}`];
    log(`installing snarkjs ${SNARKJS_VERSION} for the BN254 table: npm ${args.join(' ')}`);
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const r = spawnSync(npm, args, { encoding: 'utf8', timeout: 180_000 });
    if (r.status !== 0)
      return {
        missing: `npm install of snarkjs@${SNARKJS_VERSION} failed (${r.error?.message ?? (r.stderr || '').trim().split('\n').pop() ?? `exit ${r.status}`})`,
      };
    url = resolveDep('snarkjs');
  }
  if (!url) return { missing: install ? 'snarkjs is not importable after its install' : 'snarkjs is not installed (--no-snarkjs-install)' };
  try {
    const m = (await import(url)) as SnarkjsLike & { curves?: { getCurveFromName(name: string): Promise<{ terminate(): Promise<void> | void }> } };
    const terminate = async () => {
      // the first verify built the curve (a cached singleton): end its worker threads
      const c = await m.curves?.getCurveFromName('bn128');
      await c?.terminate();
    };
    return { lib: m, version: versionAt(fileURLToPath(url)), url, terminate };
  } catch (e) {
    return { missing: `snarkjs does not import: ${(e as Error)?.message ?? e}` };
  }
}
