/**
 * The benchmark core shared by `pqsimd bench` (ts/src/cli/bench.ts), the web-bench page
 * (web-bench/src) and `npm run bench:browser` (scripts/bench-browser): interleaved timing of
 * several implementations, the clock (a hardware tick counter when given, else
 * performance.now()), medians and percentiles, and Markdown / JSON output.
 *
 * Platform-neutral: no node: imports, no DOM; it runs in Node, in browsers and in workers.
 */
export * from './stats.js';
export * from './measure.js';
export * from './report.js';
export * from './aead.js';
export * from './bn254.js';
export * from './bn254-fixtures.js';
