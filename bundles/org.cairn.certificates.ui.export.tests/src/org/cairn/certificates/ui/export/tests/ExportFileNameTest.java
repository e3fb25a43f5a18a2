package org.cairn.certificates.ui.export.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Optional;

import org.cairn.certificates.export.ExportFormat;
import org.cairn.certificates.ui.export.internal.ExportFileName;
import org.cairn.certificates.ui.export.internal.PasswordStrength;
import org.cairn.testing.ui.UiThreadWatchdog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The file name rules of "File to Export" and the password strength of "Security", without the UI. */
@ExtendWith(UiThreadWatchdog.class)
class ExportFileNameTest {

    private static final Path HOME = Path.of("/home/alice");

    @Test
    void extensionFollowsTheFormat() {
        assertEquals(Optional.of("a.pfx"), ExportFileName.withExtension("a", ExportFormat.PKCS12));
        assertEquals(Optional.of("a.pfx"), ExportFileName.withExtension("a.cer", ExportFormat.PKCS12));
        assertEquals(Optional.of("a.p7b"), ExportFileName.withExtension("a.pfx", ExportFormat.PKCS7));
        assertEquals(Optional.of("a.CER"), ExportFileName.withExtension("a.CER", ExportFormat.DER));
        assertEquals(Optional.of("backup.2024.cer"), ExportFileName.withExtension("backup.2024", ExportFormat.BASE64));
        assertEquals(Optional.of("/tmp/x.y/file.cer"), ExportFileName.withExtension("/tmp/x.y/file", ExportFormat.DER));
        assertEquals(Optional.of("/tmp/.cer"), ExportFileName.withExtension("/tmp/.cer", ExportFormat.DER));
        assertEquals(Optional.empty(), ExportFileName.withExtension("  ", ExportFormat.DER));
    }

    @Test
    void relativeNamesGoToTheHomeFolder() {
        assertEquals(Optional.of(HOME.resolve("server.pfx")),
                ExportFileName.resolve("server", ExportFormat.PKCS12, HOME));
        assertEquals(Optional.of(HOME.resolve("certs/server.p7b")),
                ExportFileName.resolve("~/certs/server.p7b", ExportFormat.PKCS7, HOME));
        assertEquals(Optional.of(Path.of("/srv/server.cer")),
                ExportFileName.resolve(" /srv/../srv/server ", ExportFormat.DER, HOME));
    }

    @Test
    void strengthGrowsWithLengthAndKindsOfCharacters() {
        assertEquals(PasswordStrength.NONE, PasswordStrength.of(new char[0]));
        assertEquals(PasswordStrength.WEAK, PasswordStrength.of("password".toCharArray()));
        assertEquals(PasswordStrength.MEDIUM, PasswordStrength.of("password1".toCharArray()));
        assertEquals(PasswordStrength.STRONG, PasswordStrength.of("Password-2024".toCharArray()));
        assertEquals(PasswordStrength.STRONG, PasswordStrength.of("correcthorsebatterystaple".toCharArray()));
    }
}
