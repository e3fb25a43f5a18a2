package org.cairn.certificates.export.internal;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Runs key derivations beside the export's other work. An export spends most of its time in independent
 * password-based key derivations (100,000 iterations each by default), which need nothing but the password: they
 * run while the store is read and the chain built, and beside each other on the machine's cores. A virtual thread
 * per task: nothing is pooled or kept between exports.
 */
final class Concurrently {

    private Concurrently() {
    }

    /** A derivation from a password. */
    @FunctionalInterface
    interface Derivation<T> {
        /**
         * @param password the task's own copy of the password, cleared after the call
         * @return the derived result
         * @throws Exception as the derivation throws it
         */
        T derive(char[] password) throws Exception;
    }

    /**
     * Forks a derivation with its own copy of the password (copied now, on the caller's thread), so that the caller
     * may clear its password without waiting for the task; the task clears its copy when it ends, or at once when it
     * is cancelled before it started.
     *
     * @param password the password, copied
     * @param task     the work
     * @return its future, already running
     */
    static <T> FutureTask<T> fork(char[] password, Derivation<T> task) {
        char[] copy = password.clone();
        FutureTask<T> future = new FutureTask<>(() -> {
            try {
                return task.derive(copy);
            } finally {
                Arrays.fill(copy, '\0');
            }
        }) {
            @Override
            protected void done() {
                if (isCancelled()) {
                    // its result will never be used: clear the copy now, whether or not the derivation started
                    Arrays.fill(copy, '\0');
                }
            }
        };
        Thread.ofVirtual().name("cairn-export-derivation").start(future);
        return future;
    }

    /**
     * @param future a forked task
     * @return its result
     * @throws GeneralSecurityException as the task threw it
     * @throws IOException              as the task threw it
     */
    static <T> T join(FutureTask<T> future) throws GeneralSecurityException, IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while deriving keys", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof GeneralSecurityException g) {
                throw g;
            }
            if (cause instanceof IOException i) {
                throw i;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }
}
