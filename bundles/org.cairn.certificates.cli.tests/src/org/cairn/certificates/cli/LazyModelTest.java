package org.cairn.certificates.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A run builds picocli's model (the reflection over a subcommand's options) only of the subcommands its arguments
 * name, and an outline of the others; it prints, parses and fails exactly as the whole model of every subcommand
 * (which the man page and the completion are generated from) does.
 */
class LazyModelTest {

    private static CertCommand cert() {
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        return new CertCommand(() -> {
            throw new CommandException("not needed");
        }, new Io(InputStream.nullInputStream(), nowhere, nowhere, Optional.empty(), Map.of()));
    }

    /** @return the subcommands built whole (with their options) for the arguments */
    private static Set<String> whole(String... args) {
        CommandLine line = cert().commandLine(List.of(args));
        return line.getSubcommands().entrySet().stream()
                .filter(e -> e.getValue().getCommandSpec().userObject() != null).map(Map.Entry::getKey)
                .collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void aRunBuildsTheModelOfItsSubcommandAlone() {
        assertEquals(Set.of("list"), whole("list", "--json"));
        assertEquals(Set.of("list"), whole("--debug", "list", "--store", "export"));
        assertEquals(Set.of("export"), whole("export", "--help"));
        assertEquals(Set.of("help", "export"), whole("help", "export"));
        assertEquals(Set.of(), whole("--help"));
        assertEquals(Set.of(), whole());
        CommandLine line = cert().commandLine(List.of("list"));
        assertInstanceOf(ListCommand.class, line.getSubcommands().get("list").getCommandSpec().userObject());
        CommandSpec export = line.getSubcommands().get("export").getCommandSpec();
        assertNull(export.userObject());
        assertTrue(export.findOption("--out") == null && export.positionalParameters().isEmpty(), export::toString);
    }

    @Test
    void whatIsNotPlainlyASubcommandGetsTheWholeModel() {
        Set<String> all = cert().commandLine().getSubcommands().keySet();
        assertEquals(15, all.size(), all::toString);
        assertEquals(all, whole("frobnicate"));
        assertEquals(all, whole("--colour", "list"));
        assertEquals(all, whole("--", "list"));
        assertEquals(all, whole("list", "@args.txt"));
    }

    static Stream<List<String>> commandLines() {
        Stream<List<String>> fixed = Stream.of(List.of(), List.of("--help"), List.of("-h"), List.of("--debug"),
                List.of("help"), List.of("help", "--help"), List.of("help", "frobnicate"), List.of("frobnicate"),
                List.of("expot"), List.of("--colour"), List.of("--", "list"), List.of("list", "--colour"),
                List.of("list", "--jsn"), List.of("list", "--store", "Drawer"), List.of("list", "--scope", "planet"),
                List.of("list", "export"), List.of("list", "--store", "My", "--store", "Root"),
                List.of("export", "00", "--out", "a", "--out", "b"), List.of("import", "x.pfx", "--password", "s"),
                List.of("new-self-signed"), List.of("new-self-signed", "--subject", "CN=x", "--days", "soon"),
                List.of("show", "not-a-thumbprint"), List.of("inspect", "x.pfx", "--computer", "m1"),
                List.of("delete", "00", "--computers", "hosts.txt"), List.of("list", "--computer", "m1", "--parallel",
                        "many"), List.of("remote"), List.of("protocol"), List.of("list"), List.of("--debug", "list"),
                List.of("help", "help"), List.of("help", "list", "export"));
        Stream<List<String>> helps = cert().commandLine().getSubcommands().keySet().stream()
                .flatMap(name -> Stream.of(List.of(name, "--help"), List.of("help", name), List.of(name, "-h"),
                        List.of("--debug", name, "--help")));
        return Stream.concat(fixed, helps);
    }

    @ParameterizedTest
    @MethodSource("commandLines")
    void aRunPrintsAsTheWholeModel(List<String> args) {
        Cli cli = Cli.fresh("lazy");
        Cli.Result lazy = cli.run(args.toArray(String[]::new));
        Cli.Result whole = cli.runOnTheWholeModel(args.toArray(String[]::new));
        assertEquals(whole.toString(), lazy.toString(), String.join(" ", args));
    }
}
