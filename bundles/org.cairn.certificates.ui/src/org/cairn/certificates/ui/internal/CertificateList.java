package org.cairn.certificates.ui.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.TrustEverywhere;
import org.cairn.console.api.Column;
import org.cairn.console.api.ListView;

/**
 * The details pane of a "Certificates" folder or a purpose: Windows' columns over the listed certificates. The rows
 * are thin wrappers over the entries' summaries, so 10,000 of them cost little; the host draws them virtually. The
 * Status column's chain verdicts are computed for the rows drawn and kept for this listing ({@link ChainVerdicts}),
 * those of the first rows here, where the listing is made off the UI thread.
 */
final class CertificateList implements ListView {

    private static final List<Column> COLUMNS = windowsColumns();

    private final List<CertificateRow> rows;
    private final String emptyMessage;

    CertificateList(CertificateStore store, List<CertificateEntry> entries, String emptyMessage,
            Optional<TrustEverywhere> everywhere) {
        Instant now = Instant.now();
        ChainVerdicts verdicts = new ChainVerdicts(store);
        verdicts.prepare(entries);
        List<CertificateRow> list = new ArrayList<>(entries.size());
        for (CertificateEntry entry : entries) {
            list.add(new CertificateRow(store, entry, now, verdicts, everywhere));
        }
        this.rows = List.copyOf(list);
        this.emptyMessage = emptyMessage;
    }

    private static List<Column> windowsColumns() {
        List<Column> columns = new ArrayList<>();
        for (CertificateColumn column : CertificateColumn.values()) {
            columns.add(Column.of(column.id(), column.title(), column.width()));
        }
        return List.copyOf(columns);
    }

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public List<CertificateRow> items() {
        return rows;
    }

    @Override
    public String emptyMessage() {
        return emptyMessage;
    }
}
