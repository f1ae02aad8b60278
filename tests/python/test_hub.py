"""A class on a real JupyterHub: three users log in through the REST API, start their servers and
run at the same time, each on a kernel of its own made through its own server: two run a lesson,
the third pushes %scale to its caps. The lessons pass, the kernels are separate processes under
separate servers, and once the hub stops nothing it started is left. Heavy: run it alone.

The hub and all it starts live in a pids cgroup of their own (where cgroups can be made), the cap
a z2jh pod has too: forklab's default caps follow it, so "at its caps" is measured against it.
Times are printed, never asserted.
"""
import asyncio
import os
import re
import time

import psutil
import pytest

import hub_support as hs
import lessons_support as ls
from conftest import JDKS, kernel_name

USERS = ["ada", "bob", "cy"]
LESSON = ls.NOTEBOOKS / "01-two-abstractions.ipynb"
# The lesson's parameters as papermill would set them: fewer samples, same cells.
PARAMETERS = "int samples = 12;"
AT_THE_CAPS = [
    "var caps = org.forklab.experiments.core.Caps.defaults();\n"
    "List<Long> threadCounts = List.of(caps.maxThreads() / 4, caps.maxThreads() / 2, caps.maxThreads());\n"
    "List<Long> processCounts = List.of(caps.maxProcesses() / 4, caps.maxProcesses() / 2, caps.maxProcesses());\n"
    "caps",
    "%scale -k platform-threads,processes --threads ${threadCounts} --processes ${processCounts}",
]
PID = "ProcessHandle.current().pid()"


@pytest.fixture(scope="module")
def kernel():
    try:
        return ls.lesson_kernel_names(JDKS, kernel_name)[-1]  # the newest JDK
    except RuntimeError as e:
        pytest.fail(str(e), pytrace=False)


def lesson_cells(path, parameters: str) -> tuple[list[str], list[bool]]:
    """The lesson's code cells in order, the parameters injected after its parameters cell; and
    for each whether it is an experiment (a chart and a table expected)."""
    cells, experiments = [], []
    for cell in ls.read_lesson(path).cells:
        if cell.cell_type != "code":
            continue
        cells.append(cell.source)
        experiments.append(ls.is_experiment(cell))
        if "parameters" in cell.metadata.get("tags", []):
            cells.append(parameters)
            experiments.append(False)
    return cells, experiments


def server_of(pid: int) -> psutil.Process:
    """The jupyterhub-singleuser process a kernel runs under."""
    for parent in psutil.Process(pid).parents():
        if "jupyterhub-singleuser" in " ".join(parent.cmdline()):
            return parent
    raise AssertionError(f"kernel {pid} runs under no user's server")


async def everyone(hub, tokens, kernels, plans):
    return await asyncio.gather(*(hs.run_cells(hub, u, tokens[u], kernels[u], plans[u]) for u in USERS))


def test_three_users_run_at_once_through_the_hub(kernel, tmp_path):
    hub = hs.Hub(tmp_path, USERS, os.environ["JUPYTER_PATH"])
    print(f"\npids cgroup: {hub.cgroup or 'none (cgroups cannot be made here)'}")
    try:
        started = time.monotonic()
        hub.start()
        print(f"hub up in {time.monotonic() - started:.1f} s")
        tokens = {u: hub.login(u) for u in USERS}
        assert len(set(tokens.values())) == 3
        # A user's token opens that user's server only.
        for u in USERS:
            print(f"{u}'s server ready {hub.start_server(u, tokens[u]):.1f} s after it was asked for")
        assert hub.get("/user/bob/api/status", tokens["ada"]).status_code in (403, 302)

        kernels = {u: hub.start_kernel(u, tokens[u], kernel) for u in USERS}
        pids = asyncio.run(everyone(hub, tokens, kernels, {u: [PID] for u in USERS}))
        kernel_pids = {u: int(re.search(r"\d+", records[0]["text"]).group()) for u, records in zip(USERS, pids)}
        assert len(set(kernel_pids.values())) == 3, kernel_pids
        servers = {u: server_of(pid) for u, pid in kernel_pids.items()}
        assert len({s.pid for s in servers.values()}) == 3
        for u, server in servers.items():
            assert server.cwd() == str(tmp_path / "home" / u), (u, server.cwd())

        lesson, experiments = lesson_cells(LESSON, PARAMETERS)
        plans = {"ada": lesson, "bob": lesson, "cy": AT_THE_CAPS}
        began = time.monotonic()
        results = dict(zip(USERS, asyncio.run(everyone(hub, tokens, kernels, plans))))
        hub.remember_descendants()
        print(f"all three done in {time.monotonic() - began:.1f} s; processes seen under the hub: {len(hub.seen)}")

        for u in ("ada", "bob"):
            seconds = sum(r["seconds"] for r in results[u])
            print(f"{u}: {LESSON.name} in {seconds:.1f} s")
            errors = [f"{r['code'][:60]!r}: {r['error']}" for r in results[u] if r["error"]]
            assert not errors, f"{u}'s lesson failed beside cy's %scale at its caps: {errors}"
            for record, experiment in zip(results[u], experiments):
                if experiment:
                    assert {"image/png", "text/html"} <= record["mime"], (u, record["code"][:60], record["mime"])
        caps, scale = results["cy"]
        assert caps["error"] is None, caps["error"]
        print(f"cy: caps {caps['text'].strip()[:160]}; %scale at them in {scale['seconds']:.1f} s,"
              f" {'error ' + scale['error'] if scale['error'] else 'finished'}")
        assert scale["error"] is None or "\n" not in scale["error"], scale["error"]
    finally:
        try:
            hub.stop()
            left = hub.survivors()
            assert not left, f"left after the hub stopped: {left}"
            if hub.cgroup is not None:
                assert not (hub.cgroup / "cgroup.procs").read_text().split(), "tasks left in the hub's cgroup"
            print(f"hub stopped; none of the {len(hub.seen)} processes it started is left")
        finally:
            hub.cleanup()
