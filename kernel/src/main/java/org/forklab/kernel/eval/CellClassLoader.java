package org.forklab.kernel.eval;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Holds the classes JShell compiles from cells and the jars that %classpath, %jars and %maven add.
 * Its parent is the kernel's own loader, so a cell sees the very same forklab classes (and their
 * static state) as the kernel does.
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
        byte[] bytecode = declared.get(name);
        if (bytecode == null) {
            return super.findClass(name);
        }
        return defineClass(name, bytecode, 0, bytecode.length);
    }

    @Override
    public void addURL(URL url) {
        super.addURL(url);
    }
}
