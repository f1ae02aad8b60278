package org.forklab.experiments.share;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ThreadPlacesTest {

    @Test
    void theKernelsThreeAnswersAreToldApart() {
        assertEquals("running on a CPU", ThreadPlaces.describe("running\n"));
        assertEquals("outside any system call at pc 0x7f00", ThreadPlaces.describe("-1 0x7ffd 0x7f00\n"));
        assertTrue(ThreadPlaces.describe("202 0x1 0x2 0x3 0x4 0x5 0x6 0x7ffd 0x7f10\n").endsWith(" at pc 0x7f10"));
    }

    @Test
    void aComputingThreadAndABlockedOneAreAtDifferentPlaces() throws Exception {
        List<ThreadPlaces.Place> places = ThreadPlaces.observe();
        assertEquals(2, places.size(), places.toString());
        String computing = places.get(0).where();
        assertTrue(computing.equals("running on a CPU") || computing.startsWith("outside any system call"), computing);
        assertTrue(places.get(1).where().startsWith("inside "), places.get(1).where());
        assertTrue(places.get(0).tid() != places.get(1).tid());
    }
}
