#!/usr/bin/env bash
# Listing benchmark of org.cairn.certificates.core: open a Personal store of 10,000 certificates and list
# them (thumbprint, subject, issuer, expiry, purposes, friendly name). Target: < 0.5 s warm, <= 150 MB heap.
#
# Usage: benchmark/run.sh [COUNT] [ROUNDS]      (defaults 10000, 15)
# Env:   JAVA_HOME         a JDK 21+ (default /usr/lib/jvm/temurin-25-jdk-amd64, else java on PATH)
#        CAIRN_BENCH_DIR   work directory (default /tmp/cairn-benchmark); the store is kept there and reused,
#                          delete the directory to measure creation again
#        HEAP              maximum heap for the run (default 150m: the listing must fit in the target)
# Needs Bouncy Castle 1.87 (bcprov, bcpkix, bcutil) and the DS annotations 1.5.1 in ~/.m2 (fetched with mvn if missing).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
bundle=$(dirname "$here")
count=${1:-10000}
rounds=${2:-15}
work=${CAIRN_BENCH_DIR:-/tmp/cairn-benchmark}
heap=${HEAP:-150m}
if [ -z "${JAVA_HOME:-}" ] && [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
  JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
javac=${JAVA_HOME:+$JAVA_HOME/bin/}javac

repo=${MAVEN_REPO:-$HOME/.m2/repository}
jars=()
for coordinate in org.bouncycastle:bcprov-jdk18on:1.87 org.bouncycastle:bcpkix-jdk18on:1.87 \
                  org.bouncycastle:bcutil-jdk18on:1.87 org.osgi:org.osgi.service.component.annotations:1.5.1; do
  IFS=: read -r group artifact version <<<"$coordinate"
  jar="$repo/${group//.//}/$artifact/$version/$artifact-$version.jar"
  if [ ! -f "$jar" ]; then
    mvn -q dependency:get -Dartifact="$coordinate" >&2
  fi
  jars+=("$jar")
done
classpath=$(IFS=:; echo "${jars[*]}")

classes="$work/classes"
rm -rf "$classes"
mkdir -p "$classes"
find "$bundle/src" -name '*.java' > "$work/sources.txt"
echo "$here/ListingBenchmark.java" >> "$work/sources.txt"
"$javac" --release 21 -nowarn -d "$classes" -cp "$classpath" @"$work/sources.txt"

echo "JDK: $("$java" -version 2>&1 | head -1); heap limit: $heap; CPUs: $(nproc)"
exec "$java" -Xmx"$heap" -XX:+UseSerialGC -cp "$classes:$classpath" ListingBenchmark "$work/store" "$count" "$rounds"
