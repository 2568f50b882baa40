/**
 * The native Node addon (N-API): prebuilds/<platform>-<arch>/*.node, found with
 * node-gyp-build, one driver per ISA it offers (avx2, portable). Loading never
 * throws: a missing or broken addon leaves the WASM backends, and says why.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBackend, type LoadedBackend } from './backends.js';
import type { Driver } from './driver.js';
import type { BackendName } from './types.js';

interface AddonCore {
  isa: string;
  mldsaKeygen: Driver['mldsaKeygen'];
  mldsaSign: Driver['mldsaSign'];
  mldsaVerify: Driver['mldsaVerify'];
  mldsaMu: Driver['mldsaMu'];
  mldsaPrepare: Driver['mldsaPrepare'];
  mldsaVerifyPrepared(level: number, prepared: Uint8Array, msg: Uint8Array, ctx: Uint8Array, sig: Uint8Array): boolean;
  falconVerify: Driver['falconVerify'];
  falconPrepare: Driver['falconPrepare'];
  falconVerifyPrepared(kind: number, prepared: Uint8Array, msg: Uint8Array, sig: Uint8Array): boolean;
  benchKernel: Driver['benchKernel'];
}

interface Addon {
  isas: string[];
  ticks?: () => bigint;
  ticksSource?: string;
  [isa: string]: AddonCore | string[] | (() => bigint) | string | undefined;
}

/** A hardware tick counter read through the addon (benchmarks only). */
export interface TickCounter {
  read: () => bigint;
  /** 'rdtsc' (x86-64 time-stamp counter) or 'cntvct_el0' (AArch64 virtual counter). */
  source: string;
}

/** Calls go straight to the addon: it reads the Uint8Arrays in place. */
function nativeDriver(core: AddonCore): Driver {
  return {
    mldsaKeygen: (level, seed) => core.mldsaKeygen(level, seed),
    mldsaSign: (level, sk, mode, msg, ctx, ph, rnd) => core.mldsaSign(level, sk, mode, msg, ctx, ph, rnd),
    mldsaVerify: (level, pk, mode, msg, ctx, ph, sig) => core.mldsaVerify(level, pk, mode, msg, ctx, ph, sig),
    mldsaMu: (level, pk, m) => core.mldsaMu(level, pk, m),
    mldsaPrepare: (level, pk) => core.mldsaPrepare(level, pk),
    mldsaVerifyPrepared: (level, prepared, _owner, msg, ctx, sig) => core.mldsaVerifyPrepared(level, prepared, msg, ctx, sig),
    falconVerify: (kind, pk, msg, sig) => core.falconVerify(kind, pk, msg, sig),
    falconPrepare: (kind, pk) => core.falconPrepare(kind, pk),
    falconVerifyPrepared: (kind, prepared, _owner, msg, sig) => core.falconVerifyPrepared(kind, prepared, msg, sig),
    benchKernel: (id, iterations) => core.benchKernel(id, iterations),
  };
}

/** The package root: dist/ is one level below it. */
function packageRoot(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..');
}

export function loadNativeBackends(): { backends: [BackendName, () => LoadedBackend][]; error: string | null; ticks?: TickCounter | null } {
  if (process.env.PQSIMD_NO_NATIVE) return { backends: [], error: 'disabled by PQSIMD_NO_NATIVE' };
  let addon: Addon;
  try {
    const require = createRequire(import.meta.url);
    const load = require('node-gyp-build') as (dir: string) => Addon;
    addon = load(packageRoot());
  } catch (e) {
    return { backends: [], error: e instanceof Error ? e.message.split('\n')[0]! : String(e) };
  }
  const backends: [BackendName, () => LoadedBackend][] = [];
  for (const isa of addon.isas) {
    const name = `native-${isa}` as BackendName;
    const core = addon[isa] as AddonCore;
    backends.push([name, () => createBackend(name, nativeDriver(core))]);
  }
  const ticks = typeof addon.ticks === 'function' ? { read: addon.ticks, source: String(addon.ticksSource) } : null;
  return { backends, error: null, ticks };
}
