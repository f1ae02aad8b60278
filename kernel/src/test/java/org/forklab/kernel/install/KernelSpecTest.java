package org.forklab.kernel.install;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class KernelSpecTest {

    @Test
    void writesKernelJsonLogosAndItsOwnJar(@TempDir Path tmp) throws Exception {
        Path jar = Files.writeString(tmp.resolve("built.jar"), "not really a jar");
        Path dir = tmp.resolve("share/jupyter/kernels/forklab");
        new KernelSpec("Java (forklab)", "/opt/jdk/bin/java", List.of("-Xmx1g"), true).writeTo(dir, jar);

        JsonObject json = new JsonParser().parse(Files.readString(dir.resolve("kernel.json"))).getAsJsonObject();
        assertEquals("[\"/opt/jdk/bin/java\",\"-XX:-UsePerfData\",\"-XX:G1PeriodicGCInterval=2000\",\"-XX:MaxHeapFreeRatio=10\","
                + "\"-XX:MinHeapFreeRatio=5\",\"-XX:TrimNativeHeapInterval=3000\",\"-Xmx1g\",\"-jar\",\"" + dir.resolve("forklab-kernel.jar")
                + "\",\"{connection_file}\"]", json.get("argv").toString());
        assertEquals("java", json.get("language").getAsString());
        assertEquals("message", json.get("interrupt_mode").getAsString());
        assertEquals("Java (forklab)", json.get("display_name").getAsString());
        assertEquals("not really a jar", Files.readString(dir.resolve("forklab-kernel.jar")));
        for (int size : new int[] {32, 64}) {
            BufferedImage logo = ImageIO.read(dir.resolve("logo-" + size + "x" + size + ".png").toFile());
            assertEquals(size, logo.getWidth());
            assertEquals(size, logo.getHeight());
        }
    }

    /** The JVM itself, given the kernelspec's options, takes the user's value over the installer's. */
    @Test
    void theNativeTrimIsLeftOutForAJvmWithoutIt(@TempDir Path tmp) {
        List<?> argv = (List<?>) new KernelSpec("k", "/opt/jdk/bin/java", List.of(), false)
                .kernelJson(tmp.resolve("k.jar")).get("argv");
        assertFalse(argv.toString().contains("TrimNativeHeapInterval"), argv.toString());
        assertTrue(KernelSpec.jvmKnows("MaxHeapFreeRatio"));
        assertFalse(KernelSpec.jvmKnows("NoSuchOptionAnywhere"));
    }

    @Test
    void aJvmOptionOverridesTheInstallersMemoryDefault(@TempDir Path tmp) throws Exception {
        String java = InstallCommand.javaCommand();
        List<?> argv = (List<?>) new KernelSpec("k", java, List.of("-XX:MaxHeapFreeRatio=70", "-Dforklab.idleCollectMillis=0"))
                .kernelJson(tmp.resolve("k.jar")).get("argv");
        assertTrue(argv.contains("-XX:MaxHeapFreeRatio=10"), "the default is there to be overridden: " + argv);
        List<String> command = new ArrayList<>();
        for (Object arg : argv.subList(0, argv.indexOf("-jar"))) {
            command.add(arg.toString());
        }
        command.addAll(List.of("-XX:+PrintFlagsFinal", "-XshowSettings:properties", "-version"));
        Process jvm = new ProcessBuilder(command).redirectErrorStream(true).start();
        String flags = new String(jvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, jvm.waitFor(), flags);
        assertTrue(flags.matches("(?s).*\\bMaxHeapFreeRatio\\s+= 70\\b.*"), flags);
        assertTrue(flags.contains("forklab.idleCollectMillis = 0"), flags);
    }

    @Test
    void installRefusesAnUnwritablePrefixInOneLine(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        String why = InstallCommand.unwritable(file.resolve("share/jupyter/kernels/forklab"));
        assertEquals(file + " is not a directory", why);
        assertNull(InstallCommand.unwritable(tmp.resolve("fresh/kernels/forklab")));
    }

    @Test
    void javaCommandIsTheRunningJava() throws Exception {
        String java = InstallCommand.javaCommand();
        assertTrue(Files.isExecutable(Path.of(java)), java);
        assertTrue(java.endsWith("/java"), java);
    }
}
