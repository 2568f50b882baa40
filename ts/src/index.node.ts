/**
 * pqsimd for Node: the same API as the platform-neutral entry point, plus the native addon's
 * backends (native-avx512/-avx2 on x86-64, native-neon(-sha3) on AArch64, native-portable) ahead
 * of WASM, and VerifyPool on worker_threads.
 */
import { registerNativeOnce } from './native-register.js';
import { setPoolPlatform } from './pool.js';
import { nodePoolPlatform } from './pool-node.js';

registerNativeOnce();
setPoolPlatform(nodePoolPlatform); // VerifyPool on worker_threads

export { tickCounter, type TickCounter } from './native-register.js';
export * from './index.js';
