#!/usr/bin/env bash
# End-to-end check of the command line in the built product: runs `cairn cert ...` as real processes, without a
# display, on a temporary store root, and checks outputs and exit statuses (JSON read with python3), and that no
# SWT class is loaded.
# Usage: releng/cli-e2e.sh [PRODUCT_DIR]
#   PRODUCT_DIR defaults to the product that ./run-tests (or ./mvnw -DskipTests package) builds.
set -euo pipefail
top=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
product=${1:-$top/releng/org.cairn.repository/target/products/org.cairn.console.product/linux/gtk/x86_64/cairn}
# shellcheck source=jdk.sh
. "$top/releng/jdk.sh"
cairn_select_jdk
export CAIRN_JAVA="$JAVA_HOME/bin/java"
[ -x "$product/cairn" ] || { echo "No product at $product: build it first (./run-tests or ./mvnw -DskipTests package)." >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export CAIRN_STORE_ROOT="$work/stores"
# a HOME of its own: the launcher's framework cache and the CDS archives go to ~/.cache, never the real one
export HOME="$work/home" XDG_CACHE_HOME="$work/cache" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
mkdir -p "$HOME"
unset DISPLAY WAYLAND_DISPLAY
corpus="$top/testdata/pkcs12"

fail() { echo "FAIL: $*" >&2; exit 1; }
expect_status() { # expected-status command...
    local want=$1; shift
    set +e; "$@" > "$work/out" 2> "$work/err"; local got=$?; set -e
    [ "$got" = "$want" ] || fail "$* exited $got, expected $want; stderr: $(cat "$work/err")"
}

cairn() { "$product/cairn" "$@"; }

expect_status 0 cairn cert list --json
[ "$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$work/out")" = 0 ] || fail "a fresh store lists entries"

expect_status 0 cairn cert new-self-signed --subject "CN=e2e.example.org,O=Cairn" --key ec-p256 --eku serverAuth --friendly-name "E2E" --json
tp=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["thumbprint"])' "$work/out")

expect_status 0 cairn cert list --json
python3 - "$work/out" "$tp" <<'PY' || fail "list --json"
import json, re, sys
entries = json.load(open(sys.argv[1]))
assert len(entries) == 1, entries
e = entries[0]
for field in ("thumbprint", "subject", "issuer", "notBefore", "notAfter", "friendlyName", "purposes",
              "hasPrivateKey", "exportable", "store", "physicalStore"):
    assert field in e, field
assert e["thumbprint"] == sys.argv[2] and re.fullmatch("[0-9A-F]{40}", e["thumbprint"])
assert e["subject"] == "CN=e2e.example.org,O=Cairn" and e["friendlyName"] == "E2E"
assert e["purposes"] == ["Server Authentication"] and e["hasPrivateKey"] is True and e["exportable"] is False
assert e["store"] == "My" and e["physicalStore"] == ".Default"
PY

expect_status 0 cairn cert show "$tp"
grep -q "Private key:  *yes" "$work/out" || fail "show does not report the key"
expect_status 2 cairn cert list --no-such-option
expect_status 2 cairn cert import x.pfx --password secret
expect_status 1 cairn cert show 0000000000000000000000000000000000000000
expect_status 2 cairn cert list --store My --store Root
grep -q "See 'cairn cert list --help'" "$work/err" || fail "a repeated option: $(cat "$work/err")"
expect_status 0 cairn cert help export
grep -q "^Usage: cairn cert export" "$work/out" || fail "cairn cert help export: $(cat "$work/out")"
# the bash completion and the man page are installed with the product, and work there
[ -f "$product/share/man/man1/cairn-cert.1" ] || fail "no man page in the product"
completion="$product/share/bash-completion/completions/cairn"
[ -f "$completion" ] || fail "no bash completion in the product"
# shellcheck disable=SC2016 # expanded by the inner bash
bash -c 'source "$1"; COMP_WORDS=(cairn cert exp); COMP_CWORD=2; COMP_LINE="cairn cert exp"; COMP_POINT=${#COMP_LINE}
    _complete_cairn cairn exp cert 2> /dev/null; printf "%s\n" "${COMPREPLY[@]}"' bash "$completion" > "$work/out"
[ "$(cat "$work/out")" = export ] || fail "completion of cairn cert exp: $(cat "$work/out")"
if command -v groff > /dev/null; then
    groff -ww -man -Tutf8 "$product/share/man/man1/cairn-cert.1" > /dev/null 2> "$work/err" && [ ! -s "$work/err" ] \
        || fail "groff: $(cat "$work/err")"
fi

if [ -n "$corpus" ]; then
    printf '1234\n' > "$work/pw"
    expect_status 0 cairn cert import "$corpus/rustcrypto_example2.pfx" --password-file "$work/pw"
    printf '4321\n' > "$work/pw"
    expect_status 1 cairn cert import "$corpus/rustcrypto_example3.pfx" --password-file "$work/pw"
    grep -q "The password is incorrect" "$work/err" || fail "wrong password message: $(cat "$work/err")"
    expect_status 0 sh -c "printf '' | '$product/cairn' cert import '$corpus/gnutls_test-null.p12'"
fi

# export on this "computer", import on another one
printf 'e2e secret\n' > "$work/pfxpw"
expect_status 1 cairn cert export "$tp" --out "$work/e2e.pfx" --password-file "$work/pfxpw"
grep -qi "export" "$work/err" || fail "a non-exportable key is refused with the reason"
expect_status 0 cairn cert new-self-signed --subject "CN=moving.example.org" --exportable --friendly-name "Moving" --json
mv_tp=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["thumbprint"])' "$work/out")
expect_status 0 cairn cert export "$mv_tp" --out "$work/moving.pfx" --password-file "$work/pfxpw"
expect_status 1 cairn cert export "$mv_tp" --out "$work/moving.pfx" --password-file "$work/pfxpw"
expect_status 0 env CAIRN_STORE_ROOT="$work/other" "$product/cairn" cert import "$work/moving.pfx" --password-file "$work/pfxpw" --json
expect_status 0 env CAIRN_STORE_ROOT="$work/other" "$product/cairn" cert list --json
python3 - "$work/out" "$mv_tp" <<'PY' || fail "the exported certificate did not arrive on the other store root"
import json, sys
[e] = json.load(open(sys.argv[1]))
assert e["thumbprint"] == sys.argv[2] and e["friendlyName"] == "Moving" and e["hasPrivateKey"] and not e["exportable"], e
PY

expect_status 0 cairn cert delete "$tp"

# no SWT: the command line must not load a single SWT class
CAIRN_VM_ARGS="-Xlog:class+load=info:file=$work/classes.log" cairn cert list > /dev/null
grep -q "org.cairn.certificates.cli.CertRun" "$work/classes.log" || fail "class log did not capture the run"
if grep -q "org.eclipse.swt" "$work/classes.log"; then fail "SWT classes were loaded"; fi

# no writable home, as for a service account: the command line must not need ~/.eclipse (it stopped with exit 15
# and no message). A copy of the product whose configuration/ is not writable, as in a root-owned installation.
chmod 755 "$work"
copy="$work/product"
cp -a "$product" "$copy"
chmod -R a+rX "$copy"
chmod a-w "$copy/configuration"
mkdir -p "$work/nohome" "$work/tmp-cli"
chmod 555 "$work/nohome"
chmod 1777 "$work/tmp-cli"
if [ "$(id -u)" = 0 ] && command -v runuser > /dev/null; then
    as_other=(runuser -u nobody -- env)
    mkdir -p "$work/other-stores"
    chown nobody "$work/other-stores"
else
    as_other=(env) # an ordinary account: the copy's configuration/ is not writable for it either
fi
expect_status 0 "${as_other[@]}" HOME="$work/nohome" TMPDIR="$work/tmp-cli" CAIRN_JAVA="$CAIRN_JAVA" \
    CAIRN_STORE_ROOT="$work/other-stores" "$copy/cairn" cert list --json
[ "$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$work/out")" = 0 ] \
    || fail "cert list without a writable home: $(cat "$work/out") $(cat "$work/err")"
[ -z "$(ls -A "$work/tmp-cli")" ] || fail "the command line left its temporary folder: $(ls -A "$work/tmp-cli")"
# there Java runs as the launch script's child, and still reads the script's standard input: a password on it
if [ -n "$corpus" ]; then
    cp "$corpus/rustcrypto_example2.pfx" "$work/for-other.pfx"
    printf '1234\n' > "$work/pw-other"
    chmod 644 "$work/for-other.pfx" "$work/pw-other"
    expect_status 0 "${as_other[@]}" HOME="$work/nohome" TMPDIR="$work/tmp-cli" CAIRN_JAVA="$CAIRN_JAVA" \
        CAIRN_STORE_ROOT="$work/other-stores" "$copy/cairn" cert import "$work/for-other.pfx" < "$work/pw-other"
    [ -z "$(ls -A "$work/tmp-cli")" ] || fail "the command line left its temporary folder: $(ls -A "$work/tmp-cli")"
fi
# nothing writable at all: a clear message and a non-zero exit, not silence
expect_status 1 "${as_other[@]}" HOME="$work/nohome" TMPDIR="$work/nohome" CAIRN_JAVA="$CAIRN_JAVA" \
    CAIRN_STORE_ROOT="$work/other-stores" "$copy/cairn" cert list
grep -q "no folder to run in" "$work/err" || fail "no message when nothing is writable: $(cat "$work/err")"

echo "cli-e2e: all checks passed ($product)"
