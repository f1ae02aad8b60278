package org.forklab.widgets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InteractTest {
    private RecordingTransport front;

    @BeforeEach
    void recorder() {
        front = new RecordingTransport();
        Widgets.useTransport(front);
    }

    private static String shown(Output output) {
        return output.get("outputs").getAsJsonArray().get(0).getAsJsonObject().toString();
    }

    @Test
    void reRunsTheFunctionWhenAControlChanges() {
        Interact panel = Interact.with(p -> p.integer("n") + " × " + p.text("mode"))
                .slider("n", 1, 10, 2)
                .choice("mode", List.of("threads", "processes"), "threads");
        Box box = panel.panel();
        box.toDisplayData();
        assertTrue(shown(panel.output()).contains("2 × threads"), shown(panel.output()));
        String modeId = box.fullState().getAsJsonArray("children").get(1).getAsString()
                .substring(Protocol.REFERENCE_PREFIX.length());
        front.deliver(modeId, "{\"method\":\"update\",\"state\":{\"index\":1}}", List.of());
        assertTrue(shown(panel.output()).contains("2 × processes"), shown(panel.output()));
    }

    @Test
    void aFailingFunctionShowsItsOneLine() {
        Interact panel = Interact.with(p -> {
            throw new IllegalStateException("no CPUs left");
        }).slider("n", 1, 10, 2);
        panel.panel();
        assertEquals("{\"output_type\":\"stream\",\"name\":\"stderr\",\"text\":\"IllegalStateException: no CPUs left\\n\"}",
                shown(panel.output()));
    }
}
