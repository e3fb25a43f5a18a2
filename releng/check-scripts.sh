#!/usr/bin/env bash
# Refuses a shell pipeline whose last command may stop reading before the one writing into it is done (grep -q,
# grep -m) in a script that sets `pipefail`: the writer then dies of SIGPIPE at random, and pipefail turns that into a
# failure (or, in an `if`, into a silent "not found"). check-snapins.sh's `ls plugins | grep -q NAME` failed so on CI
# (stop 30) where it had passed twice before. Instead: grep -q PATTERN <<< "$(command)", compgen -G for a file name,
# or a reader that reads to the end (grep PATTERN > /dev/null, sed -n 1p for head -n 1).
# Run by the build (releng/pom.xml); alone: releng/check-scripts.sh
set -euo pipefail
top=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
cd "$top"

found=0
checked=0
while IFS= read -r -d '' file; do
    grep -q 'pipefail' "$file" || continue
    checked=$((checked + 1))
    # a line (not a comment) where a pipe feeds grep with -q or -m among its options
    hits=$(grep -nE '(^|[^|\\])\|[[:space:]]*grep([[:space:]]+-[A-Za-z]+)*[[:space:]]+-[A-Za-z]*[qm]' "$file" | grep -vE '^[0-9]+:[[:space:]]*#' || true)
    if [ -n "$hits" ]; then
        found=1
        while IFS= read -r hit; do
            echo "$file:$hit" >&2
        done <<< "$hits"
    fi
done < <(find . -path ./.git -prune -o -path '*/target' -prune -o -path '*/node_modules' -prune -o -type f \
    \( -name '*.sh' -o -name run-tests -o -name cairn -o -path ./.ci/run \) -print0)

if [ "$found" = 1 ]; then
    echo "FAIL: a pipeline ends in grep -q or grep -m in a script with pipefail (the lines above); see this script's comment" >&2
    exit 1
fi
[ "$checked" -gt 5 ] || { echo "FAIL: only $checked scripts with pipefail found: the search is wrong" >&2; exit 1; }
echo "OK: $checked scripts with pipefail: no pipeline ends in grep -q or grep -m"
