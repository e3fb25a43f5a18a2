package org.cairn.certificates.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.cairn.certificates.export.ExportFormat;
import org.cairn.certificates.export.spi.CertificateFileFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cairn cert export}: no-clobber, passwords, refusals, JSON. */
class ExportCommandTest {

    @TempDir
    Path tmp;

    private static String create(Cli cli, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("new-self-signed", "--subject", "CN=Export Me", "--json"));
        args.addAll(List.of(extra));
        Cli.Result r = cli.run(args.toArray(String[]::new));
        assertEquals(0, r.status(), r.toString());
        return (String) ((Map<?, ?>) r.json()).get("thumbprint");
    }

    @Test
    void existingFileIsKeptUnlessForced() throws Exception {
        Cli cli = Cli.fresh("clobber");
        String thumbprint = create(cli, "--exportable");
        Path out = Files.writeString(tmp.resolve("keep.cer"), "precious");
        Cli.Result refused = cli.run("export", thumbprint, "--out", out.toString(), "--format", "der");
        assertEquals(1, refused.status(), refused.toString());
        assertTrue(refused.err().contains("--force"), refused.err());
        assertEquals("precious", Files.readString(out));

        Cli.Result forced = cli.run("export", thumbprint, "--out", out.toString(), "--format", "der", "--force");
        assertEquals(0, forced.status(), forced.toString());
        assertArrayEquals(cli.stores.open(org.cairn.certificates.core.Scope.currentUser()).find(thumbprint).get(0).encoded(),
                Files.readAllBytes(out));
    }

    @Test
    void pfxNeedsAPasswordFromAnAllowedChannel() {
        Cli cli = Cli.fresh("pfx-password");
        String thumbprint = create(cli, "--exportable");
        Path out = tmp.resolve("a.pfx");
        Cli.Result empty = cli.runWithStdin("\n", "export", thumbprint, "--out", out.toString());
        assertEquals(1, empty.status(), empty.toString());
        assertTrue(empty.err().contains("non-empty password"), empty.err());
        assertFalse(Files.exists(out));
        assertEquals(2, cli.run("export", thumbprint, "--out", out.toString(), "--password", "x").status());

        Cli.Result json = cli.runWithStdin("s3cret\n", "export", thumbprint, "--out", out.toString(), "--json");
        assertEquals(0, json.status(), json.toString());
        Map<?, ?> result = (Map<?, ?>) json.json();
        assertEquals("PKCS12", result.get("format"));
        assertEquals(Boolean.TRUE, result.get("keyWritten"));
        assertTrue(Files.exists(out));
    }

    @Test
    void keyThatIsNotExportableIsRefusedWithTheReason() {
        Cli cli = Cli.fresh("not-exportable");
        String thumbprint = create(cli);
        cli.env.put("PW", "s3cret");
        Cli.Result r = cli.runWithoutStdin("export", thumbprint, "--out", tmp.resolve("n.pfx").toString(), "--password-env", "PW");
        assertEquals(1, r.status(), r.toString());
        assertTrue(r.err().toLowerCase().contains("export"), r.err());
        assertFalse(Files.exists(tmp.resolve("n.pfx")));
    }

    @Test
    void optionsThatDoNotFitTheFormatAreUsageErrors() {
        Cli cli = Cli.fresh("export-usage");
        String thumbprint = create(cli, "--exportable");
        String out = tmp.resolve("x.cer").toString();
        assertEquals(2, cli.run("export", thumbprint, "--out", out, "--format", "der", "--delete-key").status());
        assertEquals(2, cli.run("export", thumbprint, "--out", out, "--format", "der", "--chain").status());
        assertEquals(2, cli.run("export", thumbprint, "--out", out, "--format", "zip").status());
        assertEquals(2, cli.run("export", thumbprint).status());
        assertEquals(2, cli.run("export", thumbprint, "--out", out, "--encryption", "rot13").status());
        assertEquals(1, cli.run("export", "00".repeat(20), "--out", out, "--format", "der").status());
    }

    /** A format another bundle contributes: `--format ID` exports to it; an unknown format lists the installed ones. */
    @Test
    void aContributedFormatIsNamedByItsId() throws Exception {
        Cli cli = Cli.fresh("export-contributed");
        cli.formats.add(new CertificateFileFormat() {
            private final ExportFormat format = ExportFormat.certificatesOnly("org.cairn.test.pem-lines",
                    "PEM with subject lines", "crt", true);

            @Override
            public ExportFormat format() {
                return format;
            }

            @Override
            public byte[] write(List<X509Certificate> certificates) throws GeneralSecurityException {
                StringBuilder text = new StringBuilder();
                for (X509Certificate c : certificates) {
                    text.append("subject=").append(c.getSubjectX500Principal().getName()).append('\n')
                            .append("-----BEGIN CERTIFICATE-----\n")
                            .append(Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(c.getEncoded()))
                            .append("\n-----END CERTIFICATE-----\n");
                }
                return text.toString().getBytes(StandardCharsets.US_ASCII);
            }

            @Override
            public List<X509Certificate> read(byte[] content) throws GeneralSecurityException {
                return CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(content))
                        .stream().map(X509Certificate.class::cast).toList();
            }
        });
        String thumbprint = create(cli);
        Path out = tmp.resolve("lines.crt");

        Cli.Result done = cli.run("export", thumbprint, "--out", out.toString(), "--format", "org.cairn.test.pem-lines",
                "--json");
        Cli.Result unknown = cli.run("export", thumbprint, "--out", tmp.resolve("x").toString(), "--format", "zip");

        assertEquals(0, done.status(), done.toString());
        assertEquals("org.cairn.test.pem-lines", ((Map<?, ?>) done.json()).get("format"));
        assertTrue(Files.readString(out).startsWith("subject=CN=Export Me\n-----BEGIN CERTIFICATE-----"));
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().contains("org.cairn.test.pem-lines (PEM with subject lines)"), unknown.err());
    }
}
