#!/usr/bin/env bash
# Builds forklab, installs its kernel into the project's own Python environment and opens the
# lessons in JupyterLab. Extra arguments go to JupyterLab (e.g. --port 8899 --no-browser).
#
# The lessons open from work/, a git-ignored working copy made from notebooks/: autosave and
# the student's edits land there, so the tracked lessons stay stored without outputs and
# nothing a student wrote is ever overwritten (a lesson missing from work/ is copied anew;
# delete work/NAME.ipynb to get a fresh copy of one lesson).
#
# FORKLAB_NO_BUILD=1 uses the jar already built; FORKLAB_KERNEL_PREFIX installs the kernelspec
# under another prefix than .venv, FORKLAB_WORK puts the working copy elsewhere (the tests use them).
set -euo pipefail
. "$(dirname "$0")/common.sh"
if [ "${FORKLAB_NO_BUILD:-}" = 1 ] && [ -f "$KERNEL_JAR" ]; then
  say "using the kernel already built at $KERNEL_JAR"
else
  build_kernel -DskipTests package
fi
ensure_venv
prefix="${FORKLAB_KERNEL_PREFIX:-$VENV}"
say "installing the forklab kernel into $prefix"
JAVA_HOME="$(newest_jdk)" "$(newest_jdk)/bin/java" -jar "$KERNEL_JAR" install --prefix "$prefix" --name forklab --display-name "Java (forklab)"
work="${FORKLAB_WORK:-$ROOT/work}"
mkdir -p "$work"
# -n: never replace the student's copy of a lesson.
cp -Rn "$ROOT/notebooks/." "$work/"
# code cells wrap long magic lines at notebook width and the news pop-up stays off (the same
# settings Binder installs)
install -D -m 644 "$ROOT/binder/overrides.json" "$VENV/share/jupyter/lab/settings/overrides.json"
root_args=()
if [ "$(id -u)" = 0 ]; then
  say "running as root (as in a container): JupyterLab is started with --allow-root"
  root_args=(--allow-root)
fi
say "opening the lessons from $work (your working copy; notebooks/ stays as shipped)"
cd "$work"
exec "$VENV/bin/jupyter" lab 00-start.ipynb ${root_args[@]+"${root_args[@]}"} "$@"
