package org.forklab.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;

/** Checks every rendered chart must pass: right pixel size, not blank, SVG that parses. */
final class ChartTestSupport {

    private ChartTestSupport() {
    }

    static void assertDrawn(RenderedChart chart, int width, int height, String title) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(chart.png()));
        assertEquals(2 * width, image.getWidth());
        assertEquals(2 * height, image.getHeight());
        assertEquals(width, chart.width());
        assertTrue(luminanceVariance(image) > 100, "PNG looks blank");
        assertTrue(chart.svg().contains("<svg"), "no <svg element");
        Document svg = parse(chart.svg());
        assertEquals("svg", svg.getDocumentElement().getLocalName() == null
                ? svg.getDocumentElement().getTagName() : svg.getDocumentElement().getLocalName());
        assertTrue(svg.getDocumentElement().getTextContent().contains(title), "SVG lacks the title text");
    }

    static double luminanceVariance(BufferedImage image) {
        double sum = 0;
        double sumSquares = 0;
        int count = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int rgb = image.getRGB(x, y);
                double l = 0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff);
                sum += l;
                sumSquares += l * l;
                count++;
            }
        }
        double mean = sum / count;
        return sumSquares / count - mean * mean;
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setExpandEntityReferences(false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
