package org.cairn.certificates.system.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Reads certificates from the PEM or DER files other programs keep, with bounds on what a file may hold. */
final class CertificateFiles {

    /** A certificate file larger than this is not a certificate file. */
    static final long MAX_FILE_SIZE = 1024 * 1024;
    /** At most this many certificates are read from one file. */
    static final int MAX_PER_FILE = 1000;

    private static final String BEGIN = "-----BEGIN CERTIFICATE-----";
    private static final String END = "-----END CERTIFICATE-----";

    private CertificateFiles() {
    }

    /**
     * @param file a PEM file (one or more certificates) or one DER certificate
     * @return its certificates, in file order
     * @throws IOException when it cannot be read, is too large, or holds no readable certificate
     */
    static List<X509Certificate> read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_FILE_SIZE) {
            throw new IOException("larger than " + MAX_FILE_SIZE + " bytes, so not read as a certificate file");
        }
        byte[] data = Files.readAllBytes(file);
        CertificateFactory factory = factory();
        String text = new String(data, StandardCharsets.US_ASCII);
        List<X509Certificate> certificates = new ArrayList<>();
        int pos = 0;
        while ((pos = text.indexOf(BEGIN, pos)) >= 0) {
            int stop = text.indexOf(END, pos);
            if (stop < 0) {
                throw new IOException("a certificate without END line");
            }
            if (certificates.size() >= MAX_PER_FILE) {
                throw new IOException("more than " + MAX_PER_FILE + " certificates");
            }
            try {
                byte[] der = Base64.getMimeDecoder().decode(text.substring(pos + BEGIN.length(), stop));
                certificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
            } catch (IllegalArgumentException | CertificateException e) {
                throw new IOException("unreadable certificate: " + e.getMessage(), e);
            }
            pos = stop + END.length();
        }
        if (certificates.isEmpty() && data.length > 0 && data[0] == 0x30) {
            try {
                certificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(data)));
            } catch (CertificateException e) {
                throw new IOException("neither PEM nor a DER certificate: " + e.getMessage(), e);
            }
        }
        if (certificates.isEmpty()) {
            throw new IOException("holds no certificate");
        }
        return certificates;
    }

    /**
     * Reads a distribution's extracted bundle: larger than a certificate file, and a damaged certificate in it is
     * skipped rather than failing the whole read.
     *
     * @param bundle the PEM bundle
     * @return its readable certificates
     * @throws IOException when it cannot be read or exceeds 64 MiB
     */
    static List<X509Certificate> readAll(Path bundle) throws IOException {
        if (Files.size(bundle) > 64L * 1024 * 1024) {
            throw new IOException("larger than 64 MiB");
        }
        String text = Files.readString(bundle, StandardCharsets.ISO_8859_1);
        CertificateFactory factory = factory();
        List<X509Certificate> certificates = new ArrayList<>();
        int pos = 0;
        while ((pos = text.indexOf(BEGIN, pos)) >= 0) {
            int stop = text.indexOf(END, pos);
            if (stop < 0) {
                break;
            }
            try {
                byte[] der = Base64.getMimeDecoder().decode(text.substring(pos + BEGIN.length(), stop));
                certificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
            } catch (IllegalArgumentException | CertificateException e) {
                // one damaged certificate does not hide the others
            }
            pos = stop + END.length();
        }
        return certificates;
    }

    /** @return the certificate as PEM text */
    static byte[] pem(X509Certificate certificate) throws CertificateEncodingException {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(certificate.getEncoded());
        return (BEGIN + "\n" + base64 + "\n" + END + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static CertificateFactory factory() throws IOException {
        try {
            return CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new IOException("The Java runtime cannot read X.509 certificates", e);
        }
    }
}
