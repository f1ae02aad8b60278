package org.forklab.kernel.magic;

import org.forklab.spi.UsageError;
import eu.maveniverse.maven.mima.context.Context;
import eu.maveniverse.maven.mima.context.ContextOverrides;
import eu.maveniverse.maven.mima.context.Runtimes;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Transitive resolution of Maven coordinates through MIMA (Maven Resolver with Maven's settings). */
public final class MavenResolver {

    /** Jars of the coordinates and their runtime dependencies, nearest first, each once. */
    public List<Path> resolve(List<String> coordinates, List<String> extraRepositories) throws UsageError {
        List<Dependency> roots = new ArrayList<>();
        for (String coordinate : coordinates) {
            roots.add(new Dependency(parse(coordinate), JavaScopes.RUNTIME));
        }
        List<RemoteRepository> extra = new ArrayList<>();
        for (String url : extraRepositories) {
            extra.add(repository(url, extra.size()));
        }
        ContextOverrides overrides = ContextOverrides.create().withUserSettings(true).build();
        try (Context context = Runtimes.INSTANCE.getRuntime().create(overrides)) {
            RepositorySystem system = context.repositorySystem();
            List<RemoteRepository> repositories = new ArrayList<>(context.remoteRepositories());
            repositories.addAll(system.newResolutionRepositories(context.repositorySystemSession(), extra));
            CollectRequest collect = new CollectRequest();
            collect.setDependencies(roots);
            collect.setRepositories(repositories);
            DependencyRequest request = new DependencyRequest(collect,
                    DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME));
            Set<Path> jars = new LinkedHashSet<>();
            for (ArtifactResult result : system.resolveDependencies(context.repositorySystemSession(), request)
                    .getArtifactResults()) {
                Artifact artifact = result.getArtifact();
                if (artifact != null && artifact.getFile() != null) {
                    jars.add(artifact.getFile().toPath());
                }
            }
            return new ArrayList<>(jars);
        } catch (DependencyResolutionException e) {
            throw new UsageError("%maven: could not resolve " + String.join(", ", coordinates) + " from "
                    + describe(extraRepositories) + ": " + rootMessage(e));
        }
    }

    static Artifact parse(String coordinate) throws UsageError {
        try {
            return new DefaultArtifact(coordinate);
        } catch (IllegalArgumentException e) {
            throw new UsageError("%maven: '" + coordinate + "' is not a Maven coordinate; expected "
                    + "groupId:artifactId[:extension[:classifier]]:version, e.g. org.apache.commons:commons-lang3:3.14.0");
        }
    }

    private static RemoteRepository repository(String url, int index) throws UsageError {
        try {
            URI uri = URI.create(url);
            if (uri.getScheme() == null || !(uri.getScheme().equals("https") || uri.getScheme().equals("http")
                    || uri.getScheme().equals("file"))) {
                throw new IllegalArgumentException("scheme");
            }
        } catch (IllegalArgumentException e) {
            throw new UsageError("%maven: '" + url + "' is not a repository URL; expected https://..., http://... or file:///...");
        }
        return new RemoteRepository.Builder("extra-" + index, "default", url).build();
    }

    private static String describe(List<String> extraRepositories) {
        return extraRepositories.isEmpty() ? "Maven Central and ~/.m2"
                : "Maven Central, ~/.m2 and " + String.join(", ", extraRepositories);
    }

    /** The innermost cause says what really failed (not found, host unreachable, ...), on one line. */
    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.replaceAll("\\s+", " ").trim();
    }
}
