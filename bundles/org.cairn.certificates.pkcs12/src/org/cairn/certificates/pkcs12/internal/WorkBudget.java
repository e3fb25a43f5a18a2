package org.cairn.certificates.pkcs12.internal;

/**
 * The work one read of a file may still do: key derivations charge it before they run, so that a file asking for
 * more in total (many safes at a high iteration count, or a count tried with two password forms) is refused at
 * once instead of after minutes. One per read; thread-safe, as derivations of one read may run side by side.
 */
public final class WorkBudget {

    private final long limit;
    private long used;

    /** @param limit the total work, in iterations x blocks */
    public WorkBudget(long limit) {
        this.limit = limit;
    }

    /** @return a budget of {@link Limits#MAX_WORK} */
    public static WorkBudget standard() {
        return new WorkBudget(Limits.MAX_WORK);
    }

    /**
     * Charges a derivation before it runs.
     *
     * @param iterations its iteration count (already checked against {@link Limits#MAX_ITERATIONS})
     * @param blocks     the hash output blocks it derives
     * @param forms      how many password forms it may be tried with
     * @param what       what it is, for the message
     * @throws Pkcs12Exception LIMIT when the read's total would exceed the budget
     */
    public synchronized void charge(long iterations, long blocks, int forms, String what) throws Pkcs12Exception {
        long cost;
        try {
            cost = Math.multiplyExact(Math.multiplyExact(Math.max(iterations, 1), Math.max(blocks, 1)), Math.max(forms, 1));
        } catch (ArithmeticException e) {
            cost = Long.MAX_VALUE;
        }
        if (cost > limit - used) {
            throw Limits.refused("more key-derivation work than any certificate file needs (" + what + " would bring the "
                    + "total to " + (used > Long.MAX_VALUE - cost ? "more than " + Long.MAX_VALUE : String.valueOf(used + cost))
                    + " iterations x blocks" + (forms > 1 ? ", trying both forms of the empty password" : "") + ")",
                    "at most " + limit + " in total" + (forms > 1 ? "; if the file has a password, give it" : ""));
        }
        used += cost;
    }

    /** @return the total work allowed */
    public long limit() {
        return limit;
    }

    /** @return the work charged so far */
    public synchronized long used() {
        return used;
    }
}
