package org.forklab.magics;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import org.forklab.magics.io.Bundle;
import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.junit.jupiter.api.Assertions.*;

class BundleTest {

    @Test
    void theHtmlThatFrontEndsShowCarriesTheChartAndEveryTypeStaysInTheBundle() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
        Bundle bundle = Bundle.of("plain", "<table><tr><td>1</td></tr></table>")
                .withChart(new Bundle.Chart(png, 800, 450, 2, "<svg/>"));
        DisplayData data = bundle.toDisplayData("id-1");
        String html = (String) data.getData(MIMEType.TEXT_HTML);
        String b64 = Base64.getEncoder().encodeToString(png);
        assertTrue(html.startsWith("<table>"), html);
        assertTrue(html.contains("<img src=\"data:image/png;base64," + b64 + "\" width=\"800\" height=\"450\""), html);
        assertEquals(b64, data.getData(MIMEType.IMAGE_PNG));
        assertEquals("<svg/>", data.getData(MIMEType.IMAGE_SVG));
        assertEquals("plain", data.getData(MIMEType.TEXT_PLAIN));
        assertEquals("id-1", data.getDisplayId());
    }

    @Test
    void withoutAChartTheHtmlIsLeftAlone() {
        DisplayData data = Bundle.of("t", "<p>x</p>").toDisplayData(null);
        assertEquals("<p>x</p>", data.getData(MIMEType.TEXT_HTML));
        assertFalse(data.hasDataForType(MIMEType.IMAGE_PNG));
    }
}
