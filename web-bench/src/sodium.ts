// libsodium-wrappers (libsodium compiled to WebAssembly), bundled into the page by esbuild.
import sodium from 'libsodium-wrappers';
import type { SodiumLike } from '../../bench/index.js';

declare const __SODIUM_WRAPPERS_VERSION__: string;
export const VERSION: string = typeof __SODIUM_WRAPPERS_VERSION__ === 'string' ? __SODIUM_WRAPPERS_VERSION__ : 'unknown';

/** libsodium-wrappers once its WebAssembly is instantiated, and the libsodium version inside. */
export async function loadSodium(): Promise<{ lib: SodiumLike; libsodium: string }> {
  await sodium.ready;
  return { lib: sodium as unknown as SodiumLike, libsodium: (sodium as unknown as { SODIUM_VERSION_STRING?: string }).SODIUM_VERSION_STRING ?? 'unknown' };
}
