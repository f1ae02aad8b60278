package org.forklab.experiments.core;

import org.forklab.stats.Unit;

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
        return new Samples(label, Unit.NANOSECONDS, values, cold, batch);
    }

    /**
     * Several operations under one plan, their samples interleaved in rounds: each operation's
     * cold operations, warm-up and batch first, then sample 1 of every operation, sample 2 of
     * every operation, and so on (A B C, A B C, ...), so that a change of load during the run
     * falls on every operation alike instead of on the one whose block it hit.
     */
    public static java.util.List<Samples> measureRounds(java.util.List<String> labels, java.util.List<SamplingPlan> plans,
                                                        java.util.List<TimedOperation> ops) throws Exception {
        if (labels.size() != ops.size() || plans.size() != ops.size() || ops.isEmpty()) {
            throw new IllegalArgumentException(labels.size() + " labels and " + plans.size() + " plans for " + ops.size()
                    + " operations; give one of each per operation");
        }
        SamplingPlan first = plans.get(0);
        Deadline deadline = Deadline.after(first.timeLimit());
        int n = ops.size();
        int samples = first.samples();
        double[][] cold = new double[n][];
        int[] batch = new int[n];
        for (int k = 0; k < n; k++) {
            TimedOperation op = ops.get(k);
            SamplingPlan plan = plans.get(k);
            cold[k] = new double[plan.coldOps()];
            for (int i = 0; i < plan.coldOps(); i++) {
                deadline.check();
                cold[k][i] = timeOnce(op, 1);
            }
            int warmed = 0;
            while (warmed < plan.warmupOps()) {
                deadline.check();
                int chunk = Math.min(plan.warmupOps() - warmed, 1_000);
                op.run(chunk);
                warmed += chunk;
            }
            batch[k] = plan.opsPerSample() > 0 ? plan.opsPerSample() : chooseBatch(op, plan, deadline);
        }
        double[][] values = new double[n][samples];
        for (int i = 0; i < samples; i++) {
            for (int k = 0; k < n; k++) {
                deadline.check();
                values[k][i] = timeOnce(ops.get(k), batch[k]) / batch[k];
            }
        }
        java.util.List<Samples> out = new java.util.ArrayList<>();
        for (int k = 0; k < n; k++) {
            out.add(new Samples(labels.get(k), Unit.NANOSECONDS, values[k], cold[k], batch[k]));
        }
        return out;
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
