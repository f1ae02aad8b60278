package org.forklab.kernel.eval;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.URLConnection;
import java.security.CodeSigner;
import java.security.CodeSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.Manifest;

/**
 * Holds the classes JShell compiles from cells and the jars that %classpath, %jars and %maven add.
 * Its parent is the kernel's own loader, so a cell sees the very same forklab classes (and their
 * static state) as the kernel does.
 *
 * <p>Every class it defines, from a cell or from an added jar, passes through
 * {@link ExitCallRewriter} first: cells share the kernel's JVM, so an exit must not reach it.
 */
final class CellClassLoader extends URLClassLoader {
    static {
        registerAsParallelCapable();
    }

    private final Map<String, byte[]> declared = new ConcurrentHashMap<>();

    CellClassLoader(ClassLoader parent) {
        super("forklab-cells", new URL[0], parent);
    }

    void declare(String name, byte[] bytecode) {
        declared.put(name, bytecode);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        // Removed once defined: over a long session the bytes of every cell's classes added up.
        byte[] bytecode = declared.remove(name);
        if (bytecode != null) {
            byte[] safe = HeapGate.weave(ExitCallRewriter.rewrite(bytecode));
            return defineClass(name, safe, 0, safe.length);
        }
        return defineFromAddedJars(name);
    }

    /** What URLClassLoader.findClass does, with the bytes rewritten on the way. */
    private Class<?> defineFromAddedJars(String name) throws ClassNotFoundException {
        URL resource = findResource(name.replace('.', '/') + ".class");
        if (resource == null) {
            throw new ClassNotFoundException(name);
        }
        try {
            // Cached connections share one open JarFile per jar, as URLClassLoader's own lookups do;
            // an uncached one would reopen the jar for every class.
            URLConnection connection = resource.openConnection();
            byte[] bytecode;
            try (InputStream in = connection.getInputStream()) {
                bytecode = in.readAllBytes();
            }
            URL codeBase = resource;
            Manifest manifest = null;
            if (connection instanceof JarURLConnection) {
                JarURLConnection jar = (JarURLConnection) connection;
                codeBase = jar.getJarFileURL();
                manifest = jar.getManifest();
            }
            definePackageOf(name, manifest, codeBase);
            byte[] safe = ExitCallRewriter.rewrite(bytecode);
            return defineClass(name, safe, 0, safe.length, new CodeSource(codeBase, (CodeSigner[]) null));
        } catch (IOException e) {
            throw new ClassNotFoundException(name + ": " + e.getMessage(), e);
        }
    }

    private void definePackageOf(String className, Manifest manifest, URL codeBase) {
        int dot = className.lastIndexOf('.');
        if (dot < 0) {
            return;
        }
        String pkg = className.substring(0, dot);
        if (getDefinedPackage(pkg) != null) {
            return;
        }
        try {
            if (manifest != null) {
                definePackage(pkg, manifest, codeBase);
            } else {
                definePackage(pkg, null, null, null, null, null, null, null);
            }
        } catch (IllegalArgumentException raced) {
            // Another thread defined it first: a parallel-capable loader may race here.
        }
    }

    @Override
    public void addURL(URL url) {
        super.addURL(url);
    }
}
