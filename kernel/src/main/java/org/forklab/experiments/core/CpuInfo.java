package org.forklab.experiments.core;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first processor's block of /proc/cpuinfo, the one reader of that file. Its lines are
 * "key&lt;tabs&gt;: value" with a varying run of tabs or spaces before the colon ("model name\t:",
 * "flags\t\t:"), so a reader that looks for "key:" finds nothing.
 *
 * @param text the file's text (tests pass synthetic text)
 */
public record CpuInfo(String text) {
    private static final Pattern VIRTUAL_BITS = Pattern.compile("(\\d+) bits virtual");
    private static volatile CpuInfo cached;

    /** This machine's /proc/cpuinfo, read once (it does not change while the JVM runs). */
    public static CpuInfo current() {
        CpuInfo c = cached;
        if (c == null) {
            c = new CpuInfo(SystemFiles.read("/proc/cpuinfo").orElse(""));
            cached = c;
        }
        return c;
    }

    /** The value of the first line whose key is {@code key}, whatever whitespace precedes the colon. */
    public Optional<String> field(String key) {
        for (String line : text.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().equals(key)) {
                return Optional.of(line.substring(colon + 1).strip());
            }
        }
        return Optional.empty();
    }

    /** "model name" on x86, else the ARM-style "Model"/"Hardware" lines. */
    public Optional<String> model() {
        return field("model name").or(() -> field("Model")).or(() -> field("Hardware")).filter(s -> !s.isEmpty());
    }

    /** The CPU's feature flags ("flags" on x86, "Features" on ARM); empty when unknown. */
    public Set<String> flags() {
        String line = field("flags").or(() -> field("Features")).orElse("");
        return new LinkedHashSet<>(Arrays.asList(line.isEmpty() ? new String[0] : line.split("\\s+")));
    }

    public boolean hasFlag(String flag) {
        return flags().contains(flag);
    }

    /** The CPU's virtual address width from "address sizes" (0 when not reported). */
    public int virtualAddressBits() {
        Matcher m = VIRTUAL_BITS.matcher(field("address sizes").orElse(""));
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }
}
