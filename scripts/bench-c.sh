#!/usr/bin/env bash
# Native speed of the portable C core (gcc -O3, no SIMD kernels), best of 5 runs:
# the yardstick for the WASM backends. Not part of the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p build/ctest
gcc -std=c11 -O3 -march=native -Inative/common native/test/bench_mldsa.c native/common/*.c -o build/ctest/bench_mldsa
echo "native C (gcc -O3 -march=native, portable kernels) on $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
build/ctest/bench_mldsa
