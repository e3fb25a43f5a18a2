package org.cairn.certificates.export.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.KeyAlgorithm;
import org.cairn.certificates.export.CertificateExportService;
import org.cairn.certificates.export.ExportFormat;
import org.cairn.certificates.export.ExportRequest;
import org.cairn.certificates.export.ExportResult;
import org.cairn.certificates.export.ExportSettings;
import org.cairn.certificates.export.ExportSource;
import org.cairn.certificates.export.Pkcs12Encryption;
import org.eclipse.core.runtime.preferences.IPreferencesService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The iteration counts come from the Eclipse preference node {@code org.cairn.certificates.export}, read at every
 * export by the DS component; bad values fall back to the defaults with a warning.
 */
class SettingsTest {

    @TempDir
    Path dir;

    /** An {@link IPreferencesService} that answers {@code getString} from a map (the only call the service makes). */
    private static IPreferencesService preferences(Map<String, String> values) {
        return (IPreferencesService) Proxy.newProxyInstance(SettingsTest.class.getClassLoader(),
                new Class<?>[] {IPreferencesService.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getString") && ExportSettings.PREFERENCE_NODE.equals(args[0])) {
                        return values.getOrDefault((String) args[1], (String) args[2]);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static final class RecordingLog implements ExportLog {
        final List<String> warnings = new ArrayList<>();

        @Override
        public void info(String message) {
        }

        @Override
        public void warn(String message, Throwable cause) {
            warnings.add(message);
        }
    }

    @Test
    void theDefaultsAreAHundredThousandAndTwoThousandIterations() {
        assertEquals(new ExportSettings(100_000, 2_000), ExportSettings.defaults());
        assertEquals(100_000, ExportSettings.defaults().iterations(true));
        assertEquals(2_000, ExportSettings.defaults().iterations(false));
        assertEquals(ExportSettings.defaults(), PreferenceSettings.read(preferences(Map.of()), ExportLog.NONE));
    }

    @Test
    void preferencesOverrideTheCounts() {
        ExportSettings settings = PreferenceSettings.read(preferences(Map.of(ExportSettings.STRONG_ITERATIONS_KEY,
                "600000", ExportSettings.STANDARD_ITERATIONS_KEY, "10_000")), ExportLog.NONE);

        assertEquals(new ExportSettings(600_000, 10_000), settings);
    }

    @Test
    void anInvalidPreferenceFallsBackToItsDefaultAndIsReported() {
        RecordingLog log = new RecordingLog();

        ExportSettings settings = PreferenceSettings.read(preferences(Map.of(ExportSettings.STRONG_ITERATIONS_KEY, "lots",
                ExportSettings.STANDARD_ITERATIONS_KEY, "0")), log);

        assertEquals(ExportSettings.defaults(), settings);
        assertEquals(2, log.warnings.size());
        assertTrue(log.warnings.get(0).contains("'lots'"), log.warnings.get(0));
    }

    @Test
    void settingsOutsideTheRangeAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ExportSettings(0, 2_000));
        assertTrue(e.getMessage().contains("from 1 to"), e.getMessage());
    }

    @Test
    void theDsComponentReadsThePreferencesAtEveryExport() throws Exception {
        StoreFixture stores = new StoreFixture(dir.resolve("stores"));
        CertificateEntry entry = stores.selfSigned(KeyAlgorithm.EC_P256, "Preferences", true);
        Map<String, String> values = new HashMap<>(Map.of(ExportSettings.STANDARD_ITERATIONS_KEY, "1234"));
        CertificateExportService service = new ExportServiceComponent(stores.stores, preferences(values), null);

        ExportResult first = service.export(request(entry, dir.resolve("a.pfx")));
        values.put(ExportSettings.STANDARD_ITERATIONS_KEY, "4321");
        ExportResult second = service.export(request(entry, dir.resolve("b.pfx")));

        assertEquals(1234, first.protection().orElseThrow().macIterations());
        assertEquals(4321, second.protection().orElseThrow().keyIterations());
        assertEquals(new ExportSettings(ExportSettings.DEFAULT_STRONG_ITERATIONS, 4321), service.settings());
    }

    private static ExportRequest request(CertificateEntry entry, Path file) {
        return ExportRequest.builder(ExportSource.of(entry), ExportFormat.PKCS12, file).includePrivateKey(true)
                .encryption(Pkcs12Encryption.TRIPLEDES_SHA1).strongProtection(false).password("p".toCharArray()).build();
    }
}
