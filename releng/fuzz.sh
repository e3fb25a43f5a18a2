#!/usr/bin/env bash
# The import fuzzer on demand: the same FuzzTest that every build runs for 30 s, for MINUTES minutes.
# Usage: releng/fuzz.sh MINUTES [SEED]   (SEED: the mutation generator's seed; default the CI one)
# Findings (inputs that crashed, hung or imported partly) are saved under
# bundles/org.cairn.certificates.importing.tests/target/fuzz-findings/; move each into that bundle's
# resources/fuzz/ (FuzzRegressionTest checks them from then on). The counts are printed as "FUZZ ..." lines.
set -euo pipefail
MINUTES=${1:?usage: releng/fuzz.sh MINUTES [SEED]}
SEED=${2:-20261129}
case "$MINUTES" in ''|*[!0-9]*) echo "releng/fuzz.sh: MINUTES must be a whole number" >&2; exit 2;; esac
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
# surefire's own timeout must outlast the run
TIMEOUT=$(( MINUTES * 60 + 600 ))
./run-tests -o -pl bundles/org.cairn.certificates.importing.tests -am -Dtest=FuzzTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dcairn.test.timeout="$TIMEOUT" \
  "-Dcairn.test.vmargs=-Dcairn.fuzz.seconds=$(( MINUTES * 60 )) -Dcairn.fuzz.seed=$SEED" 2>&1 \
  | tee /dev/stderr | grep '^FUZZ' || true
test -z "$(ls -A bundles/org.cairn.certificates.importing.tests/target/fuzz-findings 2>/dev/null)"
