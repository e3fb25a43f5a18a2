#!/usr/bin/env bash
# Start-up benchmark of the built product against its peers, in one run, on this machine (issue 16). Builds nothing.
# Each row is the median of N runs, the product and its peer interleaved (A B A B ...) so that a change of load hits
# both; one unmeasured warm-up run of each first (it also makes the class-data sharing archives, as a user's first
# start does). Prints one table of medians and ratios.
#   console   launch -> the console's window visible (default console, empty store), against a plain SWT program
#             (releng/bench/PlainSwt.java, compiled here against the product's SWT jar) showing a shell with a tree
#             and a table; under Xvfb, window found with xdotool; the time to the window only. The console is then
#             closed as a person closes it (File > Exit), the plain program with a signal
#   --help    cairn cert --help (help runs without the OSGi framework; its class-data sharing archive is made by the
#             warm-up run, as by a user's first help)
#   export    cairn cert export to PFX (RSA-2048 with its chain, AES256-SHA256, 100,000 iterations) against
#             openssl pkcs12 -export with the same parameters
#   list      cairn cert list of COUNT entries, and with --json, against keytool -list of the same COUNT certificates
#             (PKCS #12 keystore) and NSS certutil -L of a COUNT-certificate NSS database
#   memory    resident memory of the console with the COUNT-entry store listed (Personal > Certificates selected)
# Usage: releng/bench/run.sh [N]        (default 7)
#   CAIRN_BENCH_COUNT   entries of the large stores (default 10000)
#   CAIRN_BENCH_ONLY    rows to run, space-separated among: console help export list memory (default all)
#   CAIRN_BENCH_PRODUCT another installed product to measure (default: the one the build makes), e.g. an older build
#                       copied aside, to compare before and after a change
#   CAIRN_BENCH_DIR     keep the fixtures (10,000-entry stores, 2 minutes to make) there and reuse them; default a
#                       temporary folder removed at the end
# Everything runs with a temporary HOME, XDG folders and CAIRN_STORE_ROOT; the real home is never touched.
# Needs: a built product, xvfb-run, xdotool, openssl, certutil (libnss3-tools; the NSS row is skipped without it).
set -euo pipefail
top=$(CDPATH= cd -- "$(dirname -- "$0")/../.." && pwd)
runs=${1:-7}
count=${CAIRN_BENCH_COUNT:-10000}
only=${CAIRN_BENCH_ONLY:-console help export list memory}
product=${CAIRN_BENCH_PRODUCT:-$top/releng/org.cairn.repository/target/products/org.cairn.console.product/linux/gtk/x86_64/cairn}
[ -x "$product/cairn" ] || { echo "No product at $product: build it first (./run-tests -o -DskipTests)." >&2; exit 1; }
for tool in xvfb-run xdotool openssl; do
    command -v "$tool" > /dev/null || { echo "$tool is needed (apt-get install xvfb xdotool openssl)." >&2; exit 1; }
done
# shellcheck source=../jdk.sh
. "$top/releng/jdk.sh"
cairn_select_jdk

if [ -z "${CAIRN_BENCH_INNER:-}" ]; then
    CAIRN_BENCH_INNER=1 exec xvfb-run -a -s "-screen 0 1280x1024x24" "$0" "$@"
fi

load_before=$(cut -d" " -f1-3 /proc/loadavg)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fixtures=${CAIRN_BENCH_DIR:-$work/fixtures}
mkdir -p "$fixtures"
export HOME="$work/home" XDG_CACHE_HOME="$work/cache" XDG_CONFIG_HOME="$work/config"
export CAIRN_JAVA="$JAVA_HOME/bin/java"
mkdir -p "$HOME"
wants() { case " $only " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
rows=()
row() { # LABEL A_MS PEER_LABEL PEER_MS: ratio A/peer
    local ratio=""
    [ -n "${4:-}" ] && ratio=$(awk -v a="$2" -v b="$4" 'BEGIN {printf "%.2f×", a / b}')
    rows+=("$(printf '| %s | %s | %s | %s | %s |' "$1" "$2" "${3:-}" "${4:-}" "$ratio")")
}

# Times A and B alternately, RUNS times each, after one warm-up of each; sets A_MS and B_MS to the medians (ms).
# A and B are shell functions that run one measured command (they may also check its result); one that times
# only a part of what it does (a window's start, not its closing) sets MEASURED_MS to that part.
interleave() {
    local a=$1 b=$2 i t0 ta=() tb=()
    "$a" > /dev/null; "$b" > /dev/null
    for i in $(seq "$runs"); do
        MEASURED_MS=""; t0=$(now_ms); "$a" > /dev/null; ta+=($(( $(now_ms) - t0 ))); [ -z "$MEASURED_MS" ] || ta[-1]=$MEASURED_MS
        MEASURED_MS=""; t0=$(now_ms); "$b" > /dev/null; tb+=($(( $(now_ms) - t0 ))); [ -z "$MEASURED_MS" ] || tb[-1]=$MEASURED_MS
    done
    A_MS=$(printf '%s\n' "${ta[@]}" | median)
    B_MS=$(printf '%s\n' "${tb[@]}" | median)
}

# Starts a program in the background and waits for a visible window whose title matches: sets WINDOW_PID,
# WINDOW_ID and WINDOW_MS (from the start to the visible window). end_window ends it with a signal and waits for it
# (the JVM writes its class-data sharing archive on the way out); close_console closes the console as a person
# does, File > Exit, so that what the console keeps for its next start at a normal end (Declarative Services'
# component descriptions, the extension registry's cache) is there, as it is for a person's next start.
WINDOW_PID="" WINDOW_ID="" WINDOW_MS="" SIGNALLED=0
await_window() { # TITLE-REGEX COMMAND...
    local title=$1 i t0; shift
    t0=$(now_ms)
    "$@" > "$work/window.log" 2>&1 &
    WINDOW_PID=$!
    for i in $(seq 1 3000); do
        WINDOW_ID=$(xdotool search --onlyvisible --name "$title" 2>/dev/null | head -n 1) || true
        if [ -n "$WINDOW_ID" ]; then WINDOW_MS=$(( $(now_ms) - t0 )); return 0; fi
        kill -0 "$WINDOW_PID" 2>/dev/null || { cat "$work/window.log" >&2; echo "$* exited without a window" >&2; exit 1; }
        sleep 0.02
    done
    echo "$*: no window within a minute" >&2; exit 1
}
end_window() {
    kill "$WINDOW_PID" 2>/dev/null || true
    wait "$WINDOW_PID" 2>/dev/null || true
}
close_console() { # File > Exit, tried three times (a first start may not have its menu ready at once)
    local i try
    for try in 1 2 3; do
        xdotool key --window "$WINDOW_ID" alt+f > /dev/null 2>&1 || true
        sleep 0.3
        xdotool key x > /dev/null 2>&1 || true
        for i in $(seq 1 100); do
            kill -0 "$WINDOW_PID" 2>/dev/null || break 2
            sleep 0.05
        done
    done
    if kill -0 "$WINDOW_PID" 2>/dev/null; then SIGNALLED=$((SIGNALLED + 1)); fi
    end_window
}

# --- console start-up against a plain SWT window -------------------------------------------------------------------
if wants console; then
    swt=$(ls "$product"/plugins/org.eclipse.swt.gtk.linux.x86_64_*.jar | head -n 1)
    mkdir -p "$work/swt"
    "$JAVA_HOME/bin/javac" -d "$work/swt" -cp "$swt" "$top/releng/bench/PlainSwt.java"
    export CAIRN_STORE_ROOT="$work/empty-stores"
    console_window() { await_window ' - \[Console Root' "$product/cairn"; MEASURED_MS=$WINDOW_MS; close_console; }
    # the JVM the product uses, with its default options, on the same JDK
    plain_window() { await_window 'Plain SWT' "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$work/swt:$swt" PlainSwt; MEASURED_MS=$WINDOW_MS; end_window; }
    interleave console_window plain_window
    row "launch → console window (empty store)" "$A_MS" "plain SWT shell, tree and table" "$B_MS"
    [ "$SIGNALLED" = 0 ] || echo "note: File > Exit did not close the console $SIGNALLED time(s); it was ended by a signal" >&2
fi

# --- cairn cert --help ----------------------------------------------------------------------------------------------
if wants help; then
    export CAIRN_STORE_ROOT="$work/empty-stores"
    cairn_help() { "$product/cairn" cert --help; }
    openssl_help() { openssl pkcs12 -help 2>&1; }
    interleave cairn_help openssl_help
    row "cairn cert --help" "$A_MS" "openssl pkcs12 -help" "$B_MS"
fi

# --- export to PFX against openssl ----------------------------------------------------------------------------------
if wants export; then
    x="$work/export"
    mkdir -p "$x"
    export CAIRN_STORE_ROOT="$x/stores"
    printf 'benchpass\n' > "$x/password"
    # a chain: an RSA-2048 root CA and an RSA-2048 end-entity certificate it issued, with its key
    openssl req -x509 -newkey rsa:2048 -nodes -keyout "$x/ca.key" -out "$x/ca.pem" -days 365 \
        -subj "/CN=Bench Root CA" -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign 2> /dev/null
    openssl req -newkey rsa:2048 -nodes -keyout "$x/leaf.key" -out "$x/leaf.csr" -subj "/CN=export.example.org" 2> /dev/null
    printf 'basicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n' > "$x/leaf.ext"
    openssl x509 -req -in "$x/leaf.csr" -CA "$x/ca.pem" -CAkey "$x/ca.key" -CAcreateserial -days 365 \
        -extfile "$x/leaf.ext" -out "$x/leaf.pem" 2> /dev/null
    openssl pkcs12 -export -in "$x/leaf.pem" -inkey "$x/leaf.key" -certfile "$x/ca.pem" -out "$x/in.pfx" \
        -passout file:"$x/password"
    # imported with --auto: the key and its certificate go to Personal, the root CA to Trusted Root Certification
    # Authorities, where export --chain finds it
    "$product/cairn" cert import "$x/in.pfx" --exportable --password-file "$x/password" > /dev/null
    tp=$(openssl x509 -in "$x/leaf.pem" -noout -fingerprint -sha1 | sed 's/.*=//; s/://g')
    nx=0
    cairn_export() {
        nx=$((nx + 1))
        "$product/cairn" cert export "$tp" --out "$x/c$nx.pfx" --chain --encryption aes256-sha256 \
            --password-file "$x/password"
    }
    openssl_export() {
        nx=$((nx + 1))
        openssl pkcs12 -export -in "$x/leaf.pem" -inkey "$x/leaf.key" -certfile "$x/ca.pem" -out "$x/o$nx.pfx" \
            -name export.example.org -keypbe AES-256-CBC -certpbe AES-256-CBC -macalg sha256 -iter 100000 \
            -passout file:"$x/password"
    }
    interleave cairn_export openssl_export
    # both files hold the key and the two certificates, with the same protection
    for f in "$x/c1.pfx" "$x/o2.pfx"; do
        info=$(openssl pkcs12 -in "$f" -info -noout -passin file:"$x/password" 2>&1)
        grep -q 'MAC: sha256, Iteration 100000' <<< "$info" || { echo "$f: not HMAC-SHA256 with 100,000 iterations: $info" >&2; exit 1; }
        grep -q 'Shrouded Keybag: PBES2, PBKDF2, AES-256-CBC, Iteration 100000, PRF hmacWithSHA256' <<< "$info" || { echo "$f: not PBES2 AES-256 with 100,000 iterations: $info" >&2; exit 1; }
        n=$(openssl pkcs12 -in "$f" -nokeys -passin file:"$x/password" 2> /dev/null | grep -c 'BEGIN CERTIFICATE')
        [ "$n" = 2 ] || { echo "$f holds $n certificates, not the certificate and its CA" >&2; exit 1; }
        grep -q 'BEGIN PRIVATE KEY' <<< "$(openssl pkcs12 -in "$f" -nocerts -nodes -passin file:"$x/password" 2> /dev/null)" ||
            { echo "$f holds no private key" >&2; exit 1; }
    done
    row "cairn cert export → PFX (RSA-2048, chain, AES256-SHA256, 100,000 it.)" "$A_MS" "openssl pkcs12 -export, same parameters" "$B_MS"
fi

# --- the large stores: list, and the console's memory -----------------------------------------------------------------
if wants list || wants memory; then
    store="$fixtures/stores-$count"
    keystore="$fixtures/keystore-$count.p12"
    if [ ! -f "$store/.complete" ]; then
        rm -rf "$store" "$keystore" "$work/make"
        mkdir -p "$store" "$work/make"
        cp=$(ls "$product"/plugins/org.cairn.certificates.core_*.jar "$product"/plugins/bcprov_*.jar \
            "$product"/plugins/bcpkix_*.jar "$product"/plugins/bcutil_*.jar | tr '\n' ':')
        "$JAVA_HOME/bin/javac" -d "$work/make" -cp "$cp" "$top/bundles/org.cairn.certificates.cli/benchmark/MakeStores.java"
        echo "Making a $count-entry Cairn store and PKCS #12 keystore..." >&2
        "$JAVA_HOME/bin/java" -cp "$work/make:$cp" MakeStores "$store" "$keystore" benchpass "$count"
        touch "$store/.complete"
    fi
    export CAIRN_STORE_ROOT="$store"
fi
if wants list; then
    n=$("$product/cairn" cert list --store My --json | grep -c '"thumbprint"')
    [ "$n" = "$count" ] || { echo "cairn cert list shows $n entries, expected $count" >&2; exit 1; }
    keytool_list() { "$JAVA_HOME/bin/keytool" -list -keystore "$keystore" -storetype PKCS12 -storepass benchpass; }
    n=$(keytool_list | grep -c trustedCertEntry)
    [ "$n" = "$count" ] || { echo "keytool -list shows $n entries, expected $count" >&2; exit 1; }
    cairn_list() { "$product/cairn" cert list --store My; }
    cairn_list_json() { "$product/cairn" cert list --store My --json; }
    interleave cairn_list keytool_list
    row "cairn cert list, $count entries" "$A_MS" "keytool -list, same $count" "$B_MS"
    interleave cairn_list_json keytool_list
    row "cairn cert list --json, $count entries" "$A_MS" "keytool -list, same $count" "$B_MS"
    if command -v certutil > /dev/null && python3 -c 'import cryptography' 2> /dev/null; then
        nss="$fixtures/nss-$count"
        if [ ! -f "$nss/.complete" ]; then
            echo "Making a $count-certificate NSS database..." >&2
            rm -rf "$nss" && mkdir -p "$nss/der"
            certutil -N -d "sql:$nss" --empty-password
            # the same certificates as the keystore, added by one certutil in batch mode
            python3 - "$keystore" "$nss/der" <<'PY'
import sys
from cryptography.hazmat.primitives.serialization import Encoding, pkcs12
bundle = pkcs12.load_pkcs12(open(sys.argv[1], "rb").read(), b"benchpass")
with open(sys.argv[2] + "/batch", "w") as batch:
    for i, c in enumerate(bundle.additional_certs):
        path = f"{sys.argv[2]}/{i}.der"
        open(path, "wb").write(c.certificate.public_bytes(Encoding.DER))
        batch.write(f'-A -n "bench {i}" -t ",," -i {path}\n')
PY
            certutil -B -i "$nss/der/batch" -d "sql:$nss" > /dev/null
            rm -rf "$nss/der"
            touch "$nss/.complete"
        fi
        certutil_list() { certutil -L -d "sql:$nss"; }
        n=$(certutil_list | grep -c ',,')
        [ "$n" = "$count" ] || { echo "certutil -L shows $n certificates, expected $count" >&2; exit 1; }
        interleave cairn_list certutil_list
        row "cairn cert list, $count entries" "$A_MS" "NSS certutil -L, same $count" "$B_MS"
    fi
fi

# --- resident memory of the console with the large store listed -----------------------------------------------------
if wants memory; then
    cat > "$work/personal.cairn" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<console format="1">
  <snap-ins>
    <snap-in id="org.cairn.certificates" name="Certificates">
      <setting key="scope" value="user"/>
      <setting key="view" value="logical"/>
      <setting key="physical" value="false"/>
      <setting key="archived" value="false"/>
    </snap-in>
  </snap-ins>
  <tree>
    <expanded><key>Console Root</key></expanded>
    <expanded><key>Console Root</key><key>org.cairn.certificates:user</key></expanded>
    <expanded><key>Console Root</key><key>org.cairn.certificates:user</key><key>My</key></expanded>
    <selected><key>Console Root</key><key>org.cairn.certificates:user</key><key>My</key><key>Certificates</key></selected>
  </tree>
</console>
XML
    rss=()
    for i in $(seq "$runs"); do
        await_window ' - \[Console Root' "$product/cairn" "$work/personal.cairn"
        # the list is filled in the background: wait until the resident size stays put for 2 s (at most 60 s)
        last=0 same=0
        for _ in $(seq 1 240); do
            kb=$(awk '/^VmRSS:/ {print $2}' "/proc/$WINDOW_PID/status")
            if [ "$kb" -le "$last" ] || [ $(( kb - last )) -lt 512 ]; then same=$((same + 1)); else same=0; fi
            [ "$same" -ge 8 ] && break
            last=$kb
            sleep 0.25
        done
        rss+=($(( kb / 1024 )))
        end_window
        [ "$i" -ge 3 ] && [ "$runs" -gt 3 ] && break   # memory varies little: 3 runs
    done
    row "resident memory, console with $count entries listed (MB)" "$(printf '%s\n' "${rss[@]}" | median)" "" ""
fi

echo
echo "Medians of $runs runs (ms unless noted), $(date -u +%FT%TZ), $(nproc) cores, load before: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "JDK: $("$JAVA_HOME/bin/java" -version 2>&1 | head -n 1); $(openssl version)"
echo
echo "| measurement | Cairn (ms) | peer | peer (ms) | Cairn / peer |"
echo "|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
