package org.cairn.certificates.export.internal;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Runs a key derivation beside another one. An export spends nearly all its time in independent password-based
 * key derivations (100,000 iterations each by default); on two or more cores, doing two at once halves the wait.
 * A virtual thread per task: nothing is pooled or kept between exports.
 */
final class Concurrently {

    private Concurrently() {
    }

    /**
     * @param task the work
     * @return its future, already running
     */
    static <T> FutureTask<T> fork(Callable<T> task) {
        FutureTask<T> future = new FutureTask<>(task);
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

    /**
     * Waits until a forked task has finished, whatever its outcome: before data it reads is cleared.
     *
     * @param task a forked task
     */
    static void awaitQuietly(FutureTask<?> task) {
        boolean interrupted = false;
        while (true) {
            try {
                task.get();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (ExecutionException | java.util.concurrent.CancellationException e) {
                break;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
