package org.forklab.charts;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * A base-10 log axis labelled with round numbers: 1, 2, 5, 10, 20, 50 … when the range spans
 * up to three decades, powers of ten beyond that, unlabelled minor ticks at each multiple in
 * between. JFreeChart's LogAxis labels fractional decades (158.489, 251.189) and its
 * LogarithmicAxis crowds labels together along x, hence this small subclass.
 */
final class ReadableLogAxis extends LogAxis {

    private static final long serialVersionUID = 1L;
    private static final double MAX_DECADES_FOR_INTERMEDIATE_LABELS = 3;

    private final NumberFormat format = new DecimalFormat("#,##0.#####");

    ReadableLogAxis(String label) {
        super(label);
        setBase(10);
        setMinorTickMarksVisible(true);
    }

    @Override
    protected List<ValueTick> refreshTicksHorizontal(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        boolean top = edge == RectangleEdge.TOP;
        return ticks(top ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER);
    }

    @Override
    protected List<ValueTick> refreshTicksVertical(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        boolean left = edge == RectangleEdge.LEFT;
        return ticks(left ? TextAnchor.CENTER_RIGHT : TextAnchor.CENTER_LEFT);
    }

    List<ValueTick> ticks(TextAnchor anchor) {
        double lower = getRange().getLowerBound();
        double upper = getRange().getUpperBound();
        List<ValueTick> ticks = new ArrayList<>();
        if (!(lower > 0) || !(upper > lower)) {
            return ticks;
        }
        boolean intermediate = Math.log10(upper / lower) <= MAX_DECADES_FOR_INTERMEDIATE_LABELS;
        int first = (int) Math.floor(Math.log10(lower));
        int last = (int) Math.ceil(Math.log10(upper));
        for (int exponent = first; exponent <= last; exponent++) {
            double decade = Math.pow(10, exponent);
            for (int multiple = 1; multiple <= 9; multiple++) {
                double value = multiple * decade;
                if (value < lower || value > upper) {
                    continue;
                }
                boolean labelled = multiple == 1 || (intermediate && (multiple == 2 || multiple == 5));
                ticks.add(labelled
                        ? new NumberTick(TickType.MAJOR, value, format.format(value), anchor, anchor, 0)
                        : new NumberTick(TickType.MINOR, value, "", anchor, anchor, 0));
            }
        }
        return ticks;
    }
}
