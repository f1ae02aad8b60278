"""Helpers for executing the lessons with a real Jupyter client (nbclient).

The kernels the lessons run on: see lesson_kernel_names (JDK 17 and the newest JDK found, whose
virtual threads let every row of the lessons be measured).
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


def lesson_kernel_names(installed_jdks, kernel_name) -> list[str]:
    """The kernels every lesson runs on: the oldest JDK (17, the project's floor) and the newest
    (the one scripts/lab.sh and site.sh use, with virtual threads). FORKLAB_KERNEL_NAME names one
    kernelspec already on JUPYTER_PATH instead; FORKLAB_LESSONS_JDK=jdk17[,jdk25] picks some.
    installed_jdks (oldest first) and kernel_name come from conftest (JDKS, kernel_name)."""
    named = os.environ.get("FORKLAB_KERNEL_NAME")
    if named:
        return [named]
    wanted = os.environ.get("FORKLAB_LESSONS_JDK")
    if wanted:
        missing = [w for w in wanted.split(",") if w not in installed_jdks]
        if missing:
            raise RuntimeError(f"FORKLAB_LESSONS_JDK names {missing}, not among the installed JDKs {sorted(installed_jdks)}")
        return [kernel_name(w) for w in wanted.split(",")]
    if not installed_jdks:
        raise RuntimeError("no JDK was installed as a kernel (conftest.JDKS is empty)")
    names = list(installed_jdks)
    return [kernel_name(j) for j in dict.fromkeys([names[0], names[-1]])]


def result_displays(cell) -> list[dict]:
    """The experiment results a code cell displayed (the magics' forklab-result bundles)."""
    return [o for o in cell.get("outputs", []) if "forklab-result" in _joined(o.get("data", {}).get("text/html", ""))]


def has_reading(output) -> bool:
    """A result display opens with a reading computed from its run: the HTML paragraph
    forklab-reading, or a text line starting 'Reading: '."""
    data = output.get("data", {})
    if 'class="forklab-reading"' in _joined(data.get("text/html", "")):
        return True
    return any(line.startswith("Reading: ") for line in _joined(data.get("text/plain", "")).splitlines())


def all_text(cell) -> str:
    """Everything a cell showed, as text: streams, and every display's HTML and plain text."""
    parts = []
    for o in cell.get("outputs", []):
        parts.append(_joined(o.get("text", "")))
        data = o.get("data", {})
        parts.append(_joined(data.get("text/html", "")))
        parts.append(_joined(data.get("text/plain", "")))
    return "\n".join(parts)


def _joined(value) -> str:
    return "".join(value) if isinstance(value, list) else value


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
