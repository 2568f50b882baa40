// What the pqsimd/bn254 suites share: the built package (what users get) and one independent
// instance of the family per backend this runtime runs, plus the reference side (bn254-ref.ts:
// the vectors in vectors/bn254 and @noble/curves bn254 with the EIP-196/197 encodings).
import { availableBackends, type Bn254Backend, loadBackend } from '../../dist/bn254.node.mjs';

export * from '../../dist/bn254.node.mjs';
export * from './bn254-ref.js';

/** Every backend this runtime can run (vitest starts Node with relaxed SIMD enabled). */
export const BN_BACKENDS = availableBackends();

let all: Promise<Map<string, Bn254Backend>> | undefined;
/** One instance of the BN254 family per backend, loaded once per test file. */
export function loadAll(): Promise<Map<string, Bn254Backend>> {
  all ??= (async () => {
    const m = new Map<string, Bn254Backend>();
    for (const b of BN_BACKENDS) m.set(b, await loadBackend(b));
    return m;
  })();
  return all;
}
