"""Helpers for executing the lessons with a real Jupyter client (nbclient).

The kernel under test is chosen, in order, by:
  FORKLAB_KERNEL_NAME  an already installed kernelspec (JUPYTER_PATH is used as it stands);
  FORKLAB_KERNEL_JAR   the kernel jar (scripts/test.sh sets it), installed here into a
                       private prefix under a test-only name, with the first JDK of
                       FORKLAB_JDKS (or the java on PATH) as the kernel's java;
  kernel/target/forklab-kernel.jar  the same, when neither variable is set.
"""
from __future__ import annotations

import dataclasses
import os
import pathlib
import shutil
import subprocess

import nbformat

ROOT = pathlib.Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"
EXPERIMENT_TAG = "experiment"
TEST_KERNEL_NAME = "forklab-lessons-test"


@dataclasses.dataclass(frozen=True)
class LessonKernel:
    name: str
    jupyter_path: str | None  # prepended to JUPYTER_PATH while lessons run; None: leave as is


def lesson_paths() -> list[pathlib.Path]:
    return sorted(p for p in NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))


def read_lesson(path: pathlib.Path):
    return nbformat.read(path, as_version=4)


def is_experiment(cell) -> bool:
    return cell.cell_type == "code" and EXPERIMENT_TAG in cell.metadata.get("tags", [])


def _java() -> str:
    jdks = [j for j in os.environ.get("FORKLAB_JDKS", "").split(":") if j]
    if jdks:
        return str(pathlib.Path(jdks[0]) / "bin" / "java")
    found = shutil.which("java")
    if not found:
        raise RuntimeError("no java on PATH and FORKLAB_JDKS is unset: install a JDK 17 or later")
    return found


def install_kernel(prefix: pathlib.Path) -> LessonKernel:
    """Returns the kernel the lessons run on, installing the built jar under prefix if needed."""
    name = os.environ.get("FORKLAB_KERNEL_NAME")
    if name:
        return LessonKernel(name, None)
    jar = pathlib.Path(os.environ.get("FORKLAB_KERNEL_JAR", ROOT / "kernel/target/forklab-kernel.jar"))
    if not jar.is_file():
        raise RuntimeError(f"kernel jar {jar} is missing: build it first (bash scripts/test.sh, "
                           "or mvn -q -DskipTests package), or set FORKLAB_KERNEL_NAME")
    done = subprocess.run(
        [_java(), "-jar", str(jar), "install", "--prefix", str(prefix), "--name", TEST_KERNEL_NAME],
        capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        tail = (done.stdout + done.stderr).strip().splitlines()[-5:]
        raise RuntimeError(f"kernel install into {prefix} failed (exit {done.returncode}): " + " | ".join(tail))
    return LessonKernel(TEST_KERNEL_NAME, str(prefix / "share" / "jupyter"))


def run_environment(kernel: LessonKernel) -> dict[str, str]:
    """Environment variables to set while a lesson runs, so the kernelspec is found."""
    if kernel.jupyter_path is None:
        return {}
    previous = os.environ.get("JUPYTER_PATH")
    return {"JUPYTER_PATH": kernel.jupyter_path + (os.pathsep + previous if previous else "")}


def mime_types(cell) -> set[str]:
    kinds = set()
    for out in cell.get("outputs", []):
        kinds.update(out.get("data", {}).keys())
    return kinds


def error_outputs(cell) -> list[str]:
    return [f"{o.get('ename')}: {o.get('evalue')}" for o in cell.get("outputs", [])
            if o.get("output_type") == "error"]


def first_line(cell) -> str:
    return cell.source.splitlines()[0] if cell.source else ""
