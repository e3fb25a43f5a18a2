# Starting and ending the built console in the scripted checks (check-launcher, check-snapins, check-example,
# check-open-console), sourced by them. Every wait here is bounded: a console, or an X call, that never ends makes the
# check fail, or warn, with what the console was doing, never wait for CI's time limit (CI's run of 2026-12-07 evening
# waited 70 minutes in check-launcher, at two starts ended by SIGTERM, where the only wait without a bound was for the
# console to end; about 500 such ends here since, with and without a session bus and AT-SPI, under load or not,
# all ended).
# The caller defines fail MESSAGE, product (the installation) and CONSOLE_LOG (where the console's output goes), calls
# console_x_server first, and runs with Xvfb and xdotool installed, with set -euo pipefail (so
# releng/check-scripts.sh checks this file too).

# xdotool with a bound
x() { timeout 20 xdotool "$@" 2>/dev/null; }

# console_x_server: starts an X server of the check's own (Xvfb, on a free display, no authorization: only local
# clients reach it), points DISPLAY at it and ends it with the check; called again, replaces it. The checks run on
# one of their own instead of under xvfb-run so that the server can be replaced when GTK cannot open its display:
# CI's run of 2026-12-08 failed in check-launcher when the fifteenth console start on one xvfb-run server ended in
# GTK's start, "gtk_init_check() failed", after fourteen starts that showed their window; seen once here too, in a
# loop of the check under dbus-run-session, while another script beside it started consoles on an X server of its
# own and killed that server; the cause is not known. (xvfb-run itself exits 1 when its server has gone, whatever
# the check's result.)
CONSOLE_XVFB=""
console_x_server() {
    local number_file number="" i
    command -v Xvfb >/dev/null || fail "Xvfb is needed: apt-get install xvfb"
    if [ -n "$CONSOLE_XVFB" ]; then
        kill "$CONSOLE_XVFB" 2>/dev/null || true
    else
        # ended with the check (whose own exit trap still runs)
        CONSOLE_EXIT_TRAP=$(trap -p EXIT)
        trap 'kill "$CONSOLE_XVFB" 2>/dev/null || true; eval "set -- $CONSOLE_EXIT_TRAP"; eval "${3:-}"' EXIT
    fi
    number_file=$(mktemp)
    Xvfb -displayfd 9 -screen 0 1280x1024x24 -nolisten tcp 9>"$number_file" >/dev/null 2>&1 &
    CONSOLE_XVFB=$!
    for i in $(seq 1 100); do
        number=$(tr -dc 0-9 < "$number_file")
        [ -n "$number" ] && break
        sleep 0.1
    done
    rm -f "$number_file"
    [ -n "$number" ] || fail "the X server (Xvfb) did not start within 10 s"
    export DISPLAY=":$number"
    unset XAUTHORITY
}

# console_start [JVM-OPTIONS] [ARG...]: starts the console (the options in CAIRN_VM_ARGS, the arguments after) and
# waits for its window, 3 minutes at most (a loaded CI machine is slow): sets CONSOLE_PID and CONSOLE_WINDOW. Fails
# when the console ends first, with its output and the framework's log; except, once in a check's run, when GTK could
# not open the display (console_x_server says when that was seen): then it warns, says whether the X server takes a
# new client, and starts the console again on a new X server.
CONSOLE_X_RESTARTS=0
console_start() {
    local options=${1:-}
    [ $# = 0 ] || shift
    CAIRN_VM_ARGS="$options" "$product/cairn" "$@" >"$CONSOLE_LOG" 2>&1 &
    CONSOLE_PID=$!
    local deadline=$((SECONDS + 180))
    while [ "$SECONDS" -lt "$deadline" ]; do
        CONSOLE_WINDOW=$(x search --onlyvisible --name ' - \[Console Root' | sed -n 1p) || true
        [ -n "$CONSOLE_WINDOW" ] && return 0
        if ! kill -0 "$CONSOLE_PID" 2>/dev/null; then
            wait "$CONSOLE_PID" 2>/dev/null || true
            # GTK could not open the display: the X server's failure, not the console's (once in a run). The
            # console's output names the framework's log file ("See the log file" PATH.log.), which has the error
            local framework_log
            framework_log=$(sed -n 's|^\(/.*\.log\)\.$|\1|p' "$CONSOLE_LOG")
            if [ "$CONSOLE_X_RESTARTS" = 0 ] && [ -n "$framework_log" ] &&
                grep -q 'gtk_init_check() failed' "$framework_log" 2>/dev/null; then
                { echo "WARNING: the console exited before showing its window: GTK could not open the display"
                  echo "$DISPLAY. The X server (Xvfb, process $CONSOLE_XVFB: $(ps -o stat=,etime= -p "$CONSOLE_XVFB" ||
                      echo ended), $(ls "/proc/$CONSOLE_XVFB/fd" 2>/dev/null | wc -l) open files) $(x getdisplaygeometry >/dev/null &&
                      echo "takes a new client now" || echo "takes no new client"). Starting the console again on a new X server."; } >&2
                CONSOLE_X_RESTARTS=1
                console_x_server
                console_start "$options" "$@"
                return 0
            fi
            cat "$CONSOLE_LOG" >&2
            tail -n 80 "$product"/configuration/*.log >&2 2>/dev/null || true
            fail "the console exited before showing its window"
        fi
        sleep 0.1
    done
    console_fail_running "no console window within 3 minutes"
}

# The console's JVM: the launch script's own process (it execs Java), or its child on the start that makes the
# class-data sharing archive
console_java() {
    local child
    child=$(pgrep -P "$CONSOLE_PID" -f org.eclipse.equinox.launcher 2>/dev/null | sed -n 1p) || true
    echo "${child:-$CONSOLE_PID}"
}

# Prints what the console's JVM is doing: its Java threads (jcmd), then each thread's state and kernel wait channel,
# and the native stacks where gdb is installed (a JVM past its shutdown no longer answers jcmd)
console_describe() {
    local java task stat
    java=$(console_java)
    echo "--- the console's JVM, process $java, $(ps -o etime= -p "$java" 2>/dev/null) after its start: its Java threads"
    timeout 30 "$JAVA_HOME/bin/jcmd" "$java" Thread.print 2>&1 || echo "(jcmd did not answer)"
    echo "--- its threads: name, state, kernel wait channel"
    for task in /proc/"$java"/task/*; do
        stat=$(cat "$task/stat" 2>/dev/null) || continue
        stat=${stat##*) }
        echo "$(cat "$task/comm" 2>/dev/null): ${stat%% *} $(cat "$task/wchan" 2>/dev/null)"
    done
    if command -v gdb >/dev/null; then
        echo "--- its native stacks"
        timeout 60 gdb -p "$java" -batch -ex 'thread apply all bt 30' 2>&1 | grep -E '^(Thread|#)' || true
    fi
    echo "--- end"
}

# Kills the console (its JVM too when the script runs it as a child)
console_kill() {
    local java
    java=$(console_java)
    kill -9 "$java" "$CONSOLE_PID" 2>/dev/null || true
    wait "$CONSOLE_PID" 2>/dev/null || true
}

# Fails when the console has not ended, with what it was doing
console_fail_running() {
    console_describe >&2
    console_kill
    fail "$@"
}

# Ends the console with SIGTERM and waits for its JVM to end (60 s at most; on the start that makes the archive, the
# JVM writes it on the way out). A console that does not end within 60 s is described and killed: once in a check's
# run is a warning (seen once, on CI, and not here since: what it waited for is what console_describe prints), twice
# fails.
CONSOLE_SIGNAL_HANGS=0
console_end_by_signal() {
    local i
    kill "$CONSOLE_PID" 2>/dev/null || true
    for i in $(seq 1 600); do kill -0 "$CONSOLE_PID" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$CONSOLE_PID" 2>/dev/null; then
        CONSOLE_SIGNAL_HANGS=$((CONSOLE_SIGNAL_HANGS + 1))
        [ "$CONSOLE_SIGNAL_HANGS" -lt 2 ] ||
            console_fail_running "the console did not end within 60 s of SIGTERM, a second time in this run"
        { echo "WARNING: the console did not end within 60 s of SIGTERM; killed:"; console_describe; } >&2
        console_kill
        return 0
    fi
    wait "$CONSOLE_PID" 2>/dev/null || true
}

# console_start_and_end [JVM-OPTIONS] [ARG...]: a start that only has to reach the window (what it leaves behind is
# what the caller checks: the class-data sharing archive, Declarative Services' cache), then ended by SIGTERM
console_start_and_end() {
    console_start "$@"
    console_end_by_signal
}

# Closes the started console as a person does, File > Exit (tried three times, 20 s each: a loaded machine may not
# have its menu ready at once); fails when it does not end.
console_exit() {
    local i try
    for try in 1 2 3; do
        sleep 1
        x key --window "$CONSOLE_WINDOW" alt+f >/dev/null || true
        sleep 0.5
        x key x >/dev/null || true
        for i in $(seq 1 200); do kill -0 "$CONSOLE_PID" 2>/dev/null || break; sleep 0.1; done
        kill -0 "$CONSOLE_PID" 2>/dev/null || break
    done
    kill -0 "$CONSOLE_PID" 2>/dev/null && console_fail_running "File > Exit did not close the console"
    wait "$CONSOLE_PID" 2>/dev/null || true
}
