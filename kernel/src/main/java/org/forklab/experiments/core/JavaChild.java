package org.forklab.experiments.core;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line for a child JVM that runs one of forklab's own main classes, with the same
 * java binary and the jar (or classes folder) forklab was loaded from. The code source is used
 * rather than java.class.path because inside IJava forklab is loaded by JShell's class loader.
 */
public final class JavaChild {
    private JavaChild() {
    }

    public static List<String> command(Class<?> mainClass, List<String> jvmOptions, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaBinary());
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(classPathOf(mainClass));
        cmd.add(mainClass.getName());
        cmd.addAll(args);
        return cmd;
    }

    /** The java executable of this JVM. */
    public static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** Where {@code type} was loaded from, plus this JVM's class path for its dependencies. */
    public static String classPathOf(Class<?> type) {
        try {
            String own = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
            String jvm = System.getProperty("java.class.path", "");
            return jvm.isEmpty() ? own : own + java.io.File.pathSeparator + jvm;
        } catch (URISyntaxException | NullPointerException e) {
            return System.getProperty("java.class.path");
        }
    }
}
