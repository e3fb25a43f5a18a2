package org.cairn.certificates.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cairn.certificates.remote.RemoteCairn;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** What a console on another computer asks first (org.cairn.certificates.remote): the protocol this side speaks. */
@Command(name = "protocol", header = "the version of the protocol another computer's Cairn speaks with this one", description = {"Say which version of the remote protocol this Cairn speaks "
        + "({\"protocol\": N, \"subcommands\": [...]}).",
    "A console on another computer asks it first over SSH (cairn cert --computer)."})
final class ProtocolCommand implements Subcommand {

    @Mixin
    Options.Help help;
    @Mixin
    Options.Json json;
    @Mixin
    Options.LocalOnly remote;

    private final Session session;

    ProtocolCommand(Session session) {
        this.session = session;
    }

    @Override
    public int run() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("protocol", Integer.valueOf(RemoteCairn.PROTOCOL));
        m.put("subcommands", List.of("list", "show", "export", "import", "delete", "new-self-signed", "set", "inspect"));
        session.io().out().println(json.json ? Json.write(m) : "cairn cert protocol " + m.get("protocol"));
        return CertCommand.DONE;
    }
}
