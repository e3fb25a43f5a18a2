package org.cairn.certificates.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Who is asking: the numeric user id and the user name. Rights answers ({@link AccessDenial}) are computed
 * for an identity, so tests running as root can prove what an ordinary account is refused.
 *
 * @param uid      the effective numeric user id; 0 is root
 * @param userName the account name, for messages
 */
public record Identity(int uid, String userName) {

    public Identity {
        Objects.requireNonNull(userName, "userName");
        if (uid < 0) {
            throw new IllegalArgumentException("uid must not be negative: " + uid);
        }
    }

    /** @return whether this is the super-user (uid 0) */
    public boolean isRoot() {
        return uid == 0;
    }

    /**
     * The identity of this process, read from the operating system: the effective uid from
     * {@code /proc/self/status}, or from {@code id -u} where there is no {@code /proc}.
     *
     * @return the identity
     * @throws IllegalStateException when the operating system does not tell the uid
     */
    public static Identity current() {
        String name = System.getProperty("user.name", "unknown");
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    // Uid: real effective saved filesystem
                    String[] fields = line.substring(4).trim().split("\\s+");
                    return new Identity(Integer.parseInt(fields[1]), name);
                }
            }
        } catch (IOException | RuntimeException e) {
            // no /proc (or an unexpected format): ask id(1) below
        }
        try {
            Process process = new ProcessBuilder(List.of("id", "-u")).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes()).trim();
            if (process.waitFor() == 0) {
                return new Identity(Integer.parseInt(out), name);
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Cannot tell which user runs Cairn: neither /proc/self/status nor 'id -u' answered.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new IllegalStateException("Cannot tell which user runs Cairn: neither /proc/self/status nor 'id -u' answered.");
    }

    @Override
    public String toString() {
        return userName + " (uid " + uid + ")";
    }
}
