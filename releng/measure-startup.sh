#!/usr/bin/env bash
# Measures the time from launching the built product to its window being mapped (its title " - [Console Root...]";
# with no argument the console opens its default, Certificates - Current User), under Xvfb, a few times. Needs: a built product (./cairn or ./run-tests builds it), xvfb-run, xdotool.
# Usage: releng/measure-startup.sh [RUNS]   (default 5)
set -euo pipefail
top=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
runs=${1:-5}
product="$top/releng/org.cairn.repository/target/products/org.cairn.console.product/linux/gtk/x86_64/cairn"
[ -x "$product/cairn" ] || { echo "No product at $product: build it first (./cairn or ./run-tests)." >&2; exit 1; }
command -v xdotool >/dev/null || { echo "xdotool is needed: apt-get install xdotool" >&2; exit 1; }
. "$top/releng/jdk.sh"
cairn_select_jdk

if [ -z "${CAIRN_MEASURE_INNER:-}" ]; then
    CAIRN_MEASURE_INNER=1 exec xvfb-run -a -s "-screen 0 1280x1024x24" "$0" "$@"
fi

state=$(mktemp -d)
trap 'rm -rf "$state"' EXIT
for i in $(seq 1 "$runs"); do
    start=$(date +%s%N)
    XDG_CONFIG_HOME="$state" CAIRN_JAVA="$JAVA_HOME/bin/java" "$product/cairn" >/dev/null 2>&1 &
    pid=$!
    until xdotool search --onlyvisible --name ' - \[Console Root' >/dev/null 2>&1; do
        kill -0 "$pid" 2>/dev/null || { echo "run $i: the console exited before showing its window" >&2; exit 1; }
        sleep 0.05
    done
    end=$(date +%s%N)
    echo "run $i: $(( (end - start) / 1000000 )) ms to window"
    kill "$pid"; wait "$pid" 2>/dev/null || true
done
