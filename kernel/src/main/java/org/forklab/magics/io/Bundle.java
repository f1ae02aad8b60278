package org.forklab.magics.io;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One display of a result: a text/plain fallback (terminals, nbconvert), HTML tables, and
 * optionally a chart as PNG drawn at 2× (shown at half its pixel size, so it is sharp on
 * high-density screens) and as SVG.
 */
public record Bundle(String text, String html, Optional<Chart> chart) {
    /**
     * Where in the HTML the chart goes (after the tables, before the notes); without it the chart
     * follows the HTML.
     */
    public static final String CHART_SLOT = "<!--forklab-chart-->";

    /** A rendered chart: PNG bytes at {@code scale} times the display size, and SVG. */
    public record Chart(byte[] png, int width, int height, int scale, String svg) {

        String pngBase64() {
            return Base64.getEncoder().encodeToString(png);
        }

        /** The PNG as an HTML image at its display size (half its pixels at scale 2). */
        String htmlImage() {
            return "<div class=\"forklab-chart\"><img src=\"data:image/png;base64," + pngBase64() + "\" width=\""
                    + width + "\" height=\"" + height + "\" alt=\"chart of the measurement\"></div>";
        }
    }

    public static Bundle of(String text, String html) {
        return new Bundle(text, html, Optional.empty());
    }

    public Bundle withChart(Chart chart) {
        return new Bundle(text, html, Optional.of(chart));
    }

    /**
     * The bundle as display data; a non-null {@code displayId} makes it replace that display.
     * A front end shows only the richest type of a bundle (JupyterLab and nbconvert pick the
     * HTML), so the HTML carries the chart too; the PNG and SVG stay for other consumers.
     */
    public DisplayData toDisplayData(String displayId) {
        DisplayData data = new DisplayData(text);
        data.putHTML(chart.map(c -> html.contains(CHART_SLOT) ? html.replace(CHART_SLOT, c.htmlImage()) : html + c.htmlImage())
                .orElse(html.replace(CHART_SLOT, "")));
        chart.ifPresent(c -> {
            data.putData(MIMEType.IMAGE_PNG, c.pngBase64());
            Map<String, Object> size = new LinkedHashMap<>();
            size.put("width", c.width());
            size.put("height", c.height());
            data.putMetaData(MIMEType.IMAGE_PNG, size);
            data.putSVG(c.svg());
        });
        if (displayId != null) {
            data.setDisplayId(displayId);
        }
        return data;
    }
}
