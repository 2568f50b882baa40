#!/usr/bin/env node
// Runs a wasm32-wasi test program (a native/test/*.c built for WASM) under
// Node's WASI and exits with its exit code. Used by scripts/test-c.sh so the
// same C tests check every WASM target's kernels against the portable C.
import { readFileSync } from 'node:fs';
import { WASI } from 'node:wasi';

process.removeAllListeners('warning'); // node:wasi prints an "experimental" warning
const wasi = new WASI({ version: 'preview1', args: [process.argv[2]], env: {}, returnOnExit: true });
const module = await WebAssembly.compile(readFileSync(process.argv[2]));
const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
process.exitCode = wasi.start(instance);
