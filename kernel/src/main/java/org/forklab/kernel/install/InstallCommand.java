package org.forklab.kernel.install;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

@Command(name = "install", mixinStandardHelpOptions = true,
        description = "Install the forklab kernelspec so Jupyter can start this kernel.",
        footer = "Without --sys-prefix or --prefix the kernel is installed for the current user.")
public final class InstallCommand implements Callable<Integer> {

    static final class Where {
        @Option(names = "--user", description = "For the current user (Jupyter's data directory). The default.")
        boolean user;

        @Option(names = "--sys-prefix", description = "Into the Python environment of the jupyter in use ($VIRTUAL_ENV, else python3's sys.prefix).")
        boolean sysPrefix;

        @Option(names = "--prefix", paramLabel = "DIR", description = "Into DIR/share/jupyter/kernels.")
        Path prefix;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Where where = new Where();

    @Option(names = "--name", paramLabel = "N", defaultValue = "forklab", description = "Kernel name (directory). Default: ${DEFAULT-VALUE}.")
    String name;

    @Option(names = "--display-name", paramLabel = "D", defaultValue = "Java (forklab)", description = "Name shown in Jupyter. Default: ${DEFAULT-VALUE}.")
    String displayName;

    @Option(names = "--jvm-option", paramLabel = "OPT", description = "An option for the kernel's JVM, e.g. --jvm-option=-Xmx2g (repeatable).")
    List<String> jvmOptions = new ArrayList<>();

    @Override
    public Integer call() {
        if (!name.matches("[A-Za-z0-9._-]+")) {
            System.err.println("install: kernel name '" + name + "' must use only letters, digits, '.', '_' and '-'");
            return 2;
        }
        Path kernels;
        try {
            kernels = kernelsDirectory();
        } catch (IOException e) {
            System.err.println("install: " + e.getMessage());
            return 1;
        }
        Path jar;
        try {
            jar = runningJar();
        } catch (IOException e) {
            System.err.println("install: " + e.getMessage());
            return 1;
        }
        Path dir = kernels.resolve(name);
        String refusal = unwritable(dir);
        if (refusal != null) {
            System.err.println("install: cannot write to " + dir + " (" + refusal + "); choose --user or --prefix DIR");
            return 1;
        }
        try {
            new KernelSpec(displayName, javaCommand(), jvmOptions).writeTo(dir, jar);
        } catch (IOException e) {
            System.err.println("install: writing " + dir + " failed: " + e);
            return 1;
        }
        System.out.println("Installed kernelspec " + name + " in " + dir);
        return 0;
    }

    /** The java that runs this installer, so the kernel runs on the JDK the student chose. */
    static String javaCommand() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private Path kernelsDirectory() throws IOException {
        if (where.prefix != null) {
            return where.prefix.toAbsolutePath().resolve("share/jupyter/kernels");
        }
        if (where.sysPrefix) {
            return sysPrefix().resolve("share/jupyter/kernels");
        }
        return userDataDir().resolve("kernels");
    }

    /** Jupyter's per-user data directory, as jupyter_core computes it on Linux and macOS. */
    static Path userDataDir() {
        String jupyterData = System.getenv("JUPYTER_DATA_DIR");
        if (jupyterData != null && !jupyterData.isEmpty()) {
            return Path.of(jupyterData);
        }
        Path home = Path.of(System.getProperty("user.home"));
        if (System.getProperty("os.name", "").toLowerCase().contains("mac")) {
            return home.resolve("Library/Jupyter");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return (xdg != null && !xdg.isEmpty() ? Path.of(xdg) : home.resolve(".local/share")).resolve("jupyter");
    }

    /** $VIRTUAL_ENV when a venv is active, else sys.prefix of python3 on PATH (run without a shell). */
    static Path sysPrefix() throws IOException {
        String venv = System.getenv("VIRTUAL_ENV");
        if (venv != null && !venv.isEmpty()) {
            return Path.of(venv);
        }
        Process python;
        try {
            python = new ProcessBuilder("python3", "-c", "import sys; print(sys.prefix)")
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException("--sys-prefix needs python3 on PATH or $VIRTUAL_ENV set; use --prefix DIR instead");
        }
        try {
            String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!python.waitFor(10, TimeUnit.SECONDS) || python.exitValue() != 0 || out.isEmpty()) {
                throw new IOException("python3 did not report sys.prefix (" + out + "); use --prefix DIR instead");
            }
            return Path.of(out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while asking python3 for sys.prefix");
        } finally {
            python.destroy();
        }
    }

    /** Why {@code dir} cannot be written, or null if it can. */
    static String unwritable(Path dir) {
        Path existing = dir.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return "no existing parent directory";
        }
        if (!Files.isDirectory(existing)) {
            return existing + " is not a directory";
        }
        if (!Files.isWritable(existing)) {
            return existing + " is not writable";
        }
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".write-test", "");
            Files.delete(probe);
            return null;
        } catch (AccessDeniedException e) {
            return e.getFile() + " is not writable";
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    /** The jar this class runs from: the kernelspec gets its own copy. */
    static Path runningJar() throws IOException {
        try {
            Path location = Path.of(InstallCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isRegularFile(location) || !location.toString().endsWith(".jar")) {
                throw new IOException("install runs from the kernel jar (java -jar forklab-kernel.jar install), not from " + location);
            }
            return location;
        } catch (URISyntaxException e) {
            throw new IOException("cannot locate the kernel jar: " + e.getMessage());
        }
    }
}
