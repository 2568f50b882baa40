/* WebAssembly SIMD128 kernels: each #define here replaces one portable kernel
 * of native/common/pq_kernels.h. (Hand-written SIMD kernels arrive with the
 * WASM SIMD issue; until then this build is the portable C auto-vectorized
 * with -msimd128.) */
#ifndef PQ_KERNELS_WASM_SIMD_H
#define PQ_KERNELS_WASM_SIMD_H
#endif
