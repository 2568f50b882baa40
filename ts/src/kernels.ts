/** The benchmark hook: one kernel run many times inside a backend (native/common/pq_bench.h). */

/** Kernels `kernels.run` can time, in the C core's id order (PQ_BENCH_*). */
export const KERNEL_NAMES = [
  'ML-DSA NTT',
  'ML-DSA inverse NTT',
  'ML-DSA multiply-accumulate (5 products)',
  'Keccak-f1600 x1',
  'Keccak-f1600 x2 (2 permutations)',
  'ML-DSA uniform sampling (256 coeffs)',
  'ML-DSA decompose',
  'Falcon-512 NTT',
  'Falcon-512 inverse NTT',
  'Falcon-512 hash-to-point',
] as const;
export type KernelName = (typeof KERNEL_NAMES)[number];

/** The first Falcon kernel id: the ids before it belong to the ML-DSA family's module. */
export const FIRST_FALCON_KERNEL = 7;

export interface Kernels {
  /** Bytes of WASM linear memory the backend's instances hold (0 on the native addon): constant,
   * whatever the inputs of the signature families (their arguments always fit the WASM driver's
   * 128 KiB arena; only the AEAD family's associated data can make it grow). */
  wasmMemoryBytes(): number;
  /** Runs one kernel `iterations` times inside the backend on fixed data (benchmark hook). */
  run(name: KernelName, iterations: number): void;
  /** Runs the forward NTT `iterations` times inside the backend. */
  nttLoop(iterations: number): void;
  /** Runs the inverse NTT `iterations` times inside the backend. */
  invnttLoop(iterations: number): void;
}

/** Kernels over the families' bench hooks (a family that is not loaded has none). */
export function kernels(
  mldsa: ((id: number, n: number) => number) | undefined,
  falcon: ((id: number, n: number) => number) | undefined,
  memory: () => number = () => 0,
): Kernels {
  const run = (id: number, iterations: number): void => {
    const f = id < FIRST_FALCON_KERNEL ? mldsa : falcon;
    if (!f) throw new Error(`pqsimd: kernel "${KERNEL_NAMES[id]}" needs the ${id < FIRST_FALCON_KERNEL ? 'ML-DSA' : 'Falcon'} family`);
    f(id, iterations >>> 0);
  };
  return Object.freeze({
    run(kernel: KernelName, iterations: number): void {
      const id = KERNEL_NAMES.indexOf(kernel);
      if (id < 0) throw new RangeError(`kernel: unknown kernel "${String(kernel)}"`);
      run(id, iterations);
    },
    nttLoop: (iterations: number) => run(0, iterations),
    invnttLoop: (iterations: number) => run(1, iterations),
    wasmMemoryBytes: memory,
  });
}
