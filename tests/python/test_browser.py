"""A lesson in JupyterLab, driven by Debian's Chromium the way a student would use it: open it, run
all, read the charts and statistics, change a parameter, rerun, see the chart change.

The lesson (FORKLAB_BROWSER_LESSON, default the start lesson) runs from a copy of notebooks/, so
autosave never touches the repository; the kernel is installed into a throw-away prefix with
Binder's heap cap. A screenshot is kept in test-artifacts/."""
from __future__ import annotations

import os
import re
import shutil
import socket
import tempfile
from pathlib import Path

import pytest

from browser_support import (FIXTURES, ROOT, JupyterLab, LessonFault, NotebookDriver, StartupFault,
                             chromium_page, install_kernel)

LESSON = os.environ.get("FORKLAB_BROWSER_LESSON", "00-start.ipynb")
RUN_TIMEOUT = float(os.environ.get("FORKLAB_BROWSER_TIMEOUT", "300"))
PARAMETER = re.compile(r"--trials\s+(\d+)")


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    base = tmp_path_factory.mktemp("browser")
    lessons = ROOT / "notebooks"
    if not (lessons / LESSON).is_file():
        pytest.fail(f"no lesson notebooks/{LESSON} to open", pytrace=False)
    root = base / "notebooks"
    shutil.copytree(lessons, root)
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
    notebook = NotebookDriver(page, lab, LESSON)
    shot = f"browser-{Path(LESSON).stem}"
    try:
        notebook.open()
        notebook.clear_outputs()
        state = notebook.run_all(RUN_TIMEOUT)

        images = notebook.images()
        assert images, f"{LESSON}: no chart on the page"
        assert all(i["complete"] and i["width"] > 0 for i in images), f"{LESSON}: a chart did not load"
        tables = notebook.tables()
        assert any(re.search(r"median", t, re.I) for t in tables), f"{LESSON}: no statistics table"

        # The first cell that draws a chart from a --trials parameter: halve it and rerun.
        chart_cell = next((c for c in state["cells"] if PARAMETER.search(c["source"])
                           and any("image/png" in o["mimes"] for o in c["outputs"])), None)
        assert chart_cell, f"{LESSON}: no cell with --trials that draws a chart"
        trials = int(PARAMETER.search(chart_cell["source"]).group(1))
        edited = PARAMETER.sub(f"--trials {max(trials // 2, 5)}", chart_cell["source"], count=1)
        assert edited != chart_cell["source"]
        before = notebook.images(chart_cell["index"])
        notebook.replace_source(chart_cell["index"], edited)
        notebook.run_cell(chart_cell["index"], RUN_TIMEOUT)
        after = notebook.images(chart_cell["index"])
        assert after and all(i["width"] > 0 for i in after), f"{LESSON}: no chart after the rerun"
        assert [i["src"] for i in after] != [i["src"] for i in before], "the chart did not change"
        notebook.screenshot(f"{shot}.png", near_cell=chart_cell["index"])
    except LessonFault as fault:
        notebook.screenshot(f"{shot}-failed.png")
        pytest.fail(str(fault), pytrace=False)


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
