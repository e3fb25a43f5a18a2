package org.cairn.certificates.cli;

import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * {@code cairn cert SUBCOMMAND ...}: the certificate command line over the same services as the console, parsed by
 * picocli (one class a subcommand). Exit status 0 when done, 1 when refused or failed, 2 when the command line itself
 * is wrong, 70 for an internal error. Results go to standard output (for people, or JSON with {@code --json});
 * messages to standard error.
 */
@Command(name = "cairn cert", synopsisSubcommandLabel = "SUBCOMMAND",
        description = "Manage certificates from the command line, with the same stores and engine as the console.",
        footerHeading = "%n", footer = {
            "Another computer over SSH: --computer [user@]host[:port] with list, show, export, import, delete, "
                + "new-self-signed, set; --computers FILE (one computer a line) with list, show, export, import, in "
                + "parallel. See cairn cert remote --help.",
            "Run cairn cert SUBCOMMAND --help (or cairn cert help SUBCOMMAND) for its options. Scopes: --scope user "
                + "(default) | computer | service:NAME. Stores: --store My, Root, CA, Trust, TrustedPeople, "
                + "TrustedPublisher, Disallowed, AuthRoot, ClientAuthIssuer, AddressBook. CAIRN_STORE_ROOT moves every "
                + "scope under one folder (user/, computer/, services/NAME/)."},
        exitCodeListHeading = "%nExit status:%n", exitCodeList = {"0:done", "1:refused or failed (the reason on "
            + "standard error)", "2:wrong command line", "70:internal error (a fault no check foresaw)"})
final class CertCommand {

    static final int DONE = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    /** A fault in Cairn or a library that no check foresaw (sysexits' EX_SOFTWARE): said plainly, never silent. */
    static final int INTERNAL = 70;

    /**
     * The subcommands, in the order of the overview's list. Added by {@link #commandLine(Predicate)}, not by the
     * annotation, so that a run builds the model (picocli's reflection over the options) only of those it uses.
     */
    private static final List<Class<?>> SUBCOMMANDS = List.of(ListCommand.class, ShowCommand.class,
            ExportCommand.class, ImportCommand.class, NewSelfSignedCommand.class, DeleteCommand.class, SetCommand.class,
            InspectCommand.class, TrustCommand.class, DistrustCommand.class, PhysicalStoreCommand.Add.class,
            PhysicalStoreCommand.Remove.class, ProtocolCommand.class, RemoteHelpCommand.class, HelpCommand.class);

    /** The options of {@code cairn cert} itself, which may come before the subcommand. */
    private static final Set<String> OWN_OPTIONS = Set.of("-h", "--help", "--debug");

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "Show the details (the stack trace) of a failure; with any subcommand.")
    boolean debug;

    private final Session session;

    CertCommand(Session.ServiceSource source, Io io) {
        this.session = new Session(source, io);
    }

    /**
     * @return the command line of {@code cairn cert} with the whole model of every subcommand, which each share this
     *         command's session; for help, completion and the man page
     */
    CommandLine commandLine() {
        return commandLine(name -> true);
    }

    /**
     * @param args the arguments after {@code cert}
     * @return the command line that runs them: the whole model of the subcommands they name (the one that runs,
     *         and with {@code help} the one whose help is asked), an outline of the others (name and the one line of
     *         the overview's list), which prints and parses the same for these arguments
     */
    CommandLine commandLine(List<String> args) {
        return commandLine(named(args));
    }

    /**
     * @return which subcommands the arguments need whole: the one named after {@code cairn cert}'s own options (and
     *         with {@code help}, any named after it); all when they are anything else (an unknown word, {@code --},
     *         an {@code @FILE} of arguments), where picocli's own parse says what is wrong
     */
    static Predicate<String> named(List<String> args) {
        Set<String> names = new HashSet<>();
        for (Class<?> type : SUBCOMMANDS) {
            names.add(type.getAnnotation(Command.class).name());
        }
        if (args.stream().anyMatch(a -> a.startsWith("@"))) {
            return name -> true;
        }
        for (int i = 0; i < args.size(); i++) {
            String word = args.get(i);
            if (OWN_OPTIONS.contains(word)) {
                continue;
            }
            if (!names.contains(word)) {
                return name -> true;
            }
            Set<String> whole = new HashSet<>(Set.of(word));
            if (word.equals("help")) {
                whole.addAll(args.subList(i + 1, args.size()));
            }
            return whole::contains;
        }
        return name -> false;
    }

    /** @param whole whether a subcommand, by name, is built whole (else as an outline) */
    private CommandLine commandLine(Predicate<String> whole) {
        Factory factory = new Factory(session);
        CommandLine line = new CommandLine(this, factory);
        for (Class<?> type : SUBCOMMANDS) {
            Command command = type.getAnnotation(Command.class);
            if (!whole.test(command.name())) {
                line.addSubcommand(command.name(), outline(command));
                continue;
            }
            CommandLine sub;
            try {
                sub = new CommandLine(factory.create(type), factory);
            } catch (Exception e) {
                throw new CommandLine.InitializationException("cannot create " + type.getName() + ": " + e, e);
            }
            // the options in the order they are declared: the subcommand's own first, then the shared ones; the
            // header is the one line of the overview's list, so a subcommand's help starts with its usage
            UsageMessageSpec usage = sub.getCommandSpec().usageMessage().sortOptions(false).sortSynopsis(false);
            List<String> sections = new ArrayList<>(usage.sectionKeys());
            sections.removeAll(List.of(UsageMessageSpec.SECTION_KEY_HEADER_HEADING, UsageMessageSpec.SECTION_KEY_HEADER));
            usage.sectionKeys(sections);
            line.addSubcommand(command.name(), sub);
        }
        line.setOut(new PrintWriter(session.io().out(), true));
        line.setErr(new PrintWriter(session.io().err(), true));
        line.setColorScheme(CommandLine.Help.defaultColorScheme(session.io().console().isPresent()
                ? CommandLine.Help.Ansi.AUTO : CommandLine.Help.Ansi.OFF));
        line.setParameterExceptionHandler(this::usageError);
        line.setExecutionStrategy(this::execute);
        return line;
    }

    /**
     * @return a subcommand as the overview lists it, without its options: its names, its one line, whether it is
     *         hidden; never parsed into (the arguments name only the subcommands built whole)
     */
    private static CommandSpec outline(Command command) {
        CommandSpec spec = CommandSpec.create().name(command.name()).aliases(command.aliases());
        spec.usageMessage().header(command.header()).description(command.description()).hidden(command.hidden());
        return spec;
    }

    /**
     * @param args the arguments after {@code cert}
     * @return the exit status
     */
    int run(List<String> args) {
        try {
            return commandLine(args).execute(args.toArray(String[]::new));
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            // outside a subcommand (picocli itself, a converter): still a message and a non-zero exit
            return internalError("", e, args.contains("--debug"));
        }
    }

    /** Runs the parsed subcommand: here, or on other computers ({@link RemoteCommand}). */
    private int execute(ParseResult parsed) {
        Integer help = CommandLine.executeHelpRequest(parsed);
        if (help != null) {
            return help;
        }
        ParseResult leaf = parsed;
        boolean debug = parsed.hasMatchedOption("--debug");
        while (leaf.hasSubcommand()) {
            leaf = leaf.subcommand();
            debug |= leaf.hasMatchedOption("--debug");
        }
        if (leaf == parsed) {
            parsed.commandSpec().commandLine().usage(session.io().err());
            return USAGE;
        }
        String command = leaf.commandSpec().name();
        try {
            Object remote = Optional.ofNullable(leaf.commandSpec().mixins().get("remote")).map(CommandSpec::userObject)
                    .orElse(null);
            if (remote instanceof Options.Remote options && options.requested()) {
                // another computer over SSH: its own cairn cert does the work (RemoteCommand, the remote bundle)
                try {
                    return new RemoteCommand(session).run(leaf, options);
                } catch (NoClassDefFoundError e) {
                    throw withoutRemote(e);
                }
            }
            if (remote instanceof Options.LocalOnly options && options.requested()) {
                try {
                    throw new UsageException(RemoteCommand.notAvailable(command, options.computers != null));
                } catch (NoClassDefFoundError e) {
                    throw withoutRemote(e);
                }
            }
            return ((Subcommand) leaf.commandSpec().userObject()).run();
        } catch (UsageException e) {
            session.io().err().println(e.getMessage());
            return USAGE;
        } catch (CommandException e) {
            session.io().err().println("cairn cert " + command + ": " + e.getMessage());
            if (debug && e.getCause() != null) {
                e.getCause().printStackTrace(session.io().err());
            }
            return FAILED;
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            return internalError(command, e, debug);
        }
    }

    /** The last resort: whatever escaped reaches the user with a non-zero exit, not only a log file. */
    private int internalError(String command, Throwable e, boolean debug) {
        session.io().err().println("cairn cert" + (command.isEmpty() ? "" : " " + command) + ": internal error ("
                + e.getClass().getSimpleName() + "). This is a fault in Cairn, not in the command or the file; "
                + "check the result before relying on it, and report it. " + (debug ? "Details:"
                        : "Run the command again with --debug to see the details."));
        if (debug) {
            e.printStackTrace(session.io().err());
        }
        return INTERNAL;
    }

    /**
     * picocli's message, then where to look; an unknown subcommand and a password on the command line keep their own
     * words (another computer's Cairn recognises the first; the second says what to do instead).
     */
    private int usageError(ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        CommandSpec spec = e.getCommandLine().getCommandSpec();
        boolean top = spec.parent() == null;
        if (e instanceof UnmatchedArgumentException unmatched) {
            List<String> words = unmatched.getUnmatched();
            if (words.stream().anyMatch(w -> w.equals("--password") || w.startsWith("--password="))) {
                err.println(spec.qualifiedName() + ": passwords are never taken from the command line (other users "
                        + "can see it); use --password-file FILE, --password-env VARIABLE or standard input.");
                return USAGE;
            }
            if (top && !words.isEmpty() && !words.get(0).startsWith("-")) {
                err.println("cairn cert: unknown subcommand '" + words.get(0) + "'.");
                UnmatchedArgumentException.printSuggestions(unmatched, err);
                err.println("See 'cairn cert --help'.");
                return USAGE;
            }
        }
        err.println(spec.qualifiedName() + ": " + e.getMessage());
        if (e instanceof UnmatchedArgumentException unmatched) {
            UnmatchedArgumentException.printSuggestions(unmatched, err);
        }
        err.println("See '" + spec.qualifiedName() + " --help'.");
        return USAGE;
    }

    /**
     * The bundle of other computers (org.cairn.certificates.remote, with SSH) is an optional import: the launch script
     * starts it, and the SSH stack it needs, only for a command line that names --computer or --computers, so that
     * every other command starts without them.
     */
    private static CommandException withoutRemote(NoClassDefFoundError e) {
        return new CommandException("other computers need the bundle org.cairn.certificates.remote and SSH, which this"
                + " configuration does not start (" + e.getMessage() + "). Run it through the product's cairn script,"
                + " which starts them for --computer and --computers, or with CAIRN_CLI_CONFIG=full.", e);
    }

    /** Creates the subcommands with the session they share; everything else as picocli does. */
    private record Factory(Session session) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            for (Constructor<?> c : type.getDeclaredConstructors()) {
                if (c.getParameterCount() == 1 && c.getParameterTypes()[0] == Session.class) {
                    return type.cast(c.newInstance(session));
                }
            }
            for (Constructor<?> c : type.getDeclaredConstructors()) {
                if (c.getParameterCount() == 0) {
                    return type.cast(c.newInstance());
                }
            }
            return CommandLine.defaultFactory().create(type);
        }
    }
}
