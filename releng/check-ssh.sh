#!/usr/bin/env bash
# End-to-end check of `cairn cert --computer` / `--computers` (issue 18) on the built product: three "other
# computers" are three OpenSSH servers on 127.0.0.1 (free ports, host keys, authorized keys and sshd_config in a
# temporary folder, `sshd -f`; as root inside `unshare -m` with a private tmpfs on /run for sshd's privilege
# separation folder, as another user directly, as that user). Each remote runs the same freshly built product with
# its own store root (a wrapper picks it by the server port in SSH_CONNECTION). The local side has a temporary HOME
# with its own ~/.ssh. Exported files are checked by the five readers of releng/pfx-readers and the stores by
# running the product directly on the remote store roots. Nothing of the machine is read or changed.
# Usage: releng/check-ssh.sh [PRODUCT_DIR]   (needs openssh-server, openssh-client, python3; run by ./run-tests)
set -euo pipefail
top=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
product=${1:-$top/releng/org.cairn.repository/target/products/org.cairn.console.product/linux/gtk/x86_64/cairn}
# shellcheck source=jdk.sh
. "$top/releng/jdk.sh"
cairn_select_jdk
export CAIRN_JAVA="$JAVA_HOME/bin/java"
[ -x "$product/cairn" ] || { echo "No product at $product: build it first (./run-tests or ./mvnw -DskipTests package)." >&2; exit 1; }
[ -x /usr/sbin/sshd ] && command -v ssh-keygen > /dev/null \
    || { echo "check-ssh: needs OpenSSH (apt-get install openssh-server openssh-client; .ci/run does)." >&2; exit 1; }
work=$(mktemp -d)
pids=()
cleanup() {
    for p in "${pids[@]}"; do kill "$p" 2> /dev/null || true; done
    wait 2> /dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
unset DISPLAY WAYLAND_DISPLAY SSH_AUTH_SOCK
me=$(id -un)
export HOME="$work/home" CAIRN_STORE_ROOT="$work/local-stores"
mkdir -p -m 700 "$HOME/.ssh"

fail() { echo "FAIL: $*" >&2; exit 1; }
expect_status() { # expected-status command...
    local want=$1; shift
    set +e; "$@" > "$work/out" 2> "$work/err"; local got=$?; set -e
    [ "$got" = "$want" ] || fail "$* exited $got, expected $want; stdout: $(cat "$work/out"); stderr: $(cat "$work/err")"
}
json() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print($1)" "$work/out"; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
cairn() { "$product/cairn" "$@"; }
remote_tmp() { find "${TMPDIR:-/tmp}" /tmp -maxdepth 1 -name 'cairn-remote.*' 2> /dev/null | sort -u | wc -l; }

# the remote side: the product, with a HOME and a store root per "computer" (by the sshd port it came in on)
cat > "$work/remote-cairn" <<SH
#!/bin/sh
port=\${SSH_CONNECTION##* }
export HOME="$work/remote-\$port/home" CAIRN_STORE_ROOT="$work/remote-\$port/stores" CAIRN_JAVA="$CAIRN_JAVA"
mkdir -p "\$HOME"
exec "$product/cairn" "\$@"
SH
chmod 755 "$work/remote-cairn"
export CAIRN_REMOTE_CAIRN="$work/remote-cairn"
on_remote() { # port command... : the product run directly on that computer's store root (an independent look)
    local port=$1; shift
    env HOME="$work/remote-$port/home" CAIRN_STORE_ROOT="$work/remote-$port/stores" "$product/cairn" "$@"
}

ssh-keygen -q -t ed25519 -N '' -C local -f "$HOME/.ssh/id_ed25519"
ssh-keygen -q -t ecdsa -N 'key passphrase' -C encrypted -f "$work/encrypted_key"
ssh-keygen -q -t ed25519 -N '' -C stranger -f "$work/stranger_key"
cat "$HOME/.ssh/id_ed25519.pub" "$work/encrypted_key.pub" > "$work/authorized_keys"

start_sshd() { # name -> sets port_NAME, fp_NAME
    local name=$1 dir="$work/sshd-$1" port
    mkdir -p "$dir"
    ssh-keygen -q -t ed25519 -N '' -C "host-$name" -f "$dir/host_key"
    port=$(free_port)
    cat > "$dir/sshd_config" <<CFG
Port $port
ListenAddress 127.0.0.1
HostKey $dir/host_key
AuthorizedKeysFile $work/authorized_keys
PidFile $dir/sshd.pid
StrictModes no
UsePAM no
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
CFG
    if [ "$(id -u)" = 0 ]; then
        unshare -m sh -c "mount -t tmpfs cairn-check-ssh /run && mkdir -m 755 /run/sshd && exec /usr/sbin/sshd -D -e -f '$dir/sshd_config'" \
            > "$dir/log" 2>&1 &
    else
        /usr/sbin/sshd -D -e -f "$dir/sshd_config" > "$dir/log" 2>&1 &
    fi
    pids+=($!)
    for _ in $(seq 100); do
        python3 -c 'import socket,sys; socket.create_connection(("127.0.0.1", int(sys.argv[1])), 0.2)' "$port" 2> /dev/null && break
        sleep 0.1
    done
    python3 -c 'import socket,sys; socket.create_connection(("127.0.0.1", int(sys.argv[1])), 0.2)' "$port" \
        || fail "sshd $name did not start: $(cat "$dir/log")"
    printf -v "port_$name" '%s' "$port"
    printf -v "fp_$name" '%s' "$(ssh-keygen -l -E sha256 -f "$dir/host_key.pub" | cut -d' ' -f2)"
}
start_sshd m1; start_sshd m2; start_sshd m3
# shellcheck disable=SC2154
{
cat > "$HOME/.ssh/config" <<CFG
Host m1
  HostName 127.0.0.1
  Port $port_m1
  User $me
Host m2
  HostName 127.0.0.1
  Port $port_m2
  User $me
Host m3
  HostName 127.0.0.1
  Port $port_m3
  User $me
Host encrypted
  HostName 127.0.0.1
  Port $port_m1
  User $me
  IdentitiesOnly yes
  IdentityFile $work/encrypted_key
Host stranger
  HostName 127.0.0.1
  Port $port_m1
  User $me
  IdentitiesOnly yes
  IdentityFile $work/stranger_key
CFG
}
tmp_before=$(remote_tmp)

# --- an unknown host key is refused until accepted; then it is in known_hosts
expect_status 1 cairn cert list --computer m1 --json
grep -q "$fp_m1" "$work/err" && grep -q "not known" "$work/err" || fail "unknown host key message: $(cat "$work/err")"
[ ! -e "$HOME/.ssh/known_hosts" ] || fail "known_hosts was written for a refused key"
expect_status 1 cairn cert list --computer m1 --accept-host-key "$fp_m2"
[ ! -e "$HOME/.ssh/known_hosts" ] || fail "known_hosts was written for a key with another fingerprint"
for m in m1 m2 m3; do
    fp_var="fp_$m"
    expect_status 0 cairn cert list --computer "$m" --json --accept-host-key "${!fp_var}"
    [ "$(json 'len(d)')" = 0 ] || fail "a fresh remote store lists entries"
done
[ "$(grep -c "^\[127.0.0.1\]:" "$HOME/.ssh/known_hosts")" = 3 ] || fail "known_hosts: $(cat "$HOME/.ssh/known_hosts")"
expect_status 0 cairn cert protocol --json
[ "$(json 'd["protocol"]')" = 3 ] || fail "protocol"

# --- list, show, new-self-signed on another computer; checked on its store directly
expect_status 0 cairn cert new-self-signed --computer m1 --subject "CN=remote1.example.org" --exportable \
    --friendly-name "Remote one" --days 10 --json
tp=$(json 'd["thumbprint"]')
expect_status 0 on_remote "$port_m1" cert list --json
[ "$(json 'd[0]["thumbprint"]')" = "$tp" ] || fail "the certificate is not in m1's store"
expect_status 0 cairn cert list --computer m1 --json
[ "$(json 'd[0]["thumbprint"] + str(d[0]["hasPrivateKey"])')" = "${tp}True" ] || fail "list --computer m1"
expect_status 0 cairn cert list --computer m1
grep -q "1 certificate(s) in all stores" "$work/out" || fail "list text: $(cat "$work/out")"
expect_status 0 cairn cert show "$tp" --computer "$me@127.0.0.1:$port_m1"
grep -q "Private key:  *yes" "$work/out" || fail "show --computer: $(cat "$work/out")"
expect_status 1 cairn cert show 0000000000000000000000000000000000000000 --computer m1
grep -q "no certificate with thumbprint" "$work/err" || fail "the remote's refusal: $(cat "$work/err")"
expect_status 2 cairn cert list --computer m1 --no-such-option
expect_status 2 cairn cert list --computer m1 --password secret
expect_status 2 cairn cert inspect x.pfx --computer m1

# --- export with the private key: written HERE, verified here and by five readers; nothing left there
printf 'export secret\n' > "$work/pw"
mkdir "$work/local-files"
expect_status 0 cairn cert export "$tp" --computer m1 --out "$work/local-files/m1.pfx" --password-file "$work/pw"
grep -q "The export was successful: $work/local-files/m1.pfx (from m1" "$work/out" || fail "export text: $(cat "$work/out")"
grep -q "Cairn's PKCS #12 reader (MAC, private key)" "$work/out" || fail "not verified here: $(cat "$work/out")"
[ "$(stat -c %a "$work/local-files/m1.pfx")" = 600 ] || fail "the PFX is not private"
"$top/releng/pfx-readers" "$work/local-files/m1.pfx" --password-file "$work/pw" --expect-certs 1 --expect-key ec \
    --expect-friendly-name "Remote one" > "$work/readers" 2>&1 || fail "pfx-readers: $(cat "$work/readers")"
[ "$(remote_tmp)" = "$tmp_before" ] || fail "the export left a temporary folder on the remote"
[ -z "$(ls -A "$work/local-files" | grep -v '^m1.pfx$')" ] || fail "temporary files beside the export: $(ls -A "$work/local-files")"
# no clobber; wrong thumbprint: nothing written anywhere
expect_status 1 cairn cert export "$tp" --computer m1 --out "$work/local-files/m1.pfx" --password-file "$work/pw"
grep -q "exists; it was kept" "$work/err" || fail "no-clobber: $(cat "$work/err")"
expect_status 1 cairn cert export 1111111111111111111111111111111111111111 --computer m1 --out "$work/local-files/none.pfx" --password-file "$work/pw"
[ ! -e "$work/local-files/none.pfx" ] || fail "a failed export wrote a file"
[ "$(remote_tmp)" = "$tmp_before" ] || fail "a failed export left a temporary folder on the remote"
# --json
expect_status 0 cairn cert export "$tp" --computer m1 --out "$work/local-files/m1-json.pfx" --password-file "$work/pw" --json
[ "$(json 'd["computer"] + " " + str(d["keyWritten"]) + " " + str(d["remote"]["keyWritten"])')" = "m1 True True" ] \
    || fail "export --json: $(cat "$work/out")"
[ "$(json 'd["sha256"]')" = "$(sha256sum "$work/local-files/m1-json.pfx" | cut -d' ' -f1)" ] || fail "export --json sha256"

# --- import on another computer (the file goes there and is removed), then delete there
expect_status 0 cairn cert import "$work/local-files/m1.pfx" --computer m2 --password-file "$work/pw" --exportable --json
expect_status 0 on_remote "$port_m2" cert list --json
[ "$(json 'd[0]["thumbprint"] + str(d[0]["hasPrivateKey"]) + d[0]["friendlyName"]')" = "${tp}TrueRemote one" ] \
    || fail "the import did not arrive on m2: $(cat "$work/out")"
[ "$(remote_tmp)" = "$tmp_before" ] || fail "the import left its file on the remote"
printf 'wrong\n' > "$work/wrong"
expect_status 1 cairn cert import "$work/local-files/m1.pfx" --computer m3 --password-file "$work/wrong"
grep -q "password" "$work/err" || fail "wrong password on import: $(cat "$work/err")"
expect_status 0 on_remote "$port_m3" cert list --json
[ "$(json 'len(d)')" = 0 ] || fail "a refused import changed m3's store"
# --- set and delete --key-only on another computer (protocol 3), checked on its store directly
expect_status 0 cairn cert set "$tp" --computer m2 --friendly-name "Renamed there" --description "Set from here" --json
[ "$(json 'd["friendlyName"] + "|" + d["description"]')" = "Renamed there|Set from here" ] \
    || fail "set --computer: $(cat "$work/out")"
expect_status 0 on_remote "$port_m2" cert list --json
[ "$(json 'd[0]["friendlyName"] + "|" + d[0]["description"]')" = "Renamed there|Set from here" ] \
    || fail "set --computer m2 did not change m2's store: $(cat "$work/out")"
expect_status 2 cairn cert set "$tp" --computer m2
expect_status 0 cairn cert delete "$tp" --computer m2 --key-only
expect_status 0 on_remote "$port_m2" cert list --json
[ "$(json 'd[0]["thumbprint"] + str(d[0]["hasPrivateKey"])')" = "${tp}False" ] \
    || fail "delete --key-only --computer m2: $(cat "$work/out")"
expect_status 0 cairn cert delete "$tp" --computer m2
expect_status 0 on_remote "$port_m2" cert list --json
[ "$(json 'len(d)')" = 0 ] || fail "delete --computer m2 left the certificate"

# --- export --delete-key: the key goes on the remote only after the copy here was verified
expect_status 0 cairn cert export "$tp" --computer m1 --out "$work/local-files/moved.pfx" --password-file "$work/pw" --delete-key
grep -q "The private key was deleted on m1" "$work/out" || fail "delete-key: $(cat "$work/out")"
"$top/releng/pfx-readers" "$work/local-files/moved.pfx" --password-file "$work/pw" --expect-certs 1 --expect-key ec \
    > "$work/readers" 2>&1 || fail "pfx-readers (moved): $(cat "$work/readers")"
expect_status 0 on_remote "$port_m1" cert list --json
[ "$(json 'str(d[0]["hasPrivateKey"])')" = False ] || fail "the key is still on m1"

# --- a changed host key is refused, known_hosts unchanged
cp "$HOME/.ssh/known_hosts" "$work/known_hosts.good"
sed -i "s|^\[127.0.0.1\]:$port_m1 .*|[127.0.0.1]:$port_m1 $(cut -d' ' -f1,2 "$work/sshd-m2/host_key.pub")|" "$HOME/.ssh/known_hosts"
grep -q "^\[127.0.0.1\]:$port_m1 $(cut -d' ' -f1,2 "$work/sshd-m2/host_key.pub")" "$HOME/.ssh/known_hosts" || fail "known_hosts not changed"
cp "$HOME/.ssh/known_hosts" "$work/known_hosts.changed"
expect_status 1 cairn cert list --computer m1 --accept-host-key "$fp_m1"
grep -q "CHANGED" "$work/err" && grep -q "$fp_m1" "$work/err" || fail "changed host key: $(cat "$work/err")"
cmp -s "$HOME/.ssh/known_hosts" "$work/known_hosts.changed" || fail "known_hosts was changed"
cp "$work/known_hosts.good" "$HOME/.ssh/known_hosts"

# --- wrong passphrase, refused login, no Cairn there, unreachable: clear errors, nothing written
printf 'not it\n' > "$work/wrong-passphrase"
printf 'key passphrase\n' > "$work/passphrase"
expect_status 1 cairn cert list --computer encrypted --passphrase-file "$work/wrong-passphrase"
grep -q "passphrase is wrong for the key file $work/encrypted_key" "$work/err" || fail "wrong passphrase: $(cat "$work/err")"
if grep -q "not it" "$work/err" "$work/out" "$work/sshd-m1/log"; then fail "the passphrase was shown"; fi
expect_status 0 cairn cert list --computer encrypted --passphrase-file "$work/passphrase" --json
expect_status 1 cairn cert list --computer stranger
grep -q "was refused" "$work/err" || fail "refused login: $(cat "$work/err")"
expect_status 1 cairn cert list --computer m1 --remote-cairn /nonexistent/cairn
grep -q "has no Cairn command line" "$work/err" || fail "no Cairn: $(cat "$work/err")"
down=$(free_port)
start=$(date +%s)
expect_status 1 cairn cert list --computer "$me@127.0.0.1:$down"
grep -q "is unavailable" "$work/err" || fail "unreachable: $(cat "$work/err")"
[ $(( $(date +%s) - start )) -lt 30 ] || fail "an unreachable computer took too long"
expect_status 1 cairn cert export "$tp" --computer "$me@127.0.0.1:$down" --out "$work/local-files/down.pfx" --password-file "$work/pw"
[ ! -e "$work/local-files/down.pfx" ] || fail "a failed connection wrote a file"

# --- --computers: three computers and one that does not answer, in parallel, one line each
expect_status 0 cairn cert new-self-signed --computer m3 --subject "CN=remote3.example.org" --days 400 --json
printf '# fleet\nm1\nm2\n\nm3\n%s@127.0.0.1:%s\n' "$me" "$down" > "$work/computers"
expect_status 1 cairn cert list --computers "$work/computers" --json
[ "$(wc -l < "$work/out")" = 4 ] || fail "--computers --json: one line a computer: $(cat "$work/out")"
python3 - "$work/out" "$down" <<'PY' || fail "--computers --json: $(cat "$work/out")"
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1])]
assert [l["computer"] for l in lines][:3] == ["m1", "m2", "m3"], lines
assert [l["ok"] for l in lines] == [True, True, True, False], lines
assert len(lines[0]["result"]) == 1 and lines[1]["result"] == [] and len(lines[2]["result"]) == 1
assert "unavailable" in lines[3]["error"], lines[3]
PY
grep -q "1 of 4 computer(s) failed" "$work/err" || fail "--computers summary: $(cat "$work/err")"
# the fleet-wide question as a one-liner: which computers hold a certificate expiring within 30 days?
before=$(date -u -d '+30 days' +%Y-%m-%dT%H:%M:%SZ)
cairn cert list --computers "$work/computers" --json 2> /dev/null | python3 -c '
import json, sys
for l in map(json.loads, sys.stdin):
    for c in (l["result"] or []):
        if c["notAfter"] < sys.argv[1]: print(l["computer"], c["thumbprint"], c["notAfter"])' "$before" > "$work/expiring" || true
[ "$(cut -d' ' -f1 "$work/expiring")" = m1 ] || fail "expiring one-liner: $(cat "$work/expiring")"
expect_status 1 cairn cert list --computers "$work/computers"
grep -q "^m1: ok: 1 certificate(s)$" "$work/out" && grep -q "^m2: ok: 0 certificate(s)$" "$work/out" \
    && grep -q "^$me@127.0.0.1:$down: FAILED: .*unavailable" "$work/out" || fail "--computers text: $(cat "$work/out")"
# import to many, export from many (one file a computer in a folder)
printf 'm2\nm3\n' > "$work/two"
expect_status 0 cairn cert import "$work/local-files/m1.pfx" --computers "$work/two" --password-file "$work/pw" --exportable
[ "$(grep -c ': ok: ' "$work/out")" = 2 ] || fail "import --computers: $(cat "$work/out")"
mkdir "$work/fleet"
expect_status 0 cairn cert export "$tp" --computers "$work/two" --out "$work/fleet" --password-file "$work/pw"
for m in m2 m3; do
    "$top/releng/pfx-readers" "$work/fleet/$m.pfx" --password-file "$work/pw" --expect-certs 1 --expect-key ec \
        > "$work/readers" 2>&1 || fail "pfx-readers ($m): $(cat "$work/readers")"
done
[ "$(remote_tmp)" = "$tmp_before" ] || fail "temporary folders left on the remotes"
# parallel: with a slow computer (one that accepts the connection and never answers SSH), the others still report
python3 -c '
import socket, sys, time
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(("127.0.0.1", 0)); s.listen(8)
print(s.getsockname()[1], flush=True)
conns = []
while True:
    c, _ = s.accept(); conns.append(c)' > "$work/silent-port" &
pids+=($!)
# wait for the port (python's start takes more than a moment on a busy machine)
for _ in $(seq 100); do [ -s "$work/silent-port" ] && break; sleep 0.1; done
silent=$(cat "$work/silent-port")
[ -n "$silent" ] || fail "the silent server did not start"
printf 'm1\n%s@127.0.0.1:%s\nm3\n' "$me" "$silent" > "$work/with-silent"
start=$(date +%s)
expect_status 1 cairn cert list --computers "$work/with-silent"
elapsed=$(( $(date +%s) - start ))
grep -q "^m1: ok" "$work/out" && grep -q "^m3: ok" "$work/out" && grep -q "127.0.0.1:$silent: FAILED: .*unavailable" "$work/out" \
    || fail "a silent computer: $(cat "$work/out")"
[ "$elapsed" -lt 60 ] || fail "a silent computer held the others ($elapsed s)"

echo "check-ssh: all checks passed ($product)"
