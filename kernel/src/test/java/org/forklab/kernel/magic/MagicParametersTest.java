package org.forklab.kernel.magic;

import org.forklab.spi.UsageError;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class MagicParametersTest {
    private static MagicParameters.Variables variables(Map<String, Object> values) {
        return new MagicParameters.Variables(values::keySet, values::get);
    }

    private static final Map<String, Object> CELLS = new HashMap<>(Map.of(
            "samples", 200, "sizes", List.of(1, 64, 4096), "label", "laptop", "fast", true,
            "gaps", new long[]{5, 10}));

    static {
        CELLS.put("nothing", null);
    }

    @Test
    void argumentsWithoutReferencesAreReturnedAsTheyAre() throws Exception {
        List<String> args = List.of("-n", "10", "$HOME", "{x}");
        assertSame(args, MagicParameters.substitute("%spawn", args, variables(Map.of())));
    }

    @Test
    void numbersTextAndBooleansAreWrittenAsTheyPrint() throws Exception {
        assertEquals(List.of("-n", "200", "--save", "class/laptop-run", "true"),
                MagicParameters.substitute("%spawn", List.of("-n", "${samples}", "--save", "class/${label}-run", "${fast}"),
                        variables(CELLS)));
    }

    @Test
    void listsAndArraysBecomeCommaJoinedAndStayOneArgument() throws Exception {
        assertEquals(List.of("--sizes", "1,64,4096", "--gaps", "5,10"),
                MagicParameters.substitute("%share", List.of("--sizes", "${sizes}", "--gaps", "${ gaps }"), variables(CELLS)));
    }

    @Test
    void aValueWithSpacesDoesNotSplitIntoMoreArguments() throws Exception {
        assertEquals(List.of("a b;c"), MagicParameters.substitute("%x", List.of("${t}"), variables(Map.of("t", "a b;c"))));
    }

    @Test
    void anUnknownNameIsOneLineWithTheNearestVariable() {
        UsageError e = assertThrows(UsageError.class,
                () -> MagicParameters.substitute("%spawn", List.of("-n", "${sample}"), variables(CELLS)));
        assertEquals("%spawn: ${sample} names no Java variable; declare it in an earlier cell (the parameters cell,"
                + " e.g. int sample = 100;); did you mean ${samples}?", e.getMessage());
    }

    @Test
    void anUnknownNameFarFromEveryVariableHasNoSuggestion() {
        UsageError e = assertThrows(UsageError.class,
                () -> MagicParameters.substitute("%spawn", List.of("${zzzzzz}"), variables(CELLS)));
        assertFalse(e.getMessage().contains("did you mean"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void aNullValueIsRefusedInOneLine() {
        UsageError e = assertThrows(UsageError.class,
                () -> MagicParameters.substitute("%spawn", List.of("-n", "${nothing}"), variables(CELLS)));
        assertEquals("%spawn: ${nothing} is null; give it a value in the parameters cell or leave the option out"
                + " to use its default", e.getMessage());
    }

    @Test
    void renderJoinsCollectionsOfAnyElement() {
        assertEquals("a,b", MagicParameters.render(Arrays.asList("a", "b")));
        assertEquals("1.5", MagicParameters.render(1.5));
    }
}
