package org.forklab.kernel.install;

import com.google.gson.GsonBuilder;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A kernelspec directory: kernel.json, the logos and a copy of the kernel jar. */
public final class KernelSpec {
    /**
     * A kernel lives for a whole lesson, and a heap that grew for one cell's garbage is otherwise
     * never given back: with G1 collecting when idle (every 2 s) and the heap shrunk to at most 30 %
     * free, bench/soak.py measured 152 → 337 MB resident over 250 cells against 150 → 818 MB
     * without. Over 1,000 cells the growth was 266 MB with these; the serial collector (229 MB) and
     * fewer malloc arenas (246 MB) were no clear gain (README, "The kernel under abuse"), so G1
     * stays. The kernel also runs a full collection when idle after a cell (IdleCollector; turned
     * off with --jvm-option=-Dforklab.idleCollectMillis=0). --jvm-option comes later on the
     * command line and so overrides any of these.
     */
    static final List<String> MEMORY_DEFAULTS = List.of(
            "-XX:G1PeriodicGCInterval=2000", "-XX:MaxHeapFreeRatio=30", "-XX:MinHeapFreeRatio=10");

    public static final String JAR_NAME = "forklab-kernel.jar";

    private final String displayName;
    private final String java;
    private final List<String> jvmOptions;

    public KernelSpec(String displayName, String java, List<String> jvmOptions) {
        this.displayName = displayName;
        this.java = java;
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    /** kernel.json's content for a kernel whose jar is {@code jar}. */
    public Map<String, Object> kernelJson(Path jar) {
        return kernelJson(jar, null);
    }

    /** kernel.json's content; {@code archive}, if not null, is the class-data archive to start from. */
    public Map<String, Object> kernelJson(Path jar, Path archive) {
        List<String> argv = new ArrayList<>();
        argv.add(java);
        if (archive != null) {
            argv.add("-XX:SharedArchiveFile=" + archive);
            argv.add("-Xlog:cds=off");
            argv.add("-Xlog:cds+dynamic=off");
        }
        argv.add("-XX:-UsePerfData");
        argv.addAll(MEMORY_DEFAULTS);
        argv.addAll(jvmOptions); // after the defaults: the JVM takes the last of a repeated option
        argv.add("-jar");
        argv.add(jar.toString());
        argv.add("{connection_file}");
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("argv", argv);
        json.put("display_name", displayName);
        json.put("language", "java");
        json.put("interrupt_mode", "message");
        json.put("metadata", Map.of("debugger", false));
        return json;
    }

    /** Writes the spec into {@code dir} (created if needed), copying {@code jar} there. */
    public void writeTo(Path dir, Path jar) throws IOException {
        Files.createDirectories(dir);
        Path installedJar = dir.resolve(JAR_NAME);
        if (!jar.toAbsolutePath().normalize().equals(installedJar.toAbsolutePath().normalize())) {
            Path partial = dir.resolve(JAR_NAME + ".part");
            Files.copy(jar, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, installedJar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        Path archive = ClassDataArchive.create(java, dir.resolve("forklab-kernel.jsa"), installedJar.toAbsolutePath());
        String json = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create()
                .toJson(kernelJson(installedJar.toAbsolutePath(), archive));
        Files.writeString(dir.resolve("kernel.json"), json + "\n", StandardCharsets.UTF_8);
        for (int size : new int[] {32, 64}) {
            try (OutputStream out = Files.newOutputStream(dir.resolve("logo-" + size + "x" + size + ".png"))) {
                Logo.writePng(size, out);
            }
        }
    }
}
