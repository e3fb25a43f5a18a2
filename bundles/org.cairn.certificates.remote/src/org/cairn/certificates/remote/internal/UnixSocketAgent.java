package org.cairn.certificates.remote.internal;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.List;

import org.apache.sshd.agent.SshAgent;
import org.apache.sshd.agent.SshAgentFactory;
import org.apache.sshd.agent.SshAgentServer;
import org.apache.sshd.agent.common.AbstractAgentProxy;
import org.apache.sshd.common.FactoryManager;
import org.apache.sshd.common.channel.ChannelFactory;
import org.apache.sshd.common.session.ConnectionService;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;

/**
 * The user's SSH agent ({@code SSH_AUTH_SOCK}) as SSHD's {@link SshAgent}: SSHD speaks the agent protocol
 * ({@link AbstractAgentProxy}); this class carries its messages over the JDK's Unix-domain socket channel. SSHD's
 * own Unix agent client needs Apache Tomcat Native (APR), which is not here. Keys stay in the agent: it only signs.
 */
public final class UnixSocketAgent extends AbstractAgentProxy {

    /** An agent answer larger than this is refused (a list of keys is a few KiB). */
    private static final int MAX_MESSAGE = 256 * 1024;

    private final SocketChannel channel;

    private UnixSocketAgent(SocketChannel channel) {
        super(null);
        this.channel = channel;
    }

    @Override
    protected synchronized Buffer request(Buffer buffer) throws IOException {
        channel.write(ByteBuffer.wrap(buffer.array(), buffer.rpos(), buffer.available()));
        ByteBuffer length = read(4);
        int size = length.getInt();
        if (size <= 0 || size > MAX_MESSAGE) {
            throw new IOException("the SSH agent sent a message of " + size + " bytes; refused");
        }
        return new ByteArrayBuffer(read(size).array());
    }

    private ByteBuffer read(int size) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(size);
        while (b.hasRemaining()) {
            if (channel.read(b) < 0) {
                throw new IOException("the SSH agent closed the connection");
            }
        }
        return b.flip();
    }

    @Override
    public boolean isOpen() {
        return channel.isOpen();
    }

    @Override
    public void close() throws IOException {
        try {
            super.close();
        } finally {
            channel.close();
        }
    }

    /** Connects to the agent at {@code socket} for each SSH session that authenticates. */
    public static SshAgentFactory factory(Path socket) {
        return new SshAgentFactory() {
            @Override
            public List<ChannelFactory> getChannelForwardingFactories(FactoryManager manager) {
                return List.of(); // no agent forwarding to the other computer
            }

            @Override
            public SshAgent createClient(Session session, FactoryManager manager) throws IOException {
                SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
                try {
                    channel.connect(UnixDomainSocketAddress.of(socket));
                } catch (IOException e) {
                    channel.close();
                    throw new IOException("cannot reach the SSH agent at " + socket + " (SSH_AUTH_SOCK): "
                            + e.getMessage(), e);
                }
                return new UnixSocketAgent(channel);
            }

            @Override
            public SshAgentServer createServer(ConnectionService service) {
                throw new UnsupportedOperationException("Cairn forwards no SSH agent");
            }
        };
    }
}
