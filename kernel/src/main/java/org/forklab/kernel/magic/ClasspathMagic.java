package org.forklab.kernel.magic;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "%classpath", mixinStandardHelpOptions = true,
        description = "Add jars or class directories (globs allowed) to the classpath of the cells.",
        footer = "Kernel extensions found in what is added are loaded at once.")
public final class ClasspathMagic implements Callable<Object> {
    private final MagicHost host;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "A jar, a class directory or a glob such as lib/*.jar.")
    List<String> paths;

    public ClasspathMagic(MagicHost host) {
        this.host = host;
    }

    @Override
    public Object call() throws Exception {
        List<Path> entries = PathGlobs.expand("%classpath", paths, false);
        host.addToClasspath(entries);
        return null;
    }
}
