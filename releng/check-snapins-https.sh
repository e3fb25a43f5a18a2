#!/usr/bin/env bash
# Checks `cairn snapin install` from an https: repository: the test snap-in's site (releng/org.cairn.snapin.testsite,
# signed by the build's test key) served over TLS on 127.0.0.1 (Python's http.server) with a server certificate from
# a CA made by openssl for this test. The JVM's trust store is the JDK's unless CAIRN_VM_ARGS names another
# (-Djavax.net.ssl.trustStore=...): without the test CA the install is refused and the product is unchanged; with a
# trust store holding the test CA the snap-in is installed from https and removed again.
# Needs: the built product and test site, openssl, python3, a JDK (keytool).
# Run by ./run-tests after the product is built; alone: releng/check-snapins-https.sh
set -euo pipefail
top=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
built="$top/releng/org.cairn.repository/target/products/org.cairn.console.product/linux/gtk/x86_64/cairn"
site="$top/releng/org.cairn.snapin.testsite/target/repository"
signer="$top/target/test-signing/signer.pem"
feature=org.cairn.testsnapin.feature
[ -x "$built/cairn" ] || { echo "No product at $built: build it first (./run-tests)." >&2; exit 1; }
[ -f "$site/content.jar" ] || { echo "No test site at $site: build it first (./run-tests)." >&2; exit 1; }
[ -f "$signer" ] || { echo "No test signing certificate $signer: build first (./run-tests)." >&2; exit 1; }
command -v openssl >/dev/null || { echo "openssl is needed: apt-get install openssl" >&2; exit 1; }
. "$top/releng/jdk.sh"
cairn_select_jdk

work=$(mktemp -d)
server=
cleanup() {
    if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT
export HOME="$work/home" XDG_CACHE_HOME="$work/cache" XDG_CONFIG_HOME="$work/config" CAIRN_STORE_ROOT="$work/stores"
export CAIRN_JAVA="$JAVA_HOME/bin/java"
mkdir -p "$HOME"
cp -a "$built" "$work/cairn"
product="$work/cairn"
fail() { echo "FAIL: $*" >&2; exit 1; }

state() {
    "$product/cairn" snapin list
    cat "$product/configuration/org.eclipse.equinox.simpleconfigurator/bundles.info"
    grep -v '^#' "$product/configuration/config.ini"
    ls "$product/plugins" "$product/features"
}

# A CA for this test, and a certificate for 127.0.0.1 from it
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$work/ca.key" -out "$work/ca.pem" -days 2 \
    -subj "/CN=Cairn Test Repository CA (test only)" -addext basicConstraints=critical,CA:TRUE \
    -addext keyUsage=critical,keyCertSign 2>/dev/null || fail "openssl could not make the test CA"
openssl req -newkey rsa:2048 -nodes -keyout "$work/server.key" -out "$work/server.csr" -subj "/CN=127.0.0.1" \
    2>/dev/null || fail "openssl could not make the server's request"
printf 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n' > "$work/server.ext"
openssl x509 -req -in "$work/server.csr" -CA "$work/ca.pem" -CAkey "$work/ca.key" -CAcreateserial -days 2 \
    -extfile "$work/server.ext" -out "$work/server.pem" 2>/dev/null || fail "openssl could not sign the server certificate"
"$JAVA_HOME/bin/keytool" -importcert -noprompt -alias test-ca -file "$work/ca.pem" -keystore "$work/trust.p12" \
    -storetype PKCS12 -storepass test-trust-only >/dev/null 2>&1 || fail "keytool could not make the trust store"

# The site served over https on 127.0.0.1 by Python's http.server in a TLS socket (openssl s_server -WWW answers no
# HEAD request, which p2 sends to see whether its cached index is current); the port is the one the server got
cp -a "$site" "$work/www"
python3 - "$work/www" "$work/server.pem" "$work/server.key" "$work/port" >"$work/server.log" 2>&1 <<'PY' &
import functools, http.server, os, ssl, sys
root, cert, key, port_file = sys.argv[1:5]
handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=root)
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
context.load_cert_chain(cert, key)
server.socket = context.wrap_socket(server.socket, server_side=True)
with open(port_file + ".part", "w") as f:
    f.write(str(server.server_address[1]))
os.replace(port_file + ".part", port_file)
server.serve_forever()
PY
server=$!
for i in $(seq 1 100); do
    [ -s "$work/port" ] && break
    kill -0 "$server" 2>/dev/null || { cat "$work/server.log" >&2; fail "the https server did not start"; }
    sleep 0.1
done
[ -s "$work/port" ] || fail "the https server did not start within 10 seconds"
port=$(cat "$work/port")
url="https://127.0.0.1:$port/"

state > "$work/before"

# 1. The JDK's trust store does not know the test CA: refused, nothing changed
status=0
"$product/cairn" snapin install --trust-signer "$signer" "$url" "$feature" >"$work/out" 2>&1 || status=$?
[ "$status" = 1 ] || { cat "$work/out" >&2; fail "an https repository with an unknown CA: exit status $status, not 1"; }
grep -qF "the server's certificate is not trusted" "$work/out" && grep -qF 'javax.net.ssl.trustStore' "$work/out" ||
    { cat "$work/out" >&2; fail "the refusal does not say that the server's certificate is not trusted, nor what to do"; }
state > "$work/after"
diff -u "$work/before" "$work/after" >&2 || fail "the refused https install changed the product"
echo "OK: https repository whose CA is not trusted: refused ($(head -n 1 "$work/out")), product unchanged"

# 2. With a trust store that holds the test CA: installed from https, listed with its https origin, removed
status=0
CAIRN_VM_ARGS="-Djavax.net.ssl.trustStore=$work/trust.p12 -Djavax.net.ssl.trustStorePassword=test-trust-only -Djavax.net.ssl.trustStoreType=PKCS12" \
    "$product/cairn" snapin install --trust-signer "$signer" "$url" "$feature" >"$work/out" 2>&1 || status=$?
[ "$status" = 0 ] || { cat "$work/out" "$work/server.log" >&2; fail "install from $url with the test CA trusted: exit status $status"; }
"$product/cairn" snapin list >"$work/out"
grep -qF "$url" "$work/out" || { cat "$work/out" >&2; fail "list does not show $feature from $url"; }
echo "OK: installed from $url (its CA in the trust store named by CAIRN_VM_ARGS)"
"$product/cairn" snapin uninstall "$feature" >"$work/out" 2>&1 || { cat "$work/out" >&2; fail "uninstall"; }
state > "$work/after"
diff -u "$work/before" "$work/after" >&2 || fail "after uninstall the product differs from before"
echo "OK: cairn snapin over https, with the server's CA trusted through the JVM's trust store"
