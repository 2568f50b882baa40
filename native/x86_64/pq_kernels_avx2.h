/* x86-64 AVX2 kernels: each #define here replaces one portable kernel of
 * native/common/pq_kernels.h in the native-avx2 build of the Node addon.
 * Every kernel keeps the bounds stated there and is tested against the
 * portable C by native/test (scripts/test-c.sh builds them with -mavx2). */
#ifndef PQ_KERNELS_AVX2_H
#define PQ_KERNELS_AVX2_H
#include <stdint.h>

/* ML-DSA kernels (native/x86_64/mldsa_avx2.c) */

/* Keccak and Falcon kernels (native/x86_64/keccak_avx2.c, falcon_avx2.c) */

#endif
