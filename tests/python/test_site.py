"""scripts/site.sh: lessons executed into static HTML pages with their charts inside, a controls
panel as its static bundle, and no page for a lesson whose cell fails."""
from __future__ import annotations

import base64
import os
import re
import subprocess
import sys

import nbformat

from browser_support import FIXTURES, ROOT, kernel_jar


def site(out, *notebooks):
    env = dict(os.environ, FORKLAB_KERNEL_JAR=str(kernel_jar()), FORKLAB_VENV=sys.prefix)
    return subprocess.run(["bash", str(ROOT / "scripts/site.sh"), "--out", str(out),
                           *map(str, notebooks)], env=env, capture_output=True, text=True, timeout=600)


def test_a_notebook_becomes_a_page_with_its_chart_embedded(tmp_path):
    done = site(tmp_path / "site", FIXTURES / "smoke.ipynb")
    assert done.returncode == 0, done.stderr[-2000:]
    page = (tmp_path / "site/smoke.html").read_text()
    assert "forklab says 42" in page
    pngs = re.findall(r'<img[^>]+src="data:image/png;base64,([A-Za-z0-9+/=\s]+)"', page)
    assert pngs, "no embedded PNG in the page"
    assert base64.b64decode(pngs[0]).startswith(b"\x89PNG\r\n\x1a\n")
    index = (tmp_path / "site/index.html").read_text()
    assert '<a href="smoke.html">Smoke: the forklab kernel prints and draws</a>' in index
    # The lesson ran in a copy: nothing new beside the fixture.
    assert not (FIXTURES / "smoke.html").exists()


def test_a_failing_cell_stops_the_site(tmp_path):
    done = site(tmp_path / "site", FIXTURES / "broken.ipynb")
    assert done.returncode != 0
    last = done.stderr.strip().splitlines()[-1]
    assert last.startswith("forklab: broken: cell 3 failed: "), last
    assert re.search(r"ArrayIndexOutOfBounds|out of bounds", last, re.I), last
    assert last.endswith("; no page was published"), last
    assert not (tmp_path / "site/broken.html").exists()


def test_bad_arguments_get_one_line(tmp_path):
    done = site(tmp_path / "site", "--outdir")
    assert done.returncode != 0
    assert done.stderr.strip() == ("forklab: unknown option --outdir; accepted: --out DIR, "
                                   "then notebooks (see --help)")


def test_a_panel_is_published_as_its_static_bundle_under_the_live_kernel_line(tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "forklab", "display_name": "Java (forklab)", "language": "java"}
    nb.cells = [nbformat.v4.new_markdown_cell("# Panel: a static page"),
                nbformat.v4.new_code_cell("%explore race -v plain -w 2 -N 100000 -t 2 --run")]
    nbformat.write(nb, tmp_path / "panel.ipynb")
    done = site(tmp_path / "site", tmp_path / "panel.ipynb")
    assert done.returncode == 0, done.stderr[-2000:]
    page = (tmp_path / "site/panel.html").read_text()
    # The widget view needs a kernel (or saved widget state, which would draw dead controls): the
    # page shows the cell's static bundle instead, the note first, then the result's chart.
    assert "application/vnd.jupyter.widget-state+json" not in page
    note = page.find("Controls for %race: they need a live kernel (run this cell).")
    assert note >= 0, "the line saying the controls need a live kernel"
    chart = re.search(r'<img[^>]+src="data:image/png;base64,([A-Za-z0-9+/=\s]+)"', page[note:])
    assert chart, "the last result's chart below the note"
    assert base64.b64decode(chart.group(1)).startswith(b"\x89PNG\r\n\x1a\n")
    assert "2 workers" in page[note:], "the result names its parameters"
