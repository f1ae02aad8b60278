"""Every lesson executed top to bottom by a real Jupyter client, and kept clean in git.

Structure is asserted (no cell errors; each cell tagged experiment shows a chart and a table,
each cell tagged table shows a table; the exercises are there); run times are printed, never asserted.
"""
import time

import nbformat
import pytest
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

import lessons_support as ls
from conftest import JDKS, kernel_name

LESSONS = ls.lesson_paths()
CELL_TIMEOUT_S = 300          # a safety net against a hung cell, not a performance target


def test_the_lessons_are_all_there():
    names = [p.name[:2] for p in LESSONS]
    assert names == [f"{i:02d}" for i in range(10)], f"expected lessons 00..09, found {names}"


@pytest.mark.parametrize("path", LESSONS, ids=[p.stem for p in LESSONS])
def test_lesson_is_stored_without_outputs(path):
    nb = ls.read_lesson(path)
    dirty = [i for i, c in enumerate(nb.cells)
             if c.cell_type == "code" and (c.get("outputs") or c.get("execution_count") is not None)]
    assert not dirty, (f"{path.name}: cells {dirty} hold outputs or execution counts; "
                       "run: python scripts/strip_outputs.py notebooks")


@pytest.mark.parametrize("path", LESSONS, ids=[p.stem for p in LESSONS])
def test_lesson_is_well_formed(path):
    nb = ls.read_lesson(path)
    nbformat.validate(nb)
    assert nb.metadata.kernelspec.name == "forklab", f"{path.name} must open with the forklab kernel"
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    assert "## Try this" in text, f"{path.name} has no 'Try this' exercises"
    assert any(ls.expected_outputs(c) for c in nb.cells), f"{path.name} has no experiment or table cell"


def _kernels():
    try:
        return ls.lesson_kernel_names(JDKS, kernel_name)
    except RuntimeError as e:
        return [pytest.param(None, marks=pytest.mark.skip(reason=str(e)))]


# The report lesson, run with its defaults on a fresh kernel, must measure every claim it lists.
REPORT = "09-report"


@pytest.mark.parametrize("kernel", _kernels())
@pytest.mark.parametrize("path", LESSONS, ids=[p.stem for p in LESSONS])
def test_lesson_runs_top_to_bottom(path, kernel, tmp_path):
    # Run in a scratch folder: --save writes results/ next to the notebook.
    nb = ls.read_lesson(path)
    client = NotebookClient(nb, kernel_name=kernel, timeout=CELL_TIMEOUT_S,
                            startup_timeout=120, resources={"metadata": {"path": str(tmp_path)}})
    started = time.monotonic()
    failure = None
    try:
        client.execute()
    except CellExecutionError as e:
        failure = e
    elapsed = time.monotonic() - started
    if failure is not None:
        cell = next((c for c in nb.cells if ls.error_outputs(c)), None)
        where = f"cell starting {ls.first_line(cell)!r}" if cell is not None else "a cell"
        pytest.fail(f"{path.name} on {kernel}: {where} failed after {elapsed:.1f} s: {failure.ename}: {failure.evalue}",
                    pytrace=False)
    print(f"\n{path.name}: ran in {elapsed:.1f} s on kernel {kernel}")

    problems = []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        where = f"cell {i} ({ls.first_line(cell)})"
        for err in ls.error_outputs(cell):
            problems.append(f"{where}: error output {err}")
        kinds = ls.mime_types(cell)
        for wanted in sorted(ls.expected_outputs(cell) - kinds):
            problems.append(f"{where}: no {wanted} output, got {sorted(kinds)}")
        if ls.is_experiment(cell):
            results = ls.result_displays(cell)
            if not results:
                problems.append(f"{where}: an experiment cell that displayed no result")
            for n, shown in enumerate(results, 1):
                if not ls.has_reading(shown):
                    problems.append(f"{where}: result {n} of {len(results)} opens with no reading "
                                    "(forklab-reading paragraph or 'Reading: ' line)")
        if path.stem == REPORT and cell.source.lstrip().startswith("%claims"):
            open_rows = [line.strip() for line in ls.all_text(cell).splitlines() if "not measured" in line.lower()]
            if open_rows:
                problems.append(f"{where}: claims left unmeasured by the report's own cells: {open_rows[:3]}")
    assert not problems, f"{path.name} on {kernel}:\n" + "\n".join(problems)
