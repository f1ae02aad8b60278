package org.forklab.experiments.nativeprobe;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where {@link NativeProbe} looks for the probe: a resource folder holding the built binary
 * ({@code forklab-probe}) and/or its C sources ({@code src/sources.txt} listing them), the C
 * compilers to try when only sources are there, and the cache folder the binary is run from
 * (a jar cannot be executed from, so the binary is copied out once per content hash).
 *
 * @param loader      the class loader that holds the resources
 * @param resourceDir the folder inside it, e.g. "org/forklab/native/"
 * @param compilers   compiler names searched on the PATH (or absolute paths), in order
 * @param cacheRoot   where probe-&lt;sha256 prefix&gt;/ folders are made
 */
public record ProbeSource(ClassLoader loader, String resourceDir, List<String> compilers, Path cacheRoot) {

    public static final String BINARY = "forklab-probe";

    public ProbeSource {
        compilers = List.copyOf(compilers);
        resourceDir = resourceDir.endsWith("/") ? resourceDir : resourceDir + "/";
    }

    /** The probe built into forklab's own jar or classes folder. */
    public static ProbeSource bundled() {
        return new ProbeSource(NativeProbe.class.getClassLoader(), "org/forklab/native/",
                List.of("cc", "gcc", "clang"), defaultCacheRoot());
    }

    /** $XDG_CACHE_HOME/forklab, else ~/.cache/forklab. */
    public static Path defaultCacheRoot() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("forklab");
    }

    public ProbeSource withResourceDir(String dir) {
        return new ProbeSource(loader, dir, compilers, cacheRoot);
    }

    public ProbeSource withCompilers(List<String> names) {
        return new ProbeSource(loader, resourceDir, names, cacheRoot);
    }

    public ProbeSource withCacheRoot(Path root) {
        return new ProbeSource(loader, resourceDir, compilers, root);
    }

    /** The first compiler that exists: an absolute path that is executable, or a name on the PATH. */
    public Optional<Path> findCompiler() {
        String pathVar = Optional.ofNullable(System.getenv("PATH")).orElse("/usr/bin:/bin");
        for (String name : compilers) {
            if (name.contains("/")) {
                Path p = Path.of(name);
                if (p.toFile().canExecute()) {
                    return Optional.of(p);
                }
                continue;
            }
            for (String dir : pathVar.split(":")) {
                if (dir.isEmpty()) {
                    continue;
                }
                Path p = Path.of(dir, name);
                if (p.toFile().isFile() && p.toFile().canExecute()) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }
}
