package org.forklab.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.Stroke;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.ui.RectangleInsets;

/**
 * The one look of every forklab chart: sans-serif fonts sized for a notebook cell about 800 px
 * wide, Okabe–Ito colours, white background, light grey grid, flat bars without shadows.
 */
public final class ChartTheme {

    /** Logical width charts are designed for: a JupyterLab output area. */
    public static final int NOTEBOOK_WIDTH = 800;
    public static final int DEFAULT_HEIGHT = 450;

    static final Color GRID = new Color(0xDDDDDD);
    static final Color TEXT = new Color(0x222222);

    static {
        // before the first Font is made: a kernel has no display, and AWT must not look for one
        ChartImages.ensureHeadless();
    }

    private static final StandardChartTheme THEME = build();

    private ChartTheme() {
    }

    public static JFreeChart apply(JFreeChart chart) {
        THEME.apply(chart);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(6, 6, 6, 24)); // room for the last tick label of a log axis ("10,000") at the right edge
        return chart;
    }

    private static StandardChartTheme build() {
        StandardChartTheme theme = new StandardChartTheme("forklab", false);
        theme.setExtraLargeFont(new Font(Font.SANS_SERIF, Font.BOLD, 17));
        theme.setLargeFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        theme.setRegularFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        theme.setSmallFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        theme.setTitlePaint(TEXT);
        theme.setSubtitlePaint(TEXT);
        theme.setAxisLabelPaint(TEXT);
        theme.setTickLabelPaint(TEXT);
        theme.setLegendItemPaint(TEXT);
        theme.setItemLabelPaint(TEXT);
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setLegendBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setPlotOutlinePaint(GRID);
        theme.setDomainGridlinePaint(GRID);
        theme.setRangeGridlinePaint(GRID);
        theme.setBaselinePaint(Color.GRAY);
        theme.setErrorIndicatorPaint(Color.BLACK);
        theme.setShadowVisible(false);
        theme.setBarPainter(new StandardBarPainter());
        theme.setXYBarPainter(new StandardXYBarPainter());
        theme.setAxisOffset(new RectangleInsets(0, 0, 0, 0));
        theme.setDrawingSupplier(new DefaultDrawingSupplier(
                Palette.SERIES.toArray(new Paint[0]),
                Palette.SERIES.toArray(new Paint[0]),
                new Paint[] {Color.DARK_GRAY},
                new Stroke[] {new BasicStroke(2.0f)},
                new Stroke[] {new BasicStroke(1.0f)},
                DefaultDrawingSupplier.createStandardSeriesShapes()));
        return theme;
    }

    /** The shapes JFreeChart cycles through, for renderers that set shapes by hand. */
    static Shape[] shapes() {
        return DefaultDrawingSupplier.createStandardSeriesShapes();
    }
}
