"""One image for Binder and a class's hub: what binder/ adds for JupyterHub, checked.

The image's single-user server (jupyterhub-singleuser) must be at the version the hub speaks,
so binder/environment.yml and requirements.txt pin the same jupyterhub (the hub test runs on
that one); nbgitpuller must be an enabled server extension for the hand-out link to work.
"""
import re
import subprocess
import sys
import tomllib
import urllib.parse
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
CLASS_PACKAGES = ("jupyterhub", "nbgitpuller", "papermill")


def pip_pins_in_binder():
    env = yaml.safe_load((ROOT / "binder/environment.yml").read_text())
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict) and "pip" in d)
    assert "pip" in env["dependencies"], "conda needs pip itself for the pip: section"
    return dict(line.split("==") for line in pip)


def requirement_pins():
    return dict(line.split("==") for line in (ROOT / "requirements.txt").read_text().splitlines()
                if "==" in line and not line.startswith("#"))


def test_binder_pins_the_class_packages_as_the_tests_do():
    binder, tested = pip_pins_in_binder(), requirement_pins()
    for name in CLASS_PACKAGES:
        assert binder.get(name) == tested.get(name), f"{name}: binder {binder.get(name)}, requirements.txt {tested.get(name)}"


def test_the_single_user_server_is_the_pinned_jupyterhub():
    done = subprocess.run([str(BIN / "jupyterhub-singleuser"), "--version"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == requirement_pins()["jupyterhub"], done.stdout


def test_nbgitpuller_is_an_enabled_server_extension():
    done = subprocess.run([str(BIN / "jupyter"), "server", "extension", "list"], capture_output=True, text=True, timeout=120)
    listing = done.stdout + done.stderr
    assert re.search(r"nbgitpuller\s.*enabled", listing), listing


def test_postbuild_installs_the_translator_package_that_registers_with_papermill():
    post_build = (ROOT / "binder/postBuild").read_text()
    assert '"$ROOT/python/papermill_forklab"' in post_build
    project = tomllib.loads((ROOT / "python/papermill_forklab/pyproject.toml").read_text())
    assert project["project"]["entry-points"]["papermill.engine"] == {"forklab": "papermill_forklab.engine:ForklabEngine"}


def test_the_readme_hands_out_lesson_00_with_an_nbgitpuller_link():
    readme = (ROOT / "README.md").read_text()
    links = re.findall(r"https://[^\s)`]+/hub/user-redirect/git-pull\?[^\s)`]+", readme)
    assert links, "no nbgitpuller link in the README"
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(links[0]).query)
    repo_dir = query["repo"][0].rstrip("/").rsplit("/", 1)[-1].removesuffix(".git")
    assert query["urlpath"][0] == f"lab/tree/{repo_dir}/notebooks/00-start.ipynb", query
    assert (ROOT / "notebooks/00-start.ipynb").is_file()
