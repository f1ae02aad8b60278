package org.forklab.experiments.switching;

import org.forklab.experiments.core.Cpus;
import org.forklab.experiments.core.Sampler;
import org.forklab.experiments.core.Samples;
import org.forklab.experiments.core.SamplingPlan;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A ping-pong between two Java platform threads started for one run (never the caller's own
 * thread, so nothing of the caller is ever pinned). Both threads are stopped and joined on
 * every path: normal end, failure, time limit, interrupt.
 */
final class JavaPingPong {
    private static final long JOIN_MILLIS = 5_000;

    private JavaPingPong() {
    }

    /** One way of carrying the byte: the initiator's round trip and the partner's echo loop. */
    private interface Link extends AutoCloseable {
        void roundTrip() throws Exception;

        /** Answers until the link is closed. */
        void echo() throws Exception;

        @Override
        void close() throws IOException;
    }

    /** Result of one run: the samples and the CPUs each side was last seen on. */
    record Outcome(Samples samples, int initiatorCpu, int partnerCpu) {
    }

    static Outcome run(SwitchMode mode, Placement placement, int cpuA, int cpuB, String label, SamplingPlan plan)
            throws Exception {
        try (Link link = mode == SwitchMode.JAVA_PIPE ? new PipeLink() : new HandoffLink()) {
            AtomicReference<Throwable> partnerFailure = new AtomicReference<>();
            AtomicReference<Throwable> initiatorFailure = new AtomicReference<>();
            AtomicReference<Samples> samples = new AtomicReference<>();
            AtomicInteger partnerCpu = new AtomicInteger(-1);
            AtomicInteger initiatorCpu = new AtomicInteger(-1);
            CountDownLatch partnerReady = new CountDownLatch(1);
            AtomicBoolean stopping = new AtomicBoolean();
            Thread partner = new Thread(() -> {
                try {
                    if (placement.pinned()) {
                        ThreadPinning.pinCurrentThread(cpuB);
                    }
                    partnerReady.countDown();
                    link.echo();
                } catch (Throwable t) {
                    if (!stopping.get()) { // after the stop, a closed pipe or an interrupt is the normal end
                        partnerFailure.set(t);
                    }
                } finally {
                    partnerCpu.set(Cpus.current());
                    partnerReady.countDown();
                }
            }, "forklab-switch-partner");
            Thread initiator = new Thread(() -> {
                try {
                    if (placement.pinned()) {
                        ThreadPinning.pinCurrentThread(cpuA);
                    }
                    samples.set(Sampler.measure(label, plan, times -> {
                        for (int i = 0; i < times; i++) {
                            link.roundTrip();
                        }
                    }));
                } catch (Throwable t) {
                    initiatorFailure.set(t);
                } finally {
                    initiatorCpu.set(Cpus.current());
                }
            }, "forklab-switch-initiator");
            partner.setDaemon(true);
            initiator.setDaemon(true);
            partner.start();
            try {
                partnerReady.await();
                if (partnerFailure.get() == null) {
                    initiator.start();
                    initiator.join();
                }
            } catch (InterruptedException e) {
                initiator.interrupt();
                partner.interrupt();
                throw e;
            } finally {
                // Closing ends the partner's echo loop; an interrupt ends a blocked queue or channel.
                stopping.set(true);
                link.close();
                partner.interrupt();
                initiator.interrupt();
                partner.join(JOIN_MILLIS);
                initiator.join(JOIN_MILLIS);
                if (partner.isAlive() || initiator.isAlive()) {
                    throw new IllegalStateException("a ping-pong thread did not stop within " + JOIN_MILLIS + " ms");
                }
            }
            Throwable failed = initiatorFailure.get() != null ? initiatorFailure.get() : partnerFailure.get();
            if (failed instanceof Exception e) {
                throw e;
            } else if (failed != null) {
                throw (Error) failed;
            }
            return new Outcome(samples.get(), initiatorCpu.get(), partnerCpu.get());
        }
    }

    /** A java.nio Pipe each way, one byte per message. */
    private static final class PipeLink implements Link {
        private final Pipe toPartner = Pipe.open();
        private final Pipe toInitiator = Pipe.open();
        private final ByteBuffer initiatorBuffer = ByteBuffer.allocateDirect(1);
        private final ByteBuffer partnerBuffer = ByteBuffer.allocateDirect(1);

        PipeLink() throws IOException {
        }

        @Override
        public void roundTrip() throws IOException {
            initiatorBuffer.clear().put((byte) 'x').flip();
            toPartner.sink().write(initiatorBuffer);
            initiatorBuffer.clear();
            if (toInitiator.source().read(initiatorBuffer) != 1) {
                throw new IOException("the ping-pong partner is gone");
            }
        }

        @Override
        public void echo() throws IOException {
            while (true) {
                partnerBuffer.clear();
                if (toPartner.source().read(partnerBuffer) != 1) {
                    return; // the initiator closed its end: the run is over
                }
                partnerBuffer.flip();
                toInitiator.sink().write(partnerBuffer);
            }
        }

        @Override
        public void close() throws IOException {
            toPartner.sink().close();
            toPartner.source().close();
            toInitiator.sink().close();
            toInitiator.source().close();
        }
    }

    /** A SynchronousQueue each way: a hand-off with no pipe, parking and unparking the threads. */
    private static final class HandoffLink implements Link {
        private static final Object BALL = new Object();
        private final SynchronousQueue<Object> toPartner = new SynchronousQueue<>();
        private final SynchronousQueue<Object> toInitiator = new SynchronousQueue<>();

        @Override
        public void roundTrip() throws InterruptedException {
            toPartner.put(BALL);
            toInitiator.take();
        }

        @Override
        public void echo() throws InterruptedException {
            // Untimed take and put, as a real hand-off would use; the run ends it with an interrupt.
            while (true) {
                toInitiator.put(toPartner.take());
            }
        }

        @Override
        public void close() {
            // nothing to release: the partner is interrupted by the caller
        }
    }
}
