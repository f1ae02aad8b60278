package org.forklab.magics.save;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Who saves a result, and on which host: on a JupyterHub every single-user server has
 * JUPYTERHUB_USER set (all students may run as the same Unix user in their containers), and a
 * z2jh pod's host name is its own; elsewhere the Unix user name.
 *
 * @param user the hub user, else the Unix user
 * @param host the host (or container) name
 */
public record Saver(String user, String host) {

    public static Saver current() {
        String hubUser = System.getenv("JUPYTERHUB_USER");
        String user = hubUser != null && !hubUser.isBlank() ? hubUser : System.getProperty("user.name", "someone");
        return new Saver(user, hostName());
    }

    private static String hostName() {
        try {
            // Read, not resolved: InetAddress.getLocalHost() may wait on DNS.
            String name = Files.readString(Path.of("/proc/sys/kernel/hostname"), StandardCharsets.UTF_8).strip();
            if (!name.isEmpty()) {
                return name;
            }
        } catch (IOException | SecurityException e) {
            // fall through to the environment
        }
        String env = System.getenv("HOSTNAME");
        return env == null || env.isBlank() ? "unknown" : env;
    }
}
