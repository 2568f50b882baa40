#!/usr/bin/env bash
# Builds the Node addon (N-API, gcc) into prebuilds/<platform>-<arch>/pqsimd.napi.node:
# the C core compiled once per ISA (portable, and avx2 on x86-64) with every global
# symbol renamed <isa>_<name>, linked with native/node/addon.c, which picks an ISA
# per call. Headers come from the node-api-headers npm package (no download).
set -euo pipefail
shopt -s nullglob
cd "$(dirname "$0")/.."
CC=${CC:-gcc}
ARCH=$(node -p 'process.arch')
PLAT=$(node -p 'process.platform')
OUT=prebuilds/$PLAT-$ARCH
INC=$(node -p "require('node-api-headers').include_dir")
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
CFLAGS=(-std=c11 -O3 -fPIC -fvisibility=hidden -Wall -Wextra -Werror -Inative/common)

core() { # isa sources-and-flags...
  local isa=$1; shift
  local dir="$TMP/$isa"; mkdir -p "$dir"
  local srcs=() flags=()
  for a in "$@"; do case "$a" in *.c) srcs+=("$a") ;; *) flags+=("$a") ;; esac; done
  for f in "${srcs[@]}"; do
    "$CC" "${CFLAGS[@]}" "${flags[@]}" -c "$f" -o "$dir/$(basename "$(dirname "$f")")_$(basename "$f" .c).o"
  done
  ld -r -o "$dir/all.o" "$dir"/*_*.o
  # rename every global symbol this core defines: two ISAs' cores can then live in one .node
  nm -g --defined-only "$dir/all.o" | awk '{print $3}' | sed "s/.*/& ${isa}_&/" > "$dir/syms"
  objcopy --redefine-syms="$dir/syms" "$dir/all.o" "$TMP/core-$isa.o"
}

core portable native/common/*.c
DEFS=()
if [ "$ARCH" = x64 ] && [ -z "${PQ_NO_AVX2:-}" ]; then
  core avx2 native/common/*.c native/x86_64/*.c -mavx2 -mbmi -mbmi2 -DPQ_TARGET_X86_AVX2
  core avx512 native/common/*.c native/x86_64/*.c -mavx2 -mbmi -mbmi2 -mavx512f -mavx512vl -DPQ_TARGET_X86_AVX2
  DEFS+=(-DPQ_WITH_AVX2)
fi
mkdir -p "$OUT"
"$CC" "${CFLAGS[@]}" "${DEFS[@]}" -I"$INC" -shared native/node/addon.c "$TMP"/core-*.o -o "$OUT/pqsimd.napi.node"
echo "built $OUT/pqsimd.napi.node ($(stat -c %s "$OUT/pqsimd.napi.node") bytes)"
