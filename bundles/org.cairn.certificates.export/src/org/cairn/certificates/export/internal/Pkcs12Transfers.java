package org.cairn.certificates.export.internal;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

import org.cairn.certificates.core.EntryAttributes;
import org.cairn.certificates.export.Pkcs12Encryption;

/** The engine's side of {@link org.cairn.certificates.export.Pkcs12Transfer}: its one PKCS #12 encoder. */
public final class Pkcs12Transfers {

    private Pkcs12Transfers() {
    }

    /**
     * @return a PKCS #12 file with the certificates (leaf first), the key and every attribute, AES256-SHA256
     */
    public static byte[] encode(List<X509Certificate> certificates, Optional<PrivateKey> key,
            EntryAttributes attributes, int iterations, char[] password, SecureRandom random)
            throws GeneralSecurityException, IOException {
        ExportMaterial material = new ExportMaterial(certificates, key, attributes.friendlyName(),
                attributes.description(), attributes.properties());
        return new Pkcs12Encoder(random).encode(material,
                new Pkcs12Encoder.Options(Pkcs12Encryption.AES256_SHA256, iterations, true), password);
    }
}
