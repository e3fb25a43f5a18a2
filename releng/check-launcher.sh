#!/usr/bin/env bash
# Checks the built product's launch script on class-data sharing: the first start of a fresh installation makes
# the archive in ${XDG_CACHE_HOME}/cairn when it ends normally (one ended by a signal leaves none), the second start
# maps classes from it, and a damaged or truncated archive is ignored (the console still starts, and a good archive
# replaces the bad one); what the console starts
# without (SPI Fly, a CSS or theme engine) and what it keeps at a normal end (File > Exit: Declarative Services'
# component descriptions, read at the next start, a damaged copy ignored); and the command line's own
# configuration: made in the cache with none of SWT, e4 or p2, used, remade when damaged; and the message when no
# Java 21 or newer is found (what was tried, what to do). Needs: a built product,
# Xvfb, xdotool. Run by ./run-tests after the product is built; alone: releng/check-launcher.sh
set -euo pipefail
top=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
product="$top/releng/org.cairn.repository/target/products/org.cairn.console.product/linux/gtk/x86_64/cairn"
[ -x "$product/cairn" ] || { echo "No product at $product: build it first (./cairn or ./run-tests)." >&2; exit 1; }
command -v xdotool >/dev/null || { echo "xdotool is needed: apt-get install xdotool" >&2; exit 1; }
. "$top/releng/jdk.sh"
cairn_select_jdk

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME="$work/home" XDG_CACHE_HOME="$work/cache" XDG_CONFIG_HOME="$work/config" CAIRN_STORE_ROOT="$work/stores"
export CAIRN_JAVA="$JAVA_HOME/bin/java"
mkdir -p "$HOME"
cache="$XDG_CACHE_HOME/cairn"

fail() { echo "FAIL: $*" >&2; exit 1; }
# an X server of the check's own (releng/console.sh: starting and ending the console, every wait bounded)
. "$top/releng/console.sh"
console_x_server

CONSOLE_LOG="$work/out.log"

# Starts the console, waits for its window and closes it as a person does, File > Exit
exit_console() { console_start; console_exit; }

archive() { ls "$cache"/console-*.jsa 2>/dev/null | head -n 1; }

# The first start makes the archive as it ends; one ended by a signal (here once its window showed) may have loaded
# only part of the console's classes, and the JVM would use that part for good: the launch script removes it
console_start_and_end
[ -z "$(archive)" ] || fail "a first start ended by a signal kept its archive $(archive)"
echo "OK: a first start ended by a signal left no archive"
exit_console
[ -n "$(archive)" ] || fail "the first start closed with File > Exit made no archive in $cache"
echo "OK: the first start closed with File > Exit made $(basename "$(archive)") ($(stat -c %s "$(archive)") bytes)"

console_start_and_end "-Xlog:class+load=info:file=$work/classes.log"
shared=$(grep -c 'source: shared objects file (top)' "$work/classes.log" || true)
[ "$shared" -gt 100 ] || fail "the second start loaded only $shared classes from the archive"
echo "OK: the second start loaded $shared classes from the archive"
# The framework's (and its extension's) and the launcher's jars are unsigned at build time
# (releng/ProductJars.java): class-data sharing leaves out the classes of signed jars, and every class that
# extends or implements one of them
for id in org.eclipse.osgi org.eclipse.osgi.compatibility.state org.eclipse.equinox.launcher; do
    jar=$(ls "$product"/plugins/"$id"_*.jar | head -n 1)
    entries=$("$JAVA_HOME/bin/jar" tf "$jar")
    if grep -Eiq '^META-INF/[^/]+\.(SF|RSA|DSA|EC)$' <<< "$entries"; then fail "$(basename "$jar") is signed"; fi
done
# Every plug-in jar's entries are stored, not deflated (releng/ProductJars.java: the JVM reads each bundle class's
# bytes from its jar on every start, archived or not), and artifacts.xml has the jars' sizes (read by Python's zip
# reader, not Java's)
stored=$(python3 - "$product" <<'PY'
import glob, os, re, sys, zipfile
product = sys.argv[1]
index = open(os.path.join(product, "artifacts.xml"), encoding="utf-8").read()
jars = sorted(glob.glob(os.path.join(product, "plugins", "*.jar")))
for jar in jars:
    with zipfile.ZipFile(jar) as z:
        deflated = [i.filename for i in z.infolist() if i.compress_type != zipfile.ZIP_STORED]
        if deflated:
            sys.exit("%s has %d compressed entries (%s...)" % (os.path.basename(jar), len(deflated), deflated[0]))
        damaged = z.testzip()
        if damaged is not None:
            sys.exit("%s: entry %s is damaged" % (os.path.basename(jar), damaged))
    m = re.fullmatch(r"(.+?)_(\d+\.\d+\.\d+(?:\.[\w-]+)?)\.jar", os.path.basename(jar))
    size = m and re.search(r"id='%s' version='%s'>\s*<properties[^>]*>\s*<property name='download\.size' value='(\d+)'"
                           % (re.escape(m.group(1)), re.escape(m.group(2))), index)
    if not size or int(size.group(1)) != os.path.getsize(jar):
        sys.exit("artifacts.xml does not give the size of %s" % os.path.basename(jar))
print(len(jars))
PY
) || fail "the product's plug-in jars: $stored"
[ "$stored" -gt 100 ] || fail "only $stored plug-in jars in the product"
# and the bundles that were signed still are, and verify (a signature covers the entries' contents, not their
# compression)
for id in org.eclipse.swt.gtk.linux.x86_64 org.eclipse.e4.ui.workbench bcprov; do
    jar=$(ls "$product"/plugins/"$id"_*.jar | sed -n 1p)
    verified=$("$JAVA_HOME/bin/jarsigner" -verify "$jar" 2>&1) || true
    grep -q '^jar verified' <<< "$verified" || fail "$(basename "$jar") no longer verifies: $verified"
done
echo "OK: the product's $stored plug-in jars are stored, not compressed; the signed ones still verify"
for class in org.eclipse.equinox.launcher.Main org.eclipse.osgi.internal.framework.EquinoxContainer \
    org.eclipse.osgi.compatibility.state.Activator \
    org.apache.felix.scr.impl.Activator org.eclipse.e4.ui.internal.workbench.swt.E4Application \
    org.cairn.console.ui.internal.ConsoleAddon; do
    grep -q "\] $class source: shared objects file (top)" "$work/classes.log" ||
        fail "the second start did not map $class from the archive: $(grep -m1 "\] $class source" "$work/classes.log")"
done
framework=$(grep -c '\] org\.\(eclipse\.\)\?osgi\..* source: shared objects file (top)' "$work/classes.log" || true)
[ "$framework" -gt 350 ] || fail "the second start mapped only $framework of the framework's classes from the archive"
echo "OK: the framework's classes ($framework) and the bundles' came from the archive"
# SPI Fly is installed (jsvg and slf4j-api need it to resolve) but not started: started, it made a class loader for
# every bundle on the start-level thread before the window (cairn.product says why)
spifly=$(grep -E '^org\.apache\.aries\.spifly\.dynamic\.bundle,' \
    "$product/configuration/org.eclipse.equinox.simpleconfigurator/bundles.info" || true)
[ -n "$spifly" ] || fail "SPI Fly is not in the console's bundle list (jsvg and slf4j-api do not resolve without it)"
case $spifly in *,false) ;; *) fail "SPI Fly is started with the console: $spifly" ;; esac
if grep -q '\] org\.apache\.aries\.spifly\.' "$work/classes.log"; then
    fail "the console loaded SPI Fly's classes: $(grep -m1 '\] org\.apache\.aries\.spifly\.' "$work/classes.log")"
fi
echo "OK: SPI Fly is resolved, not started, and none of its classes was loaded"
# No CSS or theme engine (cssTheme "none": org.cairn.console.app/plugin.xml says why); a few of e4's CSS interfaces
# are still loaded by the renderers' signatures
css=$(grep -c '\] org\.eclipse\.e4\.ui\.css\.' "$work/classes.log" || true)
[ "$css" -lt 20 ] || fail "the console made e4's CSS or theme engine ($css classes of org.eclipse.e4.ui.css)"
echo "OK: no CSS or theme engine ($css of e4's CSS classes loaded)"
# Closed as a person closes it (File > Exit), the console keeps Declarative Services' component descriptions
# (ds.cache.metadata in config.ini, cairn.product says why) and its next start reads them
grep -qx 'ds.cache.metadata=true' "$product/configuration/config.ini" || fail "config.ini does not set ds.cache.metadata=true"
find "$product/configuration" "$HOME" -name componentMetadataStore -delete 2>/dev/null || true
exit_console
store=$(find "$product/configuration" "$HOME" -name componentMetadataStore 2>/dev/null | sed -n 1p)
[ -n "$store" ] || fail "closed with File > Exit, the console kept no component descriptions for its next start"
console_start_and_end "-Xlog:class+load=info:file=$work/classes-next.log"
grep -q '\] org\.apache\.felix\.scr\.impl\.metadata\.MetadataStoreHelper\$MetaDataReader ' "$work/classes-next.log" ||
    fail "the next start did not read the component descriptions kept in $store"
echo "OK: closed with File > Exit, the console kept its component descriptions and the next start read them"
# a damaged copy is ignored and the components are read from the bundles: cut short (as by a crash while SCR writes
# it), then random bytes
size=$(stat -c %s "$store")
truncate -s $((size / 2)) "$store"
console_start_and_end
head -c 4096 /dev/urandom > "$store"
console_start_and_end
echo "OK: with its component descriptions cut short, or random bytes, the console started"

good=$(stat -c %s "$(archive)")
printf 'not an archive\n' > "$(archive)"
exit_console
[ "$(stat -c %s "$(archive)")" -gt 1000 ] || fail "a damaged archive was not replaced"
echo "OK: with a damaged archive the console started, and a new archive replaced it"

truncate -s $((good / 2)) "$(archive)"
console_start_and_end
echo "OK: with a truncated archive the console started"

grep -i 'warning\|error' "$work/out.log" | grep -iv 'SessionManager\|dbus' && fail "the launcher printed warnings" || true
echo "OK: class-data sharing of the launch script"

# --- the command line's own configuration -------------------------------------------------------------------------
timeout 300 "$product/cairn" cert list --store Root > "$work/cli.log" 2>&1 || { cat "$work/cli.log" >&2; fail "cairn cert list failed"; }
own=$(ls -d "$cache"/cli-config-* 2>/dev/null | head -n 1)
[ -n "$own" ] && [ -f "$own/config.ini" ] || fail "cairn cert made no configuration of its own in $cache"
list="$own/org.eclipse.equinox.simpleconfigurator/bundles.info"
grep -q '^org\.cairn\.certificates\.cli,' "$list" || fail "the command line's bundle list lacks the command line"
grep -Eq '^org\.eclipse\.(swt|e4|equinox\.p2)' "$list" && fail "the command line's bundle list has SWT, e4 or p2"
grep -q 'eclipse.application=org.cairn.certificates.cli.cert' "$own/config.ini" || fail "config.ini names another application"
# Cairn's launcher keeps its framework there (releng/check-cli-launcher.sh checks it further)
[ -d "$own/framework/org.eclipse.osgi" ] || fail "the framework did not run in the command line's configuration"
grep -Eq '^(org\.cairn\.certificates\.remote|org\.apache\.sshd|slf4j|org\.apache\.aries\.spifly)' "$list" &&
    fail "the command line's bundle list has the SSH stack without --computer"
echo "OK: cairn cert ran on its own configuration ($(grep -vc '^#' "$list") of $(grep -vc '^#' "$product/configuration/org.eclipse.equinox.simpleconfigurator/bundles.info") bundles)"
# --computer: a second configuration with the bundle of other computers and SSH (the name cannot be resolved: .invalid)
if timeout 300 "$product/cairn" cert list --computer cairn-check.invalid > "$work/cli.log" 2>&1; then
    fail "cairn cert list --computer cairn-check.invalid succeeded"
fi
grep -q 'other computers need the bundle' "$work/cli.log" && { cat "$work/cli.log" >&2; fail "--computer ran without the remote bundle"; }
grep -qi 'unavailable\|not known' "$work/cli.log" || { cat "$work/cli.log" >&2; fail "--computer did not say the computer is unavailable"; }
remote=$(ls -d "$cache"/cli-remote-config-* 2>/dev/null | head -n 1)
[ -n "$remote" ] && grep -q '^org\.cairn\.certificates\.remote,' "$remote/org.eclipse.equinox.simpleconfigurator/bundles.info" &&
    grep -q '^org\.apache\.sshd\.osgi,' "$remote/org.eclipse.equinox.simpleconfigurator/bundles.info" ||
    fail "--computer made no configuration with the remote bundle and SSHD in $cache"
[ -f "$own/config.ini" ] || fail "the configuration with --computer removed the one without"
echo "OK: --computer runs on a second configuration with SSH ($(grep -vc '^#' "$remote/org.eclipse.equinox.simpleconfigurator/bundles.info") bundles)"
rm "$own/config.ini"
timeout 300 "$product/cairn" cert --help > "$work/cli.log" 2>&1 || { cat "$work/cli.log" >&2; fail "cairn cert --help failed after its configuration was damaged"; }
[ -f "$own/config.ini" ] || fail "a damaged configuration was not made again"
CAIRN_CLI_CONFIG=full timeout 300 "$product/cairn" cert list --store Root > "$work/cli.log" 2>&1 || { cat "$work/cli.log" >&2; fail "cairn cert failed on the full configuration"; }
echo "OK: a damaged configuration is made again; CAIRN_CLI_CONFIG=full runs on the installation's"

# --- no Java 21 or newer: the script says what it tried (in a private mount namespace over the machine's JDKs) -----
if [ "$(id -u)" = 0 ] && unshare -m true 2>/dev/null; then
    old="$work/old-java"
    mkdir -p "$old/bin"
    printf 'JAVA_VERSION="17.0.2"\n' > "$old/release"
    printf '#!/bin/sh\necho "the script started a Java it had refused" >&2\nexit 3\n' > "$old/bin/java"
    chmod +x "$old/bin/java"
    status=0
    env -u JAVA_HOME CAIRN_JAVA="$old/bin/java" PATH=/usr/bin:/bin timeout 300 unshare -m --propagation private \
        sh -c 'mount -t tmpfs none /usr/lib/jvm && exec "$0" cert --help' "$product/cairn" > "$work/nojava.log" 2>&1 ||
        status=$?
    [ "$status" = 1 ] || { cat "$work/nojava.log" >&2; fail "with no Java 21 or newer the script exited with $status, not 1"; }
    grep -q 'Java 21 or newer is required' "$work/nojava.log" && grep -q "^  $old/bin/java (Java 17)\$" "$work/nojava.log" &&
        grep -q 'set JAVA_HOME' "$work/nojava.log" || { cat "$work/nojava.log" >&2; fail "the message without Java does not name what was tried"; }
    echo "OK: without Java 21 or newer the script names the Java it tried and what to do"
else
    echo "SKIP: the check without Java needs root and 'unshare -m'"
fi
