#!/usr/bin/env bash
# Builds the two WebAssembly backends from the same C with Debian's clang-19:
#   build/wasm/pqsimd-scalar.wasm  (no SIMD: runs on any WASM engine)
#   build/wasm/pqsimd-simd.wasm    (-msimd128: the SIMD128 kernels of native/wasm-simd)
#   build/wasm/pqsimd-relaxed.wasm (-mrelaxed-simd as well: relaxed forms where they are exact)
# Standalone modules: no libc, no JS glue; the only import is nothing at all.
set -euo pipefail
cd "$(dirname "$0")/.."
CLANG=${CLANG:-clang-19}
OUT=build/wasm
mkdir -p "$OUT"

# clang runs wasm-opt by itself when one is on PATH; Debian's binaryen 108 mangles
# newer opcodes, so keep it out of the build's PATH.
if command -v wasm-opt >/dev/null 2>&1; then
  PATH=$(printf '%s' "$PATH" | tr ':' '\n' | grep -vx "$(dirname "$(command -v wasm-opt)")" | paste -sd: -)
  export PATH
fi

SRC_COMMON=(native/common/*/*.c)
CFLAGS=(--target=wasm32 -std=c11 -O3 -nostdlib -ffreestanding -fvisibility=hidden
  -mbulk-memory -mmutable-globals -msign-ext -Wall -Wextra -Werror -Inative/common)
LDFLAGS=(-Wl,--no-entry -Wl,--export-dynamic -Wl,--export=__heap_base
  -Wl,-z,stack-size=1048576 -Wl,--stack-first -Wl,--gc-sections -Wl,--strip-debug)

build() { # name sources-of-the-target flags...
  local name=$1 extra=$2; shift 2
  local tmp; tmp=$(mktemp -d)
  "$CLANG" "${CFLAGS[@]}" "$@" -fno-builtin -c native/wasm/libc.c -o "$tmp/libc.o"
  "$CLANG" "${CFLAGS[@]}" "$@" "${LDFLAGS[@]}" "${SRC_COMMON[@]}" $extra "$tmp/libc.o" -o "$OUT/pqsimd-$name.wasm"
  rm -rf "$tmp"
  echo "built $OUT/pqsimd-$name.wasm ($(stat -c %s "$OUT/pqsimd-$name.wasm") bytes)"
}

build scalar "" -mno-simd128
build simd "$(echo native/wasm-simd/*.c)" -msimd128 -DPQ_TARGET_WASM_SIMD
# relaxed SIMD: the same kernels, using relaxed instructions only where every
# result the spec allows is exact for our inputs (see native/wasm-simd/)
build relaxed "$(echo native/wasm-simd/*.c)" -msimd128 -mrelaxed-simd -DPQ_TARGET_WASM_SIMD
