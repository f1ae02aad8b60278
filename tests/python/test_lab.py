"""First use: scripts/lab.sh as root reaches a running JupyterLab (saying so, news pop-up off),
and a lesson saved by the server (what autosave does) lands in the working copy, so the
tracked lessons still pass the stored-without-outputs check.
"""
import json
import os
import secrets
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import nbformat
import pytest

from conftest import REPO, JAR
from test_lessons import test_lesson_is_stored_without_outputs as check_stored_without_outputs

NOTEBOOKS = REPO / "notebooks"


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url, token):
    request = urllib.request.Request(url, headers={"Authorization": f"token {token}"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, json.loads(response.read() or b"null")


def _put(url, token, body):
    request = urllib.request.Request(url, data=json.dumps(body).encode(), method="PUT",
                                     headers={"Authorization": f"token {token}", "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    if os.geteuid() != 0:
        pytest.skip("this test is about running lab.sh as root; run it as root (e.g. in the container)")
    port = _free_port()
    token = secrets.token_hex(16)
    work = tmp_path_factory.mktemp("work")
    env = dict(os.environ, FORKLAB_NO_BUILD="1", FORKLAB_WORK=str(work),
               FORKLAB_KERNEL_PREFIX=str(tmp_path_factory.mktemp("prefix")))
    log = tmp_path_factory.mktemp("log") / "lab.log"
    with open(log, "w") as out:
        proc = subprocess.Popen(["bash", str(REPO / "scripts" / "lab.sh"), "--no-browser", "--port", str(port),
                                 "--ServerApp.token=" + token, "--ServerApp.ip=127.0.0.1"],
                                stdout=out, stderr=subprocess.STDOUT, env=env, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 180
    status = None
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            status, _ = _get(base + "/api/status", token)
            break
        except OSError:
            time.sleep(0.5)
    try:
        assert status == 200, f"no server on {base}; lab.sh said:\n{log.read_text()}"
        yield base, token, work, log
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def test_lab_sh_as_root_reaches_a_running_server_and_says_so(lab):
    base, token, work, log = lab
    assert JAR.is_file()
    assert "running as root (as in a container): JupyterLab is started with --allow-root" in log.read_text()
    assert sorted(p.name for p in work.glob("*.ipynb")) == sorted(p.name for p in NOTEBOOKS.glob("*.ipynb"))


def test_the_news_pop_up_is_off(lab):
    base, token, _, _ = lab
    _, settings = _get(base + "/lab/api/settings/@jupyterlab/apputils-extension:notification", token)
    # overrides.json becomes the schema's defaults; the user has set nothing of their own.
    def value(key):
        return settings["settings"].get(key, settings["schema"]["properties"][key]["default"])
    assert value("fetchNews") == "false"
    assert value("checkForUpdates") is False


def test_autosave_lands_in_the_working_copy_and_the_lessons_stay_clean(lab):
    base, token, work, _ = lab
    tracked = {p.name: p.read_bytes() for p in NOTEBOOKS.glob("*.ipynb")}
    _, model = _get(base + "/api/contents/00-start.ipynb?content=1", token)
    cell = next(c for c in model["content"]["cells"] if c["cell_type"] == "code")
    cell["outputs"] = [{"output_type": "stream", "name": "stdout", "text": "[##########] part 2 of 2\n"}]
    cell["execution_count"] = 1
    assert _put(base + "/api/contents/00-start.ipynb", token,
                {"type": "notebook", "format": "json", "content": model["content"]}) == 200
    saved = nbformat.read(work / "00-start.ipynb", as_version=4)
    assert any(c.get("outputs") for c in saved.cells), "the save reached the working copy"
    assert {p.name: p.read_bytes() for p in NOTEBOOKS.glob("*.ipynb")} == tracked
    # The lessons' own check, called here rather than in a second pytest: a nested run pays the
    # whole conftest set-up again, which on a loaded machine took longer than any sane time-out.
    for path in sorted(NOTEBOOKS.glob("*.ipynb")):
        check_stored_without_outputs(path)
