package org.cairn.certificates.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * {@code cairn cert}'s help, for Cairn's own launcher ({@code org.cairn.launcher}) to run before it starts the OSGi
 * framework: help needs none of the services, so the launcher loads this bundle's classes with picocli in a plain
 * class loader and asks here first. Arguments that are a help request print the same help (or usage message) as a run
 * on the framework, from the same {@link CertCommand}, with the same status. Anything else returns {@link #NOT_HELP}
 * having printed nothing, and the launcher runs the command on the framework as usual; a help that fails here (an
 * internal error, status 70: a class the launcher's class path lacks, say) returns {@link #NOT_MADE}, also having
 * printed nothing, and the same happens. The bundle's manifest names this class ({@code Cairn-Help-Class}) and the
 * bundles it needs ({@code Cairn-Help-Bundles}). (Measured: {@code cairn cert --help} in about half the time; see the
 * command line's README.)
 * <p>
 * The requests: no arguments (the usage message, status 2), {@code --help}, {@code -h}, {@code help},
 * {@code help SUBCOMMAND}, {@code SUBCOMMAND --help} and {@code SUBCOMMAND -h}, where an unknown subcommand gets the
 * same message as on the framework.
 */
public final class CertHelp implements ToIntFunction<String[]> {

    /** What {@link #applyAsInt} returns for arguments that are no help request (nothing was printed). */
    public static final int NOT_HELP = -1;

    /** What {@link #applyAsInt} returns when the help could not be made here (nothing was printed). */
    public static final int NOT_MADE = -2;

    private static final List<String> HELP_OPTIONS = List.of("--help", "-h");

    @Override
    public int applyAsInt(String[] args) {
        List<String> arguments = Arrays.asList(args);
        if (!isRequest(arguments)) {
            return NOT_HELP;
        }
        // the help is made whole before any of it is printed: should it fail (a class the launcher's class path
        // lacks, say), nothing was printed and the command runs on the framework instead, which prints it or says
        // what is wrong
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Io io = new Io(System.in, new PrintStream(out, true, System.out.charset()),
                new PrintStream(err, true, System.err.charset()), Optional.ofNullable(System.console()),
                System.getenv());
        // a help request never asks for a service; should one ever, that is an internal error here, and the command
        // runs on the framework, where the services are
        int status;
        try {
            status = new CertCommand(() -> {
                throw new IllegalStateException("no services without the framework");
            }, io).run(arguments);
        } catch (RuntimeException | LinkageError e) {
            return NOT_MADE;
        }
        if (status == CertCommand.INTERNAL) {
            return NOT_MADE;
        }
        System.out.write(out.toByteArray(), 0, out.size());
        System.out.flush();
        System.err.write(err.toByteArray(), 0, err.size());
        System.err.flush();
        return status;
    }

    /**
     * @param args the arguments after {@code cert}
     * @return whether they ask only for help (or are empty): then no service is needed
     */
    static boolean isRequest(List<String> args) {
        return switch (args.size()) {
            case 0 -> true;
            case 1 -> HELP_OPTIONS.contains(args.get(0)) || args.get(0).equals("help");
            case 2 -> args.get(0).equals("help") && isWord(args.get(1))
                    || isWord(args.get(0)) && HELP_OPTIONS.contains(args.get(1));
            default -> false;
        };
    }

    /** @return whether an argument can name a subcommand: no option, no {@code @FILE} of arguments */
    private static boolean isWord(String argument) {
        return !argument.isEmpty() && !argument.startsWith("-") && !argument.startsWith("@");
    }
}
