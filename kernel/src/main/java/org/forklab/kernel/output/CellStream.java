package org.forklab.kernel.output;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * What a cell prints on one stream. basekernel sent one iopub message per line (its PrintStream
 * flushes on every newline) and the PUB socket dropped what its queue could not hold: of
 * 2,000,000 lines 11 % arrived, with no word of the rest. Here text is gathered and published in
 * pieces of up to {@link #MAX_MESSAGE_BYTES} (by the writer when a piece is full, by a timer every
 * few tens of milliseconds, on flush, and when the cell ends), so a flood is a few dozen messages.
 *
 * <p>A front end cannot show unbounded text either; past {@link #shownLimit} bytes a cell's
 * output goes to a file instead, and the cell ends with a note saying how many lines (and bytes)
 * were not shown and where they are. Nothing is lost without a word.
 */
public final class CellStream extends OutputStream {
    static final int MAX_MESSAGE_BYTES = 64 * 1024;
    /** A file of diverted output stops growing here; what comes after is only counted. */
    static final long MAX_FILE_BYTES = 512L << 20;

    private final Consumer<String> publish;
    private final long shownLimit;
    private final Path divertTo;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream(4096);
    private long shown;
    private long divertedBytes;
    private long divertedLines;
    private long keptInFile;
    private boolean lastDivertedEndsLine = true;
    private OutputStream file;
    private boolean finished;
    private boolean diverting;

    /**
     * @param publish    sends text to the front end (one stream message)
     * @param shownLimit bytes shown at most; the rest goes to {@code divertTo}
     * @param divertTo   the file for output past the limit, created only if needed
     */
    public CellStream(Consumer<String> publish, long shownLimit, Path divertTo) {
        this.publish = publish;
        this.shownLimit = shownLimit;
        this.divertTo = divertTo;
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        if (finished) {
            return; // a thread the cell left behind; the cell's output is closed
        }
        int room = diverting ? 0 : (int) Math.min(length, shownLimit - shown);
        if (room > 0 && room < length) {
            // Cut after the last newline that fits, so the shown part ends with a whole line.
            int cut = 0;
            for (int i = offset + room - 1; i >= offset; i--) {
                if (bytes[i] == '\n') {
                    cut = i - offset + 1;
                    break;
                }
            }
            room = cut;
        }
        if (room > 0) {
            pending.write(bytes, offset, room);
            shown += room;
            if (pending.size() >= MAX_MESSAGE_BYTES) {
                publishPending();
            }
        }
        if (room < length) {
            divert(bytes, offset + Math.max(room, 0), length - Math.max(room, 0));
        }
    }

    private void divert(byte[] bytes, int offset, int length) {
        diverting = true; // once output is diverted, later text is too, to keep its order
        divertedBytes += length;
        for (int i = offset; i < offset + length; i++) {
            if (bytes[i] == '\n') {
                divertedLines++;
            }
        }
        lastDivertedEndsLine = bytes[offset + length - 1] == '\n';
        long fits = Math.min(length, MAX_FILE_BYTES - keptInFile);
        if (fits <= 0) {
            return;
        }
        try {
            if (file == null) {
                Files.createDirectories(divertTo.getParent());
                file = new java.io.BufferedOutputStream(Files.newOutputStream(divertTo), 1 << 16);
            }
            file.write(bytes, offset, (int) fits);
            keptInFile += fits;
        } catch (IOException e) {
            keptInFile = MAX_FILE_BYTES; // counted, not kept; the note says so
        }
    }

    /** Publishes what is gathered now (flush from a cell, the timer). */
    @Override
    public synchronized void flush() {
        publishPending();
    }

    private void publishPending() {
        if (pending.size() == 0) {
            return;
        }
        byte[] bytes = pending.toByteArray();
        int complete = completeUtf8Length(bytes);
        pending.reset();
        if (complete < bytes.length) {
            pending.write(bytes, complete, bytes.length - complete); // half a character waits for the rest
        }
        if (complete > 0) {
            publish.accept(new String(bytes, 0, complete, StandardCharsets.UTF_8));
        }
    }

    /** Length of the longest prefix that does not end inside a UTF-8 sequence. */
    static int completeUtf8Length(byte[] bytes) {
        int n = bytes.length;
        for (int back = 1; back <= Math.min(3, n); back++) {
            int b = bytes[n - back] & 0xFF;
            if ((b & 0xC0) == 0x80) {
                continue; // a continuation byte: look further back for the lead byte
            }
            int needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            return needed > back ? n - back : n;
        }
        return n;
    }

    /**
     * The cell ended: publishes the rest, then the note about diverted output if there was any.
     * Later writes (threads the cell left running) are dropped.
     */
    public synchronized void finish() {
        publishPending();
        if (pending.size() > 0) {
            publish.accept(new String(pending.toByteArray(), StandardCharsets.UTF_8));
            pending.reset();
        }
        finished = true;
        if (file != null) {
            try {
                file.close();
            } catch (IOException e) {
                keptInFile = 0; // the file may be incomplete: the note must not promise it
            }
        }
        if (divertedBytes > 0) {
            publish.accept(note());
        }
    }

    String note() {
        long lines = divertedLines + (lastDivertedEndsLine ? 0 : 1);
        String where = keptInFile >= divertedBytes
                ? "the full output is in " + divertTo
                : keptInFile > 0 ? String.format(Locale.ROOT, "the first %s of them are in %s", megabytes(keptInFile), divertTo)
                : "they could not be kept";
        return String.format(Locale.ROOT, "[forklab] %,d lines (%s) not shown; %s (%,d bytes shown above)%n",
                lines, megabytes(divertedBytes), where, shown);
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    public synchronized long shownBytes() {
        return shown;
    }

    public synchronized long divertedBytes() {
        return divertedBytes;
    }
}
