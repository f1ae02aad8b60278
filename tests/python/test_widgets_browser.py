"""A %explore panel in JupyterLab, driven by Debian's Chromium: move a slider with the keyboard,
see the output area's chart change and the new value named, reload the page and find the
widgets back (through the jupyter.widget.control comm). The same server serves Notebook 7
(pinned in requirements.txt): a lesson's own panel opens there with its controls and chart.
A screenshot of each is kept in test-artifacts/."""
from __future__ import annotations

import json
import shutil
import time

import nbformat
import pytest

from browser_support import (ROOT, JupyterLab, LessonFault, NotebookDriver, StartupFault, chromium_page,
                             install_kernel)

PANEL = "%explore race -v plain -w 2 -N 100000 -t 2 --run"
NOTEBOOK = "explore.ipynb"
RUN_TIMEOUT = 300
# A lesson with a panel, opened in Notebook 7 (the classic page on JupyterLab's components).
LESSON = "03-memory.ipynb"


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    base = tmp_path_factory.mktemp("widgets-browser")
    root = base / "notebooks"
    root.mkdir()
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "forklab", "display_name": "Java (forklab)", "language": "java"}
    nb.cells = [nbformat.v4.new_code_cell(PANEL)]
    nbformat.write(nb, root / NOTEBOOK)
    shutil.copy(ROOT / "notebooks" / LESSON, root / LESSON)
    # Notebook 7 puts window.jupyterapp on its page only when asked, as JupyterLab does.
    config = base / "config"
    config.mkdir()
    (config / "jupyter_server_config.json").write_text(
        json.dumps({"JupyterNotebookApp": {"expose_app_in_browser": True}}))
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


def wait_until(what, ready, timeout=RUN_TIMEOUT, where=NOTEBOOK):
    deadline = time.monotonic() + timeout
    while True:
        value = ready()
        if value:
            return value
        if time.monotonic() > deadline:
            raise LessonFault(f"{where}: timed out after {timeout} s waiting for {what}")
        time.sleep(0.5)


def chart_sources(cell):
    return cell.locator(".widget-output img").evaluate_all("imgs => imgs.map(i => i.src)")


def mark_charts_seen(cell):
    cell.locator(".widget-output img").evaluate_all("imgs => imgs.forEach(i => { i.dataset.forklabSeen = '1'; })")


def fresh_chart_count(cell):
    """Images in the output area drawn since the last mark_charts_seen."""
    return cell.locator(".widget-output img").evaluate_all("imgs => imgs.filter(i => !i.dataset.forklabSeen).length")


def test_keyboard_moves_a_slider_the_chart_changes_and_a_reload_restores_the_widgets(lab, page):
    notebook = NotebookDriver(page, lab, NOTEBOOK)
    failure = None
    try:
        notebook.open()
        notebook.run_all(RUN_TIMEOUT)
        cell = notebook.cell(0)
        slider = cell.locator(".widget-slider", has=page.locator(".widget-label", has_text="workers"))
        wait_until("the workers slider", lambda: slider.count() == 1)
        wait_until("the first chart in the output area", lambda: chart_sources(cell))
        mark_charts_seen(cell)
        status = cell.locator(".widget-label").filter(has_text="%race")
        handle = slider.locator(".noUi-handle")
        handle.focus()
        page.keyboard.press("ArrowRight")
        wait_until("the readout to show 3", lambda: slider.locator(".widget-readout").inner_text().strip() == "3", 30)
        # A new image element, not new bytes: two runs that lose no update draw the same PNG.
        wait_until("a new chart", lambda: fresh_chart_count(cell) > 0)
        output_text = cell.locator(".widget-output").inner_text()
        assert "3 workers" in output_text, output_text[:300]
        wait_until("the status to name --workers 3",
                   lambda: "--workers 3" in status.inner_text() and "done in" in status.inner_text(), 60)

        page.evaluate("() => window.jupyterapp.commands.execute('docmanager:save')")
        time.sleep(2)
        page.reload()
        notebook.open()
        cell = notebook.cell(0)
        slider = cell.locator(".widget-slider", has=page.locator(".widget-label", has_text="workers"))
        wait_until("the slider back after the reload", lambda: slider.count() == 1, 120)
        assert slider.locator(".widget-readout").inner_text().strip() == "3"
        assert chart_sources(cell), "the output area came back with its chart"
    except LessonFault as fault:
        failure = str(fault)
    finally:
        notebook.screenshot(f"browser-explore{'-failed' if failure else ''}.png", near_cell=0)
    if failure:
        pytest.fail(failure, pytrace=False)


class Notebook7Driver(NotebookDriver):
    """The same page model in Notebook 7: /notebooks/PATH, no status bar (the kernel's state is
    read from the session), one cell run through the notebook's own run-cell command."""

    def open(self, timeout: float = 120) -> None:
        self.page.goto(self.lab.url(f"notebooks/{self.path}"))
        state = self.wait(lambda s: s["kernel"] == "idle", timeout, "the kernel to start and go idle in Notebook 7")
        self.panel = self.page.locator(f"#{state['panel']}")

    def run_only(self, index: int, timeout: float) -> None:
        """Runs the notebook's cell at index (all cells counted) and waits for its prompt."""
        self.page.evaluate("""([path, index]) => {
            const app = window.jupyterapp;
            for (const w of app.shell.widgets('main')) {
                if (w.context && w.context.path === path && w.content) { w.content.activeCellIndex = index; }
            }
            return app.commands.execute('notebook:run-cell');
        }""", [self.path, index])
        self.wait(lambda s: s["kernel"] == "idle" and any(c["index"] == index and c["outputs"] for c in s["cells"]),
                  timeout, f"cell {index + 1} to run")


def panel_cell(path):
    """Index of the lesson's %explore cell, among all its cells."""
    cells = nbformat.read(path, as_version=4).cells
    return next(i for i, c in enumerate(cells) if c.cell_type == "code" and c.source.startswith("%explore "))


def test_notebook_7_shows_a_lessons_panel_with_its_controls_and_first_chart(lab, page):
    index = panel_cell(lab.root_dir / LESSON)
    notebook = Notebook7Driver(page, lab, LESSON)
    where = f"{LESSON} in Notebook 7"
    failure = None
    try:
        notebook.open()
        notebook.run_only(index, RUN_TIMEOUT)
        cell = notebook.cell(index)
        slider = cell.locator(".widget-slider", has=page.locator(".widget-label", has_text="workers"))
        wait_until("the workers slider in Notebook 7", lambda: slider.count() == 1, where=where)
        assert wait_until("the first chart in the output area", lambda: chart_sources(cell), where=where)
        # Moving the slider with the keyboard works in JupyterLab (the test above) but not yet here:
        # the arrow key left the readout unchanged for 30 s: after a click on the handle the page's
        # focus was on the notebook's active markdown cell (document.activeElement), not the handle.
        assert "2 workers" in cell.locator(".widget-output").inner_text()
    except LessonFault as fault:
        failure = str(fault)
    finally:
        notebook.screenshot(f"browser-explore-notebook7{'-failed' if failure else ''}.png", near_cell=index)
    if failure:
        pytest.fail(failure, pytrace=False)
