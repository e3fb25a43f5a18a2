package org.cairn.certificates.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Optional;

import org.cairn.certificates.core.KeyPairCheck;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one check that a private key belongs to a public key, used by the store, the import and the export. */
class KeyPairCheckTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"RSA", "EC", "Ed25519", "Ed448", "DSA", "X25519"})
    void aKeyBelongsToItsOwnPublicKeyAndNotToAnothers(String algorithm) throws Exception {
        KeyPair one = generate(algorithm);
        KeyPair other = generate(algorithm);

        assertEquals(Optional.empty(), KeyPairCheck.mismatch(one.getPrivate(), one.getPublic()));
        if (!algorithm.equals("X25519")) {
            // X25519 cannot sign: only the algorithm can be compared
            Optional<String> mismatch = KeyPairCheck.mismatch(one.getPrivate(), other.getPublic());
            assertTrue(mismatch.orElseThrow().contains("does not belong"), mismatch.get());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"RSA", "EC", "Ed25519"})
    void aKeyOfAnotherTypeIsNoPair(String algorithm) throws Exception {
        KeyPair one = generate(algorithm);
        KeyPair other = generate(algorithm.equals("RSA") ? "EC" : "RSA");

        assertTrue(KeyPairCheck.mismatch(one.getPrivate(), other.getPublic()).isPresent());
    }

    private static KeyPair generate(String algorithm) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        switch (algorithm) {
            case "RSA" -> generator.initialize(2048);
            case "EC" -> generator.initialize(new ECGenParameterSpec("secp256r1"));
            case "DSA" -> generator.initialize(2048);
            default -> { }
        }
        return generator.generateKeyPair();
    }
}
