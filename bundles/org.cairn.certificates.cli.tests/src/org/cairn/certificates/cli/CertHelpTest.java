package org.cairn.certificates.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * The help that Cairn's launcher asks for before it starts the framework ({@link CertHelp}): it answers exactly the
 * help requests, and prints what the command line prints for them, with the same status.
 */
class CertHelpTest {

    @Test
    void helpRequestsAreTheHelpOptionsTheHelpSubcommandAndNoArguments() {
        for (List<String> request : List.<List<String>>of(List.of(), List.of("--help"), List.of("-h"), List.of("help"),
                List.of("help", "export"), List.of("help", "frobnicate"), List.of("export", "--help"),
                List.of("list", "-h"), List.of("frobnicate", "--help"), List.of("help", "--help"))) {
            assertTrue(CertHelp.isRequest(request), request::toString);
        }
        for (List<String> other : List.of(List.of("list"), List.of("--debug"), List.of("--help", "list"),
                List.of("list", "--json"), List.of("export", "00", "--help"),
                List.of("@args.txt", "--help"), List.of("help", "@args.txt"), List.of("--debug", "--help"),
                List.of("help", "export", "--help"), List.of("", "--help"))) {
            assertFalse(CertHelp.isRequest(other), other::toString);
        }
    }

    @Test
    void anythingElseIsLeftToTheFrameworkWithNothingPrinted() {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            System.setErr(capture);
            assertEquals(CertHelp.NOT_HELP, new CertHelp().applyAsInt(new String[] {"list", "--json"}));
            assertEquals(CertHelp.NOT_HELP, new CertHelp().applyAsInt(new String[] {"--debug"}));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        assertEquals(0, printed.size(), printed::toString);
    }

    @Test
    void theHelpIsTheCommandLinesOwnWithItsStatus() {
        for (List<String> request : List.of(List.of("--help"), List.of("help", "export"), List.of("import", "-h"),
                List.<String>of(), List.of("help", "frobnicate"))) {
            ByteArrayOutputStream expectedOut = new ByteArrayOutputStream();
            ByteArrayOutputStream expectedErr = new ByteArrayOutputStream();
            int expected = new CertCommand(() -> {
                throw new CommandException("not needed");
            }, new Io(InputStream.nullInputStream(), new PrintStream(expectedOut, true, StandardCharsets.UTF_8),
                    new PrintStream(expectedErr, true, StandardCharsets.UTF_8), Optional.empty(), Map.of()))
                    .run(request);

            PrintStream out = System.out;
            PrintStream err = System.err;
            ByteArrayOutputStream helpOut = new ByteArrayOutputStream();
            ByteArrayOutputStream helpErr = new ByteArrayOutputStream();
            int status;
            try (PrintStream o = new PrintStream(helpOut, true, StandardCharsets.UTF_8);
                    PrintStream e = new PrintStream(helpErr, true, StandardCharsets.UTF_8)) {
                System.setOut(o);
                System.setErr(e);
                status = new CertHelp().applyAsInt(request.toArray(String[]::new));
            } finally {
                System.setOut(out);
                System.setErr(err);
            }
            assertEquals(expected, status, request::toString);
            assertEquals(expectedOut.toString(StandardCharsets.UTF_8), helpOut.toString(StandardCharsets.UTF_8),
                    request::toString);
            assertEquals(expectedErr.toString(StandardCharsets.UTF_8), helpErr.toString(StandardCharsets.UTF_8),
                    request::toString);
            assertTrue(helpOut.size() + helpErr.size() > 30, request::toString);
        }
    }
}
