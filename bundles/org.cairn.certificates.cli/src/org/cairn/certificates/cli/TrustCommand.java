package org.cairn.certificates.cli;

import picocli.CommandLine.Command;

/** {@code cairn cert trust THUMBPRINT --everywhere}. */
@Command(name = "trust", header = "trust a root everywhere: system anchors and every NSS database", description = "Add the root (found in any store of the current user or the computer) to "
        + "Trusted Root Certification Authorities in every writable place other programs read: the computer's local "
        + "trust anchors (as root; the system's trust is updated) and each of your NSS databases (Firefox, Chrome). "
        + "Cairn's own store is left as it is. Prints each place and what happened; exit status 1 when a place refused "
        + "(the reason is printed).")
final class TrustCommand extends EverywhereCommand {

    TrustCommand(Session session) {
        super(session, true);
    }
}
