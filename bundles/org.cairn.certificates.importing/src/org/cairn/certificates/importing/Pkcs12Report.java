package org.cairn.certificates.importing;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a PKCS #12 file holds, as {@code cairn cert inspect} shows it: its integrity protection, its safes and
 * bags with their algorithms and iteration counts, the bag attributes, and which readers can open it.
 *
 * @param version  the PFX version (3)
 * @param mac      the integrity check (MAC), empty when the file has none
 * @param password how the password was used: "given", "empty (BMPString 00 00)", "absent (NULL)", or empty when
 *                 nothing needed one or the file could not be opened
 * @param safes    the safes of the authenticated safe, in order
 * @param bags     the bags that could be read (those in encrypted safes only when the password opens them)
 * @param problem  why the file (or part of it) could not be read, empty when it was read completely
 * @param readers  which readers are expected to open it, and why not when they are not
 */
public record Pkcs12Report(int version, Optional<Mac> mac, Optional<String> password, List<Safe> safes, List<Bag> bags,
        Optional<String> problem, List<ReaderSupport> readers) {

    public Pkcs12Report {
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(password, "password");
        safes = List.copyOf(safes);
        bags = List.copyOf(bags);
        Objects.requireNonNull(problem, "problem");
        readers = List.copyOf(readers);
    }

    /**
     * @param algorithm  "HMAC-SHA-256 (PKCS #12 KDF)", "PBMAC1 HMAC-SHA-256 (PBKDF2 HMAC-SHA-256)", ...
     * @param iterations the iteration count
     * @param saltLength the salt's length in bytes
     * @param verified   whether the password made it verify
     */
    public record Mac(String algorithm, int iterations, int saltLength, boolean verified) {
    }

    /**
     * @param index      position in the authenticated safe, from 1
     * @param protection "none", "password" (encryptedData) or "public key" (envelopedData)
     * @param algorithm  the encryption, empty when none
     * @param iterations its iteration count, 0 when none
     * @param opened     whether its bags could be read
     */
    public record Safe(int index, String protection, Optional<String> algorithm, int iterations, boolean opened) {
    }

    /**
     * @param safe       the safe it is in (its index)
     * @param type       "certBag", "keyBag", "pkcs8ShroudedKeyBag", "crlBag", "secretBag", "safeContentsBag"
     * @param summary    the certificate's subject, the key's type, ...
     * @param algorithm  the key's encryption (shrouded key bags), empty otherwise
     * @param iterations its iteration count, 0 when none
     * @param attributes the bag attributes
     */
    public record Bag(int safe, String type, String summary, Optional<String> algorithm, int iterations,
            List<Attribute> attributes) {
        public Bag {
            attributes = List.copyOf(attributes);
        }
    }

    /**
     * @param oid   the attribute's OID
     * @param name  its name when known ("friendlyName", "localKeyId", ...), else the OID
     * @param value its value as text (hex for bytes)
     */
    public record Attribute(String oid, String name, String value) {
    }

    /**
     * @param reader "Windows 10 1709+ / Server 2019+", "OpenSSL 3 (default provider)", ...
     * @param opens  whether it is expected to open the file
     * @param why    the reason when it is not (or a condition), empty otherwise
     */
    public record ReaderSupport(String reader, boolean opens, String why) {
    }
}
