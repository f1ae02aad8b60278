package org.forklab.experiments.nativeprobe;

import org.forklab.experiments.core.ChildResult;
import org.forklab.experiments.core.ChildSpec;
import org.forklab.experiments.core.Children;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The native probe (kernel/src/main/c) seen from Java: found in forklab's jar or classes folder,
 * copied to a cache folder it can be executed from, or, when forklab was built without a C
 * compiler but one exists now, compiled there from the bundled sources. When none of that
 * works, {@link #availability()} says why in one line and native variants are skipped with it.
 *
 * <p>Arguments go to the probe as argv words, never through a shell; its output is one JSON
 * object per line, parsed into a {@link ProbeRun}.
 */
public final class NativeProbe {
    /** The output format this Java side understands (PROBE_VERSION in probe.h). */
    public static final int PROTOCOL_VERSION = 2;
    private static final Duration BUILD_LIMIT = Duration.ofSeconds(120);
    private static final Duration CHECK_LIMIT = Duration.ofSeconds(20);
    private static final NativeProbe BUNDLED = new NativeProbe(ProbeSource.bundled());

    private final ProbeSource source;
    private Located located;

    private NativeProbe(ProbeSource source) {
        this.source = source;
    }

    /** The probe shipped with forklab (located once per JVM, on first use). */
    public static NativeProbe bundled() {
        return BUNDLED;
    }

    /** A probe from another place; tests use it to check what happens without binary or compiler. */
    public static NativeProbe from(ProbeSource source) {
        return new NativeProbe(source);
    }

    public ProbeSource source() {
        return source;
    }

    /** Empty when the probe can run here; else one line saying why not. */
    public Optional<String> availability() {
        return locate().reason;
    }

    /** The executable, or a {@link ProbeUnavailableException} with the one-line reason. */
    public Path executable() {
        Located l = locate();
        return l.path.orElseThrow(() -> new ProbeUnavailableException(l.reason.orElseThrow()));
    }

    /**
     * Runs {@code forklab-probe args...} and parses its lines. The probe is killed (with every
     * process below it) at {@code limit} or when this thread is interrupted; the interrupt is
     * rethrown. A probe that exits non-zero is returned as it is: see {@link ProbeRun#requireSuccess()}.
     */
    public ProbeRun run(List<String> args, Duration limit) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(executable().toString());
        command.addAll(args);
        ChildResult child = Children.run(ChildSpec.of(command, limit));
        return ProbeRun.parse(child);
    }

    private synchronized Located locate() {
        if (located == null) {
            located = find();
        }
        return located;
    }

    private Located find() {
        try {
            Optional<byte[]> binary = resource(ProbeSource.BINARY);
            Path exe;
            if (binary.isPresent()) {
                exe = extract(binary.get());
            } else {
                Optional<String> index = resource("src/sources.txt").map(b -> new String(b, StandardCharsets.UTF_8));
                if (index.isEmpty()) {
                    return Located.missing("the native probe is not in this build of forklab "
                            + "(it was built without a C compiler) and its C sources are missing");
                }
                Optional<Path> compiler = source.findCompiler();
                if (compiler.isEmpty()) {
                    return Located.missing("the native probe was not built (no C compiler when forklab was built) "
                            + "and no C compiler (" + String.join(", ", source.compilers()) + ") is on the PATH to build it now");
                }
                exe = compile(index.get(), compiler.get());
            }
            return check(exe);
        } catch (ProbeUnavailableException e) {
            return Located.missing(e.getMessage());
        } catch (IOException | UncheckedIOException e) {
            return Located.missing("the native probe could not be prepared in " + source.cacheRoot() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // Not cached: an interrupted search says nothing about the machine.
            return new Located(Optional.empty(), Optional.of("the search for the native probe was interrupted"));
        }
    }

    /** Runs "version" once: proves the binary executes here (not a noexec folder, right libc) and speaks our format. */
    private Located check(Path exe) throws IOException, InterruptedException {
        ChildResult r = Children.run(ChildSpec.of(List.of(exe.toString(), "version"), CHECK_LIMIT));
        if (!r.succeeded()) {
            return Located.missing("the native probe at " + exe + " does not run here: "
                    + r.describeFailure().replace('\n', ' '));
        }
        ProbeRun run = ProbeRun.parse(r);
        int version = run.first("version").map(o -> o.get("version").getAsInt()).orElse(-1);
        if (version != PROTOCOL_VERSION) {
            return Located.missing("the native probe at " + exe + " speaks version " + version
                    + ", this forklab expects " + PROTOCOL_VERSION + "; rebuild forklab");
        }
        return new Located(Optional.of(exe), Optional.empty());
    }

    /** Copies the binary to cache/probe-&lt;sha&gt;/ once; concurrent JVMs race safely through an atomic move. */
    private Path extract(byte[] binary) throws IOException {
        Path dir = source.cacheRoot().resolve("probe-" + sha256Prefix(binary));
        Path exe = dir.resolve(ProbeSource.BINARY);
        if (Files.isRegularFile(exe) && Files.size(exe) == binary.length && Files.isExecutable(exe)) {
            return exe;
        }
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ProbeSource.BINARY, ".tmp");
        try {
            Files.write(tmp, binary);
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.move(tmp, exe, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return exe;
    }

    /** Writes the bundled sources to cache/probe-src-&lt;sha&gt;/ and compiles them there. */
    private Path compile(String index, Path compiler) throws IOException, InterruptedException {
        List<String> names = index.lines().map(String::trim).filter(s -> !s.isEmpty()).toList();
        MessageDigest digest = sha256();
        List<byte[]> contents = new ArrayList<>();
        for (String name : names) {
            byte[] text = resource("src/" + name).orElseThrow(() -> new ProbeUnavailableException(
                    "the native probe's source " + name + " is listed but missing from this build of forklab"));
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            digest.update(text);
            contents.add(text);
        }
        Path dir = source.cacheRoot().resolve("probe-src-" + HexFormat.of().formatHex(digest.digest()).substring(0, 16));
        Path exe = dir.resolve(ProbeSource.BINARY);
        if (Files.isExecutable(exe)) {
            return exe;
        }
        Path src = dir.resolve("src");
        Files.createDirectories(src);
        List<String> command = new ArrayList<>(List.of(compiler.toString(), "-O2", "-std=c11", "-pthread", "-o"));
        Path tmp = dir.resolve(ProbeSource.BINARY + "." + ProcessHandle.current().pid() + ".tmp");
        command.add(tmp.toString());
        for (int i = 0; i < names.size(); i++) {
            Path file = src.resolve(names.get(i));
            Files.write(file, contents.get(i));
            if (names.get(i).endsWith(".c")) {
                command.add(file.toString());
            }
        }
        ChildResult r = Children.run(ChildSpec.of(command, BUILD_LIMIT));
        if (!r.succeeded()) {
            Files.deleteIfExists(tmp);
            String firstError = r.stderrTail().lines().filter(l -> l.contains("error")).findFirst()
                    .orElse(r.describeFailure().replace('\n', ' '));
            throw new ProbeUnavailableException("the native probe could not be built with " + compiler + ": " + firstError);
        }
        Files.move(tmp, exe, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return exe;
    }

    private Optional<byte[]> resource(String name) throws IOException {
        try (InputStream in = source.loader().getResourceAsStream(source.resourceDir() + name)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        }
    }

    static String sha256Prefix(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes)).substring(0, 16);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private record Located(Optional<Path> path, Optional<String> reason) {
        static Located missing(String reason) {
            return new Located(Optional.empty(), Optional.of(reason));
        }
    }
}
