"""Helpers for executing the lessons with a real Jupyter client (nbclient).

The kernel the lessons run on: FORKLAB_KERNEL_NAME when set (a kernelspec already on
JUPYTER_PATH); otherwise the one conftest.py installed for the newest JDK found (that JDK has
virtual threads, so every row of the lessons is measured), or for FORKLAB_LESSONS_JDK
(e.g. jdk17) when set.
"""
from __future__ import annotations

import os
import pathlib

import nbformat

ROOT = pathlib.Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"
# Cell tags, and the outputs a cell so tagged must show after it ran.
EXPECTED_OUTPUTS = {
    "experiment": ("image/png", "text/html"),   # a measurement: its chart and its statistics table
    "table": ("text/html",),                    # an observation or a table filled from results
}


def lesson_paths() -> list[pathlib.Path]:
    return sorted(p for p in NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))


def read_lesson(path: pathlib.Path):
    return nbformat.read(path, as_version=4)


def expected_outputs(cell) -> set[str]:
    """The MIME types a code cell must show, from its tags (empty for untagged cells)."""
    if cell.cell_type != "code":
        return set()
    return {mime for tag in cell.metadata.get("tags", []) for mime in EXPECTED_OUTPUTS.get(tag, ())}


def is_experiment(cell) -> bool:
    return cell.cell_type == "code" and "experiment" in cell.metadata.get("tags", [])


def lesson_kernel_name(installed_jdks, kernel_name) -> str:
    """installed_jdks and kernel_name come from conftest (JDKS, kernel_name)."""
    named = os.environ.get("FORKLAB_KERNEL_NAME")
    if named:
        return named
    wanted = os.environ.get("FORKLAB_LESSONS_JDK")
    if wanted:
        if wanted not in installed_jdks:
            raise RuntimeError(f"FORKLAB_LESSONS_JDK={wanted} is not among the installed JDKs {sorted(installed_jdks)}")
        return kernel_name(wanted)
    if not installed_jdks:
        raise RuntimeError("no JDK was installed as a kernel (conftest.JDKS is empty)")
    newest = max(installed_jdks, key=lambda name: int("".join(ch for ch in name if ch.isdigit()) or 0))
    return kernel_name(newest)


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
