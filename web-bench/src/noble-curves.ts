// @noble/curves bn254 (pure JS): the BN254 section's reference results and one of its columns.
import { bn254 } from '@noble/curves/bn254.js';

export { bn254 };
declare const __NOBLE_CURVES_VERSION__: string;
export const VERSION: string = typeof __NOBLE_CURVES_VERSION__ === 'string' ? __NOBLE_CURVES_VERSION__ : 'unknown';
