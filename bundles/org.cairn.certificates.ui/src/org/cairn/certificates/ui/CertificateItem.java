package org.cairn.certificates.ui;

import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.console.api.ResultItem;

/**
 * A certificate row of the Certificates snap-in's details pane, as contributions (the export wizard's All Tasks →
 * Export...) receive it among {@code @Named(ConsoleIds.SELECTED_ITEMS) List<ResultItem>}: its
 * {@link #itemTypeId()} is {@link CertificateUiIds#CERTIFICATE_ITEM}.
 */
public interface CertificateItem extends ResultItem {

    /** @return the certificate, as listed */
    CertificateEntry entry();

    /** @return the store of the snap-in's account that holds it (for rights, keys and chains) */
    CertificateStore store();
}
