package org.forklab.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.forklab.magics.parse.ByteSize;
import org.forklab.magics.parse.MagicParser;
import org.forklab.magics.parse.Seconds;
import org.forklab.spi.UsageError;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Arguments in, fields or one exact error line out (basekernel MagicsArgsTest style). */
class ParsingTest {

    static Stream<Arguments> goodCArguments() {
        return Stream.of(
                Arguments.of(List.of(), 2, Duration.ofSeconds(10), List.of(), List.of()),
                Arguments.of(List.of("-O0"), 0, Duration.ofSeconds(10), List.of(), List.of()),
                Arguments.of(List.of("-O", "3"), 3, Duration.ofSeconds(10), List.of(), List.of()),
                Arguments.of(List.of("--opt=1", "--timeout", "500ms"), 1, Duration.ofMillis(500), List.of(), List.of()),
                Arguments.of(List.of("--timeout=2.5"), 2, Duration.ofMillis(2500), List.of(), List.of()),
                Arguments.of(List.of("--timeout", "1m", "-DN=10", "-D", "DEBUG"), 2, Duration.ofMinutes(1),
                        List.of("N=10", "DEBUG"), List.of()),
                Arguments.of(List.of("--", "-x", "hello world", "--timeout"), 2, Duration.ofSeconds(10), List.of(),
                        List.of("-x", "hello world", "--timeout")),
                Arguments.of(List.of("-O1", "a", "b"), 1, Duration.ofSeconds(10), List.of(), List.of("a", "b")));
    }

    @ParameterizedTest
    @MethodSource("goodCArguments")
    void cArgumentsFillFields(List<String> args, int opt, Duration timeout, List<String> defines, List<String> programArgs) {
        CMagic c = new CMagic();
        assertTrue(MagicParser.parse("%%c", c, args).isEmpty());
        assertEquals(opt, c.optimisation);
        assertEquals(timeout, c.timeout);
        assertEquals(defines, c.defines);
        assertEquals(programArgs, c.arguments);
    }

    static Stream<Arguments> badArguments() {
        return Stream.of(
                Arguments.of(new CMagic(), "%%c", List.of("-O4"),
                        "%%c: --opt 4 is out of range: accepted 0 to 3 (see %%c --help)"),
                Arguments.of(new CMagic(), "%%c", List.of("--opt", "fast"),
                        "%%c: Invalid value for option '--opt': 'fast' is not an int (see %%c --help)"),
                Arguments.of(new CMagic(), "%%c", List.of("--timeout", "0"),
                        "%%c: --timeout 0s is out of range: accepted 0.1s to 600s (see %%c --help)"),
                Arguments.of(new RaceMagic(), "%race", List.of("--timeout", "120m"),
                        "%race: --timeout 7200s is out of range: accepted 1s to 3600s (see %race --help)"),
                Arguments.of(new CMagic(), "%%c", List.of("--timeout", "ten"),
                        "%%c: Invalid value for option '--timeout': 'ten' is not a duration; write seconds, or a number"
                                + " with ms, s or m, e.g. 500ms or 10s (see %%c --help)"),
                Arguments.of(new CMagic(), "%%c", List.of("--timout", "5"),
                        "%%c: unknown option '--timout'; did you mean --timeout? (see %%c --help)"),
                Arguments.of(new CMagic(), "%%c", List.of("--std", "c89"),
                        "%%c: Invalid value for option '--std': expected one of [c99, c11, c17, gnu99, gnu11, gnu17]"
                                + " (case-insensitive) but was 'c89' (see %%c --help)"),
                Arguments.of(new CMagic(), "%%c", List.of("--as", "class"),
                        "%%c: Invalid value for option '--as': 'class' is not a Java variable name; use letters, digits"
                                + " and _ (not first a digit, not a keyword), e.g. r1 (see %%c --help)"),
                Arguments.of(new CMagic(), "%%c", List.of("--timeout"),
                        "%%c: Missing required parameter for option '--timeout' (TIME) (see %%c --help)"),
                Arguments.of(new EnvMagic(), "%env", List.of("extra"),
                        "%env: Unmatched argument at index 0: 'extra' (see %env --help)"),
                Arguments.of(new EnvMagic(), "%env", List.of("--a", "r"),
                        "%env: unknown option '--a'; did you mean --as? (see %env --help)"),
                Arguments.of(new EnvMagic(), "%env", List.of("@/etc/passwd"),
                        "%env: Unmatched argument at index 0: '@/etc/passwd' (see %env --help)"),
                Arguments.of(new CMagic(), "%%c", List.of("-O", "9".repeat(500)),
                        "%%c: Invalid value for option '--opt': '" + "9".repeat(118) + "… is not an int (see %%c --help)"));
    }

    @ParameterizedTest
    @MethodSource("badArguments")
    void badArgumentsGiveOneExactLine(Object command, String magic, List<String> args, String expected) {
        UsageError e = assertThrows(UsageError.class, () -> MagicParser.parse(magic, command, args));
        assertEquals(expected, e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void byteSizes(String text, long bytes) {
        assertEquals(bytes, ByteSize.parse(text).bytes());
    }

    static Stream<Arguments> sizes() {
        return Stream.of(Arguments.of("4096", 4096L), Arguments.of("64k", 65536L), Arguments.of("1M", 1L << 20),
                Arguments.of("2g", 2L << 30), Arguments.of("1GiB", 1L << 30), Arguments.of("3 kb", 3072L));
    }

    @ParameterizedTest
    @MethodSource("durations")
    void durations(String text, Duration expected) {
        assertEquals(expected, Seconds.parse(text));
    }

    static Stream<Arguments> durations() {
        return Stream.of(Arguments.of("10", Duration.ofSeconds(10)), Arguments.of("250ms", Duration.ofMillis(250)),
                Arguments.of("1.5s", Duration.ofMillis(1500)), Arguments.of("2m", Duration.ofMinutes(2)));
    }
}
