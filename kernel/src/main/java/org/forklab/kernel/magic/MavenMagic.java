package org.forklab.kernel.magic;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "%maven", mixinStandardHelpOptions = true,
        description = "Resolve Maven artifacts with their dependencies and add them to the classpath of the cells.",
        footer = "Artifacts come from Maven Central and the local repository (~/.m2) unless --repository adds more.")
public final class MavenMagic implements Callable<Object> {
    private final MagicHost host;
    private final MavenResolver resolver;

    @Parameters(paramLabel = "COORDINATE", arity = "1..*",
            description = "groupId:artifactId[:extension[:classifier]]:version, e.g. org.apache.commons:commons-lang3:3.14.0")
    List<String> coordinates;

    @Option(names = {"-r", "--repository"}, paramLabel = "URL", description = "An extra remote repository to search.")
    List<String> repositories = new ArrayList<>();

    public MavenMagic(MagicHost host, MavenResolver resolver) {
        this.host = host;
        this.resolver = resolver;
    }

    @Override
    public Object call() throws Exception {
        List<Path> jars = resolver.resolve(coordinates, repositories);
        host.addToClasspath(jars);
        System.out.println("%maven: added " + jars.size() + (jars.size() == 1 ? " jar" : " jars")
                + " for " + String.join(", ", coordinates));
        return null;
    }
}
