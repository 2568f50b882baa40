// The download budget (issue #11): production builds (esbuild and Vite) of a verify-only ML-DSA-65
// app download at most 60 KiB gzip in Chromium, the WASM core included (scripts/bundle-size.mjs
// builds the apps, serves them and counts what Chromium fetched); an XChaCha20-Poly1305 app
// (pqsimd/aead, issue 13) at most 34 KiB, with its own WASM core only (32.0 KiB with Vite at 961b22d:
// the stitched ChaCha20-Poly1305 kernels and ready()'s precompiled-module path came after the first
// 26 KiB; docs/bundle-size.md has the files).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');

describe('bundle size in Chromium', () => {
  it('a verify-only ML-DSA-65 app downloads at most 60 KiB (gzip), with esbuild and with Vite', () => {
    const json = join(root, 'build/bundle-size.json');
    execFileSync(process.execPath, ['scripts/bundle-size.mjs', '--check', '--out', join(root, 'build/bundle-size.md'), '--json', json], {
      cwd: root,
      stdio: 'pipe',
    });
    const { limit, results } = JSON.parse(readFileSync(json, 'utf8')) as {
      limit: number;
      results: { id: string; bundler: string; total: number; files: { file: string }[] }[];
    };
    const apps = results.filter((r) => r.id === 'mldsa65-verify');
    expect(apps.map((r) => r.bundler).sort()).toEqual(['Vite', 'esbuild']);
    for (const r of apps) {
      expect(r.total, r.bundler).toBeLessThanOrEqual(limit);
      // exactly one WASM core, and no Falcon code
      expect(
        r.files.filter((f) => /wasm-(relaxed|simd|scalar)/.test(f.file)),
        r.bundler,
      ).toHaveLength(1);
    }
    // Falcon alone does not download the ML-DSA core, and "everything" downloads both
    const falcon = results.filter((r) => r.id === 'falcon512-verify');
    for (const r of falcon) expect(r.total, r.bundler).toBeLessThan(apps[0]!.total);
    // an XChaCha20-Poly1305 app (pqsimd/aead): its own WASM core only, well under the signature apps
    const aead = results.filter((r) => r.id === 'xchacha20poly1305');
    expect(aead.map((r) => r.bundler).sort()).toEqual(['Vite', 'esbuild']);
    for (const r of aead) {
      expect(
        r.files.filter((f) => /wasm-(relaxed|simd|scalar)/.test(f.file)),
        r.bundler,
      ).toHaveLength(1);
      expect(r.total, r.bundler).toBeLessThan(apps[0]!.total);
      expect(r.total, r.bundler).toBeLessThanOrEqual(34 * 1024);
    }
  }, 300_000);
});
