/** The checks and messages of ready()'s `wasm` option (precompiled modules per family and core), a
 * chunk of its own: only apps that pass modules, or meet one of these errors, download it. */
import type { Family } from '../gen/binding.js';
import type { BackendName, CompiledWasmModule, ReadyOptions, WasmFamily, WasmFamilyModules } from '../types.js';
import type { WasmCoreName } from './backends.js';

const FAMILY_NAMES: readonly WasmFamily[] = ['mldsa', 'falcon', 'aead', 'bn254'];
const WASM_CORES: readonly WasmCoreName[] = ['relaxed', 'simd', 'scalar'];

// ReadyOptions names the families as the generated binding does.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const familiesMatch: Same<Family, WasmFamily> = true;
void familiesMatch;

/** Keeps the option's modules per family in `given`; throws (naming the field) before anything is kept. */
export function takeModules(given: Map<Family, Partial<Record<WasmCoreName, WebAssembly.Module>>>, wasm: ReadyOptions['wasm']): void {
  if (wasm === null || typeof wasm !== 'object') throw new TypeError('ready: options.wasm must be an object { <family>: { relaxed?, simd?, scalar? } }');
  const taken: [Family, Partial<Record<WasmCoreName, WebAssembly.Module>>][] = [];
  for (const [family, cores] of Object.entries(wasm) as [string, WasmFamilyModules | undefined][]) {
    if (!(FAMILY_NAMES as readonly string[]).includes(family)) {
      throw new RangeError(`ready: options.wasm.${family}: unknown family; expected one of ${FAMILY_NAMES.join(', ')}`);
    }
    if (cores === undefined) continue;
    if (cores === null || typeof cores !== 'object') throw new TypeError(`ready: options.wasm.${family} must be an object { relaxed?, simd?, scalar? }`);
    const out: Partial<Record<WasmCoreName, WebAssembly.Module>> = {};
    for (const [core, m] of Object.entries(cores) as [string, CompiledWasmModule | undefined][]) {
      if (!(WASM_CORES as readonly string[]).includes(core)) {
        throw new RangeError(`ready: options.wasm.${family}.${core}: unknown core; expected one of ${WASM_CORES.join(', ')}`);
      }
      if (m === undefined) continue;
      if (!(m instanceof WebAssembly.Module)) throw new TypeError(`ready: options.wasm.${family}.${core} must be a WebAssembly.Module`);
      out[core as WasmCoreName] = m;
    }
    if (Object.keys(out).length === 0) throw new RangeError(`ready: options.wasm.${family} names no module`);
    taken.push([family as Family, out]);
  }
  for (const [family, cores] of taken) given.set(family, cores);
}

/** A built-in core's compile error; where the runtime forbids compiling, it says what to do. */
export function compileError(e: unknown, family: Family, core: WasmCoreName): unknown {
  const msg = e instanceof Error ? e.message : String(e);
  if (!/code generation disallowed/i.test(msg)) return e;
  return new Error(
    `pqsimd: this runtime does not compile WebAssembly at run time (${msg}). Import pqsimd through its "workerd" or "edge-light" export condition (Cloudflare Workers and Vercel Edge bundlers pick it), or give ready() precompiled modules: ready({ wasm: { ${family}: { ${core}: <pqsimd/wasm/${family}-${core}.wasm imported as a module> } } })`,
    { cause: e },
  );
}

type Given = ReadonlyMap<Family, Partial<Record<WasmCoreName, WebAssembly.Module>>>;

/** The module given for a family's core. */
export function givenModule(given: Given, family: Family, core: WasmCoreName): WebAssembly.Module {
  const cores = given.get(family) ?? {};
  const m = cores[core];
  if (!m) throw new Error(`pqsimd: backend "wasm-${core}" needs wasm.${family}.${core}: ready() was given only ${Object.keys(cores).join(', ')} for ${family}`);
  return m;
}

/** ready()'s choice when modules were given: the current backend if every family can stay on it,
 * else the available backends every family can load on (a family given modules, only on the cores
 * given), fastest first. */
export function order(
  given: Given,
  current: BackendName | undefined,
  available: readonly BackendName[],
  families: readonly { family: Family }[],
): BackendName[] {
  const runs = (name: BackendName) =>
    !name.startsWith('wasm-') || families.every((f) => given.get(f.family)?.[name.slice('wasm-'.length) as WasmCoreName] !== undefined || !given.has(f.family));
  if (current !== undefined && runs(current)) return [current];
  const out = available.filter(runs);
  if (out.length === 0) throw new Error(`pqsimd: none of the WASM cores given to ready() runs here (available: ${available.join(', ')})`);
  return out;
}
