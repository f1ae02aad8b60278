package org.forklab.magics.bench;

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

    /** A rendered chart: PNG bytes at {@code scale} times the display size, and SVG. */
    public record Chart(byte[] png, int width, int height, int scale, String svg) {
    }

    public static Bundle of(String text, String html) {
        return new Bundle(text, html, Optional.empty());
    }

    public Bundle withChart(Chart chart) {
        return new Bundle(text, html, Optional.of(chart));
    }

    /** The bundle as display data; a non-null {@code displayId} makes it replace that display. */
    public DisplayData toDisplayData(String displayId) {
        DisplayData data = new DisplayData(text);
        data.putHTML(html);
        chart.ifPresent(c -> {
            data.putData(MIMEType.IMAGE_PNG, Base64.getEncoder().encodeToString(c.png()));
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
