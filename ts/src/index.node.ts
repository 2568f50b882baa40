/**
 * pqsimd for Node: the same API as the platform-neutral entry point, plus the
 * native addon's backends (native-avx512/-avx2 on x86-64, native-neon(-sha3) on AArch64,
 * native-portable) ahead of WASM.
 */
import { registerBackends } from './backends.js';
import { loadNativeBackends, type TickCounter } from './native.js';
import { setPoolPlatform } from './pool.js';
import { nodePoolPlatform } from './pool-node.js';

const native = loadNativeBackends();
registerBackends(native.backends, native.error);
setPoolPlatform(nodePoolPlatform); // VerifyPool on worker_threads

export type { TickCounter } from './native.js';
/**
 * The addon's hardware tick counter (x86-64 `rdtsc`, AArch64 `cntvct_el0`) for benchmarks,
 * or null when the addon is not loaded. Not needed for signing or verifying.
 */
export function tickCounter(): TickCounter | null {
  return native.ticks ?? null;
}

export * from './index.js';
