package org.forklab.charts;

import java.util.Base64;

/**
 * A chart drawn two ways. {@code png} is drawn at {@code scale}× the logical size for sharpness
 * on high-density screens; show it with {@code width} as its display width (an HTML width
 * attribute or Jupyter's image/png "width" metadata). {@code svg} is a standalone SVG document
 * of the logical size.
 */
public record RenderedChart(byte[] png, String svg, int width, int height, int scale) {

    public RenderedChart {
        png = png.clone();
    }

    @Override
    public byte[] png() {
        return png.clone();
    }

    public int pixelWidth() {
        return width * scale;
    }

    public int pixelHeight() {
        return height * scale;
    }

    /** The PNG in base64, as Jupyter's image/png output wants it. */
    public String pngBase64() {
        return Base64.getEncoder().encodeToString(png);
    }

    /** An {@code <img>} element with the PNG inlined and the logical size as display size. */
    public String htmlImg(String altText) {
        return "<img width=\"" + width + "\" height=\"" + height + "\" alt=\""
                + org.forklab.stats.format.Html.escape(altText) + "\" src=\"data:image/png;base64,"
                + pngBase64() + "\"/>";
    }
}
