package org.cairn.certificates.export;

/**
 * Administrator settings of the export service, read from the Eclipse preference node
 * {@value #PREFERENCE_NODE} (instance, configuration and default scopes) at every export, never from
 * JVM-global security properties.
 *
 * <p>The PKCS #12 iteration count applies alike to the key encryption, the certificate encryption and the MAC.
 * With "strong protection" (the default) it is {@link #strongIterations()}, 100,000 unless configured;
 * without it, {@link #standardIterations()}, 2,000 unless configured: the count Windows writes, for appliances
 * that cannot afford more.</p>
 *
 * @param strongIterations   iteration count with strong protection, 1 to {@value #MAX_ITERATIONS}
 * @param standardIterations iteration count without it, 1 to {@value #MAX_ITERATIONS}
 */
public record ExportSettings(int strongIterations, int standardIterations) {

    /** The preference node (Eclipse qualifier) the DS service reads. */
    public static final String PREFERENCE_NODE = "org.cairn.certificates.export";
    /** Preference key of {@link #strongIterations()}. */
    public static final String STRONG_ITERATIONS_KEY = "pkcs12.strongIterations";
    /** Preference key of {@link #standardIterations()}. */
    public static final String STANDARD_ITERATIONS_KEY = "pkcs12.standardIterations";
    /** Default iteration count with strong protection. */
    public static final int DEFAULT_STRONG_ITERATIONS = 100_000;
    /** Default iteration count without strong protection (Windows' count). */
    public static final int DEFAULT_STANDARD_ITERATIONS = 2_000;
    /**
     * Upper bound, so that a typo cannot make an export (and every later import) take minutes: three derivations
     * (key, certificates, MAC) at this count stay within the work an import allows one file (its readers refuse
     * more: Cairn never writes a file it would refuse to read).
     */
    public static final int MAX_ITERATIONS = 1_000_000;

    public ExportSettings {
        check(strongIterations, STRONG_ITERATIONS_KEY);
        check(standardIterations, STANDARD_ITERATIONS_KEY);
    }

    private static void check(int value, String key) {
        if (value < 1 || value > MAX_ITERATIONS) {
            throw new IllegalArgumentException("Preference " + PREFERENCE_NODE + "/" + key + " is " + value
                    + ": give an iteration count from 1 to " + MAX_ITERATIONS + ".");
        }
    }

    /** @return 100,000 with strong protection, 2,000 without */
    public static ExportSettings defaults() {
        return new ExportSettings(DEFAULT_STRONG_ITERATIONS, DEFAULT_STANDARD_ITERATIONS);
    }

    /**
     * @param strongProtection whether the request asks for strong protection
     * @return the iteration count to use
     */
    public int iterations(boolean strongProtection) {
        return strongProtection ? strongIterations : standardIterations;
    }
}
