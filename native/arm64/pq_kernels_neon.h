/* AArch64 NEON kernels: each #define in the two headers below replaces one
 * portable kernel of native/common/<family>/kernels_<family>.h in the native-neon and
 * native-neon-sha3 builds of the Node addon (PQ_TARGET_ARM64_NEON; the -sha3
 * build adds -march=armv8.2-a+sha3, which turns on the Keccak SHA3-extension
 * code paths through __ARM_FEATURE_SHA3). Tested against the portable C under
 * qemu-aarch64 by scripts/test-c.sh.
 *
 * PQ_NEON_SKIP_MLDSA / PQ_NEON_SKIP_KF leave one half on the portable kernels
 * (used while a half is being developed or measured on its own). */
#ifndef PQ_KERNELS_NEON_H
#define PQ_KERNELS_NEON_H
#ifndef PQ_NEON_SKIP_MLDSA
#include "pq_kernels_neon_mldsa.h"
#endif
#ifndef PQ_NEON_SKIP_KF
#include "pq_kernels_neon_kf.h"
#endif
#endif
