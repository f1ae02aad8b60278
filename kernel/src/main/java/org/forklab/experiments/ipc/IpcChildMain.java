package org.forklab.experiments.ipc;

import org.forklab.experiments.core.ParentWatch;
import org.forklab.experiments.switching.ThreadPinning;

import java.io.BufferedInputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

/**
 * The child JVM of the inter-process transports: connects back to the parent the way it is
 * told, says READY, then echoes and sinks frames until QUIT.
 * Arguments: {@code <transport word> <address: "-" | socket path | port | shm file> <max payload>}.
 */
public final class IpcChildMain {
    private IpcChildMain() {
    }

    public static void main(String[] args) throws Exception {
        Transport transport = Transport.fromWord(args[0]);
        String address = args[1];
        int maxPayload = Integer.parseInt(args[2]);
        FrameLink link;
        switch (transport) {
            case PIPE -> link = new StreamLink(new BufferedInputStream(new FileInputStream(FileDescriptor.in), 1 << 16),
                    new FileOutputStream(FileDescriptor.out), maxPayload, "child stdio");
            case UNIX_SOCKET -> {
                ParentWatch.start(System.in);
                link = new SocketLink(SocketChannel.open(UnixDomainSocketAddress.of(address)), maxPayload, "child");
            }
            case TCP_LOOPBACK -> {
                ParentWatch.start(System.in);
                SocketChannel ch = SocketChannel.open(new InetSocketAddress("127.0.0.1", Integer.parseInt(address)));
                ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                link = new SocketLink(ch, maxPayload, "child");
            }
            case SHARED_MEMORY -> {
                ParentWatch.start(System.in);
                link = ShmLink.open(Path.of(address), maxPayload, false, Liveness.NONE);
            }
            default -> throw new IllegalArgumentException("not a process transport: " + args[0]);
        }
        try (FrameLink l = link) {
            l.send(Frames.READY, new byte[0], 0);
            EchoPeer.serve(l, ThreadPinning::pinCurrentThread);
        }
    }
}
