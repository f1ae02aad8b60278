"""Binder: what repo2docker reads from binder/, and postBuild run for real.

repo2docker's Docker build cannot run here, so postBuild runs the way repo2docker runs it: in a
clean environment (a fresh venv standing in for the conda environment, with a conda-style
bin/java link, JAVA_HOME unset) on a copy of the repository; then a notebook executes with the
kernel it installed."""
from __future__ import annotations

import json
import os
import re
import shutil
import stat
import subprocess
import tempfile
from pathlib import Path

import pytest
import yaml

from browser_support import FIXTURES, KERNEL_NAME, ROOT, jdks, kernel_jar

BINDER = ROOT / "binder"
START_LESSON = "notebooks/00-start.ipynb"
HEAP_CAP = "-Xmx512m"


def conda_pins() -> dict[str, str]:
    """name -> version spec of each conda dependency in binder/environment.yml."""
    env = yaml.safe_load((BINDER / "environment.yml").read_text())
    assert isinstance(env, dict), "environment.yml must be a mapping"
    pins = {}
    for dep in env.get("dependencies", []):
        if isinstance(dep, str):
            name, _, version = re.match(r"([A-Za-z0-9_.-]+)\s*(=*)\s*(.*)", dep).groups()
            pins[name] = version
    return pins


def requirement_pins() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "requirements.txt").read_text().splitlines():
        if "==" in line and not line.startswith("#"):
            name, version = line.split("==")
            pins[name.strip().lower()] = version.strip()
    return pins


def test_environment_uses_conda_forge_and_no_dockerfile():
    env = yaml.safe_load((BINDER / "environment.yml").read_text())
    # micromamba (repo2docker's installer) would look "nodefaults" up as a channel and fail.
    assert env["channels"] == ["conda-forge"]
    # A Dockerfile in binder/ would make repo2docker ignore environment.yml and postBuild.
    assert not (BINDER / "Dockerfile").exists()


def test_environment_pins_a_jdk_21_or_later_maven_and_jupyterlab_4():
    pins = conda_pins()
    assert {"openjdk", "maven", "jupyterlab", "python"} <= pins.keys(), pins
    jdk_major = re.match(r"(\d+)", pins["openjdk"])
    assert jdk_major and int(jdk_major.group(1)) >= 21, f"openjdk pin {pins['openjdk']!r}"
    assert re.match(r"3\.\d", pins["maven"]), f"maven pin {pins['maven']!r}"
    # Same JupyterLab minor version as the pinned one the tests run against.
    lab_minor = ".".join(requirement_pins()["jupyterlab"].split(".")[:2])
    assert lab_minor.startswith("4.")
    assert pins["jupyterlab"] in (f"{lab_minor}.*", lab_minor), f"jupyterlab pin {pins['jupyterlab']!r}"


def test_apt_brings_fonts_for_headless_charts():
    packages = (BINDER / "apt.txt").read_text().split()
    assert {"fontconfig", "fonts-dejavu-core"} <= set(packages)


def test_postbuild_is_executable_and_stops_at_the_first_failure():
    post = BINDER / "postBuild"
    assert post.stat().st_mode & stat.S_IXUSR, "postBuild must be executable"
    lines = [l.strip() for l in post.read_text().splitlines() if l.strip() and not l.startswith("#")]
    assert lines[0] == "set -euo pipefail", "set -euo pipefail must come before any command"
    subprocess.run(["bash", "-n", str(post)], check=True)


def fake_tools(bin_dir: Path, mvn_exit: int) -> dict:
    """A PATH with a JDK's java and python, and a mvn that only exits with mvn_exit."""
    bin_dir.mkdir()
    (bin_dir / "java").symlink_to(binder_jdk() / "bin/java")
    (bin_dir / "python").symlink_to(shutil.which("python3"))
    (bin_dir / "mvn").write_text(f"#!/bin/sh\necho 'BUILD FAILURE (fake mvn)' >&2\nexit {mvn_exit}\n")
    (bin_dir / "mvn").chmod(0o755)
    return {"PATH": f"{bin_dir}:/usr/bin:/bin", "HOME": str(bin_dir)}


def test_postbuild_without_a_jdk_stops_in_one_line(tmp_path):
    done = subprocess.run(["/bin/bash", str(BINDER / "postBuild")], capture_output=True, text=True,
                          env={"PATH": str(tmp_path)}, timeout=60)
    assert done.returncode != 0
    assert done.stderr.strip() == "postBuild: no java on PATH; environment.yml must install openjdk"


def test_postbuild_stops_when_the_build_fails(tmp_path):
    """set -e at work: a failed mvn ends postBuild before any install, with a failing status."""
    done = subprocess.run(["/bin/bash", str(BINDER / "postBuild")], capture_output=True, text=True,
                          env=fake_tools(tmp_path / "bin", mvn_exit=3), timeout=60)
    assert done.returncode == 3, done.stdout + done.stderr
    assert "BUILD FAILURE (fake mvn)" in done.stderr
    assert "installing" not in done.stdout


def test_jupyterlab_opens_the_start_lesson():
    config = json.loads((BINDER / "jupyter_server_config.json").read_text())
    assert config["ServerApp"]["default_url"] == f"/lab/tree/{START_LESSON}"
    assert config["MappingKernelManager"]["default_kernel_name"] == KERNEL_NAME
    badge = (ROOT / "README.md").read_text()
    assert f"urlpath=lab/tree/{START_LESSON}" in badge
    assert (ROOT / START_LESSON).is_file(), f"{START_LESSON} is missing"


# ---- postBuild for real ----------------------------------------------------------------------

def repo_copy(dest: Path) -> Path:
    """What repo2docker copies into the image: the working tree without build output."""
    ignore = shutil.ignore_patterns(".git", ".venv", "target", "_site", "test-artifacts",
                                    "__pycache__", ".pytest_cache", "build")
    shutil.copytree(ROOT, dest, ignore=ignore, symlinks=True)
    return dest


def binder_jdk() -> Path:
    """The JDK that stands in for conda-forge's openjdk: 21 or later if here, else the oldest."""
    found = jdks()
    if not found:
        pytest.fail("no JDK 17 or later for postBuild", pytrace=False)
    recent = [home for version, home in found if version >= 21]
    return recent[0] if recent else found[0][1]


WHEELHOUSE = ROOT / "build/wheelhouse"


def install_pinned(pip: Path, wanted: list[str]) -> None:
    """Installs from a project-local wheelhouse (the registry here sends pages pip will not
    cache), filling it from the registry only when a wheel is missing: seconds after the first run."""
    quiet = ["-q", "--disable-pip-version-check"]
    offline = [str(pip), "install", *quiet, "--no-index", "--find-links", str(WHEELHOUSE), *wanted]
    if subprocess.run(offline, capture_output=True, timeout=600).returncode == 0:
        return
    fill = subprocess.run([str(pip), "wheel", *quiet, "-w", str(WHEELHOUSE), *wanted],
                          capture_output=True, text=True, timeout=900)
    done = subprocess.run(offline, capture_output=True, text=True, timeout=600)
    if fill.returncode != 0 or done.returncode != 0:
        why = (fill.stderr + done.stderr).strip().splitlines()[-1:] or ["?"]
        pytest.fail(f"pip could not install {' '.join(wanted)}: {why[0]}", pytrace=False)


@pytest.fixture(scope="module")
def clean_env(tmp_path_factory):
    """A fresh venv with the pinned Jupyter host, laid out like repo2docker's conda environment:
    bin/java links to lib/jvm/bin/java as conda-forge's openjdk does."""
    base = tmp_path_factory.mktemp("binder")
    prefix = base / "notebook-env"
    subprocess.run([shutil.which("python3") or "python3", "-m", "venv", str(prefix)], check=True)
    pins = requirement_pins()
    wanted = [f"{name}=={pins[name]}" for name in ("jupyterlab", "jupyter_client", "nbclient")]
    install_pinned(prefix / "bin/pip", wanted)
    (prefix / "lib/jvm").symlink_to(binder_jdk())
    for tool in ("java", "javac"):
        (prefix / "bin" / tool).symlink_to(Path("../lib/jvm/bin") / tool)
    user_data = base / "user-data"
    user_data.mkdir()
    path = os.pathsep.join([str(prefix / "bin"), "/usr/local/bin", "/usr/bin", "/bin"])
    env = {k: v for k, v in os.environ.items()
           if k not in ("JAVA_HOME", "VIRTUAL_ENV", "JUPYTER_PATH", "JUPYTER_CONFIG_DIR",
                        "PYTHONPATH", "CONDA_PREFIX")}
    # repo2docker's variables; the user data dir is empty so only --sys-prefix can make a spec.
    env.update(PATH=path, NB_PYTHON_PREFIX=str(prefix), KERNEL_PYTHON_PREFIX=str(prefix),
               CONDA_PREFIX=str(prefix), JUPYTER_DATA_DIR=str(user_data),
               JUPYTER_CONFIG_DIR=str(base / "user-config"))
    return {"base": base, "prefix": prefix, "env": env, "user_data": user_data}


@pytest.fixture(scope="module")
def post_built(clean_env):
    repo = repo_copy(clean_env["base"] / "repo")
    done = subprocess.run([str(repo / "binder/postBuild")], cwd=repo, env=clean_env["env"],
                          capture_output=True, text=True, timeout=900)
    if done.returncode != 0:
        tail = "\n".join((done.stdout + done.stderr).strip().splitlines()[-15:])
        pytest.fail(f"postBuild failed (exit {done.returncode}):\n{tail}", pytrace=False)
    return dict(clean_env, repo=repo, log=done.stdout + done.stderr)


def test_postbuild_installs_the_kernel_into_the_environment(post_built):
    prefix = post_built["prefix"]
    spec_dir = prefix / "share/jupyter/kernels" / KERNEL_NAME
    spec = json.loads((spec_dir / "kernel.json").read_text())
    assert spec["language"] == "java"
    assert spec["display_name"] == "Java (forklab)"
    argv = spec["argv"]
    assert Path(argv[0]).resolve() == (binder_jdk() / "bin/java").resolve(), argv[0]
    assert HEAP_CAP in argv and "-XX:MaxMetaspaceSize=256m" in argv, argv
    assert "{connection_file}" in argv
    # Nothing went to the per-user place: the spec is the environment's own.
    assert not any(post_built["user_data"].rglob("kernel.json"))
    listed = subprocess.run([str(prefix / "bin/jupyter"), "kernelspec", "list", "--json"],
                            env=post_built["env"], capture_output=True, text=True, check=True)
    found = json.loads(listed.stdout)["kernelspecs"][KERNEL_NAME]
    assert Path(found["resource_dir"]).resolve() == spec_dir.resolve()


def test_postbuild_makes_jupyterlab_open_at_the_start_lesson(post_built):
    shown = subprocess.run([str(post_built["prefix"] / "bin/jupyter"), "server", "--show-config"],
                           env=post_built["env"], capture_output=True, text=True, timeout=120)
    assert f"default_url = '/lab/tree/{START_LESSON}'" in shown.stdout, shown.stdout[-2000:]
    assert f"default_kernel_name = '{KERNEL_NAME}'" in shown.stdout



def test_postbuild_makes_code_cells_wrap_long_magic_lines(post_built):
    overrides = post_built["prefix"] / "share/jupyter/lab/settings/overrides.json"
    settings = json.loads(overrides.read_text())
    assert settings["@jupyterlab/notebook-extension:tracker"]["codeCellConfig"]["lineWrap"] is True


EXECUTE = r"""
import json, sys, nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
path = sys.argv[1]
nb = nbformat.read(path, as_version=4)
client = NotebookClient(nb, kernel_name=sys.argv[2], timeout=300,
                        resources={"metadata": {"path": str(__import__("pathlib").Path(path).parent)}})
try:
    client.execute()
except CellExecutionError as e:
    # The failing cell's own error output says what went wrong (a reply's traceback may be empty).
    why = f"{e.ename}: {e.evalue}"
    for n, cell in enumerate(nb.cells, 1):
        for o in cell.get("outputs", []):
            if o.output_type == "error":
                why = f"cell {n}: " + next((l for l in o.traceback if l.strip()), why).strip()
    print(why, file=sys.stderr)
    sys.exit(1)
kinds = [m for c in nb.cells if c.cell_type == "code" for o in c.outputs
         for m in ([o.output_type] + list(o.get("data", {})))]
print(json.dumps(kinds))
"""


def test_a_notebook_runs_with_the_kernel_postbuild_installed(post_built):
    repo = post_built["repo"]
    lesson = repo / START_LESSON
    notebook = lesson if lesson.is_file() else repo / "tests/python/fixtures/smoke.ipynb"
    python = post_built["prefix"] / "bin/python"
    done = subprocess.run([str(python), "-c", EXECUTE, str(notebook), KERNEL_NAME],
                          env=post_built["env"], capture_output=True, text=True, timeout=600)
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["(no output)"])[-1]
        pytest.fail(f"{notebook.name} did not run with the postBuild kernel: {last}", pytrace=False)
    kinds = json.loads(done.stdout)
    assert "error" not in kinds
    assert "image/png" in kinds, f"no chart among the outputs of {notebook.name}: {set(kinds)}"


# ---- the installer's refusal ----------------------------------------------------------------

def test_installer_refuses_an_unwritable_prefix():
    """A prefix the user may not write to (root ignores permission bits, so the installer runs as
    nobody when the tests run as root): one clear line, no stack trace, nothing written."""
    java = str(binder_jdk() / "bin/java")
    with tempfile.TemporaryDirectory(prefix="forklab-ro-") as scratch:
        scratch = Path(scratch)
        scratch.chmod(0o755)
        jar = scratch / "forklab-kernel.jar"
        shutil.copy(kernel_jar(), jar)
        jar.chmod(0o644)
        prefix = scratch / "prefix"
        (prefix / "share").mkdir(parents=True)
        for d in (prefix, prefix / "share"):
            d.chmod(0o555)
        command = [java, "-jar", str(jar), "install", "--prefix", str(prefix), "--name", KERNEL_NAME]
        if os.geteuid() == 0:
            command = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", *command]
        done = subprocess.run(command, capture_output=True, text=True, timeout=120,
                              env=dict(os.environ, HOME=str(scratch)))
        said = (done.stderr + done.stdout).strip()
        assert done.returncode != 0, f"the installer accepted an unwritable prefix: {said}"
        assert str(prefix) in said, said
        assert re.search(r"writ|permission|denied", said, re.I), said
        assert "Exception" not in said and "\tat " not in said, said
        assert len(said.splitlines()) <= 2, said
        assert not (prefix / "share/jupyter").exists()
