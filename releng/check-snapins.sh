#!/usr/bin/env bash
# Checks `cairn snapin` on a copy of the built product. The build signs its bundles and features with a key made for
# the tests (releng/test-signing-key.sh, target/test-signing). The test snap-in's repository
# (releng/org.cairn.snapin.testsite) is refused while its signer is not trusted, and an unsigned copy of it while
# --trust-unsigned is not given; a copy whose feature requires a plug-in nobody has is refused with that requirement
# named; each refusal leaves the product unchanged (its `cairn snapin list`, bundles.info, config.ini, plugins/ and
# features/ identical). The unsigned copy with --trust-unsigned is installed, listed with its version and origin, the
# console starts with it, and it is removed again; then the signed site as a jar:file: archive with --trust-signer,
# and the SDK feature from Cairn's own update site. Needs: the built product, update site and test site, python3,
# Xvfb, xdotool.
# Run by ./run-tests after the product is built; alone: releng/check-snapins.sh
set -euo pipefail
top=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
built="$top/releng/org.cairn.repository/target/products/org.cairn.console.product/linux/gtk/x86_64/cairn"
site="$top/releng/org.cairn.snapin.testsite/target/repository"
cairn_site="$top/releng/org.cairn.repository/target/repository"
signer="$top/target/test-signing/signer.pem"
repo_tool="$top/releng/p2-repo-tool.py"
[ -x "$built/cairn" ] || { echo "No product at $built: build it first (./run-tests)." >&2; exit 1; }
[ -f "$site/content.jar" ] || { echo "No test site at $site: build it first (./run-tests)." >&2; exit 1; }
[ -f "$signer" ] || { echo "No test signing certificate $signer: build first (./run-tests)." >&2; exit 1; }
command -v xdotool >/dev/null || { echo "xdotool is needed: apt-get install xdotool" >&2; exit 1; }
. "$top/releng/jdk.sh"
cairn_select_jdk

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME="$work/home" XDG_CACHE_HOME="$work/cache" XDG_CONFIG_HOME="$work/config" CAIRN_STORE_ROOT="$work/stores"
export CAIRN_JAVA="$JAVA_HOME/bin/java"
mkdir -p "$HOME"
cp -a "$built" "$work/cairn"
product="$work/cairn"
feature=org.cairn.testsnapin.feature

fail() { echo "FAIL: $*" >&2; exit 1; }
# an X server of the check's own (releng/console.sh: starting and ending the console, every wait bounded)
. "$top/releng/console.sh"
console_x_server

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

CONSOLE_LOG="$work/console.log"

# A p2 repository as plain content.xml and artifacts.xml, which the steps below edit
plain_copy() { # FROM TO
    cp -a "$1" "$2"
    python3 "$repo_tool" plain "$2"
}

state > "$work/before"
grep -q "^$feature" "$work/before" && fail "the fresh product already has $feature"

# 1. Signed by the build's test key, not trusted: refused, the signer named; unsigned: refused, the bundle named
snapin install "$site" "$feature"
expect_refused "content signed by an untrusted publisher" "not trusted" "CN=Cairn Test Build Signer (test only)"
plain_copy "$site" "$work/unsigned"
python3 "$repo_tool" unsign "$work/unsigned"
snapin install "$work/unsigned" "$feature"
expect_refused "unsigned repository without --trust-unsigned" "Unsigned content" "org.cairn.console.testsnapin_"

# 2. A missing requirement: named, nothing installed (trusting unsigned content, so that trust is not the reason)
plain_copy "$site" "$work/broken"
python3 "$repo_tool" require "$work/broken" "$feature.feature.group" org.cairn.missing.plugin
snapin install --trust-unsigned "$work/broken" "$feature"
expect_refused "a feature with a missing requirement" "org.cairn.missing.plugin"

# 3. Not a repository, an unknown feature, a feature of Cairn itself: refused with a plain message
snapin install "$work/nowhere" "$feature"
expect_refused "a folder that does not exist" "No repository at"
snapin install --trust-signer "$signer" "$site" org.cairn.nosuch.feature
expect_refused "a feature the repository does not have" "has no feature org.cairn.nosuch.feature" "$feature"
snapin uninstall org.cairn.certificates.feature
expect_refused "removing a feature that came with Cairn" "came with Cairn"

# 4. Unsigned content explicitly trusted: installed, listed with version and origin, in bundles.info; the console starts
snapin install --trust-unsigned "$work/unsigned" "$feature"
expect_ok "install --trust-unsigned"
version=$(sed -n "s/^Installed $feature \([^ ]*\) from .*/\1/p" "$work/out")
[ -n "$version" ] || { cat "$work/out" >&2; fail "install did not say which version it installed"; }
snapin list
expect_ok "list"
grep -qP "^$feature\t$version\tfile:(//)?$work/unsigned/?\$" "$work/out" || { cat "$work/out" >&2; fail "list does not show $feature $version from $work/unsigned"; }
grep -q '^org.cairn.console.testsnapin,' "$product/configuration/org.eclipse.equinox.simpleconfigurator/bundles.info" ||
    fail "the snap-in's bundle is not in bundles.info"
echo "OK: installed $feature $version; list shows it with its origin"
snapin install --trust-unsigned "$work/unsigned" "$feature"
[ "$status" = 1 ] && grep -qF "already installed" "$work/out" || { cat "$work/out" >&2; fail "a second install was not refused"; }
snapin update "$feature"
expect_ok "update"
grep -qF "up to date" "$work/out" || { cat "$work/out" >&2; fail "update of the newest version did not say it is up to date"; }
console_start_and_end
echo "OK: the console starts with the snap-in installed"

# 5. Uninstall: the product is as before (the snap-in's files removed too)
snapin uninstall "$feature"
expect_ok "uninstall"
state > "$work/after"
diff -u "$work/before" "$work/after" >&2 || fail "after uninstall the product differs from before the install"
console_start_and_end
echo "OK: uninstalled; the product is as before and the console starts"

# 6. Signed content, its signer trusted with --trust-signer: installed from a jar:file: archive of the site
(cd "$site" && python3 -c "import shutil, sys; shutil.make_archive(sys.argv[1], 'zip', '.')" "$work/signed")
snapin install --trust-signer "$signer" "jar:file:$work/signed.zip!/" "$feature"
expect_ok "install --trust-signer"
grep -qF "$feature" <<< "$("$product/cairn" snapin list)" || fail "the signed snap-in is not listed"
echo "OK: signed content installed once its publisher is trusted (jar:file: archive)"
snapin uninstall "$feature"
expect_ok "uninstall of the signed snap-in"
state > "$work/after"
diff -u "$work/before" "$work/after" >&2 || fail "after the second uninstall the product differs from before"

# 7. The SDK feature from Cairn's own update site: its source bundles added, then removed
snapin install --trust-signer "$signer" "$cairn_site" org.cairn.sdk.feature
expect_ok "install of the SDK"
compgen -G "$product/plugins/org.cairn.console.api.source_*" > /dev/null || fail "the SDK did not add org.cairn.console.api.source"
# Its API reference (org.cairn.sdk.doc): a page for every exported package of the API bundles (as their manifests in
# this tree export them), SnapIn's page with its Javadoc, nothing of an internal package
doc=$(ls "$product"/plugins/org.cairn.sdk.doc_*.jar 2>/dev/null | head -n 1)
[ -n "$doc" ] || fail "the SDK did not add its API reference org.cairn.sdk.doc"
python3 -m zipfile -e "$doc" "$work/doc" || fail "the API reference $doc cannot be read"
[ -f "$work/doc/reference/api/index.html" ] || fail "the API reference has no index.html"
for bundle in org.cairn.console.api org.cairn.certificates.core org.cairn.certificates.export org.cairn.certificates.ui; do
    # the first name of each clause (one a line in these manifests), not the names in uses:= or x-friends:=
    exported=$(sed -n '/^Export-Package:/,/^[A-Z][A-Za-z-]*:/p' "$top/bundles/$bundle/META-INF/MANIFEST.MF" |
        sed -n 's/^\(Export-Package: \| \)\(org\.cairn[a-z0-9.]*\).*/\2/p' | grep -v '\.internal' | sort -u)
    [ -n "$exported" ] || fail "no exported package found in $bundle's manifest"
    for package in $exported; do
        page="$work/doc/reference/api/$(printf '%s' "$package" | tr . /)/package-summary.html"
        [ -f "$page" ] || fail "the API reference lacks package $package of $bundle"
    done
done
grep -q 'A snap-in: a kind of node tree the user can add to a console' "$work/doc/reference/api/org/cairn/console/api/SnapIn.html" ||
    fail "SnapIn's page in the API reference lacks its Javadoc"
internal=$(find "$work/doc/reference" -path '*/internal/*')
if [ -n "$internal" ]; then
    fail "the API reference documents an internal package: ${internal%%$'\n'*}"
fi
echo "OK: the SDK's API reference: $(find "$work/doc/reference/api/org" -name package-summary.html | wc -l) packages"
snapin uninstall org.cairn.sdk.feature
expect_ok "uninstall of the SDK"
state > "$work/after"
diff -u "$work/before" "$work/after" >&2 || fail "after removing the SDK the product differs from before"
echo "OK: the SDK feature installed from Cairn's update site (signed by the build) and removed"
echo "OK: cairn snapin install, list, update, uninstall and its refusals"
