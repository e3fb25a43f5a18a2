package org.cairn.certificates.core.tests;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates made to order for the validation tests, with Bouncy Castle's certificate builder: any validity
 * period, basic constraints present or not, any key usage, a spoiled signature. EC P-256 keys (fast to make).
 */
final class TestPki {

    /** A certificate and its key pair. */
    record Issued(X509Certificate certificate, KeyPair keys) {
        String subject() {
            return certificate.getSubjectX500Principal().getName();
        }

        /** Writes the certificate as PEM, for openssl. */
        Path pem(Path file) throws IOException, GeneralSecurityException {
            String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(certificate.getEncoded());
            Files.writeString(file, "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n");
            return file;
        }
    }

    /** What to put in a certificate; the defaults make a valid end-entity certificate around {@code now}. */
    static final class Spec {
        private final String subject;
        private Instant notBefore;
        private Instant notAfter;
        /** null: no basicConstraints extension at all. */
        private BasicConstraints constraints = new BasicConstraints(false);
        /** -1: no keyUsage extension. */
        private int keyUsage = KeyUsage.digitalSignature;
        private boolean spoilSignature;
        /** null: no extendedKeyUsage extension. */
        private KeyPurposeId[] ekus;

        private Spec(String subject, Instant now) {
            this.subject = subject;
            this.notBefore = now.minus(Duration.ofDays(1));
            this.notAfter = now.plus(Duration.ofDays(365));
        }

        /** A CA: basicConstraints cA (no path length limit), keyCertSign and cRLSign. */
        Spec ca() {
            constraints = new BasicConstraints(true);
            keyUsage = KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature;
            return this;
        }

        Spec pathLength(int length) {
            constraints = new BasicConstraints(length);
            return this;
        }

        Spec noBasicConstraints() {
            constraints = null;
            return this;
        }

        Spec keyUsage(int bits) {
            keyUsage = bits;
            return this;
        }

        Spec valid(Instant from, Instant to) {
            notBefore = from;
            notAfter = to;
            return this;
        }

        Spec eku(KeyPurposeId... purposes) {
            ekus = purposes.clone();
            return this;
        }

        Spec spoilSignature() {
            spoilSignature = true;
            return this;
        }
    }

    private final Instant now;
    private final AtomicLong serial = new AtomicLong(1);

    TestPki(Instant now) {
        this.now = now;
    }

    Spec spec(String cn) {
        return new Spec("CN=" + cn + ",O=Cairn PKIX Tests", now);
    }

    /** A self-signed root CA valid around now. */
    Issued root(String cn) throws Exception {
        return selfSigned(spec(cn).ca());
    }

    Issued selfSigned(Spec spec) throws Exception {
        KeyPair keys = keys();
        return new Issued(build(spec, keys, new X500Principal(spec.subject), keys, null), keys);
    }

    Issued issue(Spec spec, Issued issuer) throws Exception {
        KeyPair keys = keys();
        return new Issued(build(spec, keys, issuer.certificate().getSubjectX500Principal(), issuer.keys(),
                issuer.certificate()), keys);
    }

    private static KeyPair keys() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private X509Certificate build(Spec spec, KeyPair subjectKeys, X500Principal issuerName, KeyPair signer,
            X509Certificate issuerCertificate) throws Exception {
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                X500Name.getInstance(issuerName.getEncoded()), BigInteger.valueOf(serial.getAndIncrement()),
                Date.from(spec.notBefore), Date.from(spec.notAfter),
                X500Name.getInstance(new X500Principal(spec.subject).getEncoded()), subjectKeys.getPublic());
        JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
        if (spec.constraints != null) {
            builder.addExtension(Extension.basicConstraints, true, spec.constraints);
        }
        if (spec.keyUsage >= 0) {
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(spec.keyUsage));
        }
        if (spec.ekus != null) {
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(spec.ekus));
        }
        builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(subjectKeys.getPublic()));
        builder.addExtension(Extension.authorityKeyIdentifier, false, issuerCertificate == null
                ? utils.createAuthorityKeyIdentifier(subjectKeys.getPublic())
                : utils.createAuthorityKeyIdentifier(issuerCertificate));
        byte[] der = builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate())).getEncoded();
        if (spec.spoilSignature) {
            // the last byte is the end of the signature value: the certificate still parses, the signature fails
            der[der.length - 1] ^= 0x01;
        }
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }
}
