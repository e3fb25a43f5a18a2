package org.cairn.certificates.core;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Whose certificates a store holds, as the MMC Certificates snap-in asks when it is added:
 * "My user account", "Service account" or "Computer account".
 *
 * <p>A closed set of three values; compare with {@code equals} or switch over the records.</p>
 */
public sealed interface Scope permits Scope.CurrentUser, Scope.Service, Scope.Computer {

    /** @return the scope of the user running this process ("My user account"). */
    static Scope currentUser() {
        return CurrentUser.INSTANCE;
    }

    /**
     * @param name the service name: letters, digits, {@code . _ -}, 1 to 64 characters, as it is a directory name
     * @return the scope of the named service ("Service account")
     * @throws IllegalArgumentException if the name could escape its directory or is empty
     */
    static Scope service(String name) {
        return new Service(name);
    }

    /** @return the scope of the computer ("Computer account"). */
    static Scope computer() {
        return Computer.INSTANCE;
    }

    /** @return the name MMC shows for this scope, for example {@code "Certificates - Current User"}. */
    String displayName();

    /** @return a short stable token: {@code user}, {@code computer} or {@code service:NAME}. */
    String token();

    /**
     * Parses what {@link #token()} returns.
     *
     * @param token {@code user}, {@code computer} or {@code service:NAME}
     * @return the scope
     * @throws IllegalArgumentException with the accepted forms when the token is not one of them
     */
    static Scope fromToken(String token) {
        Objects.requireNonNull(token, "token");
        if (token.equals("user")) {
            return currentUser();
        }
        if (token.equals("computer")) {
            return computer();
        }
        if (token.startsWith("service:")) {
            return service(token.substring("service:".length()));
        }
        throw new IllegalArgumentException(
                "Unknown scope '" + token + "': use 'user', 'computer' or 'service:NAME'.");
    }

    /** The current user's own certificates. */
    record CurrentUser() implements Scope {
        static final CurrentUser INSTANCE = new CurrentUser();

        @Override
        public String displayName() {
            return "Certificates - Current User";
        }

        @Override
        public String token() {
            return "user";
        }
    }

    /**
     * A named service's certificates.
     *
     * @param name the service name (validated, safe as a directory name)
     */
    record Service(String name) implements Scope {
        private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,63}");

        public Service {
            Objects.requireNonNull(name, "name");
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("Service name '" + name
                        + "' is not valid: use 1 to 64 letters, digits, '.', '_' or '-', not starting with '.' or '-'.");
            }
        }

        @Override
        public String displayName() {
            return "Certificates - Service (" + name + ")";
        }

        @Override
        public String token() {
            return "service:" + name;
        }
    }

    /** The computer's certificates. */
    record Computer() implements Scope {
        static final Computer INSTANCE = new Computer();

        @Override
        public String displayName() {
            return "Certificates (Local Computer)";
        }

        @Override
        public String token() {
            return "computer";
        }
    }
}
