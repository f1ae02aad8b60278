package org.forklab.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** What {@code --version} prints: the version Maven wrote into version.properties at build time. */
public final class KernelVersion implements IVersionProvider {
    /** The build's version, e.g. 0.1.0-SNAPSHOT. */
    public static String current() {
        try (InputStream in = KernelVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown (this build has no version.properties)";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {"forklab-kernel " + current() + " (Java " + Runtime.version() + ")"};
    }
}
