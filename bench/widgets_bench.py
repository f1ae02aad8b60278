"""Widget figures: how long the kernel takes over one slider update, and a slider release to
the redrawn chart for lesson 03's race panel.

  FORKLAB_KERNEL_JAR=kernel/target/forklab-kernel.jar .venv/bin/python bench/widgets_bench.py [--jdk jdk17]

jupyter_client plays the front end. "Kernel-side update" is timed inside the kernel: one front-end
update handed to the widget (checks, state, observers, the echo_update serialised and sent on
iopub), 1,000 times in a cell. "Round trip" adds ZMQ both ways and the client, from Python.
"Release to chart" runs from sending the slider's new value to the arrival of the output
area's message that carries the new result's chart (the browser's drawing is not included).
"""
import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "python"))

import conftest  # noqa: E402  (installs the kernelspecs for the jar)
from widget_front import WidgetFront, comm_opens  # noqa: E402

UPDATES = 200
RELEASES = 6
PANEL = "%explore race -v plain,volatile,atomic -w 2 -N 1000000 -t 5 --run"


def percentile(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def update_round_trips(front):
    _, messages = front.execute("import org.forklab.widgets.*; var s = new IntSlider(0, 1000, 0); display(s);")
    model = [m for m in comm_opens(messages) if m["content"]["data"]["state"]["_model_name"] == "IntSliderModel"]
    slider = model[0]["content"]["comm_id"]
    took = []
    for i in range(UPDATES):
        start = time.perf_counter()
        _, answers = front.comm_msg(slider, {"method": "update", "state": {"value": i % 1000}, "buffer_paths": []})
        took.append((time.perf_counter() - start) * 1000)
        assert any(a["content"]["data"].get("method") == "echo_update" for a in answers if a["msg_type"] == "comm_msg")
    return took


KERNEL_SIDE = """
import com.google.gson.*;
import org.forklab.widgets.*;
var slider = new IntSlider(0, 1000, 0);
display(slider);
var receive = Widget.class.getDeclaredMethod("receive", JsonObject.class, java.util.List.class,
        io.github.spencerpark.jupyter.messages.MessageContext.class);
receive.setAccessible(true);
long[] took = new long[1000];
for (int i = 0; i < took.length; i++) {
    var data = new JsonParser().parse("{\\"method\\":\\"update\\",\\"state\\":{\\"value\\":" + (i % 1000) + "},\\"buffer_paths\\":[]}").getAsJsonObject();
    long t0 = System.nanoTime();
    receive.invoke(slider, data, java.util.List.of(), null);
    took[i] = System.nanoTime() - t0;
}
java.util.Arrays.sort(took);
String.format("%.3f %.3f %.3f", took[500] / 1e6, took[950] / 1e6, took[999] / 1e6)
"""


def kernel_side(front):
    median, p95, worst = (float(x) for x in front.value_of(KERNEL_SIDE).split())
    return median, p95, worst


def release_to_chart(front):
    _, messages = front.execute(PANEL, timeout=180)
    states = {m["content"]["comm_id"]: m["content"]["data"]["state"] for m in comm_opens(messages)}
    workers = next(i for i, s in states.items() if s["_model_name"] == "IntSliderModel" and s["description"] == "workers")
    output = next(i for i, s in states.items() if s["_model_name"] == "OutputModel")
    label = next(i for i, s in states.items() if s["_model_name"] == "LabelModel")
    took, runs = [], []
    for n in range(RELEASES):
        value = 3 + n % 2
        start = time.perf_counter()
        front.comm_msg(workers, {"method": "update", "state": {"value": value}, "buffer_paths": []})
        chart = run = None
        while chart is None or run is None:
            msg = front.kc.get_iopub_msg(timeout=120)
            if msg["msg_type"] != "comm_msg":
                continue
            state = msg["content"]["data"].get("state", {})
            if msg["content"]["comm_id"] == label and "done in" in state.get("value", "") \
                    and f"--workers {value} " in state["value"]:
                run = float(state["value"].rsplit("done in ", 1)[1].split()[0]) * 1000
            outputs = state.get("outputs", []) if msg["content"]["comm_id"] == output else []
            html = outputs[0].get("data", {}).get("text/html", "") if outputs else ""
            if chart is None and f"{value} workers" in html and "<img" in html:
                chart = (time.perf_counter() - start) * 1000
        took.append(chart)
        runs.append(run)
    return took, runs


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--jdk", default="jdk17", choices=sorted(conftest.JDKS))
    jdk = parser.parse_args().jdk
    conftest._install()
    front = WidgetFront(conftest.kernel_name(jdk), Path(tempfile.mkdtemp()) / "kernel-stderr.log")
    try:
        inside = kernel_side(front)
        updates = update_round_trips(front)
        releases, runs = release_to_chart(front)
    finally:
        front.close()
    print(f"kernel {jdk}; {UPDATES} updates, {RELEASES} releases")
    print(f"kernel-side update handling: median {inside[0]:.3f} ms, 95th percentile {inside[1]:.3f} ms,"
          f" max {inside[2]:.3f} ms (1,000 updates)")
    print(f"update -> echo_update round trip: median {statistics.median(updates):.2f} ms,"
          f" 95th percentile {percentile(updates, 0.95):.2f} ms, max {max(updates):.2f} ms")
    print(f"slider release -> new chart message ({PANEL.split(' --run')[0]}): median {statistics.median(releases):.0f} ms,"
          f" max {max(releases):.0f} ms; the runs themselves (status line, 0.1 s resolution): median"
          f" {statistics.median(runs) if runs else float('nan'):.0f} ms")


if __name__ == "__main__":
    main()
