package org.cairn.certificates.export.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.openssl.PEMParser;
import org.cairn.certificates.export.ExportException;
import org.cairn.certificates.export.ExportException.Reason;
import org.cairn.certificates.export.ExportFormat;
import org.cairn.certificates.export.Pkcs12Protection;
import org.cairn.certificates.export.spi.CertificateFileFormat;

/**
 * The verification the service runs before it reports success: the file is read back from disk and parsed by
 * readers that decrypt and parse it afresh, and each must find exactly what was meant to be written.
 *
 * <ul>
 * <li>DER: byte-for-byte the certificate, and the JDK's X.509 parser reads it.</li>
 * <li>Base-64: only CERTIFICATE blocks; the JDK's parser and Bouncy Castle's PEM parser both find the
 * certificates in order.</li>
 * <li>PKCS #7: the JDK's PKCS7 certification-path parser (order) and Bouncy Castle's CMS parser (set).</li>
 * <li>A contributed format: its own reader ({@code CertificateFileFormat.read}) must find exactly the
 * certificates, in order.</li>
 * <li>PKCS #12: {@link Pkcs12ReadBack}: Cairn's one PKCS #12 reader (the import's), whose key derivations, ciphers
 * and HMAC are not the writer's.
 * The tests add the other readers (OpenSSL, the JDK's keytool, NSS, GnuTLS, python-cryptography) on every
 * combination of format, option and key type; reading each file twice at run time doubled the cost of an
 * export for no case those tests leave open.</li>
 * </ul>
 */
final class ReadBackVerifier implements ExportVerifier {

    private static final Pattern PEM_FILE = Pattern.compile(
            "(-----BEGIN CERTIFICATE-----\n([A-Za-z0-9+/=]{1,64}\n)+-----END CERTIFICATE-----\n)+");

    private final Pkcs12ReadBack bcReader;

    private final FormatRegistry formats;

    /** Without contributed formats (tests). */
    ReadBackVerifier() {
        this(new FormatRegistry(ExportLog.NONE));
    }

    /** @param formats the contributed formats, read back with their own readers */
    ReadBackVerifier(FormatRegistry formats) {
        this.bcReader = new Pkcs12ReadBack();
        this.formats = formats;
    }

    @Override
    public Verification verify(Path file, ExportFormat format, ExportMaterial expected, Pkcs12Encoder.Options options,
            char[] password) throws ExportException {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw failed(file, List.of("cannot read it back: " + e.getMessage()), e);
        }
        List<String> problems = new ArrayList<>();
        List<String> readers = new ArrayList<>();
        Optional<Pkcs12Protection> protection = Optional.empty();
        try {
            if (format.equals(ExportFormat.DER)) {
                readers.add("JDK X.509 CertificateFactory");
                if (!Arrays.equals(content, expected.leaf().getEncoded())) {
                    problems.add("the file is not exactly the certificate's DER encoding");
                }
                compare("JDK", List.of(jdkFactory().generateCertificate(new ByteArrayInputStream(content))),
                        expected.certificates(), problems);
            } else if (format.equals(ExportFormat.BASE64)) {
                readers.add("JDK X.509 CertificateFactory");
                readers.add("Bouncy Castle PEMParser");
                String text = new String(content, StandardCharsets.US_ASCII);
                if (!PEM_FILE.matcher(text).matches()) {
                    problems.add("the file is not a sequence of PEM CERTIFICATE blocks");
                }
                compare("JDK", jdkFactory().generateCertificates(new ByteArrayInputStream(content)),
                        expected.certificates(), problems);
                compareEncodings("Bouncy Castle", pemCertificates(text), expected.certificates(), problems);
            } else if (format.equals(ExportFormat.PKCS7)) {
                readers.add("JDK PKCS7 CertPath");
                readers.add("Bouncy Castle CMSSignedData");
                compare("JDK", jdkFactory().generateCertPath(new ByteArrayInputStream(content), "PKCS7")
                        .getCertificates(), expected.certificates(), problems);
                CMSSignedData cms = new CMSSignedData(content);
                if (!cms.getSignerInfos().getSigners().isEmpty() || cms.getSignedContent() != null) {
                    problems.add("the PKCS #7 file has content or signers");
                }
                List<byte[]> found = new ArrayList<>();
                for (X509CertificateHolder holder : cms.getCertificates().getMatches(null)) {
                    found.add(holder.getEncoded());
                }
                compareEncodings("Bouncy Castle", found, expected.certificates(), problems);
            } else if (format.equals(ExportFormat.PKCS12)) {
                Objects.requireNonNull(options, "options");
                List<String> bcProblems = new ArrayList<>();
                Pkcs12Protection read = bcReader.read(content, expected, options, password, bcProblems);
                readers.add(Pkcs12ReadBack.NAME);
                bcProblems.forEach(p -> problems.add(Pkcs12ReadBack.NAME + ": " + p));
                protection = Optional.of(read);
            } else {
                CertificateFileFormat reader = formats.lookUp(format).orElseThrow(() -> new IOException(
                        "the bundle of the format " + format.id() + " went away during the export"));
                readers.add(format.displayName() + " reader (" + reader.getClass().getName() + ")");
                compare(format.displayName(), reader.read(content), expected.certificates(), problems);
            }
        } catch (Exception e) {
            problems.add("cannot parse it (" + e.getClass().getSimpleName() + ")");
        } finally {
            if (expected.privateKey().isPresent()) {
                Arrays.fill(content, (byte) 0);
            }
        }
        if (!problems.isEmpty()) {
            throw failed(file, problems, null);
        }
        return new Verification(readers, protection);
    }

    private static CertificateFactory jdkFactory() throws java.security.cert.CertificateException {
        try {
            return CertificateFactory.getInstance("X.509", "SUN");
        } catch (java.security.NoSuchProviderException e) {
            return CertificateFactory.getInstance("X.509");
        }
    }

    private static List<byte[]> pemCertificates(String text) throws IOException {
        List<byte[]> found = new ArrayList<>();
        try (PEMParser parser = new PEMParser(new StringReader(text))) {
            for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
                if (o instanceof X509CertificateHolder holder) {
                    found.add(holder.getEncoded());
                } else {
                    throw new IOException("unexpected PEM object " + o.getClass().getSimpleName());
                }
            }
        }
        return found;
    }

    private static void compare(String reader, Collection<? extends Certificate> found, List<X509Certificate> wanted,
            List<String> problems) throws java.security.cert.CertificateEncodingException {
        List<byte[]> encodings = new ArrayList<>();
        for (Certificate c : found) {
            encodings.add(c.getEncoded());
        }
        compareEncodings(reader, encodings, wanted, problems);
    }

    private static void compareEncodings(String reader, List<byte[]> found, List<X509Certificate> wanted,
            List<String> problems) throws java.security.cert.CertificateEncodingException {
        if (found.size() != wanted.size()) {
            problems.add(reader + ": found " + found.size() + " certificates, expected " + wanted.size());
            return;
        }
        for (int i = 0; i < found.size(); i++) {
            if (!Arrays.equals(found.get(i), wanted.get(i).getEncoded())) {
                problems.add(reader + ": certificate " + (i + 1) + " is not "
                        + wanted.get(i).getSubjectX500Principal() + " (path order, leaf first)");
            }
        }
    }

    private static ExportException failed(Path file, List<String> problems, Throwable cause) {
        return new ExportException(Reason.VERIFICATION_FAILED, "The written file did not read back as intended ("
                + String.join("; ", problems) + "). It was removed and nothing was exported; the private key was "
                + "not deleted. Export again; if this repeats, report it with this message.", cause);
    }
}
