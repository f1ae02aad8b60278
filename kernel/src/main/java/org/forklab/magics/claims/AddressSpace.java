package org.forklab.magics.claims;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The size of a process's virtual address space on this machine, read rather than claimed. The
 * "address sizes" line of /proc/cpuinfo says what the CPU can translate, not what a process gets:
 * with 4-level paging user space is the lower half of 48 bits, 2^47 bytes = 128 TiB, even on a
 * CPU that reports 57 bits; only with 5-level paging (the CPU flag {@code la57}, which the kernel
 * shows when it uses it) can user space reach 2^56 bytes = 64 PiB, and Linux maps above 128 TiB
 * only for a program that asks with an address hint. The 256 TiB sometimes quoted is the whole
 * 48-bit space including the kernel's half.
 *
 * @param virtualBits        from /proc/cpuinfo "address sizes" (0 when unknown)
 * @param highestUserAddress the end of the highest mapping below the kernel half (0 when unknown)
 * @param la57               whether the CPU flags include la57 (5-level paging in use)
 */
public record AddressSpace(int virtualBits, long highestUserAddress, boolean la57) {
    private static final Pattern BITS = Pattern.compile("(\\d+) bits virtual");
    private static final Pattern LA57 = Pattern.compile("(?m)^flags\\s*:.*\\bla57\\b");
    /** User bits with 4-level paging: half of 48. */
    static final int FOUR_LEVEL_USER_BITS = 47;
    /** User bits with 5-level paging: half of 57. */
    static final int FIVE_LEVEL_USER_BITS = 56;

    /** Without the la57 flag: 4-level paging. */
    public AddressSpace(int virtualBits, long highestUserAddress) {
        this(virtualBits, highestUserAddress, false);
    }

    public static AddressSpace read() {
        String cpuinfo = cpuinfo();
        Matcher m = BITS.matcher(cpuinfo);
        return new AddressSpace(m.find() ? Integer.parseInt(m.group(1)) : 0, readHighestUserAddress(),
                LA57.matcher(cpuinfo).find());
    }

    /** Bits of user address space: 56 with 5-level paging, else 47 (capped by what the CPU can translate). */
    public int userBits() {
        if (virtualBits > 0) {
            return Math.min(virtualBits - 1, la57 ? FIVE_LEVEL_USER_BITS : FOUR_LEVEL_USER_BITS);
        }
        return highestUserAddress > 0 ? 64 - Long.numberOfLeadingZeros(highestUserAddress - 1) : 0;
    }

    /** User space in TiB, e.g. 128 for 47 bits. */
    public double userTebibytes() {
        return Math.scalb(1.0, userBits() - 40);
    }

    /** "4-level" or "5-level": the paging that sets the user space. */
    public String paging() {
        return la57 ? "5-level" : "4-level";
    }

    /** One sentence that settles 128 TB against 256 TB (and 64 PiB) for this machine. */
    public String sentence() {
        if (userBits() == 0) {
            return "the address width could not be read here; on x86-64 with 4-level paging user space is 2^47 bytes"
                    + " = 128 TiB, and 256 TiB is the whole 48-bit space including the kernel's half";
        }
        String highest = highestUserAddress > 0
                ? String.format(Locale.ROOT, "; the highest address this JVM has mapped is 0x%x, just under 2^%d",
                        highestUserAddress, 64 - Long.numberOfLeadingZeros(highestUserAddress - 1))
                : "";
        String paging = la57
                ? String.format(Locale.ROOT, "the CPU flags include la57, so this kernel uses 5-level paging: user space"
                        + " is 2^%d bytes = %s TiB (64 PiB) per process, though Linux maps above 128 TiB only for a program"
                        + " that asks with an address hint", userBits(), number(userTebibytes()))
                : String.format(Locale.ROOT, "without la57 in the CPU flags the kernel uses 4-level paging, so user space"
                        + " is 2^%d bytes = %s TiB per process", userBits(), number(userTebibytes()));
        return String.format(Locale.ROOT, "this CPU can translate %d-bit virtual addresses; %s%s; 256 TiB is the whole"
                + " 48-bit space of 4-level paging, whose upper half belongs to the kernel", virtualBits, paging, highest);
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static String cpuinfo() {
        try {
            return Files.readString(Path.of("/proc/cpuinfo"));
        } catch (IOException | RuntimeException e) {
            return "";
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
