#!/usr/bin/env node
// Runs a wasm32-wasi test program (a native/test/*.c built for WASM) under
// Node's WASI and exits with its exit code. Used by scripts/test-c.sh so the
// same C tests check every WASM target's kernels against the portable C.
//
// File-system access: only the converted test vectors for native/test/test_vectors.c
// (scripts/gen-c-vectors.mjs), preopened as `build/c-vectors` (the repo's directory, when
// it exists), or the directory named by PQ_C_VECTORS under that same name. The program
// only reads them (Node's WASI has no read-only preopen). Environment: only
// PQ_VECTORS_EVERY and PQ_C_VECTORS are passed on.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WASI } from 'node:wasi';

process.removeAllListeners('warning'); // node:wasi prints an "experimental" warning
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const program = process.argv[2];
if (!program) {
  console.error('usage: node scripts/run-wasi.mjs PROGRAM.wasm');
  process.exit(2);
}
/** @type {Record<string, string>} */
const env = {};
for (const k of ['PQ_VECTORS_EVERY', 'PQ_C_VECTORS']) if (process.env[k]) env[k] = process.env[k];
/** @type {Record<string, string>} */
const preopens = {};
const vecGuest = env.PQ_C_VECTORS ?? 'build/c-vectors';
const vecHost = env.PQ_C_VECTORS ? resolve(env.PQ_C_VECTORS) : join(root, 'build', 'c-vectors');
if (existsSync(vecHost)) preopens[vecGuest] = vecHost;
const wasi = new WASI({ version: 'preview1', args: [program], env, preopens, returnOnExit: true });
const module = await WebAssembly.compile(readFileSync(program));
// (@types/node types getImportObject() as a bare `object`; it is the { wasi_snapshot_preview1 } imports)
const instance = await WebAssembly.instantiate(module, /** @type {WebAssembly.Imports} */ (wasi.getImportObject()));
process.exitCode = wasi.start(instance);
