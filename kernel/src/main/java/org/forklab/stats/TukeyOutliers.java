package org.forklab.stats;

/**
 * Tukey's fences, counted and never dropped. With IQR = Q3 − Q1 (R-7 quartiles): a value is a
 * mild outlier beyond 1.5 IQR from the box but within 3 IQR, an extreme outlier beyond 3 IQR.
 */
public record TukeyOutliers(int lowMild, int highMild, int lowExtreme, int highExtreme,
                            double lowInnerFence, double highInnerFence,
                            double lowOuterFence, double highOuterFence) {

    public static TukeyOutliers count(double[] samples, double q1, double q3) {
        double iqr = q3 - q1;
        double lowInner = q1 - 1.5 * iqr;
        double highInner = q3 + 1.5 * iqr;
        double lowOuter = q1 - 3 * iqr;
        double highOuter = q3 + 3 * iqr;
        int lowMild = 0;
        int highMild = 0;
        int lowExtreme = 0;
        int highExtreme = 0;
        for (double v : samples) {
            if (v < lowOuter) {
                lowExtreme++;
            } else if (v < lowInner) {
                lowMild++;
            } else if (v > highOuter) {
                highExtreme++;
            } else if (v > highInner) {
                highMild++;
            }
        }
        return new TukeyOutliers(lowMild, highMild, lowExtreme, highExtreme, lowInner, highInner, lowOuter, highOuter);
    }

    public int mild() {
        return lowMild + highMild;
    }

    public int extreme() {
        return lowExtreme + highExtreme;
    }

    public int total() {
        return mild() + extreme();
    }
}
