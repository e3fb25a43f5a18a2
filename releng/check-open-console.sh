#!/usr/bin/env bash
# Checks that the built product opens a console file named on its command line (`cairn FILE.cairn`): writes a
# console with a Folder and a Link to Web Address beneath it, starts the product with it under Xvfb, and waits for
# the window titled with the file name and the saved selection. Needs: a built product, Xvfb, xdotool.
# Usage: releng/check-open-console.sh
set -euo pipefail
top=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
product="$top/releng/org.cairn.repository/target/products/org.cairn.console.product/linux/gtk/x86_64/cairn"
[ -x "$product/cairn" ] || { echo "No product at $product: build it first (./cairn or ./run-tests)." >&2; exit 1; }
command -v xdotool >/dev/null || { echo "xdotool is needed: apt-get install xdotool" >&2; exit 1; }
. "$top/releng/jdk.sh"
cairn_select_jdk

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/servers.cairn" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<console format="1">
  <snap-ins>
    <snap-in id="org.cairn.console.folder" name="Folder">
      <setting key="name" value="Servers"/>
      <snap-in id="org.cairn.console.link" name="Link to Web Address">
        <setting key="name" value="Example"/>
        <setting key="url" value="https://example.org/"/>
      </snap-in>
    </snap-in>
  </snap-ins>
  <tree>
    <expanded><key>Console Root</key></expanded>
    <expanded><key>Console Root</key><key>Servers</key></expanded>
    <selected><key>Console Root</key><key>Servers</key><key>Example</key></selected>
  </tree>
</console>
XML
cd "$work"
fail() { echo "FAIL: $*" >&2; exit 1; }
# an X server of the check's own (releng/console.sh: starting and ending the console, every wait bounded)
. "$top/releng/console.sh"
console_x_server
XDG_CONFIG_HOME="$work/config" CAIRN_JAVA="$JAVA_HOME/bin/java" "$product/cairn" servers.cairn >"$work/out.log" 2>&1 &
pid=$!
expected='servers.cairn - [Console Root\Servers\Example]'
for _ in $(seq 1 600); do
    if grep -qF "$expected" <<< "$(x search --onlyvisible --name '^servers\.cairn - ' getwindowname %@)"; then
        echo "OK: the console file named on the command line opened: $expected"
        CONSOLE_PID=$pid
        console_end_by_signal
        exit 0
    fi
    kill -0 "$pid" 2>/dev/null || { echo "The console exited before showing its window:" >&2; cat "$work/out.log" >&2; exit 1; }
    sleep 0.1
done
echo "No window titled '$expected' within 60 s; windows: $(xdotool search --onlyvisible --name . getwindowname %@ 2>/dev/null | tr '\n' ';')" >&2
CONSOLE_PID=$pid
console_end_by_signal
exit 1
