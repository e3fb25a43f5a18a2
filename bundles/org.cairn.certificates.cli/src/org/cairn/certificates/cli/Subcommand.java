package org.cairn.certificates.cli;

/** A subcommand that runs on this computer, after picocli has parsed and checked its command line. */
interface Subcommand {

    /**
     * @return the exit status
     * @throws UsageException   the command line cannot be run as written (exit status 2)
     * @throws CommandException refused or failed (exit status 1)
     */
    int run() throws UsageException, CommandException;
}
