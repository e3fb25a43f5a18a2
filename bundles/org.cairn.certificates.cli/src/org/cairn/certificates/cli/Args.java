package org.cairn.certificates.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The arguments of one subcommand: options ({@code --name value}, {@code --name=value}, or flags) and positional
 * arguments. Only the options a subcommand declares are accepted; anything else is a usage error.
 */
final class Args {

    private final String command;
    private final Map<String, String> values = new HashMap<>();
    private final List<String> positional = new ArrayList<>();

    private Args(String command) {
        this.command = command;
    }

    /**
     * @param command    the subcommand, for messages
     * @param args       its arguments
     * @param withValue  options that take a value
     * @param flags      options without a value
     * @return the parsed arguments
     * @throws UsageException on an unknown option or a missing value
     */
    static Args parse(String command, List<String> args, Set<String> withValue, Set<String> flags) throws UsageException {
        Args parsed = new Args(command);
        boolean onlyPositional = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (onlyPositional || !arg.startsWith("--") || arg.equals("-")) {
                parsed.positional.add(arg);
                continue;
            }
            if (arg.equals("--")) {
                onlyPositional = true;
                continue;
            }
            String name = arg.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (flags.contains(name)) {
                if (value != null) {
                    throw new UsageException("cairn cert " + command + ": --" + name + " takes no value.");
                }
                parsed.values.put(name, "");
            } else if (withValue.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.size()) {
                        throw new UsageException("cairn cert " + command + ": --" + name + " needs a value.");
                    }
                    value = args.get(++i);
                }
                if (parsed.values.containsKey(name)) {
                    throw new UsageException("cairn cert " + command + ": --" + name + " is given twice.");
                }
                parsed.values.put(name, value);
            } else if (name.equals("password")) {
                throw new UsageException("cairn cert " + command + ": passwords are never taken from the command line "
                        + "(other users can see it); use --password-file FILE, --password-env VARIABLE or standard input.");
            } else {
                throw new UsageException("cairn cert " + command + ": unknown option --" + name + ". See cairn cert "
                        + command + " --help.");
            }
        }
        return parsed;
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    Optional<String> value(String name) {
        return Optional.ofNullable(values.get(name));
    }

    List<String> positional() {
        return positional;
    }

    /** @return the single positional argument */
    String one(String what) throws UsageException {
        if (positional.size() != 1) {
            throw new UsageException("cairn cert " + command + ": give exactly one " + what + (positional.isEmpty() ? "."
                    : " (got " + positional.size() + ": " + String.join(" ", positional) + ")."));
        }
        return positional.get(0);
    }
}
