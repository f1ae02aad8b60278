package org.forklab.kernel.protocol;

/**
 * The one thread that serves a jeromq socket, and the one way to stop it. A jeromq socket must be
 * closed by the thread that uses it: closed from the control thread while the shell thread sat in
 * recv, the close was sometimes lost, and the context's term() then waited for it forever (the
 * kernel hung 8 s on shutdown, until the exit watchdog halted it). So another thread only asks;
 * the loop closes its socket as it ends, within one receive time-out, or at once when the
 * context's term() wakes its recv.
 */
final class SocketLoop {
    private final Runnable closeSocket;
    private volatile boolean running;
    private volatile Thread thread;
    private boolean socketClosed;

    /** {@code closeSocket} closes the socket itself (the socket class's own close). */
    SocketLoop(Runnable closeSocket) {
        this.closeSocket = closeSocket;
    }

    void start(Thread loop) {
        running = true;
        thread = loop;
        loop.start();
    }

    boolean running() {
        return running;
    }

    /** Asks the loop to end at its next look at the flag; the socket stays for the loop to close. */
    void stop() {
        running = false;
    }

    /** Stops the loop; closes the socket here only when no loop runs or this is the loop's thread. */
    void close() {
        running = false;
        Thread loop = thread;
        if (loop == null || loop == Thread.currentThread()) {
            closeSocket();
        }
    }

    /** The loop's last act (and close's, without a loop): the socket is closed once. */
    synchronized void closeSocket() {
        if (!socketClosed) {
            socketClosed = true;
            closeSocket.run();
        }
    }

    /** Waits for the loop to end, at most {@code millis} (0: for ever); not from the loop itself. */
    void join(long millis) {
        Thread loop = thread;
        if (loop != null && loop != Thread.currentThread()) {
            try {
                loop.join(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
