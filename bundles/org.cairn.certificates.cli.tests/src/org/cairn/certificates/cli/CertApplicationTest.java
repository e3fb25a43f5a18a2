package org.cairn.certificates.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.cairn.certificates.core.CertificateStoreService;
import org.cairn.certificates.export.CertificateExportService;
import org.cairn.certificates.importing.CertificateImportService;
import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * The real Equinox application class, with the services from Declarative Services, as {@code cairn cert} runs it;
 * the stores are under -Dcairn.store.root (the test bundle's target/stores).
 */
class CertApplicationTest {

    @BeforeAll
    static void startServiceBundles() throws Exception {
        // in the product the p2 configuration starts them; the test runtime starts only the bundle under test
        for (Class<?> type : List.of(CertificateStoreService.class, CertificateImportService.class,
                CertificateExportService.class)) {
            Bundle bundle = FrameworkUtil.getBundle(type);
            if (bundle.getState() != Bundle.ACTIVE) {
                bundle.start(Bundle.START_TRANSIENT);
            }
        }
    }

    private record Run(Object status, String out, String err) {
    }

    private static Run run(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CertApplication application = new CertApplication(new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
        Object status = application.start(new Context(args));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void applicationRunsTheCommandOnTheDeclarativeServicesAndReturnsTheExitStatus() throws Exception {
        String cn = "Application Test " + UUID.randomUUID();
        Run created = run("new-self-signed", "--subject", "CN=" + cn, "--json");
        assertEquals(Integer.valueOf(0), created.status(), created.err());

        Run listed = run("list", "--store", "My", "--json");
        assertEquals(Integer.valueOf(0), listed.status(), listed.err());
        List<?> entries = (List<?>) JsonReader.parse(listed.out());
        assertTrue(entries.stream().anyMatch(e -> ((Map<?, ?>) e).get("subject").equals("CN=" + cn)), listed.out());
        Path root = Path.of(System.getProperty("cairn.store.root"));
        assertTrue(root.resolve("user/My").toFile().isDirectory(), "the DS store service works under -Dcairn.store.root");

        assertEquals(Integer.valueOf(2), run("list", "--bogus").status());
        assertEquals(Integer.valueOf(1), run("show", "00".repeat(20)).status());
    }

    /** The context Equinox gives an application: here only the arguments matter. */
    private record Context(String[] args) implements IApplicationContext {
        @Override
        public Map<String, Object> getArguments() {
            return Map.of(IApplicationContext.APPLICATION_ARGS, args);
        }

        @Override
        public void applicationRunning() {
            // no splash screen to take down
        }

        @Override
        public String getBrandingApplication() {
            return null;
        }

        @Override
        public String getBrandingName() {
            return null;
        }

        @Override
        public String getBrandingDescription() {
            return null;
        }

        @Override
        public String getBrandingId() {
            return null;
        }

        @Override
        public String getBrandingProperty(String key) {
            return null;
        }

        @Override
        public Bundle getBrandingBundle() {
            return null;
        }

        @Override
        public void setResult(Object result, IApplication application) {
            // results are returned from start
        }
    }
}
