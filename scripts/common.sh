# Shared by scripts/lab.sh and scripts/test.sh: where things are and how to find them.
# Sourced, not run.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
KERNEL_JAR="$ROOT/kernel/target/forklab-kernel.jar"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
die() { printf 'forklab: %s\n' "$*" >&2; exit 1; }

# Every JDK of version 17 or later in Debian's JDK folder (one entry per real directory),
# oldest first, so that the build runs on the oldest and the tests on each.
list_jdks() {
  local seen="" d real v
  for d in /usr/lib/jvm/*/; do
    [ -x "$d/bin/javac" ] || continue
    real="$(readlink -f "$d")"
    case " $seen " in *" $real "*) continue ;; esac
    seen="$seen $real"
    v="$("$real/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
    [ -n "$v" ] && [ "$v" -ge 17 ] 2>/dev/null && printf '%s %s\n' "$v" "$real"
  done | sort -n
}

oldest_jdk() { list_jdks | head -n 1 | cut -d' ' -f2; }
# The lessons run on the newest: some mechanisms (virtual threads, from 21) exist only there.
newest_jdk() { list_jdks | tail -n 1 | cut -d' ' -f2; }

python_for_venv() {
  command -v python3 || die "python3 is needed for JupyterLab; install it (apt-get install python3 python3-venv)"
}

ensure_venv() {
  if [ ! -x "$VENV/bin/python" ]; then
    say "creating the Python environment in .venv"
    "$(python_for_venv)" -m venv "$VENV" || die "could not create .venv (apt-get install python3-venv)"
  fi
  if ! cmp -s "$ROOT/requirements.txt" "$VENV/.requirements.installed" 2>/dev/null; then
    say "installing the pinned Jupyter host and test clients (requirements.txt)"
    "$VENV/bin/pip" install -q --disable-pip-version-check -r "$ROOT/requirements.txt"
    cp "$ROOT/requirements.txt" "$VENV/.requirements.installed"
  fi
  # forklab's own Python package (papermill's Java translator), reinstalled when its files change.
  local stamp; stamp="$(cd "$ROOT" && find python -type f -not -path '*/__pycache__/*' -not -path '*.egg-info*' \
    -not -path '*/build/*' | sort | xargs sha256sum | sha256sum)"
  if [ "$stamp" != "$(cat "$VENV/.python-package.installed" 2>/dev/null)" ]; then
    say "installing forklab's papermill translator (python/papermill_forklab)"
    "$VENV/bin/pip" install -q --disable-pip-version-check "$ROOT/python/papermill_forklab"
    printf '%s\n' "$stamp" > "$VENV/.python-package.installed"
  fi
}

build_kernel() {
  local jdk; jdk="$(oldest_jdk)"
  [ -n "$jdk" ] || die "no JDK 17 or later in /usr/lib/jvm; install one (apt-get install openjdk-17-jdk-headless)"
  say "building forklab with $jdk $*"
  JAVA_HOME="$jdk" mvn -B -q -f "$ROOT/pom.xml" "$@" || die "the Maven build failed (see above)"
}
