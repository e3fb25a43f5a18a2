package org.cairn.certificates.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code cairn cert remote --help}: the help of {@code --computer} and {@code --computers} (not a subcommand of its
 * own; those options go with list, show, export, import, delete and new-self-signed).
 */
@Command(name = "remote", header = "run a subcommand on other computers over SSH", hidden = true, customSynopsis = {
    "cairn cert SUBCOMMAND --computer [user@]host[:port] [OPTIONS]",
    "       cairn cert list|show|export|import --computers FILE [--parallel N] [OPTIONS]", ""},
        description = {"Run the subcommand on another computer over SSH, with that computer's own cairn cert and the "
                + "rights of the account you log in with (never sudo). Your ~/.ssh is used as ssh uses it: config (Host, "
                + "HostName, User, Port, IdentityFile, ProxyJump, UserKnownHostsFile), the default key files, "
                + "known_hosts. A host key that is not in known_hosts is refused until you accept it (a question on a "
                + "terminal, or --accept-host-key SHA256:...); a changed host key is always refused.",
            "export writes --out on THIS computer (with --computers, --out is a folder: one HOST.pfx each): the remote "
                + "Cairn exports and verifies into a private temporary folder there, the bytes come back over SSH, are "
                + "checked against the remote's SHA-256, read back here by Cairn's PKCS #12 reader and only then "
                + "written; the temporary folder is removed. --delete-key deletes the remote key only after that. "
                + "import sends the file into a private temporary folder there, removed afterwards. Passwords go over "
                + "the connection's standard input, never in an argument."})
final class RemoteHelpCommand implements Subcommand {

    @Mixin
    Options.Help help;
    @Mixin
    Options.Remote remote;

    @Override
    public int run() throws UsageException {
        throw new UsageException("cairn cert remote is not a subcommand: give --computer HOST or --computers FILE to "
                + "another subcommand (cairn cert remote --help).");
    }
}
