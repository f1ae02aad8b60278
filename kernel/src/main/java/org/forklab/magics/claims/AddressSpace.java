package org.forklab.magics.claims;

import java.util.List;
import java.util.Locale;
import org.forklab.experiments.core.CpuInfo;
import org.forklab.experiments.core.SystemFiles;

/**
 * The size of a process's user address space on this machine, read rather than claimed. On x86-64
 * it is set by the paging mode the kernel runs, not by the CPU's "address sizes" line: with 4-level
 * paging user space is 2^47 bytes = 128 TiB (256 TiB is the whole 48-bit space including the
 * kernel's half); with 5-level paging, which the kernel shows by keeping the {@code la57} flag in
 * /proc/cpuinfo, it is 2^56 bytes = 64 PiB, though the kernel maps above 2^47 only for a program
 * that asks with an address hint. The highest address this process has mapped is shown beside it
 * as the kernel's own evidence.
 *
 * @param x86                whether the CPU is x86-64 (the only architecture whose modes we name)
 * @param la57               the {@code la57} flag: the kernel runs 5-level paging
 * @param highestUserAddress the end of the highest mapping below the kernel half (0 when unknown)
 */
public record AddressSpace(boolean x86, boolean la57, long highestUserAddress) {

    public static AddressSpace read() {
        CpuInfo cpu = CpuInfo.current();
        boolean x86 = cpu.hasFlag("lm") || System.getProperty("os.arch", "").equals("amd64");
        return new AddressSpace(x86, cpu.hasFlag("la57"), readHighestUserAddress());
    }

    /** Bits of user address space: 47 with 4-level paging, 56 with 5-level; elsewhere from the highest mapping. */
    public int userBits() {
        if (x86) {
            return la57 ? 56 : 47;
        }
        return highestUserAddress > 0 ? bitsBelow(highestUserAddress) : 0;
    }

    /** User space in TiB, e.g. 128 for 47 bits, 65536 for 56. */
    public double userTebibytes() {
        return Math.scalb(1.0, userBits() - 40);
    }

    /** "128 TiB" or "64 PiB". */
    public String userSize() {
        return size(userBits());
    }

    /** One sentence that settles 128 TB against 256 TB for this machine. */
    public String sentence() {
        if (userBits() == 0) {
            return "the address width could not be read here; on x86-64 with 4-level paging user space is 2^47 bytes"
                    + " = 128 TiB, and 256 TiB is the whole 48-bit space including the kernel's half";
        }
        String highest = highestUserAddress > 0
                ? String.format(Locale.ROOT, "; the highest address this JVM has mapped is 0x%x, just under 2^%d",
                        highestUserAddress, bitsBelow(highestUserAddress))
                : "";
        if (!x86) {
            return String.format(Locale.ROOT, "user space reaches at least 2^%d bytes = %s per process%s",
                    userBits(), userSize(), highest);
        }
        String mode = la57 ? "this kernel runs 5-level paging (the la57 flag)" : "this kernel runs 4-level paging (no la57 flag)";
        String rest = la57
                ? "; the kernel maps above 2^47 only for a program that asks with an address hint, so most programs"
                        + " still see 128 TiB"
                : "; " + size(48) + " is the whole 48-bit space, whose upper half belongs to the kernel";
        return String.format(Locale.ROOT, "%s, so user space is 2^%d bytes = %s per process%s%s",
                mode, userBits(), userSize(), highest, rest);
    }

    /** 2^bits bytes in the largest binary unit that keeps a whole number: "128 TiB", "64 PiB". */
    static String size(int bits) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        int unit = Math.min(bits / 10, units.length - 1);
        return (1L << (bits - unit * 10)) + " " + units[unit];
    }

    private static int bitsBelow(long address) {
        return 64 - Long.numberOfLeadingZeros(address - 1);
    }

    private static long readHighestUserAddress() {
        List<String> lines = SystemFiles.lines("/proc/self/maps");
        long highest = 0;
        try {
            for (String line : lines) {
                String range = line.substring(0, line.indexOf(' '));
                long end = Long.parseUnsignedLong(range.substring(range.indexOf('-') + 1), 16);
                if (end > 0 && end > highest) { // the vsyscall page sits in the kernel half: end < 0 as a long
                    highest = end;
                }
            }
        } catch (RuntimeException e) {
            return 0;
        }
        return highest;
    }
}
