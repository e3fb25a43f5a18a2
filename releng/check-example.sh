#!/usr/bin/env bash
# Checks the example third-party snap-in (examples/java-keystores) as a third party and an administrator meet it:
# 1. builds a copy of it outside the source tree with its own Tycho build, against Cairn's freshly built update
#    site (releng/org.cairn.repository/target/repository) and Maven Central only;
# 2. installs it with `cairn snapin install` into a copy of the built product, with its UI test feature;
# 3. starts that console under Xvfb: the UI test inside it (com.example.keystores.tests, driven by Cairn's
#    org.cairn.testing.ui from the update site) adds Java Keystores from Add/Remove Snap-in, finds the entry of a keystore
#    made by keytool, and runs All Tasks → Copy SHA-256 Fingerprint on a certificate of Personal, whose
#    fingerprint openssl computed;
# 4. removes both with `cairn snapin uninstall`: the product is as before, and the console still starts.
# Needs: the built product and update site, a JDK (keytool), openssl, Xvfb, xdotool. --offline builds the
# example offline (Maven's -o), as the build that runs this does when it is offline.
# Run by ./run-tests after the product is built; alone: releng/check-example.sh [--offline]
set -euo pipefail
top=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
built="$top/releng/org.cairn.repository/target/products/org.cairn.console.product/linux/gtk/x86_64/cairn"
cairn_site="$top/releng/org.cairn.repository/target/repository"
example="$top/examples/java-keystores"
signer="$top/target/test-signing/signer.pem"
results="$top/target/check-example"
offline=
for arg in "$@"; do
    case "$arg" in
        --offline|--offline=true) offline=-o ;;
        --offline=false) ;;
        *) echo "usage: $0 [--offline]" >&2; exit 2 ;;
    esac
done
[ -x "$built/cairn" ] || { echo "No product at $built: build it first (./run-tests)." >&2; exit 1; }
[ -f "$cairn_site/content.jar" ] || { echo "No update site at $cairn_site: build it first (./run-tests)." >&2; exit 1; }
[ -f "$signer" ] || { echo "No test signing certificate $signer: build first (./run-tests)." >&2; exit 1; }
command -v xdotool >/dev/null || { echo "xdotool is needed: apt-get install xdotool" >&2; exit 1; }
command -v openssl >/dev/null || { echo "openssl is needed: apt-get install openssl" >&2; exit 1; }
. "$top/releng/jdk.sh"
cairn_select_jdk

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
# an X server of the check's own (releng/console.sh: starting and ending the console, every wait bounded)
. "$top/releng/console.sh"
console_x_server

# 1. The example's own build, on a copy outside the source tree: nothing but the update site and Maven Central
#    (the user's Maven repository and settings, as any Maven build; the HOME below is set after it)
cp -a "$example" "$work/java-keystores"
rm -rf "$work/java-keystores"/*/target "$work/java-keystores"/*/bin
echo "Building the example snap-in in $work/java-keystores against $cairn_site"
if ! (cd "$work/java-keystores" && nice -n 5 ./mvnw -B $offline verify "-Dcairn.repository=file:$cairn_site") \
        >"$work/example-build.log" 2>&1; then
    tail -n 60 "$work/example-build.log" >&2
    fail "the example snap-in did not build against the update site"
fi
snapin_site="$work/java-keystores/com.example.keystores.repository/target/repository"
tests_site="$work/java-keystores/com.example.keystores.tests.repository/target/repository"
for site in "$snapin_site" "$tests_site"; do
    [ -f "$site/content.jar" ] || [ -f "$site/content.xml" ] || fail "the example's build made no repository $site"
done
if [ -n "$(ls "$snapin_site/plugins" | grep -v '^com\.example\.keystores_' || true)" ]; then
    ls "$snapin_site/plugins" >&2
    fail "the snap-in's repository holds more than its own bundle"
fi
echo "OK: the example built against the update site alone"

export HOME="$work/home" XDG_CACHE_HOME="$work/cache" XDG_CONFIG_HOME="$work/config" CAIRN_STORE_ROOT="$work/stores"
export CAIRN_JAVA="$JAVA_HOME/bin/java"
mkdir -p "$HOME"
cp -a "$built" "$work/cairn"
product="$work/cairn"
rm -rf "$results"
mkdir -p "$results/screenshots"

state() {
    "$product/cairn" snapin list
    cat "$product/configuration/org.eclipse.equinox.simpleconfigurator/bundles.info"
    grep -v '^#' "$product/configuration/config.ini"
    ls "$product/plugins" "$product/features"
}

snapin() { # ARGS...: `cairn snapin ARGS...`, which must succeed
    "$product/cairn" snapin "$@" >"$work/out" 2>&1 || { cat "$work/out" >&2; fail "cairn snapin $*"; }
}

CONSOLE_LOG="$work/console.log"

state > "$work/before"

# What the UI test expects, made by tools independent of Cairn: a keystore by keytool, a certificate and its
# SHA-256 fingerprint by openssl (the certificate put in Current User's Personal store by `cairn cert import`)
keystores="$work/keystores"
mkdir -p "$keystores"
"$JAVA_HOME/bin/keytool" -genkeypair -storetype JKS -keystore "$keystores/example.jks" -storepass example-only \
    -keypass example-only -alias example-server -dname "CN=server.example.com, O=Example" -keyalg EC \
    -groupname secp256r1 -validity 30 >/dev/null 2>&1 || fail "keytool could not make the test keystore"
subject=$("$JAVA_HOME/bin/keytool" -exportcert -rfc -keystore "$keystores/example.jks" -storepass example-only \
    -alias example-server 2>/dev/null | openssl x509 -noout -subject -nameopt RFC2253 | sed 's/^subject=//')
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$work/key.pem" -out "$work/certificate.pem" -days 30 \
    -subj "/CN=fingerprint.example.com" 2>/dev/null || fail "openssl could not make the test certificate"
sha256=$(openssl x509 -in "$work/certificate.pem" -noout -fingerprint -sha256 | sed 's/^[^=]*=//')
"$product/cairn" cert import "$work/certificate.pem" --store My >"$work/out" 2>&1 ||
    { cat "$work/out" >&2; fail "cairn cert import of the test certificate"; }

# 2. Installed with `cairn snapin`: unsigned, as a development build is (a publisher signs hers: see the guide)
snapin install --trust-unsigned "$snapin_site" com.example.keystores.feature
# the test feature also carries Cairn's UI test driver from Cairn's update site, signed by Cairn's build
snapin install --trust-unsigned --trust-signer "$signer" "$tests_site" com.example.keystores.tests.feature
"$product/cairn" snapin list > "$work/out"
grep -q '^com\.example\.keystores\.feature' "$work/out" || { cat "$work/out" >&2; fail "the snap-in is not listed"; }
echo "OK: the example snap-in and its UI test installed with cairn snapin"

# 3. The console, with the UI test running inside it; its report says PASSED or FAILED
report="$results/report.txt"
props="-Dcom.example.keystores.tests"
(cd "$results" && CAIRN_VM_ARGS="$props.report=$report $props.folder=$keystores $props.alias=example-server \
    $props.subject=$subject $props.certificate=fingerprint.example.com $props.sha256=$sha256 \
    $props.screenshots=$results/screenshots" "$product/cairn" >"$results/console.log" 2>&1) &
pid=$!
for i in $(seq 1 6000); do
    [ -f "$report" ] && break
    kill -0 "$pid" 2>/dev/null || { cat "$results/console.log" >&2; fail "the console exited before the UI test ended"; }
    sleep 0.1
done
CONSOLE_PID=$pid
console_end_by_signal
[ -f "$report" ] || fail "the UI test wrote no report within 10 minutes (console output: $results/console.log)"
cat "$report"
grep -qx 'RESULT: PASSED' "$report" || fail "the UI test inside the installed console failed (screenshots: $results)"
echo "OK: the UI test inside the installed console passed (screenshots in $results/screenshots)"

# 4. Removed again: the product is as before, and the console starts with its other snap-ins
snapin uninstall com.example.keystores.tests.feature
snapin uninstall com.example.keystores.feature
state > "$work/after"
diff -u "$work/before" "$work/after" >&2 || fail "after uninstalling the example the product differs from before"
console_start_and_end
echo "OK: uninstalled; the product is as before and the console starts"
echo "OK: the example snap-in built outside the tree, installed, tested inside the console and removed"
