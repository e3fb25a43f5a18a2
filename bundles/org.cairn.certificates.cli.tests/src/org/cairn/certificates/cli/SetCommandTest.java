package org.cairn.certificates.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * {@code cairn cert set} (friendly name, description, extended properties) and {@code cairn cert delete --key-only}
 * on a fresh store root, read back by {@code cairn cert show --json} and on disk (the store's own files, as the
 * core's README lays them out).
 */
class SetCommandTest {

    private static String create(Cli cli, String subject) {
        Cli.Result r = cli.run("new-self-signed", "--subject", subject, "--friendly-name", "Before", "--json");
        assertEquals(0, r.status(), r.toString());
        return (String) ((Map<?, ?>) r.json()).get("thumbprint");
    }

    private static Map<?, ?> shown(Cli cli, String thumbprint) {
        Cli.Result r = cli.run("show", thumbprint, "--json");
        assertEquals(0, r.status(), r.toString());
        return (Map<?, ?>) ((List<?>) r.json()).get(0);
    }

    @Test
    void setChangesTheFriendlyNameAndDescriptionAsShowReadsThem() {
        Cli cli = Cli.fresh("set");
        String thumbprint = create(cli, "CN=set.example.org");
        Cli.Result r = cli.run("set", thumbprint, "--friendly-name", "Web server \"2026\"", "--description",
                "Renewed; see ticket 42", "--json");
        assertEquals(0, r.status(), r.toString());
        Map<?, ?> answer = (Map<?, ?>) r.json();
        assertEquals("Web server \"2026\"", answer.get("friendlyName"));
        assertEquals("Renewed; see ticket 42", answer.get("description"));
        assertEquals(thumbprint, answer.get("thumbprint"));

        Map<?, ?> shown = shown(cli, thumbprint);
        assertEquals("Web server \"2026\"", shown.get("friendlyName"));
        assertEquals("Renewed; see ticket 42", shown.get("description"));
        assertEquals(Boolean.TRUE, shown.get("hasPrivateKey"), "the key stays");

        // one option alone changes only that; an empty text removes it; a value may start with a dash
        assertEquals(0, cli.run("set", thumbprint, "--description=").status());
        assertEquals(0, cli.run("set", thumbprint, "--friendly-name=-dash-").status());
        shown = shown(cli, thumbprint);
        assertEquals("-dash-", shown.get("friendlyName"));
        assertEquals("", shown.get("description"));
    }

    @Test
    void setChangesExtendedProperties() {
        Cli cli = Cli.fresh("set-properties");
        String thumbprint = create(cli, "CN=props.example.org");
        Cli.Result r = cli.run("set", thumbprint, "--property", "Owner=ops team", "--property", "Ticket=a=b");
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.out().startsWith("Changed " + thumbprint), r.out());
        assertEquals(Map.of("Owner", "ops team", "Ticket", "a=b"), shown(cli, thumbprint).get("properties"));
        assertEquals(0, cli.run("set", thumbprint, "--remove-property", "Ticket").status());
        assertEquals(Map.of("Owner", "ops team"), shown(cli, thumbprint).get("properties"));
    }

    @Test
    void setRefusesWithClearMessages() {
        Cli cli = Cli.fresh("set-refused");
        String thumbprint = create(cli, "CN=refused.example.org");
        Cli.Result nothing = cli.run("set", thumbprint);
        assertEquals(2, nothing.status(), nothing.toString());
        assertTrue(nothing.err().contains("say what to change"), nothing.err());
        Cli.Result badProperty = cli.run("set", thumbprint, "--property", "=x");
        assertEquals(2, badProperty.status());
        assertTrue(badProperty.err().contains("NAME=VALUE"), badProperty.err());
        Cli.Result absent = cli.run("set", thumbprint, "--remove-property", "Nope");
        assertEquals(1, absent.status());
        assertTrue(absent.err().contains("has no extended property Nope") && absent.err().contains("Nothing was "
                + "changed"), absent.err());
        Cli.Result missing = cli.run("set", "00".repeat(20), "--friendly-name", "x");
        assertEquals(1, missing.status());
        assertTrue(missing.err().contains("no certificate with thumbprint"), missing.err());
        Cli.Result twice = cli.run("set", thumbprint, "--friendly-name", "a", "--friendly-name", "b");
        assertEquals(2, twice.status(), twice.toString());
        assertEquals("Before", shown(cli, thumbprint).get("friendlyName"), "nothing changed by the refusals");
    }

    @Test
    void deleteKeyOnlyLeavesTheCertificateAndRemovesTheKeyFile() throws Exception {
        Cli cli = Cli.fresh("key-only");
        String thumbprint = create(cli, "CN=key-only.example.org");
        Path entry = cli.root.resolve("user/My/" + thumbprint);
        assertTrue(Files.isRegularFile(entry.resolve("key.p8")), "the store keeps the key in key.p8");
        Cli.Result r = cli.run("delete", thumbprint, "--key-only", "--json");
        assertEquals(0, r.status(), r.toString());
        assertEquals(Boolean.FALSE, ((Map<?, ?>) r.json()).get("hasPrivateKey"));
        assertFalse(Files.exists(entry.resolve("key.p8")), "the key file is gone");
        assertTrue(Files.isRegularFile(entry.resolve("cert.der")), "the certificate stays");
        Map<?, ?> shown = shown(cli, thumbprint);
        assertEquals(Boolean.FALSE, shown.get("hasPrivateKey"));
        assertEquals("Before", shown.get("friendlyName"));

        Cli.Result again = cli.run("delete", thumbprint, "--key-only");
        assertEquals(1, again.status(), again.toString());
        assertTrue(again.err().contains("Nothing was deleted"), again.err());
        assertTrue(Files.isRegularFile(entry.resolve("cert.der")), "a refused --key-only deletes nothing");
    }

    @Test
    void protocolIsThreeWithSet() {
        Cli.Result r = Cli.fresh("protocol").run("protocol", "--json");
        assertEquals(0, r.status(), r.toString());
        Map<?, ?> m = (Map<?, ?>) r.json();
        assertEquals(3L, ((Number) m.get("protocol")).longValue());
        assertTrue(((List<?>) m.get("subcommands")).contains("set"), r.out());
    }
}
