package org.forklab.charts;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/**
 * Draws charts headless into PNG (at 2× for sharpness) and SVG. Failures come out as one
 * {@link ChartRenderingException} with a line a student can act on; a machine without fonts
 * is named as such, with the packages to install.
 */
public final class ChartImages {

    /** PNG pixels per logical pixel. */
    public static final int SCALE = 2;

    static {
        ensureHeadless();
    }

    /** A kernel has no display; unless the host said otherwise, keep AWT from looking for one. */
    static void ensureHeadless() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private ChartImages() {
    }

    /** At the notebook width, as tall as its categories need ({@link CategoryLayout#height}). */
    public static RenderedChart render(JFreeChart chart) {
        return render(chart, ChartTheme.NOTEBOOK_WIDTH, CategoryLayout.height(chart));
    }

    public static RenderedChart render(JFreeChart chart, int widthPx, int heightPx) {
        if (widthPx < 50 || heightPx < 50 || widthPx > 4000 || heightPx > 4000) {
            throw new IllegalArgumentException("chart size " + widthPx + "×" + heightPx
                    + " px is out of range; use 50 to 4000 px per side (800×450 suits a notebook)");
        }
        try {
            checkFonts();
            return new RenderedChart(png(chart, widthPx, heightPx), svg(chart, widthPx, heightPx),
                    widthPx, heightPx, SCALE);
        } catch (ChartRenderingException e) {
            throw e;
        } catch (RuntimeException | Error e) {
            throw wrap(chart, e);
        }
    }

    static ChartRenderingException wrap(JFreeChart chart, Throwable e) {
        if (e instanceof VirtualMachineError && !(e instanceof InternalError)) {
            throw (VirtualMachineError) e; // out of memory is not ours to reword
        }
        if (FontProblems.isFontProblem(e)) {
            return ChartRenderingException.missingFonts(e);
        }
        String title = chart.getTitle() == null ? "" : " '" + chart.getTitle().getText() + "'";
        return new ChartRenderingException("Cannot draw chart" + title + ": " + e, e, false);
    }

    static byte[] png(JFreeChart chart, int width, int height) {
        BufferedImage image = new BufferedImage(width * SCALE, height * SCALE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = image.createGraphics();
        try {
            prepare(g2);
            chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            g2.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("this JDK has no PNG writer");
            }
        } catch (IOException e) {
            throw new IllegalStateException("PNG encoding failed: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /** The hints and the 2× scale of the PNG; text measured under them has the PNG's widths. */
    static void prepare(Graphics2D g2) {
        g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g2.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g2.scale(SCALE, SCALE);
    }

    static String svg(JFreeChart chart, int width, int height) {
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
        return g2.getSVGDocument();
    }

    /** Measures one string: the cheapest way to make AWT load its fonts and fail early if it can't. */
    private static void checkFonts() {
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = probe.createGraphics();
        try {
            g2.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            if (g2.getFontMetrics().stringWidth("forklab") <= 0) {
                throw ChartRenderingException.missingFonts(null);
            }
        } catch (RuntimeException | Error e) {
            if (e instanceof ChartRenderingException c) {
                throw c;
            }
            if (e instanceof VirtualMachineError && !(e instanceof InternalError)) {
                throw e;
            }
            throw ChartRenderingException.missingFonts(e);
        } finally {
            g2.dispose();
        }
    }
}
