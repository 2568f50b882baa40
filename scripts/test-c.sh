#!/usr/bin/env bash
# Native C tests of the portable core (gcc), so kernels are tested without WASM.
# Every native/test/test_*.c (test_aead.c included) is its own program linked with native/common/*/*.c;
# each runs twice: optimized, and with AddressSanitizer + UBSan; then with the
# AVX2 kernels, cross-compiled for AArch64 under qemu (portable and NEON), and
# as WASI programs. Then the constant-time check (native/test/ct_mldsa.c) under
# valgrind and MemorySanitizer (x86-64 only: neither runs under qemu-user).
set -euo pipefail
shopt -s nullglob
cd "$(dirname "$0")/.."
OUT=build/ctest
mkdir -p "$OUT"
node scripts/gen-c-vectors.mjs   # vectors/ -> build/c-vectors for native/test/test_vectors.c (no-op when up to date)
node scripts/gen-bn254-vectors.mjs   # vectors/bn254 (+ @noble/curves cases) -> build/c-vectors for test_bn254.c
CC=${CC:-gcc}
SRC=(native/common/*/*.c)
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
# Poly1305 in 26-bit limbs (the wasm32 form, aead/poly1305.h) natively too, with the sanitizers.
"$CC" "${CFLAGS[@]}" -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -U__SIZEOF_INT128__ \
  native/test/test_aead.c "${SRC[@]}" -o "$OUT/test_aead-limb26-san"
run "[poly1305 26-bit limbs asan+ubsan]" "$OUT/test_aead-limb26-san"
# BN254 Fp with 8 x 32-bit limbs as the reference (the wasm32 form, bn254/kernels_bn254_ref.c) natively.
"$CC" "${CFLAGS[@]}" -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -U__SIZEOF_INT128__ \
  native/test/test_bn254_field.c "${SRC[@]}" -o "$OUT/test_bn254_field-limb32-san"
run "[bn254 32-bit limbs asan+ubsan]" "$OUT/test_bn254_field-limb32-san"
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

# AArch64: the same tests cross-compiled (gcc-aarch64-linux-gnu) and run under
# qemu-aarch64: the portable kernels, the NEON kernels (native/arm64) with and
# without the SHA3 extension (qemu's CPU model has it), and the NEON build with
# AddressSanitizer + UBSan (LeakSanitizer does not work under qemu-user).
if command -v aarch64-linux-gnu-gcc >/dev/null 2>&1 && command -v qemu-aarch64 >/dev/null 2>&1; then
  ACC=aarch64-linux-gnu-gcc
  QEMU=(qemu-aarch64 -L /usr/aarch64-linux-gnu)
  # the NEON kernels as the cores build them, plus the test-only forms of the NTT
  # (native/arm64/dev: intrinsics, clean .S) that test_mldsa_neon.c compares them with
  ARM_SRC=(native/arm64/*.c native/arm64/*.S native/arm64/dev/*.c native/arm64/dev/*.S)
  for t in native/test/test_*.c; do
    name=$(basename "$t" .c)
    "$ACC" "${CFLAGS[@]}" -O2 "$t" "${SRC[@]}" -o "$OUT/$name-arm64"
    run "[arm64 portable]" env PQ_VECTORS_EVERY=2 "${QEMU[@]}" "$OUT/$name-arm64"
    "$ACC" "${CFLAGS[@]}" -O2 -march=armv8-a -DPQ_TARGET_ARM64_NEON "$t" "${SRC[@]}" "${ARM_SRC[@]}" -o "$OUT/$name-neon"
    run "[arm64 neon]" "${QEMU[@]}" "$OUT/$name-neon"
    "$ACC" "${CFLAGS[@]}" -O2 -march=armv8.2-a+sha3 -DPQ_TARGET_ARM64_NEON "$t" "${SRC[@]}" "${ARM_SRC[@]}" -o "$OUT/$name-neon-sha3"
    run "[arm64 neon-sha3]" "${QEMU[@]}" "$OUT/$name-neon-sha3"
    "$ACC" "${CFLAGS[@]}" -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -march=armv8.2-a+sha3 -DPQ_TARGET_ARM64_NEON "$t" "${SRC[@]}" "${ARM_SRC[@]}" -o "$OUT/$name-neon-san"
    run "[arm64 neon asan+ubsan]" env ASAN_OPTIONS=detect_leaks=0 PQ_VECTORS_EVERY=8 "${QEMU[@]}" "$OUT/$name-neon-san"
  done
else
  echo "[arm64] gcc-aarch64-linux-gnu or qemu-user missing (bash scripts/setup.sh installs them)"
  fail=$((fail + 1))
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

# Constant-time check of keygen/sign (native/test/ct_mldsa.c) and of the AEAD family's seal, open,
# stream_xor, Poly1305, subkeys and secretstream (native/test/ct_aead.c): secrets marked undefined,
# and every branch or memory index that depends on them reported, for each x86-64 core: portable
# and AVX2 under valgrind memcheck, and all three (AVX-512 included, which valgrind cannot execute)
# under clang's MemorySanitizer. Each checker must also flag the deliberate leak of `ct_* control`.
ct_check() { # label "valgrind"|"msan" binary [summary name, default ct-mldsa]
  local label=$1 tool=$2 bin=$3 name=${4:-ct-mldsa} log="$OUT/$(basename "$3").log" found
  if [ "$tool" = valgrind ]; then
    valgrind --error-exitcode=3 "$bin" >"$log" 2>&1 || true
    found=$(sed -n 's/.*ERROR SUMMARY: \([0-9]*\) errors.*/\1/p' "$log" | tail -n 1)
    valgrind --error-exitcode=3 "$bin" control >"$log.control" 2>&1 || true
    control=$(sed -n 's/.*ERROR SUMMARY: \([0-9]*\) errors.*/\1/p' "$log.control" | tail -n 1)
  else
    MSAN_OPTIONS=halt_on_error=0 "$bin" >"$log" 2>&1 || true
    found=$(grep -c 'WARNING: MemorySanitizer' "$log" || true)
    MSAN_OPTIONS=halt_on_error=0 "$bin" control >"$log.control" 2>&1 || true
    control=$(grep -c 'WARNING: MemorySanitizer' "$log.control" || true)
  fi
  echo "$label secret-dependent branches/loads found: ${found:-?} (the deliberate control: ${control:-?}, must be >= 2)"
  if [ "${found:-1}" != 0 ] || ! grep -q "$name: [0-9]* passed, 0 failed" "$log"; then
    head -40 "$log"
    echo "$label FAILED (see above)"
    fail=$((fail + 1))
  elif [ "${control:-0}" -lt 2 ]; then
    echo "$label FAILED: the checker did not report the deliberate leak"
    fail=$((fail + 1))
  else
    run "$label" grep "$name:" "$log"
  fi
}
if command -v valgrind >/dev/null 2>&1; then
  for ct in mldsa aead; do
    "$CC" "${CFLAGS[@]}" -O2 -g -DPQ_CT_TESTING "native/test/ct_$ct.c" "${SRC[@]}" -o "$OUT/ct_$ct"
    ct_check "[valgrind-ct $ct portable]" valgrind "$OUT/ct_$ct" "ct-$ct"
    if grep -qw avx2 /proc/cpuinfo; then
      "$CC" "${CFLAGS[@]}" -O2 -g -mavx2 -mbmi -mbmi2 -DPQ_TARGET_X86_AVX2 -DPQ_CT_TESTING "native/test/ct_$ct.c" "${SRC[@]}" native/x86_64/*.c -o "$OUT/ct_${ct}_avx2"
      ct_check "[valgrind-ct $ct avx2]" valgrind "$OUT/ct_${ct}_avx2" "ct-$ct"
    fi
  done
else
  echo "[valgrind-ct] valgrind missing (bash scripts/setup.sh installs it)"
  fail=$((fail + 1))
fi
if ls /usr/lib/llvm-19/lib/clang/19/lib/linux/libclang_rt.msan-x86_64.a >/dev/null 2>&1; then
  MSAN=(clang-19 -std=c11 -O1 -g -fsanitize=memory -fno-sanitize-memory-param-retval -fsanitize-recover=memory
    -DPQ_CT_TESTING -DPQ_CT_MSAN -Inative/common)
  for ct in mldsa aead; do
    "${MSAN[@]}" "native/test/ct_$ct.c" "${SRC[@]}" -o "$OUT/ct_${ct}_msan"
    ct_check "[msan-ct $ct portable]" msan "$OUT/ct_${ct}_msan" "ct-$ct"
    if grep -qw avx2 /proc/cpuinfo; then
      "${MSAN[@]}" -mavx2 -mbmi -mbmi2 -DPQ_TARGET_X86_AVX2 "native/test/ct_$ct.c" "${SRC[@]}" native/x86_64/*.c -o "$OUT/ct_${ct}_msan_avx2"
      ct_check "[msan-ct $ct avx2]" msan "$OUT/ct_${ct}_msan_avx2" "ct-$ct"
    fi
    if grep -qw avx512vl /proc/cpuinfo; then
      "${MSAN[@]}" -mavx2 -mbmi -mbmi2 -mavx512f -mavx512vl -DPQ_TARGET_X86_AVX2 "native/test/ct_$ct.c" "${SRC[@]}" native/x86_64/*.c -o "$OUT/ct_${ct}_msan_avx512"
      ct_check "[msan-ct $ct avx512]" msan "$OUT/ct_${ct}_msan_avx512" "ct-$ct"
    fi
  done
else
  echo "[msan-ct] clang's MemorySanitizer runtime missing (libclang-rt-19-dev; bash scripts/setup.sh installs it)"
  fail=$((fail + 1))
fi
echo "c-core: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
