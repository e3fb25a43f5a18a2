# Debian scheme at the real paths: Cairn adds a root to Trusted Root (Local Computer), then openssl, curl and Java
# trust a server certificate it issued; Cairn deletes it, and none of them trusts it any more.
T=$1; PORT=$2; JAVA=$3
. "$(dirname "$0")/common.sh"

for p in /etc/ssl /usr/local/share/ca-certificates /usr/share/ca-certificates /etc/ca-certificates.conf \
         /etc/ca-certificates /var/lib/dpkg /var/lib/ca-certificates-java /var/log/dpkg.log; do
    bindcopy "$p"
done
# Debian's Java hook processes dpkg triggers: in this copy, only the ones the update itself asks for may be pending.
if [ -s /var/lib/dpkg/triggers/Unincorp ] || grep -q '^Status: .*triggers-\(pending\|awaited\)' /var/lib/dpkg/status; then
    echo "skip=dpkg has pending triggers; processing them here could change files outside the copies"
    exit 77
fi
make_pki

# keytool -cacerts reads the JDK's cacerts: Debian links it to /etc/ssl/certs/java/cacerts (the copy here)
if [ "$(readlink -f "$(dirname "$(readlink -f "$(command -v keytool)")")/../lib/security/cacerts")" = /etc/ssl/certs/java/cacerts ]; then
    KEYSTORE=(-cacerts)
else
    KEYSTORE=(-keystore /etc/ssl/certs/java/cacerts)
fi
echo "keystore=${KEYSTORE[*]}"

openssl s_server -accept "127.0.0.1:$PORT" -cert server.pem -key server.key -www -quiet >/dev/null 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 100); do (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break; sleep 0.1; done

state() {
    if openssl verify -CApath /etc/ssl/certs server.pem >/dev/null 2>&1; then echo "$1.verify=OK"; else echo "$1.verify=FAIL"; fi
    if curl -sS -o /dev/null --max-time 10 --resolve "localhost:$PORT:127.0.0.1" "https://localhost:$PORT/" 2>/dev/null
    then echo "$1.curl=OK"; else echo "$1.curl=FAIL"; fi
    if keytool -list "${KEYSTORE[@]}" -storepass changeit 2>/dev/null | grep -q "$FP256"; then echo "$1.java=OK"; else echo "$1.java=FAIL"; fi
}

state before
"${TOOL[@]}" add root.pem
ls /usr/local/share/ca-certificates | sed 's/^/anchorfile=/'
state added
"${TOOL[@]}" delete "$THUMB"
ls /usr/local/share/ca-certificates | sed 's/^/anchorfile=/'
echo "dangling=$(find -L /etc/ssl/certs -maxdepth 1 -type l | wc -l)"
state removed
