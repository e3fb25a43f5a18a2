package org.cairn.certificates.ui.internal;

import java.util.Map;
import java.util.Optional;

import org.cairn.certificates.core.CertificateFactoryService;
import org.cairn.certificates.core.CertificateStoreService;
import org.cairn.certificates.core.Scope;
import org.cairn.certificates.remote.RemoteComputer;
import org.cairn.certificates.ui.CertificateUiIds;
import org.cairn.console.api.ConsoleException;
import org.cairn.console.api.Icon;
import org.cairn.console.api.SnapIn;
import org.cairn.console.api.SnapInConfiguration;
import org.cairn.console.api.SnapInRoot;
import org.eclipse.swt.widgets.Display;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The Certificates snap-in: asks which account it manages (My user account, Service account, Computer account of
 * this computer or of another one, over SSH) and shows that account's certificate stores, by logical store or by
 * purpose.
 */
@Component(service = SnapIn.class)
public final class CertificatesSnapIn implements SnapIn {

    private final CertificateStoreService stores;
    private final CertificateFactoryService factory;

    /**
     * @param stores  opens the stores of an account
     * @param factory creates self-signed certificates
     */
    @Activate
    public CertificatesSnapIn(@Reference CertificateStoreService stores, @Reference CertificateFactoryService factory) {
        this.stores = stores;
        this.factory = factory;
    }

    @Override
    public String id() {
        return CertificateUiIds.SNAP_IN;
    }

    @Override
    public String name() {
        return Messages.get("snapin.name");
    }

    @Override
    public String vendor() {
        return Messages.get("snapin.vendor");
    }

    @Override
    public String version() {
        return Messages.get("snapin.version");
    }

    @Override
    public String description() {
        return Messages.get("snapin.description");
    }

    @Override
    public Icon icon() {
        return Icon.of(Images.CERTIFICATE.url());
    }

    @Override
    public Optional<SnapInConfiguration> configuration() {
        return Optional.of(new AccountPage(stores.roots()));
    }

    @Override
    public SnapInRoot createRoot(Map<String, String> settings) throws ConsoleException {
        String token = settings.getOrDefault(AccountPage.SCOPE, Scope.currentUser().token());
        Scope scope;
        try {
            scope = Scope.fromToken(token);
        } catch (IllegalArgumentException e) {
            throw new ConsoleException("The console file names an account the Certificates snap-in does not know ("
                    + token + "): remove the snap-in and add it again. " + e.getMessage(), e);
        }
        String computer = settings.get(AccountPage.COMPUTER);
        if (computer != null && scope instanceof Scope.Computer) {
            RemoteComputer remote;
            try {
                remote = RemoteComputer.parse(computer);
            } catch (IllegalArgumentException e) {
                throw new ConsoleException("The console file names another computer the Certificates snap-in cannot "
                        + "read: " + e.getMessage(), e);
            }
            Display display = Display.getCurrent() != null ? Display.getCurrent() : Display.getDefault();
            return new CertificatesRoot(stores, factory, RemoteStores.open(remote, display), ViewMode.from(settings));
        }
        return new CertificatesRoot(stores, factory, scope, ViewMode.from(settings));
    }
}
