package org.cairn.console.p2.ui;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The installation the console runs from, and `cairn snapin install` run on it as a process of its own: the same
 * command, checks, refusals and rollback as in a terminal, and the running console's own framework is left
 * alone (p2 changes the installation for the next start). {@value #PROPERTY} names another installation (the UI
 * test's copy of the product); otherwise it is the folder of {@code osgi.install.area}.
 */
public record Installation(Path folder) {

    /** A system property naming the installation to install into, instead of the running one's. */
    public static final String PROPERTY = "org.cairn.console.p2.ui.installation";
    /** At most this much of the command's output is kept (the rest is dropped): its messages are short. */
    static final int MAX_OUTPUT = 64 * 1024;

    /** What `cairn snapin install` did: its exit status (0 installed, 1 refused or failed) and its output. */
    public record Result(int status, String output) {
    }

    /** @return the installation the console runs from, when known */
    public static Optional<Installation> current() {
        String named = System.getProperty(PROPERTY);
        if (named != null && !named.isBlank()) {
            return Optional.of(new Installation(Path.of(named)));
        }
        String area = System.getProperty("osgi.install.area");
        if (area == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Installation(Path.of(new URI(area.replace(" ", "%20")))));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** @return the launch script, which runs `cairn snapin` */
    public Path script() {
        return folder.resolve("cairn");
    }

    /**
     * Runs {@code cairn snapin install} and waits for it (call it off the Display thread).
     *
     * @param repository a folder, a .zip file or an address, as the command takes it
     * @param feature the feature's id
     * @param trustUnsigned whether content without a signature may be installed
     * @param signer a publisher's certificate to trust, if any
     */
    public Result install(String repository, String feature, boolean trustUnsigned, Optional<Path> signer)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(script().toString(), "snapin", "install"));
        if (trustUnsigned) {
            command.add("--trust-unsigned");
        }
        signer.ifPresent(file -> {
            command.add("--trust-signer");
            command.add(file.toString());
        });
        command.add(repository);
        command.add(feature);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).directory(folder.toFile());
        // the same Java as the console's, whatever JAVA_HOME and PATH say
        builder.environment().put("CAIRN_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Process process = builder.start();
        process.getOutputStream().close();
        String output = read(process.getInputStream());
        return new Result(process.waitFor(), output);
    }

    /** @return whether the launch script is there */
    public boolean hasScript() {
        return Files.isExecutable(script());
    }

    private static String read(InputStream in) throws IOException {
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int read;
        while ((read = in.read(buffer)) >= 0) {
            int room = MAX_OUTPUT - kept.size();
            kept.write(buffer, 0, Math.min(room, read)); // the rest is read and dropped, so the process never blocks
        }
        return kept.toString(StandardCharsets.UTF_8).strip();
    }
}
