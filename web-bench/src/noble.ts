// @noble/post-quantum (pure JS), the reference point of the page, typed as the page uses it.
import { ml_dsa44 as m44, ml_dsa65 as m65, ml_dsa87 as m87 } from '@noble/post-quantum/ml-dsa.js';
import { falcon1024 as f1024, falcon512 as f512 } from '@noble/post-quantum/falcon.js';

export interface NobleScheme {
  keygen(seed?: Uint8Array): { publicKey: Uint8Array; secretKey: Uint8Array };
  sign(msg: Uint8Array, secretKey: Uint8Array, opts?: { extraEntropy?: Uint8Array | false }): Uint8Array;
  verify(sig: Uint8Array, msg: Uint8Array, publicKey: Uint8Array): boolean;
}

declare const __NOBLE_VERSION__: string;
export const VERSION: string = typeof __NOBLE_VERSION__ === 'string' ? __NOBLE_VERSION__ : 'unknown';
export const ml_dsa44 = m44 as unknown as NobleScheme;
export const ml_dsa65 = m65 as unknown as NobleScheme;
export const ml_dsa87 = m87 as unknown as NobleScheme;
export const falcon512 = f512 as unknown as NobleScheme;
export const falcon1024 = f1024 as unknown as NobleScheme;
