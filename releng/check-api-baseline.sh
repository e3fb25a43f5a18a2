#!/usr/bin/env bash
# Shows that the API baseline check works (releng/api-baseline, tycho-baseline-plugin in bundles/pom.xml): on a copy
# of the committed sources (git archive HEAD) with one public method removed from the console API
# (SnapIn.description(), in org.cairn.console.api, whose package version stays 1.2.0), building that bundle must
# fail with the baseline's message naming the package and the removed method. The unchanged bundle passing the
# same check is every ordinary build. --offline builds offline (Maven's -o).
# Run by ./run-tests; alone: releng/check-api-baseline.sh [--offline]
set -euo pipefail
top=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
offline=
for arg in "$@"; do
    case "$arg" in
        --offline|--offline=true) offline=-o ;;
        --offline=false) ;;
        *) echo "usage: $0 [--offline]" >&2; exit 2 ;;
    esac
done
. "$top/releng/jdk.sh"
cairn_select_jdk
fail() { echo "FAIL: $*" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git -C "$top" archive HEAD | tar -x -C "$work"
api="$work/bundles/org.cairn.console.api/src/org/cairn/console/api/SnapIn.java"
grep -q 'String description();' "$api" || fail "SnapIn.description() is not in $api any more: choose another method"
# The scratch change: the method removed, nothing else (its Javadoc stays, harmless)
sed -i 's/^\( *\)String description();$/\1\/\/ removed by releng\/check-api-baseline.sh/' "$api"
grep -q 'String description();' "$api" && fail "the method could not be removed"
echo "Building org.cairn.console.api with SnapIn.description() removed (the baseline check must refuse it)"
status=0
(cd "$work" && nice -n 5 ./mvnw -B $offline verify -pl bundles/org.cairn.console.api -am) >"$work/build.log" 2>&1 || status=$?
[ "$status" != 0 ] || { tail -n 40 "$work/build.log" >&2; fail "the build passed with a public method removed"; }
grep -q 'tycho-baseline-plugin' "$work/build.log" && grep -qi 'baseline problems found' "$work/build.log" ||
    { tail -n 60 "$work/build.log" >&2; fail "the build failed, but not in the baseline check"; }
grep -q 'description()' "$work/build.log" ||
    { tail -n 60 "$work/build.log" >&2; fail "the baseline's message does not name the removed method"; }
grep -E 'MAJOR.*PACKAGE.*org\.cairn\.console\.api .*2\.0\.0' "$work/build.log" >/dev/null ||
    { tail -n 60 "$work/build.log" >&2; fail "the baseline's report does not ask for version 2.0.0 of the package"; }
# bnd's table (package, type, member; versions) and Tycho's message
grep -E '^\[ERROR\] [│]|^\[ERROR\] .*Baseline problems found' "$work/build.log" | grep -v 'Failed to execute' | head -n 20
echo "OK: removing a public method from org.cairn.console.api fails the build in the API baseline check"
