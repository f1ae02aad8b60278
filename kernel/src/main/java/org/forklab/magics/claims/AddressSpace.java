package org.forklab.magics.claims;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The size of a process's virtual address space on this machine, read rather than claimed: the
 * CPU's virtual address width and the highest address this process has mapped. On x86-64 with
 * 4-level paging the width is 48 bits; user space is the lower half, 2^47 bytes = 128 TiB, and
 * the 256 TiB sometimes quoted is the whole 48-bit space including the kernel's half.
 *
 * @param virtualBits        from /proc/cpuinfo "address sizes" (0 when unknown)
 * @param highestUserAddress the end of the highest mapping below the kernel half (0 when unknown)
 */
public record AddressSpace(int virtualBits, long highestUserAddress) {
    private static final Pattern BITS = Pattern.compile("(\\d+) bits virtual");

    public static AddressSpace read() {
        return new AddressSpace(readVirtualBits(), readHighestUserAddress());
    }

    /** Bits of user address space: one less than the CPU's virtual width (the upper half is the kernel's). */
    public int userBits() {
        if (virtualBits > 0) {
            return virtualBits - 1;
        }
        return highestUserAddress > 0 ? 64 - Long.numberOfLeadingZeros(highestUserAddress - 1) : 0;
    }

    /** User space in TiB, e.g. 128 for 47 bits. */
    public double userTebibytes() {
        return Math.scalb(1.0, userBits() - 40);
    }

    /** One sentence that settles 128 TB against 256 TB for this machine. */
    public String sentence() {
        if (userBits() == 0) {
            return "the address width could not be read here; on x86-64 with 4-level paging user space is 2^47 bytes"
                    + " = 128 TiB, and 256 TiB is the whole 48-bit space including the kernel's half";
        }
        String highest = highestUserAddress > 0
                ? String.format(Locale.ROOT, "; the highest address this JVM has mapped is 0x%x, just under 2^%d",
                        highestUserAddress, 64 - Long.numberOfLeadingZeros(highestUserAddress - 1))
                : "";
        return String.format(Locale.ROOT, "this CPU translates %d-bit virtual addresses, so user space is 2^%d bytes"
                + " = %s TiB per process%s; %s TiB is the whole %d-bit space, whose upper half belongs to the kernel",
                virtualBits, userBits(), number(userTebibytes()), highest, number(userTebibytes() * 2), virtualBits);
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static int readVirtualBits() {
        try {
            Matcher m = BITS.matcher(Files.readString(Path.of("/proc/cpuinfo")));
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static long readHighestUserAddress() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/self/maps"));
            long highest = 0;
            for (String line : lines) {
                String range = line.substring(0, line.indexOf(' '));
                long end = Long.parseUnsignedLong(range.substring(range.indexOf('-') + 1), 16);
                if (end > 0 && end > highest) { // the vsyscall page sits in the kernel half: end < 0 as a long
                    highest = end;
                }
            }
            return highest;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
