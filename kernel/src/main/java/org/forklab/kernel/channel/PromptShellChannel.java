package org.forklab.kernel.channel;

import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.channels.ShellChannel;
import io.github.spencerpark.jupyter.channels.ShellHandler;
import io.github.spencerpark.jupyter.channels.ShellReplyEnvironment;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import io.github.spencerpark.jupyter.messages.Message;
import org.zeromq.ZMQ;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A shell or control channel that blocks in poll until a request arrives. basekernel's own channel
 * polls without waiting and then sleeps 50 ms, which adds up to 50 ms to every request (a quarter
 * of a second to a notebook's start-up exchanges). Dispatch is the same as basekernel's.
 */
final class PromptShellChannel extends ShellChannel {
    private static final Logger LOG = Logger.getLogger(PromptShellChannel.class.getName());
    /** How often the loop looks at its stop flag while idle. */
    private static final long POLL_MILLIS = 200;

    private final JupyterConnection connection;
    private final boolean control;
    private volatile boolean running;
    private Thread loop;

    PromptShellChannel(ZMQ.Context context, io.github.spencerpark.jupyter.messages.HMACGenerator hmac,
                       boolean control, JupyterConnection connection) {
        super(context, hmac, control, connection);
        this.connection = connection;
        this.control = control;
    }

    @Override
    public void bind(KernelConnectionProperties properties) {
        int port = control ? properties.getControlPort() : properties.getShellPort();
        bind(formatAddress(properties.getTransport(), properties.getIp(), port));
        running = true;
        loop = new Thread(this::serve, control ? "forklab-control" : "forklab-shell");
        loop.start();
    }

    private void serve() {
        ZMQ.Poller poller = ctx.poller(1);
        poller.register(this, ZMQ.Poller.POLLIN);
        try {
            while (running) {
                if (poller.poll(POLL_MILLIS) <= 0 || !running) {
                    continue;
                }
                Message<?> message;
                try {
                    message = readMessage();
                } catch (RuntimeException malformed) {
                    // One bad message (no header field, bad JSON, wrong signature) must not end the
                    // loop: the kernel would stay up but answer nothing ever again.
                    LOG.log(Level.WARNING, "dropped a message that could not be read", malformed);
                    continue;
                }
                handle(message);
            }
        } catch (RuntimeException e) {
            if (running) {
                LOG.log(Level.SEVERE, "shell loop ended", e);
            }
        } finally {
            poller.close();
        }
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
        } catch (Exception e) {
            LOG.log(Level.SEVERE, "Unhandled exception handling " + message.getHeader().getType().getName(), e);
        } finally {
            env.resolveDeferrals();
        }
        if (env.isMarkedForShutdown()) {
            running = false;
            connection.close();
        }
    }

    @Override
    public void close() {
        running = false;
        super.close();
    }

    @Override
    public void waitUntilClose() {
        waitUntilClose(0);
    }

    void waitUntilClose(long millis) {
        Thread thread = loop;
        if (thread != null && thread != Thread.currentThread()) {
            try {
                thread.join(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
