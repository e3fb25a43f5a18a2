#!/usr/bin/env bash
# Checks Cairn's own launcher of `cairn cert` (bundles/org.cairn.launcher) in the built product: help runs without the
# framework; the first other start makes the framework in the cache, the second uses it (and class-data sharing covers the framework's classes); a damaged
# framework and a framework folder that cannot be written still run the command; several runs at once on a fresh
# cache all succeed and leave one framework; two installations keep their own files in one cache; a read-only
# installation works;
# output and exit statuses are those of the Equinox launcher's path (CAIRN_CLI_CONFIG=full). Everything runs with a
# temporary HOME, XDG_CACHE_HOME and CAIRN_STORE_ROOT. No display needed. Run by ./run-tests after the product is
# built; alone: releng/check-cli-launcher.sh [PRODUCT_DIR]
set -euo pipefail
top=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
product=${1:-$top/releng/org.cairn.repository/target/products/org.cairn.console.product/linux/gtk/x86_64/cairn}
[ -x "$product/cairn" ] || { echo "No product at $product: build it first (./run-tests or ./mvnw -DskipTests verify)." >&2; exit 1; }
# shellcheck source=jdk.sh
. "$top/releng/jdk.sh"
cairn_select_jdk
export CAIRN_JAVA="$JAVA_HOME/bin/java"
unset DISPLAY WAYLAND_DISPLAY CAIRN_VM_ARGS CAIRN_CLI_CONFIG

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME="$work/home" XDG_CACHE_HOME="$work/cache" CAIRN_STORE_ROOT="$work/stores"
mkdir -p "$HOME"
cache="$XDG_CACHE_HOME/cairn"

fail() { echo "FAIL: $*" >&2; exit 1; }
# run NAME [ENV=VALUE...] -- ARGS...: cairn cert ARGS with the launcher's trace on; stdout, stderr and status in
# $work/NAME.{out,err,status}; the trace lines are kept apart in $work/NAME.trace
run() {
    local name=$1; shift
    local envs=()
    while [ "$1" != -- ]; do envs+=("$1"); shift; done
    shift
    set +e
    env "${envs[@]}" CAIRN_VM_ARGS="-Dcairn.launcher.trace=true ${VM:-}" "$product/cairn" cert "$@" \
        < "${STDIN:-/dev/null}" > "$work/$name.out" 2> "$work/$name.all"
    echo $? > "$work/$name.status"
    set -e
    grep '^cairn launcher: ' "$work/$name.all" > "$work/$name.trace" || true
    grep -v '^cairn launcher: ' "$work/$name.all" > "$work/$name.err" || true
}
# full NAME -- ARGS...: the same on the Equinox launcher's path
full() {
    local name=$1; shift 2
    set +e
    CAIRN_CLI_CONFIG=full "$product/cairn" cert "$@" < "${STDIN:-/dev/null}" > "$work/$name.out" 2> "$work/$name.err"
    echo $? > "$work/$name.status"
    set -e
}
status() { cat "$work/$1.status"; }
traced() { grep -q "$2" "$work/$1.trace" || fail "$1: the launcher did not say '$2'; it said: $(cat "$work/$1.trace") $(cat "$work/$1.err")"; }
same() { # A B: same stdout, stderr and status
    local a=$1 b=$2 part
    for part in out err status; do
        cmp -s "$work/$a.$part" "$work/$b.$part" ||
            fail "$a and $b differ in $part: $(diff "$work/$a.$part" "$work/$b.$part" | head -n 20)"
    done
}
framework() { ls -d "$cache"/cli-config-*/framework 2>/dev/null | head -n 1; }
# vm_flag FLAG ARGS...: the JVM's value of FLAG (true, false...) in a run of cairn cert ARGS; its stderr in $work/flag.err
vm_flag() {
    local flag=$1; shift
    CAIRN_VM_ARGS=-XX:+PrintFlagsFinal "$product/cairn" cert "$@" 2> "$work/flag.err" | awk -v f="$flag" '$2 == f {print $4}'
}

# --- help without the framework -------------------------------------------------------------------------------------
# the launcher asks the command line's help class first, in a plain class loader: no framework is started or made
n=0
for args in "--help" "-h" "help" "help export" "export --help" "list -h" "help no-such-subcommand" ""; do
    n=$((n + 1))
    # shellcheck disable=SC2086 # the words of the arguments
    run "help$n" -- $args
    # shellcheck disable=SC2086
    full "help$n-full" -- $args
    same "help$n" "help$n-full"
    traced "help$n" "launcher: help without the framework$"
done
[ "$(status help8)" = 2 ] || fail "cairn cert without a subcommand exited $(status help8), expected 2"
[ -z "$(framework)" ] || fail "help made a framework: $(framework)"
ls "$cache"/cli-launcher-help-*.jsa > /dev/null 2>&1 || fail "the first help made no class-data sharing archive: $(ls "$cache")"
VM="-Xlog:class+load=info:file=$work/help-classes.log" run help-shared -- --help
traced help-shared "launcher: help without the framework$"
grep -q '\] org\.eclipse\.osgi\.' "$work/help-classes.log" && fail "help loaded the framework's classes"
picocli_shared=$(grep -c '^\[[^]]*\]\[info\]\[class,load\] picocli\..*source: shared objects file' "$work/help-classes.log" || true)
picocli_read=$(grep -c '^\[[^]]*\]\[info\]\[class,load\] picocli\..*source: .*\.jar' "$work/help-classes.log" || true)
[ "$picocli_shared" -gt 50 ] && [ "$picocli_read" = 0 ] ||
    fail "help mapped $picocli_shared of picocli's classes from the archive and read $picocli_read from its jar"
# a help request runs in the interpreter alone (less CPU for that little work), anything else with the compiler
[ "$(vm_flag UseCompiler help export)" = false ] || fail "cairn cert help export ran with the compiler"
[ "$(vm_flag UseCompiler --debug)" = true ] || fail "cairn cert --debug ran without the compiler"
run debug-only -- --debug
full debug-only-full -- --debug
same debug-only debug-only-full
traced debug-only "using the cached framework\|made the cached framework"
rm -rf "$cache"
echo "OK: help (--help, -h, help, help SUBCOMMAND, SUBCOMMAND --help, none) runs without the framework, as the Equinox"
echo "    launcher's path prints it; its archive maps $picocli_shared of picocli's classes; other arguments run on the framework"
# a help that cannot be made without the framework (here: a bundle it needs left out of its manifest's list) prints
# nothing and runs on the framework, which prints it
helpless="$work/helpless"
cp -a "$product" "$helpless"
python3 - "$helpless"/plugins/org.cairn.certificates.cli_*.jar <<'PY'
import re, shutil, sys, zipfile
jar = sys.argv[1]
with zipfile.ZipFile(jar) as source, zipfile.ZipFile(jar + ".new", "w", zipfile.ZIP_DEFLATED) as target:
    for item in source.infolist():
        data = source.read(item)
        if item.filename == "META-INF/MANIFEST.MF":
            text = data.decode("utf-8")
            header = re.search(r"Cairn-Help-Bundles: [^\r\n]*(\r?\n [^\r\n]*)*", text)
            bundles = re.sub(r"\r?\n ", "", header.group(0))
            assert "org.cairn.certificates.core," in bundles, bundles
            # one line (a reader takes up to 512 bytes), without the core bundle
            data = text.replace(header.group(0), bundles.replace("org.cairn.certificates.core,", "")).encode("utf-8")
        target.writestr(item, data)
shutil.move(jar + ".new", jar)
PY
set +e
CAIRN_VM_ARGS=-Dcairn.launcher.trace=true "$helpless/cairn" cert help export > "$work/helpless.out" 2> "$work/helpless.all"
echo $? > "$work/helpless.status"
set -e
grep -v '^cairn launcher: ' "$work/helpless.all" > "$work/helpless.err" || true
grep -q '^cairn launcher: the help class answered -2: the command runs on the framework$' "$work/helpless.all" ||
    fail "a help that could not be made did not go to the framework: $(cat "$work/helpless.all")"
full helpless-full -- help export
same helpless helpless-full
rm -rf "$helpless" "$cache"
echo "OK: a help that cannot be made without the framework prints nothing and runs on the framework"

# --- first and second start -----------------------------------------------------------------------------------------
run first -- list
[ "$(status first)" = 0 ] || fail "the first cairn cert list exited $(status first): $(cat "$work/first.err")"
traced first "made the cached framework"
traced first "the framework $product/plugins/org.eclipse.osgi_"
[ -n "$(framework)" ] && [ -f "$(framework)/.complete" ] || fail "the first start made no framework in $cache"
ls "$cache"/cli-launcher-*.jsa > /dev/null 2>&1 && fail "the first start made a class-data sharing archive of its own classes"
[ -z "$(ls "$(dirname "$(framework)")"/*.jar 2>/dev/null)" ] || fail "the first start copied a jar into the cache"
echo "OK: the first start made the framework in $(framework) on the installation's framework jar"
run second -- list
traced second "using the cached framework"
grep -q "made the cached framework" "$work/second.trace" && fail "the second start made the framework again"
full list0-full -- list
same second list0-full
echo "OK: the second start used the cached framework; list prints what the Equinox launcher's path prints"
# the second start made the class-data sharing archive; the third maps the framework's classes from it
VM="-Xlog:class+load=info:file=$work/classes.log" run third -- list
shared=$(grep -c 'org\.eclipse\.osgi\..*source: shared objects file' "$work/classes.log" || true)
[ "$shared" -gt 100 ] || fail "the third start mapped only $shared of the framework's classes from the archive"
grep -q 'org\.eclipse\.equinox\.launcher\|org\.eclipse\.core\.runtime\.internal\|org\.eclipse\.equinox\.internal\.app' "$work/classes.log" &&
    fail "the launcher's path loaded the Equinox launcher, core.runtime or the application container"
# picocli, compiled from its sources for Java 21 (bundles/picocli): the released jar's Java 5 classes were never archived
picocli_shared=$(grep -c '^\[[^]]*\]\[info\]\[class,load\] picocli\..*source: shared objects file' "$work/classes.log" || true)
picocli_read=$(grep -c '^\[[^]]*\]\[info\]\[class,load\] picocli\..*source: .*\.jar' "$work/classes.log" || true)
[ "$picocli_shared" -gt 50 ] && [ "$picocli_read" = 0 ] ||
    fail "the third start mapped $picocli_shared of picocli's classes from the archive and read $picocli_read from its jar"
grep -q 'com\.sun\.org\.apache\.xerces' "$work/classes.log" &&
    fail "the third start parsed XML: Declarative Services did not use its cache of the components"
newer=$(find "$(framework)" -newer "$(framework)/.complete" | sed -n 1p)
[ -z "$newer" ] || fail "a run wrote into the cached framework: $newer"
echo "OK: the third start mapped $shared of the framework's and $picocli_shared of picocli's classes from the archive;"
echo "    no Equinox launcher, runtime or app,"
echo "    no XML parsed (Declarative Services' cache); runs wrote nothing into the cached framework"

# --- output and exit statuses as on the Equinox launcher's path -----------------------------------------------------
run usage -- list --no-such-option
full usage-full -- list --no-such-option
[ "$(status usage)" = 2 ] || fail "a usage error exited $(status usage), expected 2"
same usage usage-full
run missing -- show 0000000000000000000000000000000000000000
full missing-full -- show 0000000000000000000000000000000000000000
[ "$(status missing)" = 1 ] || fail "show of a missing thumbprint exited $(status missing), expected 1"
same missing missing-full
run create -- new-self-signed --subject "CN=launcher.example.org" --exportable --json
[ "$(status create)" = 0 ] || fail "new-self-signed exited $(status create): $(cat "$work/create.err")"
tp=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["thumbprint"])' "$work/create.out")
run list -- list --json
full list-full -- list --json
same list list-full
grep -q "\"$tp\"" "$work/list.out" || fail "list --json lacks the new certificate"
# A group's first run makes its archive as it ends; one ended by a signal or a failure may have loaded only part of
# the group's classes, and the JVM would use that part for good: the launch script removes it. Here the first export
# waits for its password on standard input (a pipe no one writes to) and is ended by SIGTERM, as a closed terminal
# ends it; then an export of a certificate that is not there fails
[ -z "$(ls "$cache"/cli-launcher-export-*.jsa 2>/dev/null)" ] || fail "an export archive before the first export"
mkfifo "$work/silent"
exec 7<> "$work/silent"
"$product/cairn" cert export "$tp" --out "$work/never.pfx" <&7 > "$work/never.out" 2>&1 &
pid=$!
java_pid=""
for i in $(seq 1 300); do java_pid=$(pgrep -P "$pid" java) && break; sleep 0.1; done
[ -n "$java_pid" ] || fail "the first export did not run Java as the launch script's child"
sleep 3
kill "$pid"
for i in $(seq 1 600); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$pid" 2>/dev/null; then
    pkill -9 -P "$pid" java || true
    kill -9 "$pid" 2>/dev/null || true
    fail "the export waiting for its password did not end within 60 s of SIGTERM"
fi
signalled=0
wait "$pid" || signalled=$?
exec 7>&-
[ "$signalled" = 143 ] || fail "the export ended by SIGTERM exited $signalled, not 143: $(cat "$work/never.out")"
[ -z "$(ls "$cache"/cli-launcher-export-*.jsa 2>/dev/null)" ] ||
    fail "the first export ended by a signal kept its archive $(ls "$cache"/cli-launcher-export-*.jsa)"
[ ! -e "$work/never.pfx" ] || fail "the export ended by a signal before its password left $work/never.pfx"
run export-missing -- export 0000000000000000000000000000000000000000 --out "$work/missing.pfx"
[ "$(status export-missing)" = 1 ] || fail "export of a missing thumbprint exited $(status export-missing), expected 1"
[ -z "$(ls "$cache"/cli-launcher-export-*.jsa 2>/dev/null)" ] ||
    fail "a first export that failed kept its archive $(ls "$cache"/cli-launcher-export-*.jsa)"
# with its input closed (as some service managers start a command), the first run still runs and says what is missing
if "$product/cairn" cert export "$tp" --out "$work/closed.pfx" <&- > "$work/closed.out" 2>&1; then
    fail "an export with its input closed and no password succeeded"
fi
grep -q 'needs a non-empty password' "$work/closed.out" || fail "a first export with its input closed: $(cat "$work/closed.out")"
echo "OK: a group's first run ended by SIGTERM (143), or failing (1), keeps no archive; the next whole run makes it"
# a password on standard input (not a terminal: its first line)
printf 'launcher-pass\n' > "$work/password"
STDIN="$work/password" run export -- export "$tp" --out "$work/out.pfx"
[ "$(status export)" = 0 ] || fail "export with the password on standard input exited $(status export): $(cat "$work/export.err")"
grep -q 'BEGIN CERTIFICATE' <<< "$(openssl pkcs12 -in "$work/out.pfx" -nokeys -passin pass:launcher-pass 2>/dev/null)" ||
    fail "the exported PFX does not open with the password given on standard input"
echo "OK: usage error (2), refusal (1), list --json, export with the password on standard input: as on the Equinox launcher's path"
# a subcommand activates only the services it uses: list needs the stores alone, so neither the export, import and
# certificate-creation services nor the Bouncy Castle bundles behind them are loaded
VM="-Xlog:class+load=info:file=$work/list-classes.log" run list-lazy -- list
[ "$(status list-lazy)" = 0 ] || fail "list exited $(status list-lazy): $(cat "$work/list-lazy.err")"
grep -q "$tp" "$work/list-lazy.out" || fail "list lacks the new certificate"
loaded=$(grep -E '\] (org\.bouncycastle\.|org\.cairn\.certificates\.(export|importing)\.internal\.|org\.cairn\.certificates\.core\.internal\.BcCertificateFactory)' "$work/list-classes.log" | head -n 3 || true)
[ -z "$loaded" ] || fail "list loaded classes of services it does not use: $loaded"
echo "OK: list activates the stores alone (no export, import or creation service, no Bouncy Castle)"
# one class-data sharing archive per group of subcommands (help, export, the others), each made by its group's run
run help-again -- --help
for group in help export other; do
    [ -n "$(ls "$cache"/cli-launcher-"$group"-*.jsa 2>/dev/null)" ] || fail "no archive of the $group subcommands in $cache: $(ls "$cache")"
done
STDIN="$work/password" VM="-Xlog:class+load=info:file=$work/export-classes.log" run export2 -- export "$tp" --out "$work/out2.pfx"
[ "$(status export2)" = 0 ] || fail "the second export exited $(status export2): $(cat "$work/export2.err")"
grep -q 'org\.cairn\.certificates\.export\.internal\.Pkcs12Encoder source: shared objects file' "$work/export-classes.log" ||
    fail "the second export did not map the export's classes from its archive: $(grep -m1 'Pkcs12Encoder source' "$work/export-classes.log")"
echo "OK: help, export and the other subcommands each have their archive; the second export maps its classes from it"

# --- damage ---------------------------------------------------------------------------------------------------------
fw=$(framework)
find "$fw" -type f -name 'framework.info*' -exec sh -c 'printf "not a framework" > "$1"' sh {} \;
run damaged -- list --json
[ "$(status damaged)" = 0 ] || fail "with a damaged framework list --json exited $(status damaged): $(cat "$work/damaged.err")"
same damaged list
traced damaged "making it again"
run repaired -- list
traced repaired "using the cached framework"
echo "OK: a damaged framework is made again and the command runs"
# Declarative Services' cache of the components, damaged: it reads the components' XML instead
find "$fw" -name componentMetadataStore -exec sh -c 'printf "not a cache" > "$1"' sh {} \;
run badscr -- list --json
[ "$(status badscr)" = 0 ] || fail "with a damaged cache of Declarative Services list --json exited $(status badscr): $(cat "$work/badscr.err")"
same badscr list
echo "OK: a damaged cache of Declarative Services is ignored"
rm "$fw/.complete"
run interrupted -- list
[ "$(status interrupted)" = 0 ] || fail "with an interrupted framework list exited $(status interrupted)"
traced interrupted "made the cached framework"
echo "OK: an interrupted framework (no .complete) is made again"
# a cache folder that cannot be written: the launcher runs without it
chmod -R a-w "$cache"
if [ "$(id -u)" != 0 ]; then
    run unwritable -- list --json
    [ "$(status unwritable)" = 0 ] || fail "with a read-only cache list --json exited $(status unwritable): $(cat "$work/unwritable.err")"
    same unwritable list
    echo "OK: a read-only cache still runs the command"
fi
chmod -R u+w "$cache"

# --- several runs at once on a fresh cache --------------------------------------------------------------------------
rm -rf "$cache"
pids=()
for i in 1 2 3 4; do run "parallel$i" -- list --json & pids+=($!); done
for pid in "${pids[@]}"; do wait "$pid"; done
for i in 1 2 3 4; do
    [ "$(status "parallel$i")" = 0 ] || fail "run $i of 4 at once exited $(status "parallel$i"): $(cat "$work/parallel$i.err")"
    same "parallel$i" list
done
[ "$(ls -d "$cache"/cli-config-*/framework | wc -l)" = 1 ] || fail "runs at once left $(ls -d "$cache"/cli-config-*/framework | wc -l) frameworks"
leftover=$(find "$cache" -maxdepth 2 -name '.framework-*' -o -maxdepth 2 -name '.discarded-*' | sed -n 1p)
[ -z "$leftover" ] || fail "runs at once left $leftover behind"
run after -- list
traced after "using the cached framework"
echo "OK: 4 runs at once on a fresh cache all succeeded and left one framework"

# --- two installations used by one user ----------------------------------------------------------------------------
# Each keeps its own configuration and archive in the shared cache (they removed each other's on every start); the
# files of an installation that is gone, and those of the naming before installations were told apart, are removed.
other="$work/other"
cp -a "$product" "$other"
rm -rf "$cache"
mkdir -p "$cache/cli-config-789" && touch "$cache/cli-launcher-123-456.jsa" # the earlier naming: KIND-BUILD-...
other_run() { # NAME ARGS...: cairn cert ARGS of the other installation, its trace in $work/NAME.trace
    local name=$1; shift
    CAIRN_VM_ARGS=-Dcairn.launcher.trace=true "$other/cairn" cert "$@" > "$work/$name.out" 2> "$work/$name.trace" ||
        fail "the other installation's $name exited $?: $(cat "$work/$name.trace")"
}
for round in 1 2 3; do
    run "mine$round" -- list
    other_run "other$round" list
done
for round in 2 3; do
    traced "mine$round" "using the cached framework"
    grep -q "using the cached framework" "$work/other$round.trace" || fail "the other installation made its framework again"
done
grep -q "made the cached framework" "$work/mine3.trace" "$work/other3.trace" && fail "a third start made a framework again"
[ "$(ls -d "$cache"/cli-config-*/framework | wc -l)" = 2 ] || fail "two installations left $(ls -d "$cache"/cli-config-* | wc -l) configurations"
[ "$(ls "$cache"/cli-launcher-*.jsa | wc -l)" = 2 ] || fail "two installations left the archives $(ls "$cache"/cli-launcher-*.jsa)"
[ ! -e "$cache/cli-config-789" ] && [ ! -e "$cache/cli-launcher-123-456.jsa" ] || fail "files of the earlier naming were kept"
rm -rf "$other"
run alone -- list
traced alone "using the cached framework"
[ "$(ls -d "$cache"/cli-config-* | wc -l)" = 1 ] || fail "the configuration of a removed installation was kept: $(ls -d "$cache"/cli-config-*)"
[ "$(ls "$cache"/cli-launcher-*.jsa | wc -l)" = 1 ] || fail "the archive of a removed installation was kept: $(ls "$cache"/cli-launcher-*.jsa)"
echo "OK: two installations keep their own configuration and archive in one cache; a removed one's files go"

# --- a read-only installation and a read-only framework (root: bind mounts in a private mount namespace) -----------
if [ "$(id -u)" = 0 ] && unshare -m true 2>/dev/null; then
    ro="$work/installed"
    cp -a "$product" "$ro"
    rm -rf "$cache"
    cat > "$work/ro.sh" <<'SH'
set -eu
ro=$1 fw=$2 out=$3
mount --bind "$ro" "$ro" && mount -o remount,bind,ro "$ro"
touch "$ro/probe" 2>/dev/null && { echo "the installation is still writable" >&2; exit 99; }
"$ro/cairn" cert list --json > "$out.1" 2> "$out.1.err"
mount --bind "$fw" "$fw" && mount -o remount,bind,ro "$fw"
"$ro/cairn" cert list --json > "$out.2" 2> "$out.2.err"
SH
    # the framework folder must exist before it can be mounted: made by a first run of the copy
    CAIRN_VM_ARGS=-Dcairn.launcher.trace=true "$ro/cairn" cert list > /dev/null 2> "$work/ro.first"
    fw=$(framework)
    [ -n "$fw" ] || fail "the read-only installation's first run made no framework: $(cat "$work/ro.first")"
    CAIRN_VM_ARGS=-Dcairn.launcher.trace=true unshare -m --propagation private sh "$work/ro.sh" "$ro" "$fw" "$work/ro" ||
        fail "on a read-only installation: $(cat "$work/ro.1.err" "$work/ro.2.err" 2>/dev/null)"
    cmp -s "$work/ro.1" "$work/list.out" || fail "list --json on a read-only installation differs"
    cmp -s "$work/ro.2" "$work/list.out" || fail "list --json on a read-only framework differs"
    grep -q "using the cached framework" "$work/ro.2.err" || fail "a read-only framework was not used: $(cat "$work/ro.2.err")"
    echo "OK: a read-only installation, and a framework folder mounted read-only, run the command from the cache"
else
    echo "SKIP: a read-only installation needs root and 'unshare -m' (bind mounts)"
fi

# --- transparent huge pages: asked for where the kernel gives them on request (madvise), not otherwise -------------
thp=/sys/kernel/mm/transparent_hugepage/enabled
expected=false
case $(cat "$thp" 2>/dev/null || true) in *"[madvise]"*) expected=true ;; esac
[ "$(vm_flag UseTransparentHugePages --help)" = "$expected" ] || fail "UseTransparentHugePages is not $expected with $thp saying '$(cat "$thp" 2>/dev/null)'"
if [ "$(id -u)" = 0 ] && [ -f "$thp" ] && unshare -m true 2>/dev/null; then
    for mode in "always [madvise] never:true" "[always] madvise never:false" "always madvise [never]:false"; do
        printf '%s\n' "${mode%:*}" > "$work/thp-mode"
        got=$(unshare -m --propagation private sh -c 'mount --bind "$1" "$2" && shift 2 && exec "$@"' sh \
            "$work/thp-mode" "$thp" bash -c "$(declare -f vm_flag); product=\"$product\" work=\"$work\" vm_flag UseTransparentHugePages --help")
        [ "$got" = "${mode##*:}" ] || fail "with the kernel saying '${mode%:*}' UseTransparentHugePages is '$got', expected ${mode##*:}"
        [ ! -s "$work/flag.err" ] || fail "with the kernel saying '${mode%:*}' the JVM said: $(cat "$work/flag.err")"
    done
    echo "OK: transparent huge pages asked for with madvise only (checked with madvise, always and never)"
else
    echo "OK: transparent huge pages $expected as $thp says (the other modes need root and 'unshare -m')"
fi

# --- other computers: the second configuration with the SSH stack ---------------------------------------------------
run remote -- list --computer cairn-check.invalid
[ "$(status remote)" = 1 ] || fail "list --computer cairn-check.invalid exited $(status remote), expected 1: $(cat "$work/remote.err")"
grep -q 'other computers need the bundle' "$work/remote.err" && fail "--computer ran without the remote bundle"
grep -qi 'unavailable\|not known' "$work/remote.err" || fail "--computer did not say the computer is unavailable: $(cat "$work/remote.err")"
ls -d "$cache"/cli-remote-config-*/framework > /dev/null 2>&1 || fail "--computer made no framework of its own"
echo "OK: --computer runs through the launcher on the configuration with SSH"
echo "OK: Cairn's launcher of cairn cert"
