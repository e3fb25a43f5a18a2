package org.cairn.certificates.core;

import java.util.Locale;
import java.util.Optional;

/**
 * The logical certificate stores of a scope, with the names Windows shows and the short names
 * that the command line takes (and that name the store's directory on disk).
 */
public enum LogicalStore {
    /** Personal (My). */
    PERSONAL("Personal", "My"),
    /** Trusted Root Certification Authorities (Root). */
    TRUSTED_ROOT("Trusted Root Certification Authorities", "Root"),
    /** Enterprise Trust (Trust). */
    ENTERPRISE_TRUST("Enterprise Trust", "Trust"),
    /** Intermediate Certification Authorities (CA). */
    INTERMEDIATE("Intermediate Certification Authorities", "CA"),
    /** Trusted Publishers (TrustedPublisher). */
    TRUSTED_PUBLISHERS("Trusted Publishers", "TrustedPublisher"),
    /** Untrusted Certificates (Disallowed). */
    UNTRUSTED("Untrusted Certificates", "Disallowed"),
    /** Third-Party Root Certification Authorities (AuthRoot). */
    THIRD_PARTY_ROOT("Third-Party Root Certification Authorities", "AuthRoot"),
    /** Trusted People (TrustedPeople). */
    TRUSTED_PEOPLE("Trusted People", "TrustedPeople"),
    /** Client Authentication Issuers (ClientAuthIssuer). */
    CLIENT_AUTH_ISSUERS("Client Authentication Issuers", "ClientAuthIssuer"),
    /** Other People (AddressBook). */
    OTHER_PEOPLE("Other People", "AddressBook");

    private final String displayName;
    private final String shortName;

    LogicalStore(String displayName, String shortName) {
        this.displayName = displayName;
        this.shortName = shortName;
    }

    /** @return the name Windows shows, for example "Trusted Root Certification Authorities" */
    public String displayName() {
        return displayName;
    }

    /** @return the short name, for example "Root"; also the store's directory name */
    public String shortName() {
        return shortName;
    }

    /**
     * @param shortName a short name such as {@code My} or {@code root}; case is ignored
     * @return the store, or empty when no store has that short name
     */
    public static Optional<LogicalStore> fromShortName(String shortName) {
        if (shortName == null) {
            return Optional.empty();
        }
        String wanted = shortName.trim().toLowerCase(Locale.ROOT);
        for (LogicalStore store : values()) {
            if (store.shortName.toLowerCase(Locale.ROOT).equals(wanted)) {
                return Optional.of(store);
            }
        }
        return Optional.empty();
    }

    /**
     * Like {@link #fromShortName(String)} but for command-line input: fails with the accepted names.
     *
     * @param shortName the short name
     * @return the store
     * @throws IllegalArgumentException listing the short names when none matches
     */
    public static LogicalStore parse(String shortName) {
        return fromShortName(shortName).orElseThrow(() -> {
            StringBuilder names = new StringBuilder();
            for (LogicalStore store : values()) {
                names.append(names.isEmpty() ? "" : ", ").append(store.shortName);
            }
            return new IllegalArgumentException("Unknown certificate store '" + shortName + "'. Use one of: " + names + ".");
        });
    }
}
