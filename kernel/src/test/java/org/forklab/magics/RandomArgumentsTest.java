package org.forklab.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.forklab.magics.parse.MagicDefinition;
import org.forklab.magics.parse.MagicParser;
import org.forklab.spi.UsageError;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Thousands of random argument lists for every magic's parser (and its configuration check,
 * where it has one): only UsageError may leave, always as one line, and nothing hangs.
 */
class RandomArgumentsTest {
    private static final int CASES_PER_MAGIC = 600;
    private static final String[] VALUES = {"0", "1", "-1", "2", "3", "10", "1000", "-0", "007", "1e9", "1.5", "NaN",
        "Infinity", "-Infinity", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
        "99999999999999999999999999999999999999", "0x10", "1_000", "", " ", "--", "-", "=", "@/etc/passwd", "@",
        "1k", "64k", "1g", "999999999999g", "500ms", "10s", "1m", "0.0001s", "ms", "true", "false", "null",
        "über", "名前", "😀", "\u0000", "\t\n", "a b", "'quoted'", "\"dq\"", "$(id)", "`id`", ";", "|", "r", "r1", "class",
        "platform", "virtual", "process", "fork", "all", "both", "x.json", "/nonexistent/dir/x", "/dev/null", "/tmp"};

    @TestFactory
    Stream<DynamicTest> everyParserAcceptsOrRefusesInOneLine() {
        return MagicCatalog.all().stream().map(magic -> DynamicTest.dynamicTest(magic.display(), () ->
                assertTimeoutPreemptively(Duration.ofSeconds(60), () -> fuzz(magic))));
    }

    private static void fuzz(MagicDefinition magic) {
        Random random = new Random(magic.name().hashCode());
        List<String> names = optionNames(magic);
        for (int i = 0; i < CASES_PER_MAGIC; i++) {
            List<String> args = randomArgs(random, names);
            try {
                MagicCall.check(magic, args);
            } catch (UsageError e) {
                assertEquals(1, e.getMessage().lines().count(), "for " + args + ": " + e.getMessage());
                if (!e.getMessage().startsWith(magic.display() + ": ")) {
                    fail("message does not name the magic, for " + args + ": " + e.getMessage());
                }
            } catch (RuntimeException e) {
                throw new AssertionError(magic.display() + " " + args + " threw " + e, e);
            }
        }
    }

    private static List<String> optionNames(MagicDefinition magic) {
        List<String> names = new ArrayList<>();
        for (OptionSpec option : MagicParser.commandLine(magic.display(), magic.factory().get()).getCommandSpec().options()) {
            names.addAll(List.of(option.names()));
        }
        return names;
    }

    private static List<String> randomArgs(Random random, List<String> names) {
        int count = random.nextInt(7);
        List<String> args = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            switch (random.nextInt(8)) {
                case 0, 1 -> {
                    args.add(pick(random, names));
                    args.add(value(random));
                }
                case 2 -> args.add(pick(random, names) + "=" + value(random));
                case 3 -> args.add(mangle(random, pick(random, names)));
                case 4 -> args.add(value(random));
                case 5 -> args.add(pick(random, names));
                case 6 -> args.add(randomString(random));
                default -> args.add(random.nextBoolean() ? "9".repeat(1 + random.nextInt(random.nextInt(20) == 0 ? 5_000 : 40)) : "-" + randomString(random));
            }
        }
        return args;
    }

    private static String value(Random random) {
        return random.nextInt(4) == 0 ? Long.toString(random.nextLong()) : VALUES[random.nextInt(VALUES.length)];
    }

    private static String pick(Random random, List<String> names) {
        return names.get(random.nextInt(names.size()));
    }

    private static String mangle(Random random, String name) {
        StringBuilder b = new StringBuilder(name);
        int at = 1 + random.nextInt(Math.max(1, b.length() - 1));
        switch (random.nextInt(3)) {
            case 0 -> b.deleteCharAt(Math.min(at, b.length() - 1));
            case 1 -> b.insert(at, (char) ('a' + random.nextInt(26)));
            default -> b.setCharAt(Math.min(at, b.length() - 1), (char) ('a' + random.nextInt(26)));
        }
        return b.toString();
    }

    private static String randomString(Random random) {
        int length = random.nextInt(12);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            b.appendCodePoint(random.nextBoolean() ? 32 + random.nextInt(95) : random.nextInt(0x1_0000));
        }
        return b.toString();
    }
}
