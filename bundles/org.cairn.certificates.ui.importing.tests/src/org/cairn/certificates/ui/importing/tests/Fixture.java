package org.cairn.certificates.ui.importing.tests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateFactoryService;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.CertificateStoreService;
import org.cairn.certificates.core.CertificateStores;
import org.cairn.certificates.core.KeyAlgorithm;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.Scope;
import org.cairn.certificates.core.spi.PhysicalStore;
import org.cairn.certificates.core.spi.StoreContext;
import org.cairn.certificates.export.CertificateExportService;
import org.cairn.certificates.export.ExportFormat;
import org.cairn.certificates.export.ExportRequest;
import org.cairn.certificates.export.ExportSource;
import org.cairn.certificates.ui.CertificateStoreNode;
import org.cairn.console.api.ConsoleIds;
import org.cairn.console.api.ConsoleNode;
import org.cairn.console.api.SnapIn;
import org.cairn.testing.process.Repository;
import org.cairn.testing.ui.SWTBot;
import org.cairn.testing.ui.UIThreadRunnable;
import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.core.contexts.EclipseContextFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.swt.widgets.Shell;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * What the tests need around the wizard: the running application's services, fresh real stores (a service
 * account of its own per test, under {@code -Dcairn.store.root}: the "other computer"), files written by the export
 * service and by openssl, the import command run on a node of the Certificates snap-in, and the stored private key
 * read back for a signature check.
 */
final class Fixture {

    static final String IMPORT_COMMAND = "org.cairn.certificates.command.import";
    static final String EXPORT_COMMAND = "org.cairn.certificates.command.export";
    static final String SELECTED_ENTRIES = "org.cairn.certificates.selectedEntries";
    static final String PASSWORD = "Restore-8-On-Another-Computer";

    private Fixture() {
    }

    static <T> T service(Class<T> type) {
        BundleContext context = FrameworkUtil.getBundle(Fixture.class).getBundleContext();
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        try {
            T service = tracker.waitForService(20_000);
            if (service == null) {
                throw new AssertionError("No " + type.getName() + " service within 20 s");
            }
            return service;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static IEclipseContext applicationContext() {
        return service(IWorkbench.class).getApplication().getContext();
    }

    static Shell window(SWTBot bot) {
        return UIThreadRunnable.syncExec(bot.display(),
                () -> (Shell) applicationContext().get(MApplication.class).getChildren().get(0).getWidget());
    }

    /** @return a service account no other test used: its stores are empty */
    static Scope freshScope(String test) {
        return Scope.service(test + "-" + UUID.randomUUID().toString().substring(0, 8));
    }

    static CertificateStore store(Scope scope) throws Exception {
        return service(CertificateStoreService.class).open(scope);
    }

    /** @return a new empty folder for the files of one test */
    static Path folder(String test) throws IOException {
        Path base = Path.of(System.getProperty("cairn.store.root", "target/stores")).toAbsolutePath()
                .resolveSibling("files");
        Path folder = base.resolve(test + "-" + UUID.randomUUID().toString().substring(0, 8));
        Files.createDirectories(folder);
        return folder;
    }

    /** Installs a new demo chain (root, intermediate, leaf with its key in Personal) in a scratch account. */
    static CertificateEntry demoLeaf(String name) throws Exception {
        CertificateFactoryService factory = service(CertificateFactoryService.class);
        return factory.install(store(freshScope("source")), factory.createDemoChain(name, KeyAlgorithm.EC_P256));
    }

    /** @return a name no earlier run used */
    static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Writes {@code entry} with the export service: PKCS #12 with its key and chain (and extended properties). */
    static Path exportPfx(CertificateEntry entry, Path file, boolean extendedProperties) throws Exception {
        try (ExportRequest request = ExportRequest.builder(ExportSource.of(entry), ExportFormat.PKCS12, file)
                .includePrivateKey(true).includeChain(true).extendedProperties(extendedProperties)
                .password(PASSWORD.toCharArray()).build()) {
            service(CertificateExportService.class).export(request);
        }
        return file;
    }

    /** Writes {@code entry} with the export service in a certificate format (chain for PKCS #7 when asked). */
    static Path export(CertificateEntry entry, ExportFormat format, Path file, boolean chain) throws Exception {
        try (ExportRequest request = ExportRequest.builder(ExportSource.of(entry), format, file).includeChain(chain)
                .build()) {
            service(CertificateExportService.class).export(request);
        }
        return file;
    }

    /**
     * Makes a self-signed certificate and its key with openssl (an independent writer) and writes them as one PEM
     * file: the certificate, then the key (PKCS #8, encrypted with {@code password} when it is not null).
     */
    static Path opensslPem(Path folder, String commonName, String password) throws Exception {
        Path key = folder.resolve("key.pem");
        Path cert = folder.resolve("cert.pem");
        run(folder, Map.of(), "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
                "-nodes", "-keyout", key.toString(), "-out", cert.toString(), "-days", "30", "-subj",
                "/CN=" + commonName + "/O=Cairn Import Test");
        Path keyOut = key;
        if (password != null) {
            keyOut = folder.resolve("key-encrypted.pem");
            run(folder, Map.of("PEMPW", password), "openssl", "pkcs8", "-topk8", "-v2", "aes-256-cbc", "-in",
                    key.toString(), "-out", keyOut.toString(), "-passout", "env:PEMPW");
        }
        Path bundle = folder.resolve(password == null ? "bundle.pem" : "bundle-encrypted.pem");
        List<String> text = new ArrayList<>(Files.readAllLines(cert, StandardCharsets.US_ASCII));
        text.addAll(Files.readAllLines(keyOut, StandardCharsets.US_ASCII));
        Files.write(bundle, text, StandardCharsets.US_ASCII);
        return bundle;
    }

    /** @return the command's output; fails the test when it fails */
    static String run(Path folder, Map<String, String> env, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(1, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed:\n" + output);
        }
        return output;
    }

    /** @return a file of the PKCS #12 corpus in the repository's testdata/pkcs12 (see its MANIFEST.tsv) */
    static Path corpus(String name) {
        return Repository.file("testdata/pkcs12/" + name);
    }

    /** @return the snap-in's node for {@code store} of {@code scope}, as the console tree shows it */
    static CertificateStoreNode storeNode(Scope scope, LogicalStore store) throws Exception {
        ConsoleNode root = root(scope);
        for (ConsoleNode child : root.children()) {
            if (child instanceof CertificateStoreNode node && node.logicalStore().equals(java.util.Optional.of(store))) {
                return node;
            }
        }
        throw new AssertionError("No node for " + store + " under " + root.label());
    }

    /** @return the Certificates snap-in's root for {@code scope}, created as File → Add/Remove Snap-in does */
    static CertificateStoreNode root(Scope scope) throws Exception {
        BundleContext context = FrameworkUtil.getBundle(Fixture.class).getBundleContext();
        for (var reference : context.getServiceReferences(SnapIn.class, null)) {
            SnapIn snapIn = context.getService(reference);
            if ("org.cairn.certificates".equals(snapIn.id())) {
                return (CertificateStoreNode) snapIn.createRoot(Map.of("scope", scope.token()));
            }
        }
        throw new AssertionError("The Certificates snap-in is not registered");
    }

    /** @return whether the import command is enabled with {@code node} selected */
    static boolean canImport(SWTBot bot, ConsoleNode node) {
        return UIThreadRunnable.syncExec(bot.display(), () -> {
            IEclipseContext app = applicationContext();
            ParameterizedCommand command = app.get(ECommandService.class).createCommand(IMPORT_COMMAND, null);
            IEclipseContext selection = EclipseContextFactory.create("import test selection");
            try {
                selection.set(ConsoleIds.SELECTED_NODE, node);
                return command != null && app.get(EHandlerService.class).canExecute(command, selection);
            } finally {
                selection.dispose();
            }
        });
    }

    /** Runs the import command with {@code node} selected, over the console window; returns the wizard once open. */
    static ImportWizardBot openImportWizard(SWTBot bot, ConsoleNode node) {
        Shell window = window(bot);
        UIThreadRunnable.asyncExec(bot.display(), () -> {
            IEclipseContext app = applicationContext();
            ParameterizedCommand command = app.get(ECommandService.class).createCommand(IMPORT_COMMAND, null);
            IEclipseContext selection = EclipseContextFactory.create("import test selection");
            selection.set(ConsoleIds.SELECTED_NODE, node);
            selection.set(IServiceConstants.ACTIVE_SHELL, window);
            try {
                app.get(EHandlerService.class).executeHandler(command, selection);
            } finally {
                selection.dispose();
            }
        });
        return new ImportWizardBot(bot);
    }

    /** Runs the export command on {@code entry} as the certificate dialog's "Copy to File..." does. */
    static void openExportWizard(SWTBot bot, CertificateEntry entry) {
        Shell window = window(bot);
        UIThreadRunnable.asyncExec(bot.display(), () -> {
            IEclipseContext app = applicationContext();
            ParameterizedCommand command = app.get(ECommandService.class).createCommand(EXPORT_COMMAND, null);
            IEclipseContext selection = EclipseContextFactory.create("export test selection");
            selection.set(SELECTED_ENTRIES, List.of(entry));
            selection.set(IServiceConstants.ACTIVE_SHELL, window);
            try {
                app.get(EHandlerService.class).executeHandler(command, selection);
            } finally {
                selection.dispose();
            }
        });
    }

    /**
     * Reads the private key of {@code entry} straight from its physical store (whether or not it is marked
     * exportable), as the store provider SPI gives it: to check the key itself after an import.
     */
    static PrivateKey storedKey(CertificateEntry entry) throws Exception {
        CertificateStoreService stores = service(CertificateStoreService.class);
        StoreContext context = new StoreContext(entry.scope(), stores.roots().root(entry.scope()), stores.identity());
        PhysicalStore physical = CertificateStores.fileStoreProvider().open(context, entry.logicalStore()).orElseThrow();
        return physical.readPrivateKey(entry.thumbprint());
    }

    /** @return whether two private keys are the same key, whatever optional fields their encodings carry */
    static boolean sameKey(PrivateKey a, PrivateKey b) {
        if (a instanceof java.security.interfaces.ECPrivateKey ea && b instanceof java.security.interfaces.ECPrivateKey eb) {
            return ea.getS().equals(eb.getS());
        }
        if (a instanceof java.security.interfaces.RSAPrivateKey ra && b instanceof java.security.interfaces.RSAPrivateKey rb) {
            return ra.getPrivateExponent().equals(rb.getPrivateExponent()) && ra.getModulus().equals(rb.getModulus());
        }
        return java.util.Arrays.equals(a.getEncoded(), b.getEncoded());
    }

    /** @return whether {@code key} signs data that {@code publicKey} verifies: they are one key pair */
    static boolean signsFor(PrivateKey key, PublicKey publicKey) throws Exception {
        String algorithm = switch (key.getAlgorithm()) {
            case "EC" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> throw new AssertionError("No signature algorithm for " + key.getAlgorithm());
        };
        byte[] data = "the restored key signs".getBytes(StandardCharsets.UTF_8);
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(key);
        signer.update(data);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(publicKey);
        verifier.update(data);
        return verifier.verify(signature);
    }
}
