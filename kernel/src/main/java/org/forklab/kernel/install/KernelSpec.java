package org.forklab.kernel.install;

import com.google.gson.GsonBuilder;
import com.sun.management.HotSpotDiagnosticMXBean;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
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
     * without. The kernel also runs a full collection when idle after a cell (IdleCollector; turned
     * off with --jvm-option=-Dforklab.idleCollectMillis=0), and after it the heap keeps at most 10 %
     * free: at 30 % the pages of the free part stayed resident, and 1,000 one-line cells grew the
     * heap's resident pages by 53 MB, at 10 % by 18 MB (JDK 25). --jvm-option comes later on the
     * command line and so overrides any of these.
     */
    static final List<String> MEMORY_DEFAULTS = List.of(
            "-XX:G1PeriodicGCInterval=2000", "-XX:MaxHeapFreeRatio=10", "-XX:MinHeapFreeRatio=5");

    /**
     * Memory the JIT compiler and javac free goes back to glibc's malloc, which keeps it: over the
     * same 1,000 cells the rest of the kernel's resident memory grew by 51 MB, with a trim every
     * 3 s by 37 MB. Not every JDK 17 build has the option (both JDKs here do); where the installing
     * JVM lacks it, it is left out, since a JVM refuses to start with an option it does not know.
     */
    static final String NATIVE_TRIM = "-XX:TrimNativeHeapInterval=3000";

    public static final String JAR_NAME = "forklab-kernel.jar";

    private final String displayName;
    private final String java;
    private final List<String> jvmOptions;

    private final boolean trimsNativeHeap;

    /** A kernelspec for {@code java}, which has {@link #NATIVE_TRIM} if the installing JVM has it. */
    public KernelSpec(String displayName, String java, List<String> jvmOptions) {
        this(displayName, java, jvmOptions, jvmKnows("TrimNativeHeapInterval"));
    }

    KernelSpec(String displayName, String java, List<String> jvmOptions, boolean trimsNativeHeap) {
        this.displayName = displayName;
        this.java = java;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.trimsNativeHeap = trimsNativeHeap;
    }

    /** Whether this JVM has the -XX option {@code name} (the installer writes the JVM it runs on). */
    static boolean jvmKnows(String name) {
        try {
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).getVMOption(name);
            return true;
        } catch (IllegalArgumentException | NullPointerException unknown) {
            return false;
        }
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
        if (trimsNativeHeap) {
            argv.add(NATIVE_TRIM);
        }
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
