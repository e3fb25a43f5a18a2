package org.cairn.certificates.ui.internal;

import java.time.Instant;
import java.util.Comparator;
import java.util.function.Function;

import org.cairn.certificates.core.CertificateEntry;

/**
 * The columns of the details pane when it lists certificates, in Windows' order, with what each shows and how it
 * sorts. Every column reads only the entry's summary (the store's index, which holds the certificate template too),
 * so a list of 10,000 certificates sorts without parsing one.
 */
public enum CertificateColumn {
    /** The subject's common name. */
    ISSUED_TO("issuedTo", "column.issuedTo", 180, CertificateEntry::issuedTo),
    /** The issuer's common name. */
    ISSUED_BY("issuedBy", "column.issuedBy", 180, CertificateEntry::issuedBy),
    /** The end of the validity period, as a short date; sorts by instant. */
    EXPIRATION_DATE("expirationDate", "column.expirationDate", 125, entry -> Formats.shortDate(entry.notAfter())),
    /** The EKU purposes, or "<All>". */
    INTENDED_PURPOSES("intendedPurposes", "column.intendedPurposes", 200, entry -> Formats.purposes(entry.purposes())),
    /** The friendly name, or "<None>". */
    FRIENDLY_NAME("friendlyName", "column.friendlyName", 140,
            entry -> entry.friendlyName().isEmpty() ? Messages.get("value.none") : entry.friendlyName()),
    /**
     * Here (Find Certificates' table): empty for a certificate valid now, "Expired" or "Not yet valid" otherwise. The
     * console's list shows the chain verdict instead (see {@code CertificateRow}).
     */
    STATUS("status", "column.status", 100, entry -> CertificateColumn.status(entry, Instant.now())),
    /** The Microsoft certificate template the certificate names, if any. */
    CERTIFICATE_TEMPLATE("template", "column.template", 140, CertificateEntry::template);

    private final String id;
    private final String titleKey;
    private final int width;
    private final Function<CertificateEntry, String> text;

    CertificateColumn(String id, String titleKey, int width, Function<CertificateEntry, String> text) {
        this.id = id;
        this.titleKey = titleKey;
        this.width = width;
        this.text = text;
    }

    /** @return the stable column id (saved in console files) */
    public String id() {
        return id;
    }

    /** @return the heading */
    public String title() {
        return Messages.get(titleKey);
    }

    /** @return the default width in pixels */
    public int width() {
        return width;
    }

    /** @return the text shown for {@code entry} */
    public String text(CertificateEntry entry) {
        return text.apply(entry);
    }

    /** @return the value the column sorts on: instants for the date, case-insensitive text otherwise */
    public Comparable<?> sortKey(CertificateEntry entry) {
        return this == EXPIRATION_DATE ? entry.notAfter() : text(entry).toLowerCase(java.util.Locale.ROOT);
    }

    /** @return the order of this column, ties broken by Issued To then thumbprint so that sorting is stable */
    public Comparator<CertificateEntry> comparator() {
        Comparator<CertificateEntry> primary = this == EXPIRATION_DATE
                ? Comparator.comparing(CertificateEntry::notAfter)
                : Comparator.comparing(entry -> text(entry), String.CASE_INSENSITIVE_ORDER);
        return primary.thenComparing(CertificateEntry::issuedTo, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(CertificateEntry::thumbprint);
    }

    /** @return the column whose id is {@code id}, if any */
    public static java.util.Optional<CertificateColumn> byId(String id) {
        for (CertificateColumn column : values()) {
            if (column.id.equals(id)) {
                return java.util.Optional.of(column);
            }
        }
        return java.util.Optional.empty();
    }

    /** @return "Expired", "Not yet valid" or empty, for {@code entry} at {@code now} */
    public static String status(CertificateEntry entry, Instant now) {
        if (now.isAfter(entry.notAfter())) {
            return Messages.get("status.expired");
        }
        if (now.isBefore(entry.notBefore())) {
            return Messages.get("status.notYetValid");
        }
        return "";
    }
}
