#!/usr/bin/env bash
# Native speed of the C core without N-API or JS (gcc -O3): median, 10th and 99th percentile TSC
# ticks of single calls (2001 per row, or the count given: bash scripts/bench-c.sh 101), for the
# portable kernels and (on x86-64 with AVX2 / AVX-512VL) the AVX2 kernels. sign and verify are
# the full operations with mu = H(tr || M') (and verify's tr = H(pk)), a 59-byte message and a
# 1-byte context, as mldsa-native's test/bench_mldsa.c measures them; the "(mu given)" rows are
# Sign_internal / Verify_internal alone. Then the BN254 rows (native/test/bench_bn254.c: the field
# kernels, pairing, precompiles and Groth16 through the bench entry). Not part of the tests.
set -euo pipefail
shopt -s nullglob
cd "$(dirname "$0")/.."
SAMPLES=${1:-2001}
mkdir -p build/ctest
echo "CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); TSC $(grep -m1 'cpu MHz' /proc/cpuinfo | cut -d: -f2 | xargs) MHz"
gcc -std=c11 -O3 -Inative/common native/test/bench_mldsa.c native/common/*/*.c -o build/ctest/bench_mldsa
echo "portable kernels (gcc -O3):"
build/ctest/bench_mldsa "$SAMPLES"
if grep -qw avx2 /proc/cpuinfo; then
  gcc -std=c11 -O3 -mavx2 -mbmi -mbmi2 -DPQ_TARGET_X86_AVX2 -Inative/common native/test/bench_mldsa.c native/common/*/*.c native/x86_64/*.c -o build/ctest/bench_mldsa_avx2
  echo "AVX2 kernels (gcc -O3 -mavx2 -mbmi -mbmi2):"
  build/ctest/bench_mldsa_avx2 "$SAMPLES"
fi
if grep -qw avx512vl /proc/cpuinfo; then
  gcc -std=c11 -O3 -mavx2 -mbmi -mbmi2 -madx -mavx512f -mavx512vl -DPQ_TARGET_X86_AVX2 -Inative/common native/test/bench_mldsa.c native/common/*/*.c native/x86_64/*.c -o build/ctest/bench_mldsa_avx512
  echo "AVX2 kernels with AVX-512VL (gcc -O3 -mavx512vl):"
  build/ctest/bench_mldsa_avx512 "$SAMPLES"
fi
gcc -std=c11 -O3 -Inative/common native/test/bench_bn254.c native/common/*/*.c -o build/ctest/bench_bn254
echo "BN254, portable kernels (gcc -O3):"
build/ctest/bench_bn254
if grep -qw avx2 /proc/cpuinfo; then
  gcc -std=c11 -O3 -mavx2 -mbmi -mbmi2 -DPQ_TARGET_X86_AVX2 -Inative/common native/test/bench_bn254.c native/common/*/*.c native/x86_64/*.c -o build/ctest/bench_bn254_avx2
  echo "BN254, x86-64 kernels (gcc -O3 -mavx2 -mbmi -mbmi2):"
  build/ctest/bench_bn254_avx2
fi
