package org.forklab.magics.parse;

import java.util.Iterator;
import java.util.List;
import org.forklab.experiments.c10k.C10kConfig;
import org.forklab.experiments.cost.CostConfig;
import org.forklab.experiments.cost.CostPlacement;
import org.forklab.experiments.cost.CostVariant;
import org.forklab.experiments.cost.PageKind;
import org.forklab.experiments.faults.FaultKind;
import org.forklab.experiments.faults.FaultMode;
import org.forklab.experiments.ipc.Transport;
import org.forklab.experiments.race.RaceVariant;
import org.forklab.experiments.scale.ScaleConfig;
import org.forklab.experiments.switching.Placement;
import org.forklab.experiments.switching.SwitchMode;

/**
 * The words of the options that take one of a set, as picocli completion candidates: each set is
 * the experiment's own list (its enum's words), so a magic's help ({@code ${COMPLETION-CANDIDATES}})
 * and the words its config accepts are written once. The config refuses any other word in one
 * line naming these. "all" and "none", where an option takes them, are the magic's own words and
 * stand in its help text beside the list.
 */
public final class Choices {
    private Choices() {
    }

    /** A fixed list of words as picocli wants it: a class it can create. */
    abstract static class Words implements Iterable<String> {
        private final List<String> words;

        Words(List<String> words) {
            this.words = List.copyOf(words);
        }

        @Override
        public Iterator<String> iterator() {
            return words.iterator();
        }
    }

    public static final class SpawnVariants extends Words {
        public SpawnVariants() {
            super(CostVariant.words());
        }
    }

    public static final class SpawnPlacements extends Words {
        public SpawnPlacements() {
            super(CostPlacement.words());
        }
    }

    public static final class PageKinds extends Words {
        public PageKinds() {
            super(PageKind.words());
        }
    }

    public static final class LaunchMechanisms extends Words {
        public LaunchMechanisms() {
            super(CostConfig.MECHANISMS);
        }
    }

    public static final class SwitchModes extends Words {
        public SwitchModes() {
            super(SwitchMode.words());
        }
    }

    /** Where two ends run, for %pingpong and %ipc alike. */
    public static final class Placements extends Words {
        public Placements() {
            super(Placement.words());
        }
    }

    public static final class Transports extends Words {
        public Transports() {
            super(Transport.words());
        }
    }

    public static final class RaceVariants extends Words {
        public RaceVariants() {
            super(RaceVariant.words());
        }
    }

    public static final class FaultKinds extends Words {
        public FaultKinds() {
            super(FaultKind.words());
        }
    }

    public static final class FaultModes extends Words {
        public FaultModes() {
            super(FaultMode.words());
        }
    }

    public static final class ScaleKinds extends Words {
        public ScaleKinds() {
            super(ScaleConfig.KINDS);
        }
    }

    public static final class Servers extends Words {
        public Servers() {
            super(C10kConfig.SERVERS);
        }
    }
}
