package org.forklab.experiments.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.forklab.experiments.ipc.IpcSetting;
import org.forklab.experiments.race.RaceSetting;
import org.junit.jupiter.api.Test;

/** Settings are put and read by key; displays and files see the labels, in the order put. */
class SettingsTest {

    @Test
    void readByKeyShownByLabelInOrder() {
        Settings s = Settings.builder().put(RaceSetting.WORKERS, "2").put(RaceSetting.TRIALS, "5")
                .put(IpcSetting.mechanism("pipe", "scheduler"), "stdin and stdout").build();
        assertEquals("2", s.get(RaceSetting.WORKERS));
        assertEquals("stdin and stdout", s.get(IpcSetting.mechanism("pipe", "scheduler")));
        assertEquals(List.of("workers", "trials", "pipe, scheduler"), List.copyOf(s.byLabel().keySet()));
        assertEquals(Optional.empty(), s.find(RaceSetting.VARIANTS));
    }

    @Test
    void aSettingNotRecordedIsRefusedInOneLine() {
        Settings s = Settings.builder().put(RaceSetting.WORKERS, "2").build();
        assertEquals("this result records no setting 'trials'; it has workers",
                assertThrows(IllegalArgumentException.class, () -> s.get(RaceSetting.TRIALS)).getMessage());
    }
}
