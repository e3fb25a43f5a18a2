package org.cairn.certificates.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.pkcs.AuthenticatedSafe;
import org.bouncycastle.asn1.pkcs.ContentInfo;
import org.bouncycastle.asn1.pkcs.MacData;
import org.bouncycastle.asn1.pkcs.PBMAC1Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.Pfx;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.DigestInfo;
import org.cairn.certificates.core.CertificateStores;
import org.cairn.certificates.export.CertificateExportServices;
import org.cairn.certificates.export.ExportSettings;
import org.cairn.certificates.importing.CertificateImportService;
import org.cairn.certificates.importing.CertificateImportServices;
import org.cairn.certificates.importing.FileContents;
import org.cairn.certificates.importing.ImportException;
import org.cairn.certificates.importing.ImportRequest;
import org.cairn.certificates.importing.ImportResult;
import org.cairn.certificates.importing.Pkcs12Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No silent failure: a crafted file makes {@code import} and {@code inspect} exit non-zero with the reason on standard
 * error, within a second; and anything no check foresaw still ends as "internal error" with a non-zero exit.
 */
class RefusalTest {

    @TempDir
    Path dir;

    /** A PFX whose PBMAC1 asks for a 2^28-byte key (the probe's NegativeArraySize/endless case). */
    private Path pbmac1KeyLength(long length) throws Exception {
        ASN1EncodableVector kdf = new ASN1EncodableVector();
        kdf.add(new DEROctetString(new byte[16]));
        kdf.add(new ASN1Integer(2048));
        kdf.add(new ASN1Integer(BigInteger.valueOf(length)));
        AlgorithmIdentifier hmac = new AlgorithmIdentifier(PKCSObjectIdentifiers.id_hmacWithSHA256, DERNull.INSTANCE);
        kdf.add(hmac);
        PBMAC1Params params = new PBMAC1Params(new AlgorithmIdentifier(PKCSObjectIdentifiers.id_PBKDF2, new DERSequence(kdf)), hmac);
        MacData mac = new MacData(new DigestInfo(new AlgorithmIdentifier(new ASN1ObjectIdentifier("1.2.840.113549.1.5.14"),
                params), new byte[32]), new byte[8], 1);
        byte[] safes = new AuthenticatedSafe(new ContentInfo[] {new ContentInfo(PKCSObjectIdentifiers.data,
                new DEROctetString(new DERSequence().getEncoded(ASN1Encoding.DER)))}).getEncoded(ASN1Encoding.DER);
        Path file = dir.resolve("pbmac1-" + length + ".p12");
        Files.write(file, new Pfx(new ContentInfo(PKCSObjectIdentifiers.data, new DEROctetString(safes)), mac)
                .getEncoded(ASN1Encoding.DER));
        return file;
    }

    @Test
    void importAndInspectOfACraftedFileFailWithTheReasonOnStandardError() throws Exception {
        Cli cli = Cli.fresh("refusal");
        cli.env.put("PW", "password");
        for (long length : new long[] {1L << 28, Integer.MAX_VALUE, 1L << 40, -1}) {
            Path file = pbmac1KeyLength(length);
            for (String command : List.of("import", "inspect")) {
                long start = System.nanoTime();
                Cli.Result r = cli.run(command, file.toString(), "--password-env", "PW");
                long ms = (System.nanoTime() - start) / 1_000_000;
                assertEquals(1, r.status(), r.toString());
                assertTrue(r.err().startsWith("cairn cert " + command + ": "), r.toString());
                assertTrue(r.err().contains("PBMAC1") && r.err().contains("key length"), r.toString());
                assertFalse(r.err().contains("Exception"), r.toString());
                assertTrue(ms < 1000, command + " took " + ms + " ms");
            }
        }
        assertTrue(cli.run("list", "--json").out().strip().equals("[]"), "nothing imported");
    }

    @Test
    void aFileThatOnceEndedSilentlyIsRefusedAloud() throws Exception {
        // ASN1ParsingException "unknown tag 29" at FileDecoder.classify: exit 0 and no output before
        Path file = dir.resolve("tag29.p12");
        Files.write(file, HexFormat.of().parseHex("300c020103300706012a1d020000"));
        Cli cli = Cli.fresh("tag29");
        for (String command : List.of("import", "inspect")) {
            Cli.Result r = cli.runWithStdin("\n", command, file.toString());
            assertTrue(r.status() != 0, r.toString());
            assertTrue(r.err().contains("damaged"), r.toString());
        }
    }

    @Test
    void anUnforeseenFailureIsAnInternalErrorNotSilence() {
        CertificateImportService broken = new CertificateImportService() {
            @Override
            public boolean needsPassword(Path file) {
                throw new IllegalStateException("a fault nobody foresaw");
            }

            @Override
            public FileContents read(Path file, char[] password) {
                throw new IllegalStateException("a fault nobody foresaw");
            }

            @Override
            public ImportResult importFile(ImportRequest request) {
                throw new IllegalStateException("a fault nobody foresaw");
            }

            @Override
            public Pkcs12Report inspect(Path file, Optional<char[]> password) throws ImportException {
                throw new ArithmeticException("a fault nobody foresaw");
            }
        };
        Cli cli = Cli.fresh("internal");
        CliServices services = new CliServices(cli.stores, CertificateStores.certificateFactory(), broken,
                CertificateExportServices.create(cli.stores, ExportSettings.defaults(), List.of()));
        for (boolean debug : new boolean[] {false, true}) {
            for (String command : List.of("import", "inspect")) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ByteArrayOutputStream err = new ByteArrayOutputStream();
                Io io = new Io(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8), Optional.empty(), java.util.Map.of());
                List<String> args = debug ? List.of(command, "--debug", "some.pfx") : List.of(command, "some.pfx");
                int status = new CertCommand(() -> services, io).run(args);
                String text = err.toString(StandardCharsets.UTF_8);
                assertEquals(CertCommand.INTERNAL, status, text);
                assertTrue(text.startsWith("cairn cert " + command + ": internal error ("), text);
                assertEquals(debug, text.contains("\tat "), "a stack trace only with --debug: " + text);
                assertEquals(debug, text.contains("a fault nobody foresaw"), text);
            }
        }
    }
}
