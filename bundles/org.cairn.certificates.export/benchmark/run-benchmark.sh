#!/usr/bin/env bash
# PKCS #12 export benchmark: Cairn's export (in-process, warm JVM) against `openssl pkcs12 -export` (whole
# process) with the same parameters on the same key: leaf + chain of 3, AES256-SHA256 (PBES2, PBKDF2-HMAC-SHA256,
# AES-256-CBC for key and certificates, SHA-256 MAC) at the default strong iteration count (100,000).
#
# Usage: benchmark/run-benchmark.sh [KEY_TYPE] [RUNS]
#   KEY_TYPE  RSA_2048 (default) | RSA_3072 | RSA_4096 | EC_P256 | EC_P384 | ED25519
#   RUNS      measured runs on each side (default 15); the JVM side warms up with 10 more
# Needs: Maven (plain builds; Maven Central), a JDK 21+ (JAVA_HOME, default Temurin 25), openssl.
# Builds the export, pkcs12 and core bundle sources with a throw-away pom in a temporary directory; changes nothing else.
set -euo pipefail

KEY_TYPE=${1:-RSA_2048}
RUNS=${2:-15}
ITER=100000
HERE=$(cd "$(dirname "$0")" && pwd)
BUNDLES=$(cd "$HERE/../.." && pwd)
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/cairn-export-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
# the password only ever travels through the environment
export CAIRN_BENCH_PASSWORD="bench-$RANDOM-$RANDOM-password"

mkdir -p "$WORK/build"
cat > "$WORK/build/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>tmp.cairn</groupId><artifactId>export-benchmark</artifactId><version>0</version>
  <properties><project.build.sourceEncoding>UTF-8</project.build.sourceEncoding></properties>
  <dependencies>
    <dependency><groupId>org.bouncycastle</groupId><artifactId>bcprov-jdk18on</artifactId><version>1.87</version></dependency>
    <dependency><groupId>org.bouncycastle</groupId><artifactId>bcpkix-jdk18on</artifactId><version>1.87</version></dependency>
    <dependency><groupId>org.bouncycastle</groupId><artifactId>bcutil-jdk18on</artifactId><version>1.87</version></dependency>
    <dependency><groupId>org.osgi</groupId><artifactId>org.osgi.service.component.annotations</artifactId><version>1.5.1</version></dependency>
    <dependency><groupId>org.osgi</groupId><artifactId>org.osgi.service.log</artifactId><version>1.5.0</version></dependency>
    <dependency><groupId>org.osgi</groupId><artifactId>osgi.core</artifactId><version>8.0.0</version></dependency>
    <dependency><groupId>org.eclipse.platform</groupId><artifactId>org.eclipse.equinox.preferences</artifactId><version>3.12.100</version></dependency>
  </dependencies>
  <build>
    <sourceDirectory>$BUNDLES/org.cairn.certificates.export/src</sourceDirectory>
    <plugins>
      <plugin><groupId>org.codehaus.mojo</groupId><artifactId>build-helper-maven-plugin</artifactId><version>3.6.0</version>
        <executions><execution><phase>generate-sources</phase><goals><goal>add-source</goal></goals>
          <configuration><sources>
            <source>$BUNDLES/org.cairn.certificates.core/src</source>
            <source>$BUNDLES/org.cairn.certificates.pkcs12/src</source>
            <source>$BUNDLES/org.cairn.certificates.export/benchmark/src</source>
          </sources></configuration></execution></executions></plugin>
      <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-compiler-plugin</artifactId><version>3.13.0</version>
        <configuration><release>21</release></configuration></plugin>
    </plugins>
  </build>
</project>
POM
echo "# building (throw-away pom in $WORK/build)" >&2
mvn -B -q -f "$WORK/build/pom.xml" compile dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" >&2
CP="$WORK/build/target/classes:$(cat "$WORK/cp.txt")"

echo "# in-process (warm JVM)" >&2
"$JAVA_HOME/bin/java" -cp "$CP" org.cairn.certificates.export.internal.ExportBenchmark "$WORK" "$KEY_TYPE" 10 "$RUNS" \
  | tee "$WORK/java.txt"

echo "# openssl $(openssl version | cut -d' ' -f1-2), whole process" >&2
OSSL=(openssl pkcs12 -export -inkey "$WORK/key.pem" -in "$WORK/leaf.pem" -certfile "$WORK/chain.pem"
      -keypbe AES-256-CBC -certpbe AES-256-CBC -macalg sha256 -iter "$ITER" -maciter
      -passout env:CAIRN_BENCH_PASSWORD -out "$WORK/openssl.pfx")
"${OSSL[@]}"   # one untimed run: page cache, and a check that the command works
if command -v hyperfine >/dev/null; then
  hyperfine -N --warmup 2 --runs "$RUNS" --export-json "$WORK/hf.json" "${OSSL[*]}" >&2
  python3 -c 'import json,sys; t=sorted(json.load(open(sys.argv[1]))["results"][0]["times"]); print("openssl median_ms=%.1f min_ms=%.1f p90_ms=%.1f" % (t[len(t)//2]*1e3, t[0]*1e3, t[-(-len(t)*9//10)-1]*1e3))' "$WORK/hf.json" | tee "$WORK/ossl.txt"
else
  : > "$WORK/ossl-times.txt"
  for _ in $(seq "$RUNS"); do
    s=$(date +%s%N); "${OSSL[@]}"; e=$(date +%s%N); echo $(( e - s )) >> "$WORK/ossl-times.txt"
  done
  sort -n "$WORK/ossl-times.txt" | awk '{t[NR]=$1} END {p=int((NR*9+9)/10); printf "openssl median_ms=%.1f min_ms=%.1f p90_ms=%.1f\n", t[int(NR/2)+1]/1e6, t[1]/1e6, t[p]/1e6}' | tee "$WORK/ossl.txt"
fi
# CPU time (user + system) of the whole openssl process, independent of how busy the machine is
: > "$WORK/ossl-cpu.txt"
TIMEFORMAT='%U %S'
for _ in $(seq "$RUNS"); do { time "${OSSL[@]}"; } 2>> "$WORK/ossl-cpu.txt"; done
awk '{print ($1 + $2) * 1000}' "$WORK/ossl-cpu.txt" | sort -n | awk '{t[NR]=$1} END {p=int((NR*9+9)/10); printf "openssl_cpu median_ms=%.1f min_ms=%.1f p90_ms=%.1f\n", t[int(NR/2)+1], t[1], t[p]}' | tee -a "$WORK/ossl.txt"
openssl pkcs12 -in "$WORK/openssl.pfx" -passin env:CAIRN_BENCH_PASSWORD -noout -info 2>&1 | sed 's/^/#   openssl file: /' >&2
openssl pkcs12 -in "$WORK/service.pfx" -passin env:CAIRN_BENCH_PASSWORD -noout -info 2>&1 | sed 's/^/#   cairn file:   /' >&2

median() { sed -n "s/^$1 median_ms=\([0-9.]*\).*/\1/p" "$2"; }
E=$(median engine "$WORK/java.txt"); S=$(median service "$WORK/java.txt"); O=$(median openssl "$WORK/ossl.txt")
EC=$(median engine_cpu "$WORK/java.txt"); SC=$(median service_cpu "$WORK/java.txt"); OC=$(median openssl_cpu "$WORK/ossl.txt")
awk -v e="$E" -v s="$S" -v o="$O" -v ec="$EC" -v sc="$SC" -v oc="$OC" 'BEGIN {
  printf "RESULT wall: engine %.1f ms vs openssl %.1f ms: %s (%.2fx)\n", e, o, (e <= o ? "no slower" : "SLOWER"), e / o;
  printf "RESULT cpu:  engine %.1f ms vs openssl %.1f ms: %s (%.2fx)\n", ec, oc, (ec <= oc ? "no more" : "MORE"), ec / oc;
  printf "RESULT wall: service incl. verification %.1f ms (%.2fx openssl); cpu %.1f ms (%.2fx)\n", s, s / o, sc, sc / oc }'
