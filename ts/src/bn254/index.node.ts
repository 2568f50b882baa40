/** pqsimd/bn254 for Node: the family plus the native addon's backends. */
import { registerNativeOnce } from '../native-register.js';

registerNativeOnce();

export { tickCounter, type TickCounter } from '../native-register.js';
export * from './index.js';
