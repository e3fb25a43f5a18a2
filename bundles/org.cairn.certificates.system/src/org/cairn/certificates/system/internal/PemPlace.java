package org.cairn.certificates.system.internal;

import java.util.List;
import java.util.Optional;

/**
 * One place where Linux services keep certificate and key files, as the system names it.
 *
 * @param name           the physical store's name, for example {@code Files: /etc/ssl}
 * @param certDir        the directory of certificate files (absolute, as the system names it)
 * @param keyDir         the directory of key files (the same as {@code certDir} where they sit together)
 * @param perSubdirectory whether each sub-directory of {@code certDir} is one pair's folder (certbot's live/NAME)
 * @param readOnly       empty when Cairn may add here; else why not
 * @param sslCertGroup   whether new key files go to group {@code ssl-cert} with mode 0640 (Debian's convention for
 *                       /etc/ssl/private, where that group exists); else 0600
 * @param unit           for a service's systemd unit: the files it loads ({@code LoadCredential=}), which are then the
 *                       place's files instead of the folders
 */
record PemPlace(String name, String certDir, String keyDir, boolean perSubdirectory, Optional<String> readOnly,
        boolean sslCertGroup, Optional<UnitCredentials> unit) {

    PemPlace(String name, String certDir, String keyDir, boolean perSubdirectory, Optional<String> readOnly,
            boolean sslCertGroup) {
        this(name, certDir, keyDir, perSubdirectory, readOnly, sslCertGroup, Optional.empty());
    }

    /**
     * @param credentials a service unit's credential files
     * @return the place of those files: read-only, since the unit names them
     */
    static PemPlace unit(UnitCredentials credentials) {
        return new PemPlace("systemd: " + credentials.unit(), "/", "/", false, Optional.of("The unit "
                + credentials.unit() + " loads these files (LoadCredential= in " + credentials.unitFile() + "); Cairn"
                + " does not change them. Replace the files the unit names, then restart it (systemctl restart "
                + credentials.unit() + ")."), false, Optional.of(credentials));
    }

    /** Debian, Ubuntu and others: {@code /etc/ssl/certs} and {@code /etc/ssl/private}. */
    static final PemPlace SSL = new PemPlace("Files: /etc/ssl", "/etc/ssl/certs", "/etc/ssl/private", false,
            Optional.empty(), true);
    /** Fedora, RHEL: {@code /etc/pki/tls/certs} and {@code /etc/pki/tls/private}. */
    static final PemPlace PKI_TLS = new PemPlace("Files: /etc/pki/tls", "/etc/pki/tls/certs", "/etc/pki/tls/private",
            false, Optional.empty(), false);
    /** certbot's live folders: read-only, since each renewal rewrites them. */
    static final PemPlace LETSENCRYPT = new PemPlace("certbot: /etc/letsencrypt/live", "/etc/letsencrypt/live",
            "/etc/letsencrypt/live", true, Optional.of("certbot owns /etc/letsencrypt/live and rewrites it at every"
                    + " renewal; change these certificates with certbot (certbot certonly, certbot delete)."), false);
    /** systemd's credential store, which units load with {@code LoadCredential=}. */
    static final PemPlace CREDSTORE = new PemPlace("systemd: /etc/credstore", "/etc/credstore", "/etc/credstore", false,
            Optional.empty(), false);

    /** All places, in the order they are shown. */
    static final List<PemPlace> ALL = List.of(SSL, PKI_TLS, LETSENCRYPT, CREDSTORE);

    boolean together() {
        return certDir.equals(keyDir);
    }
}
