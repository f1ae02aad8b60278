#!/usr/bin/env bash
# Publishes the lessons as a static site: executes each lesson with the forklab kernel and writes
# one HTML page per lesson (charts embedded in the page) and an index, to _site/ by default.
# Stops at the first cell that fails (naming it), so a published lesson never shows an error.
#
#   bash scripts/site.sh [--out DIR] [NOTEBOOK...]    (default: every notebooks/NN-*.ipynb)
#
# FORKLAB_KERNEL_JAR: use this jar instead of building; FORKLAB_VENV: this Python environment
# (with nbconvert) instead of the project's .venv.
set -euo pipefail
. "$(dirname "$0")/common.sh"

out="$ROOT/_site"
notebooks=()
while [ $# -gt 0 ]; do
  case "$1" in
    --out) [ $# -ge 2 ] || die "--out needs a directory, e.g. --out public"; out="$2"; shift 2 ;;
    --out=*) out="${1#--out=}"; shift ;;
    -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) die "unknown option $1; accepted: --out DIR, then notebooks (see --help)" ;;
    *) notebooks+=("$(realpath "$1")"); shift ;;
  esac
done
if [ ${#notebooks[@]} -eq 0 ]; then
  for nb in "$ROOT"/notebooks/[0-9][0-9]-*.ipynb; do [ -e "$nb" ] && notebooks+=("$nb"); done
  [ ${#notebooks[@]} -gt 0 ] || die "no lessons in notebooks/ (expected files like 00-start.ipynb)"
fi
for nb in "${notebooks[@]}"; do
  [ -f "$nb" ] && [ "${nb%.ipynb}" != "$nb" ] || die "$nb is not a notebook (.ipynb file)"
done

jar="${FORKLAB_KERNEL_JAR:-}"
if [ -z "$jar" ]; then build_kernel -DskipTests package; jar="$KERNEL_JAR"; fi
[ -f "$jar" ] || die "no kernel jar at $jar"
if [ -n "${FORKLAB_VENV:-}" ]; then VENV="$FORKLAB_VENV"; else ensure_venv; fi
jdk="$(newest_jdk)"   # the newest measures every row (virtual threads exist from JDK 21)
[ -n "$jdk" ] || die "no JDK 17 or later in /usr/lib/jvm to run the kernel"

# The kernel goes into a private prefix, so the site shows this build whatever else is installed;
# lessons run in copies of their folders, so the files they write stay out of the repository.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$jdk/bin/java" -jar "$jar" install --prefix "$work/prefix" >/dev/null
export JUPYTER_PATH="$work/prefix/share/jupyter"

mkdir -p "$out"
out="$(realpath "$out")"
for i in "${!notebooks[@]}"; do
  cp -r "$(dirname "${notebooks[$i]}")" "$work/run-$i"
done

# nbclient stops at the first failing cell; the failing cell's own error output (not the
# execute reply, whose traceback a kernel may leave empty) says what went wrong, in one line.
"$VENV/bin/python" - "$out" "$work" "${notebooks[@]}" <<'PY'
import html, os, sys
import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from nbconvert import HTMLExporter

out, work, notebooks = sys.argv[1], sys.argv[2], sys.argv[3:]
exporter = HTMLExporter(embed_images=True)
links = []
for i, original in enumerate(notebooks):
    name = os.path.basename(original)[:-len(".ipynb")]
    path = os.path.join(work, f"run-{i}", os.path.basename(original))
    print(f"\033[1m==> executing {name}\033[0m", flush=True)
    nb = nbformat.read(path, as_version=4)
    # No widget state in the page: nbconvert would then draw the panels' controls from that state
    # (dead sliders); without it each panel shows its static bundle, the line saying the controls
    # need a live kernel above the last result.
    client = NotebookClient(nb, kernel_name="forklab", timeout=900, store_widget_state=False,
                            resources={"metadata": {"path": os.path.dirname(path)}})
    try:
        client.execute()
    except CellExecutionError as error:
        number, why = "?", f"{error.ename}: {error.evalue}"
        for n, cell in enumerate(nb.cells, 1):
            failed = [o for o in cell.get("outputs", []) if o.output_type == "error"]
            if failed:
                number = n
                why = next((l for l in failed[0].traceback if l.strip()), why).strip()
        sys.exit(f"forklab: {name}: cell {number} failed: {why}; no page was published")
    body, _ = exporter.from_notebook_node(nb)
    with open(os.path.join(out, f"{name}.html"), "w", encoding="utf-8") as f:
        f.write(body)
    title = next((line[2:].strip() for cell in nb.cells if cell.cell_type == "markdown"
                  for line in cell.source.splitlines() if line.startswith("# ")), name)
    links.append(f'  <li><a href="{html.escape(name)}.html">{html.escape(title)}</a></li>')

with open(os.path.join(out, "index.html"), "w", encoding="utf-8") as f:
    f.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\">"
            "<title>forklab lessons</title></head>\n<body>\n<h1>forklab: threads versus processes"
            "</h1>\n<p>Each lesson as executed, with the figures of the machine that built this "
            "site.</p>\n<ol>\n" + "\n".join(links) + "\n</ol>\n</body>\n</html>\n")
PY
say "site written to $out (open index.html)"
