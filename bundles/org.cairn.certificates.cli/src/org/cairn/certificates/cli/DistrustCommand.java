package org.cairn.certificates.cli;

import picocli.CommandLine.Command;

/** {@code cairn cert distrust THUMBPRINT --everywhere}. */
@Command(name = "distrust", header = "remove a root from every place it is trusted", description = "Remove the certificate from Trusted Root Certification Authorities in every "
        + "writable place of the current user and the computer, Cairn's own store included. Prints each place and what "
        + "happened, and the read-only places that still hold it; exit status 1 when a place refused.")
final class DistrustCommand extends EverywhereCommand {

    DistrustCommand(Session session) {
        super(session, false);
    }
}
