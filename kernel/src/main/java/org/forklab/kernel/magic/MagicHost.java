package org.forklab.kernel.magic;

import java.nio.file.Path;
import java.util.List;

/** What the built-in magics need from the kernel that runs them. */
public interface MagicHost {
    /** Adds jars or class directories for the compiler and running cells, then loads extensions. */
    void addToClasspath(List<Path> entries) throws Exception;

    /** Runs text as a cell (magics, then Java) and returns its value, or null. */
    Object runCell(String cell) throws Exception;

    /** The registry, for listing. */
    MagicRegistry registry();
}
