package org.forklab.kernel.magic;

import org.forklab.spi.MagicCommandLine;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/** The IJava set of magics plus %lsmagic, each a picocli command in its own class. */
public final class BuiltinMagics {
    private BuiltinMagics() {
    }

    /** Registers the magics and returns them, for {@link #warmUp}. */
    public static List<PicocliMagic.Reused> registerAll(MagicRegistry registry, MagicHost host) {
        MavenResolver resolver = new MavenResolver();
        return List.of(
                register(registry, "classpath", ClasspathMagic.class, () -> new ClasspathMagic(host)),
                register(registry, "jars", JarsMagic.class, () -> new JarsMagic(host)),
                register(registry, "maven", MavenMagic.class, () -> new MavenMagic(host, resolver)),
                register(registry, "load", LoadMagic.class, () -> new LoadMagic(host)),
                register(registry, "lsmagic", LsMagic.class, () -> new LsMagic(registry)));
    }

    /**
     * Builds each magic's picocli model now, then parses empty arguments into it and builds its
     * usage text {@code rounds} times, calling nothing and printing nothing. picocli ships Java 5
     * class files, which class-data sharing cannot archive: without this the student's first magic
     * loads ~170 classes from the jar and builds its model interpreted (~140 ms here), and the
     * next ones parse interpreted.
     */
    public static void warmUp(List<PicocliMagic.Reused> magics, int rounds) {
        for (int round = 0; round < rounds; round++) {
            magics.forEach(PicocliMagic.Reused::exercise);
        }
    }

    private static PicocliMagic.Reused register(MagicRegistry registry, String name, Class<?> type,
                                                Supplier<? extends Callable<?>> factory) {
        PicocliMagic.Reused magic = new PicocliMagic.Reused(factory);
        registry.registerLineMagic(name, magic::run);
        registry.describeLineMagic(name, MagicCommandLine.summary(type));
        return magic;
    }
}
