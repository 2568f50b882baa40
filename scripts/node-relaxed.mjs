#!/usr/bin/env node
// node-relaxed.mjs <script> [args...]: runs `node <script> args` with relaxed WebAssembly SIMD on,
// so the wasm-relaxed backend is measured and tested too. Node >= 22 ships relaxed SIMD (and
// rejects --experimental-wasm-relaxed-simd as a bad option); Node 20 has it behind that flag,
// which this adds only when this Node needs and accepts it. Used by npm start / bench scripts.
import { spawnSync } from 'node:child_process';

const FLAG = '--experimental-wasm-relaxed-simd';
// i8x16.relaxed_swizzle: valid only where relaxed SIMD is on (ts/src/core/backends.ts has the same probe)
const RELAXED_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 43, 1, 41, 0, 253, 12, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 253, 12, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 253, 128, 2, 11,
]);
const needsFlag = !WebAssembly.validate(RELAXED_PROBE) && spawnSync(process.execPath, [FLAG, '-e', '0'], { stdio: 'ignore' }).status === 0;
const r = spawnSync(process.execPath, [...(needsFlag ? [FLAG] : []), ...process.argv.slice(2)], { stdio: 'inherit' });
if (r.error) throw r.error;
process.exit(r.status ?? 1);
