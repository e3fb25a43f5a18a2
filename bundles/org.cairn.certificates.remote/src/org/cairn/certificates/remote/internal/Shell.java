package org.cairn.certificates.remote.internal;

import java.util.List;
import java.util.regex.Pattern;

/** Quoting for the remote POSIX shell, which reads the command an SSH exec channel carries. */
public final class Shell {

    /** A temporary folder name as {@code mktemp -d} makes it: nothing a shell would expand. */
    private static final Pattern SAFE_PATH = Pattern.compile("/[A-Za-z0-9._/-]{1,4000}");

    private Shell() {
    }

    /** @return {@code s} in single quotes, any single quote in it written as {@code '\''} */
    public static String quote(String s) {
        if (s.indexOf('\0') >= 0 || s.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("an argument for the remote command holds a line break or a NUL");
        }
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /** @return the prefix (as given: the user's remote command) followed by each argument quoted */
    public static String command(String prefix, List<String> args) {
        StringBuilder b = new StringBuilder(prefix);
        for (String a : args) {
            b.append(' ').append(quote(a));
        }
        return b.toString();
    }

    /** @return whether a path the remote printed can be used in a command without surprises */
    public static boolean isSafePath(String path) {
        return SAFE_PATH.matcher(path).matches() && !path.contains("/../") && !path.endsWith("/..");
    }
}
