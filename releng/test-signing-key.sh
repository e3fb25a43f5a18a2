#!/usr/bin/env bash
# Makes the key the build signs its bundles and features with (maven-jarsigner-plugin, see pom.xml), once per
# working copy: FOLDER/keystore.p12 (password "test-signing-only") and its certificate FOLDER/signer.pem, which
# `cairn snapin install --trust-signer FOLDER/signer.pem` accepts (releng/check-snapins.sh does). A key made for the
# tests, never committed, valid 90 days: a release is signed with the project's real key instead (set
# -Dcairn.sign.keystore, -Dcairn.sign.alias, -Dcairn.sign.storepass). Usage: releng/test-signing-key.sh FOLDER
set -euo pipefail
folder=$1
[ -s "$folder/keystore.p12" ] && [ -s "$folder/signer.pem" ] && exit 0
mkdir -p "$folder"
rm -f "$folder/keystore.p12" "$folder/signer.pem"
keytool -genkeypair -keystore "$folder/keystore.p12" -storetype PKCS12 -storepass test-signing-only \
    -alias cairn-test -keyalg EC -groupname secp256r1 -sigalg SHA256withECDSA -validity 90 \
    -dname "CN=Cairn Test Build Signer (test only),O=Cairn" 2>/dev/null
keytool -exportcert -rfc -keystore "$folder/keystore.p12" -storepass test-signing-only -alias cairn-test \
    -file "$folder/signer.pem" 2>/dev/null
echo "Made the test signing key $folder/keystore.p12 ($(sed -n 2p "$folder/signer.pem" | cut -c1-16)...)"
