# Sourced by the namespace scripts. Runs inside 'unshare -m --propagation private': every mount here is private.
set -euo pipefail

# Bind-mounts a temporary copy over a real directory or file; the real one is never written.
bindcopy() {
    local real=$1 copy="$T/copy$1"
    if [ -d "$real" ]; then
        mkdir -p "$copy"; cp -a "$real/." "$copy/"
    elif [ -e "$real" ]; then
        mkdir -p "$(dirname "$copy")"; cp -a "$real" "$copy"
    else
        return 0
    fi
    mount --bind "$copy" "$real"
}

# A root and a server certificate it issued, made by openssl (independent of Cairn).
make_pki() {
    cd "$T"
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout root.key -out root.pem \
        -subj "/CN=Cairn Namespace Test Root $$" -days 2 \
        -addext "basicConstraints=critical,CA:true" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
    openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout server.key -out server.csr \
        -subj "/CN=localhost" 2>/dev/null
    printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\nbasicConstraints=CA:false\n' > server.ext
    openssl x509 -req -in server.csr -CA root.pem -CAkey root.key -CAcreateserial -out server.pem -days 1 \
        -extfile server.ext 2>/dev/null
    THUMB=$(openssl x509 -in root.pem -noout -fingerprint -sha1 | sed 's/.*=//; s/://g')
    FP256=$(openssl x509 -in root.pem -noout -fingerprint -sha256 | sed 's/.*=//')
    echo "thumbprint=$THUMB"
}

TOOL=("$JAVA" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dcairn.system.root=/ -Dcairn.store.root="$T/stores"
      -cp "$(cat "$T/classpath")" org.cairn.certificates.system.internal.SystemTrustTool)
