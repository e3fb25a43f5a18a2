package org.cairn.certificates.ui.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.cairn.certificates.core.Scope;
import org.cairn.certificates.core.StoreRoots;
import org.cairn.console.api.swt.ConfigurationPage;
import org.cairn.console.api.swt.ConfigurationSite;
import org.eclipse.swt.widgets.Composite;

/** The Certificates snap-in's configuration step: {@link AccountChoice} in the host's Add snap-in dialog. */
final class AccountPage implements ConfigurationPage {

    static final String SCOPE = "scope";
    /** For "Another computer": {@code [user@]host[:port]} as typed; the scope is then that computer's. */
    static final String COMPUTER = "computer";

    private final StoreRoots roots;
    private AccountChoice choice;
    private Map<String, String> settings = Map.of(SCOPE, Scope.currentUser().token());

    AccountPage(StoreRoots roots) {
        this.roots = roots;
    }

    @Override
    public String title() {
        return Messages.get("scope.title");
    }

    @Override
    public String description() {
        return Messages.get("scope.page.description");
    }

    @Override
    public void createControls(Composite parent, ConfigurationSite site) {
        choice = new AccountChoice(parent, roots);
        choice.addChangeListener(event -> {
            update();
            site.setComplete(choice.problem().isEmpty(), choice.problem());
        });
        update();
        site.setComplete(true, java.util.Optional.empty());
    }

    private void update() {
        choice.scope().ifPresent(scope -> {
            Map<String, String> chosen = new LinkedHashMap<>();
            chosen.put(SCOPE, scope.token());
            choice.remoteComputer().ifPresent(computer -> chosen.put(COMPUTER, computer.toString()));
            ViewMode.DEFAULT.into(chosen);
            settings = Map.copyOf(chosen);
        });
    }

    @Override
    public Map<String, String> settings() {
        return settings;
    }
}
