package org.cairn.certificates.export.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * How the bytes reach the temporary file: the one seam through which tests make a write fail halfway (a full
 * disk, an I/O error) or the sync fail, to prove that nothing is left behind.
 */
interface FileOutput {

    /** Writes everything, then syncs data and metadata. */
    FileOutput DIRECT = new FileOutput() {
    };

    /**
     * @param channel the open temporary file
     * @param data    everything to write
     * @throws IOException when writing fails
     */
    default void write(FileChannel channel, ByteBuffer data) throws IOException {
        while (data.hasRemaining()) {
            channel.write(data);
        }
    }

    /**
     * @param channel the temporary file, fully written
     * @throws IOException when the data cannot be made durable
     */
    default void sync(FileChannel channel) throws IOException {
        channel.force(true);
    }
}
