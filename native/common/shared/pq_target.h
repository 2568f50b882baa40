/* The kernel target of a build, shared by the four kernel interfaces
 * (mldsa/kernels_mldsa.h, shared/kernels_keccak.h, falcon/kernels_falcon.h,
 * aead/kernels_aead.h).
 *
 * Each interface declares its portable reference kernels (pq_ref_*, the
 * reference and the fallback) with their input/output bounds, then includes
 * this header, then #defines every pq_<kernel> name the target left alone to
 * its pq_ref_<kernel>. PQ_TARGET_* selects at most one target header, which
 * #defines the names it replaces, in four sections in this order: ML-DSA,
 * Keccak, Falcon, AEAD:
 *   PQ_TARGET_X86_AVX2    native/x86_64/pq_kernels_avx2.h
 *   PQ_TARGET_ARM64_NEON  native/arm64/pq_kernels_neon.h
 *   PQ_TARGET_WASM_SIMD   native/wasm-simd/pq_kernels_wasm_simd.h
 * Every replacement must give results identical to the reference for all
 * inputs inside the stated bounds (tests in native/test/ check this); the one
 * exception is PQ_NTT_EXACT (mldsa/kernels_mldsa.h). */
#ifndef PQ_TARGET_H
#define PQ_TARGET_H
#if defined(PQ_TARGET_WASM_SIMD)
#include "../../wasm-simd/pq_kernels_wasm_simd.h"
#elif defined(PQ_TARGET_X86_AVX2)
#include "../../x86_64/pq_kernels_avx2.h"
#elif defined(PQ_TARGET_ARM64_NEON)
#include "../../arm64/pq_kernels_neon.h"
#endif
#endif
