package org.cairn.certificates.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

import org.cairn.certificates.importing.ImportException;
import org.cairn.certificates.importing.Pkcs12Report;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code cairn cert inspect}: Cairn's PKCS #12 reader describes a file. */
@Command(name = "inspect", header = "describe a PKCS #12 file: algorithms, MAC, bags, who can read it", description = {"Describe a PKCS #12 file: its integrity check (MAC) and iteration counts, its "
        + "safes and their encryption, its bags and their attributes, and which readers are expected to open it.",
    "Without a password the empty and the absent password are tried; bags in encrypted safes are shown when the "
        + "password opens them. Exit status 1 when the file cannot be read completely."})
final class InspectCommand implements Subcommand {

    @Mixin
    Options.Help help;
    @Parameters(paramLabel = "FILE", description = "The PKCS #12 file.")
    String file;
    @Mixin
    Options.Password password;
    @Mixin
    Options.Json json;
    @Mixin
    Options.LocalOnly remote;

    private final Session session;

    InspectCommand(Session session) {
        this.session = session;
    }

    @Override
    public int run() throws UsageException, CommandException {
        Io io = session.io();
        Path file = Path.of(this.file);
        char[] secret = io.password(password.source(), "", false);
        Pkcs12Report report;
        try {
            report = session.services().importer().inspect(file, password.source().given()
                    ? Optional.of(secret) : Optional.empty());
        } catch (ImportException e) {
            throw new CommandException(e.getMessage(), e);
        } finally {
            Arrays.fill(secret, '\0');
        }
        if (json.json) {
            io.out().println(Json.write(Inspect.toMap(report)));
        } else {
            io.out().print(Inspect.toText(file, report));
        }
        if (report.problem().isPresent()) {
            // the report above describes what could be read; the refusal itself belongs on standard error too
            io.err().println("cairn cert inspect: " + report.problem().get());
            return CertCommand.FAILED;
        }
        return CertCommand.DONE;
    }
}
