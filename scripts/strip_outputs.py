#!/usr/bin/env python3
"""Clear outputs and execution counts from lesson notebooks, so git keeps only what was written.

usage: strip_outputs.py [--check] [NOTEBOOK_OR_FOLDER ...]   (default: notebooks/)
--check changes nothing and exits 1 when a notebook still holds outputs, counts or run metadata.
"""
import argparse
import pathlib
import sys

import nbformat

# Metadata that JupyterLab and nbclient add while running a cell; none of it belongs in git.
RUN_METADATA = ("execution", "collapsed", "scrolled")


def notebooks(paths):
    for p in map(pathlib.Path, paths):
        if p.is_dir():
            yield from sorted(q for q in p.glob("*.ipynb") if ".ipynb_checkpoints" not in q.parts)
        else:
            yield p


def strip(nb):
    """Clears run results in place; returns True when something was there to clear."""
    changed = False
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        if cell.get("outputs"):
            cell.outputs = []
            changed = True
        if cell.get("execution_count") is not None:
            cell.execution_count = None
            changed = True
        for key in RUN_METADATA:
            if key in cell.metadata:
                del cell.metadata[key]
                changed = True
    return changed


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report, do not write")
    parser.add_argument("paths", nargs="*", default=["notebooks"])
    args = parser.parse_args(argv)
    dirty = []
    for path in notebooks(args.paths):
        nb = nbformat.read(path, as_version=nbformat.NO_CONVERT)
        if strip(nb):
            dirty.append(path)
            if not args.check:
                nbformat.write(nb, path)
    verb = "holds outputs" if args.check else "stripped"
    for path in dirty:
        print(f"{path}: {verb}")
    return 1 if (args.check and dirty) else 0


if __name__ == "__main__":
    sys.exit(main())
