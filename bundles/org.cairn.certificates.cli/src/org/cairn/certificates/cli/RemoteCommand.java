package org.cairn.certificates.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cairn.certificates.core.spi.FileWrites;
import org.cairn.certificates.importing.ImportException;
import org.cairn.certificates.importing.Pkcs12Report;
import org.cairn.certificates.remote.HostKeyPrompt;
import org.cairn.certificates.remote.PassphrasePrompt;
import org.cairn.certificates.remote.RemoteCairn;
import org.cairn.certificates.remote.RemoteComputer;
import org.cairn.certificates.remote.RemoteConnection;
import org.cairn.certificates.remote.RemoteExport;
import org.cairn.certificates.remote.RemoteException;
import org.cairn.certificates.remote.RemoteImport;
import org.cairn.certificates.remote.RemoteResult;
import org.cairn.certificates.remote.SshSettings;

import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * {@code cairn cert SUBCOMMAND --computer HOST ...} and {@code --computers FILE}: the subcommand runs on the other
 * computer's own {@code cairn cert} over SSH (org.cairn.certificates.remote), which checks the options and does the
 * work with its account's rights. Only what crosses the connection is handled here: the remote options, files
 * (an export comes back and is verified and written here; an import file goes there), and passwords (on the
 * remote command's standard input, never in its arguments).
 */
final class RemoteCommand {

    /** The options that are not passed on: --debug is this side's; a password never goes into an argument. */
    private static final Set<String> NOT_PASSED = Set.of("debug");
    private static final Set<String> ON_ONE = Set.of("list", "show", "export", "import", "delete", "new-self-signed",
            "set");
    private static final Set<String> ON_MANY = Set.of("list", "show", "export", "import");
    private static final long MAX_IMPORT_FILE = 16L * 1024 * 1024;
    private static final Pattern THUMBPRINT = Pattern.compile("\"thumbprint\"\\s*:");

    private final Io io;
    private final Session session;

    RemoteCommand(Session session) {
        this.io = session.io();
        this.session = session;
    }

    /** @return the refusal of a subcommand that does not run with --computer (or --computers) */
    static String notAvailable(String command, boolean many) {
        return "cairn cert " + command + ": not available with --computer" + (many ? "s" : "") + "; use it with "
                + String.join(", ", (many ? ON_MANY : ON_ONE).stream().sorted().toList()) + ".";
    }

    /** One option as picocli matched it: {@code value} is null for a flag. */
    private record Option(String name, String value) {
        List<String> tokens() {
            // a value that starts with a dash stays this option's value there: --name=value
            return value == null ? List.of("--" + name)
                    : value.startsWith("-") ? List.of("--" + name + "=" + value) : List.of("--" + name, value);
        }
    }

    /**
     * The subcommand's options and positional arguments as picocli parsed them (as given, not converted), without
     * the remote options, which stay on this side.
     */
    private record Split(List<Option> options, List<String> positional) {

        static Split of(ParseResult parsed) {
            Set<String> remote = new HashSet<>(NOT_PASSED);
            for (OptionSpec o : parsed.commandSpec().mixins().get("remote").options()) {
                remote.add(o.longestName().substring(2));
            }
            List<Option> options = new ArrayList<>();
            for (OptionSpec o : parsed.matchedOptions()) {
                String name = o.longestName().substring(2);
                if (remote.contains(name)) {
                    continue;
                }
                if (o.arity().max() == 0) {
                    options.add(new Option(name, null));
                } else {
                    o.originalStringValues().forEach(v -> options.add(new Option(name, v)));
                }
            }
            List<String> positional = new ArrayList<>();
            // picocli lists a parameter once for each value it matched; its values hold them all
            parsed.matchedPositionals().stream().distinct().forEach(p -> positional.addAll(p.originalStringValues()));
            return new Split(List.copyOf(options), List.copyOf(positional));
        }

        Optional<String> value(String name) {
            return options.stream().filter(o -> o.name().equals(name)).map(Option::value).findFirst();
        }

        boolean has(String name) {
            return options.stream().anyMatch(o -> o.name().equals(name));
        }

        Io.SecretSource password() {
            return new Io.SecretSource("password-file", value("password-file"), "password-env", value("password-env"));
        }

        /** @return the options and positional arguments as tokens, without the named options */
        List<String> tokens(Set<String> without, List<String> positionalInstead) {
            List<String> all = new ArrayList<>();
            for (Option o : options) {
                if (!without.contains(o.name())) {
                    all.addAll(o.tokens());
                }
            }
            if (!positionalInstead.isEmpty()) {
                all.add("--");
            }
            all.addAll(positionalInstead);
            return all;
        }
    }

    /**
     * @param parsed a subcommand as picocli parsed it here
     * @return its arguments as they go to the other computer's {@code cairn cert} (list, show, delete,
     *         new-self-signed): the options as given, without the remote ones and --debug, then the positional ones
     */
    static List<String> forwarded(ParseResult parsed) {
        Split split = Split.of(parsed);
        return split.tokens(Set.of(), split.positional());
    }

    /**
     * @param parsed the subcommand as picocli parsed it here: its options were checked on this side, before any
     *               connection
     * @param remote its remote options
     * @return the exit status
     */
    int run(ParseResult parsed, Options.Remote remote) throws UsageException, CommandException {
        String command = parsed.commandSpec().name();
        Split split = Split.of(parsed);
        boolean many = remote.computers != null;
        if (many && remote.computer != null) {
            throw new UsageException("cairn cert " + command + ": give --computer or --computers, not both.");
        }
        if (!(many ? ON_MANY : ON_ONE).contains(command)) {
            throw new UsageException(notAvailable(command, many));
        }
        for (String o : List.of("db-password-file", "db-password-env")) {
            if (split.has(o)) {
                throw new UsageException("cairn cert " + command + ": --" + o + " does not work over --computer yet "
                        + "(the remote's NSS databases stay locked); run the command on that computer.");
            }
        }
        int parallel = remote.parallel == null ? 8 : remote.parallel;
        if (parallel < 1 || parallel > 64) {
            throw new UsageException("--parallel: give between 1 and 64 (got " + parallel + ").");
        }
        Optional<Path> config = Optional.ofNullable(remote.sshConfig).map(Path::of);
        SshSettings settings;
        try {
            settings = SshSettings.of(io.env(), config, Optional.ofNullable(remote.remoteCairn));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--remote-cairn: " + e.getMessage());
        }
        List<RemoteComputer> computers = computers(remote);
        Secrets secrets = secrets(command, split, remote);
        try {
            if (!many) {
                Outcome outcome = runOn(command, split, remote, computers.get(0), settings, secrets, false, Optional.empty());
                io.out().print(outcome.out());
                io.err().print(outcome.err());
                return outcome.status();
            }
            return runOnMany(command, split, remote, computers, settings, secrets, parallel);
        } finally {
            secrets.clear();
        }
    }

    private static List<RemoteComputer> computers(Options.Remote remote) throws UsageException, CommandException {
        if (remote.computer != null) {
            try {
                return List.of(RemoteComputer.parse(remote.computer));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--computer: " + e.getMessage());
            }
        }
        Path file = Path.of(remote.computers);
        List<String> lines;
        try {
            if (Files.size(file) > 1024 * 1024) {
                throw new CommandException(file + " is larger than 1 MiB; it should list computers, one a line.");
            }
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CommandException("cannot read the list of computers " + file + ": " + e.getMessage(), e);
        }
        List<RemoteComputer> all = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                all.add(RemoteComputer.parse(line));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--computers: line " + (n + 1) + " of " + file + ": " + e.getMessage());
            }
        }
        if (all.isEmpty()) {
            throw new UsageException("--computers: " + file + " names no computer (one [user@]host[:port] a line).");
        }
        if (all.size() > 10_000) {
            throw new UsageException("--computers: " + file + " names more than 10000 computers; split it.");
        }
        return all;
    }

    /** The secrets asked once, before any connection: the file's password and a key file's passphrase. */
    private static final class Secrets {
        char[] password;
        char[] passphrase;
        boolean passphraseGiven;

        void clear() {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
            if (passphrase != null) {
                Arrays.fill(passphrase, '\0');
            }
        }
    }

    private Secrets secrets(String command, Split split, Options.Remote remote) throws UsageException, CommandException {
        Secrets s = new Secrets();
        if (remote.passphrase().given()) {
            s.passphrase = io.secret(remote.passphrase()).orElseThrow();
            s.passphraseGiven = true;
        }
        Io.SecretSource passwordArgs = split.password();
        if (command.equals("export") && isPfx(split)) {
            String target = split.value("out").map(o -> Path.of(o).getFileName().toString()).orElse("the file");
            s.password = io.password(passwordArgs, "Password to protect " + target + ": ", true);
            if (io.console().isPresent() && !passwordArgs.given()) {
                char[] again = io.console().get().readPassword("%s", "Confirm password: ");
                boolean same = again != null && Arrays.equals(s.password, again);
                if (again != null) {
                    Arrays.fill(again, '\0');
                }
                if (!same) {
                    throw new CommandException("the two passwords typed differ. Nothing was written.");
                }
            }
            if (s.password.length == 0) {
                throw new CommandException("a PFX file needs a non-empty password (--password-file, --password-env or "
                        + "standard input). Nothing was written.");
            }
        } else if (command.equals("import")) {
            Path file = importFile(command, split);
            boolean needs;
            try {
                needs = session.services().importer().needsPassword(file);
            } catch (ImportException e) {
                throw new CommandException(e.getMessage(), e);
            }
            s.password = needs ? io.password(passwordArgs, "Password for " + file.getFileName() + ": ", true) : new char[0];
        }
        return s;
    }

    private static boolean isPfx(Split split) {
        String format = split.value("format").orElse("pfx").toLowerCase(Locale.ROOT);
        return format.equals("pfx") || format.equals("p12") || format.equals("pkcs12");
    }

    private static Path importFile(String command, Split split) throws UsageException {
        if (split.positional().size() != 1) {
            throw new UsageException("cairn cert " + command + ": give exactly one file to import.");
        }
        return Path.of(split.positional().get(0));
    }

    /** What one computer gave: the exit status, text for standard output and error, and its JSON answer. */
    private record Outcome(int status, String out, String err, Optional<String> json) {
    }

    private int runOnMany(String command, Split split, Options.Remote remote, List<RemoteComputer> computers,
            SshSettings settings, Secrets secrets, int parallel) throws UsageException, CommandException {
        Optional<Path> folder = Optional.empty();
        if (command.equals("export")) {
            Path out = Path.of(split.value("out").orElseThrow(() -> new UsageException(
                    "cairn cert export: --out FOLDER is required (one file a computer is written there).")));
            if (!Files.isDirectory(out)) {
                throw new CommandException("with --computers, --out names a folder (one file a computer); " + out
                        + " is not one. Nothing was written.");
            }
            folder = Optional.of(out);
        }
        boolean json = split.has("json");
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, computers.size()));
        try {
            List<Future<Outcome>> results = new ArrayList<>();
            for (RemoteComputer computer : computers) {
                Optional<Path> f = folder;
                results.add(pool.submit(() -> runOn(command, split, remote, computer, settings, secrets, true, f)));
            }
            int failed = 0;
            for (int i = 0; i < computers.size(); i++) {
                Outcome o;
                try {
                    o = results.get(i).get();
                } catch (ExecutionException e) {
                    o = new Outcome(CertCommand.INTERNAL, "", "internal error (" + e.getCause() + ")", Optional.empty());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CommandException("interrupted", e);
                }
                if (o.status() != CertCommand.DONE) {
                    failed++;
                }
                io.out().println(json ? line(computers.get(i), o) : text(command, computers.get(i), o));
            }
            if (failed > 0) {
                io.err().println("cairn cert " + command + ": " + failed + " of " + computers.size()
                        + " computer(s) failed.");
            }
            return failed == 0 ? CertCommand.DONE : CertCommand.FAILED;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String line(RemoteComputer computer, Outcome o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("computer", computer.toString());
        m.put("ok", o.status() == CertCommand.DONE);
        m.put("exitStatus", o.status());
        m.put("result", o.json().map(Json.Raw::new).orElse(null));
        m.put("error", o.status() == CertCommand.DONE ? null : o.err().strip());
        return Json.compact(Json.write(m));
    }

    private static String text(String command, RemoteComputer computer, Outcome o) {
        if (o.status() != CertCommand.DONE) {
            return computer + ": FAILED: " + o.err().strip().replace('\n', ' ');
        }
        String answer = o.json().orElse("");
        return computer + ": ok: " + switch (command) {
            case "list" -> count(answer) + " certificate(s)";
            case "show" -> "found";
            default -> o.out().strip().replace('\n', ' ');
        };
    }

    private static int count(String json) {
        Matcher m = THUMBPRINT.matcher(json);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /**
     * Runs the subcommand on one computer. Never throws for that computer's failures: they are its outcome, so that
     * one computer does not stop the others.
     */
    private Outcome runOn(String command, Split split, Options.Remote remote, RemoteComputer computer, SshSettings settings, Secrets secrets,
            boolean many, Optional<Path> exportFolder) {
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
        int status;
        Optional<String> json = Optional.empty();
        try (RemoteConnection connection = RemoteCairn.connect(computer, settings, hostKeys(remote, many),
                passphrases(secrets, many))) {
            connection.checkProtocol();
            if (command.equals("set") || command.equals("delete") && split.has("key-only")) {
                // protocol 3; an older Cairn there would only say "unknown subcommand" or "unknown option"
                connection.requireProtocol(3, "cairn cert " + command + (command.equals("set") ? "" : " --key-only"));
            }
            Answer answer = switch (command) {
                case "export" -> export(connection, split, secrets, many, exportFolder);
                case "import" -> importFile(connection, command, split, secrets, many);
                default -> plain(connection, command, split, many);
            };
            out.print(answer.out());
            err.print(answer.err());
            status = answer.status();
            json = answer.json();
        } catch (RemoteException e) {
            err.println("cairn cert " + command + ": " + e.getMessage());
            status = CertCommand.FAILED;
        } catch (CommandException e) {
            err.println("cairn cert " + command + " on " + computer + ": " + e.getMessage());
            status = CertCommand.FAILED;
        } catch (UsageException e) {
            err.println(e.getMessage());
            status = CertCommand.USAGE;
        }
        return new Outcome(status, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8),
                json);
    }

    /** What the remote subcommand answered, as it goes to this side's output. */
    private record Answer(int status, String out, String err, Optional<String> json) {
    }

    private static Answer answer(RemoteResult r, boolean json) {
        return new Answer(r.exitStatus(), r.outText(), r.err(),
                json && r.exitStatus() == 0 ? Optional.of(r.outText()) : Optional.empty());
    }

    /** list, show, delete, new-self-signed: the remote's answer as it is. */
    private static Answer plain(RemoteConnection connection, String command, Split split, boolean many)
            throws RemoteException {
        List<String> args = new ArrayList<>();
        args.add(command);
        args.addAll(split.tokens(Set.of(), split.positional()));
        if (many && !split.has("json")) {
            args.add(1, "--json");
        }
        return answer(connection.cairn(args, new byte[0]), many || split.has("json"));
    }

    private HostKeyPrompt hostKeys(Options.Remote remote, boolean many) {
        Optional<String> accepted = Optional.ofNullable(remote.acceptHostKey);
        return (computer, keyType, fingerprint) -> {
            if (accepted.isPresent()) {
                return accepted.get().equals(fingerprint);
            }
            if (many || io.console().isEmpty()) {
                return false;
            }
            synchronized (io) {
                String answer = io.console().get().readLine("The authenticity of %s cannot be established.%n%s key "
                        + "fingerprint is %s.%nAre you sure you want to continue connecting (yes/no)? ", computer,
                        keyType, fingerprint);
                return answer != null && answer.strip().equalsIgnoreCase("yes");
            }
        };
    }

    private PassphrasePrompt passphrases(Secrets secrets, boolean many) {
        return (keyFile, attempt) -> {
            if (secrets.passphraseGiven) {
                return attempt == 0 ? Optional.of(secrets.passphrase.clone()) : Optional.empty();
            }
            if (many || io.console().isEmpty()) {
                return Optional.empty();
            }
            synchronized (io) {
                return Optional.ofNullable(io.console().get().readPassword("Passphrase for %s: ", keyFile));
            }
        };
    }

    // ---- export

    private Answer export(RemoteConnection connection, Split split, Secrets secrets, boolean many,
            Optional<Path> folder) throws RemoteException, CommandException, UsageException {
        if (split.positional().size() != 1) {
            throw new UsageException("cairn cert export: give exactly one thumbprint.");
        }
        boolean pfx = isPfx(split);
        String extension = pfx ? "pfx" : split.value("format").orElse("pfx").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        Path target = folder.map(f -> f.resolve(safeName(connection.computer().toString()) + "." + extension))
                .orElseGet(() -> split.value("out").map(Path::of).orElse(null));
        if (target == null) {
            throw new UsageException("cairn cert export: --out FILE is required (the file to write, on this computer).");
        }
        if (!split.has("force") && Files.exists(target)) {
            throw new CommandException(target + " exists; it was kept. Give --force to replace it, or another --out file.");
        }
        List<String> args = split.tokens(Set.of("out", "force", "delete-key", "json", "password-file", "password-env"),
                split.positional());
        RemoteExport.Exported exported = RemoteExport.export(connection, args, extension, pfx ? secrets.password : null);
        if (!exported.succeeded()) {
            return new Answer(exported.answer().exitStatus(), "", remoteMessage(connection, exported.answer()),
                    Optional.empty());
        }
        byte[] content = exported.content();
        String remoteSha = exported.sha256();
        boolean keyWritten = exported.keyWritten();
        List<String> verifiedHere = writeVerified(target, content, pfx ? secrets.password : null, keyWritten,
                split.has("force"));
        String keyNote = "";
        if (split.has("delete-key")) {
            keyNote = deleteRemoteKey(connection, split, secrets);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("computer", connection.computer().toString());
        m.put("file", target.toString());
        m.put("size", content.length);
        m.put("sha256", remoteSha.toLowerCase(Locale.ROOT));
        m.put("keyWritten", keyWritten);
        m.put("verifiedHere", verifiedHere);
        m.put("keyDeleted", split.has("delete-key") && keyNote.isEmpty());
        m.put("remote", new Json.Raw(exported.answer().outText()));
        String json = Json.write(m);
        String text;
        if (split.has("json")) {
            text = json + "\n";
        } else if (many) {
            text = target + " (" + content.length + " bytes" + (keyWritten ? ", with the private key" : "") + ")";
        } else {
            text = "The export was successful: " + target + " (from " + connection.computer() + ", " + content.length
                    + " bytes" + (keyWritten ? ", with the private key" : "") + ").\n" + "SHA-256 of the file: "
                    + remoteSha.toLowerCase(Locale.ROOT) + "\n" + "Verified on " + connection.computer()
                    + " by its export, and here by: " + String.join(", ", verifiedHere) + "\n"
                    + (split.has("delete-key") ? (keyNote.isEmpty() ? "The private key was deleted on "
                            + connection.computer() + "; the certificate stays.\n" : "The private key was NOT deleted: "
                                    + keyNote + "\n") : "");
        }
        return new Answer(keyNote.isEmpty() ? CertCommand.DONE : CertCommand.FAILED, text, "", Optional.of(json));
    }

    /**
     * The key is deleted on the remote only now, after the copy here was verified and written: the remote exports
     * again with --delete-key (its export service deletes only after its own read-back) into a temporary folder
     * that is then removed.
     *
     * @return why the key was not deleted, empty when it was
     */
    private static String deleteRemoteKey(RemoteConnection connection, Split split, Secrets secrets)
            throws RemoteException {
        return RemoteExport.deleteKey(connection, split.tokens(Set.of("out", "force", "delete-key", "json",
                "password-file", "password-env"), split.positional()), secrets.password).orElse("");
    }

    /**
     * Verifies the bytes that came back with Cairn's own PKCS #12 reader (through the import service's
     * {@code inspect}, as a local export's read-back) in a hidden file beside the target, then renames it over.
     *
     * @return who verified here
     */
    private List<String> writeVerified(Path target, byte[] content, char[] password, boolean keyWritten,
            boolean force) throws CommandException {
        Path folder = target.toAbsolutePath().getParent();
        Path temporary = folder.resolve(".cairn-remote-" + Long.toHexString(System.nanoTime()) + ".tmp");
        try {
            FileWrites.replace(temporary, content, Set.of(PosixFilePermission.OWNER_READ,
                    PosixFilePermission.OWNER_WRITE), Optional.empty());
            List<String> verifiedBy = new ArrayList<>(List.of("SHA-256 of the remote's verified file"));
            if (password != null) {
                Pkcs12Report report;
                try {
                    report = session.services().importer().inspect(temporary, Optional.of(password));
                } catch (ImportException e) {
                    throw new CommandException("the file that came from the other computer cannot be read here: "
                            + e.getMessage() + " Nothing was written.", e);
                }
                if (report.problem().isPresent() || report.mac().isEmpty() || !report.mac().get().verified()) {
                    throw new CommandException("the file that came from the other computer does not verify here: "
                            + report.problem().orElse("its MAC does not verify with the password") + ". Nothing was written.");
                }
                boolean hasKey = report.bags().stream().anyMatch(b -> b.type().equals("pkcs8ShroudedKeyBag"));
                if (keyWritten && !hasKey) {
                    throw new CommandException("the file that came from the other computer holds no private key, "
                            + "though its export said it wrote one. Nothing was written.");
                }
                verifiedBy.add("Cairn's PKCS #12 reader (MAC" + (hasKey ? ", private key" : "") + ")");
            }
            if (force) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.move(temporary, target);
            }
            return verifiedBy;
        } catch (IOException e) {
            throw new CommandException("cannot write " + target + ": " + e.getMessage() + ". Nothing was written.", e);
        } finally {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException e) {
                // the hidden temporary file stays; it holds only the protected PFX
            }
        }
    }

    // ---- import

    private Answer importFile(RemoteConnection connection, String command, Split split, Secrets secrets, boolean many)
            throws RemoteException, CommandException, UsageException {
        Path file = importFile(command, split);
        byte[] content;
        try {
            if (Files.size(file) > MAX_IMPORT_FILE) {
                throw new CommandException(file + " is larger than " + MAX_IMPORT_FILE / (1024 * 1024)
                        + " MiB; no certificate file is that large. Nothing was imported.");
            }
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CommandException("cannot read " + file + ": " + e.getMessage(), e);
        }
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 ? name.substring(dot).toLowerCase(Locale.ROOT).replaceAll("[^.a-z0-9]", "") : "";
        List<String> options = new ArrayList<>();
        if (many && !split.has("json")) {
            options.add("--json");
        }
        options.addAll(split.tokens(Set.of("password-file", "password-env"), List.of()));
        RemoteResult r = RemoteImport.importFile(connection, content, extension, secrets.password, options);
        if (r.exitStatus() != 0) {
            return new Answer(r.exitStatus(), r.outText(), remoteMessage(connection, r), Optional.empty());
        }
        return answer(r, many || split.has("json"));
    }

    // ---- helpers

    private static String remoteMessage(RemoteConnection connection, RemoteResult r) {
        String message = r.err().strip();
        return (message.isEmpty() ? "the remote command failed (exit status " + r.exitStatus() + ")" : message)
                + " [on " + connection.computer() + "]\n";
    }

    private static String safeName(String computer) {
        return computer.replaceAll("[^A-Za-z0-9._@-]", "_");
    }
}
