#!/usr/bin/env bash
# Figures, not claims (issue 17, item 8): runs the built command line through what harms keys and prints one table.
#   - SIGKILL at random moments of an import (5 entries), an export with --delete-key, and a delete: afterwards every
#     key is in the store or in a file that openssl opens with the password and that holds that key; no import is
#     partial; the store lists without problems;
#   - a full disk (a small tmpfs in a private mount namespace) and a read-only target: refused, nothing left behind;
#   - three writers on one store for a minute: nothing lost, nothing resurrected;
#   - a scan that the password reaches no log, no file and no /proc/*/cmdline;
#   - the fuzzer's summary, when releng/fuzz.sh left one.
# Usage: releng/reliability.sh [PRODUCT_DIR]   (KILLS_IMPORT, KILLS_EXPORT, KILLS_DELETE, WRITERS_SECONDS override
# the counts). Needs openssl and python3; the disk-full and read-only rows need root (unshare, mount). Not part of
# ./run-tests: it takes 30 to 60 minutes on 2 CPUs (about 600 JVM starts).
set -uo pipefail
top=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
product=${1:-$top/releng/org.cairn.repository/target/products/org.cairn.console.product/linux/gtk/x86_64/cairn}
# shellcheck source=jdk.sh
. "$top/releng/jdk.sh"
cairn_select_jdk > /dev/null
export CAIRN_JAVA="$JAVA_HOME/bin/java"
[ -x "$product/cairn" ] || { echo "No product at $product: build it first (./mvnw -DskipTests package)." >&2; exit 1; }
KILLS_IMPORT=${KILLS_IMPORT:-80}
KILLS_EXPORT=${KILLS_EXPORT:-70}
KILLS_DELETE=${KILLS_DELETE:-60}
WRITERS_SECONDS=${WRITERS_SECONDS:-60}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
chmod 755 "$work"
unset DISPLAY WAYLAND_DISPLAY
PW="Rel1ability-$RANDOM-$RANDOM-pw"   # the password the scan looks for
printf '%s\n' "$PW" > "$work/pw"
chmod 600 "$work/pw"
rows=()
row() { # also printed at once on stderr, so that a run stopped half-way still tells what it found
    rows+=("$(printf '| %-44s | %7s | %-60s |' "$1" "$2" "$3")")
    printf '%s\n' "${rows[-1]}" >&2
}
cairn() { "$product/cairn" cert "$@"; }

# ---------------------------------------------------------------- material: a five-entry PFX (key, leaf, 3 CAs)
mat="$work/material"
mkdir -p "$mat"
make_pfx() { # NAME -> $mat/NAME.pfx: a key with its leaf, two CAs and a root of its own, and one more root: 5 new entries
    local n=$1 d="$mat/$1"
    mkdir -p "$d"
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$d/root.key" -out "$d/root.pem" \
        -subj "/CN=$n Root" -days 30 -addext basicConstraints=critical,CA:TRUE 2>/dev/null
    local prev=root ca
    for ca in ca1 ca2 leaf; do
        openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$d/$ca.key" -out "$d/$ca.csr" -subj "/CN=$n $ca" 2>/dev/null
        if [ $ca = leaf ]; then printf 'basicConstraints=CA:FALSE\n' > "$d/ext"; else printf 'basicConstraints=critical,CA:TRUE\n' > "$d/ext"; fi
        openssl x509 -req -in "$d/$ca.csr" -CA "$d/$prev.pem" -CAkey "$d/$prev.key" -CAcreateserial -out "$d/$ca.pem" \
            -days 30 -extfile "$d/ext" 2>/dev/null
        prev=$ca
    done
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$d/extra.key" -out "$d/extra.pem" \
        -subj "/CN=$n extra" -days 30 2>/dev/null
    cat "$d/ca2.pem" "$d/ca1.pem" "$d/root.pem" "$d/extra.pem" > "$d/certs.pem"
    openssl pkcs12 -export -inkey "$d/leaf.key" -in "$d/leaf.pem" -certfile "$d/certs.pem" -passout file:"$work/pw" \
        -out "$mat/$n.pfx" 2>/dev/null
}
fingerprints() { # pem files -> SHA-1 thumbprints, upper case, no colons
    for f in "$@"; do openssl x509 -in "$f" -noout -fingerprint -sha1 | sed 's/.*=//; s/://g'; done
}

# a random delay within the run of one command: the JVM and OSGi start take most of it
measure() { local s e; s=$(date +%s%N); "$@" > /dev/null 2>&1; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
# The launch script execs Java, except on a group's first run (it makes the class-data sharing archive) or in a
# temporary folder, where Java is its child: a SIGKILL cannot be passed on, so the child is killed with it
kill_after() { # ms command... : starts the command, SIGKILLs it after ms (if still running); returns its status or 137
    local ms=$1; shift
    "$@" > "$work/k.out" 2> "$work/k.err" &
    local pid=$!
    sleep "$(awk "BEGIN{print $ms/1000}")"
    pkill -KILL -P "$pid" java 2>/dev/null
    kill -KILL "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    return $?
}
random_ms() { python3 -c "import random; print(random.randint($1, $2))"; }
list_json() { CAIRN_STORE_ROOT=$1 "$product/cairn" cert list --json 2> "$work/list.err"; }

# ---------------------------------------------------------------- 1. import killed
export CAIRN_STORE_ROOT="$work/import-stores"
make_pfx probe
t_import=$(measure cairn import "$mat/probe.pfx" --password-file "$work/pw" --exportable)
bad=0; all=0; none=0
for i in $(seq 1 "$KILLS_IMPORT"); do
    make_pfx "imp$i"
    kill_after "$(random_ms 200 $((t_import + 200)))" "$product/cairn" cert import "$mat/imp$i.pfx" --password-file "$work/pw" --exportable
    mapfile -t tps < <(fingerprints "$mat/imp$i"/{leaf,ca1,ca2,root,extra}.pem)
    list_json "$CAIRN_STORE_ROOT" > "$work/list.json" || { bad=$((bad + 1)); echo "import $i: list failed: $(cat "$work/list.err")" >&2; continue; }
    n=$(python3 - "$work/list.json" "${tps[@]}" <<'PY'
import json, sys
entries = json.load(open(sys.argv[1]))
mine = set(sys.argv[2:])
print(sum(1 for e in entries if e["thumbprint"] in mine))
PY
)
    case $n in
        0) none=$((none + 1)) ;;
        5) all=$((all + 1)) ;;
        *) bad=$((bad + 1)); echo "import $i: $n of this file's own entries present" >&2 ;;
    esac
done
row "SIGKILL during import (5-entry PFX)" "$KILLS_IMPORT" "all $all, none $none, partial/unreadable $bad"
import_bad=$bad

# ---------------------------------------------------------------- 2. export --delete-key killed
export CAIRN_STORE_ROOT="$work/export-stores"
cairn new-self-signed --subject "CN=probe" --exportable --json > "$work/new.json" 2>/dev/null
tp=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["thumbprint"])' "$work/new.json")
t_export=$(measure cairn export "$tp" --out "$work/probe.pfx" --password-file "$work/pw" --delete-key)
bad=0; in_store=0; in_file=0; both=0
mkdir -p "$work/out"
for i in $(seq 1 "$KILLS_EXPORT"); do
    cairn new-self-signed --subject "CN=export $i" --exportable --json > "$work/new.json" 2>/dev/null
    tp=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["thumbprint"])' "$work/new.json")
    out="$work/out/e$i.pfx"
    kill_after "$(random_ms 200 $((t_export + 200)))" "$product/cairn" cert export "$tp" --out "$out" --password-file "$work/pw" --delete-key
    key_in_store=$(list_json "$CAIRN_STORE_ROOT" | python3 -c "import json,sys; print(sum(1 for e in json.load(sys.stdin) if e['thumbprint']=='$tp' and e['hasPrivateKey']))")
    key_in_file=0
    if [ -e "$out" ]; then
        if openssl pkcs12 -in "$out" -passin file:"$work/pw" -nodes -out "$work/opened.pem" 2>/dev/null \
            && grep -q "PRIVATE KEY" "$work/opened.pem"; then
            # the key in the file belongs to the certificate in the file
            a=$(openssl pkey -in "$work/opened.pem" -pubout 2>/dev/null | sha256sum)
            b=$(openssl x509 -in "$work/opened.pem" -noout -pubkey 2>/dev/null | sha256sum)
            [ "$a" = "$b" ] && key_in_file=1
        fi
        [ "$key_in_file" = 1 ] || { bad=$((bad + 1)); echo "export $i: $out exists but is not a whole, verifiable PFX" >&2; }
    fi
    if [ "$key_in_store" = 0 ] && [ "$key_in_file" = 0 ]; then bad=$((bad + 1)); echo "export $i: KEY LOST" >&2; fi
    [ "$key_in_store" = 1 ] && [ "$key_in_file" = 0 ] && in_store=$((in_store + 1))
    [ "$key_in_store" = 0 ] && [ "$key_in_file" = 1 ] && in_file=$((in_file + 1))
    [ "$key_in_store" = 1 ] && [ "$key_in_file" = 1 ] && both=$((both + 1))
done
left=$(find "$work/out" -name '.*.tmp' | wc -l)
# the next export to the folder removes what the killed ones left
cairn new-self-signed --subject "CN=sweeper" --exportable --json > "$work/new.json" 2>/dev/null
tp=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["thumbprint"])' "$work/new.json")
cairn export "$tp" --out "$work/out/sweeper.pfx" --password-file "$work/pw" > /dev/null 2>&1
left_after=$(find "$work/out" -name '.*.tmp' | wc -l)
row "SIGKILL during export --delete-key" "$KILLS_EXPORT" "key in store $in_store, in verified file $in_file, both $both, lost/bad $bad"
row "  temporaries left by killed exports" "" "$left after the kills, $left_after after the next export"
export_bad=$((bad + left_after))

# ---------------------------------------------------------------- 3. delete killed
export CAIRN_STORE_ROOT="$work/delete-stores"
cairn new-self-signed --subject "CN=probe" --json > "$work/new.json" 2>/dev/null
tp=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["thumbprint"])' "$work/new.json")
t_delete=$(measure cairn delete "$tp")
bad=0; kept=0; gone=0
for i in $(seq 1 "$KILLS_DELETE"); do
    cairn new-self-signed --subject "CN=delete $i" --exportable --json > "$work/new.json" 2>/dev/null
    tp=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["thumbprint"])' "$work/new.json")
    kill_after "$(random_ms 200 $((t_delete + 200)))" "$product/cairn" cert delete "$tp"
    if ! list_json "$CAIRN_STORE_ROOT" > "$work/list.json" || [ -s "$work/list.err" ]; then
        bad=$((bad + 1)); echo "delete $i: listing reports: $(cat "$work/list.err")" >&2; continue
    fi
    state=$(python3 -c "import json,sys; m=[e for e in json.load(open(sys.argv[1])) if e['thumbprint']=='$tp']; print('gone' if not m else ('whole' if m[0]['hasPrivateKey'] else 'half'))" "$work/list.json")
    case $state in
        gone) gone=$((gone + 1)) ;;
        whole)
            # a kept entry keeps a key that belongs to its certificate (checked every tenth time: each check is a JVM)
            if [ $((i % 10)) != 0 ] || { cairn export "$tp" --out "$work/check.pfx" --password-file "$work/pw" --force > /dev/null 2>&1 \
                && grep -q "PRIVATE KEY" <<< "$(openssl pkcs12 -in "$work/check.pfx" -passin file:"$work/pw" -nodes 2>/dev/null)"; }; then
                kept=$((kept + 1))
            else
                bad=$((bad + 1)); echo "delete $i: entry kept but its key does not export" >&2
            fi ;;
        *) bad=$((bad + 1)); echo "delete $i: entry without its key" >&2 ;;
    esac
done
row "SIGKILL during delete" "$KILLS_DELETE" "entry whole $kept, gone $gone, half/unreadable $bad"
delete_bad=$bad

# ---------------------------------------------------------------- 4. full disk and read-only target (root only)
if [ "$(id -u)" = 0 ] && command -v unshare > /dev/null; then
    make_pfx full
    cairn new-self-signed --subject "CN=full disk" --exportable --json > "$work/new.json" 2>/dev/null
    tp=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["thumbprint"])' "$work/new.json")
    mkdir -p "$work/small" "$work/ro" "$work/store48"
    result=$(unshare -m sh -c '
        set -u
        mount --make-rprivate / 2>/dev/null
        mount -t tmpfs -o size=256k tmpfs "$1/small" || { echo "mount failed"; exit 0; }
        dd if=/dev/zero of="$1/small/filler" bs=4k 2>/dev/null   # until the disk is full
        mount -t tmpfs -o size=28k tmpfs "$1/store48"             # room for a few files of an import, not for all
        "$2/cairn" cert export "$3" --out "$1/small/full.pfx" --password-file "$1/pw" > /dev/null 2> "$1/full-export.err"; e=$?
        left=$(find "$1/small" -name ".*.tmp" -o -name "full.pfx" | wc -l)
        CAIRN_STORE_ROOT="$1/store48/stores" "$2/cairn" cert import "$1/material/full.pfx" --password-file "$1/pw" > /dev/null 2> "$1/full-import.err"; i=$?
        n=$(CAIRN_STORE_ROOT="$1/store48/stores" "$2/cairn" cert list --json 2>/dev/null | python3 -c "import json,sys; print(len(json.load(sys.stdin)))" 2>/dev/null || echo "?")
        mount -t tmpfs -o size=1m,ro tmpfs "$1/ro"
        "$2/cairn" cert export "$3" --out "$1/ro/ro.pfx" --password-file "$1/pw" > /dev/null 2> "$1/ro.err"; r=$?
        rl=$(find "$1/ro" -type f | wc -l)
        echo "$e $left $i $n $r $rl"
    ' sh "$work" "$product" "$tp")
    read -r e left i n r rl <<< "$result"
    row "full disk: export to a full tmpfs" 1 "exit $e, files left $left ($(head -c 80 "$work/full-export.err" | tr '\n' ' '))"
    row "full disk: import into a store on it" 1 "exit $i, entries listed afterwards $n (all or none: 0 or 5)"
    row "read-only target folder (ro mount)" 1 "exit $r, files left $rl ($(head -c 60 "$work/ro.err" | tr '\n' ' '))"
    disk_bad=0
    { [ "$e" != 0 ] && [ "$left" = 0 ] && [ "$r" != 0 ] && [ "$rl" = 0 ] && { [ "$n" = 0 ] || [ "$n" = 5 ]; }; } || disk_bad=1
else
    row "full disk / read-only target" 0 "skipped: needs root (unshare -m, mount tmpfs)"
    disk_bad=0
fi

# ---------------------------------------------------------------- 5. three writers on one store for a minute
export CAIRN_STORE_ROOT="$work/writers-stores" PRODUCT="$product"
writer() { # id: creates certificates and deletes every other one, logging what it did, until the time is up
    local id=$1 end=$(( $(date +%s) + WRITERS_SECONDS )) n=0 tp
    while [ "$(date +%s)" -lt "$end" ]; do
        n=$((n + 1))
        if tp=$(cairn new-self-signed --subject "CN=w$id-$n" --exportable --json 2>> "$work/w$id.err" \
                | python3 -c 'import json,sys; print(json.load(sys.stdin)["thumbprint"])'); then
            echo "add $tp" >> "$work/w$id.log"
            if [ $((n % 2)) = 0 ]; then
                cairn delete "$tp" > /dev/null 2>> "$work/w$id.err" && echo "del $tp" >> "$work/w$id.log"
            fi
        fi
    done
}
for id in 1 2 3; do writer $id & done
# meanwhile, look for the password in every process's command line
seen_cmdline=0
for _ in $(seq 1 $((WRITERS_SECONDS * 2))); do
    if grep -qa -- "$PW" /proc/[0-9]*/cmdline 2>/dev/null; then seen_cmdline=$((seen_cmdline + 1)); fi
    sleep 0.5
done
wait
python3 - "$work" <<'PY' > "$work/writers.txt"
import json, os, subprocess, sys
work = sys.argv[1]
added, deleted = set(), set()
for i in (1, 2, 3):
    path = os.path.join(work, f"w{i}.log")
    if os.path.exists(path):
        for line in open(path):
            op, tp = line.split()
            (added if op == "add" else deleted).add(tp)
listed = {e["thumbprint"] for e in json.loads(subprocess.run([os.environ["PRODUCT"] + "/cairn", "cert", "list", "--json"],
          capture_output=True, text=True, env=dict(os.environ)).stdout)}
expected = added - deleted
print(len(added), len(deleted), len(expected - listed), len(listed - expected))
PY
read -r w_added w_deleted w_lost w_extra < "$work/writers.txt"
w_errors=$(cat "$work"/w?.err 2>/dev/null | grep -c . || true)
row "three writers, one store, ${WRITERS_SECONDS} s" 3 "$w_added added, $w_deleted deleted, $w_lost lost, $w_extra resurrected, $w_errors errors"
writers_bad=$((w_lost + w_extra))

# ---------------------------------------------------------------- 6. the password reaches no log, file or cmdline
hits=$(grep -rla -- "$PW" "$work" "$product/configuration" "${XDG_CONFIG_HOME:-$HOME/.config}/cairn" \
        "${XDG_CACHE_HOME:-$HOME/.cache}/cairn" 2>/dev/null | grep -v -x "$work/pw" || true)
nhits=$(printf '%s' "$hits" | grep -c . || true)
row "password in files, logs (outside its own file)" "" "$nhits files${hits:+: $(echo "$hits" | head -3 | tr '\n' ' ')}"
row "password in /proc/*/cmdline (sampled 2/s)" "$((WRITERS_SECONDS * 2))" "$seen_cmdline samples showed it"

# ---------------------------------------------------------------- 7. fuzz inputs (the fuzzer's own summary)
summary=""
for f in "${FUZZ_SUMMARY:-}" "$top/target/fuzz/summary.txt" "$top/releng/target/fuzz/summary.txt"; do
    [ -n "$f" ] && [ -f "$f" ] && summary=$(head -n 1 "$f") && break
done
row "fuzz inputs tried (releng/fuzz.sh summary)" "" "${summary:-not run here: no summary file (FUZZ_SUMMARY)}"

total=$((KILLS_IMPORT + KILLS_EXPORT + KILLS_DELETE))
echo
echo "Cairn reliability, $(date -u +%Y-%m-%dT%H:%MZ), $(uname -sr), $(nproc) CPUs, product $product"
printf '| %-44s | %7s | %-60s |\n' "trial" "runs" "outcome"
printf '|%s|%s|%s|\n' "$(printf -- '-%.0s' $(seq 46))" "$(printf -- '-%.0s' $(seq 9))" "$(printf -- '-%.0s' $(seq 62))"
printf '%s\n' "${rows[@]}"
echo "SIGKILLs in all: $total"
failures=$((import_bad + export_bad + delete_bad + disk_bad + writers_bad + nhits + seen_cmdline))
[ "$failures" = 0 ] && echo "reliability: no key lost, no partial change, no password seen" && exit 0
echo "reliability: $failures problem(s), see above and the messages on stderr" >&2
exit 1
