package org.forklab.experiments.core;

/**
 * Times an operation the honest way: cold first operations one by one and apart, then warm-up,
 * then batches sized so that each sample is long against the clock's own cost.
 */
public final class Sampler {
    private static final int MAX_AUTO_BATCH = 1 << 20;

    private Sampler() {
    }

    public static Samples measure(String label, SamplingPlan plan, TimedOperation op) throws Exception {
        Deadline deadline = Deadline.after(plan.timeLimit());
        double[] cold = new double[plan.coldOps()];
        for (int i = 0; i < cold.length; i++) {
            deadline.check();
            cold[i] = timeOnce(op, 1);
        }
        int warmed = 0;
        while (warmed < plan.warmupOps()) {
            deadline.check();
            int chunk = Math.min(plan.warmupOps() - warmed, 1_000);
            op.run(chunk);
            warmed += chunk;
        }
        int batch = plan.opsPerSample() > 0 ? plan.opsPerSample() : chooseBatch(op, plan, deadline);
        double[] values = new double[plan.samples()];
        for (int i = 0; i < values.length; i++) {
            deadline.check();
            values[i] = timeOnce(op, batch) / batch;
        }
        return new Samples(label, "ns", values, cold, batch);
    }

    /** Doubles the batch until one sample lasts at least the plan's minimum sample time. */
    static int chooseBatch(TimedOperation op, SamplingPlan plan, Deadline deadline) throws Exception {
        long target = plan.minSampleTime().toNanos();
        int batch = 1;
        while (batch < MAX_AUTO_BATCH) {
            deadline.check();
            if (timeOnce(op, batch) >= target) {
                return batch;
            }
            batch *= 2;
        }
        return batch;
    }

    private static double timeOnce(TimedOperation op, int times) throws Exception {
        long start = System.nanoTime();
        op.run(times);
        return System.nanoTime() - start;
    }
}
