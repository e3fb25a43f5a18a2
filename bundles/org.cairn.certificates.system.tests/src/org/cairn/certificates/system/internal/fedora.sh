# Fedora scheme at the real paths, on a copy of /etc with /etc/pki/ca-trust laid out as Fedora has it. This machine
# has no update-ca-trust: Cairn must say so and change nothing.
T=$1; JAVA=$2
. "$(dirname "$0")/common.sh"

bindcopy /etc
mkdir -p /etc/pki/ca-trust/source/anchors /etc/pki/ca-trust/source/blocklist /etc/pki/ca-trust/extracted/pem
make_pki
cp root.pem /etc/pki/ca-trust/source/anchors/admin-root.pem
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout bad.key -out bad.pem \
    -subj "/CN=Cairn Distrusted $$" -days 2 2>/dev/null
cp bad.pem /etc/pki/ca-trust/source/blocklist/bad.pem
echo "badthumbprint=$(openssl x509 -in bad.pem -noout -fingerprint -sha1 | sed 's/.*=//; s/://g')"
"${TOOL[@]}" describe
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout new.key -out new.pem \
    -subj "/CN=Cairn New Root $$" -days 2 2>/dev/null
"${TOOL[@]}" add new.pem
ls /etc/pki/ca-trust/source/anchors | sed 's/^/anchorfile=/'
