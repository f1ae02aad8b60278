package org.forklab.experiments.ipc;

import java.io.IOException;

/** The far side of every transport, thread or child process alike: echo, sink and count, quit. */
final class EchoPeer {
    private EchoPeer() {
    }

    /** Moves the serving thread to other CPUs when the timing side asks (a PLACE frame). */
    @FunctionalInterface
    interface Pinner {
        Pinner REFUSE = cpus -> {
            throw new IOException("this peer cannot be moved to CPUs " + cpus);
        };

        void pin(String cpus) throws IOException, InterruptedException;
    }

    /** Serves frames until QUIT; returns the payload bytes received in all. */
    static long serve(FrameLink link) throws IOException, InterruptedException {
        return serve(link, Pinner.REFUSE);
    }

    static long serve(FrameLink link, Pinner pinner) throws IOException, InterruptedException {
        long sunk = 0;
        long total = 0;
        byte[] reply = new byte[8];
        while (true) {
            int kind = link.receive();
            total += link.length();
            switch (kind) {
                case Frames.ECHO -> link.send(Frames.ECHO, link.payload(), link.length());
                case Frames.SINK -> sunk += link.length();
                case Frames.SYNC -> {
                    Frames.putLong(reply, 0, sunk);
                    sunk = 0;
                    link.send(Frames.SYNC, reply, 8);
                }
                case Frames.PLACE -> {
                    pinner.pin(new String(link.payload(), 0, link.length(), java.nio.charset.StandardCharsets.US_ASCII));
                    link.send(Frames.PLACE, reply, 0);
                }
                case Frames.QUIT -> {
                    return total;
                }
                default -> throw new IOException("unknown frame kind " + kind);
            }
        }
    }
}
