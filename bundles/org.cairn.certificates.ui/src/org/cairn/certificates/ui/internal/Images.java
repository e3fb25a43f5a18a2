package org.cairn.certificates.ui.internal;

import java.net.URL;
import java.time.Instant;

import org.cairn.certificates.core.CertificateEntry;
import org.eclipse.jface.resource.ImageDescriptor;

/** The snap-in's icons (16×16 PNG files in {@code icons/}), loaded through a JFace resource manager by callers. */
public enum Images {
    /** A certificate. */
    CERTIFICATE("certificate.png"),
    /** A certificate with a private key. */
    CERTIFICATE_KEY("certificate-key.png"),
    /** A certificate that is expired, not yet valid or not trusted. */
    CERTIFICATE_INVALID("certificate-invalid.png"),
    /** The same, with a private key. */
    CERTIFICATE_INVALID_KEY("certificate-invalid-key.png");

    private final String file;

    Images(String file) {
        this.file = file;
    }

    /** @return where the image file is inside this bundle */
    public URL url() {
        return Images.class.getResource("/icons/" + file);
    }

    /** @return a descriptor for a resource manager to create the image from */
    public ImageDescriptor descriptor() {
        return ImageDescriptor.createFromURL(url());
    }

    /** @return the list icon of {@code entry}: a key when it has a private key, a red cross when not valid now */
    public static Images of(CertificateEntry entry, Instant now) {
        return of(entry, entry.isValidAt(now));
    }

    /**
     * @param valid whether the certificate is OK (the chain verdict where one is known)
     * @return the list icon of {@code entry}: a key when it has a private key, a red cross when not valid
     */
    public static Images of(CertificateEntry entry, boolean valid) {
        if (entry.hasPrivateKey()) {
            return valid ? CERTIFICATE_KEY : CERTIFICATE_INVALID_KEY;
        }
        return valid ? CERTIFICATE : CERTIFICATE_INVALID;
    }
}
