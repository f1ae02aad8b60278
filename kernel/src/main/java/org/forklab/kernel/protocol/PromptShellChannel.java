package org.forklab.kernel.protocol;

import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.channels.ShellChannel;
import io.github.spencerpark.jupyter.channels.ShellHandler;
import io.github.spencerpark.jupyter.channels.ShellReplyEnvironment;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.MessageType;
import io.github.spencerpark.jupyter.messages.reply.ErrorReply;
import org.zeromq.ZMQ;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A shell or control channel that blocks in a receive until a request arrives. basekernel's own
 * channel polls without waiting and then sleeps 50 ms, which adds up to 50 ms to every request (a
 * quarter of a second to a notebook's start-up exchanges). jeromq's poller is no cure: measured
 * here, a ROUTER woken through {@code ZMQ.Poller} answers a loopback round trip in ~6 ms (median),
 * one blocked in {@code recv} with a receive time-out in ~0.3 ms. So the loop receives the first
 * frame itself, with a time-out so that it can look at its stop flag, and hands it to basekernel's
 * {@code readMessage} through {@link #recv(int)}. Dispatch is the same as basekernel's.
 */
final class PromptShellChannel extends ShellChannel {
    private static final Logger LOG = Logger.getLogger(PromptShellChannel.class.getName());
    /** How often the loop looks at its stop flag while idle. */
    private static final int RECEIVE_TIMEOUT_MILLIS = 200;

    private final JupyterConnection connection;
    private final boolean control;
    private final SocketLoop loop = new SocketLoop(super::close);
    /** The first frame of the next message, received by the loop, not yet read by readMessage. */
    private byte[] firstFrame;
    /** Every frame of the message being read, to find its signature. */
    private final List<byte[]> frames = new java.util.ArrayList<>();
    private final SeenSignatures seen;

    PromptShellChannel(ZMQ.Context context, io.github.spencerpark.jupyter.messages.HMACGenerator hmac,
                       boolean control, JupyterConnection connection, SeenSignatures seen) {
        super(context, hmac, control, connection);
        this.connection = connection;
        this.control = control;
        this.seen = seen;
    }

    @Override
    public void bind(KernelConnectionProperties properties) {
        int port = control ? properties.getControlPort() : properties.getShellPort();
        bind(formatAddress(properties.getTransport(), properties.getIp(), port));
        loop.start(new Thread(this::serve, control ? "forklab-control" : "forklab-shell"));
    }

    private void serve() {
        setReceiveTimeOut(RECEIVE_TIMEOUT_MILLIS);
        try {
            while (loop.running()) {
                try {
                    serveOne();
                } catch (org.zeromq.ZMQException socketFailed) {
                    // The context's term() on shutdown, or a socket that no longer works.
                    if (loop.running()) {
                        try {
                            LOG.log(Level.SEVERE, "shell loop ended: its socket failed", socketFailed);
                        } catch (Throwable stillFull) {
                            // The loop ends all the same.
                        }
                    }
                    return;
                } catch (Throwable e) {
                    // Whatever one request caused (an Error included) must not end the loop: the
                    // kernel would stay up but answer nothing ever again.
                    try {
                        survive(LOG, "a request failed; the loop goes on", e);
                    } catch (Throwable stillFull) {
                        pauseForMemory(); // even the log line's text could not be made
                    }
                }
            }
        } finally {
            loop.closeSocket();
        }
    }

    private void serveOne() {
        byte[] first = super.recv(0);
        if (first == null || !loop.running()) {
            return; // the time-out: look at the stop flag again
        }
        firstFrame = first;
        frames.clear();
        Message<?> message;
        try {
            message = readMessage();
        } catch (RuntimeException malformed) {
            // One bad message (no header field, bad JSON, wrong signature) is dropped.
            LOG.log(Level.WARNING, "dropped a message that could not be read", malformed);
            return;
        } finally {
            firstFrame = null;
        }
        // readMessage has checked the signature; a valid one seen before is a replay.
        if (message != null && !seen.firstTime(signatureOf(frames))) {
            LOG.warning("ignored a replayed " + message.getHeader().getType().getName()
                    + ": its signature was seen before");
            return;
        }
        handle(message);
    }

    /** The frame after the {@code <IDS|MSG>} delimiter: the message's HMAC, hex (empty without a key). */
    static String signatureOf(List<byte[]> frames) {
        byte[] delimiter = "<IDS|MSG>".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (int i = 0; i + 1 < frames.size(); i++) {
            if (java.util.Arrays.equals(frames.get(i), delimiter)) {
                return new String(frames.get(i + 1), java.nio.charset.StandardCharsets.US_ASCII);
            }
        }
        return "";
    }

    /**
     * basekernel's readMessage reads every frame through {@code recv()}, which lands here: the
     * frame the loop already took comes first. Only the loop thread receives on this socket.
     */
    @Override
    public byte[] recv(int flags) {
        byte[] first = firstFrame;
        if (first != null) {
            firstFrame = null;
            frames.add(first);
            return first;
        }
        byte[] frame = super.recv(flags);
        if (frame != null) {
            frames.add(frame);
        }
        return frame;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void handle(Message message) {
        if (message == null) {
            return;
        }
        ShellHandler handler = connection.getHandler(message.getHeader().getType());
        if (handler == null) {
            LOG.warning("Unhandled message: " + message.getHeader().getType().getName());
            return;
        }
        ShellReplyEnvironment env = connection.prepareReplyEnv(this, message);
        try {
            handler.handle(env, message);
        } catch (Throwable e) {
            survive(LOG, "a request failed", e);
            replyError(env, message.getHeader().getType(), e);
        } finally {
            env.resolveDeferrals();
        }
        if (env.isMarkedForShutdown()) {
            loop.stop();
            connection.close();
        }
    }

    /**
     * Logs what a loop caught, and lives on. An OutOfMemoryError here means a cell filled the heap
     * and is being stopped: logging (which allocates) would throw again, from the catch block, and
     * end the loop. So the loop first waits a moment, without allocating, for the cell's memory
     * to be let go, and gives up on the log line if the heap is still full. Callers call it in a
     * try of their own: even the text of its message is made on first use.
     */
    static void survive(Logger log, String what, Throwable e) {
        if (e instanceof OutOfMemoryError) {
            pauseForMemory();
        }
        try {
            log.log(Level.SEVERE, what, e);
        } catch (Throwable stillFull) {
            // Nothing to do: the next turn of the loop tries again.
        }
    }

    /** Waits a moment without allocating: a cell that filled the heap is being stopped. */
    static void pauseForMemory() {
        java.util.concurrent.locks.LockSupport.parkNanos(OUT_OF_MEMORY_PAUSE_NANOS);
    }

    private static final long OUT_OF_MEMORY_PAUSE_NANOS = 50_000_000L;

    /** The request still gets its reply, with status error, so the front end does not wait forever. */
    private static void replyError(ShellReplyEnvironment env, MessageType<?> requestType, Throwable e) {
        String name = requestType.getName();
        if (!name.endsWith("_request")) {
            return;
        }
        MessageType<?> replyType = MessageType.getType(name.substring(0, name.length() - "_request".length()) + "_reply");
        if (replyType == null || replyType == MessageType.UNKNOWN) {
            return;
        }
        String error = e.getClass().getSimpleName();
        String text = error + ": " + e.getMessage();
        try {
            env.replyError(replyType.error(), new ErrorReply(error, String.valueOf(e.getMessage()), List.of(text)));
        } catch (Throwable failed) {
            LOG.log(Level.SEVERE, "could not send the error reply", failed);
        }
    }

    /** Stops the loop; only the loop's own thread closes its socket: see {@link SocketLoop}. */
    @Override
    public void close() {
        loop.close();
    }

    @Override
    public void waitUntilClose() {
        waitUntilClose(0);
    }

    void waitUntilClose(long millis) {
        loop.join(millis);
    }
}
