// What the scripts' page.evaluate() and waitForFunction() callbacks read in the browser page, for
// the type check of scripts/ (tsconfig.scripts.json). Declarations only: nothing imports this file.
import type { AeadRow } from '../bench/aead.ts';
import type { Bn254Row } from '../bench/bn254.ts';
import type { Report } from '../web-bench/src/shared.ts';

declare global {
  interface Window {
    /** scripts/bench-browser/index.html: set once the page's modules have loaded. */
    pqBenchReady?: boolean;
    /** scripts/bench-browser/index.html */
    pqBench: {
      info(): {
        availableBackends: string[];
        userAgent: string;
        crossOriginIsolated: boolean;
        isSecureContext: boolean;
        hardwareConcurrency: number;
      };
      /** scripts/bench-browser/core.mjs benchAll(): per algorithm, { info, cells }. */
      run(data: Record<string, unknown>, opts: { warmupMs: number; runMs: number; runs: number }): Promise<Record<string, unknown>>;
      /** scripts/bench-browser/core.mjs benchAead() on the page's WASM backends. */
      aead(opts: { sizes: number[]; warmupMs: number; runMs: number; runs: number }): Promise<{ rows: AeadRow[]; checks: Record<string, unknown> }>;
      /** @noble/ciphers and libsodium-wrappers versions bundled into the page. */
      aeadVersions(): { noble: string; libsodiumWrappers: string; libsodium: string };
      /** scripts/bench-browser/core.mjs benchBn254() on the page's WASM backends. */
      bn254(opts: { warmupMs: number; runMs: number; runs: number }): Promise<{ rows: Bn254Row[]; checks: Record<string, string[]> }>;
    };
    /** web-bench/src/app.ts (for tests and automation). */
    webBench?: {
      readonly state: string;
      readonly status: string;
      readonly env: Record<string, string>;
      readonly report: Report | null;
      readonly errors: string[];
      markdown(): string;
    };
  }
}
