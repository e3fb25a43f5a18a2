package org.cairn.certificates.remote;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What one remote command gave back.
 *
 * @param exitStatus its exit status
 * @param out        its standard output (bounded)
 * @param err        its standard error (bounded, as text)
 */
public record RemoteResult(int exitStatus, byte[] out, String err) {

    public RemoteResult {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
    }

    /** @return standard output as UTF-8 text */
    public String outText() {
        return new String(out, StandardCharsets.UTF_8);
    }
}
