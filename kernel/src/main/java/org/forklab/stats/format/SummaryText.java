package org.forklab.stats.format;

import java.util.ArrayList;
import java.util.List;
import org.forklab.stats.Bimodality;
import org.forklab.stats.Summary;
import org.forklab.stats.Unit;
import org.forklab.stats.Warning;

/** The warnings of a {@link Summary} in words, short (a table cell) or as full sentences. */
public final class SummaryText {

    private SummaryText() {
    }

    /** Short labels for a table cell, for instance "max 12.3× min", "bimodal 6.10 µs | 58.0 µs". */
    public static List<String> shortWarnings(Summary summary, Unit unit) {
        List<String> labels = new ArrayList<>();
        for (Warning warning : summary.warnings()) {
            labels.add(switch (warning) {
                case WIDE_RANGE -> "max " + Units.number(summary.worstToBest()) + "× min";
                case WIDE_IQR -> "IQR " + percent(summary.relativeSpread()) + " of median";
                case BIMODAL -> "bimodal " + Units.format(summary.bimodality().lowerCenter(), unit) + " | "
                        + Units.format(summary.bimodality().upperCenter(), unit);
                case FEW_SAMPLES -> "only " + summary.n() + " samples";
            });
        }
        return labels;
    }

    /** One sentence per warning, for the lines under a table. */
    public static List<String> warningSentences(String condition, Summary summary, Unit unit) {
        List<String> lines = new ArrayList<>();
        for (Warning warning : summary.warnings()) {
            lines.add(condition + ": " + switch (warning) {
                case WIDE_RANGE -> "the slowest sample (" + Units.format(summary.max(), unit) + ") is "
                        + Units.number(summary.worstToBest()) + " times the fastest ("
                        + Units.format(summary.min(), unit) + "); look at the spread, not only the median.";
                case WIDE_IQR -> "the middle half of the samples spans " + percent(summary.relativeSpread())
                        + " of the median.";
                case BIMODAL -> bimodalSentence(summary.bimodality(), unit);
                case FEW_SAMPLES -> "only " + summary.n() + " samples; intervals and outlier counts are rough.";
            });
        }
        return lines;
    }

    private static String bimodalSentence(Bimodality b, Unit unit) {
        return "two separate clusters, near " + Units.format(b.lowerCenter(), unit) + " and near "
                + Units.format(b.upperCenter(), unit) + " (" + percent(b.upperFraction())
                + " in the upper one); the median describes neither.";
    }

    private static String percent(double fraction) {
        return Math.round(fraction * 100) + " %";
    }
}
