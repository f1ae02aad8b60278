#!/usr/bin/env bash
# Builds forklab, installs its kernel into the project's own Python environment and opens the
# lessons in JupyterLab. Extra arguments go to JupyterLab (e.g. --port 8899 --no-browser).
set -euo pipefail
. "$(dirname "$0")/common.sh"
build_kernel -DskipTests package
ensure_venv
say "installing the forklab kernel into .venv"
JAVA_HOME="$(newest_jdk)" "$(newest_jdk)/bin/java" -jar "$KERNEL_JAR" install --prefix "$VENV" --name forklab --display-name "Java (forklab)"
say "opening the lessons"
cd "$ROOT/notebooks"
exec "$VENV/bin/jupyter" lab 00-start.ipynb "$@"
