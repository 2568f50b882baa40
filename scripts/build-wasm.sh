#!/usr/bin/env bash
# Builds one WebAssembly module per kernel family and core with Debian's clang-19:
#   build/wasm/<family>-scalar.wasm   no SIMD: runs on any WASM engine
#   build/wasm/<family>-simd.wasm     -msimd128: the SIMD128 kernels of native/wasm-simd
#   build/wasm/<family>-relaxed.wasm  -mrelaxed-simd as well: relaxed forms where they are exact
# for every family of the binding declaration (native/common/binding/pq_binding.h): a module
# exports exactly its family's entry points (the list comes from that header), and
# --gc-sections drops the code no entry reaches, so a family's module holds only its
# own kernels. Standalone modules: no libc, no JS glue, no imports.
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

mapfile -t SRC_COMMON < <(find native/common -name '*.c' | sort)
CFLAGS=(--target=wasm32 -std=c11 -O3 -nostdlib -ffreestanding -fvisibility=hidden
  -mbulk-memory -mmutable-globals -msign-ext -Wall -Wextra -Werror -Inative/common)
LDFLAGS=(-Wl,--no-entry -Wl,--export=__heap_base
  -Wl,-z,stack-size=1048576 -Wl,--stack-first -Wl,--gc-sections -Wl,--strip-debug)
FAMILIES=$(node -e "import('./scripts/gen-binding.mjs').then(m => console.log([...new Set(m.bindingEntries().map(e => e.family))].join(' ')))")

build() { # core target-sources flags...
  local core=$1 extra=$2; shift 2
  local tmp; tmp=$(mktemp -d)
  "$CLANG" "${CFLAGS[@]}" "$@" -fno-builtin -c native/wasm/libc.c -o "$tmp/libc.o"
  for family in $FAMILIES; do
    # shellcheck disable=SC2046
    "$CLANG" "${CFLAGS[@]}" "$@" "${LDFLAGS[@]}" $(node scripts/gen-binding.mjs --exports "$family") \
      "${SRC_COMMON[@]}" $extra "$tmp/libc.o" -o "$OUT/$family-$core.wasm"
    echo "built $OUT/$family-$core.wasm ($(stat -c %s "$OUT/$family-$core.wasm") bytes)"
  done
  rm -rf "$tmp"
}

build scalar "" -mno-simd128
build simd "$(echo native/wasm-simd/*.c)" -msimd128 -DPQ_TARGET_WASM_SIMD
# relaxed SIMD: the same kernels, using relaxed instructions only where every
# result the spec allows is exact for our inputs (see native/wasm-simd/)
build relaxed "$(echo native/wasm-simd/*.c)" -msimd128 -mrelaxed-simd -DPQ_TARGET_WASM_SIMD
