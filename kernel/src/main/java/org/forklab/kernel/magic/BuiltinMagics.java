package org.forklab.kernel.magic;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/** The IJava set of magics plus %lsmagic, each a picocli command in its own class. */
public final class BuiltinMagics {
    private BuiltinMagics() {
    }

    public static void registerAll(MagicRegistry registry, MagicHost host) {
        MavenResolver resolver = new MavenResolver();
        register(registry, "classpath", ClasspathMagic.class, () -> new ClasspathMagic(host));
        register(registry, "jars", JarsMagic.class, () -> new JarsMagic(host));
        register(registry, "maven", MavenMagic.class, () -> new MavenMagic(host, resolver));
        register(registry, "load", LoadMagic.class, () -> new LoadMagic(host));
        register(registry, "lsmagic", LsMagic.class, () -> new LsMagic(registry));
    }

    /**
     * Parses empty arguments into each built-in magic and builds its usage text, {@code rounds}
     * times, printing nothing. picocli ships Java 5 class files, which class-data sharing cannot
     * archive: without this the student's first magic loads ~170 classes from the jar (~140 ms
     * here) and the next dozen run picocli interpreted (~13 ms each instead of ~4).
     */
    public static void warmUp(MagicRegistry registry, MagicHost host, int rounds) {
        MavenResolver resolver = new MavenResolver();
        List<Supplier<? extends Callable<?>>> commands = List.of(() -> new ClasspathMagic(host),
                () -> new JarsMagic(host), () -> new MavenMagic(host, resolver), () -> new LoadMagic(host),
                () -> new LsMagic(registry));
        for (int round = 0; round < rounds; round++) {
            commands.forEach(command -> PicocliMagic.exercise(command.get()));
        }
    }

    private static void register(MagicRegistry registry, String name, Class<?> type,
                                 Supplier<? extends Callable<?>> factory) {
        registry.registerLineMagic(name, args -> PicocliMagic.run(factory, args));
        registry.describeLineMagic(name, PicocliMagic.summary(type));
    }
}
