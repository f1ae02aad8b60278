package org.forklab.magics;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.forklab.experiments.scale.KernelObjects;
import org.forklab.experiments.scale.ScaleConfig;
import org.forklab.experiments.scale.ScaleKind;
import org.forklab.experiments.scale.ScaleResult;
import org.forklab.experiments.scale.Series;
import org.forklab.stats.Regression;
import org.forklab.stats.Unit;
import org.forklab.stats.format.Column;
import org.forklab.stats.format.Table;
import org.forklab.stats.format.Units;

/**
 * What one more entity costs the kernel, from the kernel's own accounting, beside what user space
 * sees: slab objects (task_struct and, for a process, mm_struct, signal, sighand and file tables,
 * read from the slab allocator), and the slopes of KernelStack and PageTables from /proc/meminfo;
 * then the RSS and PSS slopes. A slope too poor to read is marked, not summed.
 */
final class KernelMemoryTable {
    private KernelMemoryTable() {
    }

    static Table of(ScaleResult r) {
        KernelObjects slab = r.kernelObjects();
        List<List<String>> rows = new ArrayList<>();
        for (ScaleKind k : r.kinds()) {
            String kind = k.kind();
            if (kind.equals(ScaleConfig.VIRTUAL) || k.points().size() < 2) {
                continue; // a virtual thread has no kernel task of its own: nothing here to show
            }
            OptionalLong objects = slab.perEntity(kind);
            Slope stack = slope(r, kind, "KernelStack");
            Slope tables = slope(r, kind, "PageTables");
            boolean sums = objects.isPresent() && stack.readable && tables.readable;
            rows.add(List.of(kind,
                    objects.isPresent() ? Units.bytes(objects.getAsLong()) : "n/a",
                    stack.text, tables.text,
                    sums ? Units.bytes(objects.getAsLong() + Math.max(0, stack.value) + Math.max(0, tables.value)) : "n/a",
                    slope(r, kind, "RSS").text, slope(r, kind, "PSS").text));
        }
        String objectsHeading = "slab objects";
        return new Table("Kernel memory per entity, from the kernel's own accounting (slab: " + slab.source()
                + "; KernelStack and PageTables: /proc/meminfo slopes), beside RSS and PSS",
                List.of(Column.text("kind"), Column.number(objectsHeading), Column.number("kernel stack"),
                        Column.number("page tables"), Column.number("kernel total"), Column.number("RSS"),
                        Column.number("PSS")), rows);
    }

    private record Slope(double value, boolean readable, String text) {
    }

    private static Slope slope(ScaleResult r, String kind, String quantity) {
        Series s = r.series(kind, quantity);
        try {
            Regression fit = Regression.of(s.x(), s.y());
            boolean readable = fit.tooPoorToTell().isEmpty();
            String value = fit.slope() < 0 ? "< 0" : Units.format(fit.slope(), Unit.BYTES);
            return new Slope(fit.slope(), readable, readable ? value : value + " (poor fit)");
        } catch (IllegalArgumentException e) {
            return new Slope(Double.NaN, false, "n/a");
        }
    }
}
