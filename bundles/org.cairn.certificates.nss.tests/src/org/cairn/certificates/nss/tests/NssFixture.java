package org.cairn.certificates.nss.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Real NSS databases, made by openssl, certutil and pk12util in a temporary home: {@code ~/.pki/nssdb} without a
 * password and a Firefox profile ({@code default-release}) with the primary password {@link #PRIMARY_PASSWORD},
 * each holding the same seven certificates, one of them with its (EC) private key.
 */
final class NssFixture {

    static final String PRIMARY_PASSWORD = "Primary pässword 1";
    static final String CLIENT = "Cairn NSS Client";
    static final String ROOT = "Cairn NSS Root";
    static final String INTERMEDIATE = "Cairn NSS Intermediate";
    static final String DISTRUSTED = "Cairn NSS Distrusted";
    static final String PEER = "Cairn NSS Peer";
    static final String CLIENT_CA = "Cairn NSS Client CA";
    static final String OTHER = "Cairn NSS Other";

    final Path home;
    final Path chrome;
    final Path firefox;
    final Path pki;

    private NssFixture(Path home) {
        this.home = home;
        this.chrome = home.resolve(".pki/nssdb");
        this.firefox = home.resolve(".mozilla/firefox/x7ab12cd.default-release");
        this.pki = home.resolve("pki");
    }

    /** Makes the certificates and both databases under {@code home}. */
    static NssFixture create(Path home) throws Exception {
        NssFixture f = new NssFixture(home);
        Files.createDirectories(f.pki);
        f.makeCertificates();
        f.makeDatabase(f.chrome, null);
        Files.createDirectories(f.firefox);
        Files.writeString(home.resolve(".mozilla/firefox/profiles.ini"), """
                [Install4F96D1932A9F858E]
                Default=x7ab12cd.default-release
                Locked=1

                [Profile1]
                Name=default
                IsRelative=1
                Path=nodb.default

                [Profile0]
                Name=default-release
                IsRelative=1
                Path=x7ab12cd.default-release
                Default=1

                [General]
                StartWithLastProfile=1
                Version=2
                """);
        f.makeDatabase(f.firefox, PRIMARY_PASSWORD);
        return f;
    }

    private void makeCertificates() throws Exception {
        selfSigned("root", ROOT, "rsa:2048", "basicConstraints=critical,CA:true");
        issued("intermediate", INTERMEDIATE, "root", "basicConstraints=critical,CA:true");
        issued("client", CLIENT, "intermediate", "basicConstraints=CA:false\nextendedKeyUsage=clientAuth");
        selfSigned("distrusted", DISTRUSTED, "rsa:2048", "basicConstraints=critical,CA:true");
        selfSigned("peer", PEER, "rsa:2048", "basicConstraints=CA:false");
        selfSigned("clientca", CLIENT_CA, "rsa:2048", "basicConstraints=critical,CA:true");
        selfSigned("other", OTHER, "rsa:2048", "basicConstraints=CA:false");
        run(pki, Map.of("P12PASS", "transport"), "openssl", "pkcs12", "-export", "-in", "client.crt", "-inkey", "client.key",
                "-name", CLIENT, "-out", "client.p12", "-passout", "env:P12PASS");
    }

    private void selfSigned(String file, String cn, String key, String extensions) throws Exception {
        String[] ext = extensions.split("\n");
        List<String> command = new ArrayList<>(List.of("openssl", "req", "-x509", "-newkey", key, "-nodes", "-keyout",
                file + ".key", "-out", file + ".crt", "-subj", "/CN=" + cn, "-days", "30"));
        for (String e : ext) {
            command.addAll(List.of("-addext", e));
        }
        run(pki, Map.of(), command.toArray(String[]::new));
    }

    private void issued(String file, String cn, String issuer, String extensions) throws Exception {
        run(pki, Map.of(), "openssl", "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", file + ".key", "-out", file + ".csr", "-subj", "/CN=" + cn);
        Files.writeString(pki.resolve(file + ".ext"), extensions + "\n");
        run(pki, Map.of(), "openssl", "x509", "-req", "-in", file + ".csr", "-CA", issuer + ".crt", "-CAkey", issuer + ".key",
                "-CAcreateserial", "-out", file + ".crt", "-days", "30", "-extfile", file + ".ext");
    }

    private void makeDatabase(Path dir, String password) throws Exception {
        Files.createDirectories(dir);
        String db = "sql:" + dir;
        Path pw = pki.resolve("db-password.txt");
        if (password == null) {
            run(pki, Map.of(), "certutil", "-N", "-d", db, "--empty-password");
        } else {
            Files.writeString(pw, password + "\n", StandardCharsets.UTF_8);
            run(pki, Map.of(), "certutil", "-N", "-d", db, "-f", pw.toString());
        }
        List<String> auth = password == null ? List.of() : List.of("-f", pw.toString());
        Files.writeString(pki.resolve("transport.txt"), "transport\n");
        List<String> p12 = new ArrayList<>(List.of("pk12util", "-i", "client.p12", "-d", db, "-w", "transport.txt"));
        if (password != null) {
            p12.addAll(List.of("-k", pw.toString()));
        }
        run(pki, Map.of(), p12.toArray(String[]::new));
        add(db, auth, ROOT, "root.crt", "C,,");
        add(db, auth, INTERMEDIATE, "intermediate.crt", ",,");
        add(db, auth, DISTRUSTED, "distrusted.crt", "p,p,p");
        add(db, auth, PEER, "peer.crt", "P,,");
        add(db, auth, CLIENT_CA, "clientca.crt", "T,,");
        add(db, auth, OTHER, "other.crt", ",,");
        Files.deleteIfExists(pw);
    }

    private void add(String db, List<String> auth, String nickname, String file, String trust) throws Exception {
        List<String> command = new ArrayList<>(List.of("certutil", "-A", "-d", db, "-n", nickname, "-t", trust, "-i", file));
        command.addAll(auth);
        run(pki, Map.of(), command.toArray(String[]::new));
    }

    /** @return the command's output; fails the test when it exits with an error */
    static String run(Path dir, Map<String, String> environment, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        assertEquals(0, process.exitValue(), () -> String.join(" ", command) + ":\n" + out);
        return out;
    }
}
