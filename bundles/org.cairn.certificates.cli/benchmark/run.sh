#!/usr/bin/env bash
# Benchmark of the cairn cert command line, end to end (fresh JVM per run, as a script would use it):
#  1. `cairn cert list` on a 10,000-entry store against `keytool -list` on a 10,000-entry PKCS #12 keystore;
#  2. `cairn cert export --format pfx` against `openssl pkcs12 -export` with the same parameters (when the product
#     has the export command).
# Usage: bundles/org.cairn.certificates.cli/benchmark/run.sh [COUNT] [ROUNDS]
#   COUNT entries (default 10000), ROUNDS timed runs per command (default 5; the median is reported).
#   The product must be built (./run-tests or ./mvnw -DskipTests package). Fixtures are kept in
#   $CAIRN_BENCH_DIR (default /tmp/cairn-cli-benchmark) and reused by later runs with the same COUNT.
set -euo pipefail
top=$(CDPATH= cd -- "$(dirname -- "$0")/../../.." && pwd)
count=${1:-10000}
rounds=${2:-5}
bench=${CAIRN_BENCH_DIR:-/tmp/cairn-cli-benchmark}
product="$top/releng/org.cairn.repository/target/products/org.cairn.console.product/linux/gtk/x86_64/cairn"
# shellcheck source=../../../releng/jdk.sh
. "$top/releng/jdk.sh"
cairn_select_jdk
export CAIRN_JAVA="$JAVA_HOME/bin/java"
[ -x "$product/cairn" ] || { echo "Build the product first: ./mvnw -o -B -DskipTests package" >&2; exit 1; }
unset DISPLAY WAYLAND_DISPLAY

mkdir -p "$bench"
store="$bench/stores-$count"
keystore="$bench/keystore-$count.p12"
if [ ! -f "$store/.complete" ]; then
    rm -rf "$store" "$keystore" "$bench/classes"
    mkdir -p "$store" "$bench/classes"
    cp=$(ls "$product"/plugins/org.cairn.certificates.core_*.jar "$product"/plugins/bcprov_*.jar \
        "$product"/plugins/bcpkix_*.jar "$product"/plugins/bcutil_*.jar | tr '\n' ':')
    "$JAVA_HOME/bin/javac" -d "$bench/classes" -cp "$cp" "$top/bundles/org.cairn.certificates.cli/benchmark/MakeStores.java"
    echo "Creating $count certificates (a Cairn store and a PKCS #12 keystore)..." >&2
    start=$(date +%s)
    "$JAVA_HOME/bin/java" -cp "$bench/classes:$cp" MakeStores "$store" "$keystore" benchpass "$count"
    echo "  took $(( $(date +%s) - start )) s" >&2
    touch "$store/.complete"
fi

# median wall time in ms of ROUNDS runs of a command (its output discarded, its exit status checked)
median_ms() {
    local times=() t0 t1
    for _ in $(seq "$rounds"); do
        t0=$(date +%s%N)
        "$@" > /dev/null
        t1=$(date +%s%N)
        times+=($(( (t1 - t0) / 1000000 )))
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)] " ms (min " a[1] ", max " a[NR] ")"}'
}

export CAIRN_STORE_ROOT="$store"
n=$("$product/cairn" cert list --store My --json | grep -c '"thumbprint"')
[ "$n" = "$count" ] || { echo "cairn cert list shows $n entries, expected $count" >&2; exit 1; }
n=$("$JAVA_HOME/bin/keytool" -list -keystore "$keystore" -storetype PKCS12 -storepass benchpass | grep -c trustedCertEntry)
[ "$n" = "$count" ] || { echo "keytool -list shows $n entries, expected $count" >&2; exit 1; }

echo "== list, $count entries, median of $rounds (fresh JVM each) =="
echo "cairn cert list --store My --json   $(median_ms "$product/cairn" cert list --store My --json)"
echo "cairn cert list --store My          $(median_ms "$product/cairn" cert list --store My)"
echo "keytool -list (PKCS12, $count)       $(median_ms "$JAVA_HOME/bin/keytool" -list -keystore "$keystore" -storetype PKCS12 -storepass benchpass)"
echo "cairn cert --help (JVM + OSGi start) $(median_ms "$product/cairn" cert --help)"

if ls "$product"/plugins/org.cairn.certificates.export_*.jar > /dev/null 2>&1; then
    work="$bench/export"
    rm -rf "$work" && mkdir -p "$work"
    export CAIRN_STORE_ROOT="$work/stores"
    printf 'benchpass' > "$work/password"
    tp=$("$product/cairn" cert new-self-signed --subject "CN=export.example.org" --key rsa2048 --exportable --json |
        sed -n 's/.*"thumbprint": "\([0-9A-F]*\)".*/\1/p')
    "$product/cairn" cert export "$tp" --out "$work/cert.pem" --format base64 > /dev/null
    # the same key for openssl: exported once through cairn, converted to PEM
    "$product/cairn" cert export "$tp" --out "$work/ref.pfx" --password-file "$work/password" > /dev/null
    openssl pkcs12 -in "$work/ref.pfx" -nocerts -nodes -passin pass:benchpass -out "$work/key.pem" 2> /dev/null
    iterations=$(openssl pkcs12 -in "$work/ref.pfx" -info -noout -passin pass:benchpass 2>&1 | sed -n 's/^MAC: .*Iteration \([0-9]*\).*/\1/p')
    i=0
    cairn_export() {
        i=$((i + 1))
        "$product/cairn" cert export "$tp" --out "$work/c$i.pfx" --encryption aes256-sha256 --password-file "$work/password"
    }
    openssl_export() {
        i=$((i + 1))
        openssl pkcs12 -export -in "$work/cert.pem" -inkey "$work/key.pem" -out "$work/o$i.pfx" -name export.example.org \
            -keypbe AES-256-CBC -certpbe AES-256-CBC -macalg sha256 -iter "$iterations" -passout file:"$work/password"
    }
    echo "== export RSA-2048 with its key to PFX: AES-256-CBC/PBKDF2-SHA256 + HMAC-SHA256, $iterations iterations, median of $rounds =="
    echo "cairn cert export (write + read-back verification) $(median_ms cairn_export)"
    echo "openssl pkcs12 -export (same parameters)          $(median_ms openssl_export)"
    der_export() { "$product/cairn" cert export "$tp" --out "$work/d.cer" --format der --force; }
    echo "cairn cert export --format der (start-up + store)  $(median_ms der_export)"
    echo "openssl: $(openssl pkcs12 -in "$work/o1.pfx" -info -noout -passin pass:benchpass 2>&1 | grep -E '^MAC|PBKDF2' | head -2 | tr '\n' ' ')"
    echo "cairn:   $(openssl pkcs12 -in "$work/c1.pfx" -info -noout -passin pass:benchpass 2>&1 | grep -E '^MAC|PBKDF2' | head -2 | tr '\n' ' ')"
else
    echo "== export: not benchmarked (this product has no export service) =="
fi
