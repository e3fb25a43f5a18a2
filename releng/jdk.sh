# Sourced by ./cairn, ./run-tests and .ci/run: selects a JDK 22 or newer for the build (Tycho 5 needs
# 21; org.cairn.certificates.nss compiles java.lang.foreign, final in 22)
# and exports JAVA_HOME. Looks at JAVA_HOME, then `java` on PATH, then /usr/lib/jvm/* (newest first).

cairn_java_major() {
    "$1" -XshowSettings:properties -version 2>&1 |
        sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}

cairn_select_jdk() {
    local candidates=() tried="" home major
    [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
    if command -v javac >/dev/null 2>&1; then
        candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
    fi
    while IFS= read -r home; do candidates+=("$home"); done < <(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV)
    for home in "${candidates[@]}"; do
        home=${home%/}
        [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || continue
        major=$(cairn_java_major "$home/bin/java")
        if [ -n "$major" ] && [ "$major" -ge 22 ]; then
            export JAVA_HOME="$home"
            export PATH="$JAVA_HOME/bin:$PATH"
            return 0
        fi
        tried+="  $home (Java ${major:-unknown})"$'\n'
    done
    echo "Cairn needs a JDK 22 or newer (with javac) to build, and none was found." >&2
    [ -n "$tried" ] && printf 'Found only:\n%s' "$tried" >&2
    echo "Install one (for example Temurin 25 under /usr/lib/jvm) or set JAVA_HOME to its folder." >&2
    return 1
}
