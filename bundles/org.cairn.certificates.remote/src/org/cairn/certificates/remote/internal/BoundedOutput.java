package org.cairn.certificates.remote.internal;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;

/** Collects a remote stream up to a limit; what comes beyond is counted, not kept (a remote cannot fill memory). */
public final class BoundedOutput extends OutputStream {

    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final long limit;
    private long total;

    public BoundedOutput(long limit) {
        this.limit = limit;
    }

    @Override
    public synchronized void write(int b) {
        if (total++ < limit) {
            kept.write(b);
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        long room = Math.max(0, limit - total);
        kept.write(b, off, (int) Math.min(room, len));
        total += len;
    }

    /** @return whether more than the limit arrived */
    public synchronized boolean overflowed() {
        return total > limit;
    }

    public synchronized byte[] bytes() {
        return kept.toByteArray();
    }
}
