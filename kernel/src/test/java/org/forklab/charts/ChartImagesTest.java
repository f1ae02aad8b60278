package org.forklab.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;

class ChartImagesTest {

    static JFreeChart smallChart() {
        return BoxPlots.of("Ping-pong <round trip>", Quantity.time("round trip"),
                List.of(new SampleSet("one CPU", new double[] {5_900, 6_000, 6_100, 6_300})));
    }

    @Test
    void defaultSizeSuitsANotebook() throws Exception {
        RenderedChart chart = ChartImages.render(smallChart());
        ChartTestSupport.assertDrawn(chart, 800, 450, "Ping-pong <round trip>");
        assertEquals(1600, chart.pixelWidth());
        assertEquals(900, chart.pixelHeight());
    }

    @Test
    void base64AndImgTagCarryThePng() {
        RenderedChart chart = ChartImages.render(smallChart(), 300, 200);
        byte[] decoded = Base64.getDecoder().decode(chart.pngBase64());
        assertEquals(chart.png().length, decoded.length);
        assertEquals((byte) 0x89, decoded[0]);
        assertEquals('P', decoded[1]);
        String img = chart.htmlImg("a <chart>");
        assertTrue(img.startsWith("<img width=\"300\" height=\"200\" alt=\"a &lt;chart&gt;\""), img);
    }

    @Test
    void pngBytesCannotBeChangedFromOutside() {
        RenderedChart chart = ChartImages.render(smallChart(), 300, 200);
        byte[] png = chart.png();
        png[0] = 0;
        assertEquals((byte) 0x89, chart.png()[0]);
    }

    @Test
    void absurdSizesAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ChartImages.render(smallChart(), 10, 10_000));
        assertTrue(e.getMessage().contains("50 to 4000 px"), e.getMessage());
    }

    @Test
    void fontFailuresBecomeOneLineNamingThePackages() {
        List<Throwable> fontFailures = List.of(
                new InternalError("Fontconfig head is null, check your fonts or fonts configuration"),
                new Error("Probable fatal error:No fonts found."),
                new UnsatisfiedLinkError("/usr/lib/jvm/java-17/lib/libfontmanager.so: libfreetype.so.6: cannot open"),
                new NoClassDefFoundError("Could not initialize class sun.awt.X11FontManager"),
                withFrame(new NullPointerException(), "sun.awt.FontConfiguration", "getVersion"),
                new RuntimeException("wrapped", withFrame(new NullPointerException(), "sun.font.FontDesignMetrics", "x")));
        for (Throwable failure : fontFailures) {
            ChartRenderingException e = ChartImages.wrap(smallChart(), failure);
            assertTrue(e.isMissingFonts(), failure.toString());
            assertEquals(ChartRenderingException.MISSING_FONTS, e.getMessage());
            assertTrue(e.getMessage().contains("fonts-dejavu-core") && e.getMessage().contains("fontconfig"));
            assertFalse(e.getMessage().contains("\n"));
        }
    }

    @Test
    void otherFailuresKeepTheirOwnMessage() {
        ChartRenderingException e = ChartImages.wrap(smallChart(), new IllegalStateException("no PNG writer"));
        assertFalse(e.isMissingFonts());
        assertTrue(e.getMessage().startsWith("Cannot draw chart 'Ping-pong <round trip>': "), e.getMessage());
        assertThrows(OutOfMemoryError.class, () -> ChartImages.wrap(smallChart(), new OutOfMemoryError()));
    }

    static Throwable withFrame(Throwable t, String className, String method) {
        t.setStackTrace(new StackTraceElement[] {new StackTraceElement(className, method, null, -1)});
        return t;
    }
}
