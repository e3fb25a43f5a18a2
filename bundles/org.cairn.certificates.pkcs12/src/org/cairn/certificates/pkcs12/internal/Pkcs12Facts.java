package org.cairn.certificates.pkcs12.internal;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a PKCS #12 file holds, as far as reading got: filled by {@link Pkcs12Reader} as it goes, so that a file that
 * fails half-way is still described up to that point (for {@code inspect}). Structured data only: the reader
 * predictions and the export's read-back go by these fields, never by names in text.
 */
public final class Pkcs12Facts {

    /** How the integrity check is computed. */
    public enum MacKind {
        /** HMAC with a key from the PKCS #12 key derivation (RFC 7292 appendix B). */
        PKCS12_KDF,
        /** PBMAC1 (RFC 9579): HMAC with a key from PBKDF2. */
        PBMAC1
    }

    /**
     * The integrity check.
     *
     * @param kind       how it is computed
     * @param digest     the HMAC's digest ("SHA-256")
     * @param prf        PBMAC1's PBKDF2 pseudo-random function's digest, empty for the PKCS #12 KDF
     * @param name       as people name it: "HMAC-SHA-256 (PKCS #12 KDF)", ...
     * @param iterations its iteration count
     * @param saltLength its salt's length in bytes
     * @param verified   whether the password made it verify
     */
    public record Mac(MacKind kind, String digest, Optional<String> prf, String name, int iterations, int saltLength,
            boolean verified) {
    }

    /** How a safe is protected. */
    public enum Protection { NONE, PASSWORD, PUBLIC_KEY }

    /**
     * One safe of the authenticated safe.
     *
     * @param index      position, from 1
     * @param protection how it is protected
     * @param scheme     its encryption, for password-protected safes
     * @param opened     whether its bags could be read
     */
    public record Safe(int index, Protection protection, Optional<Pbe.Scheme> scheme, boolean opened) {
    }

    /** Bag types (RFC 7292 section 4.2), and OTHER for unknown ones. */
    public enum BagType {
        KEY("keyBag"), SHROUDED_KEY("pkcs8ShroudedKeyBag"), CERTIFICATE("certBag"), CRL("crlBag"), SECRET("secretBag"),
        SAFE_CONTENTS("safeContentsBag"), OTHER("unknown bag");

        private final String displayName;

        BagType(String displayName) {
            this.displayName = displayName;
        }

        /** @return the name RFC 7292 gives it */
        public String displayName() {
            return displayName;
        }
    }

    /**
     * One bag.
     *
     * @param safe        the safe it is in (its index)
     * @param type        its type
     * @param typeOid     its type's OID
     * @param summary     the certificate's subject, the key's type, ...
     * @param scheme      the key's encryption (shrouded key bags)
     * @param attributes  its attributes
     * @param certificate the certificate (X.509 certificate bags)
     * @param key         the private key (key and shrouded key bags)
     */
    public record Bag(int safe, BagType type, String typeOid, String summary, Optional<Pbe.Scheme> scheme,
            Pkcs12Attributes.Decoded attributes, Optional<X509Certificate> certificate, Optional<PrivateKey> key) {
    }

    int version;
    Optional<Mac> mac = Optional.empty();
    Optional<String> passwordForm = Optional.empty();
    final List<Safe> safes = new ArrayList<>();
    final List<Bag> bags = new ArrayList<>();
    final List<Pbe.Scheme> schemes = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    boolean nonAsciiPassword;
    boolean passwordGiven;
    boolean hasMac;
    Optional<Pkcs12Exception> failure = Optional.empty();

    /** Empty, to be filled by a read. */
    public Pkcs12Facts() {
    }

    /**
     * @param failure why a file could not be read before the PKCS #12 reader saw it (its outer encoding is damaged)
     * @return facts that say only that
     */
    public static Pkcs12Facts unreadable(Pkcs12Exception failure) {
        Pkcs12Facts facts = new Pkcs12Facts();
        facts.failure = Optional.of(failure);
        return facts;
    }

    /** @return the PFX version (3), 0 when not read */
    public int version() {
        return version;
    }

    /** @return the integrity check, empty when the file has none (or it was not reached) */
    public Optional<Mac> mac() {
        return mac;
    }

    /** @return whether the file has no MAC (known only once the outer structure was read) */
    public boolean noMac() {
        return version != 0 && !hasMac;
    }

    /** @return which password form opened it: "given", "empty (BMPString 00 00)", "absent (NULL)" */
    public Optional<String> passwordForm() {
        return passwordForm;
    }

    /** @return the safes, in order */
    public List<Safe> safes() {
        return List.copyOf(safes);
    }

    /** @return the bags read, in file order (nested ones after their safeContents bag) */
    public List<Bag> bags() {
        return List.copyOf(bags);
    }

    /** @return every encryption scheme seen (safes and keys) */
    public List<Pbe.Scheme> schemes() {
        return List.copyOf(schemes);
    }

    /** @return what was left out and why */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    /** @return whether the password given has characters outside ASCII */
    public boolean nonAsciiPassword() {
        return nonAsciiPassword;
    }

    /** @return whether a (non-empty) password was given for the read */
    public boolean passwordGiven() {
        return passwordGiven;
    }

    /** @return why reading stopped, when it did */
    public Optional<Pkcs12Exception> failure() {
        return failure;
    }

    /** @return whether an unencrypted key bag was seen */
    public boolean plainKeyBag() {
        return bags.stream().anyMatch(b -> b.type() == BagType.KEY);
    }

    /** @return whether a CRL bag was seen */
    public boolean crlBag() {
        return bags.stream().anyMatch(b -> b.type() == BagType.CRL);
    }

    /** @return the certificates read */
    public long certificates() {
        return bags.stream().filter(b -> b.certificate().isPresent()).count();
    }

    /** @return the keys read */
    public long keys() {
        return bags.stream().filter(b -> b.key().isPresent()).count();
    }
}
