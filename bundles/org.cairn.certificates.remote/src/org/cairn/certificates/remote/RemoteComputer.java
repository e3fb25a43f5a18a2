package org.cairn.certificates.remote;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Another computer as an administrator names it: {@code [user@]host[:port]}, where {@code host} is a name, an
 * address, a {@code [IPv6]} literal, or a {@code Host} alias of {@code ~/.ssh/config} (which then supplies the
 * HostName, User, Port, IdentityFile and ProxyJump that the name leaves out).
 *
 * @param user the login name, empty for the one {@code ~/.ssh/config} or the local account gives
 * @param host the host name, address or alias
 * @param port the port, empty for the one {@code ~/.ssh/config} gives or 22
 */
public record RemoteComputer(Optional<String> user, String host, OptionalInt port) {

    private static final Pattern SPEC = Pattern.compile(
            "(?:([A-Za-z0-9._][A-Za-z0-9._-]*)@)?(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9._-]+)(?::([0-9]{1,5}))?");

    public RemoteComputer {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(port, "port");
        if (host.isEmpty()) {
            throw new IllegalArgumentException("the host name is empty");
        }
        if (port.isPresent() && (port.getAsInt() < 1 || port.getAsInt() > 65_535)) {
            throw new IllegalArgumentException("the port " + port.getAsInt() + " is not between 1 and 65535");
        }
    }

    /**
     * @param spec {@code [user@]host[:port]}
     * @return the computer it names
     * @throws IllegalArgumentException with a message saying what form is expected
     */
    public static RemoteComputer parse(String spec) {
        Matcher m = SPEC.matcher(spec.strip());
        if (!m.matches() || m.group(2).startsWith("-")) {
            throw new IllegalArgumentException("'" + spec + "' is not a computer name; write [user@]host[:port], for "
                    + "example admin@web1.example.org:2222, or a Host name of ~/.ssh/config.");
        }
        String host = m.group(2);
        if (host.startsWith("[")) {
            host = host.substring(1, host.length() - 1);
        }
        OptionalInt port = OptionalInt.empty();
        if (m.group(3) != null) {
            port = OptionalInt.of(Integer.parseInt(m.group(3)));
        }
        return new RemoteComputer(Optional.ofNullable(m.group(1)), host, port);
    }

    /** @return the computer as it was written, {@code [user@]host[:port]} */
    @Override
    public String toString() {
        String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return user.map(u -> u + "@").orElse("") + h + (port.isPresent() ? ":" + port.getAsInt() : "");
    }
}
