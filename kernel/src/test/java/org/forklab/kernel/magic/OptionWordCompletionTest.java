package org.forklab.kernel.magic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OptionWordCompletionTest {
    private final MagicRegistry magics = new MagicRegistry();

    OptionWordCompletionTest() {
        magics.describeOptionWords("pingpong", false, option -> option.equals("--modes") || option.equals("-m")
                ? List.of("thread-pipe", "process-pipe", "thread-futex") : List.of());
    }

    private Optional<OptionWordCompletion.Words> complete(String line) {
        return OptionWordCompletion.complete(line, false, magics);
    }

    @Test
    void offersTheWordsAfterTheOption() {
        assertEquals(Optional.of(new OptionWordCompletion.Words(List.of("thread-pipe", "process-pipe", "thread-futex"), "")),
                complete("%pingpong --modes "));
        assertEquals(Optional.of(new OptionWordCompletion.Words(List.of("thread-pipe", "thread-futex"), "thr")),
                complete("%pingpong -m thr"));
    }

    @Test
    void completesTheWordAfterTheLastCommaAndAfterEquals() {
        assertEquals(Optional.of(new OptionWordCompletion.Words(List.of("process-pipe"), "PRO")),
                complete("%pingpong --modes=thread-pipe,PRO"));
    }

    @Test
    void offersNothingWhereNoWordsAreKnown() {
        assertEquals(Optional.empty(), complete("%pingpong --runs "));
        assertEquals(Optional.empty(), complete("%pingpong --modes x"));
        assertEquals(Optional.empty(), complete("%spawn --placement "));
        assertEquals(Optional.empty(), complete("%pingpong thread"));
    }
}
