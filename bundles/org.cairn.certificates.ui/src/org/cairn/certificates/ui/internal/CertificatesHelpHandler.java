package org.cairn.certificates.ui.internal;

import java.util.List;
import java.util.Optional;

import org.cairn.certificates.ui.CertificateItem;
import org.cairn.console.api.ConsoleIds;
import org.cairn.console.api.ConsoleNode;
import org.cairn.console.api.ResultItem;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/**
 * Help → Certificates Help, shown while a node of the snap-in is selected: the snap-in's help, starting with the
 * backup when a certificate is selected in the details pane, with the stores when a store is.
 */
public final class CertificatesHelpHandler {

    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell,
            @org.eclipse.e4.core.di.annotations.Optional @Named(ConsoleIds.SELECTED_NODE) ConsoleNode node,
            @org.eclipse.e4.core.di.annotations.Optional @Named(ConsoleIds.SELECTED_ITEMS) List<ResultItem> items) {
        Optional<CertificateItem> certificate = items == null ? Optional.empty()
                : items.stream().filter(CertificateItem.class::isInstance).map(CertificateItem.class::cast).findFirst();
        Optional<String> store = StoreTarget.of(node).map(target -> target.logical().displayName())
                .or(() -> Optional.ofNullable(node).filter(PurposeNode.class::isInstance).map(ConsoleNode::label));
        new CertificatesHelpDialog(shell, CertificatesHelp.forSelection(certificate.map(CertificateItem::entry), store))
                .open();
    }
}
