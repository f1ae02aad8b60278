package org.forklab.kernel.magic;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "%jars", mixinStandardHelpOptions = true,
        description = "Add the jar files matching each glob to the classpath of the cells.",
        footer = "Kernel extensions found in the jars are loaded at once.")
public final class JarsMagic implements Callable<Object> {
    private final MagicHost host;

    @Parameters(paramLabel = "GLOB", arity = "1..*", description = "A jar file or a glob such as libs/**.jar.")
    List<String> globs;

    public JarsMagic(MagicHost host) {
        this.host = host;
    }

    @Override
    public Object call() throws Exception {
        List<Path> jars = PathGlobs.expand("%jars", globs, true);
        host.addToClasspath(jars);
        return null;
    }
}
