#!/usr/bin/env bash
# End-to-end check of "Trust Everywhere" / "Distrust Everywhere" (issue 14 item 3) on the built product:
# `cairn cert trust THUMBPRINT --everywhere` adds a root to the computer's local anchors (through the real
# update-ca-certificates) and to two NSS databases of the user (the shared one and a Firefox profile) in one step,
# each place confirmed by its own tool: p11-kit's `trust list`, `openssl verify`, `certutil -L`; `distrust
# --everywhere` removes it from all of them, confirmed the same way; a certificate that is not a root is refused and
# nothing changes. As root inside `unshare -m`, over temporary copies of the Debian trust trees bind-mounted on the
# real paths (as the namespace tests of org.cairn.certificates.system.tests do): the machine's trust files are
# fingerprinted before and after and must not change. Cairn's own stores and HOME are temporary folders;
# -Dcairn.system.root=/ lets the product change the (copied) system trust although its stores are moved.
# Without root, unshare, or a Debian trust layout it says why and stops without failing.
# Usage: releng/check-trust-everywhere.sh [PRODUCT_DIR]   (run by ./run-tests)
set -euo pipefail
top=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
product=${1:-$top/releng/org.cairn.repository/target/products/org.cairn.console.product/linux/gtk/x86_64/cairn}
# shellcheck source=jdk.sh
. "$top/releng/jdk.sh"
cairn_select_jdk
export CAIRN_JAVA="$JAVA_HOME/bin/java"
[ -x "$product/cairn" ] || { echo "No product at $product: build it first (./run-tests or ./mvnw -DskipTests package)." >&2; exit 1; }
skip() { echo "check-trust-everywhere: skipped: $*"; exit 0; }
[ "$(id -u)" = 0 ] || skip "needs root to bind-mount over the system's trust (CI runs as root)"
unshare -m true 2> /dev/null || skip "'unshare -m' is not permitted here"
[ -d /usr/local/share/ca-certificates ] || skip "not a Debian-style trust layout (no /usr/local/share/ca-certificates)"
for tool in update-ca-certificates trust certutil openssl; do
    command -v "$tool" > /dev/null || skip "$tool is missing (.ci/run installs ca-certificates, p11-kit, libnss3-tools)"
done

trees=(/etc/ssl /usr/local/share/ca-certificates /usr/share/ca-certificates /etc/ca-certificates.conf
    /etc/ca-certificates /var/lib/dpkg /var/lib/ca-certificates-java /var/log/dpkg.log)
fingerprint() {
    for p in "${trees[@]}"; do
        [ -e "$p" ] || continue
        find "$p" -maxdepth 3 \( -type f -o -type l \) -printf '%p %s %l\n' 2> /dev/null | sort
        [ -f "$p" ] && sha256sum "$p"
    done | sha256sum
    sha256sum /etc/ssl/certs/ca-certificates.crt 2> /dev/null || true
}
before=$(fingerprint)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
chmod 755 "$work"

cat > "$work/inner.sh" << 'INNER'
set -euo pipefail
work=$1; product=$2; shift 2
trees=("$@")
fail() { echo "FAIL: $*" >&2; exit 1; }
for real in "${trees[@]}"; do
    copy="$work/copy$real"
    if [ -d "$real" ]; then
        mkdir -p "$copy"; cp -a "$real/." "$copy/"
    elif [ -e "$real" ]; then
        mkdir -p "$(dirname "$copy")"; cp -a "$real" "$copy"
    else
        continue
    fi
    mount --bind "$copy" "$real"
done
if [ -s /var/lib/dpkg/triggers/Unincorp ] || grep -q '^Status: .*triggers-\(pending\|awaited\)' /var/lib/dpkg/status; then
    echo "check-trust-everywhere: skipped: dpkg has pending triggers; processing them here could change other files"
    exit 0
fi
cd "$work"
export HOME="$work/home" CAIRN_STORE_ROOT="$work/stores" CAIRN_VM_ARGS="-Dcairn.system.root=/"
unset DISPLAY WAYLAND_DISPLAY
shared="$HOME/.pki/nssdb"
profile="$HOME/.mozilla/firefox/ab12.default-release"
mkdir -p "$shared" "$profile"
printf '[Profile0]\nName=default-release\nIsRelative=1\nPath=ab12.default-release\nDefault=1\n' > "$HOME/.mozilla/firefox/profiles.ini"
certutil -N -d "sql:$shared" --empty-password
certutil -N -d "sql:$profile" --empty-password
name="Cairn Everywhere Check Root $$"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout root.key -out root.pem -subj "/CN=$name" \
    -days 2 -addext "basicConstraints=critical,CA:true" -addext "keyUsage=critical,keyCertSign,cRLSign" 2> /dev/null
openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout ca.key -out ca.csr \
    -subj "/CN=Cairn Everywhere Check Intermediate $$" 2> /dev/null
printf 'basicConstraints=critical,CA:true\nkeyUsage=critical,keyCertSign,cRLSign\n' > ca.ext
openssl x509 -req -in ca.csr -CA root.pem -CAkey root.key -CAcreateserial -days 2 -extfile ca.ext -out ca.pem 2> /dev/null
thumb() { openssl x509 -in "$1" -noout -fingerprint -sha1 | sed 's/.*=//; s/://g'; }
root=$(thumb root.pem)
intermediate=$(thumb ca.pem)
cairn() { "$product/cairn" cert "$@"; }

state() { # prints anchors=N nss=N verify=OK|FAIL
    local anchors nss=0
    anchors=$(trust list --filter=ca-anchors | grep -c "label: $name\$" || true)
    for db in "$shared" "$profile"; do
        if certutil -L -d "sql:$db" | grep -E "^$name +CT,C,C" > /dev/null; then nss=$((nss + 1)); fi
    done
    if openssl verify -CApath /etc/ssl/certs ca.pem > /dev/null 2>&1; then v=OK; else v=FAIL; fi
    echo "anchors=$anchors nss=$nss verify=$v"
}
[ "$(state)" = "anchors=0 nss=0 verify=FAIL" ] || fail "before: $(state)"

cairn import root.pem --store Root > /dev/null || fail "import of the root into Cairn's own store"
cairn import ca.pem --store CA > /dev/null || fail "import of the intermediate"

# not a root: refused, nothing changes
set +e; cairn trust "$intermediate" --everywhere > out 2> err; status=$?; set -e
[ "$status" = 1 ] && grep -q "only a root certificate" err || fail "an intermediate was not refused: $status $(cat out err)"
[ "$(state)" = "anchors=0 nss=0 verify=FAIL" ] || fail "after the refusal: $(state)"

cairn trust "$root" --everywhere > out 2> err || fail "trust --everywhere: $(cat out err)"
cat out
[ "$(grep -c ': added (sql:' out)" = 2 ] || fail "not added to both NSS databases: $(cat out err)"
grep -q "Trusted Root Certification Authorities / .LocalAnchors: added" out || fail "not added to the anchors: $(cat out err)"
[ -f "/usr/local/share/ca-certificates/cairn-$(echo "$root" | tr 'A-F' 'a-f').crt" ] || fail "no anchor file"
[ "$(state)" = "anchors=1 nss=2 verify=OK" ] || fail "after trust: $(state)"

cairn distrust "$root" --everywhere > out 2> err || fail "distrust --everywhere: $(cat out err)"
cat out
[ "$(grep -c ': removed$' out)" -ge 4 ] || fail "not removed everywhere (anchors, two databases, Cairn's own): $(cat out err)"
[ "$(state)" = "anchors=0 nss=0 verify=FAIL" ] || fail "after distrust: $(state)"
echo "check-trust-everywhere: inner checks passed"
INNER

set +e
unshare -m --propagation private bash "$work/inner.sh" "$work" "$product" "${trees[@]}" | tee "$work/log"
status=${PIPESTATUS[0]}
set -e
[ "$status" = 0 ] || { echo "FAIL: the check inside the namespace failed" >&2; exit 1; }
after=$(fingerprint)
[ "$before" = "$after" ] || { echo "FAIL: the machine's real trust files changed" >&2; exit 1; }
if grep -q "inner checks passed" "$work/log"; then
    echo "check-trust-everywhere: passed (anchors by trust list and openssl verify, two NSS databases by certutil -L; the real trust unchanged)"
fi
