#!/usr/bin/env bash
# An arm64 Node.js to run under qemu-aarch64 on an x86-64 machine: Debian 12's
# nodejs:arm64 and the libraries it needs, fetched with `apt-get download`
# under a private APT configuration (architecture arm64, its own lists and
# cache in build/arm64-apt; the machine's own APT state is not touched) and
# unpacked with `dpkg -x` into build/arm64-root. Run it with
#   qemu-aarch64 -L build/arm64-root build/arm64-root/usr/bin/node ...
# Used by the arm64 smoke test (ts/test/arm64.test.ts). Timings under qemu mean
# nothing. Idempotent: does nothing when build/arm64-root/usr/bin/node exists.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=build/arm64-root
[ -x "$ROOT/usr/bin/node" ] && [ -f "$ROOT/.complete" ] && exit 0
APTDIR=$PWD/build/arm64-apt
rm -rf "$APTDIR" "$ROOT"
mkdir -p "$APTDIR/lists/partial" "$APTDIR/cache/archives/partial" "$APTDIR/debs" "$ROOT"
touch "$APTDIR/status"
MIRROR=${PQ_DEBIAN_MIRROR:-http://deb.debian.org}
KEYRING=/usr/share/keyrings/debian-archive-keyring.gpg
cat >"$APTDIR/sources.list" <<SRC
deb [arch=arm64 signed-by=$KEYRING] $MIRROR/debian bookworm main
deb [arch=arm64 signed-by=$KEYRING] $MIRROR/debian-security bookworm-security main
SRC
cat >"$APTDIR/apt.conf" <<CONF
Dir::State "$APTDIR";
Dir::State::Lists "$APTDIR/lists";
Dir::State::status "$APTDIR/status";
Dir::Cache "$APTDIR/cache";
Dir::Etc::SourceList "$APTDIR/sources.list";
Dir::Etc::SourceParts "/nonexistent";
APT::Architecture "arm64";
APT::Architectures { "arm64"; };
APT::Sandbox::User "root";
Debug::NoLocking "true";
CONF
export APT_CONFIG=$APTDIR/apt.conf
echo "setup-arm64-node: fetching Debian's nodejs:arm64 and its libraries"
apt-get update -qq
# nodejs and everything it depends on (no recommends): libc6, libnode, ICU, OpenSSL, ...
mapfile -t pkgs < <(apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts \
  --no-breaks --no-replaces --no-enhances nodejs | grep -v '^ ' | grep -v '^<' | sort -u)
(cd "$APTDIR/debs" && apt-get download -qq "${pkgs[@]}")
for deb in "$APTDIR"/debs/*.deb; do dpkg -x "$deb" "$ROOT"; done
qemu-aarch64 -L "$ROOT" "$ROOT/usr/bin/node" -e 'if (process.arch !== "arm64") process.exit(1)'
touch "$ROOT/.complete"
echo "setup-arm64-node: $("qemu-aarch64" -L "$ROOT" "$ROOT/usr/bin/node" --version) (arm64, ${#pkgs[@]} packages) in $ROOT"
