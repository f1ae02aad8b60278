package org.forklab.kernel.magic;

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

    private static void register(MagicRegistry registry, String name, Class<?> type,
                                 Supplier<? extends Callable<?>> factory) {
        registry.registerLineMagic(name, args -> PicocliMagic.run(factory, args));
        registry.describeLineMagic(name, PicocliMagic.summary(type));
    }
}
