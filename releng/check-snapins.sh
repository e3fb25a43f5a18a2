#!/usr/bin/env bash
# Checks `cairn snapin` on a copy of the built product: the test snap-in's repository (releng/org.cairn.snapin.testsite)
# is refused while unsigned, and a copy of it whose feature requires a plug-in nobody has is refused with that
# requirement named, both leaving the product unchanged (its `cairn snapin list`, bundles.info, config.ini, plugins/
# and features/ identical); with --trust-unsigned it is installed, listed with its version and origin, and the console
# starts with it; it is removed again; a copy signed with a key made here is refused until its signer's certificate
# is named with --trust-signer, then installed and removed (the jar:file: form of an archive). Needs: the built
# product and test site, python3, the JDK's keytool and jarsigner, xvfb-run, xdotool.
# Run by ./run-tests after the product is built; alone: releng/check-snapins.sh
set -euo pipefail
top=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
built="$top/releng/org.cairn.repository/target/products/org.cairn.console.product/linux/gtk/x86_64/cairn"
site="$top/releng/org.cairn.snapin.testsite/target/repository"
[ -x "$built/cairn" ] || { echo "No product at $built: build it first (./run-tests)." >&2; exit 1; }
[ -f "$site/content.jar" ] || { echo "No test site at $site: build it first (./run-tests)." >&2; exit 1; }
command -v xdotool >/dev/null || { echo "xdotool is needed: apt-get install xdotool" >&2; exit 1; }
. "$top/releng/jdk.sh"
cairn_select_jdk

if [ -z "${CAIRN_CHECK_INNER:-}" ]; then
    CAIRN_CHECK_INNER=1 exec xvfb-run -a -s "-screen 0 1280x1024x24" "$0" "$@"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME="$work/home" XDG_CACHE_HOME="$work/cache" XDG_CONFIG_HOME="$work/config" CAIRN_STORE_ROOT="$work/stores"
export CAIRN_JAVA="$JAVA_HOME/bin/java"
mkdir -p "$HOME"
cp -a "$built" "$work/cairn"
product="$work/cairn"
feature=org.cairn.testsnapin.feature

fail() { echo "FAIL: $*" >&2; exit 1; }

# What must not change when an operation is refused
state() {
    "$product/cairn" snapin list
    cat "$product/configuration/org.eclipse.equinox.simpleconfigurator/bundles.info"
    grep -v '^#' "$product/configuration/config.ini"
    ls "$product/plugins" "$product/features"
}

# Runs `cairn snapin ARGS...`; its exit status in $status, its output in $work/out
snapin() {
    status=0
    "$product/cairn" snapin "$@" >"$work/out" 2>&1 || status=$?
}

expect_refused() { # WHAT TEXT...: the last command failed with status 1 and said every TEXT
    local what=$1 text
    shift
    [ "$status" = 1 ] || { cat "$work/out" >&2; fail "$what: exit status $status, not 1"; }
    for text in "$@"; do
        grep -qF -- "$text" "$work/out" || { cat "$work/out" >&2; fail "$what: the message does not say '$text'"; }
    done
    state > "$work/after"
    diff -u "$work/before" "$work/after" >&2 || fail "$what changed the product"
    echo "OK: $what: refused ($(grep -m1 -F -- "$1" "$work/out" | sed 's/^ *//')), product unchanged"
}

expect_ok() { # WHAT
    [ "$status" = 0 ] || { cat "$work/out" >&2; fail "$1: exit status $status"; }
}

# Starts the console, waits for its window (3 minutes at most), closes it
start_console() {
    "$product/cairn" >"$work/console.log" 2>&1 &
    local pid=$! i
    for i in $(seq 1 1800); do
        if xdotool search --onlyvisible --name ' - \[Console Root' >/dev/null 2>&1; then
            kill "$pid"
            for i in $(seq 1 600); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
            wait "$pid" 2>/dev/null || true
            return 0
        fi
        kill -0 "$pid" 2>/dev/null || { cat "$work/console.log" >&2; fail "the console exited before showing its window"; }
        sleep 0.1
    done
    kill -9 "$pid" 2>/dev/null || true
    fail "no console window within 3 minutes"
}

# A p2 repository as plain content.xml and artifacts.xml (the jars unpacked), which the steps below edit
plain_copy() { # FROM TO
    cp -a "$1" "$2"
    python3 - "$2" <<'EOF'
import os, sys, zipfile
root = sys.argv[1]
for name in ("content", "artifacts"):
    with zipfile.ZipFile(os.path.join(root, name + ".jar")) as z:
        data = z.read(name + ".xml")
    open(os.path.join(root, name + ".xml"), "wb").write(data)
    for gone in (name + ".jar", name + ".xml.xz"):
        if os.path.exists(os.path.join(root, gone)):
            os.remove(os.path.join(root, gone))
if os.path.exists(os.path.join(root, "p2.index")):
    os.remove(os.path.join(root, "p2.index"))
EOF
}

state > "$work/before"
grep -q "^$feature" "$work/before" && fail "the fresh product already has $feature"

# 1. Unsigned: refused, and the message names the bundle
snapin install "$site" "$feature"
expect_refused "unsigned repository without --trust-unsigned" "Unsigned content" "org.cairn.console.testsnapin_"

# 2. A missing requirement: named, nothing installed (trusting unsigned content, so that trust is not the reason)
plain_copy "$site" "$work/broken"
python3 - "$work/broken/content.xml" "$feature.feature.group" <<'EOF'
import re, sys
path, unit = sys.argv[1], sys.argv[2]
text = open(path, encoding="utf-8").read()
start = text.index("<unit id='%s'" % unit)
end = text.index("</unit>", start)
body = text[start:end]
match = re.search(r"<requires size='(\d+)'>", body)
extra = "<required namespace='osgi.bundle' name='org.cairn.missing.plugin' range='[1.0.0,2.0.0)'/>"
body = body.replace(match.group(0), "<requires size='%d'>%s" % (int(match.group(1)) + 1, extra), 1)
open(path, "w", encoding="utf-8").write(text[:start] + body + text[end:])
EOF
snapin install --trust-unsigned "$work/broken" "$feature"
expect_refused "a feature with a missing requirement" "org.cairn.missing.plugin"

# 3. Not a repository, an unknown feature, a feature of Cairn itself: refused with a plain message
snapin install "$work/nowhere" "$feature"
expect_refused "a folder that does not exist" "No repository at"
snapin install --trust-unsigned "$site" org.cairn.nosuch.feature
expect_refused "a feature the repository does not have" "has no feature org.cairn.nosuch.feature" "$feature"
snapin uninstall org.cairn.certificates.feature
expect_refused "removing a feature that came with Cairn" "came with Cairn"

# 4. Unsigned content explicitly trusted: installed, listed with version and origin, in bundles.info; the console starts
snapin install --trust-unsigned "$site" "$feature"
expect_ok "install --trust-unsigned"
version=$(sed -n "s/^Installed $feature \([^ ]*\) from .*/\1/p" "$work/out")
[ -n "$version" ] || { cat "$work/out" >&2; fail "install did not say which version it installed"; }
snapin list
expect_ok "list"
grep -qP "^$feature\t$version\tfile:(//)?$site/?\$" "$work/out" || { cat "$work/out" >&2; fail "list does not show $feature $version from $site"; }
grep -q '^org.cairn.console.testsnapin,' "$product/configuration/org.eclipse.equinox.simpleconfigurator/bundles.info" ||
    fail "the snap-in's bundle is not in bundles.info"
echo "OK: installed $feature $version; list shows it with its origin"
snapin install --trust-unsigned "$site" "$feature"
[ "$status" = 1 ] && grep -qF "already installed" "$work/out" || { cat "$work/out" >&2; fail "a second install was not refused"; }
snapin update "$feature"
expect_ok "update"
grep -qF "up to date" "$work/out" || { cat "$work/out" >&2; fail "update of the newest version did not say it is up to date"; }
start_console
echo "OK: the console starts with the snap-in installed"

# 5. Uninstall: the product is as before (the snap-in's files removed too)
snapin uninstall "$feature"
expect_ok "uninstall"
state > "$work/after"
diff -u "$work/before" "$work/after" >&2 || fail "after uninstall the product differs from before the install"
start_console
echo "OK: uninstalled; the product is as before and the console starts"

# 6. Signed with a key made here: refused until the signer is trusted, then installed from a jar:file: archive
keytool -genkeypair -keystore "$work/signer.p12" -storetype PKCS12 -storepass testonly -alias publisher \
    -keyalg EC -groupname secp256r1 -validity 2 -dname "CN=Cairn Test Publisher,O=Cairn Tests" 2>/dev/null
keytool -exportcert -rfc -keystore "$work/signer.p12" -storepass testonly -alias publisher -file "$work/signer.pem" 2>/dev/null
plain_copy "$site" "$work/signed"
for jar in "$work"/signed/plugins/*.jar "$work"/signed/features/*.jar; do
    jarsigner -keystore "$work/signer.p12" -storepass testonly -storetype PKCS12 "$jar" publisher >/dev/null 2>&1 ||
        fail "jarsigner could not sign $jar"
done
# Signing changes the jars: their sizes and checksums in artifacts.xml are computed again
python3 - "$work/signed" <<'EOF'
import hashlib, os, re, sys
root = sys.argv[1]
path = os.path.join(root, "artifacts.xml")
text = open(path, encoding="utf-8").read()
def fix(match):
    artifact = match.group(0)
    classifier = re.search(r"classifier='([^']*)'", artifact).group(1)
    iu, version = re.search(r"id='([^']*)'", artifact).group(1), re.search(r"version='([^']*)'", artifact).group(1)
    folder = {"osgi.bundle": "plugins", "org.eclipse.update.feature": "features"}.get(classifier)
    if folder is None:
        return artifact
    data = open(os.path.join(root, folder, "%s_%s.jar" % (iu, version)), "rb").read()
    artifact = re.sub(r"(name='(?:download|artifact)\.size' value=')\d+'", lambda m: m.group(1) + str(len(data)) + "'", artifact)
    def digest(m):
        algorithm = {"sha-256": "sha256", "sha-512": "sha512", "md5": "md5", "sha-1": "sha1"}[m.group(2).lower()]
        return m.group(1) + hashlib.new(algorithm, data).hexdigest() + "'"
    artifact = re.sub(r"(name='(?:download|artifact)\.checksum\.([a-zA-Z0-9-]+)' value=')[0-9a-f]+'", digest, artifact)
    artifact = re.sub(r"(name='download\.(md5)' value=')[0-9a-f]+'", digest, artifact)
    return artifact
text = re.sub(r"<artifact .*?</artifact>", fix, text, flags=re.S)
open(path, "w", encoding="utf-8").write(text)
EOF
(cd "$work/signed" && python3 -c "import shutil; shutil.make_archive('$work/signed', 'zip', '.')")
snapin install "jar:file:$work/signed.zip!/" "$feature"
expect_refused "content signed by an untrusted publisher" "CN=Cairn Test Publisher"
snapin install --trust-signer "$work/signer.pem" "jar:file:$work/signed.zip!/" "$feature"
expect_ok "install --trust-signer"
"$product/cairn" snapin list | grep -qF "$feature" || fail "the signed snap-in is not listed"
echo "OK: signed content installed once its publisher is trusted (jar:file: archive)"
snapin uninstall "$feature"
expect_ok "uninstall of the signed snap-in"
state > "$work/after"
diff -u "$work/before" "$work/after" >&2 || fail "after the second uninstall the product differs from before"
echo "OK: cairn snapin install, list, update, uninstall and its refusals"
