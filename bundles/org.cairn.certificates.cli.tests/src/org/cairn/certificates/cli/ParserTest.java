package org.cairn.certificates.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import picocli.CommandLine.ParseResult;

/**
 * The command line as picocli parses it: help, picocli's messages with where to look, and Cairn's own words where
 * they matter (an unknown subcommand, a password on the command line, a subcommand that does not run remotely).
 */
class ParserTest {

    private final Cli cli = Cli.fresh("parser");

    @Test
    void helpSubcommandPrintsTheSubcommandsHelp() {
        Cli.Result r = cli.runWithoutStdin("help", "export");
        assertEquals(0, r.status(), r::toString);
        assertTrue(r.out().startsWith("Usage: cairn cert export") && r.out().contains("--password-file=FILE"), r::toString);
        assertEquals(r.out(), cli.runWithoutStdin("export", "--help").out());
        assertEquals(0, cli.run("help").status());
        assertTrue(cli.run("help").out().contains("new-self-signed"));
        assertTrue(cli.run("remote", "--help").out().contains("--accept-host-key"));
    }

    @Test
    void noSubcommandPrintsTheOverviewOnStandardErrorWithStatus2() {
        Cli.Result r = cli.run();
        assertEquals(2, r.status(), r::toString);
        assertTrue(r.err().contains("Usage: cairn cert") && r.err().contains("inspect"), r::toString);
        assertEquals("", r.out());
    }

    @Test
    void anUnknownOptionIsPicocliWordsAndWhereToLook() {
        Cli.Result r = cli.run("list", "--colour");
        assertEquals(2, r.status(), r::toString);
        assertTrue(r.err().startsWith("cairn cert list: Unknown option: '--colour'\n"), r::toString);
        assertTrue(r.err().endsWith("See 'cairn cert list --help'.\n"), r::toString);
    }

    @Test
    void anUnknownSubcommandIsNamed() {
        Cli.Result r = cli.run("frobnicate");
        assertEquals(2, r.status(), r::toString);
        assertTrue(r.err().startsWith("cairn cert: unknown subcommand 'frobnicate'.\n"), r::toString);
    }

    @Test
    void aRepeatedOptionIsAUsageError() {
        Cli.Result r = cli.run("list", "--store", "My", "--store", "Root");
        assertEquals(2, r.status(), r::toString);
        assertTrue(r.err().contains("'--store'") && r.err().contains("only once"), r::toString);
        assertEquals(2, cli.run("export", "00", "--out", "a", "--out", "b").status());
    }

    @Test
    void aPasswordOnTheCommandLineIsRefusedWithWhatToDoInstead() {
        for (String[] args : new String[][] {{"import", "x.pfx", "--password", "secret"},
            {"import", "x.pfx", "--password=secret"}, {"list", "--computer", "m1", "--password", "secret"}}) {
            Cli.Result r = cli.runWithoutStdin(args);
            assertEquals(2, r.status(), r::toString);
            assertTrue(r.err().contains("never taken from the command line") && r.err().contains("--password-file"),
                    r::toString);
            assertTrue(!r.err().contains("secret"), r::toString);
        }
    }

    @Test
    void remoteOptionsAreCheckedHereBeforeAnyConnection() {
        // no SSH server answers here: each of these must fail before connecting
        Cli.Result inspect = cli.run("inspect", "x.pfx", "--computer", "m1");
        assertEquals(2, inspect.status(), inspect::toString);
        assertTrue(inspect.err().contains("not available with --computer"), inspect::toString);
        Cli.Result delete = cli.run("delete", "00", "--computers", "hosts.txt");
        assertEquals(2, delete.status(), delete::toString);
        assertTrue(delete.err().contains("not available with --computers"), delete::toString);
        assertEquals(2, cli.run("list", "--computer", "m1", "--no-such-option").status());
        assertEquals(2, cli.run("list", "--computer", "m1", "--parallel", "many").status());
        assertEquals(2, cli.run("list", "--computers", "h.txt", "--parallel", "65").status());
        assertEquals(2, cli.run("list", "--computer", "m1", "--computers", "h.txt").status());
        assertEquals(2, cli.run("list", "--computer", "m1", "--scope", "planet").status());
        Cli.Result db = cli.run("list", "--computer", "m1", "--db-password-env", "X");
        assertEquals(2, db.status(), db::toString);
        assertTrue(db.err().contains("does not work over --computer"), db::toString);
    }

    @Test
    void theOtherComputerGetsTheSubcommandsOptionsAsPicocliMatchedThem() {
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        CertCommand cert = new CertCommand(() -> {
            throw new CommandException("not needed");
        }, new Io(InputStream.nullInputStream(), nowhere, nowhere, Optional.empty(), Map.of()));
        ParseResult parsed = cert.commandLine().parseArgs("show", "--computer", "admin@web1", "--store=My", "AB:CD",
                "--json", "--debug", "--accept-host-key", "SHA256:abc", "--scope", "computer", "--", "--EF");
        assertEquals(List.of("--store", "My", "--json", "--scope", "computer", "--", "AB:CD", "--EF"),
                RemoteCommand.forwarded(parsed.subcommand()));
        ParseResult created = cert.commandLine().parseArgs("new-self-signed", "--computers", "hosts.txt", "--parallel",
                "4", "--subject", "CN=a, O=b", "--eku", "serverAuth,clientAuth", "--exportable", "--days=400");
        assertEquals(List.of("--subject", "CN=a, O=b", "--eku", "serverAuth,clientAuth", "--exportable", "--days", "400"),
                RemoteCommand.forwarded(created.subcommand()));
        ParseResult set = cert.commandLine().parseArgs("set", "AB", "--computer", "web1", "--friendly-name=-a b",
                "--property", "k=v=w", "--scope", "computer");
        assertEquals(List.of("--friendly-name=-a b", "--property", "k=v=w", "--scope", "computer", "--", "AB"),
                RemoteCommand.forwarded(set.subcommand()));
    }

    @Test
    void setAndKeyOnlyRunWithComputerButNotWithComputers() {
        Cli.Result many = cli.run("set", "00".repeat(20), "--friendly-name", "x", "--computers", "hosts.txt");
        assertEquals(2, many.status(), many::toString);
        assertTrue(many.err().contains("not available with --computers"), many::toString);
        Cli.Result help = cli.run("set", "--help");
        assertTrue(help.out().contains("--computer"), help::toString);
    }

    @Test
    void debugIsTakenAnywhere() {
        assertEquals(0, cli.run("--debug", "list").status());
        assertEquals(0, cli.run("list", "--debug").status());
    }
}
