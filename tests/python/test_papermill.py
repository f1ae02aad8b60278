"""papermill runs forklab's lessons with chosen parameters, through its own command line.

The Java translator comes from python/papermill_forklab (installed by scripts/common.sh); nothing
in these tests registers it. Two lessons run with -p values, a list among them, and their
outputs show those values; a wrong type or an unknown name is refused in one line before any
kernel starts. Run times are printed, never asserted.
"""
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest

import lessons_support as ls
from conftest import JDKS, kernel_name

PAPERMILL = [sys.executable, "-m", "papermill"]
# A hung cell is a failure, not a slow machine: a safety net only.
TIMEOUT_S = 1200


@pytest.fixture(scope="module")
def kernel():
    try:
        return ls.lesson_kernel_name(JDKS, kernel_name)
    except RuntimeError as e:
        pytest.fail(str(e), pytrace=False)


def papermill(lesson, out, *args, cwd, kernel=None):
    command = PAPERMILL + [str(ls.NOTEBOOKS / lesson), str(out), "--cwd", str(cwd), "--no-progress-bar"]
    if kernel:
        command += ["-k", kernel]
    started = time.monotonic()
    done = subprocess.run(command + list(args), capture_output=True, text=True, timeout=TIMEOUT_S,
                          env=dict(os.environ, PYTHONWARNINGS="ignore"))
    print(f"\npapermill {lesson} {' '.join(args)}: exit {done.returncode} after {time.monotonic() - started:.1f} s")
    return done


def cell(nb, cell_id):
    return next(c for c in nb.cells if c.get("id") == cell_id)


def text_of(c):
    return "".join(o.get("text", "") + o.get("data", {}).get("text/plain", "") for o in c.outputs)


def table_counts(c):
    """The n column of a statistics table: the number after each condition name."""
    return {int(n) for n in re.findall(r"^\S.*?\s{2,}(\d+)\s{2,}\S", text_of(c), re.M)}


def injected(nb):
    cells = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert len(cells) == 1, "papermill injected no parameters cell"
    position = nb.cells.index(cells[0])
    assert "parameters" in nb.cells[position - 1].metadata.get("tags", []), "not right after the parameters cell"
    return cells[0].source


def test_every_lesson_has_a_parameters_cell_that_its_magics_read():
    for path in ls.lesson_paths():
        nb = ls.read_lesson(path)
        params = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
        assert len(params) == 1, f"{path.name}: {len(params)} cells tagged parameters"
        names = re.findall(r"^\s*[\w<>]+\s+(\w+)\s*=", params[0].source, re.M)
        used = {n for c in nb.cells if c.cell_type == "code" for n in re.findall(r"\$\{(\w+)}", c.source)}
        assert names and set(names) <= used, f"{path.name}: parameters {names}, read by the magics: {sorted(used)}"


def test_lesson_04_with_a_sample_count_and_a_list(kernel, tmp_path):
    out = tmp_path / "04-out.ipynb"
    done = papermill("04-cost.ipynb", out, "-p", "samples", "12", "-p", "forkMemory", "0,64m", "-p", "runs", "1",
                     cwd=tmp_path, kernel=kernel)
    assert done.returncode == 0, done.stderr[-3000:]
    nb = nbformat.read(out, as_version=4)
    assert injected(nb).splitlines()[1:] == ['int samples = 12;', 'List<String> forkMemory = List.of("0", "64m");',
                                            'int runs = 1;']
    assert table_counts(cell(nb, "l04-01")) == {12}, text_of(cell(nb, "l04-01"))[:800]
    assert table_counts(cell(nb, "l04-07")) == {12}, text_of(cell(nb, "l04-07"))[:800]
    memory = text_of(cell(nb, "l04-03"))
    assert "64" in memory and "1 GiB" not in memory and "1g" not in memory, memory[:800]
    assert not [e for c in nb.cells if c.cell_type == "code" for e in ls.error_outputs(c)]


def test_lesson_00_saves_into_the_folder_the_teacher_names(kernel, tmp_path):
    out = tmp_path / "00-out.ipynb"
    shared = tmp_path / "class-results" / "ada"
    done = papermill("00-start.ipynb", out, "-p", "samples", "25", "-r", "results", str(shared),
                     cwd=tmp_path, kernel=kernel)
    assert done.returncode == 0, done.stderr[-3000:]
    nb = nbformat.read(out, as_version=4)
    assert f'String results = "{shared}";' in injected(nb)
    assert table_counts(cell(nb, "l00-12")) == {25}
    assert sorted(p.name for p in shared.iterdir()) == ["start-thread-a.csv", "start-thread-a.json",
                                                        "start-thread-b.csv", "start-thread-b.json"]
    assert not (tmp_path / "results").exists(), "the lesson's default folder was used instead"


@pytest.mark.parametrize("args, wanted", [
    (("-p", "samples", "abc"), "-p samples 'abc': samples is declared int in the parameters cell, which takes a whole number"),
    (("-p", "samples", "2.5"), "-p samples 2.5: samples is declared int"),
    (("-p", "sampels", "30"), "declares no sampels (it declares samples); did you mean samples?"),
])
def test_a_wrong_type_or_unknown_name_is_one_line(args, wanted, tmp_path):
    out = tmp_path / "never.ipynb"
    done = papermill("01-two-abstractions.ipynb", out, *args, cwd=tmp_path)
    assert done.returncode != 0
    errors = [line for line in done.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and wanted in errors[0], done.stderr
    assert "Traceback" not in done.stderr and not out.exists()


def test_a_list_of_the_wrong_kind_is_one_line(tmp_path):
    done = papermill("07-scale.ipynb", tmp_path / "never.ipynb", "-p", "threads", "[10, many]", cwd=tmp_path)
    errors = [line for line in done.stderr.splitlines() if line.startswith("Error:")]
    assert done.returncode != 0 and len(errors) == 1, done.stderr
    assert "threads is declared List<Integer>" in errors[0] and "a list of Integer values" in errors[0]
