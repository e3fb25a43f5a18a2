package org.cairn.certificates.importing.internal;

import org.cairn.certificates.importing.ImportException;
import org.cairn.certificates.importing.ImportException.Reason;
import org.cairn.certificates.pkcs12.internal.Pkcs12Exception;

/** The import's failures from the PKCS #12 reader's, and the last resort for anything unforeseen. */
final class Failures {

    private Failures() {
    }

    /** @return the reader's refusal as the import's, with the same message */
    static ImportException of(Pkcs12Exception e) {
        Reason reason = switch (e.reason()) {
            case WRONG_PASSWORD -> Reason.WRONG_PASSWORD;
            case UNSUPPORTED -> Reason.UNSUPPORTED;
            case CORRUPT, LIMIT -> Reason.CORRUPT;
        };
        return new ImportException(reason, e.getMessage(), e);
    }

    /**
     * A failure nobody foresaw (a fault in Cairn or a library) while reading a file: said plainly, never as silence.
     *
     * @param file what was being read
     * @param e    the failure (kept as the cause for a debug trace; its text is not shown: it may quote key bytes)
     * @return the refusal
     */
    static ImportException unexpected(Object file, RuntimeException e) {
        return new ImportException(Reason.CORRUPT, "Cairn could not read " + file + ": an internal error occurred while "
                + "decoding it (" + e.getClass().getSimpleName() + "). Nothing was changed. The file may be damaged; if "
                + "other programs open it, report this.", e);
    }
}
