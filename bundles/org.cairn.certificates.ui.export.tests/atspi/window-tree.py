#!/usr/bin/python3
"""Prints the accessibility tree of one window of a running application, as a screen reader sees it through
AT-SPI: one line per node, tab-separated: depth, role, showing (1/0), x, y, width, height (screen), editable (1/0),
name, and the
names of the nodes it is labelled by (the relation a screen reader such as Orca speaks for a field whose own name is
empty: GTK's text fields take their name from no one else).

Usage: window-tree.py PID TITLE
Exit code 2 when the application or its window is not on the accessibility bus.
"""
import sys
import time

import pyatspi

# How long to wait for the application and its window to appear on the bus: an application registers with the
# accessibility registry when its toolkit starts, which takes seconds on a loaded machine.
WAIT_SECONDS = 30


def find_application(pid):
    desktop = pyatspi.Registry.getDesktop(0)
    for app in desktop:
        try:
            if app is not None and app.get_process_id() == pid:
                return app
        except Exception:
            continue
    return None


def walk(node, depth, out):
    try:
        state = node.getState()
        extents = node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
        box = [extents.x, extents.y, extents.width, extents.height]
    except Exception:
        state, box = None, None
    labels = []
    try:
        for relation in node.getRelationSet():
            if relation.getRelationType() == pyatspi.RELATION_LABELLED_BY:
                for i in range(relation.getNTargets()):
                    target = relation.getTarget(i)
                    if target is not None and target.name:
                        labels.append(target.name)
    except Exception:
        pass
    out.append({
        "labels": " | ".join(labels),
        "depth": depth,
        "role": node.getRoleName(),
        "name": node.name or "",
        "showing": bool(state and state.contains(pyatspi.STATE_SHOWING)),
        "visible": bool(state and state.contains(pyatspi.STATE_VISIBLE)),
        "enabled": bool(state and state.contains(pyatspi.STATE_ENABLED)),
        "editable": bool(state and state.contains(pyatspi.STATE_EDITABLE)),
        "extents": box,
    })
    for child in node:
        if child is not None:
            walk(child, depth + 1, out)


def find_windows(pid, title):
    """Returns (application, windows titled title), waiting up to WAIT_SECONDS for both."""
    deadline = time.monotonic() + WAIT_SECONDS
    while True:
        app = find_application(pid)
        # SWT gives the window name a trailing space.
        windows = [] if app is None else [w for w in app if w is not None and (w.name or "").strip() == title]
        if windows or time.monotonic() > deadline:
            return app, windows
        time.sleep(0.5)


def main():
    pid, title = int(sys.argv[1]), sys.argv[2]
    app, windows = find_windows(pid, title)
    if app is None:
        print("no application with process id %d on the accessibility bus after %d s" % (pid, WAIT_SECONDS),
              file=sys.stderr)
        return 2
    if not windows:
        print("no window titled %r; windows: %r" % (title, [w.name for w in app if w is not None]), file=sys.stderr)
        return 2
    out = []
    walk(windows[-1], 0, out)
    for node in out:
        box = node["extents"] or [0, 0, 0, 0]
        name = node["name"].replace("\t", " ").replace("\n", " ")
        labels = node["labels"].replace("\t", " ").replace("\n", " ")
        print("\t".join(str(v) for v in [node["depth"], node["role"], 1 if node["showing"] else 0] + box
                         + [1 if node["editable"] else 0, name, labels]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
