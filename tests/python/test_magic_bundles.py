"""Every experiment magic through the real forklab kernel and jupyter_client, at small sizes.

Each magic shows one display: a progress line under a display_id, updated in place
(update_display_data) and finally replaced by the result. The result the notebook keeps must
carry PNG, SVG, HTML and plain text. One JDK is enough here (the first the fixtures find);
the kernel's own protocol tests run on every JDK.
"""
import json
import time
from pathlib import Path

import pytest

from conftest import JDKS, kernel_name
from kernel_session import KernelSession, error_of, result_of

FIRST_JDK = sorted(JDKS)[0]
BUNDLE = ("image/png", "image/svg+xml", "text/html", "text/plain")

# small sizes, each finishing in seconds on a busy two-CPU machine: the examples every experiment
# magic registers in MagicCatalog, written out by the kernel's ExperimentRegistrationTest
SMALL_RUNS = json.loads((Path(__file__).with_name("small_runs.json")).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def session():
    s = KernelSession(kernel_name(FIRST_JDK))
    yield s
    s.close()


def run_collecting_updates(session, code, timeout=90):
    """Runs a cell; returns (reply, outputs) where outputs include update_display_data."""
    msg_id = session.kc.execute(code)
    outputs = []
    deadline = time.monotonic() + timeout
    while True:
        msg = session.kc.get_iopub_msg(timeout=max(0.1, deadline - time.monotonic()))
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            break
        outputs.append(msg)
    reply = session.kc.get_shell_msg(timeout=max(0.1, deadline - time.monotonic()))
    while reply["parent_header"].get("msg_id") != msg_id:
        reply = session.kc.get_shell_msg(timeout=max(0.1, deadline - time.monotonic()))
    return reply["content"], outputs


def final_displays(outputs):
    """What the notebook keeps: each display_data, replaced by the last update with its display_id."""
    shown = []
    by_id = {}
    for m in outputs:
        kind = m["msg_type"]
        if kind not in ("display_data", "update_display_data"):
            continue
        display_id = m["content"].get("transient", {}).get("display_id")
        if kind == "display_data":
            shown.append(m["content"]["data"])
            if display_id:
                by_id[display_id] = len(shown) - 1
        else:
            assert display_id in by_id, f"update for a display never shown: {display_id}"
            shown[by_id[display_id]] = m["content"]["data"]
    return shown


@pytest.mark.parametrize("magic", sorted(SMALL_RUNS))
def test_experiment_magic_ends_in_one_full_bundle(session, magic):
    reply, outputs = run_collecting_updates(session, f"%{magic} {SMALL_RUNS[magic]} --as r_{magic}")
    assert reply["status"] == "ok", error_of(outputs)
    displays = [m for m in outputs if m["msg_type"] == "display_data"]
    assert len(displays) == 1, "one display: the progress line"
    progress_id = displays[0]["content"]["transient"]["display_id"]
    assert displays[0]["content"]["data"]["text/plain"].startswith(f"%{magic}: starting")
    updates = [m for m in outputs if m["msg_type"] == "update_display_data"]
    assert updates, "the progress line is updated and then replaced"
    assert all(u["content"]["transient"]["display_id"] == progress_id for u in updates)
    [final] = final_displays(outputs)
    for mime in BUNDLE:
        assert final.get(mime), f"%{magic}: no {mime} in {sorted(final)}"
    assert "measured on:" in final["text/plain"]
    html = final["text/html"].lstrip()
    assert html.startswith("<div") or html.startswith('<p class="forklab-reading">'), html[:200]
    # the run's reading opens the display, before any table
    reading, table = html.find('class="forklab-reading"'), html.find("<table")
    assert reading >= 0 and (table < 0 or reading < table), html[:400]
    assert final["text/plain"].startswith("Reading: "), final["text/plain"][:200]
    assert not final["text/plain"].startswith(f"%{magic}: "), "the result replaced the progress line"


def test_result_bound_with_as_is_usable_in_the_next_java_cell(session):
    reply, _ = run_collecting_updates(session, "%race -v plain,atomic -N 1000 -t 1 --as r")
    assert reply["status"] == "ok"
    reply, outputs = session.run("r.outcomes().size()")
    assert reply["status"] == "ok", error_of(outputs)
    assert result_of(outputs) == "2"
    reply, outputs = session.run("r.config().increments()")
    assert result_of(outputs) == "1000"


@pytest.mark.parametrize("code, start", [
    ("%race -N 0", "%race: --increments 0 is out of range"),
    ("%spawn --variants forks", "%spawn: variant 'forks' is not known"),
    ("%ipc --sise 8", "%ipc: unknown option '--sise'; did you mean --sizes?"),
])
def test_usage_error_is_one_line_and_the_kernel_lives(session, code, start):
    reply, outputs = session.run(code)
    assert reply["status"] == "error"
    error = error_of(outputs)
    assert error is not None, outputs
    assert len(error["traceback"]) == 1, error["traceback"]
    line = error["traceback"][0]
    assert error["evalue"].startswith(start), error
    assert line.endswith(error["evalue"]) and len(line) - len(error["evalue"]) <= len("UsageError: "), line
    assert "\n" not in line and "Exception" not in line and "\tat " not in line
    assert result_of(session.run("6 * 7")[1]) == "42"
