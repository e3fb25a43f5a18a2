package org.cairn.certificates.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bash completion and the man page that the product installs (the certificates feature's root files) are what
 * {@link CliDocs} generates from the command today, so they never go stale; and they work: bash completes a
 * subcommand and an option, groff formats the page without a warning. After a change of the command line, write them
 * anew with {@code ./run-tests -o -pl bundles/org.cairn.certificates.cli.tests -am
 * -Dcairn.test.vmargs=-Dcairn.regenerate=true} and commit them.
 */
class GeneratedFilesTest {

    @TempDir
    Path dir;

    private static Path rootFiles() {
        String start = System.getProperty("cairn.repo.root", System.getProperty("user.dir"));
        for (Path d = Path.of(start).toAbsolutePath(); d != null; d = d.getParent()) {
            Path candidate = d.resolve("features/org.cairn.certificates.feature/rootfiles");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("features/org.cairn.certificates.feature/rootfiles not found above " + start);
    }

    private static void check(String path, String generated) throws IOException {
        Path committed = rootFiles().resolve(path);
        if (Boolean.getBoolean("cairn.regenerate")) {
            Files.createDirectories(committed.getParent());
            Files.writeString(committed, generated, StandardCharsets.UTF_8);
        }
        assertEquals(generated, Files.exists(committed) ? Files.readString(committed, StandardCharsets.UTF_8) : "",
                committed + " differs from what the command generates; regenerate it (see GeneratedFilesTest) and "
                        + "commit it");
    }

    @Test
    void theCommittedCompletionIsTheGeneratedOne() throws IOException {
        check(CliDocs.COMPLETION, CliDocs.completion());
    }

    @Test
    void theCommittedManPageIsTheGeneratedOne() throws IOException {
        check(CliDocs.MAN_PAGE, CliDocs.manPage());
    }

    private record Run(int status, String out, String err) {
    }

    private Run run(List<String> command) throws IOException, InterruptedException {
        Path out = dir.resolve("out");
        Path err = dir.resolve("err");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "no answer from " + command);
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** @return what the completion offers for the words, the last one the one being completed */
    private List<String> complete(String... words) throws IOException, InterruptedException {
        Path script = dir.resolve("cairn");
        Files.writeString(script, CliDocs.completion());
        // as bash calls a completion function: the words so far, the current word's index, the command, the
        // current word and the one before it
        String call = "source \"$1\"; shift; COMP_WORDS=(\"$@\"); COMP_CWORD=$(($# - 1)); COMP_LINE=\"$*\"; "
                + "COMP_POINT=${#COMP_LINE}; _complete_cairn cairn \"${COMP_WORDS[COMP_CWORD]}\" "
                + "\"${COMP_WORDS[COMP_CWORD-1]}\" 2>/dev/null; printf '%s\\n' \"${COMPREPLY[@]}\"";
        List<String> command = new java.util.ArrayList<>(List.of("bash", "-c", call, "bash", script.toString()));
        command.addAll(List.of(words));
        Run r = run(command);
        assertEquals(0, r.status(), r.toString());
        return r.out().lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    @Test
    void bashCompletesASubcommandAndAnOption() throws Exception {
        assertEquals(List.of("list"), complete("cairn", "cert", "li"));
        assertEquals(List.of("new-self-signed"), complete("cairn", "cert", "new"));
        assertEquals(List.of("--format"), complete("cairn", "cert", "export", "--form"));
        assertTrue(complete("cairn", "cert", "list", "--").containsAll(List.of("--scope", "--store", "--json",
                "--computer")));
    }

    @Test
    void groffFormatsTheManPageWithoutAWarning() throws Exception {
        Path page = dir.resolve("cairn-cert.1");
        Files.writeString(page, CliDocs.manPage());
        Run r = run(List.of("groff", "-ww", "-man", "-Tutf8", page.toString()));
        assertEquals(0, r.status(), r.err());
        assertEquals("", r.err());
        String text = r.out().replaceAll(".\b", "");
        for (String expected : List.of("cairn-cert - Manage certificates", "cairn cert export", "--password-file",
                "EXIT STATUS", "ANOTHER COMPUTER OVER SSH", "--computers")) {
            assertTrue(text.contains(expected), expected + " is missing from:\n" + text);
        }
    }
}
