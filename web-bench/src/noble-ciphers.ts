// @noble/ciphers (pure JS): the AEAD section's reference outputs and one of its columns, typed as
// the benchmark core's AeadLike (bench/aead.ts).
import { chacha20, chacha20poly1305, xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { secretbox } from '@noble/ciphers/salsa.js';
import type { AeadLike } from '../../bench/index.js';

declare const __NOBLE_CIPHERS_VERSION__: string;
export const VERSION: string = typeof __NOBLE_CIPHERS_VERSION__ === 'string' ? __NOBLE_CIPHERS_VERSION__ : 'unknown';
export const lib = { chacha20poly1305, xchacha20poly1305, secretbox, chacha20 } as unknown as AeadLike;
