"""What the Binder, browser and site tests share: where the kernel jar and the JDKs are, a
kernelspec installed into a throw-away prefix, a JupyterLab server on loopback, and headless
Debian Chromium. Every known fault ends in one line (pytest.fail), not a dump."""
from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = Path("/usr/bin/chromium")
KERNEL_NAME = "forklab"
# The project's own Python environment: the one running these tests.
VENV_BIN = Path(sys.executable).parent


class StartupFault(Exception):
    """A known fault on the way to a running notebook, said in one line."""


def kernel_jar() -> Path:
    jar = Path(os.environ.get("FORKLAB_KERNEL_JAR", ROOT / "kernel/target/forklab-kernel.jar"))
    if not jar.is_file():
        pytest.fail(f"no kernel jar at {jar}: build it first (bash scripts/test.sh does)", pytrace=False)
    return jar


def jdks() -> list[tuple[int, Path]]:
    """JDKs of version 17 or later (version, home), oldest first: conftest's discovery, the one copy."""
    from conftest import CANDIDATE_JDKS
    return [(int(name.removeprefix("jdk")), java.parent.parent) for name, java in CANDIDATE_JDKS.items()]


def java_command() -> str:
    found = jdks()
    if not found:
        pytest.fail("no JDK 17 or later in /usr/lib/jvm", pytrace=False)
    return str(found[0][1] / "bin/java")


def install_kernel(prefix: Path, *jvm_options: str) -> Path:
    """Installs the forklab kernelspec into prefix with the jar's own installer; returns its dir."""
    args = [java_command(), "-jar", str(kernel_jar()), "install", "--prefix", str(prefix),
            "--name", KERNEL_NAME, "--display-name", "Java (forklab)"]
    args += [f"--jvm-option={option}" for option in jvm_options]
    done = subprocess.run(args, capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        tail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["(no output)"]
        pytest.fail(f"the kernel installer failed: {tail[0]}", pytrace=False)
    spec_dir = prefix / "share/jupyter/kernels" / KERNEL_NAME
    if not (spec_dir / "kernel.json").is_file():
        pytest.fail(f"the kernel installer wrote no {spec_dir}/kernel.json", pytrace=False)
    return spec_dir


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def port_in_use(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


def quiet_lab_settings(settings_dir: Path) -> None:
    """Settings for a test browser: every cell kept in the page (no windowing, so each output can
    be found), and no news or update toasts over the notebook."""
    # the code cell settings a student gets (binder/overrides.json: long magic lines wrap)
    shipped = json.loads((ROOT / "binder/overrides.json").read_text())
    tracker = dict(shipped.get("@jupyterlab/notebook-extension:tracker", {}), windowingMode="none")
    overrides = {
        "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": tracker,
        "@jupyterlab/apputils-extension/notification.jupyterlab-settings":
            {"fetchNews": "false", "checkForUpdates": False},
    }
    for name, values in overrides.items():
        path = settings_dir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values))


class JupyterLab:
    """A JupyterLab server on 127.0.0.1 with a token, serving root_dir."""

    def __init__(self, root_dir: Path, state_dir: Path, jupyter_path: Path, port: int | None = None):
        self.root_dir, self.state_dir, self.jupyter_path = root_dir, state_dir, jupyter_path
        self.port = port or free_port()
        self.token = secrets.token_hex(16)
        self.log_path = state_dir / "jupyterlab.log"
        self.process: subprocess.Popen | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str) -> str:
        return f"{self.base_url}/{path.lstrip('/')}?token={self.token}"

    def start(self, timeout: float = 90) -> "JupyterLab":
        if port_in_use(self.port):
            raise StartupFault(f"port 127.0.0.1:{self.port} is in use: JupyterLab cannot listen there")
        jupyter = VENV_BIN / "jupyter"
        if not jupyter.exists():
            raise StartupFault(f"no {jupyter}: the project's Python environment lacks JupyterLab")
        settings = self.state_dir / "lab-settings"
        quiet_lab_settings(settings)
        env = dict(os.environ,
                   JUPYTER_PATH=str(self.jupyter_path),
                   JUPYTER_CONFIG_DIR=str(self.state_dir / "config"),
                   JUPYTER_DATA_DIR=str(self.state_dir / "data"),
                   JUPYTER_RUNTIME_DIR=str(self.state_dir / "runtime"),
                   JUPYTERLAB_SETTINGS_DIR=str(settings),
                   JUPYTERLAB_WORKSPACES_DIR=str(self.state_dir / "workspaces"))
        args = [str(jupyter), "lab", "--no-browser", "--ServerApp.ip=127.0.0.1",
                f"--ServerApp.port={self.port}", "--ServerApp.port_retries=0",
                f"--IdentityProvider.token={self.token}", f"--ServerApp.root_dir={self.root_dir}",
                "--LabApp.expose_app_in_browser=True", "--ServerApp.open_browser=False"]
        if os.geteuid() == 0:  # CI and this machine run as root
            args.append("--allow-root")
        self.log = open(self.log_path, "w")
        self.process = subprocess.Popen(args, stdout=self.log, stderr=subprocess.STDOUT, env=env,
                                        stdin=subprocess.DEVNULL, start_new_session=True)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise StartupFault(self._why_it_stopped())
            try:
                with urllib.request.urlopen(self.url("api/status"), timeout=2) as answer:
                    if answer.status == 200:
                        return self
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.3)
        self.stop()
        raise StartupFault(f"JupyterLab did not answer on {self.base_url} within {timeout:.0f} s "
                           f"(log: {self.log_path})")

    def _why_it_stopped(self) -> str:
        text = self.log_path.read_text(errors="replace")
        if "already in use" in text or "Address already in use" in text:
            return f"port 127.0.0.1:{self.port} is in use: JupyterLab cannot listen there"
        last = [line for line in text.splitlines() if line.strip()][-1:] or ["(no output)"]
        return f"JupyterLab failed to start (exit {self.process.returncode}): {last[0].strip()}"

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if getattr(self, "log", None):
            self.log.close()


CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@contextlib.contextmanager
def chromium_page(profile_dir: Path, executable: Path = CHROMIUM):
    """A page in Debian's Chromium, headless, with a fresh profile; never a downloaded browser."""
    if not executable.exists():
        raise StartupFault(f"no Chromium at {executable}: install Debian's chromium package "
                           "(apt-get install chromium)")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile_dir), executable_path=str(executable), headless=True, args=CHROMIUM_ARGS,
            viewport={"width": 1400, "height": 1000})
        try:
            yield context.pages[0] if context.pages else context.new_page()
        finally:
            context.close()


class LessonFault(Exception):
    """The notebook itself went wrong in the browser (a cell error, a missing output)."""


# Reads what JupyterLab holds for the notebook at `path`: the kernel's state, the status bar,
# and per code cell the prompt the user sees and the outputs in the model (errors in full).
NOTEBOOK_STATE_JS = """
(path) => {
  const app = window.jupyterapp;
  if (!app) return null;
  let panel = null;
  for (const w of app.shell.widgets('main')) {
    if (w.context && w.context.path === path && w.content) { panel = w; break; }
  }
  if (!panel) return null;
  const session = panel.sessionContext && panel.sessionContext.session;
  const status = document.querySelector('#jp-main-statusbar');
  const cells = [];
  panel.content.widgets.forEach((cell, index) => {
    if (cell.model.type !== 'code') return;
    const prompt = cell.node.querySelector('.jp-InputArea-prompt');
    const outputs = [];
    for (let j = 0; j < cell.model.outputs.length; j++) {
      const o = cell.model.outputs.get(j).toJSON();
      outputs.push({type: o.output_type, mimes: Object.keys(o.data || {}), name: o.name || null,
                    text: o.output_type === 'error' ? (o.ename + ': ' + o.evalue)
                          : (o.output_type === 'stream' ? String(o.text).slice(0, 4000) : null)});
    }
    cells.push({index, prompt: prompt ? prompt.textContent.trim() : '',
                source: cell.model.sharedModel.getSource(), outputs});
  });
  return {panel: panel.id, kernel: session && session.kernel ? session.kernel.status : null,
          statusbar: status ? status.innerText : '', cells};
}
"""

EXECUTED = re.compile(r"^\[\d+\]:$")
# A stack trace in a stream: Java's "\tat pkg.Class.method(" frames or Python's header.
TRACEBACK = re.compile(r"^\s+at [\w$.]+\(|Traceback \(most recent call last\)|Exception in thread", re.M)


class NotebookDriver:
    """Drives one notebook in JupyterLab the way a person would: open, run all, edit, rerun."""

    def __init__(self, page, lab: JupyterLab, path: str, display_name: str = "Java (forklab)"):
        self.page, self.lab, self.path, self.display_name = page, lab, path, display_name

    def state(self) -> dict | None:
        return self.page.evaluate(NOTEBOOK_STATE_JS, self.path)

    def open(self, timeout: float = 120) -> None:
        self.page.goto(self.lab.url(f"lab/tree/{self.path}"))
        # The toolbar's indicator reads idle before any kernel exists; the status bar names the
        # kernel only once it is connected, so wait for "<kernel> | Idle" there.
        state = self.wait(lambda s: s["kernel"] == "idle" and f"{self.display_name} | Idle" in s["statusbar"],
                          timeout, "the kernel to start and go idle")
        self.panel = self.page.locator(f"#{state['panel']}")

    def activate(self) -> None:
        """Brings the notebook to the front and focuses it, so commands act on it."""
        self.page.evaluate("(id) => window.jupyterapp.shell.activateById(id)", self.panel_id)
        self.panel.locator(".jp-Notebook").click(position={"x": 5, "y": 5})

    @property
    def panel_id(self) -> str:
        return self.panel.get_attribute("id")

    def wait(self, ready, timeout: float, what: str) -> dict:
        deadline = time.monotonic() + timeout
        while True:
            state = self.state()
            if state is not None:
                self.raise_on_error(state)
                if ready(state):
                    return state
            if time.monotonic() > deadline:
                raise LessonFault(f"{self.path}: timed out after {timeout:.0f} s waiting for {what}")
            time.sleep(0.5)

    def raise_on_error(self, state: dict) -> None:
        for cell in state["cells"]:
            for out in cell["outputs"]:
                if out["type"] == "error":
                    raise LessonFault(f"{self.path}: cell {cell['index'] + 1} failed: "
                                      f"{first_line(out['text'])}")
                if out["type"] == "stream" and out["name"] == "stderr" and TRACEBACK.search(out["text"] or ""):
                    raise LessonFault(f"{self.path}: cell {cell['index'] + 1} printed a stack trace: "
                                      f"{first_line(out['text'])}")

    def clear_outputs(self) -> None:
        """Saved outputs and counts would look like a finished run: start from blank prompts."""
        self.activate()
        self.page.evaluate("() => window.jupyterapp.commands.execute('notebook:clear-all-cell-outputs')")
        self.wait(lambda s: all(not c["outputs"] and not EXECUTED.match(c["prompt"]) for c in s["cells"]),
                  10, "the outputs to clear")

    def run_all(self, timeout: float) -> dict:
        self.activate()
        self.page.evaluate("() => window.jupyterapp.commands.execute('runmenu:run-all')")
        return self.wait(lambda s: s["kernel"] == "idle" and f"{self.display_name} | Idle" in s["statusbar"]
                         and all(EXECUTED.match(c["prompt"]) for c in s["cells"]),
                         timeout, "every code cell to run")

    def images(self, cell_index: int | None = None) -> list[dict]:
        """The charts on the page: images in outputs. A PNG or SVG output is an <img> inside the
        output node that carries the mime type; a chart inside an HTML output is an <img> too."""
        scope = self.cell(cell_index) if cell_index is not None else self.panel
        return scope.locator('.jp-OutputArea-output img').evaluate_all(
            "imgs => imgs.map(i => ({src: i.src, width: i.naturalWidth, complete: i.complete}))")

    def tables(self) -> list[str]:
        return self.panel.locator('.jp-OutputArea-output[data-mime-type="text/html"] table').all_inner_texts()

    def cell(self, index: int):
        return self.panel.locator(".jp-Notebook .jp-Cell").nth(index)

    def replace_source(self, index: int, source: str) -> None:
        """Types into the cell's editor as a person would: click, select all, type."""
        editor = self.cell(index).locator(".cm-content")
        editor.click()
        self.page.keyboard.press("ControlOrMeta+a")
        self.page.keyboard.insert_text(source)
        now = self.wait(lambda s: True, 10, "the edit")
        got = next(c["source"] for c in now["cells"] if c["index"] == index)
        if got != source:
            raise LessonFault(f"{self.path}: the edit of cell {index + 1} did not take: {first_line(got)}")

    def run_cell(self, index: int, timeout: float) -> dict:
        before = next(c["prompt"] for c in self.state()["cells"] if c["index"] == index)
        self.cell(index).locator(".cm-content").click()
        self.page.keyboard.press("Control+Enter")  # run in place, like the toolbar button
        return self.wait(lambda s: s["kernel"] == "idle" and any(
            c["index"] == index and EXECUTED.match(c["prompt"]) and c["prompt"] != before
            for c in s["cells"]), timeout, f"cell {index + 1} to run again")

    def chart_shots(self, prefix: str) -> list[Path]:
        """One screenshot per chart on the page, as the page shows it at its width: what a
        student sees of every chart, saved for a person to look at."""
        ARTIFACTS.mkdir(exist_ok=True)
        paths = []
        charts = self.panel.locator(".jp-OutputArea-output img")
        for n in range(charts.count()):
            chart = charts.nth(n)
            chart.scroll_into_view_if_needed()
            path = ARTIFACTS / f"{prefix}-chart-{n + 1:02d}.png"
            chart.screenshot(path=str(path))
            paths.append(path)
        return paths

    def cut_code_lines(self) -> list[str]:
        """The first line of every code cell whose editor scrolls sideways: text cut at the
        notebook's width instead of wrapped."""
        return self.panel.locator(".jp-CodeCell .cm-scroller").evaluate_all(
            "els => els.filter(e => e.scrollWidth > e.clientWidth + 1)"
            ".map(e => (e.querySelector('.cm-line') || e).textContent.slice(0, 80))")

    def screenshot(self, name: str, near_cell: int | None = None) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        if near_cell is not None:
            charts = self.cell(near_cell).locator(".jp-OutputArea-output img")
            target = charts.last if charts.count() else self.cell(near_cell)
            target.scroll_into_view_if_needed()
        path = ARTIFACTS / name
        self.page.screenshot(path=str(path))
        return path


def check(condition, message: str) -> None:
    """An assertion about the page that fails in one line."""
    if not condition:
        raise LessonFault(message)


def first_line(text: str | None) -> str:
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    return lines[0][:300] if lines else "(no message)"
