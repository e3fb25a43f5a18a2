package org.cairn.certificates.core;

import java.time.Clock;
import java.util.Objects;

/**
 * How {@link CertificateStore#validator(ValidationOptions)} validates.
 *
 * @param clock      the validation time is this clock's "now" (tests inject a fixed clock)
 * @param revocation whether to check revocation (CRL and OCSP, which may reach the network); off by default, as
 *                   nothing in the stores tells where revocation information lives offline
 * @since 1.2
 */
public record ValidationOptions(Clock clock, boolean revocation) {

    public ValidationOptions {
        Objects.requireNonNull(clock, "clock");
    }

    /** @return the system clock, revocation off */
    public static ValidationOptions defaults() {
        return new ValidationOptions(Clock.systemUTC(), false);
    }

    /** @param value another clock; @return these options at that clock */
    public ValidationOptions withClock(Clock value) {
        return new ValidationOptions(value, revocation);
    }

    /** @param value whether to check revocation; @return these options with that setting */
    public ValidationOptions withRevocation(boolean value) {
        return new ValidationOptions(clock, value);
    }
}
