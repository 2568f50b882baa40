#!/usr/bin/env bash
# Regenerates native/arm64/ntt_neon_slothy.S and invntt_neon_slothy.S (the NTT the
# NEON cores use) from the hand-written native/arm64/dev/ntt_neon_clean.S /
# invntt_neon_clean.S (test-only references) with SLOTHY (pip package
# slothy, OR-Tools), Neoverse N1 model, software pipelining; prints SLOTHY's
# modelled cycles per loop iteration, clean vs scheduled (recorded in
# native/arm64/SLOTHY.md). Each solver call is limited to TIMEOUT seconds
# (default 30); the search for the number of stalls starts at a resource
# lower bound per loop (LOOP:MINSTALLS, see scripts/slothy/opt_ntt.py), so a
# run takes about 7 minutes on two cores. Each output records the sha256 of its clean source
# ("// Source sha256: ..." in its header): scripts/check-generated.mjs (npm test) fails when the
# clean source has changed since, naming this script.
#   bash scripts/slothy-ntt.sh            then rebuild and run the NEON tests
#   TIMEOUT=60 bash scripts/slothy-ntt.sh (more time per call: possibly better schedules)
set -euo pipefail
cd "$(dirname "$0")/.."
TIMEOUT=${TIMEOUT:-30}
command -v slothy-cli >/dev/null || { echo "slothy-ntt: needs SLOTHY (pip install slothy)" >&2; exit 1; }
A=native/arm64
run() { # clean out old-symbol new-symbol timeout loop:minstalls...
  echo "== $2"
  nice python3 scripts/slothy/opt_ntt.py "$@"
}
run "$A/dev/ntt_neon_clean.S" "$A/ntt_neon_slothy.S" pq_neon_ntt_clean_asm pq_neon_ntt_slothy_asm \
  "$TIMEOUT" ntt_l123_loop:53 ntt_l456_loop:52 ntt_l78_loop:12
run "$A/dev/invntt_neon_clean.S" "$A/invntt_neon_slothy.S" pq_neon_invntt_clean_asm pq_neon_invntt_slothy_asm \
  "$TIMEOUT" intt_l12_loop:12 intt_l345_loop:52 intt_l123_loop:73
echo "slothy-ntt: done; test with the NEON build of native/test/test_mldsa_neon.c"
