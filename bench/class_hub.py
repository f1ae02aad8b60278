#!/usr/bin/env python3
"""A class on one machine: lesson 04 through a real JupyterHub, first for one user alone, then
for three users at the same time. Prints, per user: server start to first cell (the hub's
overhead per lesson run: spawn, proxy route, kernel start, first reply), the lesson's time, the
ratio to the solo run, and what the user's processes peaked at in memory (server, kernel and
the experiments' children, sampled every 0.2 s) and used in CPU time.

    FORKLAB_KERNEL_JAR=kernel/target/forklab-kernel.jar .venv/bin/python bench/class_hub.py [LESSON [JAVA]]

JAVA, e.g. "int samples = 20;", runs right after the lesson's parameters cell (papermill's -p).

Uses the hub set-up of tests/python/hub_support.py (JupyterHub from requirements.txt,
configurable-http-proxy from npm into build/), in a pids cgroup where one can be made.
"""
from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "python"))
import hub_support as hs  # noqa: E402
import lessons_support as ls  # noqa: E402

JAVA = next((p for p in (Path("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java"), Path("/usr/lib/jvm/java-17-openjdk-amd64/bin/java"))
             if p.exists()), None)
KERNEL = "forklab-class"


def install_kernel(prefix: Path) -> str:
    jar = Path(os.environ.get("FORKLAB_KERNEL_JAR", ROOT / "kernel/target/forklab-kernel.jar"))
    if JAVA is None or not jar.is_file():
        sys.exit(f"class_hub: need a JDK and the kernel jar ({jar}); build it first")
    subprocess.run([str(JAVA), "-jar", str(jar), "install", "--prefix", str(prefix), "--name", KERNEL],
                   check=True, capture_output=True)
    return str(prefix / "share" / "jupyter")


class Meter(threading.Thread):
    """Peak memory (RSS summed over a user's server and everything under it) while it runs."""

    def __init__(self):
        super().__init__(daemon=True)
        self.roots: dict[str, int] = {}
        self.peak: dict[str, int] = {}
        self.running = True

    def run(self):
        while self.running:
            for user, pid in list(self.roots.items()):
                try:
                    root = psutil.Process(pid)
                    total = root.memory_info().rss + sum(_rss(c) for c in root.children(recursive=True))
                    self.peak[user] = max(self.peak.get(user, 0), total)
                except psutil.Error:
                    pass
            time.sleep(0.2)


def _rss(p: psutil.Process) -> int:
    try:
        return p.memory_info().rss
    except psutil.Error:
        return 0


def server_pid(user: str, home: Path) -> int:
    for p in psutil.process_iter(["cmdline", "cwd"]):
        if p.info["cmdline"] and "jupyterhub-singleuser" in " ".join(p.info["cmdline"]) and p.info["cwd"] == str(home / user):
            return p.pid
    raise hs.HubProblem(f"no server process for {user}")


def cpu_seconds(pid: int) -> float:
    """CPU of the user's server and kernel, with their finished children (the experiments)."""
    total = 0.0
    for p in [psutil.Process(pid)] + psutil.Process(pid).children(recursive=True):
        try:
            t = p.cpu_times()
            total += t.user + t.system + t.children_user + t.children_system
        except psutil.Error:
            pass
    return total


async def lesson_run(hub, user, token, cells):
    """Server start to first cell reply, then the lesson; (overhead s, lesson s, errors)."""
    asked = time.monotonic()
    await asyncio.to_thread(hub.start_server, user, token)
    kernel = await asyncio.to_thread(hub.start_kernel, user, token, KERNEL)
    first = await hs.run_cells(hub, user, token, kernel, ["1 + 1"])
    overhead = time.monotonic() - asked
    hub.meter.roots[user] = server_pid(user, hub.workdir / "home")
    began = time.monotonic()
    records = await hs.run_cells(hub, user, token, kernel, cells, timeout=1200)
    errors = [f"{r['code'][:50]!r}: {r['error']}" for r in first + records if r["error"]]
    return overhead, time.monotonic() - began, errors


def main():
    lesson = ls.NOTEBOOKS / (sys.argv[1] if len(sys.argv) > 1 else "04-cost.ipynb")
    # Java declarations run after the parameters cell, as papermill's -p would inject them.
    parameters = sys.argv[2] if len(sys.argv) > 2 else ""
    cells = []
    for cell in ls.read_lesson(lesson).cells:
        if cell.cell_type == "code":
            cells.append(cell.source)
            if parameters and "parameters" in cell.metadata.get("tags", []):
                cells.append(parameters)
    users = ["solo", "ada", "bob", "cy"]
    with tempfile.TemporaryDirectory(prefix="forklab-class-") as tmp:
        work = Path(tmp)
        hub = hs.Hub(work, users, install_kernel(work / "kernels"), pids_max=6000)
        hub.meter = Meter()
        hub.meter.start()
        try:
            hub.start()
            tokens = {u: hub.login(u) for u in users}
            print(f"{lesson.name} {parameters} through a JupyterHub on {psutil.cpu_count()} CPUs"
                  f" ({'pids cgroup ' + str(hub.cgroup) if hub.cgroup else 'no pids cgroup'})")
            solo = asyncio.run(lesson_run(hub, "solo", tokens["solo"], cells))
            together = asyncio.run(_together(hub, tokens, cells))
            print(f"{'user':<6} {'start→first cell':>17} {'lesson':>9} {'× solo':>7} {'peak memory':>12} {'CPU time':>9}  errors")
            rows = [("solo", solo)] + list(zip(["ada", "bob", "cy"], together))
            for user, (overhead, seconds, errors) in rows:
                ratio = seconds / solo[1]
                cpu = cpu_seconds(hub.meter.roots[user])
                print(f"{user:<6} {overhead:>15.1f} s {seconds:>7.1f} s {ratio:>6.2f}× {hub.meter.peak.get(user, 0) / 2**20:>9.0f} MiB"
                      f" {cpu:>7.1f} s  {'; '.join(errors) or 'none'}")
            worst = max(r[1][1] for r in rows[1:]) / solo[1]
            print(f"three at once: the slowest took {worst:.2f}× the solo time"
                  f" ({'within' if worst <= 3 else 'beyond'} 3×)")
        finally:
            hub.meter.running = False
            hub.stop()
            left = hub.survivors()
            print(f"hub stopped; processes left: {len(left)}")
            hub.cleanup()


async def _together(hub, tokens, cells):
    return await asyncio.gather(*(lesson_run(hub, u, tokens[u], cells) for u in ("ada", "bob", "cy")))


if __name__ == "__main__":
    main()
