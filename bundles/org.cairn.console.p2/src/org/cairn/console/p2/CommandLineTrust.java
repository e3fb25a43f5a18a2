package org.cairn.console.p2;

import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.bouncycastle.openpgp.PGPPublicKey;
import org.eclipse.equinox.p2.core.UIServices;

/**
 * p2's trust decisions for the command line, which cannot ask anybody: p2's certificate check (the engine's CheckTrust
 * phase) hands over the artifacts it found unsigned and the signers it does not already trust. Unsigned content is
 * trusted only with --trust-unsigned; a signer only when its certificate was named with --trust-signer. What is
 * refused is recorded so that the command can name it; p2 then fails the phase and rolls the profile back.
 */
final class CommandLineTrust extends UIServices {
    private final boolean trustUnsigned;
    private final Set<Certificate> trustedSigners;
    private final List<String> refusedUnsigned = new ArrayList<>();
    private final List<String> refusedSigners = new ArrayList<>();

    CommandLineTrust(boolean trustUnsigned, Set<Certificate> trustedSigners) {
        this.trustUnsigned = trustUnsigned;
        this.trustedSigners = Set.copyOf(trustedSigners);
    }

    @Override
    public AuthenticationInfo getUsernamePassword(String location) {
        return AUTHENTICATION_PROMPT_CANCELED;
    }

    @Override
    public AuthenticationInfo getUsernamePassword(String location, AuthenticationInfo previousInfo) {
        return AUTHENTICATION_PROMPT_CANCELED;
    }

    @Override
    public TrustInfo getTrustInfo(Certificate[][] untrustedChains, String[] unsignedDetail) {
        return getTrustInfo(untrustedChains, List.of(), unsignedDetail);
    }

    @Override
    public synchronized TrustInfo getTrustInfo(Certificate[][] untrustedChains,
            Collection<PGPPublicKey> untrustedPGPKeys, String[] unsignedDetail) {
        List<Certificate> trusted = new ArrayList<>();
        if (untrustedChains != null) {
            for (Certificate[] chain : untrustedChains) {
                if (chain == null || chain.length == 0) {
                    continue;
                }
                if (Arrays.stream(chain).anyMatch(trustedSigners::contains)) {
                    trusted.add(chain[0]);
                } else {
                    refusedSigners.add(describe(chain[0]));
                }
            }
        }
        if (untrustedPGPKeys != null) {
            for (PGPPublicKey key : untrustedPGPKeys) {
                refusedSigners.add("OpenPGP key " + Long.toHexString(key.getKeyID()).toUpperCase());
            }
        }
        if (unsignedDetail != null && !trustUnsigned) {
            refusedUnsigned.addAll(Arrays.asList(unsignedDetail));
        }
        return new TrustInfo(trusted, List.of(), false, trustUnsigned);
    }

    synchronized List<String> refusedUnsigned() {
        return List.copyOf(refusedUnsigned);
    }

    synchronized List<String> refusedSigners() {
        return List.copyOf(refusedSigners);
    }

    private static String describe(Certificate certificate) {
        if (certificate instanceof X509Certificate x509) {
            return x509.getSubjectX500Principal().getName() + " (serial " + x509.getSerialNumber().toString(16) + ")";
        }
        return certificate.getType() + " certificate";
    }
}
