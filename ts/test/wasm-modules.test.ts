// The WASM modules as built: one per family and core, exporting exactly the family's entries of the
// binding declaration (native/common/binding/pq_binding.h), and SIMD code that kept the fast forms the
// kernels were written for (GUIDE: clang turns i64x2.extmul by a constant into extend + i64x2.mul,
// which V8 runs slowly; wasm2wat from Debian's wabt shows what the hot loops became).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENTRIES } from '../src/gen/binding.js';

const root = resolve(__dirname, '../..');
const FAMILIES = ['mldsa', 'falcon', 'aead', 'bn254'] as const;
const CORES = ['scalar', 'simd', 'relaxed'] as const;
const wasm = (f: string, c: string) => join(root, 'build/wasm', `${f}-${c}.wasm`);

describe('WASM modules', () => {
  for (const family of FAMILIES) {
    for (const core of CORES) {
      it(`${family}-${core}.wasm exports exactly its family's binding entries`, () => {
        const mod = new WebAssembly.Module(readFileSync(wasm(family, core)));
        const got = WebAssembly.Module.exports(mod)
          .map((e) => e.name)
          .sort();
        const want = ['memory', '__heap_base', 'pq_bind_state_bytes'];
        for (const [name, e] of Object.entries(ENTRIES)) {
          if (e.family !== family) continue;
          want.push(`pq_bind_${name}`);
          if (e.streamed !== 0) want.push(`pq_bind_${name}_begin`, `pq_bind_${name}_update`);
        }
        expect(got).toEqual(want.sort());
        expect(WebAssembly.Module.imports(mod)).toEqual([]);
      });
    }
  }

  it('the ML-DSA SIMD modules keep i64x2.extmul (no slow i64x2.mul by a constant)', () => {
    for (const core of ['simd', 'relaxed']) {
      const wat = execFileSync('wasm2wat', ['--enable-all', wasm('mldsa', core)], { encoding: 'utf8', maxBuffer: 64 << 20 });
      expect((wat.match(/i64x2\.extmul_(low|high)_i32x4_s/g) ?? []).length, core).toBeGreaterThan(64);
      expect(wat.includes('i64x2.mul'), core).toBe(false);
    }
  });

  it('a family module holds only its own code (Falcon is much smaller than ML-DSA)', () => {
    for (const core of CORES) {
      const m = readFileSync(wasm('mldsa', core)).length;
      const f = readFileSync(wasm('falcon', core)).length;
      expect(f, core).toBeLessThan(m * 0.7);
    }
  });
});
