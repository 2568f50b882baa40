// This family's WASM core, a chunk of its own: loaded by a dynamic import() only when it is the one
// this engine runs (core/backends.ts).
export { default } from '../../../build/wasm/bn254-scalar.wasm';
