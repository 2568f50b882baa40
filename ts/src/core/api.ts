/** The backend functions every entry point (root and per family) exports. */
import type { BackendInfo, BackendName } from '../types.js';
import { availableBackends, BACKEND_NAMES, currentBackend, nativeLoadError, ready } from './backends.js';

export { availableBackends, availableBackends as backends, BACKEND_NAMES, ready };

/** The default backend, what else this runtime offers, and why the native addon is not in use if it is not. */
export function backendInfo(): BackendInfo {
  return { backend: currentBackend(), available: availableBackends(), nativeError: nativeLoadError() };
}

/** The backend `ready()` selected. */
export function backend(): BackendName {
  const b = currentBackend();
  if (!b) throw new Error('pqsimd: call `await ready()` first');
  return b;
}
