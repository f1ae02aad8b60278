package org.forklab.charts;

import java.util.List;

/** Run in a child JVM by {@link NoFontsTest}: renders one chart and prints what happened. */
public final class NoFontsChild {

    private NoFontsChild() {
    }

    public static void main(String[] args) {
        try {
            RenderedChart chart = ChartImages.render(
                    BoxPlots.of("t", Quantity.time("t"), List.of(new SampleSet("a", new double[] {1, 2, 3}))), 300, 200);
            System.out.println("rendered " + chart.png().length);
        } catch (ChartRenderingException e) {
            System.out.println("message: " + e.getMessage());
        }
    }
}
