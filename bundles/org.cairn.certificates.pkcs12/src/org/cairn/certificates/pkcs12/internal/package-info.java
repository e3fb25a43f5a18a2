/**
 * The one owner of the PKCS #12 format for reading: the structure ({@link Pkcs12Reader}, on Bouncy Castle's
 * {@code PKCS12PfxPdu}), password-based decryption and MACs ({@link Pbe}), the bag attributes both ways
 * ({@link Pkcs12Attributes}), and the bounds on every number a file controls ({@link Limits}, {@link WorkBudget},
 * {@link Der}). The import service, {@code cairn cert inspect} and the export's read-back all read through it.
 *
 * <p>The export's writer ({@code Pkcs12Encoder} in the export bundle) does not use this package's cryptography:
 * it derives keys, encrypts and computes the MAC with the Java runtime's {@code SecretKeyFactory} (PBKDF2,
 * PKCS #12 KDF), {@code Cipher} and {@code Mac}, while this reader uses Bouncy Castle's lightweight key derivations,
 * engines and HMAC (PBKDF2 on Bouncy Castle's digests too). The two share only the SHA compression function of the
 * MAC's PKCS #12 KDF ({@link JdkDigest}) and the attribute encodings, so the read-back after an export is a real check
 * of the writer's key derivation, encryption and MAC;
 * the attribute encodings are checked independently by the export's interoperability tests (OpenSSL, keytool, NSS,
 * GnuTLS, python-cryptography). Exported to the import and export bundles only ({@code x-friends}).</p>
 */
package org.cairn.certificates.pkcs12.internal;
