package org.cairn.certificates.system.internal;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads the private keys services keep in PEM files: PKCS #8 ({@code PRIVATE KEY}), PKCS #1 ({@code RSA PRIVATE KEY})
 * and SEC1 ({@code EC PRIVATE KEY}), through Bouncy Castle's {@code PEMParser}. The import service has its own PEM
 * decoder, but it sits above the stores; a store provider reads its files itself, with the same bounds.
 */
final class KeyFiles {

    /** A key file larger than this is not a key file. */
    static final long MAX_FILE_SIZE = 1024 * 1024;
    /** At most this many PEM blocks are read from one file. */
    static final int MAX_BLOCKS = 1000;

    private KeyFiles() {
    }

    /** What a file holds in the way of private keys. */
    record Keys(List<PrivateKey> keys, int encrypted) {
        boolean any() {
            return !keys.isEmpty() || encrypted > 0;
        }
    }

    /**
     * @param file a PEM file
     * @return whether its text names a private key (without decoding it): an unreadable file still counts by its name
     */
    static boolean looksLikeKeyName(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".key") || name.contains("privkey") || name.endsWith("-key.pem") || name.endsWith("_key.pem");
    }

    /**
     * @param file a PEM file, possibly with certificates too (a service's combined file)
     * @return its private keys; encrypted ones are counted, not decrypted
     * @throws IOException when it cannot be read or exceeds the bounds
     */
    static Keys read(Path file) throws IOException {
        if (Files.size(file) > MAX_FILE_SIZE) {
            throw new IOException("larger than " + MAX_FILE_SIZE + " bytes, so not read as a key file");
        }
        String text = Files.readString(file, StandardCharsets.ISO_8859_1);
        if (!text.contains("PRIVATE KEY-----")) {
            return new Keys(List.of(), 0);
        }
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        List<PrivateKey> keys = new ArrayList<>();
        int encrypted = 0;
        int blocks = 0;
        try (PEMParser parser = new PEMParser(new StringReader(text))) {
            Object object;
            while ((object = parser.readObject()) != null) {
                if (++blocks > MAX_BLOCKS) {
                    throw new IOException("more than " + MAX_BLOCKS + " PEM blocks");
                }
                if (object instanceof PEMKeyPair pair) {
                    keys.add(converter.getPrivateKey(pair.getPrivateKeyInfo()));
                } else if (object instanceof PrivateKeyInfo info) {
                    keys.add(converter.getPrivateKey(info));
                } else if (object instanceof PKCS8EncryptedPrivateKeyInfo || object instanceof PEMEncryptedKeyPair) {
                    encrypted++;
                }
            }
        } catch (IOException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IOException("unreadable PEM: " + e.getMessage(), e);
        }
        return new Keys(keys, encrypted);
    }

    /** @return the key as PKCS #8 PEM text ({@code PRIVATE KEY}), as OpenSSL 3 writes it */
    static byte[] pem(PrivateKey key) {
        byte[] der = key.getEncoded();
        if (der == null || !"PKCS#8".equalsIgnoreCase(key.getFormat())) {
            throw new IllegalArgumentException("The private key (" + key.getAlgorithm()
                    + ") cannot be written as PKCS #8; it may live in a token.");
        }
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return ("-----BEGIN PRIVATE KEY-----\n" + base64 + "\n-----END PRIVATE KEY-----\n")
                .getBytes(StandardCharsets.US_ASCII);
    }
}
