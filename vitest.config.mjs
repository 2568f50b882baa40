import { defineConfig } from 'vitest/config';

const NODE_MAJOR = Number(process.versions.node.split('.')[0]);

export default defineConfig({
  test: {
    include: ['ts/test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // 2-core machines: one worker per core, each file in its own process.
    pool: 'forks',
    // Node 20 runs relaxed SIMD only behind this flag: with it, every suite that
    // loops over availableBackends() also covers the wasm-relaxed build. Node >= 22
    // has it on by default and refuses the flag ("bad option").
    execArgv: [...(NODE_MAJOR < 22 ? ['--experimental-wasm-relaxed-simd'] : []), '--expose-gc'],
  },
});
