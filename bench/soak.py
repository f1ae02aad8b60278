#!/usr/bin/env python3
"""Resident memory of the forklab kernel over a long session: 1,000 small cells.

Prints the kernel's resident size (RSS) after a first cell, after every 250 cells, and the
growth over the run. A benchmark, not a test: it prints figures and asserts nothing.

Both ends are measured the same way: after a cell and a 10 s pause, so that whatever the kernel
gives back when idle (its idle collection, 1.5 s after a cell) is given back at both ends. By
default the cells run back to back, with no idle time between them: the hardest case, since
nothing can be collected between cells. A student's session is not like that: they read, type and
think between cells. --pause S --every N models that, a pause of S seconds after every N-th cell
(for example --pause 3 --every 10: a short read after a group of cells; a real session pauses
longer and more often). The execute latency (request to reply, median and slowest tenth) is
printed for all cells and, with pauses, for the cells right after a pause, which are the ones an
idle collection could slow down.

Two kinds of cell: --kind mixed (the default) has five snippets, as a lesson's cells do: two
declarations, a counter, a loop and a value; --kind declaration has one, a variable declared. JShell
keeps something of every snippet, so the kind sets how much a session can give back.

Usage: bench/soak.py [--kind mixed|declaration] [--cells N] [--java PATH] [--jvm-option OPT ...] [--pause S --every N] [--nmt]
With --nmt the kernel runs with native memory tracking, and the JVM's own account of what grew
(heap, metaspace, code cache, threads, malloc...) is printed at the end (jcmd VM.native_memory).
The kernel jar is kernel/target/forklab-kernel.jar (build it first); it is installed into a
temporary prefix with the given JVM options, so the user's Jupyter set-up is not touched.
"""
import argparse
import os
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

import psutil
from jupyter_client.manager import KernelManager

REPO = Path(__file__).resolve().parents[1]


def run_cell(kc, code, timeout=120):
    msg_id = kc.execute(code)
    deadline = time.monotonic() + timeout
    while True:
        msg = kc.get_shell_msg(timeout=max(0.1, deadline - time.monotonic()))
        if msg["parent_header"].get("msg_id") == msg_id:
            return msg["content"]["status"]


def cell(kind, i):
    """Small cells of the kind a lesson has; 50 names reused, as a student reruns and edits."""
    if kind == "declaration":
        return f"int v{i % 50} = {i};"
    return (f"int v{i % 50} = {i}; var s{i % 50} = String.valueOf(v{i % 50}).repeat(100);"
            f" long sum = 0; for (int k = 0; k < 10_000; k++) sum += k; sum")


def latency(seconds):
    tenth = statistics.quantiles(seconds, n=10)[-1] if len(seconds) >= 2 else seconds[0]
    return f"median {statistics.median(seconds) * 1000:.0f} ms, slowest tenth from {tenth * 1000:.0f} ms"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cells", type=int, default=1000)
    parser.add_argument("--kind", choices=["mixed", "declaration"], default="mixed")
    parser.add_argument("--java", default="/usr/lib/jvm/java-17-openjdk-amd64/bin/java")
    parser.add_argument("--jvm-option", action="append", default=[])
    parser.add_argument("--pause", type=float, default=0.0, help="seconds of idle time after every N-th cell")
    parser.add_argument("--every", type=int, default=10, help="N for --pause")
    parser.add_argument("--nmt", action="store_true", help="print the JVM's native memory account of the growth")
    args = parser.parse_args()
    if args.nmt:
        args.jvm_option.append("-XX:NativeMemoryTracking=summary")
    jcmd = [str(Path(args.java).with_name("jcmd"))]
    prefix = Path(tempfile.mkdtemp(prefix="forklab-soak-"))
    subprocess.run([args.java, "-jar", str(REPO / "kernel/target/forklab-kernel.jar"), "install", "--prefix",
                    str(prefix), "--name", "soak"] + [f"--jvm-option={o}" for o in args.jvm_option],
                   check=True, capture_output=True)
    os.environ["JUPYTER_PATH"] = str(prefix / "share" / "jupyter")
    km = KernelManager(kernel_name="soak")
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=120)
        kernel = psutil.Process(km.provisioner.process.pid)
        run_cell(kc, "1 + 1")
        first = kernel.memory_info().rss
        time.sleep(10)
        start = kernel.memory_info().rss
        if args.nmt:
            subprocess.run(jcmd + [str(kernel.pid), "VM.native_memory", "baseline"], check=True, capture_output=True)
        started = time.monotonic()
        print(f"JVM options: {' '.join(args.jvm_option) or '(installer defaults)'}")
        pacing = f"a {args.pause:g} s pause after every {args.every} cells" if args.pause > 0 else "back to back"
        print(f"cells: {args.cells} of kind {args.kind}, {pacing}; load average at the start {os.getloadavg()[0]:.1f}")
        print(f"after the first cell: {first / 2**20:.0f} MB resident; after a 10 s pause: {start / 2**20:.0f} MB")
        latencies, after_pause = [], []
        for i in range(1, args.cells + 1):
            # Small cells of the kind a lesson has: a declaration, a loop, a string, some garbage.
            sent = time.monotonic()
            status = run_cell(kc, cell(args.kind, i))
            latencies.append(time.monotonic() - sent)
            if args.pause > 0 and i > 1 and (i - 1) % args.every == 0:
                after_pause.append(latencies[-1])
            if status != "ok":
                print(f"cell {i} failed")
            if i % 250 == 0:
                print(f"after {i} cells: {kernel.memory_info().rss / 2**20:.0f} MB resident")
            if args.pause > 0 and i % args.every == 0 and i < args.cells:
                time.sleep(args.pause)
        busy = kernel.memory_info().rss
        print(f"{args.cells} cells in {time.monotonic() - started:.0f} s; load average {os.getloadavg()[0]:.1f}")
        print(f"execute latency, all cells: {latency(latencies)}")
        if after_pause:
            print(f"execute latency, the cell after each pause: {latency(after_pause)}")
        time.sleep(10)  # the same pause as after the first cell
        end = kernel.memory_info().rss
        print(f"right after the last cell: {busy / 2**20:.0f} MB resident; after a 10 s pause: {end / 2**20:.0f} MB;"
              f" growth over {args.cells} cells: {(end - start) / 2**20:+.0f} MB; load average {os.getloadavg()[0]:.1f}")
        if args.nmt:
            diff = subprocess.run(jcmd + [str(kernel.pid), "VM.native_memory", "summary.diff", "scale=MB"],
                                  check=True, capture_output=True, text=True).stdout
            print(diff)
            print(subprocess.run(jcmd + [str(kernel.pid), "GC.heap_info"], check=True, capture_output=True,
                                 text=True).stdout)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


if __name__ == "__main__":
    main()
