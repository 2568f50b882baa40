/**
 * pqsimd for Node: the same API as the platform-neutral entry point, plus the
 * native addon's backends (native-avx2, native-portable) ahead of WASM.
 */
import { registerBackends } from './backends.js';
import { loadNativeBackends } from './native.js';

const native = loadNativeBackends();
registerBackends(native.backends, native.error);

export * from './index.js';
