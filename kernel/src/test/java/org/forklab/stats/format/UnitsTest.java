package org.forklab.stats.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.forklab.stats.Unit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnitsTest {

    @ParameterizedTest(name = "{0} ns -> {1}")
    @CsvSource(delimiter = '|', value = {
            "0            | 0 ns",
            "0.5          | 0.500 ns",
            "1            | 1.00 ns",
            "12.34        | 12.3 ns",
            "999          | 999 ns",
            "999.7        | 1.00 µs",
            "1234         | 1.23 µs",
            "12345        | 12.3 µs",
            "123456       | 123 µs",
            "999999       | 1.00 ms",
            "1500000      | 1.50 ms",
            "2500000000   | 2.50 s",
            "61000000000  | 61.0 s",
            "1500000000000| 1500 s",
            "-1234        | -1.23 µs",
            "NaN          | n/a"})
    void durations(double nanoseconds, String expected) {
        assertEquals(expected, Units.duration(nanoseconds));
    }

    @ParameterizedTest(name = "{0} B -> {1}")
    @CsvSource(delimiter = '|', value = {
            "0          | 0 B",
            "1          | 1.00 B",
            "512        | 512 B",
            "1023       | 1020 B",
            "1024       | 1.00 KiB",
            "1536       | 1.50 KiB",
            "4096       | 4.00 KiB",
            "1048576    | 1.00 MiB",
            "2097152    | 2.00 MiB",
            "1073741824 | 1.00 GiB",
            "1610612736 | 1.50 GiB"})
    void bytes(double bytes, String expected) {
        assertEquals(expected, Units.bytes(bytes));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "0.012345 | 0.0123",
            "1.849    | 1.85",
            "1234.5   | 1230",
            "100      | 100",
            "0.1      | 0.100"})
    void bareNumbers(double value, String expected) {
        assertEquals(expected, Units.number(value));
    }

    @Test
    void rangesShareOneUnit() {
        assertEquals("0.998–1.02 µs", Units.range(998, 1020, Unit.NANOSECONDS));
        assertEquals("5.00–7.50 µs", Units.range(5_000, 7_500, Unit.NANOSECONDS));
        assertEquals("n/a", Units.range(Double.NaN, 1, Unit.NANOSECONDS));
        // a claim spanning three decades: each end in its own unit, not "0.00100–1.00 µs"
        assertEquals("1.00 ns – 1.00 µs", Units.range(1, 1_000, Unit.NANOSECONDS));
        assertEquals("1.00 µs – 1.00 ms", Units.range(1_000, 1_000_000, Unit.NANOSECONDS));
        assertEquals("10.0–900 ns", Units.range(10, 900, Unit.NANOSECONDS));
    }

    @Test
    void plusMinusUsesTheCentresUnit() {
        assertEquals("7.31 ± 1.20 µs", Units.plusMinus(7_310, 1_200, Unit.NANOSECONDS));
        assertEquals("7.31 ± 0.0120 µs", Units.plusMinus(7_310, 12, Unit.NANOSECONDS));
        assertEquals("5.00 ± n/a ns", Units.plusMinus(5, Double.NaN, Unit.NANOSECONDS));
    }

    @Test
    void otherInputUnitsAreRescaled() {
        assertEquals("2.00 µs", Units.format(2, Unit.MICROSECONDS));
        assertEquals("500 µs", Units.format(0.5, Unit.MILLISECONDS));
        assertEquals("1.00 GiB", Units.format(1024, Unit.MEBIBYTES));
        assertEquals("42.0", Units.format(42, Unit.COUNT));
        assertEquals("2.00 µs", Units.inUnit(2, Unit.MICROSECONDS));
    }
}
