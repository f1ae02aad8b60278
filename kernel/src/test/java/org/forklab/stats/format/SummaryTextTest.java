package org.forklab.stats.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.forklab.stats.Summary;
import org.forklab.stats.Unit;
import org.forklab.stats.Warning;
import org.junit.jupiter.api.Test;

class SummaryTextTest {

    @Test
    void bimodalWarningNamesBothClustersWithUnits() {
        double[] samples = new double[400];
        NormalDistribution low = new NormalDistribution(new Well19937c(1), 6_000, 300);
        NormalDistribution high = new NormalDistribution(new Well19937c(2), 58_000, 2_000);
        for (int i = 0; i < samples.length; i++) {
            samples[i] = i % 4 == 0 ? high.sample() : low.sample();
        }
        Summary s = Summary.of(samples);
        assertTrue(s.has(Warning.BIMODAL));
        List<String> labels = SummaryText.shortWarnings(s, Unit.NANOSECONDS);
        assertTrue(labels.stream().anyMatch(l -> l.matches("bimodal [56]\\.\\d\\d µs \\| 5\\d\\.\\d µs")), labels.toString());
        List<String> sentences = SummaryText.warningSentences("ping-pong", s, Unit.NANOSECONDS);
        assertTrue(sentences.stream().anyMatch(l -> l.startsWith("ping-pong: two separate clusters, near ")
                && l.endsWith("(25 % in the upper one); the median describes neither.")), sentences.toString());
    }

    @Test
    void quietDataHasNoWarnings() {
        Summary s = Summary.of(new double[] {100, 101, 102, 103, 104, 105, 106, 107, 108, 109});
        assertEquals(List.of(), SummaryText.shortWarnings(s, Unit.NANOSECONDS));
        assertEquals(List.of(), SummaryText.warningSentences("x", s, Unit.NANOSECONDS));
    }

    @Test
    void wideIqrAndFewSamplesInWords() {
        // q1 17.5, q3 32.5: IQR 15 over median 25 = 60 %; max/min exactly 4 is not "above 4"
        Summary s = Summary.of(new double[] {10, 20, 30, 40});
        assertEquals(List.of("IQR 60 % of median", "only 4 samples"), SummaryText.shortWarnings(s, Unit.BYTES));
        Summary wider = Summary.of(new double[] {10, 20, 30, 41});
        assertEquals("max 4.10× min", SummaryText.shortWarnings(wider, Unit.BYTES).get(0));
    }
}
