package org.forklab.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Unit words: each unit reads back from its own word, the usual other spellings are taken, nothing else is. */
class UnitWordsTest {

    @ParameterizedTest(name = "{0} reads back from its word")
    @EnumSource(Unit.class)
    void everyUnitReadsBackFromItsWord(Unit unit) {
        assertEquals(unit, Unit.ofWord(unit.word()));
        assertEquals(unit.word(), unit.toString());
    }

    @ParameterizedTest(name = "''{0}'' is {1}")
    @CsvSource({"us, MICROSECONDS", "NS, NANOSECONDS", "B, BYTES", "byte, BYTES", "kB, KIBIBYTES", "MB, MEBIBYTES",
        "GB, GIBIBYTES", "mb/s, MEGABYTES_PER_SECOND", "'', COUNT", "Round Trips/s, ROUND_TRIPS_PER_SECOND"})
    void otherSpellings(String word, Unit unit) {
        assertEquals(unit, Unit.ofWord(word));
    }

    @Test
    void anUnknownWordIsRefusedNotCounted() {
        assertEquals("unknown unit 'furlongs': accepted ns, µs, ms, s, bytes, KiB, MiB, GiB, count, updates, threads,"
                        + " 1/s, items/s, MB/s, round trips/s (or us, kB, MB, GB)",
                assertThrows(Unit.UnknownUnitException.class, () -> Unit.ofWord("furlongs")).getMessage());
    }
}
