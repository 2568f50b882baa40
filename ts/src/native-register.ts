/** Node only: the native addon's backends join the registry ahead of WASM. Every Node entry
 * point (index.node, ml-dsa/index.node, falcon/index.node) calls registerNativeOnce() at its top
 * level, so bundlers that drop unused modules keep it. */
import { registerNative } from './core/backends.js';
import { loadNativeBackends, type NativeBackends, type TickCounter } from './core/native.js';

let native: NativeBackends | undefined;

export function registerNativeOnce(): void {
  if (native) return;
  native = loadNativeBackends();
  registerNative(native.backends, native.error);
}

export type { TickCounter } from './core/native.js';
/**
 * The addon's hardware tick counter (x86-64 `rdtsc`, AArch64 `cntvct_el0`) for benchmarks,
 * or null when the addon is not loaded. Not needed for signing or verifying.
 */
export function tickCounter(): TickCounter | null {
  return native?.ticks ?? null;
}
