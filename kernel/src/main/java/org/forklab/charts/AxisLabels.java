package org.forklab.charts;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryTick;
import org.jfree.chart.axis.Tick;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.text.TextBlock;
import org.jfree.chart.text.TextFragment;
import org.jfree.chart.text.TextLine;

/**
 * The labels of a chart's axes as JFreeChart lays them out at a given size, to check that none
 * is cut. Category labels: JFreeChart wraps each into at
 * most {@link CategoryAxis#getMaximumCategoryLabelLines()} lines of the width it grants each
 * category, and ends the last line in "…" (or splits a word) when the label does not fit; here
 * the chart is laid out exactly as {@link ChartImages} draws it and each label's lines are put
 * back together to see whether every word survived whole.
 */
public final class AxisLabels {

    private AxisLabels() {
    }

    /** The labels of {@code chart}'s category axis that would not be shown whole, in axis order. */
    public static List<String> cut(JFreeChart chart, int width, int height) {
        List<String> cut = new ArrayList<>();
        if (!(chart.getPlot() instanceof CategoryPlot plot) || plot.getDomainAxis() == null) {
            return cut;
        }
        for (Shown shown : shown(chart, width, height)) {
            if (!shown.whole()) {
                cut.add(shown.category());
            }
        }
        return cut;
    }

    /** One category label as the axis would draw it: its lines. */
    public record Shown(String category, List<String> lines) {
        /**
         * Every word of the category on the lines, in order, none dropped or split except after
         * a hyphen, slash or dot (where JFreeChart, like any line breaker, may break "same-cpu").
         */
        public boolean whole() {
            StringBuilder joined = new StringBuilder();
            for (String line : lines) {
                String l = line.trim();
                boolean glued = joined.length() > 0 && "-/.".indexOf(joined.charAt(joined.length() - 1)) >= 0;
                if (joined.length() > 0 && !glued) {
                    joined.append(' ');
                }
                joined.append(l);
            }
            return joined.toString().replaceAll("\\s+", " ").equals(category.trim().replaceAll("\\s+", " "));
        }
    }

    /** Every category label of a category chart as drawn at {@code width}×{@code height}. */
    public static List<Shown> shown(JFreeChart chart, int width, int height) {
        CategoryPlot plot = chart.getCategoryPlot();
        return laidOut(chart, width, height, (g2, dataArea) -> {
            List<Shown> out = new ArrayList<>();
            for (Object tick : plot.getDomainAxis().refreshTicks(g2, new AxisState(), dataArea,
                    plot.getDomainAxisEdge())) {
                if (tick instanceof CategoryTick c) {
                    out.add(new Shown(c.getCategory().toString(), lines(c.getLabel())));
                } else if (tick instanceof Tick t) {
                    out.add(new Shown(t.getText(), List.of(t.getText())));
                }
            }
            return out;
        });
    }

    /** The tick labels of the value (range) axis as drawn at {@code width}×{@code height}. */
    public static List<String> valueTicks(JFreeChart chart, int width, int height) {
        Plot plot = chart.getPlot();
        ValueAxis axis = plot instanceof CategoryPlot c ? c.getRangeAxis() : ((XYPlot) plot).getRangeAxis();
        RectangleEdge edge = plot instanceof CategoryPlot c ? c.getRangeAxisEdge() : ((XYPlot) plot).getRangeAxisEdge();
        return ticks(chart, width, height, axis, edge);
    }

    /** The tick labels of an XY chart's domain (x) axis as drawn at {@code width}×{@code height}. */
    public static List<String> domainTicks(JFreeChart chart, int width, int height) {
        XYPlot plot = (XYPlot) chart.getPlot();
        return ticks(chart, width, height, plot.getDomainAxis(), plot.getDomainAxisEdge());
    }

    private static List<String> ticks(JFreeChart chart, int width, int height, ValueAxis axis, RectangleEdge edge) {
        return laidOut(chart, width, height, (g2, dataArea) -> {
            List<String> out = new ArrayList<>();
            for (Object tick : axis.refreshTicks(g2, new AxisState(), dataArea, edge)) {
                String text = ((Tick) tick).getText();
                if (text != null && !text.isEmpty()) {
                    out.add(text);
                }
            }
            return out;
        });
    }

    private static <T> T laidOut(JFreeChart chart, int width, int height, BiFunction<Graphics2D, Rectangle2D, T> read) {
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = scratch.createGraphics();
        try {
            ChartImages.prepare(g2); // the same hints and scale as the PNG: the same text widths
            chart.draw(g2, new Rectangle2D.Double(0, 0, width, height), info);
            return read.apply(g2, info.getPlotInfo().getDataArea());
        } catch (ChartRenderingException e) {
            throw e;
        } catch (RuntimeException | Error e) {
            // charts are laid out while they are built, before ChartImages draws them: a machine
            // without fonts fails here first, and must get the same one line as when drawing
            throw ChartImages.wrap(chart, e);
        } finally {
            g2.dispose();
        }
    }

    private static List<String> lines(TextBlock block) {
        List<String> lines = new ArrayList<>();
        for (Object each : block.getLines()) {
            TextLine line = (TextLine) each;
            StringBuilder text = new StringBuilder();
            // a wrapped label has one fragment per line; join any more the same way
            TextFragment first = line.getFirstTextFragment();
            TextFragment last = line.getLastTextFragment();
            if (first != null) {
                text.append(first.getText());
            }
            if (last != null && last != first) {
                text.append(last.getText());
            }
            lines.add(text.toString());
        }
        return lines;
    }
}
