package org.cairn.certificates.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Test-only generator of what the product installs beside {@code cairn cert}: the bash completion of {@code cairn}
 * (picocli's {@link AutoComplete}) and the man page {@code cairn-cert.1} (roff, written here from picocli's model of
 * the command, since picocli itself writes AsciiDoc only). {@link GeneratedFilesTest} compares both with the
 * committed files.
 */
final class CliDocs {

    /** Where the feature's root files put them in the installed product. */
    static final String COMPLETION = "share/bash-completion/completions/cairn";
    static final String MAN_PAGE = "share/man/man1/cairn-cert.1";

    private CliDocs() {
    }

    /** @return {@code cairn cert} as the product runs it, with no services and nowhere to print */
    private static CommandLine cert() {
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        Io io = new Io(InputStream.nullInputStream(), nowhere, nowhere, Optional.empty(), Map.of());
        return new CertCommand(() -> {
            throw new CommandException("no services while generating documentation");
        }, io).commandLine();
    }

    /** @return the bash completion script of {@code cairn}, whose one completed subcommand is {@code cert} */
    static String completion() {
        CommandLine cert = cert();
        cert.getCommandSpec().name("cert");
        CommandLine cairn = new CommandLine(CommandSpec.create().name("cairn"));
        cairn.addSubcommand("cert", cert);
        return AutoComplete.bash("cairn", cairn);
    }

    /** @return the man page cairn-cert(1) */
    static String manPage() {
        CommandSpec top = cert().getCommandSpec();
        StringBuilder roff = new StringBuilder();
        roff.append(".\\\" Generated from the picocli model of cairn cert by CliDocs (org.cairn.certificates.cli.tests);\n")
                .append(".\\\" GeneratedFilesTest fails when it differs. Do not edit.\n")
                .append(".TH CAIRN\\-CERT 1 \"\" \"Cairn\" \"Cairn Manual\"\n")
                .append(".nh\n.ad l\n")
                .append(".SH NAME\ncairn\\-cert \\- ").append(text(top.usageMessage().description()[0])).append('\n')
                .append(".SH SYNOPSIS\n");
        for (CommandLine sub : visible(top)) {
            roff.append(".PP\n").append(synopsis(sub.getCommandSpec())).append('\n');
        }
        roff.append(".SH DESCRIPTION\n");
        paragraphs(roff, top.usageMessage().footer());
        roff.append(".SH OPTIONS\n");
        options(roff, top);
        roff.append(".SH COMMANDS\n");
        for (CommandLine sub : visible(top)) {
            command(roff, sub.getCommandSpec());
        }
        roff.append(".SH \"ANOTHER COMPUTER OVER SSH\"\n");
        CommandSpec remote = top.subcommands().get("remote").getCommandSpec();
        paragraphs(roff, remote.usageMessage().description());
        options(roff, remote);
        roff.append(".SH \"EXIT STATUS\"\n");
        for (Map.Entry<String, String> e : top.usageMessage().exitCodeList().entrySet()) {
            roff.append(".TP\n.B ").append(text(e.getKey())).append('\n').append(text(e.getValue())).append('\n');
        }
        roff.append(".SH ENVIRONMENT\n.TP\n.B CAIRN_STORE_ROOT\n")
                .append("Keeps every scope under one folder (user/, computer/, services/NAME/).\n")
                .append(".TP\n.B CAIRN_REMOTE_CAIRN\nHow to start Cairn on another computer (as \\-\\-remote\\-cairn).\n")
                .append(".SH \"SEE ALSO\"\n.BR ssh (1),\n.BR ssh_config (5)\n");
        return roff.toString();
    }

    private static List<CommandLine> visible(CommandSpec spec) {
        return spec.subcommands().values().stream().filter(c -> !c.getCommandSpec().usageMessage().hidden())
                .filter(c -> !c.getCommandSpec().name().equals("help")).toList();
    }

    private static String synopsis(CommandSpec spec) {
        String line = new CommandLine.Help(spec, CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF))
                .synopsis(0).strip().replaceAll("\\s+", " ");
        String name = spec.qualifiedName();
        return ".B " + text(name) + "\n" + text(line.substring(name.length()).strip());
    }

    private static void command(StringBuilder roff, CommandSpec spec) {
        roff.append(".SS \"").append(text(spec.name())).append("\"\n").append(synopsis(spec)).append('\n');
        paragraphs(roff, spec.usageMessage().description());
        for (PositionalParamSpec p : spec.positionalParameters()) {
            roff.append(".TP\n.I ").append(text(p.paramLabel())).append('\n').append(text(p.description()[0])).append('\n');
        }
        options(roff, spec);
    }

    private static void options(StringBuilder roff, CommandSpec spec) {
        for (OptionSpec o : spec.options()) {
            if (o.hidden() || o.longestName().equals("--debug") && spec.parent() != null) {
                continue;
            }
            roff.append(".TP\n.B ").append(text(String.join(", ", o.names())));
            if (o.arity().max() > 0) {
                roff.append(" \\fI").append(text(o.paramLabel())).append("\\fR");
            }
            roff.append('\n').append(text(String.join(" ", o.description()))).append('\n');
        }
    }

    private static void paragraphs(StringBuilder roff, String[] paragraphs) {
        for (String p : paragraphs) {
            roff.append(".PP\n").append(text(p)).append('\n');
        }
    }

    /** @return the text escaped for roff: backslashes, hyphens, and no line that starts as a request */
    private static String text(String s) {
        String escaped = s.replace("\\", "\\e").replace("-", "\\-").replace("%n", " ").strip();
        return escaped.startsWith(".") || escaped.startsWith("'") ? "\\&" + escaped : escaped;
    }
}
