package org.forklab.stats;

/** Input checks shared by the statistics entry points: one clear line on bad input. */
final class Samples {

    private Samples() {
    }

    static double[] checked(String name, double[] samples, int minimum) {
        if (samples == null) {
            throw new IllegalArgumentException(name + " is null; pass an array of measured values");
        }
        if (samples.length < minimum) {
            throw new IllegalArgumentException(name + " has " + samples.length + " values; at least " + minimum
                    + " are needed");
        }
        for (int i = 0; i < samples.length; i++) {
            if (!Double.isFinite(samples[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] is " + samples[i]
                        + "; only finite numbers are accepted (drop failed trials before summarising)");
            }
        }
        return samples.clone();
    }
}
