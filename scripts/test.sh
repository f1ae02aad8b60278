#!/usr/bin/env bash
# Runs every test: the Java unit tests on each JDK here, then the kernel through real Jupyter
# clients (protocol suite, interrupts, lessons executed top to bottom, a browser driving
# JupyterLab). Figures are printed by the benchmark scripts in bench/, never asserted here.
set -euo pipefail
. "$(dirname "$0")/common.sh"
cd "$ROOT"

jdks="$(list_jdks)"
[ -n "$jdks" ] || die "no JDK 17 or later in /usr/lib/jvm"
say "JDKs found: $(echo "$jdks" | awk '{printf "%s ", $1}')"

build_kernel install
while read -r version home; do
  [ "$home" = "$(oldest_jdk)" ] && continue
  say "Java unit tests again on JDK $version"
  JAVA_HOME="$(oldest_jdk)" mvn -B -q -o -f kernel/pom.xml surefire:test -Djvm="$home/bin/java" \
    || die "the Java unit tests failed on JDK $version"
done <<< "$jdks"

ensure_venv
export FORKLAB_KERNEL_JAR="$KERNEL_JAR"
if [ -d tests/python ] && ls tests/python/test_*.py >/dev/null 2>&1; then
  say "the kernel through real Jupyter clients"
  "$VENV/bin/python" -m pytest -q -rs tests/python "$@"
fi
