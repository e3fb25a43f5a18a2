package org.cairn.certificates.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cairn.certificates.core.CertificateStoreService;
import org.cairn.certificates.core.CertificateStores;
import org.cairn.certificates.core.Identity;
import org.cairn.certificates.core.StoreRoots;
import org.cairn.certificates.export.CertificateExportServices;
import org.cairn.certificates.export.ExportSettings;
import org.cairn.certificates.export.spi.CertificateFileFormat;
import org.cairn.certificates.importing.CertificateImportServices;

/**
 * Runs {@code cairn cert ...} in this JVM against one store root (a "computer"), with given standard input and
 * environment, and captures what it prints.
 */
final class Cli {

    /** What a run gave. */
    record Result(int status, String out, String err) {
        Object json() {
            return JsonReader.parse(out);
        }

        @Override
        public String toString() {
            return "status " + status + "\n--- out:\n" + out + "--- err:\n" + err;
        }
    }

    final Path root;
    final CertificateStoreService stores;
    final Map<String, String> env = new HashMap<>();
    /** Further export formats, as other bundles would contribute them. */
    final List<CertificateFileFormat> formats = new ArrayList<>();

    Cli(Path root) {
        this(root, List.of(CertificateStores.fileStoreProvider()));
    }

    /** @param providers the physical store providers, as DS would bind them */
    Cli(Path root, List<org.cairn.certificates.core.spi.StoreProvider> providers) {
        this(root, providers, Identity.current());
    }

    /** @param identity the account the stores decide rights for */
    Cli(Path root, List<org.cairn.certificates.core.spi.StoreProvider> providers, Identity identity) {
        this.root = root;
        this.stores = CertificateStores.create(StoreRoots.under(root), identity, providers);
    }

    /** A new, empty store root under the test bundle's target/stores. */
    static Cli fresh(String name) {
        Path base = Path.of(System.getProperty("cairn.store.root", System.getProperty("java.io.tmpdir") + "/cairn-cli-tests"));
        try {
            Files.createDirectories(base);
            return new Cli(Files.createTempDirectory(base, name + "-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Result run(String... args) {
        return runWithInput(new ByteArrayInputStream(new byte[0]), args);
    }

    Result runWithStdin(String stdin, String... args) {
        return runWithInput(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), args);
    }

    /** Runs with a standard input that fails the test if it is read at all. */
    Result runWithoutStdin(String... args) {
        return runWithInput(new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("standard input must not be read here");
            }
        }, args);
    }

    private Result runWithInput(InputStream in, String... args) {
        return runWithInput(in, false, args);
    }

    /**
     * Runs with picocli's whole model of every subcommand ({@link CertCommand#commandLine()}, as for the man page)
     * instead of the model of the subcommands the arguments name, which a run builds.
     */
    Result runOnTheWholeModel(String... args) {
        return runWithInput(new ByteArrayInputStream(new byte[0]), true, args);
    }

    private Result runWithInput(InputStream in, boolean whole, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        CliServices services = new CliServices(stores, CertificateStores.certificateFactory(),
                CertificateImportServices.create(stores),
                CertificateExportServices.create(stores, ExportSettings.defaults(), formats));
        CertCommand cert = new CertCommand(() -> services, new Io(in, o, e, Optional.empty(), env));
        int status = whole ? cert.commandLine().execute(args) : cert.run(List.of(args));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
