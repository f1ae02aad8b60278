package org.forklab.magics.save;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.forklab.experiments.core.Environment;
import org.forklab.experiments.core.Measured;
import org.forklab.experiments.core.Samples;
import org.forklab.experiments.core.Settings;
import org.forklab.spi.UsageError;
import org.forklab.stats.Unit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saved files carry units as the words they always did, read back as the same {@link Unit}; an unknown word is refused in one line. */
class ResultFilesUnitsTest {

    private static Measured result(List<Samples> samples) {
        return new Measured() {
            public String experiment() {
                return "units";
            }

            public Environment environment() {
                return Environment.current();
            }

            public Settings settings() {
                return Settings.none();
            }

            public List<Samples> samples() {
                return samples;
            }
        };
    }

    @Test
    void unitsAreWrittenAsTheirWordsAndReadBackAsTheSameUnit(@TempDir Path dir) throws Exception {
        List<Samples> samples = List.of(Samples.of("latency", Unit.NANOSECONDS, new double[] {1, 2}),
                Samples.of("stack", Unit.BYTES, new double[] {4096}),
                Samples.of("throughput", Unit.MEGABYTES_PER_SECOND, new double[] {12.5}),
                Samples.of("lost", Unit.UPDATES, new double[] {3}));
        Path json = ResultFiles.save(dir.resolve("run").toString(), "%test", result(samples));
        String csv = Files.readString(dir.resolve("run.csv"));
        assertTrue(csv.contains("\nlatency,ns,0,1,false\n") && csv.contains("\nstack,bytes,0,4096,false\n")
                && csv.contains("\nthroughput,MB/s,0,12.5,false\n") && csv.contains("\nlost,updates,0,3,false\n"), csv);
        String text = Files.readString(json);
        for (String word : List.of("ns", "bytes", "MB/s", "updates")) {
            assertTrue(text.contains("\"unit\": \"" + word + "\""), text);
        }
        assertEquals(samples, ResultFiles.load(json.toString()).samples());
    }

    /** A file of the first format: fields named condition and opsPerSample, units in other spellings. */
    @Test
    void olderFilesStillLoad(@TempDir Path dir) throws Exception {
        Path old = Files.writeString(dir.resolve("old.json"), """
                {"forklab": 1, "experiment": "cost", "source": "%spawn", "settings": {"samples": "2"},
                 "environment": {"cpus": "2"},
                 "samples": [{"condition": "fork", "unit": "ns", "opsPerSample": 1, "values": [5, 6]},
                             {"condition": "rss", "unit": "B", "opsPerSample": 1, "cold": [], "values": [7]},
                             {"condition": "spin", "unit": "us", "opsPerSample": 2, "values": [8]}]}
                """);
        SavedResult r = ResultFiles.load(old.toString());
        assertEquals(List.of(new Samples("fork", Unit.NANOSECONDS, new double[] {5, 6}, new double[0], 1),
                new Samples("rss", Unit.BYTES, new double[] {7}, new double[0], 1),
                new Samples("spin", Unit.MICROSECONDS, new double[] {8}, new double[0], 2)), r.samples());
    }

    @Test
    void anUnknownUnitIsOneClearLine(@TempDir Path dir) throws Exception {
        Path odd = Files.writeString(dir.resolve("odd.json"), """
                {"forklab": 1, "experiment": "cost", "source": "%spawn", "settings": {}, "environment": {},
                 "samples": [{"name": "fork", "unit": "furlongs", "ops_per_sample": 1, "values": [5]}]}
                """);
        String message = assertThrows(UsageError.class, () -> ResultFiles.load(odd.toString())).getMessage();
        assertTrue(message.startsWith(odd + ": unknown unit 'furlongs': accepted ns, µs, ms, s, bytes, "), message);
        assertTrue(message.endsWith("; give a .json file written by --save"), message);
        assertFalse(message.contains("\n"), message);
    }
}
