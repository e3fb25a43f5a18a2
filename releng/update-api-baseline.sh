#!/usr/bin/env bash
# Makes releng/api-baseline, the API bundles of a release, which the build compares the API bundles it builds
# against (tycho-baseline-plugin, bundles/pom.xml): an exported package whose API changed without the version
# change semantic versioning asks for fails the build, naming the change. Run it when a release is made, on that
# release's update site, and commit the result:
#     releng/update-api-baseline.sh releng/org.cairn.repository/target/repository
# The API bundles are those of the SDK feature (features/org.cairn.sdk.feature), without their sources, and the UI
# test driver org.cairn.testing.ui (on the site for snap-ins' tests).
set -euo pipefail
top=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
site=${1:?usage: $0 UPDATE_SITE (a built site, for example releng/org.cairn.repository/target/repository)}
[ -f "$site/content.jar" ] || { echo "No p2 repository (content.jar) at $site" >&2; exit 1; }
bundles=$(sed -n 's/.*<plugin id="\([^"]*\)".*/\1/p' "$top/features/org.cairn.sdk.feature/feature.xml" | grep -v '\.source$'; echo org.cairn.testing.ui)
baseline="$top/releng/api-baseline"
new=$(mktemp -d)
trap 'rm -rf "$new"' EXIT
# shellcheck disable=SC2086
python3 "$top/releng/p2-repo-tool.py" slice "$site" "$new/repository" $bundles
cp "$baseline/README.md" "$new/repository/" 2>/dev/null || true
rm -rf "$baseline"
cp -a "$new/repository" "$baseline"
echo "API baseline in $baseline:"
ls "$baseline/plugins"
