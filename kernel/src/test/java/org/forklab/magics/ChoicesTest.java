package org.forklab.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.forklab.magics.parse.MagicDefinition;
import org.forklab.magics.parse.MagicParser;
import org.forklab.spi.UsageError;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Options that take one of a set of words declare the set as picocli completion candidates (the
 * experiment's own words), and the magic takes exactly those: each word is known, any other word
 * is refused in one line that names every one of them.
 */
class ChoicesTest {
    private static final String UNKNOWN = "no-such-word";

    @TestFactory
    Stream<DynamicTest> eachCandidateIsTakenAndOtherWordsRefusedNamingThemAll() {
        List<DynamicTest> tests = new ArrayList<>();
        for (MagicDefinition magic : MagicCatalog.all()) {
            for (OptionSpec option : options(magic)) {
                if (option.completionCandidates() == null) {
                    continue;
                }
                List<String> words = new ArrayList<>();
                option.completionCandidates().forEach(words::add);
                tests.add(DynamicTest.dynamicTest(magic.display() + " " + option.longestName(), () -> {
                    assertTrue(words.size() >= 2, "candidates: " + words);
                    for (String word : words) {
                        try {
                            MagicCall.check(magic, List.of(option.longestName(), word));
                        } catch (UsageError e) {
                            // Refused for another reason (a placement this machine cannot give) is fine.
                            assertFalse(e.getMessage().contains("'" + word + "' is not known"), e.getMessage());
                        }
                    }
                    UsageError e = assertThrows(UsageError.class,
                            () -> MagicCall.check(magic, List.of(option.longestName(), UNKNOWN)));
                    assertEquals(1, e.getMessage().lines().count(), e.getMessage());
                    // Words are taken in any case; the launch mechanisms are echoed as the JDK spells them.
                    assertTrue(e.getMessage().toLowerCase(java.util.Locale.ROOT).contains(UNKNOWN), e.getMessage());
                    for (String word : words) {
                        assertTrue(e.getMessage().contains(word), word + " not named in: " + e.getMessage());
                    }
                }));
            }
        }
        return tests.stream();
    }

    /** An option that takes "all" takes one or more of a set, so it names the set. */
    @Test
    void everyOptionThatTakesAllHasCandidates() {
        List<String> without = new ArrayList<>();
        int with = 0;
        for (MagicDefinition magic : MagicCatalog.all()) {
            for (OptionSpec option : options(magic)) {
                if (option.completionCandidates() != null) {
                    with++;
                } else if ("all".equals(option.defaultValue()) || String.join(" ", option.description()).contains("or all")) {
                    without.add(magic.display() + " " + option.longestName());
                }
            }
        }
        assertEquals(List.of(), without);
        assertTrue(with >= 13, "options with candidates: " + with);
    }

    private static List<OptionSpec> options(MagicDefinition magic) {
        return MagicParser.commandLine(magic.display(), magic.factory().get()).getCommandSpec().options();
    }
}
