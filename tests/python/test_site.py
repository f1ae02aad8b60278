"""scripts/site.sh: lessons executed into static HTML pages with their charts inside, and no page
for a lesson whose cell fails."""
from __future__ import annotations

import base64
import os
import re
import subprocess
import sys

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
