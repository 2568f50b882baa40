#!/usr/bin/env bash
# Builds the Node addon (N-API) for one target into prebuildify's layout, which node-gyp-build
# loads: prebuilds/<platform>-<arch>/pqsimd.napi[.<libc>].node, stripped. The C core is compiled
# once per ISA with every global symbol renamed <isa>_<name>, linked with native/node/addon.c,
# which picks the ISAs this CPU runs at load time (x64: portable, avx2, avx512; arm64: portable,
# neon, neon_sha3). Headers come from the node-api-headers npm package (no download).
#   bash scripts/build-addon.sh                    this machine (linux-x64 glibc here)
#   bash scripts/build-addon.sh linux-x64-glibc    prebuilds/linux-x64/pqsimd.napi.glibc.node
#   bash scripts/build-addon.sh linux-x64-musl     .../pqsimd.napi.musl.node (musl headers from
#                                                  build/musl: bash scripts/setup-musl.sh)
#   bash scripts/build-addon.sh linux-arm64-glibc  cross-built with gcc-aarch64-linux-gnu
#   bash scripts/build-addon.sh linux-arm64-musl   the same compiler, musl headers (build/musl)
#   bash scripts/build-addon.sh win32-x64          prebuilds/win32-x64/pqsimd.napi.node, cross-
#                                                  built with mingw-w64 (gcc-mingw-w64-x86-64)
set -euo pipefail
shopt -s nullglob
cd "$(dirname "$0")/.."
HOST="$(node -p 'process.platform')-$(node -p 'process.arch')"
TARGET=${1:-$HOST}
case "$TARGET" in
  arm64) TARGET=linux-arm64-glibc ;; # the old spelling
  linux-x64 | linux-arm64) TARGET=$TARGET-glibc ;;
esac
case "$TARGET" in
  linux-x64-glibc) CROSS="" ;;
  linux-x64-musl) CROSS="" MUSL=build/musl/x64 MTRIPLE=x86_64-linux-musl ;;
  linux-arm64-glibc) CROSS=aarch64-linux-gnu- ;;
  linux-arm64-musl) CROSS=aarch64-linux-gnu- MUSL=build/musl/arm64 MTRIPLE=aarch64-linux-musl ;;
  win32-x64) CROSS=x86_64-w64-mingw32- ;;
  *) echo "build-addon: unknown target $TARGET (linux-x64-glibc, linux-x64-musl, linux-arm64-glibc, linux-arm64-musl, win32-x64)" >&2; exit 1 ;;
esac
case "$TARGET" in
  "$HOST"-*) CROSS="" ;; # native compiler on a Linux host of that architecture
  linux-x64-*) echo "build-addon: $TARGET is built on x86-64 Linux only" >&2; exit 1 ;;
esac
PLAT_ARCH=$(echo "$TARGET" | cut -d- -f1,2)
ARCH=${PLAT_ARCH#*-}
LIBC=$(echo "$TARGET" | cut -s -d- -f3)
USER_CC=${CC:-gcc}
CC=${CROSS}gcc
[ -z "$CROSS" ] && CC=$USER_CC
LD=${CROSS}ld NM=${CROSS}nm OBJCOPY=${CROSS}objcopy STRIP=${CROSS}strip
OUT=prebuilds/$PLAT_ARCH
FILE=$OUT/pqsimd.napi${LIBC:+.$LIBC}.node
INC=$(node -p "require('node-api-headers').include_dir")
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
CFLAGS=(-std=c11 -O3 -Wall -Wextra -Werror -Inative/common)
LINK=()
case "$TARGET" in
  linux-*) CFLAGS+=(-fPIC -fvisibility=hidden) ;;
esac
if [ -n "${MUSL:-}" ]; then
  # musl: its headers instead of glibc's (then gcc's own: stddef.h, intrinsics); linked against
  # musl's libc.so (DT_NEEDED libc.so, which musl's loader resolves to itself) with the CRT files
  # a shared object takes, and libgcc (AArch64's outline atomics helpers)
  [ -f "$MUSL/usr/include/$MTRIPLE/stdlib.h" ] || { echo "build-addon: no musl in $MUSL (bash scripts/setup-musl.sh)" >&2; exit 1; }
  ML=$MUSL/usr/lib/$MTRIPLE
  CFLAGS+=(-nostdinc -isystem "$MUSL/usr/include/$MTRIPLE" -isystem "$("$CC" -print-file-name=include)")
  LINK_PRE=("$ML/crti.o" "$("$CC" -print-file-name=crtbeginS.o)")
  LINK=(-nostdlib -L"$ML" -lc -lgcc "$("$CC" -print-file-name=crtendS.o)" "$ML/crtn.o")
fi
if [ "$TARGET" = win32-x64 ]; then
  # node.exe exports the napi_* functions: an import library from node-api-headers' definition
  # file (the N-API symbols a Windows addon links against), made with dlltool
  DEF=$(node -p "require('path').join(require.resolve('node-api-headers/package.json'), '..', 'def', 'node_api.def')")
  "${CROSS}dlltool" -d "$DEF" -l "$TMP/node_api.a"
  # GCC assumes 32/64-byte stack alignment for AVX spills, Windows x64 only guarantees 16
  # (GCC bug 54412): the assembler turns aligned vector moves into unaligned ones
  CFLAGS+=(-Wa,-muse-unaligned-vector-move)
  LINK=("$TMP/node_api.a" -static-libgcc)
fi

core() { # isa sources-and-flags...
  local isa=$1; shift
  local dir="$TMP/$isa"; mkdir -p "$dir"
  local srcs=() flags=()
  for a in "$@"; do case "$a" in *.c | *.S) srcs+=("$a") ;; *) flags+=("$a") ;; esac; done
  for f in "${srcs[@]}"; do
    local base; base=$(basename "$f"); base=${base%.*}
    "$CC" "${CFLAGS[@]}" "${flags[@]}" -c "$f" -o "$dir/$(basename "$(dirname "$f")")_${base}.o"
  done
  "$LD" -r -o "$dir/all.o" "$dir"/*_*.o
  # rename every global symbol this core defines: two ISAs' cores can then live in one .node
  # (COFF's section symbols are not renamed: they are local to each object)
  "$NM" -g --defined-only "$dir/all.o" | awk '$2 != "s" && $2 != "S" {print $3}' | sed "s/.*/& ${isa}_&/" > "$dir/syms"
  "$OBJCOPY" --redefine-syms="$dir/syms" "$dir/all.o" "$TMP/core-$isa.o"
}

mapfile -t COMMON < <(find native/common -name '*.c' | sort)
core portable "${COMMON[@]}"
DEFS=()
if [ "$ARCH" = x64 ] && [ -z "${PQ_NO_AVX2:-}" ]; then
  core avx2 "${COMMON[@]}" native/x86_64/*.c -mavx2 -mbmi -mbmi2 -DPQ_TARGET_X86_AVX2
  # -madx: the avx512 core is only chosen on CPUs with ADX (all with AVX-512VL have it), so its
  # BN254 kernels skip the per-call check the avx2 core makes (it also runs on Haswell: no ADX)
  core avx512 "${COMMON[@]}" native/x86_64/*.c -mavx2 -mbmi -mbmi2 -madx -mavx512f -mavx512vl -DPQ_TARGET_X86_AVX2
  DEFS+=(-DPQ_WITH_AVX2)
fi
if [ "$ARCH" = arm64 ] && [ -z "${PQ_NO_NEON:-}" ]; then
  # NEON kernels (native/arm64; not native/arm64/dev, the test-only forms of the NTT);
  # the second core also turns on the SHA3-extension Keccak
  core neon "${COMMON[@]}" native/arm64/*.c native/arm64/*.S -march=armv8-a -DPQ_TARGET_ARM64_NEON
  core neon_sha3 "${COMMON[@]}" native/arm64/*.c native/arm64/*.S -march=armv8.2-a+sha3 -DPQ_TARGET_ARM64_NEON
  DEFS+=(-DPQ_WITH_NEON)
fi
mkdir -p "$OUT"
rm -f "$FILE"
"$CC" "${CFLAGS[@]}" "${DEFS[@]+"${DEFS[@]}"}" -I"$INC" -c native/node/addon.c -o "$TMP/addon.o"
"$CC" -shared -o "$FILE" "${LINK_PRE[@]+"${LINK_PRE[@]}"}" "$TMP/addon.o" "$TMP"/core-*.o "${LINK[@]+"${LINK[@]}"}"
# A shared object may keep undefined symbols (napi_* come from node at load time), so check that
# none of the core's own are left unresolved (a missing kernel would only fail when called).
# (A DLL cannot: the linker has already refused unresolved ones.)
if [ "$TARGET" != win32-x64 ] && "$NM" -u "$FILE" | grep -E ' (pq_|portable_|avx2_|avx512_|neon_|neon_sha3_)'; then
  rm -f "$FILE"
  echo "build-addon: unresolved core symbols (above)" >&2
  exit 1
fi
# symbols and debug sections off: the package ships what node loads, nothing else
"$STRIP" --strip-unneeded "$FILE"
echo "built $FILE ($(stat -c %s "$FILE") bytes)"
