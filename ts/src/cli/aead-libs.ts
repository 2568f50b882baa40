/**
 * The AEAD benchmark's comparators in Node: @noble/ciphers (pure JS; also the reference outputs),
 * libsodium-wrappers (libsodium compiled to WASM) and node:crypto (OpenSSL). The two npm packages
 * stay external to dist/cli.mjs and are imported lazily: without them their columns are skipped.
 */
import { createCipheriv, createDecipheriv, getCiphers } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { AeadLike, NodeCryptoLike, SodiumLike } from '../../../bench/aead.js';

/** The version in the package.json next to (or above) the resolved module file. */
function versionOf(specifier: string): string {
  try {
    let dir = dirname(fileURLToPath(import.meta.resolve(specifier)));
    for (let i = 0; i < 4; i++) {
      try {
        const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
        if (pkg.name && pkg.version) return pkg.version;
      } catch {
        /* not here: one level up */
      }
      dir = dirname(dir);
    }
  } catch {
    /* cannot resolve */
  }
  return 'unknown';
}

/** @noble/ciphers' ChaCha20-Poly1305, XChaCha20-Poly1305, secretbox and ChaCha20, or null. */
export async function loadNobleCiphers(): Promise<{ lib: AeadLike; version: string } | null> {
  try {
    const ch = (await import('@noble/ciphers/chacha.js')) as unknown as Pick<AeadLike, 'chacha20poly1305' | 'xchacha20poly1305' | 'chacha20'>;
    const sa = (await import('@noble/ciphers/salsa.js')) as unknown as Pick<AeadLike, 'secretbox'>;
    const lib: AeadLike = { chacha20poly1305: ch.chacha20poly1305, xchacha20poly1305: ch.xchacha20poly1305, chacha20: ch.chacha20, secretbox: sa.secretbox };
    return { lib, version: versionOf('@noble/ciphers/chacha.js') };
  } catch {
    return null;
  }
}

/** libsodium-wrappers after `await sodium.ready`, or null. */
export async function loadSodium(): Promise<{ lib: SodiumLike; version: string; libsodium: string } | null> {
  try {
    const m = (await import('libsodium-wrappers')) as unknown as { default: SodiumLike & { ready: Promise<void>; SODIUM_VERSION_STRING?: string } };
    const s = m.default;
    await s.ready;
    return { lib: s, version: versionOf('libsodium-wrappers'), libsodium: s.SODIUM_VERSION_STRING ?? 'unknown' };
  } catch {
    return null;
  }
}

/** node:crypto's ChaCha20-Poly1305 and ChaCha20 (OpenSSL), or null when this build lacks them. */
export function nodeCrypto(): { lib: NodeCryptoLike; openssl: string } | null {
  const have = new Set(getCiphers());
  if (!have.has('chacha20-poly1305') || !have.has('chacha20')) return null;
  const lib: NodeCryptoLike = {
    cipher: (alg, key, iv) => (alg === 'chacha20' ? createCipheriv('chacha20', key, iv) : createCipheriv('chacha20-poly1305', key, iv, { authTagLength: 16 })),
    decipher: (_alg, key, iv) => createDecipheriv('chacha20-poly1305', key, iv, { authTagLength: 16 }),
  };
  return { lib, openssl: process.versions.openssl ?? 'unknown' };
}
