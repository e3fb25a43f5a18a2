package org.cairn.certificates.ui.export.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.cairn.certificates.export.ExportFormat;
import org.cairn.certificates.ui.wizard.FileNames;

/**
 * Turns what the user typed on the "File to Export" page into the file to write: the extension follows the format
 * (a certificate extension of another format is replaced, a missing one added) and a relative name is taken
 * relative to the user's home folder, as Windows takes it relative to the Documents folder.
 */
public final class ExportFileName {

    /** Extensions of the formats the wizard writes, and their usual synonyms, that a format change replaces. */
    private static final List<String> CERTIFICATE_EXTENSIONS = List.of("cer", "crt", "der", "pem", "p7b", "p7c",
            "pfx", "p12");

    private ExportFileName() {
    }

    /**
     * @param typed  the text of the file name field
     * @param format the chosen format
     * @return the name with the format's extension, unchanged when it already has it; empty when nothing was typed
     */
    public static Optional<String> withExtension(String typed, ExportFormat format) {
        String name = typed == null ? "" : typed.strip();
        if (name.isEmpty()) {
            return Optional.empty();
        }
        String wanted = "." + format.fileExtension();
        if (name.toLowerCase(Locale.ROOT).endsWith(wanted)) {
            return Optional.of(name);
        }
        int dot = name.lastIndexOf('.');
        int slash = name.lastIndexOf('/');
        if (dot > slash + 1) {
            String extension = name.substring(dot + 1).toLowerCase(Locale.ROOT);
            if (CERTIFICATE_EXTENSIONS.contains(extension)) {
                return Optional.of(name.substring(0, dot) + wanted);
            }
        }
        return Optional.of(name + wanted);
    }

    /**
     * @param typed  the text of the file name field
     * @param format the chosen format
     * @param home   the user's home folder, for relative names
     * @return the absolute, normalized file to write; empty when nothing was typed
     */
    public static Optional<Path> resolve(String typed, ExportFormat format, Path home) {
        return withExtension(typed, format).flatMap(name -> FileNames.resolve(name, home));
    }
}
