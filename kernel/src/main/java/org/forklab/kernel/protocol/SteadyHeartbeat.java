package org.forklab.kernel.protocol;

import io.github.spencerpark.jupyter.channels.JupyterSocket;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import io.github.spencerpark.jupyter.messages.HMACGenerator;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

import java.util.logging.Logger;

/**
 * The heartbeat: echoes every ping. basekernel's own ends its thread on the first Throwable, and a
 * cell that fills the heap makes one strike there (a thread dump showed "OutOfMemoryError thrown
 * from the UncaughtExceptionHandler in thread Heartbeat-0"). This loop survives anything, and like
 * {@link PromptShellChannel} it blocks in a receive rather than polling and sleeping.
 */
final class SteadyHeartbeat extends JupyterSocket {
    private static final Logger LOG = Logger.getLogger(SteadyHeartbeat.class.getName());
    /** How often the loop looks at its stop flag while no ping comes. */
    private static final int RECEIVE_TIMEOUT_MILLIS = 200;

    private final SocketLoop loop = new SocketLoop(super::close);

    SteadyHeartbeat(ZMQ.Context context, HMACGenerator hmac) {
        super(context, SocketType.REP, hmac, LOG);
    }

    @Override
    public void bind(KernelConnectionProperties properties) {
        bind(formatAddress(properties.getTransport(), properties.getIp(), properties.getHbPort()));
        Thread thread = new Thread(this::echo, "forklab-heartbeat");
        thread.setDaemon(true);
        loop.start(thread);
    }

    private void echo() {
        setReceiveTimeOut(RECEIVE_TIMEOUT_MILLIS);
        byte[] ping = null; // kept until echoed: a REP socket must answer before it may receive again
        try {
            while (loop.running()) {
                try {
                    if (ping == null) {
                        ping = recv(0);
                    }
                    if (ping != null && send(ping, 0)) {
                        ping = null;
                    }
                } catch (org.zeromq.ZMQException socketFailed) {
                    return; // the context's term() on shutdown
                } catch (Throwable e) {
                    try {
                        PromptShellChannel.survive(LOG, "the heartbeat failed once; it goes on", e);
                    } catch (Throwable stillFull) {
                        PromptShellChannel.pauseForMemory();
                    }
                }
            }
        } finally {
            loop.closeSocket();
        }
    }

    /** Only the loop's own thread closes its socket: see {@link SocketLoop}. */
    @Override
    public void close() {
        loop.close();
    }
}
