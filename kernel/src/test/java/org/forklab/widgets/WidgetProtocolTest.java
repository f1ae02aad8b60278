package org.forklab.widgets;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WidgetProtocolTest {
    private RecordingTransport front;

    @BeforeEach
    void recorder() {
        front = new RecordingTransport();
        Widgets.useTransport(front);
    }

    @Test
    void openCarriesFullStateAndOpensLayoutAndStyleFirst() {
        IntSlider slider = new IntSlider(1, 10, 3).description("workers");
        slider.toDisplayData();
        List<String> ids = new ArrayList<>(front.opened.keySet());
        assertEquals(3, ids.size(), "layout, style, slider");
        JsonObject state = front.opened.get(slider.id()).getAsJsonObject("state");
        assertEquals("IntSliderModel", state.get("_model_name").getAsString());
        assertEquals(3, state.get("value").getAsInt());
        assertEquals("workers", state.get("description").getAsString());
        assertEquals(Protocol.REFERENCE_PREFIX + ids.get(0), state.get("layout").getAsString());
        assertEquals(Protocol.REFERENCE_PREFIX + ids.get(1), state.get("style").getAsString());
        assertEquals(ids.get(2), slider.id());
        assertTrue(!state.get("continuous_update").getAsBoolean(), "sliders report on release");
    }

    @Test
    void frontEndUpdateIsEchoedAndObserved() {
        IntSlider slider = new IntSlider(1, 10, 3);
        slider.toDisplayData();
        AtomicInteger seen = new AtomicInteger();
        slider.observe("value", c -> seen.set(c.newInt()));
        front.deliver(slider.id(), "{\"method\":\"update\",\"state\":{\"value\":7},\"buffer_paths\":[]}", List.of());
        assertEquals(7, slider.value());
        assertEquals(7, seen.get());
        RecordingTransport.Sent echo = front.sentTo(slider.id()).get(0);
        assertEquals("echo_update", echo.method());
        assertEquals(7, echo.data().getAsJsonObject("state").get("value").getAsInt());
    }

    @Test
    void valueOutOfRangeWrongTypeOrReadOnlyIsRefusedAndRestored() {
        IntSlider slider = new IntSlider(1, 10, 3);
        slider.toDisplayData();
        AtomicInteger calls = new AtomicInteger();
        slider.observe("value", c -> calls.incrementAndGet());
        for (String bad : List.of("{\"value\":11}", "{\"value\":\"x\"}", "{\"value\":2.5}")) {
            front.sent.clear();
            front.deliver(slider.id(), "{\"method\":\"update\",\"state\":" + bad + "}", List.of());
            assertEquals(3, slider.value(), bad);
            RecordingTransport.Sent restore = front.sentTo(slider.id()).get(0);
            assertEquals("update", restore.method(), bad);
            assertEquals(3, restore.data().getAsJsonObject("state").get("value").getAsInt(), bad);
        }
        front.deliver(slider.id(), "{\"method\":\"update\",\"state\":{\"max\":1000}}", List.of());
        assertEquals(10, slider.get("max").getAsInt());
        assertEquals(0, calls.get());
        assertThrows(RefusedValueException.class, () -> slider.value(0));
    }

    @Test
    void javaChangeIsSentAsUpdate() {
        Label label = new Label("before");
        label.toDisplayData();
        label.value("after");
        RecordingTransport.Sent update = front.sentTo(label.id()).get(0);
        assertEquals("update", update.method());
        assertEquals("after", update.data().getAsJsonObject("state").get("value").getAsString());
    }

    @Test
    void requestStateAnswersWithTheFullState() {
        Choice choice = Choice.toggleButtons(List.of("a", "b"), "b");
        choice.toDisplayData();
        front.deliver(choice.id(), "{\"method\":\"request_state\"}", List.of());
        RecordingTransport.Sent answer = front.sentTo(choice.id()).get(0);
        assertEquals("update", answer.method());
        assertEquals(1, answer.data().getAsJsonObject("state").get("index").getAsInt());
        assertEquals("ToggleButtonsModel", answer.data().getAsJsonObject("state").get("_model_name").getAsString());
    }

    @Test
    void imageBytesTravelAsBuffersBothWays() {
        byte[] png = {1, 2, 3};
        Image image = new Image("png", png);
        image.toDisplayData();
        JsonObject open = front.opened.get(image.id());
        assertEquals("[[\"value\"]]", open.get("buffer_paths").toString());
        assertTrue(!open.getAsJsonObject("state").has("value"));
        assertArrayEquals(png, front.openBuffers.get(image.id()).get(0));
        front.deliver(image.id(), "{\"method\":\"update\",\"state\":{},\"buffer_paths\":[[\"value\"]]}",
                List.of(new byte[] {9, 9}));
        assertArrayEquals(new byte[] {9, 9}, image.value());
    }

    @Test
    void updateStatesNamesEveryOpenModelWithItsState() {
        Image image = new Image("png", new byte[] {5});
        Box box = Box.vbox(new Checkbox("on", true), image);
        box.toDisplayData();
        List<byte[]> buffers = new ArrayList<>();
        JsonObject reply = ControlTarget.updateStates(Widgets.open(), buffers);
        assertEquals("update_states", reply.get("method").getAsString());
        JsonObject entry = reply.getAsJsonObject("states").getAsJsonObject(box.id());
        assertEquals("VBoxModel", entry.get("model_name").getAsString());
        assertEquals(Protocol.CONTROLS, entry.get("model_module").getAsString());
        assertEquals(Protocol.CONTROLS_VERSION, entry.get("model_module_version").getAsString());
        assertEquals(2, entry.getAsJsonObject("state").getAsJsonArray("children").size());
        assertEquals("[[\"" + image.id() + "\",\"state\",\"value\"]]", reply.get("buffer_paths").toString());
        assertArrayEquals(new byte[] {5}, buffers.get(0));
    }

    @Test
    void buttonClickArrivesAsCustomMessage() {
        AtomicInteger clicks = new AtomicInteger();
        Button button = new Button("Run").onClick(clicks::incrementAndGet);
        button.toDisplayData();
        front.deliver(button.id(), "{\"method\":\"custom\",\"content\":{\"event\":\"click\"}}", List.of());
        assertEquals(1, clicks.get());
    }

    @Test
    void linkedWidgetsFollowEachOther() {
        IntSlider a = new IntSlider(0, 10, 1);
        IntSlider b = new IntSlider(0, 10, 5);
        Widgets.link(a, "value", b, "value");
        assertEquals(1, b.value());
        a.value(4);
        assertEquals(4, b.value());
        b.value(8);
        assertEquals(8, a.value());
    }

    @Test
    void selectionIndicesAreChecked() {
        SelectMultiple many = new SelectMultiple(List.of("x", "y", "z"), List.of("x"));
        many.toDisplayData();
        front.deliver(many.id(), "{\"method\":\"update\",\"state\":{\"index\":[0,5]}}", List.of());
        assertEquals(List.of("x"), many.selected());
        front.deliver(many.id(), "{\"method\":\"update\",\"state\":{\"index\":[1,2]}}", List.of());
        assertEquals(List.of("y", "z"), many.selected());
    }

    @Test
    void logSliderChecksTheValueNotTheExponent() {
        FloatLogSlider size = FloatLogSlider.between(2, 8, 1 << 20, 1, 512);
        size.toDisplayData();
        front.deliver(size.id(), "{\"method\":\"update\",\"state\":{\"value\":4096}}", List.of());
        assertEquals(4096, size.value());
        front.deliver(size.id(), "{\"method\":\"update\",\"state\":{\"value\":4}}", List.of());
        assertEquals(4096, size.value());
    }
}
