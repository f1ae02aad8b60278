package org.forklab.kernel.magic;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class LoadMagicTest {
    @Test
    void anInterruptEndsTheReadAsOneInterruption(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("setup.jshell");
        Files.writeString(file, "int x = 1;\n".repeat(10_000));
        // The stop button interrupts the cell's thread; a read in progress must end, not finish.
        Thread.currentThread().interrupt();
        try {
            InterruptedException e = assertThrows(InterruptedException.class, () -> LoadMagic.read(file));
            assertEquals("%load was interrupted", e.getMessage());
            // Cleared, so that the kernel's next step on this thread is not interrupted as well.
            assertFalse(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void aFileOfTheLimitIsReadWhole(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("full.jshell");
        String text = "x".repeat((int) LoadMagic.MAX_BYTES);
        Files.writeString(file, text);
        assertEquals(text, LoadMagic.read(file));
    }

    @Test
    void aFileOneByteOverTheLimitIsRefusedWithTheLimit(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("over.jshell");
        Files.writeString(file, "x".repeat((int) LoadMagic.MAX_BYTES + 1));
        var e = assertThrows(org.forklab.spi.UsageError.class, () -> LoadMagic.read(file));
        assertTrue(e.getMessage().contains("is 1,000,001 bytes") && e.getMessage().contains("up to 1,000,000 bytes"),
                e.getMessage());
    }
}
