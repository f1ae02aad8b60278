package org.forklab.magics.explore;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.forklab.magics.MagicCatalog;
import org.forklab.magics.parse.MagicDefinition;
import org.forklab.spi.UsageError;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PanelSpecTest {
    private static PanelSpec panel(String magic, String... args) {
        MagicDefinition m = MagicCatalog.find(magic, false).orElseThrow();
        return PanelSpec.of(m, List.of(args));
    }

    private static Map<String, ControlSpec> byOption(PanelSpec spec) {
        return spec.controls().stream().collect(Collectors.toMap(ControlSpec::option, c -> c, (a, b) -> a, TreeMap::new));
    }

    @Test
    void raceGetsItsRangesAndVariantsFromItsDeclarations() {
        Map<String, ControlSpec> c = byOption(panel("race"));
        assertEquals(ControlSpec.Kind.INTEGER, c.get("--workers").kind());
        assertEquals(1, c.get("--workers").min());
        assertEquals(ControlSpec.Kind.LOG_COUNT, c.get("--increments").kind());
        assertEquals(100_000_000, c.get("--increments").max());
        assertEquals(1_000_000.0, c.get("--increments").initial());
        ControlSpec variants = c.get("--variants");
        assertEquals(ControlSpec.Kind.ANY_OF, variants.kind());
        assertTrue(variants.choices().containsAll(List.of("plain", "volatile", "atomic", "processes")), variants.choices().toString());
        assertEquals(variants.choices(), variants.initial(), "the default, all, selects every variant");
        assertTrue(!c.containsKey("--timeout") && !c.containsKey("--as") && !c.containsKey("--max-threads"), c.keySet().toString());
    }

    @Test
    void theUsersArgumentsStartTheControlsAndTheRestIsKept() {
        PanelSpec spec = panel("race", "-w", "4", "-v", "plain,atomic", "--as", "r", "--timeout", "30");
        Map<String, ControlSpec> c = byOption(spec);
        assertEquals(4.0, c.get("--workers").initial());
        assertEquals(List.of("plain", "atomic"), c.get("--variants").initial());
        assertEquals(List.of("--as", "r", "--timeout", "30"), spec.keptArgs());
    }

    @Test
    void sizesAndDurationsGetLogSliders() {
        Map<String, ControlSpec> ipc = byOption(panel("ipc"));
        assertEquals(ControlSpec.Kind.LOG_BYTES, ipc.get("--sizes").kind());
        assertEquals(8.0, ipc.get("--sizes").initial(), "the first of the default sizes");
        Map<String, ControlSpec> crash = byOption(panel("crash"));
        assertEquals(ControlSpec.Kind.LOG_SECONDS, crash.get("--work").kind());
        assertEquals(0.2, (Double) crash.get("--work").initial(), 1e-9);
    }

    @Test
    void oneWordOptionsBecomeToggles() {
        Map<String, ControlSpec> spawn = byOption(panel("spawn"));
        ControlSpec placement = spawn.get("--placement");
        assertEquals(ControlSpec.Kind.ONE_OF, placement.kind());
        assertEquals(List.of("scheduler", "one-cpu"), placement.choices());
        assertEquals(List.of("small", "huge"), spawn.get("--pages").choices());
    }

    @Test
    void aRunsArgumentsAreTheKeptOnesThenEachControl() {
        PanelSpec spec = panel("race", "--as", "r");
        List<Object> values = spec.controls().stream().map(c -> switch (c.option()) {
            case "--workers" -> (Object) 3;
            case "--increments" -> 31_622.8;
            case "--variants" -> List.of("plain");
            default -> c.initial();
        }).toList();
        List<String> args = spec.args(values);
        assertEquals(List.of("--as", "r"), args.subList(0, 2));
        String joined = String.join(" ", args);
        assertTrue(joined.contains("--workers 3") && joined.contains("--increments 32000")
                && joined.contains("--variants plain"), joined);
    }

    @Test
    void everyExperimentMagicHasAPanel() {
        for (var experiment : org.forklab.magics.MagicCatalog.experiments()) {
            assertTrue(!panel(experiment.name()).controls().isEmpty(), experiment.name());
        }
    }

    @Test
    void badArgumentsAreTheMagicsOwnOneLine() {
        UsageError e = assertThrows(UsageError.class, () -> panel("race", "-w", "0"));
        assertTrue(e.getMessage().startsWith("%race: --workers 0 is out of range"), e.getMessage());
    }

    @Test
    void formatsKeepOptionsReadable() {
        ControlSpec bytes = new ControlSpec("--sizes", ControlSpec.Kind.LOG_BYTES, 1, 1 << 24, List.of(), 8.0, "");
        assertEquals("64k", bytes.format(65536));
        ControlSpec seconds = new ControlSpec("--work", ControlSpec.Kind.LOG_SECONDS, 0.01, 60, List.of(), 0.2, "");
        assertEquals("250ms", seconds.format(0.25));
        assertEquals(1_000_000, ControlSpec.twoDigits(1_000_000.4));
        assertEquals(18_000, ControlSpec.twoDigits(17_782.8));
    }
}
