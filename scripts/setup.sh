#!/usr/bin/env bash
# One-time machine set-up, safe to run again: Debian packages the build and the
# tests need (installed only when missing), then the npm dev dependencies.
#   bash scripts/setup.sh          full check (what .ci/run calls)
#   bash scripts/setup.sh --quick  the same, but silent when nothing is missing
set -euo pipefail
cd "$(dirname "$0")/.."
quick=0
for arg in "$@"; do
  case "$arg" in
    --quick) quick=1 ;;
    *) echo "setup: unknown option $arg (only --quick)" >&2; exit 2 ;;
  esac
done
say() { [ "$quick" = 1 ] || echo "setup: $*"; }

# command -> Debian package
declare -A NEED=(
  [clang-19]=clang-19      # the WASM compiler (--target=wasm32)
  [wasm-ld-19]=lld-19      # its linker
  [wasm2wat]=wabt          # ts/test/wasm-modules.test.ts reads the SIMD modules' code
  [gcc]=gcc                # native C tests, the addon
  [valgrind]=valgrind      # constant-time check of keygen/sign
  [aarch64-linux-gnu-gcc]=gcc-aarch64-linux-gnu  # AArch64 cross build (NEON kernels, arm64 prebuild)
  [qemu-aarch64]=qemu-user # runs the arm64 C tests and an arm64 Node
  [chromium]=chromium      # the browser tests (playwright-core drives Debian's Chromium)
  [python3]=python3        # scripts/check-generated.mjs reruns the table generators (scripts/gen-*.py)
  [llvm-cov-19]=llvm-19    # npm run fuzz: llvm-cov-19 / llvm-profdata-19 line coverage of the corpus
  [x86_64-w64-mingw32-gcc]=gcc-mingw-w64-x86-64  # the win32-x64 prebuild (cross-built)
  [wine]=wine              # runs Node for Windows on it (ts/test/windows.test.ts); with wine64
  [wine64]=wine64
  [patchelf]=patchelf      # points the musl Node's interpreter at build/musl (scripts/setup-platforms.sh)
)
missing=()
for cmd in "${!NEED[@]}"; do
  command -v "$cmd" >/dev/null 2>&1 || missing+=("${NEED[$cmd]}")
done
# wasi-libc + compiler-rt for wasm32: the C tests also run as WASI programs
[ -f /usr/include/wasm32-wasi/stdio.h ] || missing+=(wasi-libc)
ls /usr/lib/llvm-19/lib/clang/19/lib/wasi/libclang_rt.builtins-wasm32.a >/dev/null 2>&1 || missing+=(libclang-rt-19-dev-wasm32)
# clang-19's runtimes (libclang-rt-19-dev): libFuzzer with ASan/UBSan for the fuzz harnesses
# (scripts/fuzz.mjs), and MemorySanitizer for the constant-time check of the AVX-512 core
# (which valgrind cannot run)
ls /usr/lib/llvm-19/lib/clang/19/lib/linux/libclang_rt.fuzzer-*.a >/dev/null 2>&1 || missing+=(libclang-rt-19-dev)
# the arm64 C library headers for the cross compiler
[ -f /usr/aarch64-linux-gnu/include/stdio.h ] || missing+=(libc6-dev-arm64-cross)
# AddressSanitizer runtime for the C tests
if ! ls /usr/lib/gcc/x86_64-linux-gnu/*/libasan.so /usr/lib/gcc/*/*/libasan.so >/dev/null 2>&1; then
  missing+=(libgcc-12-dev)
fi
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null 2>&1; then
    echo "setup: missing Debian packages: ${missing[*]} (run as root, or install them)" >&2
    exit 1
  fi
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  echo "setup: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
say "toolchain: $(clang-19 --version | head -n 1)"

# an arm64 Node under qemu for the arm64 smoke test (Debian's nodejs:arm64, unpacked into build/)
bash scripts/setup-arm64-node.sh

# Node 22, 24 and 26 (official Linux x64 builds from the npm registry) for the Node-versions test
bash scripts/setup-node-versions.sh $([ "$quick" = 1 ] && echo --quick)

# workerd, Deno and Bun from npm at pinned versions, for ts/test/runtimes-edge.test.ts (build/runtimes)
if [ "$quick" = 1 ]; then bash scripts/setup-js-runtimes.sh --quick; else bash scripts/setup-js-runtimes.sh; fi

# musl (headers, loader) and Node for musl and for Windows, under build/ (scripts/setup-platforms.sh)
bash scripts/setup-platforms.sh

# npm dependencies: install when node_modules is missing or older than the lock file
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund
else
  say "node_modules up to date"
fi
