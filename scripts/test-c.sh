#!/usr/bin/env bash
# Native C tests of the portable core (gcc), so kernels are tested without WASM.
# Every native/test/test_*.c is its own program linked with native/common/*.c;
# each runs twice: optimized, and with AddressSanitizer + UBSan. Then the
# constant-time check (native/test/ct_mldsa.c) under valgrind.
set -euo pipefail
shopt -s nullglob
cd "$(dirname "$0")/.."
OUT=build/ctest
mkdir -p "$OUT"
CC=${CC:-gcc}
SRC=(native/common/*.c)
CFLAGS=(-std=c11 -Wall -Wextra -Werror -Inative/common)
pass=0 fail=0
run() { # label command...
  local line label=$1; shift
  if line=$("$@" | tail -n 1); then :; else :; fi
  echo "$label $line"
  local p f
  p=$(sed -n 's/.*: \([0-9]*\) passed, \([0-9]*\) failed.*/\1/p' <<<"$line")
  f=$(sed -n 's/.*: \([0-9]*\) passed, \([0-9]*\) failed.*/\2/p' <<<"$line")
  if [ -z "$p" ]; then fail=$((fail + 1)); echo "  (no summary line: the test crashed)"; return; fi
  pass=$((pass + p)); fail=$((fail + f))
}
for t in native/test/test_*.c; do
  name=$(basename "$t" .c)
  "$CC" "${CFLAGS[@]}" -O2 "$t" "${SRC[@]}" -o "$OUT/$name"
  run "[-O2]" "$OUT/$name"
  "$CC" "${CFLAGS[@]}" -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all "$t" "${SRC[@]}" -o "$OUT/$name-san"
  run "[asan+ubsan]" "$OUT/$name-san"
done
# The same tests with the AVX2 kernels (native/x86_64), where this CPU has AVX2.
if grep -qw avx2 /proc/cpuinfo; then
  for t in native/test/test_*.c; do
    name=$(basename "$t" .c)
    "$CC" "${CFLAGS[@]}" -O2 -mavx2 -mbmi -mbmi2 -DPQ_TARGET_X86_AVX2 "$t" "${SRC[@]}" native/x86_64/*.c -o "$OUT/$name-avx2"
    run "[avx2]" "$OUT/$name-avx2"
    "$CC" "${CFLAGS[@]}" -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -mavx2 -mbmi -mbmi2 -DPQ_TARGET_X86_AVX2 "$t" "${SRC[@]}" native/x86_64/*.c -o "$OUT/$name-avx2-san"
    run "[avx2 asan+ubsan]" "$OUT/$name-avx2-san"
    if grep -qw avx512vl /proc/cpuinfo; then
      "$CC" "${CFLAGS[@]}" -O2 -mavx2 -mbmi -mbmi2 -mavx512f -mavx512vl -DPQ_TARGET_X86_AVX2 "$t" "${SRC[@]}" native/x86_64/*.c -o "$OUT/$name-avx512"
      run "[avx512]" "$OUT/$name-avx512"
    fi
  done
else
  echo "[avx2] skipped: this CPU has no AVX2"
fi

# The same tests compiled for WebAssembly (wasm32-wasi, Debian's wasi-libc) and
# run under Node: once with the portable kernels (the wasm-scalar build) and
# once with the SIMD128 kernels (the wasm-simd build) and once more with relaxed
# SIMD enabled (the wasm-relaxed build), so every target kernel is
# checked against the portable reference and the definitions.
WCC=${WCC:-clang-19}
WFLAGS=(--target=wasm32-wasi -std=c11 -O2 -Wall -Wextra -Werror -Inative/common -Wl,-z,stack-size=4194304)
for t in native/test/test_*.c; do
  name=$(basename "$t" .c)
  "$WCC" "${WFLAGS[@]}" -mno-simd128 "$t" "${SRC[@]}" -o "$OUT/$name-scalar.wasm"
  run "[wasm-scalar]" node scripts/run-wasi.mjs "$OUT/$name-scalar.wasm"
  "$WCC" "${WFLAGS[@]}" -msimd128 -DPQ_TARGET_WASM_SIMD "$t" "${SRC[@]}" native/wasm-simd/*.c -o "$OUT/$name-simd.wasm"
  run "[wasm-simd]" node scripts/run-wasi.mjs "$OUT/$name-simd.wasm"
  "$WCC" "${WFLAGS[@]}" -msimd128 -mrelaxed-simd -DPQ_TARGET_WASM_SIMD "$t" "${SRC[@]}" native/wasm-simd/*.c -o "$OUT/$name-relaxed.wasm"
  run "[wasm-relaxed]" node --experimental-wasm-relaxed-simd scripts/run-wasi.mjs "$OUT/$name-relaxed.wasm"
done

# Constant-time check of keygen/sign: secrets marked undefined for valgrind memcheck.
"$CC" "${CFLAGS[@]}" -O2 -g -DPQ_CT_TESTING native/test/ct_mldsa.c "${SRC[@]}" -o "$OUT/ct_mldsa"
if command -v valgrind >/dev/null 2>&1; then
  if valgrind -q --error-exitcode=3 "$OUT/ct_mldsa" >"$OUT/ct_mldsa.log" 2>&1; then
    run "[valgrind-ct]" cat "$OUT/ct_mldsa.log"
  else
    cat "$OUT/ct_mldsa.log" | head -40
    echo "[valgrind-ct] secret-dependent branch or index found (see above)"
    fail=$((fail + 1))
  fi
  if grep -qw avx2 /proc/cpuinfo; then
    "$CC" "${CFLAGS[@]}" -O2 -g -mavx2 -mbmi -mbmi2 -DPQ_TARGET_X86_AVX2 -DPQ_CT_TESTING native/test/ct_mldsa.c "${SRC[@]}" native/x86_64/*.c -o "$OUT/ct_mldsa_avx2"
    if valgrind -q --error-exitcode=3 "$OUT/ct_mldsa_avx2" >"$OUT/ct_mldsa_avx2.log" 2>&1; then
      run "[valgrind-ct avx2]" cat "$OUT/ct_mldsa_avx2.log"
    else
      head -40 "$OUT/ct_mldsa_avx2.log"
      echo "[valgrind-ct avx2] secret-dependent branch or index found (see above)"
      fail=$((fail + 1))
    fi
  fi
else
  echo "[valgrind-ct] skipped: valgrind not installed"
fi
echo "c-core: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
