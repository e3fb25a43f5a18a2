package org.cairn.testing.pkcs11;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.cairn.testing.process.ChildJvm;
import org.cairn.testing.process.Commands;
import org.cairn.testing.process.Folders;

/**
 * SoftHSM2 tokens in the test JVM's own configuration: the build gives each test JVM a {@code SOFTHSM2_CONF} under
 * {@code target/} (the root pom), which this class points at a token folder of the test's own, emptied first (tokens of
 * an earlier run would carry the same labels). Tokens are made by {@code softhsm2-util} and filled by GnuTLS's
 * {@code p11tool} or by the JDK's SunPKCS11, never by Cairn: they are what Cairn is tested against.
 */
public final class SoftHsm {

    /** The SoftHSM2 PKCS #11 module as Debian installs it (package softhsm2). */
    public static final String MODULE = "/usr/lib/softhsm/libsofthsm2.so";
    /** The security officer's PIN of every token made here. */
    private static final String SO_PIN = "1234";

    private final Path conf;
    private final Path tokens;
    private final Path work;

    private SoftHsm(Path conf, Path tokens, Path work) {
        this.conf = conf;
        this.tokens = tokens;
        this.work = work;
    }

    /**
     * Points this JVM's SoftHSM configuration at an empty token folder.
     *
     * @param folder the token folder's name, beside the configuration file; one per test class, so that test classes
     *               of one JVM do not see each other's tokens
     * @param work   where the tools run and their files are
     * @return the tokens, none made yet
     * @throws IllegalStateException when the JVM has no SoftHSM configuration of its own under {@code target/} (the
     *                               machine's own tokens are never touched)
     */
    public static SoftHsm fresh(String folder, Path work) throws IOException {
        String name = System.getenv("SOFTHSM2_CONF");
        if (name == null || !name.contains("target")) {
            throw new IllegalStateException("the test JVM needs a SoftHSM configuration of its own under target/ "
                    + "(SOFTHSM2_CONF is " + name + "); the machine's tokens are not used");
        }
        Path conf = Path.of(name);
        Path tokens = conf.resolveSibling(folder);
        Folders.delete(tokens);
        Files.createDirectories(tokens);
        Files.writeString(conf, "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n");
        return new SoftHsm(conf, tokens, work);
    }

    /**
     * Deletes the tokens and the configuration, so that the later tests of this JVM see no token (a module loaded in
     * this JVM may still remember the tokens it saw).
     */
    public void remove() throws IOException {
        Files.deleteIfExists(conf);
        Folders.delete(tokens);
    }

    /** Makes a token in the first free slot, with the user PIN {@code pin}. */
    public void initToken(String label, String pin) throws IOException, InterruptedException {
        Commands.run(work, Map.of(), "softhsm2-util", "--init-token", "--free", "--label", label, "--so-pin", SO_PIN,
                "--pin", pin);
    }

    /**
     * Runs GnuTLS's {@code p11tool} on the token, logged in with {@code pin} when {@code --login} is among the
     * arguments.
     *
     * @param token the token's label, and further attributes of the PKCS #11 URI if wanted ({@code LABEL;object=NAME})
     * @return what it printed
     */
    public String p11tool(String token, String pin, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("p11tool", "--provider", MODULE));
        command.addAll(List.of(arguments));
        command.add("pkcs11:token=" + token);
        return Commands.run(work, Map.of("GNUTLS_PIN", pin), command);
    }

    /**
     * Stores a key and its certificate on the token (slot 0) as a smart card keeps them: the key sensitive and not
     * extractable (p11tool cannot write such a key), through the JDK's SunPKCS11 in a second JVM.
     *
     * @param pkcs8       the unencrypted PKCS #8 key (DER), an EC key
     * @param certificate its certificate (PEM or DER)
     * @param alias       the label of both
     */
    public void storeUnextractable(Path pkcs8, Path certificate, String alias, String pin)
            throws IOException, InterruptedException {
        Path program = work.resolve("OnToken.java");
        Files.writeString(program, ON_TOKEN);
        Commands.run(work, Map.of(), ChildJvm.java(), program.toString(), MODULE, pkcs8.toString(),
                certificate.toString(), alias, pin);
    }

    private static final String ON_TOKEN = """
            import java.nio.file.*;
            import java.security.*;
            import java.security.cert.*;
            import java.security.spec.*;
            public class OnToken {
                public static void main(String[] a) throws Exception {
                    Path cfg = Files.createTempFile("softhsm", ".cfg");
                    Files.writeString(cfg, "name = CairnToken\\nlibrary = " + a[0] + "\\nslotListIndex = 0\\n"
                        + "attributes(import, CKO_PRIVATE_KEY, *) = {\\n CKA_SENSITIVE = true\\n CKA_EXTRACTABLE = false\\n}\\n");
                    Provider p = Security.getProvider("SunPKCS11").configure(cfg.toString());
                    Files.delete(cfg);
                    KeyStore ks = KeyStore.getInstance("PKCS11", p);
                    ks.load(null, a[4].toCharArray());
                    X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                        .generateCertificate(Files.newInputStream(Path.of(a[2])));
                    PrivateKey key = KeyFactory.getInstance("EC")
                        .generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(Path.of(a[1]))));
                    ks.setKeyEntry(a[3], key, null, new java.security.cert.Certificate[] {cert});
                }
            }
            """;
}
