package org.forklab.magics;

import java.util.List;
import java.util.Optional;
import org.forklab.magics.parse.MagicDefinition;

/** Every forklab magic, in the order %lsmagic and the README table list them. */
public final class MagicCatalog {
    static {
        ViewRegistrations.ensure();
    }

    private static final List<MagicDefinition> ALL = List.of(
            MagicDefinition.line(EnvMagic::new),
            MagicDefinition.cell(CMagic::new),
            MagicDefinition.line(SpawnMagic::new),
            MagicDefinition.line(PingPongMagic::new),
            MagicDefinition.line(ShareMagic::new),
            MagicDefinition.line(RaceMagic::new),
            MagicDefinition.line(CrashMagic::new),
            MagicDefinition.line(IpcMagic::new),
            MagicDefinition.line(ScaleMagic::new),
            MagicDefinition.line(C10kMagic::new),
            MagicDefinition.line(CompareMagic::new),
            MagicDefinition.line(ClaimsMagic::new),
            MagicDefinition.line(ExploreMagic::new));

    private MagicCatalog() {
    }

    public static List<MagicDefinition> all() {
        return ALL;
    }

    /** A magic by the name the user types after % or %%. */
    public static Optional<MagicDefinition> find(String name, boolean cell) {
        return ALL.stream().filter(d -> d.name().equals(name) && d.cell() == cell).findFirst();
    }
}
