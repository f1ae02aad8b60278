"""Widget figures: how long the kernel's shell thread takes over one slider update, the round
trip of an update, and a control's release to the redrawn chart for each lesson's panel.

  FORKLAB_KERNEL_JAR=kernel/target/forklab-kernel.jar .venv/bin/python bench/widgets_bench.py [--jdk jdk17]

jupyter_client plays the front end. "Shell thread" is timed inside the kernel on the thread that
serves the front end (org.forklab.widgets.HandlingTimes, from the comm manager's handler to its
return: checks, state, observers, the echo_update serialised, signed and sent on iopub), for real
updates sent through ZMQ, in wall time and in the thread's own CPU time: wall time well above
CPU time is time spent waiting for a core. The first WARM_UP updates warm the JIT and are not
counted. "Round trip" adds ZMQ both ways and the client, from Python. "Release to chart" runs
from sending the control's new value to the arrival of the output area's message that carries
the new result's chart (the browser's drawing is not included); the panels are the lessons' own
%explore lines, read from the notebooks.
"""
import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "python"))

import conftest  # noqa: E402  (installs the kernelspecs for the jar)
from widget_front import WidgetFront, comm_opens  # noqa: E402

WARM_UP = 200
UPDATES = 500
RELEASES = 6
# The control each lesson's text asks the student to move.
MOVED = {"03-memory": "workers", "04-cost": ("fork-memory", "placements"), "06-communication": "sizes"}


def percentile(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def spread(values, unit="ms", digits=2):
    return (f"median {statistics.median(values):.{digits}f} {unit}, 95th percentile"
            f" {percentile(values, 0.95):.{digits}f} {unit}, max {max(values):.{digits}f} {unit}")


def lesson_panels():
    """(lesson, %explore line) of every panel in the lessons, in lesson order."""
    found = []
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        for cell in json.loads(path.read_text())["cells"]:
            source = "".join(cell["source"]).strip()
            if cell["cell_type"] == "code" and source.startswith("%explore "):
                found.append((path.stem, source))
    return found


def updates(front):
    """Round trips from Python, and the shell thread's own times (wall, CPU) for the same updates."""
    _, messages = front.execute("import org.forklab.widgets.*; var s = new IntSlider(0, 1000, 0); display(s);")
    model = [m for m in comm_opens(messages) if m["content"]["data"]["state"]["_model_name"] == "IntSliderModel"]
    slider = model[0]["content"]["comm_id"]
    took = []
    for i in range(WARM_UP + UPDATES):
        if i == WARM_UP:
            front.value_of("org.forklab.widgets.HandlingTimes.reset(); 0")
        start = time.perf_counter()
        _, answers = front.comm_msg(slider, {"method": "update", "state": {"value": i % 1000}, "buffer_paths": []})
        if i >= WARM_UP:
            took.append((time.perf_counter() - start) * 1000)
        assert any(a["content"]["data"].get("method") == "echo_update" for a in answers if a["msg_type"] == "comm_msg")
    wall = json.loads(front.value_of("java.util.Arrays.toString(org.forklab.widgets.HandlingTimes.wallNanos())"))
    cpu = json.loads(front.value_of("java.util.Arrays.toString(org.forklab.widgets.HandlingTimes.cpuNanos())"))
    assert len(wall) == UPDATES, f"the kernel recorded {len(wall)} comm messages, {UPDATES} were sent"
    return took, [w / 1e6 for w in wall], [c / 1e6 for c in cpu]


def moved_control(lesson, states):
    """(comm id, the two values to alternate, property) of the control the lesson asks to move."""
    wanted = MOVED[lesson]
    names = wanted if isinstance(wanted, tuple) else (wanted,)
    for comm_id, s in states.items():
        if s.get("description") not in names:
            continue
        if s["_model_name"] == "IntSliderModel":
            v = s["value"]
            return comm_id, (v + 1 if v < s["max"] else v - 1, v), "value"
        if s["_model_name"] == "FloatLogSliderModel":
            v, top = s["value"], s["base"] ** s["max"]
            return comm_id, (v * 2 if v * 2 <= top else v / 2, v), "value"
        if s["_model_name"] == "SelectMultipleModel":
            others = [i for i in range(len(s["_options_labels"])) if [i] != s["index"]]
            return comm_id, ([others[0]], s["index"]), "index"
    raise AssertionError(f"{lesson}: no control named {names} in its panel")


def release_to_chart(front, lesson, line):
    _, messages = front.execute(line, timeout=300)
    states = {m["content"]["comm_id"]: m["content"]["data"]["state"] for m in comm_opens(messages)}
    control, values, prop = moved_control(lesson, states)
    output = next(i for i, s in states.items() if s["_model_name"] == "OutputModel")
    status = next(i for i, s in states.items() if s["_model_name"] == "LabelModel")
    took, runs = [], []
    for n in range(RELEASES):
        start = time.perf_counter()
        # Sent without waiting for its idle status: waiting would drop the run's first messages.
        update = front.kc.session.msg("comm_msg", {"comm_id": control, "data": {
            "method": "update", "state": {prop: values[n % 2]}, "buffer_paths": []}})
        front.kc.session.send(front.kc.shell_channel.socket, update)
        # The run's line comes first ("running: LINE"), its chart, then "LINE: done in S s".
        running = chart = run = None
        while run is None:
            msg = front.kc.get_iopub_msg(timeout=300)
            if msg["msg_type"] != "comm_msg":
                continue
            comm, state = msg["content"]["comm_id"], msg["content"]["data"].get("state", {})
            text = state.get("value", "") if comm == status else ""
            if text.startswith("running: "):
                running = text.removeprefix("running: ")
            elif running and text.startswith(running + ": done in "):
                run = float(text.rsplit("done in ", 1)[1].split()[0]) * 1000
            elif running and text.startswith(running + ": "):
                raise AssertionError(f"{lesson}: the panel's run did not finish: {text}")
            outputs = state.get("outputs", []) if comm == output else []
            html = outputs[0].get("data", {}).get("text/html", "") if outputs else ""
            if running and "<img" in html:
                chart = (time.perf_counter() - start) * 1000
        assert chart is not None, f"{lesson}: the run ended without a chart in the output area"
        took.append(chart)
        runs.append(run)
    return took, runs


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--jdk", default="jdk17", choices=sorted(conftest.JDKS))
    jdk = parser.parse_args().jdk
    conftest._install()
    load_before = os.getloadavg()
    front = WidgetFront(conftest.kernel_name(jdk), Path(tempfile.mkdtemp()) / "kernel-stderr.log")
    try:
        round_trips, wall, cpu = updates(front)
        panels = [(lesson, line, *release_to_chart(front, lesson, line)) for lesson, line in lesson_panels()]
    finally:
        front.close()
    load_after = os.getloadavg()
    print(f"kernel {jdk}; load average (1 min) {load_before[0]:.1f} at the start, {load_after[0]:.1f} at the end")
    print(f"shell thread, one update ({UPDATES} after {WARM_UP} to warm up): wall {spread(wall, digits=3)};"
          f" its CPU time {spread(cpu, digits=3)}")
    print(f"update -> echo_update round trip: {spread(round_trips)}")
    for lesson, line, took, runs in panels:
        print(f"{lesson} {line.split(' --run')[0]}: release -> new chart message"
              f" {spread(took, digits=0)} ({RELEASES} releases); the runs themselves (status line, 0.1 s"
              f" resolution): median {statistics.median(runs):.0f} ms")


if __name__ == "__main__":
    main()
