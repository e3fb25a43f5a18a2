package org.cairn.certificates.export.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAbsentContent;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedDataGenerator;

/** The certificate-only formats: DER, Base-64 (PEM) and PKCS #7. */
final class CertificateEncoders {

    private static final Base64.Encoder PEM_BASE64 = Base64.getMimeEncoder(64, new byte[] {'\n'});

    private CertificateEncoders() {
    }

    /**
     * @param certificate the certificate
     * @return its DER encoding, as a .cer file holds it
     * @throws CertificateEncodingException when it cannot be encoded
     */
    static byte[] der(X509Certificate certificate) throws CertificateEncodingException {
        return certificate.getEncoded();
    }

    /**
     * @param certificates leaf first
     * @return one PEM block per certificate, in order, with LF line ends
     * @throws CertificateEncodingException when one cannot be encoded
     */
    static byte[] pem(List<X509Certificate> certificates) throws CertificateEncodingException {
        StringBuilder text = new StringBuilder();
        for (X509Certificate certificate : certificates) {
            text.append("-----BEGIN CERTIFICATE-----\n")
                    .append(PEM_BASE64.encodeToString(certificate.getEncoded()))
                    .append("\n-----END CERTIFICATE-----\n");
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * A degenerate SignedData (no content, no signers) holding the certificates. Written with definite lengths
     * but without sorting the certificate SET, so that readers list them in path order, leaf first.
     *
     * @param certificates leaf first
     * @return the .p7b content
     * @throws CertificateEncodingException when one cannot be encoded
     * @throws IOException                  when the structure cannot be encoded
     */
    static byte[] pkcs7(List<X509Certificate> certificates) throws CertificateEncodingException, IOException {
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addCertificates(new JcaCertStore(certificates));
            return generator.generate(new CMSAbsentContent()).toASN1Structure().getEncoded(ASN1Encoding.DL);
        } catch (CMSException e) {
            throw new IOException("Cannot build the PKCS #7 structure: " + e.getMessage(), e);
        }
    }
}
