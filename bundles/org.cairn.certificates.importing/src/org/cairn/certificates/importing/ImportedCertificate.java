package org.cairn.certificates.importing;

import java.util.Objects;
import java.util.Optional;

import org.cairn.certificates.core.LogicalStore;

/**
 * One certificate of a finished import.
 *
 * @param thumbprint     SHA-1 thumbprint, 40 upper-case hex digits
 * @param subject        subject, RFC 2253
 * @param store          the logical store it is in now
 * @param keyType        the type of the private key imported with it, empty when none
 * @param exportable     whether that key was marked exportable
 * @param friendlyName   the friendly name it got
 * @param alreadyPresent the store held it already, exactly so; it was left unchanged
 */
public record ImportedCertificate(String thumbprint, String subject, LogicalStore store, Optional<String> keyType,
        boolean exportable, String friendlyName, boolean alreadyPresent) {

    public ImportedCertificate {
        Objects.requireNonNull(thumbprint, "thumbprint");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(keyType, "keyType");
        Objects.requireNonNull(friendlyName, "friendlyName");
    }
}
