package org.cairn.certificates.export.internal;

/**
 * Where the engine reports what it did and what went wrong without failing the export: the OSGi log under
 * Declarative Services, nothing when used as a plain library. Messages never contain a password.
 */
interface ExportLog {

    /** Discards everything (plain-Java use without a logger). */
    ExportLog NONE = new ExportLog() {
        @Override
        public void info(String message) {
        }

        @Override
        public void warn(String message, Throwable cause) {
        }
    };

    /** @param message what happened */
    void info(String message);

    /**
     * @param message what went wrong, and its consequence
     * @param cause   the underlying failure, may be {@code null}
     */
    void warn(String message, Throwable cause);
}
