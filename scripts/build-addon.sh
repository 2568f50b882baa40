#!/usr/bin/env bash
# Builds the Node addon (N-API, gcc) into prebuilds/<platform>-<arch>/pqsimd.napi.node:
# the C core compiled once per ISA with every global symbol renamed <isa>_<name>,
# linked with native/node/addon.c, which picks the ISAs this CPU runs at load time
# (x64: portable, avx2, avx512; arm64: portable, neon, neon_sha3).
# Headers come from the node-api-headers npm package (no download).
#   bash scripts/build-addon.sh          for this machine
#   bash scripts/build-addon.sh arm64    cross-build prebuilds/linux-arm64 (gcc-aarch64-linux-gnu)
set -euo pipefail
shopt -s nullglob
cd "$(dirname "$0")/.."
HOST_ARCH=$(node -p 'process.arch')
ARCH=${1:-$HOST_ARCH}
PLAT=$(node -p 'process.platform')
if [ "$ARCH" != "$HOST_ARCH" ]; then
  case "$ARCH" in
    arm64) CROSS=aarch64-linux-gnu- ;;
    *) echo "build-addon: no cross compiler known for $ARCH" >&2; exit 1 ;;
  esac
  CC=${CROSS}gcc
else
  CROSS=""
  CC=${CC:-gcc}
fi
LD=${CROSS}ld NM=${CROSS}nm OBJCOPY=${CROSS}objcopy
OUT=prebuilds/$PLAT-$ARCH
INC=$(node -p "require('node-api-headers').include_dir")
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
CFLAGS=(-std=c11 -O3 -fPIC -fvisibility=hidden -Wall -Wextra -Werror -Inative/common)

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
  "$NM" -g --defined-only "$dir/all.o" | awk '{print $3}' | sed "s/.*/& ${isa}_&/" > "$dir/syms"
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
"$CC" "${CFLAGS[@]}" "${DEFS[@]+"${DEFS[@]}"}" -I"$INC" -shared native/node/addon.c "$TMP"/core-*.o -o "$OUT/pqsimd.napi.node"
# a shared object may keep undefined symbols (napi_* come from node at load time), so check that
# none of the core's own are left unresolved (a missing kernel would only fail when called)
if "$NM" -u "$OUT/pqsimd.napi.node" | grep -E ' (pq_|portable_|avx2_|avx512_|neon_|neon_sha3_)'; then
  rm -f "$OUT/pqsimd.napi.node"
  echo "build-addon: unresolved core symbols (above)" >&2
  exit 1
fi
echo "built $OUT/pqsimd.napi.node ($(stat -c %s "$OUT/pqsimd.napi.node") bytes)"
