package org.cairn.certificates.ui.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.cairn.certificates.core.Scope;
import org.cairn.certificates.core.StoreRoots;
import org.cairn.certificates.remote.RemoteComputer;
import org.cairn.certificates.remote.SshSettings;
import org.cairn.certificates.ui.wizard.DialogSize;
import org.cairn.console.api.swt.AccessibleNames;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Listener;
import org.eclipse.swt.widgets.Text;

/**
 * The step shown when the Certificates snap-in is added, as in Windows: "This snap-in will always manage
 * certificates for: My user account / Service account / Computer account", then which service (the services that
 * already have stores, or a typed name), and for the computer "Local computer" or "Another computer:
 * [user@]host[:port]" (over SSH; Browse... lists the Host entries of ~/.ssh/config).
 */
public final class AccountChoice extends Composite {

    private final Button user;
    private final Button service;
    private final Button computer;
    private final org.eclipse.swt.widgets.List services;
    private final Text serviceName;
    private final Button localComputer;
    private final Button another;
    private final Text anotherName;
    private final Button browse;
    private final List<Control> serviceControls = new ArrayList<>();
    private final List<Control> computerControls = new ArrayList<>();

    /**
     * @param parent the composite to fill
     * @param roots  where the stores are, for the list of services that already have one
     */
    public AccountChoice(Composite parent, StoreRoots roots) {
        this(parent, roots, RemoteStores::userSettings);
    }

    /**
     * @param parent the composite to fill
     * @param roots  where the stores are, for the list of services that already have one
     * @param hosts  the SSH settings whose configuration Browse... lists (read there, in the background)
     */
    public AccountChoice(Composite parent, StoreRoots roots, Supplier<SshSettings> hosts) {
        super(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().margins(5, 5).applyTo(this);
        new Label(this, SWT.NONE).setText(Messages.get("scope.question"));
        user = radio(this, "scope.user");
        service = radio(this, "scope.service");
        computer = radio(this, "scope.computer");
        user.setSelection(true);

        Composite serviceBox = section(this);
        serviceControls.add(wrapped(serviceBox, "scope.service.intro", 2));
        serviceControls.add(label(serviceBox, "scope.service.list"));
        services = new org.eclipse.swt.widgets.List(serviceBox, SWT.SINGLE | SWT.BORDER | SWT.V_SCROLL);
        GridDataFactory.fillDefaults().grab(true, false)
                .hint(SWT.DEFAULT, DialogSize.heightInLines(this, 4)).applyTo(services);
        serviceControls.add(services);
        Label serviceNameLabel = label(serviceBox, "scope.service.name");
        serviceControls.add(serviceNameLabel);
        serviceName = AccessibleNames.labelledBy(serviceNameLabel, new Text(serviceBox, SWT.BORDER));
        GridDataFactory.fillDefaults().grab(true, false).applyTo(serviceName);
        serviceControls.add(serviceName);
        List<String> existing = existingServices(roots);
        if (existing.isEmpty()) {
            services.add(Messages.get("scope.service.none"));
        } else {
            existing.forEach(services::add);
            services.addListener(SWT.Selection, event -> {
                if (services.getSelectionIndex() >= 0) {
                    serviceName.setText(services.getItem(services.getSelectionIndex()));
                }
            });
        }

        Composite computerBox = section(this);
        computerControls.add(wrapped(computerBox, "scope.computer.intro", 2));
        localComputer = radio(computerBox, "scope.computer.local");
        GridDataFactory.fillDefaults().span(2, 1).applyTo(localComputer);
        localComputer.setSelection(true);
        computerControls.add(localComputer);
        another = radio(computerBox, "scope.computer.another");
        GridDataFactory.fillDefaults().span(2, 1).applyTo(another);
        computerControls.add(another);
        anotherName = AccessibleNames.named(new Text(computerBox, SWT.BORDER),
                AccessibleNames.plain(another.getText()));
        GridDataFactory.fillDefaults().grab(true, false).indent(30, 0).applyTo(anotherName);
        browse = new Button(computerBox, SWT.PUSH);
        browse.setText(Messages.get("scope.computer.another.browse"));
        browse.addListener(SWT.Selection, event -> {
            HostsDialog dialog = new HostsDialog(getShell(), hosts.get()); // reads the file in the background
            if (dialog.open() == org.eclipse.jface.window.Window.OK) {
                dialog.chosen().ifPresent(anotherName::setText);
            }
        });
        Label note = wrapped(computerBox, "scope.computer.another.note", 2);
        GridDataFactory.createFrom((org.eclipse.swt.layout.GridData) note.getLayoutData()).indent(30, 0).applyTo(note);
        computerControls.add(note);

        Listener update = event -> updateEnablement();
        for (Button radio : List.of(user, service, computer, localComputer, another)) {
            radio.addListener(SWT.Selection, update);
        }
        anotherName.addListener(SWT.Modify, event -> {
            if (!anotherName.getText().isBlank() && !another.getSelection() && computer.getSelection()) {
                another.setSelection(true);
                localComputer.setSelection(false);
                updateEnablement();
            }
        });
        updateEnablement();
    }

    private static Composite section(Composite parent) {
        Composite box = new Composite(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).indent(20, 8).applyTo(box);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(box);
        return box;
    }

    private static Button radio(Composite parent, String key) {
        Button radio = new Button(parent, SWT.RADIO);
        radio.setText(Messages.get(key));
        GridDataFactory.fillDefaults().indent(10, 0).applyTo(radio);
        return radio;
    }

    private static Label label(Composite parent, String key) {
        Label label = new Label(parent, SWT.NONE);
        label.setText(Messages.get(key));
        GridDataFactory.swtDefaults().align(SWT.BEGINNING, SWT.BEGINNING).applyTo(label);
        return label;
    }

    private static Label wrapped(Composite parent, String key, int span) {
        Label label = new Label(parent, SWT.WRAP);
        label.setText(Messages.get(key));
        GridDataFactory.fillDefaults().span(span, 1).grab(true, false)
                .hint(DialogSize.widthInChars(parent, 51), SWT.DEFAULT).applyTo(label);
        return label;
    }

    private void updateEnablement() {
        serviceControls.forEach(control -> control.setEnabled(service.getSelection()));
        computerControls.forEach(control -> control.setEnabled(computer.getSelection()));
        anotherName.setEnabled(computer.getSelection());
        browse.setEnabled(computer.getSelection());
    }

    /** Adds {@code listener} for any change of the choice (radio or service name). */
    public void addChangeListener(Listener listener) {
        for (Button radio : List.of(user, service, computer)) {
            radio.addListener(SWT.Selection, listener);
        }
        serviceName.addListener(SWT.Modify, listener);
        services.addListener(SWT.Selection, listener);
        localComputer.addListener(SWT.Selection, listener);
        another.addListener(SWT.Selection, listener);
        anotherName.addListener(SWT.Modify, listener);
    }

    /**
     * @return the other computer chosen ("Another computer:" with a valid name); empty for the local computer, the
     *         other accounts, and while the name is not valid
     */
    public Optional<RemoteComputer> remoteComputer() {
        if (!computer.getSelection() || !another.getSelection()) {
            return Optional.empty();
        }
        try {
            return Optional.of(RemoteComputer.parse(anotherName.getText()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** @return the chosen scope; empty while a service account is chosen without a valid name */
    public Optional<Scope> scope() {
        if (user.getSelection()) {
            return Optional.of(Scope.currentUser());
        }
        if (computer.getSelection()) {
            return Optional.of(Scope.computer());
        }
        try {
            return Optional.of(Scope.service(serviceName.getText().strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** @return what stops the choice from being accepted, for the page's message; empty when it can be */
    public Optional<String> problem() {
        if (computer.getSelection() && another.getSelection() && remoteComputer().isEmpty()) {
            String name = anotherName.getText().strip();
            return Optional.of(name.isEmpty() ? Messages.get("scope.computer.another.missing")
                    : Messages.format("scope.computer.another.invalid", name));
        }
        return scope().isPresent() ? Optional.empty() : Optional.of(Messages.get("scope.service.invalid"));
    }

    /** Chooses "Another computer" named {@code name} (for a test). */
    public void selectRemote(String name) {
        select(Scope.computer());
        localComputer.setSelection(false);
        another.setSelection(true);
        anotherName.setText(name);
        updateEnablement();
    }

    /** Chooses {@code scope} (for a console file or a test). */
    public void select(Scope scope) {
        user.setSelection(scope instanceof Scope.CurrentUser);
        service.setSelection(scope instanceof Scope.Service);
        computer.setSelection(scope instanceof Scope.Computer);
        if (scope instanceof Scope.Service named) {
            serviceName.setText(named.name());
        }
        updateEnablement();
    }

    /** @return the services that already have a store under {@code roots}, sorted by name */
    public static List<String> existingServices(StoreRoots roots) {
        Path dir = roots.servicesDir();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(Files::isDirectory).map(path -> path.getFileName().toString())
                    .filter(AccountChoice::validServiceName).sorted(String.CASE_INSENSITIVE_ORDER).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static boolean validServiceName(String name) {
        try {
            Scope.service(name);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** @return the root node's label for {@code scope}, as Windows names it */
    public static String rootLabel(Scope scope) {
        return switch (scope) {
            case Scope.CurrentUser ignored -> Messages.get("scope.root.user");
            case Scope.Service named -> Messages.format("scope.root.service", named.name());
            case Scope.Computer ignored -> Messages.get("scope.root.computer");
        };
    }

    /** @return the root node's label for the computer scope of {@code computer}: "Certificates (HOST)" */
    public static String rootLabel(RemoteComputer computer) {
        return Messages.format("scope.root.remote", computer.toString());
    }
}
