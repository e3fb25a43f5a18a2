# Arch scheme at the real paths, on a copy of /etc with /etc/ca-certificates/trust-source laid out as Arch has it.
# This machine has no update-ca-trust: Cairn must say so and change nothing.
T=$1; JAVA=$2
. "$(dirname "$0")/common.sh"

bindcopy /etc
mkdir -p /etc/ca-certificates/trust-source/anchors /etc/ca-certificates/trust-source/blocklist
make_pki
cp root.pem /etc/ca-certificates/trust-source/anchors/admin-root.pem
"${TOOL[@]}" describe
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout new.key -out new.pem \
    -subj "/CN=Cairn New Root $$" -days 2 2>/dev/null
"${TOOL[@]}" add new.pem
ls /etc/ca-certificates/trust-source/anchors | sed 's/^/anchorfile=/'
