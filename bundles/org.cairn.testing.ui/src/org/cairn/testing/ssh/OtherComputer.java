package org.cairn.testing.ssh;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkUtil;

/**
 * "Another computer" for the UI tests (issue 18): a real OpenSSH server on 127.0.0.1 on a free port, with a host key and an
 * authorized key made here (sshd -f with a configuration in a temporary folder; as root inside {@code unshare -m}
 * with a private tmpfs on /run, as the remote bundle's tests and releng/check-ssh.sh do), a key for the console in
 * the test JVM's own HOME (target/home, as the test harness gives every test JVM), and a Cairn command line for the
 * other side: this test runtime's own bundles, the command line's subset of them (the product's {@code cli_bundles}),
 * started the way the product's launch script starts {@code cairn cert}, on a store root of its own. The console finds
 * that command as {@code CAIRN_REMOTE_CAIRN} (set for this test JVM in the pom), as the command line does. Nothing of
 * the machine is read or changed.
 */
public final class OtherComputer implements AutoCloseable {

    /** The bundles {@code cairn cert} runs on (features/org.cairn.console.feature/rootfiles/cairn, cli_bundles). */
    private static final Pattern CLI_BUNDLES = Pattern.compile("^(bc[a-z]*|org\\.apache\\.sshd\\.osgi|slf4j\\..*|picocli"
            + "|org\\.apache\\.felix\\.scr|org\\.apache\\.aries\\.spifly\\..*|org\\.objectweb\\.asm.*"
            + "|org\\.cairn\\.certificates\\.(cli|core|export|importing|nss|pkcs12|remote|system)"
            + "|org\\.eclipse\\.core\\.(runtime|jobs|contenttype)"
            + "|org\\.eclipse\\.equinox\\.(common|registry|app|preferences|simpleconfigurator)|org\\.osgi\\..*"
            + "|jakarta\\..*)$");

    private final Path folder;
    private final int port;
    private final Process sshd;
    private final Path cairn;
    /** The account the console logs in as there, when not the console's own (root's) name. */
    private final java.util.Optional<Account> account;

    private OtherComputer(Path folder, int port, Process sshd, Path cairn, java.util.Optional<Account> account) {
        this.folder = folder;
        this.port = port;
        this.sshd = sshd;
        this.cairn = cairn;
        this.account = account;
    }

    /** An account of the other computer that is not root: its name and user id (its group has the same id). */
    public record Account(String name, int uid) {
    }

    /**
     * Starts the other computer: its sshd and its Cairn, and gives the console's HOME a key it accepts.
     *
     * @param folder a new folder for everything of the other computer; {@link #close} deletes it
     */
    public static OtherComputer start(Path folder) throws Exception {
        return start(folder, java.util.Optional.empty());
    }

    /**
     * Starts another computer whose login is {@code name}, an account that is not root, so that the rights of the
     * account there apply (issue 18: "if the remote user cannot read a key, the wizard says so with the remote
     * reason"). The machine's accounts are not changed: sshd runs in a private mount namespace over copies of
     * /etc/passwd, /etc/group and /etc/shadow that add the account. The account's command line runs on copies of
     * this runtime's bundles in {@code folder} (the test runtime's own files are usually under /root, which only root
     * may enter), on the same store root as {@link #cairn} (root's): what root stores there, the account sees with
     * the rights it has. Needs root.
     *
     * @param folder a new folder every account may enter (its ancestors too): under /tmp, mode 0755
     */
    public static OtherComputer startWithAccount(Path folder, String name) throws Exception {
        if (!"root".equals(System.getProperty("user.name"))) {
            throw new IllegalStateException("Another computer with an account of its own needs root (sshd in a "
                    + "private mount namespace over copies of /etc/passwd).");
        }
        for (Path p = folder.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p) && !Files.getPosixFilePermissions(p).contains(
                    java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) {
                throw new IllegalArgumentException(p + " cannot be entered by another account: give a folder under "
                        + "/tmp with mode 0755.");
            }
        }
        return start(folder, java.util.Optional.of(new Account(name, freeUid())));
    }

    /** @return a user id no account of this machine has (from 61000 up, where Debian leaves ids to the admin) */
    private static int freeUid() throws IOException {
        Set<Integer> used = new java.util.HashSet<>();
        for (String file : List.of("/etc/passwd", "/etc/group")) {
            for (String line : Files.readAllLines(Path.of(file))) {
                String[] f = line.split(":");
                if (f.length > 2 && f[2].matches("[0-9]{1,9}")) {
                    used.add(Integer.parseInt(f[2]));
                }
            }
        }
        for (int uid = 61000; uid < 65000; uid++) {
            if (!used.contains(uid)) {
                return uid;
            }
        }
        throw new IllegalStateException("no free user id between 61000 and 65000");
    }

    private static OtherComputer start(Path folder, java.util.Optional<Account> account) throws Exception {
        Path sshd = Path.of("/usr/sbin/sshd");
        if (!Files.isExecutable(sshd) || !Files.isExecutable(Path.of("/usr/bin/ssh-keygen"))) {
            throw new IllegalStateException("The Another computer tests need OpenSSH's server and client: apt-get "
                    + "install openssh-server openssh-client (.ci/run does).");
        }
        Files.createDirectories(folder);
        Path ssh = consoleSsh();
        Path key = ssh.resolve("id_ed25519");
        if (!Files.exists(key)) {
            keygen(key);
        }
        Path authorized = folder.resolve("authorized_keys");
        Path remoteCairn = account.isPresent() ? folder.resolve("cairn") : Path.of(System.getenv("CAIRN_REMOTE_CAIRN"));
        Files.writeString(authorized, account.isPresent() ? forcedCommand(folder, remoteCairn) : "");
        Files.writeString(authorized, Files.readString(ssh.resolve("id_ed25519.pub")),
                java.nio.file.StandardOpenOption.APPEND);
        Path hostKey = folder.resolve("host_ed25519");
        keygen(hostKey);
        int port = freePort();
        Path config = folder.resolve("sshd_config");
        Files.writeString(config, String.join("\n", "Port " + port, "ListenAddress 127.0.0.1", "HostKey " + hostKey,
                "AuthorizedKeysFile " + authorized, "PidFile " + folder.resolve("sshd.pid"), "StrictModes no",
                "UsePAM no", "PasswordAuthentication no", "KbdInteractiveAuthentication no",
                "PermitRootLogin prohibit-password", ""));
        String run = sshd + " -D -e -f " + config;
        String accounts = account.isPresent() ? accounts(folder, account.get()) : "";
        List<String> command = "root".equals(System.getProperty("user.name"))
                ? List.of("unshare", "-m", "sh", "-c", "mount -t tmpfs cairn-test-run /run && mkdir -m 755 /run/sshd "
                        + accounts + "&& exec " + run)
                : List.of("sh", "-c", "exec " + run);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(folder.resolve("sshd.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("sshd stopped: " + Files.readString(folder.resolve("sshd.log")));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                break;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    process.destroyForcibly();
                    throw new IllegalStateException("sshd did not listen: " + Files.readString(folder.resolve("sshd.log")));
                }
                Thread.sleep(100);
            }
        }
        return new OtherComputer(folder, port, process, cairnCommand(folder, remoteCairn, account), account);
    }

    /**
     * The copies of /etc/passwd, /etc/group and /etc/shadow with {@code account} added, and its home; returns the
     * shell commands that mount them over the real ones inside sshd's namespace.
     */
    private static String accounts(Path folder, Account account) throws IOException {
        Path etc = Files.createDirectories(folder.resolve("etc"));
        Path home = Files.createDirectories(folder.resolve("home-" + account.name()));
        Files.setAttribute(home, "unix:uid", account.uid());
        Files.setAttribute(home, "unix:gid", account.uid());
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
        StringBuilder mounts = new StringBuilder();
        for (String[] file : List.of(
                new String[] {"passwd", account.name() + ":x:" + account.uid() + ":" + account.uid()
                        + ":Cairn test account:" + home + ":/bin/sh"},
                new String[] {"group", account.name() + ":x:" + account.uid() + ":"},
                // "*": no password, not locked (sshd refuses a key login to an account locked with "!")
                new String[] {"shadow", account.name() + ":*:20000:0:99999:7:::"})) {
            Path real = Path.of("/etc", file[0]);
            if (!Files.exists(real)) {
                continue;
            }
            Path copy = etc.resolve(file[0]);
            // passwd and group keep the machine's entries (sshd's own account among them); the shadow file holds the
            // test account alone, so that no password hash of the machine is copied
            String text = file[0].equals("shadow") ? "" : Files.readString(real);
            Files.writeString(copy, text + (text.isEmpty() || text.endsWith("\n") ? "" : "\n") + file[1] + "\n");
            Files.setPosixFilePermissions(copy, Files.getPosixFilePermissions(real));
            mounts.append("&& mount --bind ").append(copy).append(' ').append(real).append(' ');
        }
        return mounts.toString();
    }

    /**
     * The authorized_keys option that runs the console's commands for the account: each as it was sent, with this
     * folder's {@code cairn} where the console names CAIRN_REMOTE_CAIRN (a path under the test runtime's folder,
     * which the account may not enter); the console's other commands (mktemp, cat, rm) unchanged.
     */
    private static String forcedCommand(Path folder, Path remoteCairn) throws IOException {
        Path forced = folder.resolve("forced-command");
        String sent = System.getenv("CAIRN_REMOTE_CAIRN") + " ";
        Files.writeString(forced, String.join("\n", "#!/bin/sh",
                "# sshd's forced command for the other computer's account (written by OtherComputer)",
                "c=$SSH_ORIGINAL_COMMAND",
                "case \"$c\" in '" + sent + "'*) c='" + remoteCairn + " '\"${c#'" + sent + "'}\" ;; esac",
                "exec /bin/sh -c \"$c\"", ""));
        Files.setPosixFilePermissions(forced, PosixFilePermissions.fromString("rwxr-xr-x"));
        return "command=\"" + forced + "\",no-port-forwarding,no-agent-forwarding,no-X11-forwarding ";
    }

    /** @return the console's ~/.ssh (the test JVM's HOME), made private */
    public static Path consoleSsh() throws IOException {
        Path ssh = Path.of(System.getenv("HOME"), ".ssh");
        Files.createDirectories(ssh);
        Files.setPosixFilePermissions(ssh, PosixFilePermissions.fromString("rwx------"));
        return ssh;
    }

    /**
     * The other side's {@code cairn}: the command line on this runtime's bundles, with a HOME and a store root of
     * its own; written to {@code script}. For an account that is not root the bundles are copied into
     * {@code folder} first, and HOME is the account's (sshd sets it).
     */
    private static Path cairnCommand(Path folder, Path script, java.util.Optional<Account> account)
            throws IOException, URISyntaxException, BundleException {
        Path configuration = Files.createDirectories(folder.resolve("cli-configuration"));
        Path list = Files.createDirectories(configuration.resolve("org.eclipse.equinox.simpleconfigurator"))
                .resolve("bundles.info");
        StringBuilder bundles = new StringBuilder("#version=1\n");
        Path simpleConfigurator = null;
        String install = System.getProperty("osgi.install.area");
        Path installArea = install == null ? Path.of("").toAbsolutePath()
                : Path.of(new java.net.URI(install.replace(" ", "%20")));
        Bundle self = FrameworkUtil.getBundle(OtherComputer.class);
        if (self.getBundleContext() == null) {
            self.start(Bundle.START_TRANSIENT); // a library bundle: started only to see the others
        }
        for (Bundle b : self.getBundleContext().getBundles()) {
            String name = b.getSymbolicName();
            if (name == null || !CLI_BUNDLES.matcher(name).matches()) {
                continue;
            }
            // reference:file:PATH, relative to the install area when it is not absolute
            String location = b.getLocation();
            Path file = installArea.resolve(location.substring(location.indexOf("file:") + "file:".length()))
                    .normalize();
            if (account.isPresent()) {
                file = copy(file, Files.createDirectories(folder.resolve("bundles")).resolve(name + "_"
                        + file.getFileName()));
            }
            if (name.equals("org.eclipse.equinox.simpleconfigurator")) {
                simpleConfigurator = file;
            }
            // started as the product starts them (releng/org.cairn.repository/cairn.product): SPI Fly is resolved only
            boolean early = name.equals("org.apache.felix.scr") || name.equals("org.eclipse.equinox.common")
                    || name.equals("org.eclipse.equinox.preferences");
            boolean started = early || name.equals("org.eclipse.core.runtime")
                    || name.equals("org.eclipse.equinox.simpleconfigurator");
            int level = name.equals("org.eclipse.equinox.simpleconfigurator") ? 1 : early ? 2 : 4;
            bundles.append(name).append(',').append(b.getVersion()).append(',').append(file.toUri()).append(',')
                    .append(level).append(',').append(started).append('\n');
        }
        if (simpleConfigurator == null) {
            throw new IllegalStateException("org.eclipse.equinox.simpleconfigurator is not in the test runtime");
        }
        Files.writeString(list, bundles.toString());
        Files.writeString(configuration.resolve("config.ini"), String.join("\n",
                "eclipse.application=org.cairn.certificates.cli.cert",
                "org.eclipse.equinox.simpleconfigurator.configUrl=" + list.toUri(),
                "osgi.bundles=reference\\:" + simpleConfigurator.toUri() + "@1\\:start",
                "osgi.bundles.defaultStartLevel=4", ""));
        // EclipseStarter.main leaves the JVM running after the application: this ends it with the exit status
        Path launch = folder.resolve("Launch.java");
        Files.writeString(launch, String.join("\n", "public class Launch {",
                "    public static void main(String[] args) throws Exception {",
                "        Object result = org.eclipse.core.runtime.adaptor.EclipseStarter.run(args, null);",
                "        System.out.flush();",
                "        System.exit(result instanceof Integer status ? status : 13);",
                "    }", "}", ""));
        Path framework = Path.of(Bundle.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (account.isPresent()) {
            framework = copy(framework, folder.resolve("bundles").resolve("framework_" + framework.getFileName()));
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path home = Files.createDirectories(folder.resolve("home"));
        Path stores = Files.createDirectories(folder.resolve("stores"));
        Files.writeString(script, String.join("\n", "#!/bin/sh",
                "# the other computer's 'cairn': cairn cert ARGS on its own store root (written by OtherComputer)",
                "[ \"$1\" = cert ] && shift",
                account.isPresent() ? "export CAIRN_STORE_ROOT='" + stores + "'"
                        : "export HOME='" + home + "' CAIRN_STORE_ROOT='" + stores + "'",
                "area=$(mktemp -d) || exit 1",
                "cp -r '" + configuration + "/.' \"$area/\"",
                "'" + java + "' --enable-native-access=ALL-UNNAMED -XX:TieredStopAtLevel=1 -XX:+UseSerialGC "
                        + "-Djava.awt.headless=true -Dosgi.noShutdown=false -Dosgi.configuration.area=\"$area\" "
                        + "-Dosgi.user.area=@none -Dslf4j.internal.verbosity=ERROR -cp '" + framework + "' '" + launch
                        + "' -data @none \"$@\"",
                "status=$?", "rm -rf \"$area\"", "exit $status", ""), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        if (account.isPresent()) { // whatever the umask: the account reads them
            readableByAll(configuration);
            readableByAll(launch);
        }
        return script;
    }

    /** @return the known_hosts line of this computer's host key ({@code [127.0.0.1]:PORT ssh-ed25519 AAAA...}) */
    public String knownHostsLine() throws IOException {
        String[] key = Files.readString(folder.resolve("host_ed25519.pub")).strip().split(" ");
        return "[127.0.0.1]:" + port + " " + key[0] + " " + key[1];
    }

    /** @return the computer as the console names it: {@code 127.0.0.1:PORT}, or {@code ACCOUNT@127.0.0.1:PORT} */
    public String name() {
        return account.map(a -> a.name() + "@").orElse("") + "127.0.0.1:" + port;
    }

    /** Copies a bundle (a jar, or a folder of classes) for an account that may not read the original. */
    private static Path copy(Path from, Path to) throws IOException {
        if (Files.isDirectory(from)) {
            try (Stream<Path> all = Files.walk(from)) {
                for (Path p : (Iterable<Path>) all::iterator) {
                    Path target = to.resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        } else {
            Files.copy(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return readableByAll(to);
    }

    /** Makes {@code path} (and what is in it) readable by every account, whatever the umask. */
    private static Path readableByAll(Path path) throws IOException {
        try (Stream<Path> all = Files.walk(path)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x"
                        : "rw-r--r--"));
            }
        }
        return path;
    }

    /** @return what {@code cairn cert ARGS} prints there (run directly, not over SSH: an independent look) */
    public String cairn(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(cairn.toString(), "cert"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(folder.resolve("cairn.err").toFile());
        builder.environment().put("HOME", folder.resolve("home").toString()); // root's, there
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out
                    + Files.readString(folder.resolve("cairn.err")));
        }
        return out;
    }

    /** @return the temporary folders the remote side's transfers use ({@code cairn-remote.*} in /tmp) now */
    public Set<Path> temporaryFolders() throws IOException {
        try (Stream<Path> all = Files.list(Path.of("/tmp"))) {
            return all.filter(p -> p.getFileName().toString().startsWith("cairn-remote.")).collect(Collectors.toSet());
        }
    }

    /**
     * @return how many SSH connections this computer's sshd serves now: its child processes, one for each
     *         connection (the listener forks one per connection; it ends when the client closes the connection)
     */
    public long sessions() {
        return sshd.toHandle().children().filter(ProcessHandle::isAlive).count();
    }

    /** Lets the key of {@code publicKey} (an OpenSSH .pub file) log in too. */
    public void authorize(Path publicKey) throws IOException {
        Files.writeString(folder.resolve("authorized_keys"), Files.readString(publicKey),
                java.nio.file.StandardOpenOption.APPEND);
    }

    /** @return a port of 127.0.0.1 nothing listens on (just now) */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    private static void keygen(Path file) throws IOException, InterruptedException {
        keygen(file, "");
    }

    /** Makes an Ed25519 key pair {@code file} and {@code file.pub}, the private key encrypted with {@code passphrase}. */
    public static void keygen(Path file, String passphrase) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", passphrase, "-C", "cairn-ui-test", "-f",
                file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException("ssh-keygen failed: " + out);
        }
    }

    /** Stops sshd and deletes the other computer's folder (its host keys, store and copies): it was given to it. */
    @Override
    public void close() throws InterruptedException, IOException {
        sshd.destroy();
        if (!sshd.waitFor(10, TimeUnit.SECONDS)) {
            sshd.destroyForcibly();
            sshd.waitFor(10, TimeUnit.SECONDS);
        }
        // not org.cairn.testing.process.Folders.delete: this bundle goes to snap-in publishers on Cairn's update site
        // without org.cairn.testing (releng/check-example.sh installs it so)
        try (java.util.stream.Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
