package org.forklab.ijavacompat;

import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs in a child JVM whose class path holds basekernel and the IJava stand-in but no forklab
 * class. Like stock IJava it evaluates the start-up script in a JShell on the local engine
 * whose class path has the IJAVA_CLASSPATH jar, then calls magics through basekernel's
 * registry, and prints what happened as lines for the test to read.
 */
public final class StockIJavaHost {
    private StockIJavaHost() {
    }

    public static void main(String[] args) throws Exception {
        String magicsJar = args[0];
        String startupScript = Files.readString(Path.of(args[1])).strip();
        try (JShell shell = JShell.builder().executionEngine("local").build()) {
            shell.addToClasspath(System.getProperty("java.class.path"));
            shell.addToClasspath(magicsJar);
            run(shell, startupScript);
            run(shell, "var k = io.github.spencerpark.ijava.IJava.getKernelInstance();");
            run(shell, "k.getMagics().applyLineMagic(\"env\", java.util.List.of());");
            run(shell, "System.out.print((String) k.getMagics().applyLineMagic(\"lsmagic\", java.util.List.of()));");
            run(shell, "k.displayed().forEach(d -> System.out.println(\"display \" + d.getData(io.github.spencerpark"
                    + ".jupyter.kernel.display.mime.MIMEType.TEXT_HTML).toString().length()));");
            run(shell, "try { k.getMagics().applyLineMagic(\"race\", java.util.List.of(\"--bogus\")); }"
                    + " catch (Exception e) { System.out.println(\"usage \" + e.getClass().getSimpleName() + \": \" + e.getMessage()); }");
            run(shell, "System.out.println(\"kernel-classes \" + (org.forklab.spi.Results.class.getClassLoader().getResource(\"org/forklab/kernel/Main.class\") != null));");
        }
    }

    private static void run(JShell shell, String code) {
        List<SnippetEvent> events = shell.eval(code);
        for (SnippetEvent e : events) {
            if (e.status() == Snippet.Status.REJECTED) {
                System.out.println("rejected " + code);
                shell.diagnostics(e.snippet()).forEach(d -> System.out.println("  " + d.getMessage(null)));
            }
            if (e.exception() != null) {
                System.out.println("exception " + e.exception());
            }
        }
    }
}
