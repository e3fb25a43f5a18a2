package com.example.keystores;

import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

import org.cairn.certificates.ui.CertificateItem;
import org.cairn.console.api.ConsoleIds;
import org.cairn.console.api.ResultItem;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/**
 * Action → All Tasks → Copy SHA-256 Fingerprint on certificates of the Certificates snap-in (a snap-in this bundle
 * extends, not owns): puts the SHA-256 fingerprint of each selected certificate on the clipboard, one a line, in
 * the form {@code openssl x509 -fingerprint -sha256} and {@code keytool -list -v} print (upper-case hex pairs
 * separated by colons), so that it can be compared with theirs. The fingerprint comes from the store's listing
 * (no disk read on the Display thread).
 */
public final class CopyFingerprintHandler {

    @CanExecute
    public boolean canExecute(@Optional @Named(ConsoleIds.SELECTED_ITEMS) List<ResultItem> items) {
        return items != null && !items.isEmpty() && items.stream().allMatch(CertificateItem.class::isInstance);
    }

    @Execute
    public void execute(@Named(ConsoleIds.SELECTED_ITEMS) List<ResultItem> items,
            @Named(IServiceConstants.ACTIVE_SHELL) Shell shell) {
        String text = items.stream().map(item -> format(((CertificateItem) item).entry().sha256()))
                .collect(Collectors.joining("\n"));
        Clipboard clipboard = new Clipboard(shell.getDisplay());
        try {
            clipboard.setContents(new Object[] { text }, new Transfer[] { TextTransfer.getInstance() });
        } finally {
            clipboard.dispose();
        }
    }

    /** {@code AB12...} (64 hex digits) → {@code AB:12:...} */
    static String format(String hex) {
        byte[] bytes = HexFormat.of().parseHex(hex);
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(bytes);
    }
}
