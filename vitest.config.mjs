import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['ts/test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // 2-core machines: one worker per core, each file in its own process.
    pool: 'forks',
    // Node 20 runs relaxed SIMD only behind this flag: with it, every suite that
    // loops over availableBackends() also covers the wasm-relaxed build.
    execArgv: ['--experimental-wasm-relaxed-simd', '--expose-gc'],
  },
});
