#!/usr/bin/env bash
# Large-store benchmark of the Certificates snap-in in the console window: a real file store whose Personal store
# holds COUNT self-signed EC certificates (default 10,000; created through the core API on the first run, kept in
# bundles/org.cairn.certificates.ui.tests/target/stores/services/large-COUNT and reused), opened in the console under
# Xvfb by the UI test LargeStoreTest, which times
#   - selecting the store's Certificates node until the details pane has its COUNT rows and painted the first ones,
#   - clicking each column heading until the rows are painted again (sorting),
# and writes the figures to bundles/org.cairn.certificates.ui.tests/target/benchmark/large-store.txt.
# Target: the list appears in under a second. The test itself checks behaviour (all rows, the last reachable, order).
#
# Usage: bundles/org.cairn.certificates.ui/benchmark/run.sh [COUNT] [ROUNDS]   (defaults 10000, 3)
#   Builds what the UI test needs offline (./run-tests -o); delete the store folder above to time creation again.
set -euo pipefail
top=$(CDPATH= cd -- "$(dirname -- "$0")/../../.." && pwd)
count=${1:-10000}
rounds=${2:-3}
figures="$top/bundles/org.cairn.certificates.ui.tests/target/benchmark/large-store.txt"
log=$(mktemp /tmp/cairn-ui-benchmark.XXXXXX)
for round in $(seq "$rounds"); do
    rm -f "$figures"
    if ! "$top/run-tests" -o -q \
        -pl features/org.cairn.platform.feature,features/org.cairn.console.feature,features/org.cairn.certificates.feature,bundles/org.cairn.certificates.ui.tests \
        -am -Dtest=LargeStoreTest -Dsurefire.failIfNoSpecifiedTests=false \
        "-Dcairn.test.vmargs=-Dcairn.largeStore.count=$count" > "$log" 2>&1; then
        tail -40 "$log" >&2
        echo "The UI test failed; full log in $log" >&2
        exit 1
    fi
    echo "== round $round of $rounds (fresh application) =="
    cat "$figures"
done
rm -f "$log"
