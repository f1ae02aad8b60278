"""The widget protocol 2.1.0 from Java, with jupyter_client as the front end.

Covers what ipywidgets' messages.md asks of a kernel: comm_open with the version metadata and
full state, update both ways with echo_update, request_state, the jupyter.widget.control comm
a reloaded page uses, binary buffers by buffer_paths, and refusing crafted messages.
"""
import pytest

from conftest import kernel_name
from widget_front import WidgetFront, comm_msgs, comm_opens, widget_view

IMPORT = "import org.forklab.widgets.*;"


@pytest.fixture(scope="module")
def front(jdk, tmp_path_factory):
    f = WidgetFront(kernel_name(jdk), tmp_path_factory.mktemp("widgets") / "kernel-stderr.log")
    reply, _ = f.execute(IMPORT)
    assert reply["status"] == "ok"
    yield f
    f.close()


@pytest.fixture
def slider(front):
    """A fresh slider 1..10 at 3, shown; its model id."""
    reply, messages = front.execute('var s = new IntSlider(1, 10, 3).description("workers"); display(s);')
    assert reply["status"] == "ok", messages
    model_id, _ = widget_view(messages)
    return model_id


def state_of(message):
    return message["content"]["data"]["state"]


def test_open_carries_version_metadata_and_full_state(front):
    reply, messages = front.execute('var t = new IntSlider(1, 10, 3).description("workers"); display(t);')
    assert reply["status"] == "ok"
    opens = comm_opens(messages)
    assert {m["content"]["target_name"] for m in opens} == {"jupyter.widget"}
    assert all(m["metadata"] == {"version": "2.1.0"} for m in opens)
    model_id, bundle = widget_view(messages)
    by_id = {m["content"]["comm_id"]: m for m in opens}
    state = by_id[model_id]["content"]["data"]["state"]
    assert state["_model_name"] == "IntSliderModel"
    assert state["_model_module"] == "@jupyter-widgets/controls"
    assert (state["value"], state["min"], state["max"], state["description"]) == (3, 1, 10, "workers")
    # Its layout and style were opened before it, so the references resolve on arrival.
    assert opens[-1]["content"]["comm_id"] == model_id
    for ref in ("layout", "style"):
        assert state[ref].removeprefix("IPY_MODEL_") in by_id
    assert "live kernel" in bundle["text/plain"]


def test_update_is_echoed_to_its_sender_and_reaches_the_observer(front, slider):
    front.execute('var seen = new java.util.concurrent.atomic.AtomicInteger(); s.observe("value", c -> seen.set(c.newInt()));')
    msg_id, answers = front.comm_msg(slider, {"method": "update", "state": {"value": 7}, "buffer_paths": []})
    echoes = [m for m in comm_msgs(answers, slider) if m["content"]["data"]["method"] == "echo_update"]
    assert len(echoes) == 1
    assert state_of(echoes[0]) == {"value": 7}
    assert echoes[0]["parent_header"]["msg_id"] == msg_id
    assert front.value_of('seen.get() + " " + s.value()') == "7 7"


def test_change_from_java_is_sent_as_update(front, slider):
    reply, messages = front.execute("s.value(9);")
    updates = comm_msgs(messages, slider)
    assert [m["content"]["data"]["method"] for m in updates] == ["update"]
    assert state_of(updates[0]) == {"value": 9}


def test_request_state_answers_with_the_full_state(front, slider):
    _, answers = front.comm_msg(slider, {"method": "request_state"})
    (answer,) = comm_msgs(answers, slider)
    assert answer["content"]["data"]["method"] == "update"
    assert state_of(answer)["value"] == 3
    assert state_of(answer)["_model_name"] == "IntSliderModel"


def test_control_comm_after_a_reload_gets_every_widget_back(front, slider):
    front.execute("var img = new Image(\"png\", new byte[] {1, 2, 3}); display(img);")
    image_id = front.value_of("img.id()").strip('"')
    comm_id, answers = front.open_control()
    (reply,) = comm_msgs(answers, comm_id)
    data = reply["content"]["data"]
    assert data["method"] == "update_states"
    entry = data["states"][slider]
    assert (entry["model_name"], entry["model_module"], entry["model_module_version"]) == (
        "IntSliderModel", "@jupyter-widgets/controls", "2.0.0")
    assert entry["state"]["value"] == 3
    layout = entry["state"]["layout"].removeprefix("IPY_MODEL_")
    assert data["states"][layout]["model_name"] == "LayoutModel"
    # The image's bytes come as a buffer, its path starting at the model id.
    index = data["buffer_paths"].index([image_id, "state", "value"])
    assert bytes(reply["buffers"][index]) == b"\x01\x02\x03"


def test_binary_buffers_by_buffer_paths_both_ways(front):
    reply, messages = front.execute("var pic = new Image(\"png\", new byte[] {4, 5}); display(pic);")
    model_id, _ = widget_view(messages)
    (opened,) = [m for m in comm_opens(messages) if m["content"]["comm_id"] == model_id]
    assert opened["content"]["data"]["buffer_paths"] == [["value"]]
    assert "value" not in opened["content"]["data"]["state"]
    assert bytes(opened["buffers"][0]) == b"\x04\x05"
    front.comm_msg(model_id, {"method": "update", "state": {}, "buffer_paths": [["value"]]}, buffers=[b"\x07" * 5])
    assert front.value_of("java.util.Arrays.toString(pic.value())") == "[7, 7, 7, 7, 7]"


@pytest.mark.parametrize("bad", [{"value": 11}, {"value": "eleven"}, {"value": 2.5}])
def test_crafted_value_is_refused_with_one_log_line_and_restored(front, slider, bad):
    before = len(front.log_lines())
    _, answers = front.comm_msg(slider, {"method": "update", "state": bad, "buffer_paths": []})
    restores = [m for m in comm_msgs(answers, slider) if m["content"]["data"]["method"] == "update"]
    assert [state_of(m) for m in restores] == [{"value": 3}]
    assert not [m for m in comm_msgs(answers, slider) if m["content"]["data"]["method"] == "echo_update"]
    new_lines = front.log_lines()[before:]
    assert len(new_lines) == 1, new_lines
    assert new_lines[0].startswith("widget: refused 'value'") and "it stays 3" in new_lines[0]
    assert front.value_of("s.value()") == "3"


def test_message_for_unknown_model_is_refused_and_kernel_lives(front):
    before = len(front.log_lines())
    _, answers = front.comm_msg("no-such-model", {"method": "update", "state": {"value": 1}})
    assert comm_msgs(answers) == []
    new_lines = front.log_lines()[before:]
    assert len(new_lines) == 1 and "unknown comm id 'no-such-model'" in new_lines[0], new_lines
    assert front.value_of("20 + 22") == "42"


def test_button_click_arrives_as_custom_message(front):
    reply, messages = front.execute('var clicks = new int[1]; var b = new Button("Run").onClick(() -> clicks[0]++); display(b);')
    model_id, _ = widget_view(messages)
    front.comm_msg(model_id, {"method": "custom", "content": {"event": "click"}})
    assert front.value_of("clicks[0]") == "1"


def test_widget_front_end_is_pinned_alike_for_tests_and_binder():
    from test_binder import conda_pins, requirement_pins
    assert requirement_pins()["jupyterlab_widgets"] == conda_pins()["jupyterlab_widgets"]
    # Notebook 7 as well, and at the JupyterLab minor it is built on (7.N pairs with 4.N).
    assert requirement_pins()["notebook"] == conda_pins()["notebook"]
    assert requirement_pins()["notebook"].split(".")[:2] == ["7", requirement_pins()["jupyterlab"].split(".")[1]]


# ---- %explore: a panel from a magic's declarations -------------------------------------------

def panel_models(messages):
    """model id -> state of every widget the cell opened."""
    return {m["content"]["comm_id"]: m["content"]["data"]["state"] for m in comm_opens(messages)}


def control(models, model_name, description):
    (found,) = [i for i, s in models.items() if s["_model_name"] == model_name and s.get("description") == description]
    return found


def watch(front, until, timeout=120):
    """Reads iopub until until(msg) is true for a comm_msg; returns every comm_msg read."""
    import time
    seen = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            msg = front.kc.get_iopub_msg(timeout=1)
        except Exception:
            continue
        if msg["msg_type"] == "comm_msg":
            seen.append(msg)
            if until(msg):
                return seen
    raise AssertionError(f"no matching message in {timeout} s; last: {[m['content']['data'] for m in seen[-5:]]}")


def label_says(label_id, *words):
    def check(msg):
        data = msg["content"]["data"]
        value = data.get("state", {}).get("value", "")
        return msg["content"]["comm_id"] == label_id and all(w in value for w in words)
    return check


def test_explore_panel_reruns_on_a_change_and_binds_the_result(front):
    reply, messages = front.execute("%explore race -v plain -w 2 -N 1000 -t 2 --as raced --run", timeout=120)
    assert reply["status"] == "ok", messages
    models = panel_models(messages)
    workers = control(models, "IntSliderModel", "workers")
    assert (models[workers]["min"], models[workers]["max"], models[workers]["value"]) == (1, 256, 2)
    increments = control(models, "FloatLogSliderModel", "increments")
    assert models[increments]["value"] == 1000
    variants = control(models, "SelectMultipleModel", "variants")
    assert "atomic" in models[variants]["_options_labels"]
    _, bundle = widget_view(messages)
    assert "need a live kernel" in bundle["text/html"]
    assert "2 workers" in bundle["text/html"], "the first result is in the static HTML"
    assert front.value_of("raced.config().workers()") == "2"
    (label,) = [i for i, s in models.items() if s["_model_name"] == "LabelModel"]
    (output,) = [i for i, s in models.items() if s["_model_name"] == "OutputModel"]
    front.comm_msg(workers, {"method": "update", "state": {"value": 3}, "buffer_paths": []})
    seen = watch(front, label_says(label, "--workers 3", "done in"))
    shown = [m for m in seen if m["content"]["comm_id"] == output and "outputs" in m["content"]["data"].get("state", {})]
    last = shown[-1]["content"]["data"]["state"]["outputs"][0]["data"]["text/html"]
    assert "3 workers" in last
    assert front.value_of("raced.config().workers()") == "3", "--as still binds the latest result"


def test_explore_change_during_a_run_stops_it_and_reaps_its_children(front):
    import time
    import psutil
    reply, messages = front.execute("%explore race -v processes -w 2 -N 100000000 -t 10000")
    assert reply["status"] == "ok", messages
    models = panel_models(messages)
    (run,) = [i for i, s in models.items() if s["_model_name"] == "ButtonModel"]
    (label,) = [i for i, s in models.items() if s["_model_name"] == "LabelModel"]
    trials = control(models, "FloatLogSliderModel", "trials")
    increments = control(models, "FloatLogSliderModel", "increments")
    kernel = psutil.Process(front.km.provisioner.process.pid)
    front.comm_msg(run, {"method": "custom", "content": {"event": "click"}})
    deadline = time.monotonic() + 120
    while not kernel.children(recursive=True) and time.monotonic() < deadline:
        time.sleep(0.2)
    first_children = kernel.children(recursive=True)
    assert first_children, "the long run started child JVMs"
    front.comm_msg(trials, {"method": "update", "state": {"value": 1}, "buffer_paths": []})
    front.comm_msg(increments, {"method": "update", "state": {"value": 1000}, "buffer_paths": []})
    seen = watch(front, label_says(label, "--increments 1000", "--trials 1", "done in"), timeout=180)
    statuses = [m["content"]["data"]["state"]["value"] for m in seen if m["content"]["comm_id"] == label]
    assert any("stopped for a newer run" in s for s in statuses), statuses
    assert not any(p.is_running() and p.status() != psutil.STATUS_ZOMBIE for p in first_children)
    assert kernel.children(recursive=True) == []


def test_explore_refuses_unknown_magics_in_one_line(front):
    reply, messages = front.execute("%explore rase -w 2")
    assert reply["status"] == "error"
    assert reply["evalue"].startswith("%explore: no line magic %rase; accepted are ")
    assert "race" in reply["evalue"] and "\n" not in reply["evalue"]


# ---- the lessons' panels ---------------------------------------------------------------------

def lesson_panels():
    import lessons_support as ls
    found = []
    for path in ls.lesson_paths():
        nb = ls.read_lesson(path)
        for i, cell in enumerate(nb.cells):
            if cell.cell_type == "code" and "panel" in cell.metadata.get("tags", []):
                found.append((path.stem, nb.cells[i - 1], cell))
    return found


def test_lessons_where_tweaking_is_the_point_have_a_panel_asking_for_a_prediction():
    panels = lesson_panels()
    magics = {cell.source.split()[1] for _, _, cell in panels}
    assert {"race", "spawn", "pingpong", "ipc"} <= magics, magics
    for lesson, before, cell in panels:
        assert cell.source.startswith("%explore "), (lesson, cell.source)
        assert before.cell_type == "markdown" and "predict" in before.source.lower(), (lesson, before.source)


@pytest.mark.parametrize("lesson,source", [(l, c.source) for l, _, c in lesson_panels()])
def test_lesson_panel_shows_controls_and_its_first_result(front, lesson, source):
    reply, messages = front.execute(source, timeout=180)
    assert reply["status"] == "ok", (lesson, messages)
    _, bundle = widget_view(messages)
    assert "they need a live kernel" in bundle["text/html"]
    assert "<img" in bundle["text/html"], f"{lesson}: the static HTML carries the first result's chart"
