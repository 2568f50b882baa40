#!/usr/bin/env bash
# Are the C sources in native/ (*.c, *.h) formatted as .clang-format says? Advisory: `npm run lint:c`,
# not part of npm test. The tree is not mass-formatted (several people edit it; reformatting it
# would touch ~2,300 lines in 43 of 58 files), so this reports every file clang-format-19 would
# change and exits 1 when there is one. To check only the lines a change touches, see the
# comment at the top of .clang-format (clang-format-diff-19 against main).
#   bash scripts/check-format.sh           list the files that are not formatted, with a count of lines
#   bash scripts/check-format.sh -v        also print clang-format's diagnostics
#   bash scripts/check-format.sh FILE...   only these files
set -euo pipefail
cd "$(dirname "$0")/.."
CF=${CLANG_FORMAT:-clang-format-19}
verbose=0
if [ "${1:-}" = -v ]; then verbose=1; shift; fi
if ! command -v "$CF" >/dev/null 2>&1; then
  echo "check-format: $CF not found (apt-get install -y clang-format-19, or set CLANG_FORMAT)" >&2
  exit 2
fi
if [ "$#" -gt 0 ]; then
  files=("$@")
else
  mapfile -t files < <(find native -type f \( -name '*.c' -o -name '*.h' \) | LC_ALL=C sort)
fi
bad=0
lines=0
for f in "${files[@]}"; do
  if ! out=$("$CF" --style=file --dry-run --Werror "$f" 2>&1); then
    n=$(printf '%s\n' "$out" | grep -c ': error: code should be clang-formatted' || true)
    echo "not formatted: $f ($n $([ "$n" = 1 ] && echo place || echo places))"
    [ "$verbose" = 1 ] && printf '%s\n' "$out"
    bad=$((bad + 1))
    lines=$((lines + n))
  fi
done
if [ "$bad" -gt 0 ]; then
  echo "check-format: $bad of ${#files[@]} C files differ from .clang-format ($lines places);" \
    "'$CF -i FILE' formats a file" >&2
  exit 1
fi
echo "check-format: ${#files[@]} C files follow .clang-format"
