"""Nothing outlives the kernel: SIGKILL of the kernel during each experiment magic leaves no
process of that experiment running 3 s later (child JVMs, the native probe and its children,
%c10k's servers, %scale's helpers, a %%c program and the daemon it started).

Each case starts its magic, waits until the kernel has children (the experiment is under
way), takes every descendant it sees over a moment, kills the kernel outright, and checks.
"""
import os
import signal
import time

import psutil
import pytest

from conftest import kernel_name
from kernel_session import KernelSession

GRACE_SECONDS = 3.0

C_DAEMON = """%%c --timeout 60s
#include <stdio.h>
#include <unistd.h>
int main(void) {
    if (fork() == 0) { setsid(); if (fork() == 0) { for (;;) pause(); } _exit(0); }
    if (fork() == 0) { for (;;) pause(); }
    puts("started");
    fflush(stdout);
    for (;;) pause();
}
"""

# Sizes that keep each magic busy for far longer than the test waits: it is killed mid-run.
CASES = {
    "race": "%race -v processes,native-volatile -N 100000000 -t 10000 --timeout 600s",
    "share": "%share --timeout 600s",
    "crash": "%crash --work 60s --timeout 600s",
    "spawn": "%spawn --forks 2 -n 100000 --timeout 600s",
    "scale": "%scale -k processes --processes 100,200,300,400 --timeout 600s",
    "ipc": "%ipc -t pipe,shared-memory --latency-samples 100000 --timeout 600s",
    "pingpong": "%pingpong -n 100000 --runs 50 --timeout 600s",
    "c10k": "%c10k -k 200 -r 100000 --timeout 600s",
    "c": C_DAEMON,
}


def _alive(pids):
    left = []
    for pid in pids:
        try:
            p = psutil.Process(pid)
            if p.status() != psutil.STATUS_ZOMBIE:
                left.append(f"{pid} {' '.join(p.cmdline())[:120]}")
        except psutil.NoSuchProcess:
            pass
    return left


def _descendants(kernel):
    try:
        return {p.pid for p in kernel.children(recursive=True)}
    except psutil.NoSuchProcess:
        return set()


@pytest.mark.parametrize("magic", sorted(CASES))
def test_killing_the_kernel_mid_experiment_leaves_nothing(jdk, magic):
    session = KernelSession(kernel_name(jdk))
    kernel = psutil.Process(session.pid)
    # The kernel's own start-up helpers (if any) are not the experiment's.
    before = _descendants(kernel)
    try:
        session.kc.execute(CASES[magic])
        seen = set()
        deadline = time.monotonic() + 120
        while not (seen - before) and time.monotonic() < deadline:
            seen |= _descendants(kernel)
            time.sleep(0.02)
        assert seen - before, f"%{magic} started no child process within 120 s"
        # A moment more, to see the children's own children (the probe's forks, a daemon).
        end = time.monotonic() + 1.0
        while time.monotonic() < end:
            seen |= _descendants(kernel)
            time.sleep(0.02)
        os.kill(session.pid, signal.SIGKILL)
        kernel.wait(timeout=10)
        time.sleep(GRACE_SECONDS)
        assert _alive(seen) == [], f"alive {GRACE_SECONDS} s after the kernel was killed during %{magic}"
    finally:
        for pid in _descendants_of_gone(seen if "seen" in dir() else set()):
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        session.kc.stop_channels()
        session.km.cleanup_resources()


def _descendants_of_gone(pids):
    """What a failed case left behind, so the next case starts clean."""
    return [pid for pid in pids if psutil.pid_exists(pid)]
