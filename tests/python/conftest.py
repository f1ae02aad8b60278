"""Protocol tests speak to the built kernel jar through real Jupyter clients.

Nothing is built here: the jar comes from $FORKLAB_KERNEL_JAR (default
kernel/target/forklab-kernel.jar). At start-up the kernelspec is installed, once per JDK
present, into a temporary prefix that JUPYTER_PATH points at, so the tests never touch the
user's own Jupyter set-up.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
JAR = Path(os.environ.get("FORKLAB_KERNEL_JAR", REPO / "kernel" / "target" / "forklab-kernel.jar")).resolve()



def _feature_version(home: Path) -> int | None:
    """The JDK's feature version (17, 25, ...) from the release file every JDK ships."""
    try:
        text = (home / "release").read_text()
    except OSError:
        return None
    found = re.search(r'^JAVA_VERSION="(\d+)', text, re.M)
    return int(found.group(1)) if found else None


def _discover_jdks(folder: Path = Path("/usr/lib/jvm")) -> dict[str, Path]:
    """As scripts/common.sh's list_jdks: every JDK (it has javac) of version 17 or later in the
    folder, one per real directory, named jdkN, oldest first."""
    found: dict[int, Path] = {}
    for home in sorted({d.resolve() for d in folder.glob("*/")}):
        version = _feature_version(home)
        if version and version >= 17 and (home / "bin" / "javac").exists() and version not in found:
            found[version] = home / "bin" / "java"
    return {f"jdk{v}": found[v] for v in sorted(found)}


CANDIDATE_JDKS = _discover_jdks()
# FORKLAB_JDKS=jdk17 restricts the run to some JDKs when time is short.
_wanted = os.environ.get("FORKLAB_JDKS")
JDKS = {name: java for name, java in CANDIDATE_JDKS.items()
        if java.exists() and (not _wanted or name in _wanted.split(","))}

_PREFIX = Path(tempfile.mkdtemp(prefix="forklab-kernelspec-"))


def kernel_name(jdk: str) -> str:
    return f"forklab-{jdk}"


def _install() -> None:
    if not JAR.is_file():
        raise pytest.UsageError(f"kernel jar not found at {JAR}; build it (mvn package) or set FORKLAB_KERNEL_JAR")
    for jdk, java in JDKS.items():
        subprocess.run([str(java), "-jar", str(JAR), "install", "--prefix", str(_PREFIX),
                        "--name", kernel_name(jdk), "--display-name", f"Java (forklab, {jdk})"],
                       check=True, capture_output=True, text=True)
    os.environ["JUPYTER_PATH"] = str(_PREFIX / "share" / "jupyter")


def pytest_configure(config):
    _install()


def pytest_unconfigure(config):
    shutil.rmtree(_PREFIX, ignore_errors=True)


@pytest.fixture(params=sorted(JDKS), scope="module")
def jdk(request):
    return request.param
