// What the platform tests (arm64 under qemu, musl, Windows under wine) share: the result of
// ts/test/arm64/smoke.mjs, the checks every backend's part of it must pass, and a child
// environment without the switches that would change what is tested.
import { expect } from 'vitest';

/** The JSON line ts/test/arm64/smoke.mjs prints (or writes to PQ_SMOKE_OUT). */
export interface Smoke {
  platform?: string;
  arch: string;
  node: string;
  best: string;
  available: string[];
  info: { nativeError: string | null };
  addon: string[];
  backends: Record<string, { verify: number; sign: number; falcon: number; failed: string[] }>;
  failures: number;
}

/** This process's environment without the switches that would change what is tested (a forced
 * backend, the addon turned off, node-gyp-build's libc override). */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  for (const k of ['PQSIMD_BACKEND', 'PQSIMD_NO_NATIVE', 'LIBC', 'PQ_SMOKE_OUT']) if (!(k in extra)) delete env[k];
  return env;
}

/** Every backend the run offered passed the Wycheproof ML-DSA subset and `falconKats` Falcon KATs. */
export function expectEveryBackendPassed(res: Smoke, falconKats: number): void {
  for (const name of res.available) {
    const b = res.backends[name]!;
    expect(b.failed, name).toEqual([]);
    expect(b.verify, `${name}: Wycheproof verify cases`).toBe(631);
    expect(b.sign, `${name}: Wycheproof sign cases`).toBe(275);
    expect(b.falcon, `${name}: Falcon KATs`).toBe(falconKats);
  }
  expect(res.failures).toBe(0);
}
