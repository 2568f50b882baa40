/** Backend discovery and loading. Native backends join this list with the addon. */
import scalarWasm from '../../build/wasm/pqsimd-scalar.wasm';
import relaxedWasm from '../../build/wasm/pqsimd-relaxed.wasm';
import simdWasm from '../../build/wasm/pqsimd-simd.wasm';
import type { Driver } from './driver.js';
import { createFalcon } from './falcon.js';
import { createMlDsa } from './mldsa.js';
import type { Backend, BackendName } from './types.js';
import { WasmCore } from './wasm.js';
import { WasmDriver } from './wasm-driver.js';

/** Smallest module using a SIMD128 instruction (i8x16.splat + i8x16.popcnt). */
const SIMD_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11,
]);

/** A module using i8x16.relaxed_swizzle (relaxed SIMD). */
const RELAXED_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 43, 1, 41, 0, 253, 12, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 253, 12, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 253, 128, 2, 11,
]);

export const BACKEND_NAMES: readonly BackendName[] = ['native-avx512', 'native-avx2', 'native-neon-sha3', 'native-neon', 'native-portable', 'wasm-relaxed', 'wasm-simd', 'wasm-scalar'];

/** Backends registered by the Node entry point (the native addon), fastest first. */
const registered = new Map<BackendName, () => LoadedBackend>();
let nativeError: string | null = null;

/** Called by the Node entry point: adds native backends ahead of WASM. */
export function registerBackends(list: readonly [BackendName, () => LoadedBackend][], error: string | null): void {
  for (const [name, make] of list) registered.set(name, make);
  nativeError = error;
  available = undefined;
}

export function nativeLoadError(): string | null {
  return nativeError;
}

let available: BackendName[] | undefined;
function validates(probe: Uint8Array): boolean {
  try {
    return WebAssembly.validate(probe as Uint8Array<ArrayBuffer>);
  } catch {
    return false;
  }
}

/** Backends this runtime can run, fastest first (relaxed SIMD needs Chromium, or Node with
 * --experimental-wasm-relaxed-simd). */
export function availableBackends(): BackendName[] {
  if (!available) {
    available = [...registered.keys()];
    if (typeof WebAssembly !== 'object') return [...available];
    if (validates(SIMD_PROBE) && validates(RELAXED_PROBE)) available.push('wasm-relaxed');
    if (validates(SIMD_PROBE)) available.push('wasm-simd');
    available.push('wasm-scalar');
  }
  return [...available];
}

/** Kernels `kernels.run` can time, in the C core's order (native/common/shared/pq_bench.h). */
export const KERNEL_NAMES = [
  'ML-DSA NTT',
  'ML-DSA inverse NTT',
  'ML-DSA multiply-accumulate (5 products)',
  'Keccak-f1600 x1',
  'Keccak-f1600 x2 (2 permutations)',
  'ML-DSA uniform sampling (256 coeffs)',
  'ML-DSA decompose',
  'Falcon-512 NTT',
  'Falcon-512 inverse NTT',
  'Falcon-512 hash-to-point',
] as const;
export type KernelName = (typeof KERNEL_NAMES)[number];

export interface LoadedBackend extends Backend {
  readonly kernels: {
    /** Runs one kernel `iterations` times inside the backend on fixed data (benchmark hook). */
    run(name: KernelName, iterations: number): void;
    /** Runs the forward NTT `iterations` times inside the backend. */
    nttLoop(iterations: number): void;
    /** Runs the inverse NTT `iterations` times inside the backend. */
    invnttLoop(iterations: number): void;
  };
}

const modules = new Map<BackendName, Promise<WebAssembly.Module>>();

function compile(name: BackendName): Promise<WebAssembly.Module> {
  let m = modules.get(name);
  if (!m) {
    const bytes = name === 'wasm-relaxed' ? relaxedWasm : name === 'wasm-simd' ? simdWasm : scalarWasm;
    m = WebAssembly.compile(bytes as Uint8Array<ArrayBuffer>);
    m.catch(() => modules.delete(name));
    modules.set(name, m);
  }
  return m;
}

/** Loads one backend: a fresh instance with every scheme bound to it. */
export async function loadBackend(name: BackendName): Promise<LoadedBackend> {
  if (!BACKEND_NAMES.includes(name)) {
    throw new RangeError(`backend: unknown backend "${String(name)}"; expected one of ${BACKEND_NAMES.join(', ')}`);
  }
  if (!availableBackends().includes(name)) {
    const why = name.startsWith('native-') && nativeError ? ` (native addon: ${nativeError})` : '';
    throw new Error(`pqsimd: backend "${name}" is not supported by this runtime (available: ${availableBackends().join(', ') || 'none'})${why}`);
  }
  const make = registered.get(name);
  if (make) return make();
  return createBackend(name, new WasmDriver(new WasmCore(await compile(name))));
}

/** Every scheme bound to one driver. */
export function createBackend(name: BackendName, driver: Driver): LoadedBackend {
  const kernels = Object.freeze({
    run(kernel: KernelName, iterations: number): void {
      const id = KERNEL_NAMES.indexOf(kernel);
      if (id < 0) throw new RangeError(`kernel: unknown kernel "${String(kernel)}"`);
      driver.benchKernel(id, iterations >>> 0);
    },
    nttLoop(iterations: number): void {
      driver.benchKernel(0, iterations >>> 0);
    },
    invnttLoop(iterations: number): void {
      driver.benchKernel(1, iterations >>> 0);
    },
  });
  return Object.freeze({
    name,
    mlDsa44: createMlDsa('ML-DSA-44', driver),
    mlDsa65: createMlDsa('ML-DSA-65', driver),
    mlDsa87: createMlDsa('ML-DSA-87', driver),
    falcon512: createFalcon('Falcon-512', driver),
    falcon1024: createFalcon('Falcon-1024', driver),
    falconDet1024: createFalcon('Falcon-Det1024', driver),
    kernels,
  });
}
