package org.cairn.certificates.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.Scope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code cairn cert ...} run in this JVM on a fresh store root: output, JSON, exit status. */
class CertCommandTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"list", "show", "export", "import", "new-self-signed", "delete", "set", "inspect"})
    void everySubcommandHasHelp(String command) {
        Cli.Result r = Cli.fresh("help").run(command, "--help");
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.out().startsWith("Usage: cairn cert " + command), r.out());
    }

    @Test
    void wrongCommandLinesExitWithTwo() {
        Cli cli = Cli.fresh("usage");
        assertEquals(2, cli.run().status());
        assertEquals(2, cli.run("frobnicate").status());
        assertEquals(2, cli.run("list", "--colour").status());
        assertEquals(2, cli.run("list", "--scope", "planet").status());
        assertEquals(2, cli.run("list", "--store", "Drawer").status());
        assertEquals(2, cli.run("new-self-signed").status());
        assertEquals(2, cli.run("new-self-signed", "--subject", "CN=x", "--key", "rsa1024").status());
        assertEquals(2, cli.run("new-self-signed", "--subject", "CN=x", "--days", "soon").status());
        assertEquals(2, cli.run("show", "not-a-thumbprint").status());
        Cli.Result r = cli.run("import", "x.pfx", "--password", "secret");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("never taken from the command line"), r.err());
        assertEquals(0, cli.run("--help").status());
    }

    @Test
    void listJsonHasTheFieldsScriptsUse() throws Exception {
        Cli cli = Cli.fresh("list");
        Cli.Result created = cli.run("new-self-signed", "--subject", "CN=www.example.org,O=Example", "--key", "rsa2048",
                "--days", "30", "--eku", "serverAuth,clientAuth", "--friendly-name", "Web \"2026\"", "--json");
        assertEquals(0, created.status(), created.toString());
        String thumbprint = (String) ((Map<?, ?>) created.json()).get("thumbprint");

        Cli.Result r = cli.run("list", "--json");
        assertEquals(0, r.status(), r.toString());
        List<?> all = (List<?>) r.json();
        assertEquals(1, all.size());
        Map<?, ?> e = (Map<?, ?>) all.get(0);
        assertTrue(thumbprint.matches("[0-9A-F]{40}"), thumbprint);
        assertEquals(thumbprint, e.get("thumbprint"));
        assertEquals("CN=www.example.org,O=Example", e.get("subject"));
        assertEquals("CN=www.example.org,O=Example", e.get("issuer"));
        assertEquals("Web \"2026\"", e.get("friendlyName"));
        assertEquals(List.of("Server Authentication", "Client Authentication"), e.get("purposes"));
        assertEquals(Boolean.TRUE, e.get("hasPrivateKey"));
        assertEquals(Boolean.FALSE, e.get("exportable"));
        assertEquals("My", e.get("store"));
        assertEquals(".Default", e.get("physicalStore"));
        assertTrue(((String) e.get("notBefore")).matches("\\d{4}-\\d\\d-\\d\\dT.*Z"), (String) e.get("notBefore"));
        assertTrue(((String) e.get("notAfter")).matches("\\d{4}-\\d\\d-\\d\\dT.*Z"), (String) e.get("notAfter"));

        Cli.Result human = cli.run("list");
        assertEquals(0, human.status());
        assertTrue(human.out().contains(thumbprint) && human.out().contains("www.example.org"), human.out());
        assertEquals("[]", cli.run("list", "--store", "Root", "--json").out().trim());
    }

    @Test
    void showTellsAboutTheKeyAndTheChain() {
        Cli cli = Cli.fresh("show");
        Cli.Result created = cli.run("new-self-signed", "--subject", "CN=Show Me", "--exportable", "--eku",
                "serverAuth", "--json");
        String thumbprint = (String) ((Map<?, ?>) created.json()).get("thumbprint");
        Cli.Result r = cli.run("show", thumbprint.toLowerCase().replaceAll("(..)", "$1 ").trim());
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.out().contains("Private key:         yes"), r.out());
        assertTrue(r.out().contains("Exportable:          yes"), r.out());
        assertTrue(r.out().contains("CN=Show Me"), r.out());
        assertTrue(r.out().contains("Extensions:\n"), r.out());
        assertTrue(r.out().contains("  Enhanced Key Usage:\n    Server Authentication (1.3.6.1.5.5.7.3.1)"), r.out());
        Map<?, ?> json = (Map<?, ?>) ((List<?>) cli.run("show", thumbprint, "--json").json()).get(0);
        assertEquals("UNTRUSTED_ROOT", json.get("chainStatus"));
        assertEquals("untrusted-root", ((Map<?, ?>) json.get("status")).get("code"));
        assertEquals("", json.get("template"));
        assertTrue(((List<?>) json.get("extensions")).stream().map(Map.class::cast)
                .anyMatch(x -> "2.5.29.37".equals(x.get("oid")) && "Enhanced Key Usage".equals(x.get("name"))),
                json.toString());
        assertEquals(1, ((List<?>) json.get("chain")).size());

        Cli.Result missing = cli.run("show", "00".repeat(20));
        assertEquals(1, missing.status());
        assertTrue(missing.err().contains("no certificate with thumbprint"), missing.err());
    }

    @Test
    void importTakesThePasswordFromAFileAVariableOrStandardInput() throws Exception {
        Path pfx = Corpus.file("rustcrypto_example2.pfx");
        Path passwordFile = Files.writeString(tmp.resolve("password.txt"), "1234\n");

        Cli byFile = Cli.fresh("pw-file");
        Cli.Result r = byFile.runWithoutStdin("import", pfx.toString(), "--password-file", passwordFile.toString());
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.out().contains("The import was successful: 1 certificate(s) added"), r.out());

        Cli byEnv = Cli.fresh("pw-env");
        byEnv.env.put("PFX_PASSWORD", "1234");
        assertEquals(0, byEnv.runWithoutStdin("import", pfx.toString(), "--password-env", "PFX_PASSWORD").status());

        Cli byStdin = Cli.fresh("pw-stdin");
        Cli.Result json = byStdin.runWithStdin("1234\n", "import", pfx.toString(), "--exportable", "--json");
        assertEquals(0, json.status(), json.toString());
        Map<?, ?> c = (Map<?, ?>) ((List<?>) ((Map<?, ?>) json.json()).get("certificates")).get(0);
        assertEquals("My", c.get("store"));
        assertEquals("RSA-1024", c.get("keyType"));
        assertEquals(Boolean.TRUE, c.get("exportable"));
        CertificateEntry entry = byStdin.stores.open(Scope.currentUser()).list(LogicalStore.PERSONAL).entries().get(0);
        assertTrue(entry.exportable());
    }

    @Test
    void emptyPasswordFromAnyChannelOpensEmptyAndAbsentPasswordFiles() throws Exception {
        Path empty = Files.writeString(tmp.resolve("empty.txt"), "");
        Cli cli = Cli.fresh("empty");
        assertEquals(0, cli.runWithoutStdin("import", Corpus.file("rustcrypto_example.pfx").toString(), "--password-file",
                empty.toString()).status());
        cli.env.put("NOTHING", "");
        assertEquals(0, cli.runWithoutStdin("import", Corpus.file("gnutls_test-null.p12").toString(), "--password-env",
                "NOTHING").status());
        Cli.Result r = cli.runWithStdin("\n", "import", Corpus.file("pyca_no-password.p12").toString());
        assertEquals(0, r.status(), r.toString());
        assertEquals(3, cli.stores.open(Scope.currentUser()).list(LogicalStore.PERSONAL).entries().size());
    }

    @Test
    void refusedImportExitsWithOneAndSaysWhy() throws Exception {
        Cli cli = Cli.fresh("refused");
        Cli.Result wrong = cli.runWithStdin("4321\n", "import", Corpus.file("rustcrypto_example2.pfx").toString());
        assertEquals(1, wrong.status());
        assertEquals("cairn cert import: The password is incorrect.\n", wrong.err());
        Cli.Result corrupt = cli.runWithStdin("cryptography\n", "import",
                Corpus.file("derived_truncated_pyca_cert-key-aes256cbc.p12").toString());
        assertEquals(1, corrupt.status());
        assertTrue(corrupt.err().contains("damaged or truncated"), corrupt.err());
        cli.env.put("UNSET_HERE", "x");
        Cli.Result noVariable = cli.run("import", Corpus.file("rustcrypto_example2.pfx").toString(), "--password-env", "NOT_SET");
        assertEquals(1, noVariable.status());
        assertTrue(noVariable.err().contains("NOT_SET"), noVariable.err());
        assertTrue(cli.stores.open(Scope.currentUser()).listAll().entries().isEmpty());
    }

    @Test
    void certificateFilesImportWithoutReadingAPassword() throws Exception {
        Cli maker = Cli.fresh("maker");
        String thumbprint = (String) ((Map<?, ?>) maker.run("new-self-signed", "--subject", "CN=Peer", "--json").json()).get("thumbprint");
        CertificateEntry entry = maker.stores.open(Scope.currentUser()).find(LogicalStore.PERSONAL, thumbprint).orElseThrow();
        Path cer = Files.write(tmp.resolve("peer.cer"), entry.encoded());
        Cli cli = Cli.fresh("cer");
        Cli.Result r = cli.runWithoutStdin("import", cer.toString(), "--store", "TrustedPeople");
        assertEquals(0, r.status(), r.toString());
        assertTrue(cli.stores.open(Scope.currentUser()).find(LogicalStore.TRUSTED_PEOPLE, thumbprint).isPresent());
        assertEquals(2, cli.run("import", cer.toString(), "--store", "My", "--auto").status());
    }

    @Test
    void deleteRemovesTheCertificateAndItsKey() {
        Cli cli = Cli.fresh("delete");
        String thumbprint = (String) ((Map<?, ?>) cli.run("new-self-signed", "--subject", "CN=Gone", "--json").json()).get("thumbprint");
        Cli.Result r = cli.run("delete", thumbprint);
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.out().contains("with its private key"), r.out());
        assertEquals("[]", cli.run("list", "--json").out().trim());
        assertEquals(1, cli.run("delete", thumbprint).status());
    }

    @Test
    void inspectDescribesAFileAndWhoCanReadIt() {
        Cli cli = Cli.fresh("inspect");
        cli.env.put("PW", "password");
        Cli.Result r = cli.run("inspect", Corpus.file("pyca_name-all-pwd.p12").toString(), "--password-env", "PW", "--json");
        assertEquals(0, r.status(), r.toString());
        Map<?, ?> report = (Map<?, ?>) r.json();
        assertEquals(Long.valueOf(3), report.get("version"));
        assertEquals(Boolean.TRUE, ((Map<?, ?>) report.get("mac")).get("verified"));
        assertEquals(4, ((List<?>) report.get("bags")).size());
        assertFalse(((List<?>) report.get("readers")).isEmpty());
        Cli.Result text = cli.run("inspect", Corpus.file("keyfile-corpus_rsa2048_rc4-40.p12").toString());
        assertEquals(1, text.status(), "the RC4 file needs its password: " + text);
        assertTrue(text.out().contains("pbeWithSHAAnd40BitRC4"), text.out());
        Cli.Result broken = cli.run("inspect", Corpus.file("gnutls_pbmac1_256_256.truncated-mac.p12").toString());
        assertEquals(1, broken.status());
        assertTrue(broken.out().contains("Problem:"), broken.out());
    }
}
