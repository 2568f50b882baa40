#!/usr/bin/env bash
# The JavaScript runtimes besides Node that ts/test/runtimes-edge.test.ts runs the packed package
# in, from the npm registry at exact versions, each in build/runtimes/<name> (cached: installed
# again only when its pinned version changes). A failed download leaves the runtime missing and
# the test fails naming it (PQSIMD_SKIP_RUNTIMES=1 skips those tests for local work).
#   bash scripts/setup-js-runtimes.sh [--quick]
set -uo pipefail
cd "$(dirname "$0")/.."
quick=0
[ "${1:-}" = --quick ] && quick=1
say() { [ "$quick" = 1 ] || echo "setup: $*"; }

# name -> exact version (the npm package of the same name; its platform binary comes as an
# optional dependency: @cloudflare/workerd-linux-64, @deno/linux-x64-glibc, @oven/bun-linux-x64)
declare -A PIN=([workerd]=1.20261123.1 [deno]=2.9.6 [bun]=1.4.5)
status=0
for name in workerd deno bun; do
  ver=${PIN[$name]}
  dir=build/runtimes/$name
  if [ "$(cat "$dir/.pinned" 2>/dev/null)" = "$ver" ] && [ -x "$dir/node_modules/.bin/$name" ]; then
    say "$name $ver (cached)"
    continue
  fi
  echo "setup: $name@$ver -> $dir"
  rm -rf "$dir"
  mkdir -p "$dir"
  echo '{"private":true}' >"$dir/package.json"
  if npm install --prefix "$dir" --no-save --no-audit --no-fund --no-package-lock "$name@$ver" >"$dir/install.log" 2>&1 &&
    "$dir/node_modules/.bin/$name" --version >/dev/null 2>&1; then
    echo "$ver" >"$dir/.pinned"
  else
    echo "setup: WARNING: $name@$ver did not install (see $dir/install.log); its tests will fail" >&2
    status=1
  fi
done
# (a missing runtime does not stop the rest of the set-up: the tests report it)
[ "$status" = 0 ] || say "some runtimes are missing"
exit 0
