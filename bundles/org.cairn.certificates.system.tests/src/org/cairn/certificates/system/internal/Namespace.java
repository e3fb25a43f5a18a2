package org.cairn.certificates.system.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs a bash script as root in a private mount namespace ({@code unshare -m}), where the script bind-mounts
 * temporary copies over the system's trust directories before it changes anything; and fingerprints the real
 * files, so a test can prove the machine's trust did not change.
 */
final class Namespace {

    private Namespace() {
    }

    /** @return empty when this process may make private mount namespaces; else why not */
    static java.util.Optional<String> whyUnavailable() {
        if (!"0".equals(uid())) {
            return java.util.Optional.of("needs root (uid 0) to bind-mount over the system's trust directories; runs as uid " + uid());
        }
        try {
            Process p = new ProcessBuilder("unshare", "-m", "true").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return java.util.Optional.of("'unshare -m true' is not permitted here: " + out.strip());
            }
        } catch (IOException e) {
            return java.util.Optional.of("unshare (util-linux) cannot run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.Optional.of("interrupted");
        }
        return java.util.Optional.empty();
    }

    private static String uid() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return line.substring(4).trim().split("\\s+")[1];
                }
            }
        } catch (IOException e) {
            // fall through
        }
        return "?";
    }

    /** @return exit status and output of {@code unshare -m bash script args} */
    static Result run(Path script, long timeoutSeconds, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("unshare", "-m", "--propagation", "private", "bash", script.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("the namespace script did not finish within " + timeoutSeconds + " s:\n"
                    + new String(out, StandardCharsets.UTF_8));
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    /** A finished script. */
    record Result(int status, String output) {
        /** @return the values of {@code key=value} lines, in order */
        List<String> values(String key) {
            return output.lines().filter(l -> l.startsWith(key + "=")).map(l -> l.substring(key.length() + 1)).toList();
        }
    }

    /**
     * @param paths real files and directories
     * @return for each, its SHA-256 (files), or its entries' names and link targets (directories), as one text
     */
    static String fingerprint(List<Path> paths) throws IOException {
        TreeMap<String, String> all = new TreeMap<>();
        for (Path path : paths) {
            if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                try (Stream<Path> list = Files.list(path)) {
                    for (Path p : (Iterable<Path>) list::iterator) {
                        all.put(p.toString(), Files.isSymbolicLink(p) ? "-> " + Files.readSymbolicLink(p)
                                : Files.isRegularFile(p) ? sha256(p) : "dir");
                    }
                }
            } else if (Files.exists(path)) {
                all.put(path.toString(), sha256(path));
            } else {
                all.put(path.toString(), "absent");
            }
        }
        StringBuilder text = new StringBuilder();
        all.forEach((k, v) -> text.append(k).append(' ').append(v).append('\n'));
        return text.toString();
    }

    static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
