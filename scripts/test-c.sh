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
JOBS=${PQ_JOBS:-$(nproc)}
# Optional arguments pick tests by name (bash scripts/test-c.sh bn254 aead): a quicker loop while developing.
TESTS=()
for t in native/test/test_*.c; do
  if [ $# -eq 0 ]; then TESTS+=("$t"); continue; fi
  for want in "$@"; do case "$t" in *"$want"*) TESTS+=("$t"); break ;; esac; done
done
pass=0 fail=0
summarize() { # label line: add a program's last line ("<name>: P passed, F failed") to the totals
  local label=$1 line=$2 p f
  echo "$label $line"
  p=$(sed -n 's/.*: \([0-9]*\) passed, \([0-9]*\) failed.*/\1/p' <<<"$line")
  f=$(sed -n 's/.*: \([0-9]*\) passed, \([0-9]*\) failed.*/\2/p' <<<"$line")
  if [ -z "$p" ]; then fail=$((fail + 1)); echo "  (no summary line: the test crashed or did not build)"; return; fi
  pass=$((pass + p)); fail=$((fail + f))
}
run() { # label command...: run in the foreground
  local label=$1 line; shift
  line=$("$@" | tail -n 1) || true
  summarize "$label" "$line"
}
throttle() { while [ "$(jobs -rp | wc -l)" -ge "$JOBS" ]; do wait -n || true; done; }

# Each build of the core (a "variant": compiler, flags, target kernels) is compiled once into an archive,
# its objects in parallel, and every test program links against it; the tests of a variant then run
# JOBS at a time, their results printed in order. (Compiling all of the core for each of ~17 tests x 12
# variants took most of this script's time.)
# variant LABEL CC "COMPILE FLAGS" "LINK FLAGS" "EXTRA SOURCES" "RUNNER (command prefix)"
variant() {
  local label=$1 cc=$2 lflags=() runner=() extra=() cflags=()
  read -r -a cflags <<<"$3"; read -r -a lflags <<<"${4:-}"; read -r -a extra <<<"${5:-}"; read -r -a runner <<<"${6:-}"
  local key; key=$(tr -c 'a-zA-Z0-9\n' _ <<<"$label")
  local dir="$OUT/obj/$key" lib="$OUT/obj/$key.a" s o objs=()
  rm -rf "$dir"; mkdir -p "$dir"
  for s in "${SRC[@]}" "${extra[@]}"; do
    o="$dir/$(tr / _ <<<"${s%.*}").o"; objs+=("$o")
    throttle
    { "$cc" "${CFLAGS[@]}" "${cflags[@]}" -c "$s" -o "$o" || touch "$dir/FAILED"; } &
  done
  wait
  if [ -e "$dir/FAILED" ]; then summarize "$label" "the core did not compile"; return; fi
  rm -f "$lib"; llvm-ar-19 rcs "$lib" "${objs[@]}"
  local t name i=0 res=()
  for t in "${TESTS[@]}"; do
    name=$(basename "$t" .c)
    res+=("$dir/$name.result")
    throttle
    {
      if "$cc" "${CFLAGS[@]}" "${cflags[@]}" "${lflags[@]}" "$t" "$lib" -o "$dir/$name.bin"; then
        "${runner[@]}" "$dir/$name.bin" 2>&1 | tail -n 1 >"$dir/$name.result" || true
      else
        echo "$name did not build" >"$dir/$name.result"
      fi
    } &
  done
  wait
  for o in "${res[@]}"; do summarize "$label" "$(cat "$o")"; done
}
SAN="-O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all"
variant "[-O2]" "$CC" "-O2"
variant "[asan+ubsan]" "$CC" "$SAN"
# Poly1305 in 26-bit limbs (the wasm32 form, aead/poly1305.h) natively too, with the sanitizers,
# and BN254 Fp with 8 x 32-bit limbs as the reference (the wasm32 form, bn254/kernels_bn254_ref.c).
if [ $# -eq 0 ]; then
  "$CC" "${CFLAGS[@]}" $SAN -U__SIZEOF_INT128__ native/test/test_aead.c "${SRC[@]}" -o "$OUT/test_aead-limb26-san" &
  "$CC" "${CFLAGS[@]}" $SAN -U__SIZEOF_INT128__ native/test/test_bn254_field.c "${SRC[@]}" -o "$OUT/test_bn254_field-limb32-san" &
  wait
  run "[poly1305 26-bit limbs asan+ubsan]" "$OUT/test_aead-limb26-san"
  run "[bn254 32-bit limbs asan+ubsan]" "$OUT/test_bn254_field-limb32-san"
fi
# The same tests with the AVX2 kernels (native/x86_64), where this CPU has AVX2.
X86=$(echo native/x86_64/*.c)
if grep -qw avx2 /proc/cpuinfo; then
  variant "[avx2]" "$CC" "-O2 -mavx2 -mbmi -mbmi2 -DPQ_TARGET_X86_AVX2" "" "$X86"
  variant "[avx2 asan+ubsan]" "$CC" "$SAN -mavx2 -mbmi -mbmi2 -DPQ_TARGET_X86_AVX2" "" "$X86"
  if grep -qw avx512vl /proc/cpuinfo; then
    variant "[avx512]" "$CC" "-O2 -mavx2 -mbmi -mbmi2 -madx -mavx512f -mavx512vl -DPQ_TARGET_X86_AVX2" "" "$X86"
  fi
  # the AVX2 core's stitched AEAD kernel is asm under gcc and C under clang: the clang form too
  if [ $# -eq 0 ]; then
    clang-19 "${CFLAGS[@]}" -O2 -mavx2 -mbmi -mbmi2 -DPQ_TARGET_X86_AVX2 native/test/test_aead_stitch.c "${SRC[@]}" native/x86_64/*.c -o "$OUT/test_aead_stitch-avx2-clang"
    run "[avx2 clang]" "$OUT/test_aead_stitch-avx2-clang"
  fi
else
  echo "[avx2] skipped: this CPU has no AVX2"
fi

# AArch64: the same tests cross-compiled (gcc-aarch64-linux-gnu) and run under
# qemu-aarch64: the portable kernels, the NEON kernels (native/arm64) with and
# without the SHA3 extension (qemu's CPU model has it), and the NEON build with
# AddressSanitizer + UBSan (LeakSanitizer does not work under qemu-user).
if command -v aarch64-linux-gnu-gcc >/dev/null 2>&1 && command -v qemu-aarch64 >/dev/null 2>&1; then
  ACC=aarch64-linux-gnu-gcc
  QEMU="qemu-aarch64 -L /usr/aarch64-linux-gnu"
  # the NEON kernels as the cores build them, plus the test-only forms of the NTT
  # (native/arm64/dev: intrinsics, clean .S) that test_mldsa_neon.c compares them with
  ARM_SRC=$(echo native/arm64/*.c native/arm64/*.S native/arm64/dev/*.c native/arm64/dev/*.S)
  variant "[arm64 portable]" "$ACC" "-O2" "" "" "env PQ_VECTORS_EVERY=2 $QEMU"
  variant "[arm64 neon]" "$ACC" "-O2 -march=armv8-a -DPQ_TARGET_ARM64_NEON" "" "$ARM_SRC" "$QEMU"
  variant "[arm64 neon-sha3]" "$ACC" "-O2 -march=armv8.2-a+sha3 -DPQ_TARGET_ARM64_NEON" "" "$ARM_SRC" "$QEMU"
  variant "[arm64 neon asan+ubsan]" "$ACC" "$SAN -march=armv8.2-a+sha3 -DPQ_TARGET_ARM64_NEON" "" "$ARM_SRC" \
    "env ASAN_OPTIONS=detect_leaks=0 PQ_VECTORS_EVERY=8 $QEMU"
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
WASI="--target=wasm32-wasi -O2"
WLINK="-Wl,-z,stack-size=4194304"
WSIMD=$(echo native/wasm-simd/*.c)
variant "[wasm-scalar]" "$WCC" "$WASI -mno-simd128" "$WLINK" "" "node scripts/run-wasi.mjs"
variant "[wasm-simd]" "$WCC" "$WASI -msimd128 -DPQ_TARGET_WASM_SIMD" "$WLINK" "$WSIMD" "node scripts/run-wasi.mjs"
variant "[wasm-relaxed]" "$WCC" "$WASI -msimd128 -mrelaxed-simd -DPQ_TARGET_WASM_SIMD" "$WLINK" "$WSIMD" \
  "node scripts/node-relaxed.mjs scripts/run-wasi.mjs"
[ $# -eq 0 ] || { echo "c-core: $pass passed, $fail failed"; [ "$fail" -eq 0 ]; exit; }

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
      "${MSAN[@]}" -mavx2 -mbmi -mbmi2 -madx -mavx512f -mavx512vl -DPQ_TARGET_X86_AVX2 "native/test/ct_$ct.c" "${SRC[@]}" native/x86_64/*.c -o "$OUT/ct_${ct}_msan_avx512"
      ct_check "[msan-ct $ct avx512]" msan "$OUT/ct_${ct}_msan_avx512" "ct-$ct"
    fi
  done
else
  echo "[msan-ct] clang's MemorySanitizer runtime missing (libclang-rt-19-dev; bash scripts/setup.sh installs it)"
  fail=$((fail + 1))
fi
echo "c-core: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
