"""Protocol tests speak to the built kernel jar through real Jupyter clients.

Nothing is built here: the jar comes from $FORKLAB_KERNEL_JAR (default
kernel/target/forklab-kernel.jar). At start-up the kernelspec is installed, once per JDK
present, into a temporary prefix that JUPYTER_PATH points at, so the tests never touch the
user's own Jupyter set-up.
"""
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
JAR = Path(os.environ.get("FORKLAB_KERNEL_JAR", REPO / "kernel" / "target" / "forklab-kernel.jar")).resolve()

CANDIDATE_JDKS = {
    "jdk17": Path("/usr/lib/jvm/java-17-openjdk-amd64/bin/java"),
    "jdk25": Path("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java"),
}
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
