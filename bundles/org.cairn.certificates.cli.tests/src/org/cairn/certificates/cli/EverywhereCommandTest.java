package org.cairn.certificates.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cairn.certificates.core.CertificateStores;
import org.cairn.certificates.core.Scope;
import org.cairn.certificates.nss.internal.NssLocations;
import org.cairn.certificates.nss.internal.NssStoreProvider;
import org.cairn.certificates.system.internal.SystemLayout;
import org.cairn.certificates.system.internal.SystemTrustProvider;
import org.cairn.testing.process.Commands;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cairn cert trust|distrust THUMBPRINT --everywhere} and "Held in" of {@code cairn cert show}, on two NSS
 * databases of a temporary home (the shared one and a Firefox profile, made by certutil) and the computer's local
 * anchors of a Debian layout under a temporary root whose update command is not installed (so the anchors refuse,
 * with that reason, and nothing of the machine changes). Each database is checked with certutil -L.
 */
class EverywhereCommandTest {

    private static final String USER = Scope.currentUser().displayName();

    @TempDir
    Path tmp;

    @Test
    void trustAddsToEveryNssDatabaseReportsTheRefusingAnchorsAndDistrustUndoesIt() throws Exception {
        Path home = tmp.resolve("home");
        Path shared = Files.createDirectories(home.resolve(".pki/nssdb"));
        Path profile = Files.createDirectories(home.resolve(".mozilla/firefox/ab12.default-release"));
        Files.writeString(home.resolve(".mozilla/firefox/profiles.ini"),
                "[Profile0]\nName=default-release\nIsRelative=1\nPath=ab12.default-release\nDefault=1\n");
        run("certutil", "-N", "-d", "sql:" + shared, "--empty-password");
        run("certutil", "-N", "-d", "sql:" + profile, "--empty-password");
        run("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout",
                "root.key", "-out", "root.crt", "-subj", "/CN=Cairn Everywhere Root", "-days", "30", "-addext",
                "basicConstraints=critical,CA:true");
        String fingerprint = run("openssl", "x509", "-in", "root.crt", "-noout", "-fingerprint", "-sha1");
        String thumbprint = fingerprint.substring(fingerprint.indexOf('=') + 1).strip().replace(":", "");
        Path root = tmp.resolve("root");
        Files.createDirectories(root.resolve("usr/local/share/ca-certificates"));
        Path noCommands = Files.createDirectories(tmp.resolve("empty-bin"));
        Cli cli = new Cli(Files.createDirectories(tmp.resolve("stores")), List.of(CertificateStores.fileStoreProvider(),
                new SystemTrustProvider(new SystemLayout(root, List.of(noCommands), Optional.empty())),
                new NssStoreProvider(() -> new NssLocations(home).find())));
        Cli.Result imported = cli.run("import", tmp.resolve("root.crt").toString(), "--store", "Root");
        assertEquals(0, imported.status(), imported::toString);

        Cli.Result trust = cli.run("trust", thumbprint, "--everywhere");
        assertEquals(1, trust.status(), "the computer's anchors refused: " + trust);
        List<String> lines = trust.out().lines().toList();
        assertEquals(2, lines.stream().filter(l -> l.startsWith(USER + " / Trusted Root Certification Authorities / ")
                && l.contains(": added (sql:")).count(), trust::toString);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(Scope.computer().displayName()
                + " / Trusted Root Certification Authorities / .LocalAnchors: not changed: ") && l.contains("update-ca-certificates is not installed")), trust::toString);
        for (Path db : List.of(shared, profile)) {
            String list = run("certutil", "-L", "-d", "sql:" + db);
            assertTrue(list.lines().anyMatch(l -> l.startsWith("Cairn Everywhere Root") && l.strip().endsWith("CT,C,C")),
                    db + ":\n" + list);
        }
        Cli.Result again = cli.run("trust", thumbprint, "--everywhere", "--json");
        assertEquals(2, again.out().split("already there", -1).length - 1, again::toString);

        Cli.Result show = cli.run("show", thumbprint, "--store", "Root");
        assertEquals(0, show.status(), show::toString);
        assertTrue(show.out().contains("Held in:"), show::toString);
        assertTrue(show.out().contains(USER + " / Trusted Root Certification Authorities / .Default"), show::toString);
        assertTrue(show.out().contains(USER + " / Trusted Root Certification Authorities / Firefox: default-release"),
                show::toString);

        Cli.Result distrust = cli.run("distrust", thumbprint, "--everywhere");
        assertEquals(0, distrust.status(), distrust::toString);
        assertEquals(3, distrust.out().lines().filter(l -> l.endsWith(": removed")).count(), distrust::toString);
        for (Path db : List.of(shared, profile)) {
            String list = run("certutil", "-L", "-d", "sql:" + db);
            assertFalse(list.contains("Cairn Everywhere Root"), db + ":\n" + list);
        }
        Cli.Result gone = cli.run("show", thumbprint);
        assertEquals(1, gone.status(), gone::toString);
    }

    @Test
    void onlyARootCanBeTrustedEverywhereAndARefusalChangesNothing() throws Exception {
        Path home = tmp.resolve("home");
        Path shared = Files.createDirectories(home.resolve(".pki/nssdb"));
        run("certutil", "-N", "-d", "sql:" + shared, "--empty-password");
        run("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout",
                "root.key", "-out", "root.crt", "-subj", "/CN=Cairn Everywhere Root", "-days", "30", "-addext",
                "basicConstraints=critical,CA:true");
        run("openssl", "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout",
                "ca.key", "-out", "ca.csr", "-subj", "/CN=Cairn Everywhere Intermediate");
        Files.writeString(tmp.resolve("ca.ext"), "basicConstraints=critical,CA:true\n");
        run("openssl", "x509", "-req", "-in", "ca.csr", "-CA", "root.crt", "-CAkey", "root.key", "-CAcreateserial",
                "-days", "30", "-extfile", "ca.ext", "-out", "ca.crt");
        // issued to itself by name, but signed by the root's key: no trust anchor either
        run("openssl", "req", "-new", "-key", "ca.key", "-out", "self.csr", "-subj", "/CN=Cairn Everywhere Root");
        run("openssl", "x509", "-req", "-in", "self.csr", "-CA", "root.crt", "-CAkey", "root.key", "-set_serial", "7",
                "-days", "30", "-extfile", "ca.ext", "-out", "self.crt");
        Cli cli = new Cli(Files.createDirectories(tmp.resolve("stores")), List.of(CertificateStores.fileStoreProvider(),
                new NssStoreProvider(() -> new NssLocations(home).find())));
        for (String file : List.of("ca.crt", "self.crt")) {
            String fingerprint = run("openssl", "x509", "-in", file, "-noout", "-fingerprint", "-sha1");
            String thumbprint = fingerprint.substring(fingerprint.indexOf('=') + 1).strip().replace(":", "");
            Cli.Result imported = cli.run("import", tmp.resolve(file).toString(), "--store", "CA");
            assertEquals(0, imported.status(), imported::toString);

            Cli.Result trust = cli.run("trust", thumbprint, "--everywhere");
            assertEquals(1, trust.status(), trust::toString);
            assertTrue(trust.err().contains("only a root certificate"), trust::toString);
            assertTrue(trust.err().contains("Trust the root of its certification path instead"), trust::toString);
            assertTrue(trust.out().isEmpty(), trust::toString);
            String list = run("certutil", "-L", "-d", "sql:" + shared);
            assertFalse(list.contains("Cairn Everywhere"), list);
        }
    }

    private String run(String... command) throws Exception {
        return Commands.run(tmp, Map.of(), command);
    }
}
