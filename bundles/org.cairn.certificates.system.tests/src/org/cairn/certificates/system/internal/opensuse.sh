# openSUSE scheme at the real paths, on copies of /etc and of the Debian trees. Its update command has the name of
# Debian's (update-ca-certificates), and this Debian machine has only Debian's, which does not write the bundle
# openSUSE's programs read (/var/lib/ca-certificates/ca-bundle.pem). Cairn runs it, finds the result wrong, says so,
# and takes the new anchor back: the check of the result is what keeps a wrong command from passing for a right one.
T=$1; JAVA=$2
. "$(dirname "$0")/common.sh"

for p in /etc /usr/local/share/ca-certificates /usr/share/ca-certificates /var/lib/dpkg /var/lib/ca-certificates-java \
         /var/log/dpkg.log; do
    bindcopy "$p"
done
if [ -s /var/lib/dpkg/triggers/Unincorp ] || grep -q '^Status: .*triggers-\(pending\|awaited\)' /var/lib/dpkg/status; then
    echo "skip=dpkg has pending triggers; processing them here could change files outside the copies"
    exit 77
fi
[ -e /var/lib/ca-certificates ] && { echo "skip=/var/lib/ca-certificates exists here"; exit 77; }
mkdir -p /etc/pki/trust/anchors /etc/pki/trust/blacklist
make_pki
echo "debianbundle.before=$(sha256sum /etc/ssl/certs/ca-certificates.crt | cut -d' ' -f1)"
"${TOOL[@]}" describe
"${TOOL[@]}" add root.pem
ls /etc/pki/trust/anchors | sed 's/^/anchorfile=/'
echo "anchorcount=$(ls /etc/pki/trust/anchors | wc -l)"
