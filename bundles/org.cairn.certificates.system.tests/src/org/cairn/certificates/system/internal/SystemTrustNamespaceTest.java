package org.cairn.certificates.system.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.cairn.testing.process.ChildJvm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The computer's trust anchors changed for real, at the real paths, inside a private mount namespace over temporary
 * copies of the trust directories: after Cairn adds a root to Trusted Root Certification Authorities (Local
 * Computer), openssl, curl (against an openssl s_server with a certificate that root issued) and Java's cacerts
 * trust it; after Cairn deletes it, none does. The machine's own files are fingerprinted before and after.
 */
class SystemTrustNamespaceTest {

    /** The real files that must never change. */
    private static final List<Path> REAL = List.of(Path.of("/etc/ssl/certs/ca-certificates.crt"),
            Path.of("/etc/ssl/certs/java/cacerts"), Path.of("/etc/ssl/certs"), Path.of("/usr/local/share/ca-certificates"),
            Path.of("/var/lib/dpkg/status"), Path.of("/etc/pki"));

    @BeforeAll
    static void namespacesAreAvailable() {
        Optional<String> why = Namespace.whyUnavailable();
        assumeTrue(why.isEmpty(), () -> "Skipped: " + why.orElse("") + ". These tests change the system's trust only"
                + " inside a private mount namespace and never touch the real files.");
    }

    private static Path prepare(Path dir, String script) throws IOException {
        Path classes = dir.resolve("classes");
        // core's internal classes are not visible to this fragment's loader: core's own loader is asked for them
        ChildJvm.copyClasses(SystemTrustTool.class, classes, org.cairn.certificates.core.CertificateStores.class);
        // the store model reads certificate extensions with Bouncy Castle: its jars join the child's class path
        StringBuilder path = new StringBuilder(classes.toString());
        for (org.osgi.framework.Bundle b : org.osgi.framework.FrameworkUtil.getBundle(SystemTrustTool.class)
                .getBundleContext().getBundles()) {
            if (List.of("bcprov", "bcutil", "bcpkix").contains(b.getSymbolicName())) {
                String location = b.getLocation();
                Path jar = Path.of(java.net.URLDecoder.decode(location.substring(location.indexOf("file:") + 5),
                        java.nio.charset.StandardCharsets.UTF_8));
                if (!Files.isRegularFile(jar)) {
                    throw new IOException("Cannot find the jar of " + b.getSymbolicName() + " from its location " + location);
                }
                path.append(':').append(jar.toAbsolutePath());
            }
        }
        Files.writeString(dir.resolve("classpath"), path.toString());
        for (String name : List.of("common.sh", script)) {
            try (InputStream in = SystemTrustNamespaceTest.class.getResourceAsStream(name)) {
                Files.write(dir.resolve(name), in.readAllBytes());
            }
        }
        return dir.resolve(script);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void debianAnchorAddedIsTrustedByOpensslCurlAndJavaAndDeletingUndoesIt(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/usr/local/share/ca-certificates")),
                "Skipped: not a Debian-style system (no /usr/local/share/ca-certificates)");
        String before = Namespace.fingerprint(REAL);
        Path script = prepare(dir, "debian.sh");
        Namespace.Result result = Namespace.run(script, 900, dir.toString(), Integer.toString(freePort()), ChildJvm.java());
        assertEquals(before, Namespace.fingerprint(REAL), "the machine's real trust files changed");
        assumeTrue(result.status() != 77, () -> "Skipped: " + result.values("skip"));
        assertEquals(0, result.status(), result::output);
        String thumbprint = result.values("thumbprint").get(0);

        assertEquals(List.of("FAIL"), result.values("before.verify"), result::output);
        assertEquals(List.of("FAIL"), result.values("before.curl"), result::output);
        assertEquals(List.of("FAIL"), result.values("before.java"), result::output);

        // the add named no physical store: it went to the local anchors and the system's trust was updated
        assertEquals(List.of(AnchorStore.ANCHORS), result.values("target"), result::output);
        assertEquals(List.of(thumbprint), result.values("added"), result::output);
        assertTrue(result.values("stores").get(0).startsWith(AnchorStore.ANCHORS + ",.SystemTrustBundle"), result::output);
        assertTrue(result.values("anchorfile").contains("cairn-" + thumbprint.toLowerCase() + ".crt"), result::output);
        assertEquals(List.of("OK"), result.values("added.verify"), result::output);
        assertEquals(List.of("OK"), result.values("added.curl"), result::output);
        assertEquals(List.of("OK"), result.values("added.java"), result::output);

        assertEquals(List.of(thumbprint), result.values("deleted"), result::output);
        assertEquals("", result.values("stores").get(1), "no physical store holds it after the delete: " + result.output());
        assertEquals(List.of("0"), result.values("dangling"), "update-ca-certificates --fresh leaves no dangling link");
        assertEquals(List.of("FAIL"), result.values("removed.verify"), result::output);
        assertEquals(List.of("FAIL"), result.values("removed.curl"), result::output);
        assertEquals(List.of("FAIL"), result.values("removed.java"), result::output);
    }

    @Test
    void fedoraLayoutIsReadAndTheMissingUpdateCommandIsReportedNotFaked(@TempDir Path dir) throws Exception {
        assumeTrue(SystemLayout.under(Path.of("/")).command("update-ca-trust").isEmpty(),
                "Skipped: this machine has update-ca-trust, so the missing-command case cannot be shown here");
        String before = Namespace.fingerprint(REAL);
        Path script = prepare(dir, "fedora.sh");
        Namespace.Result result = Namespace.run(script, 300, dir.toString(), ChildJvm.java());
        assertEquals(before, Namespace.fingerprint(REAL), "the machine's real files changed");
        assertEquals(0, result.status(), result::output);
        String anchor = result.values("thumbprint").get(0);
        String bad = result.values("badthumbprint").get(0);

        assertTrue(result.values("physical").contains("Root .LocalAnchors true /etc/pki/ca-trust/source/anchors"), result::output);
        assertTrue(result.values("physical").contains("Disallowed .Blocklist true /etc/pki/ca-trust/source/blocklist"),
                result::output);
        assertTrue(result.values("entry").contains("Root " + anchor + " .LocalAnchors /etc/pki/ca-trust/source/anchors/admin-root.pem"),
                result::output);
        assertTrue(result.values("entry").contains("Disallowed " + bad + " .Blocklist /etc/pki/ca-trust/source/blocklist/bad.pem"),
                result::output);
        for (String why : result.values("whyCannotAdd")) {
            assertTrue(why.contains("READ_ONLY_STORE") && why.contains("update-ca-trust is not installed"), result::output);
        }
        // an add is refused with that reason, and nothing was written
        assertEquals(List.of(AnchorStore.ANCHORS), result.values("target"), result::output);
        assertEquals(List.of("READ_ONLY_STORE"), result.values("refused"), result::output);
        assertTrue(result.values("message").get(0).contains("update-ca-trust is not installed"), result::output);
        assertEquals(List.of("admin-root.pem"), result.values("anchorfile"), result::output);
    }

    @Test
    void archLayoutIsReadAndTheMissingUpdateCommandIsReportedNotFaked(@TempDir Path dir) throws Exception {
        assumeTrue(SystemLayout.under(Path.of("/")).command("update-ca-trust").isEmpty(),
                "Skipped: this machine has update-ca-trust, so the missing-command case cannot be shown here");
        String before = Namespace.fingerprint(REAL);
        Path script = prepare(dir, "arch.sh");
        Namespace.Result result = Namespace.run(script, 300, dir.toString(), ChildJvm.java());
        assertEquals(before, Namespace.fingerprint(REAL), "the machine's real files changed");
        assertEquals(0, result.status(), result::output);
        String anchor = result.values("thumbprint").get(0);
        assertTrue(result.values("physical").contains(
                "Root .LocalAnchors true /etc/ca-certificates/trust-source/anchors"), result::output);
        assertTrue(result.values("physical").contains(
                "Disallowed .Blocklist true /etc/ca-certificates/trust-source/blocklist"), result::output);
        assertTrue(result.values("entry").contains(
                "Root " + anchor + " .LocalAnchors /etc/ca-certificates/trust-source/anchors/admin-root.pem"),
                result::output);
        assertEquals(List.of("READ_ONLY_STORE"), result.values("refused"), result::output);
        assertTrue(result.values("message").get(0).contains("update-ca-trust is not installed"), result::output);
        assertTrue(result.values("message").get(0).contains("Arch Linux"), result::output);
        assertEquals(List.of("admin-root.pem"), result.values("anchorfile"), result::output);
    }

    @Test
    void anUpdateCommandThatDoesNotWriteTheSchemesBundleIsReportedAndTheAnchorTakenBack(@TempDir Path dir)
            throws Exception {
        assumeTrue(SystemLayout.under(Path.of("/")).command("update-ca-certificates").isPresent()
                && Files.isDirectory(Path.of("/usr/local/share/ca-certificates")),
                "Skipped: needs Debian's update-ca-certificates to stand for openSUSE's");
        String before = Namespace.fingerprint(REAL);
        Path script = prepare(dir, "opensuse.sh");
        Namespace.Result result = Namespace.run(script, 900, dir.toString(), ChildJvm.java());
        assertEquals(before, Namespace.fingerprint(REAL), "the machine's real files changed");
        assumeTrue(result.status() != 77, () -> "Skipped: " + result.values("skip"));
        assertEquals(0, result.status(), result::output);
        assertTrue(result.values("physical").contains("Root .LocalAnchors true /etc/pki/trust/anchors"), result::output);
        // the command ran, its result was checked and found wrong: refused, and nothing of the addition is left
        assertEquals(List.of("ERROR"), result.values("refused"), result::output);
        String message = result.values("message").get(0);
        assertTrue(message.contains("update-ca-certificates ran, but its result /var/lib/ca-certificates/ca-bundle.pem"),
                message);
        assertTrue(message.contains("was removed again"), message);
        assertEquals(List.of("0"), result.values("anchorcount"), result::output);
    }
}
