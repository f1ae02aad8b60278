package org.forklab.stats.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.forklab.stats.NamedSummary;
import org.forklab.stats.Summary;
import org.forklab.stats.Unit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;

class TablesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "a<b            | a&lt;b",
            "x > y && z     | x &gt; y &amp;&amp; z",
            "`say \"hi\"`   | say &quot;hi&quot;",
            "it's           | it&#39;s",
            "6 µs ± 1       | 6 µs ± 1",
            "&amp;          | &amp;amp;"})
    void escapesHtml(String raw, String escaped) {
        assertEquals(escaped, Html.escape(raw));
    }

    static List<NamedSummary> rows() {
        double[] fast = new double[40];
        double[] slow = new double[40];
        for (int i = 0; i < 40; i++) {
            fast[i] = 5_000 + 50 * i;
            slow[i] = 60_000 + 1_000 * i;
        }
        slow[39] = 900_000; // an extreme outlier and a wide range
        return List.of(new NamedSummary("platform thread", Summary.of(fast)),
                new NamedSummary("<script>alert('x')</script> & fork", Summary.of(slow)));
    }

    @Test
    void summaryHtmlEscapesConditionsAndIsWellFormed() throws Exception {
        String html = SummaryTable.html("Creation cost <per item>", rows(), Unit.NANOSECONDS);
        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; fork"), html);
        assertTrue(html.contains("<caption>Creation cost &lt;per item&gt;</caption>"), html);
        // well-formed XML (XHTML subset): parses with a strict parser
        Document doc = parse("<div>" + html + "</div>");
        assertEquals(3, doc.getElementsByTagName("tr").getLength());
        assertEquals(9, doc.getElementsByTagName("th").getLength());
        assertTrue(doc.getElementsByTagName("li").getLength() >= 1, "warning sentences as a list");
    }

    @Test
    void summaryTextIsAlignedAndCarriesEveryColumn() {
        String text = SummaryTable.text("Creation cost", rows(), Unit.NANOSECONDS);
        List<String> lines = text.lines().toList();
        assertEquals("Creation cost", lines.get(0));
        String header = lines.get(1);
        for (String heading : List.of("condition", "n", "median", "p10", "p90", "95 % CI (median)",
                "mean ± sd", "outliers", "warnings")) {
            assertTrue(header.contains(heading), heading + " missing in " + header);
        }
        assertTrue(lines.get(2).matches("[- ]+"), lines.get(2));
        // right-aligned "median" column: every row's median cell ends where the heading ends
        int end = header.indexOf("median") + "median".length();
        assertTrue(lines.get(3).substring(0, end).endsWith("5.98 µs"), lines.get(3));
        assertTrue(lines.get(4).substring(0, end).endsWith("79.5 µs"), lines.get(4));
        assertTrue(lines.get(4).contains("1 (1 extreme)"), lines.get(4));
        assertTrue(lines.get(4).contains("max 15.0× min"), lines.get(4));
        assertTrue(text.contains("! <script>alert('x')</script> & fork: the slowest sample (900 µs) is 15.0 times"),
                text);
    }

    @Test
    void aTableTooWideForTheWidthIsOneBlockPerRowWithItsValuesWrapped() {
        String sentence = "threads live in one address space and every one of them sees the same heap, globals and code";
        Table table = new Table("What is shared", List.of(Column.text("resource"), Column.text("threads"),
                Column.text("observed by")), List.of(List.of("heap", sentence, "java"), List.of("code", "one copy", "native")));
        assertEquals("""
                What is shared

                heap
                  threads:     threads live in one address space and every one of
                               them sees the same heap, globals and code
                  observed by: java

                code
                  threads:     one copy
                  observed by: native
                """, table.toText(68));
        assertTrue(table.toText(68).lines().allMatch(l -> l.length() <= 68));
        // wide enough: the usual columns, unchanged
        assertEquals(table.toText(), table.toText(200));
    }

    @Test
    void rowsMustMatchColumns() {
        assertThrows(IllegalArgumentException.class,
                () -> new Table("t", List.of(Column.text("a")), List.of(List.of("1", "2"))));
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
