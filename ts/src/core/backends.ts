/**
 * Backends and families. A kernel family module (ml-dsa, falcon, ...) registers itself here
 * when it is imported; `ready()` loads every registered family on the chosen backend: the native
 * addon's driver in Node, else the family's own WASM module for the best core this engine runs
 * (relaxed SIMD, SIMD128, scalar), fetched by a dynamic import() of its own chunk. A bundle
 * therefore holds only the families the app imports, and a browser downloads only the WASM
 * core it runs.
 */
import type { Family } from '../gen/binding.js';
import type { BackendName, CompiledWasmModule, ReadyOptions } from '../types.js';
import type { Driver } from './driver.js';
import { readEnv } from './env.js';
import { WasmDriver } from './wasm.js';

export type WasmCoreName = 'relaxed' | 'simd' | 'scalar';

/** What a family module tells the registry. */
export interface FamilyDef<T> {
  readonly family: Family;
  /** Its WASM core per core name, each a dynamic import of its own chunk: the bytes, or (in the
   * workerd / edge-light builds, which import the .wasm files as modules) the compiled module. */
  readonly wasm: Readonly<Record<WasmCoreName, () => Promise<{ default: Uint8Array | CompiledWasmModule }>>>;
  /** The largest library-owned blob (prepared key) its WASM driver may keep resident. */
  readonly residentBytes: number;
  /** Every scheme of the family bound to one driver. */
  create(driver: Driver, backend: BackendName): T;
}

export const BACKEND_NAMES: readonly BackendName[] = [
  'native-avx512',
  'native-avx2',
  'native-neon-sha3',
  'native-neon',
  'native-portable',
  'wasm-relaxed',
  'wasm-simd',
  'wasm-scalar',
];

/** Smallest module using a SIMD128 instruction (i8x16.splat + i8x16.popcnt). */
const SIMD_PROBE = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11]);

/** A module using i8x16.relaxed_swizzle (relaxed SIMD). */
const RELAXED_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 43, 1, 41, 0, 253, 12, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 253, 12, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 253, 128, 2, 11,
]);

/**
 * The registry's state. It lives on globalThis under a key naming this package version, so every
 * copy of this version in one realm (the ESM and CommonJS builds, root and per-family entry
 * points) shares one ready() state: a CommonJS dependency sees the backend an ESM app readied.
 */
interface RegistryState {
  families: Map<Family, FamilyDef<unknown>>;
  native: Map<BackendName, () => Driver>;
  nativeError: string | null;
  available: BackendName[] | undefined;
  /** The default backend and its loaded families (set by ready()). */
  current: { name: BackendName; instances: Map<Family, unknown> } | undefined;
  modules: Map<string, Promise<WebAssembly.Module>>;
  /** Precompiled modules given to ready({ wasm }): such a family runs only these cores. */
  given: Map<Family, Partial<Record<WasmCoreName, WebAssembly.Module>>>;
}
declare const __PQSIMD_VERSION__: string;
const STATE_KEY = Symbol.for(`pqsimd.registry@${typeof __PQSIMD_VERSION__ === 'string' ? __PQSIMD_VERSION__ : 'dev'}`);
const G = globalThis as unknown as Record<symbol, RegistryState | undefined>;
G[STATE_KEY] ??= {
  families: new Map(),
  native: new Map(),
  nativeError: null,
  available: undefined,
  current: undefined,
  modules: new Map(),
  given: new Map(),
};
const S: RegistryState = G[STATE_KEY];

/** Called by each family module when it is imported. */
export function registerFamily<T>(def: FamilyDef<T>): void {
  S.families.set(def.family, def as FamilyDef<unknown>);
}

/** Called by the Node entry points: the native addon's backends, ahead of WASM. */
export function registerNative(list: readonly [BackendName, () => Driver][], error: string | null): void {
  for (const [name, make] of list) S.native.set(name, make);
  S.nativeError = error;
  S.available = undefined;
}

export function nativeLoadError(): string | null {
  return S.nativeError;
}

function validates(probe: Uint8Array): boolean {
  try {
    return WebAssembly.validate(probe as Uint8Array<ArrayBuffer>);
  } catch {
    return false;
  }
}

/** Backends this runtime can run, fastest first (relaxed SIMD needs Chromium, Node >= 22, or
 * Node 20 with --experimental-wasm-relaxed-simd). */
export function availableBackends(): BackendName[] {
  if (!S.available) {
    const available: BackendName[] = [...S.native.keys()];
    if (typeof WebAssembly === 'object') {
      if (validates(SIMD_PROBE) && validates(RELAXED_PROBE)) available.push('wasm-relaxed');
      if (validates(SIMD_PROBE)) available.push('wasm-simd');
      available.push('wasm-scalar');
    }
    S.available = available;
  }
  return [...S.available];
}

// (the messages and checks of precompiled modules are a chunk of their own, given-modules.ts:
// apps that never meet them do not download them)
const givenChunk = () => import('./given-modules.js');

/** Compiles a family's built-in core (in the edge builds it comes compiled). */
async function compileBuiltIn(def: FamilyDef<unknown>, core: WasmCoreName): Promise<WebAssembly.Module> {
  const src = (await def.wasm[core]()).default;
  if (src instanceof WebAssembly.Module) return src;
  try {
    return await WebAssembly.compile(src as Uint8Array<ArrayBuffer>);
  } catch (e) {
    throw (await givenChunk()).compileError(e, def.family, core); // says what to do where the runtime forbids it
  }
}

function compile(def: FamilyDef<unknown>, core: WasmCoreName): Promise<WebAssembly.Module> {
  if (S.given.has(def.family)) return givenChunk().then((c) => c.givenModule(S.given, def.family, core));
  const key = `${def.family}-${core}`;
  let m = S.modules.get(key);
  if (!m) {
    m = compileBuiltIn(def, core);
    m.catch(() => S.modules.delete(key));
    S.modules.set(key, m);
  }
  return m;
}

function checkName(name: BackendName): void {
  if (!BACKEND_NAMES.includes(name)) {
    throw new RangeError(`backend: unknown backend "${String(name)}"; expected one of ${BACKEND_NAMES.join(', ')}`);
  }
  if (!availableBackends().includes(name)) {
    const why = name.startsWith('native-') && S.nativeError ? ` (native addon: ${S.nativeError})` : '';
    throw new Error(`pqsimd: backend "${name}" is not supported by this runtime (available: ${availableBackends().join(', ') || 'none'})${why}`);
  }
}

/** Every given family bound to a fresh instance of backend `name`. */
async function loadFamilies(name: BackendName, defs: readonly FamilyDef<unknown>[]): Promise<Map<Family, unknown>> {
  checkName(name);
  const out = new Map<Family, unknown>();
  const makeNative = S.native.get(name);
  if (makeNative) {
    const driver = makeNative();
    for (const def of defs) out.set(def.family, def.create(driver, name));
    return out;
  }
  const core = name.slice('wasm-'.length) as WasmCoreName;
  const loaded = await Promise.all(defs.map((def) => compile(def, core)));
  defs.forEach((def, i) => {
    out.set(def.family, def.create(new WasmDriver(loaded[i]!, def.family, def.residentBytes), name));
  });
  return out;
}

/** An independent instance of backend `name` for the given families (default: every family
 * imported so far). */
export function loadFamiliesOn(name: BackendName, defs: readonly FamilyDef<unknown>[] = [...S.families.values()]): Promise<Map<Family, unknown>> {
  return loadFamilies(name, defs);
}

/**
 * Loads the best available backend (native in Node, else wasm-relaxed / wasm-simd / wasm-scalar),
 * or the one named in `opts.backend` (or PQSIMD_BACKEND), for every family imported so far.
 * Resolves once their synchronous API is usable. Calling it again with another backend switches
 * the default; after importing another family, call it again to load that family too.
 */
export function ready(opts: ReadyOptions = {}): Promise<void> {
  if (opts === null || typeof opts !== 'object') return Promise.reject(new TypeError('ready: expected an options object'));
  if (opts.wasm !== undefined) {
    return givenChunk().then((c) => {
      c.takeModules(S.given, opts.wasm);
      return ready({ ...opts, wasm: undefined });
    });
  }
  const env = readEnv('PQSIMD_BACKEND');
  const forced = opts.backend;
  if (forced === undefined && env && !BACKEND_NAMES.includes(env as BackendName)) {
    return Promise.reject(new RangeError(`PQSIMD_BACKEND: unknown backend "${env}"; expected one of ${BACKEND_NAMES.join(', ')}`));
  }
  const wanted = forced ?? (env as BackendName | undefined);
  const defs = [...S.families.values()];
  const current = S.current;
  if (current && (wanted === undefined || wanted === current.name) && defs.every((d) => current.instances.has(d.family))) {
    return Promise.resolve();
  }
  return (async () => {
    const order =
      wanted !== undefined
        ? [wanted]
        : S.given.size // (a family given modules runs only the cores given)
          ? (await givenChunk()).order(S.given, current?.name, availableBackends(), defs)
          : current
            ? [current.name]
            : availableBackends();
    let lastError: unknown = new Error('pqsimd: no WebAssembly support in this runtime');
    for (const name of order) {
      try {
        const instances = await loadFamilies(name, defs);
        S.current = { name, instances };
        return;
      } catch (e) {
        lastError = e;
        if (wanted !== undefined) break;
      }
    }
    throw lastError;
  })();
}

/** The loaded family on the default backend; throws until ready() has loaded it. */
export function familyInstance<T>(family: Family, what: string): T {
  const inst = S.current?.instances.get(family);
  if (inst === undefined) throw new Error(`pqsimd: call \`await ready()\` before using ${what}`);
  return inst as T;
}

/** The backend ready() selected, or null before it. */
export function currentBackend(): BackendName | null {
  return S.current?.name ?? null;
}
