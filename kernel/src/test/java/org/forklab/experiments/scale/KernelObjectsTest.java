package org.forklab.experiments.scale;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KernelObjectsTest {
    private static final String SLABINFO = "slabinfo - version: 2.1\n"
            + "# name            <active_objs> <num_objs> <objsize> <objperslab> <pagesperslab> : tunables ...\n"
            + "vm_area_struct      3139   4809    192   21    1 : tunables    0    0    0 : slabdata    229    229      0\n"
            + "task_struct          237    238   4288    7    8 : tunables    0    0    0 : slabdata     34     34      0\n"
            + "mm_struct            106    160   1600   20    8 : tunables    0    0    0 : slabdata      8      8      0\n"
            + "signal_cache         300    320   1152   28    8 : tunables    0    0    0 : slabdata     10     10      0\n"
            + "sighand_cache        300    320   2112   15    8 : tunables    0    0    0 : slabdata     10     10      0\n"
            + "files_cache          300    320    704   23    4 : tunables    0    0    0 : slabdata     10     10      0\n";

    @Test
    void objsizeColumnOfSlabinfoIsRead() {
        Map<String, Long> sizes = KernelObjects.fromSlabinfo(SLABINFO);
        assertEquals(4288L, sizes.get("task_struct"));
        assertEquals(192L, sizes.get("vm_area_struct"));
        KernelObjects k = new KernelObjects(sizes, "test");
        assertEquals(4288L, k.perEntity(ScaleConfig.PLATFORM).getAsLong());
        assertEquals(4288L + 1600 + 1152 + 2112 + 704, k.perEntity(ScaleConfig.PROCESSES).getAsLong());
    }

    @Test
    void aMissingCacheGivesNoSumRatherThanAPartialOne() {
        KernelObjects k = new KernelObjects(Map.of("task_struct", 4288L), "test");
        assertTrue(k.perEntity(ScaleConfig.PROCESSES).isEmpty());
        assertEquals(4288L, k.perEntity(ScaleConfig.PLATFORM).getAsLong());
    }

    @Test
    void thisMachinesTaskStructIsAtLeastAKibibyteWhenTheKernelShowsIt() {
        KernelObjects k = KernelObjects.read();
        if (k.bytes().containsKey("task_struct")) {
            assertTrue(k.bytes().get("task_struct") >= 1024, k.toString());
        } else {
            assertTrue(k.source().startsWith("unavailable"), k.source());
        }
    }
}
