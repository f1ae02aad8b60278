"""A lesson in JupyterLab, driven by Debian's Chromium the way a student would use it: open it, run
all, read the charts and statistics, change a parameter, rerun, see the chart change.

The lesson (FORKLAB_BROWSER_LESSON, default the start lesson) runs from a copy of notebooks/, so
autosave never touches the repository; the kernel is installed into a throw-away prefix with
Binder's heap cap. A screenshot is kept in test-artifacts/, and one of every chart of that lesson
and of a second one (FORKLAB_BROWSER_CHART_LESSON, default the fault lesson)."""
from __future__ import annotations

import os
import re
import shutil
import socket
import tempfile
from pathlib import Path

import pytest

from browser_support import (FIXTURES, ROOT, JupyterLab, LessonFault, NotebookDriver, StartupFault,
                             check, chromium_page, install_kernel)

LESSON = os.environ.get("FORKLAB_BROWSER_LESSON", "00-start.ipynb")
# A second lesson whose every chart is saved too: the fault lesson draws the stacked crash bars.
CHART_LESSON = os.environ.get("FORKLAB_BROWSER_CHART_LESSON", "05-faults.ipynb")
RUN_TIMEOUT = float(os.environ.get("FORKLAB_BROWSER_TIMEOUT", "300"))
# The sample count of an experiment magic (%spawn -n 200, --samples 200): fewer samples, a new chart.
PARAMETER = re.compile(r"(?<!\S)(-n|--samples)(\s+|=)(\d+)")


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    base = tmp_path_factory.mktemp("browser")
    root = base / "notebooks"
    if (ROOT / "notebooks").is_dir():
        shutil.copytree(ROOT / "notebooks", root)
    root.mkdir(exist_ok=True)
    shutil.copy(FIXTURES / "broken.ipynb", root / "broken.ipynb")
    prefix = base / "prefix"
    install_kernel(prefix, "-Xmx512m", "-XX:MaxMetaspaceSize=256m")
    server = JupyterLab(root, base, prefix / "share/jupyter")
    try:
        server.start()
    except StartupFault as fault:
        pytest.fail(str(fault), pytrace=False)
    yield server
    server.stop()


@pytest.fixture
def page(lab, tmp_path):
    try:
        with chromium_page(tmp_path / "profile") as page:
            yield page
    except StartupFault as fault:
        pytest.fail(str(fault), pytrace=False)


def test_a_lesson_runs_and_a_changed_parameter_redraws_its_chart(lab, page):
    if not (lab.root_dir / LESSON).is_file():
        pytest.fail(f"no lesson notebooks/{LESSON} to open", pytrace=False)
    notebook = NotebookDriver(page, lab, LESSON)
    shot, near, failure, state = f"browser-{Path(LESSON).stem}", None, None, None
    try:
        notebook.open()
        notebook.clear_outputs()
        state = notebook.run_all(RUN_TIMEOUT)

        images = notebook.images()
        check(images, f"{LESSON}: no chart image on the page after run all")
        notebook.chart_shots(f"browser-{Path(LESSON).stem}")
        cut = notebook.cut_code_lines()
        check(not cut, f"{LESSON}: code cells cut at the notebook's width instead of wrapping: {cut}")
        check(all(i["complete"] and i["width"] > 0 for i in images), f"{LESSON}: a chart did not load")
        check(any(re.search(r"median", t, re.I) for t in notebook.tables()),
              f"{LESSON}: no statistics table (an HTML table with a median) on the page")

        # The first cell that draws a chart from a sample count: halve it and rerun.
        chart_cell = next((c for c in state["cells"] if PARAMETER.search(c["source"])
                           and notebook.images(c["index"])), None)
        check(chart_cell, f"{LESSON}: no cell with a sample count (-n N) that draws a chart")
        near = chart_cell["index"]
        samples = int(PARAMETER.search(chart_cell["source"]).group(3))
        edited = PARAMETER.sub(lambda m: f"{m.group(1)}{m.group(2)}{max(samples // 2, 5)}",
                               chart_cell["source"], count=1)
        before = notebook.images(near)
        notebook.replace_source(near, edited)
        notebook.run_cell(near, RUN_TIMEOUT)
        after = notebook.images(near)
        check(after and all(i["width"] > 0 for i in after), f"{LESSON}: no chart after the rerun")
        check([i["src"] for i in after] != [i["src"] for i in before],
              f"{LESSON}: the chart of cell {near + 1} did not change after -n {samples} became "
              f"{max(samples // 2, 5)}")
    except LessonFault as fault:
        failure = str(fault)
    finally:
        if near is None and state:  # show the first experiment's output, where charts belong
            near = next((c["index"] for c in state["cells"] if "text/html" in
                         {m for o in c["outputs"] for m in o["mimes"]}), None)
        notebook.screenshot(f"{shot}{'-failed' if failure else ''}.png", near_cell=near)
    if failure:
        pytest.fail(failure, pytrace=False)  # outside the except: one line, no chained report


def test_every_chart_of_a_second_lesson_is_saved(lab, page):
    if not (lab.root_dir / CHART_LESSON).is_file():
        pytest.fail(f"no lesson notebooks/{CHART_LESSON} to open", pytrace=False)
    notebook = NotebookDriver(page, lab, CHART_LESSON)
    failure = None
    try:
        notebook.open()
        notebook.clear_outputs()
        notebook.run_all(RUN_TIMEOUT)
        images = notebook.images()
        check(images, f"{CHART_LESSON}: no chart image on the page after run all")
        check(all(i["complete"] and i["width"] > 0 for i in images), f"{CHART_LESSON}: a chart did not load")
        shots = notebook.chart_shots(f"browser-{Path(CHART_LESSON).stem}")
        check(len(shots) == len(images), f"{CHART_LESSON}: {len(images)} charts but {len(shots)} screenshots")
        cut = notebook.cut_code_lines()
        check(not cut, f"{CHART_LESSON}: code cells cut at the notebook's width instead of wrapping: {cut}")
    except LessonFault as fault:
        failure = str(fault)
    if failure:
        notebook.screenshot(f"browser-{Path(CHART_LESSON).stem}-failed.png")
        pytest.fail(failure, pytrace=False)


def test_a_cell_error_is_reported_in_one_line(lab, page):
    notebook = NotebookDriver(page, lab, "broken.ipynb")
    notebook.open()
    with pytest.raises(LessonFault) as caught:
        notebook.run_all(120)
    said = str(caught.value)
    assert said.startswith("broken.ipynb: cell 3 failed: ") and "\n" not in said, said
    assert re.search(r"ArrayIndexOutOfBounds|out of bounds", said, re.I), said


# ---- faults said in one line, before any browser ---------------------------------------------

def test_a_port_in_use_is_named(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))  # bound, not listening: only JupyterLab's own bind finds it
        port = taken.getsockname()[1]
        server = JupyterLab(tmp_path, tmp_path, tmp_path, port=port)
        with pytest.raises(StartupFault, match=rf"^port 127\.0\.0\.1:{port} is in use"):
            server.start()


def test_jupyterlab_failing_to_start_is_said_in_one_line(tmp_path):
    server = JupyterLab(tmp_path / "no-such-folder", tmp_path, tmp_path)
    with pytest.raises(StartupFault) as caught:
        server.start()
    said = str(caught.value)
    assert said.startswith("JupyterLab failed to start (exit ") and "\n" not in said, said
    assert "no-such-folder" in said, said


def test_no_chromium_is_named(tmp_path):
    missing = Path(tempfile.gettempdir()) / "no-chromium-here" / "chromium"
    with pytest.raises(StartupFault, match="^no Chromium at .*apt-get install chromium"):
        with chromium_page(tmp_path, executable=missing):
            pass
