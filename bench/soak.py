#!/usr/bin/env python3
"""Resident memory of the forklab kernel over a long session: 1,000 small cells.

Prints the kernel's resident size (RSS) after a first cell, after every 250 cells, and the
growth over the run. A benchmark, not a test: it prints figures and asserts nothing.

Usage: bench/soak.py [--cells N] [--java PATH] [--jvm-option OPT ...] [--nmt]
With --nmt the kernel runs with native memory tracking, and the JVM's own account of what grew
(heap, metaspace, code cache, threads, malloc...) is printed at the end (jcmd VM.native_memory).
The kernel jar is kernel/target/forklab-kernel.jar (build it first); it is installed into a
temporary prefix with the given JVM options, so the user's Jupyter set-up is not touched.
"""
import argparse
import os
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


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cells", type=int, default=1000)
    parser.add_argument("--java", default="/usr/lib/jvm/java-17-openjdk-amd64/bin/java")
    parser.add_argument("--jvm-option", action="append", default=[])
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
        start = kernel.memory_info().rss
        if args.nmt:
            subprocess.run(jcmd + [str(kernel.pid), "VM.native_memory", "baseline"], check=True, capture_output=True)
        started = time.monotonic()
        print(f"JVM options: {' '.join(args.jvm_option) or '(installer defaults)'}")
        print(f"after the first cell: {start / 2**20:.0f} MB resident")
        for i in range(1, args.cells + 1):
            # Small cells of the kind a lesson has: a declaration, a loop, a string, some garbage.
            status = run_cell(kc, f"int v{i % 50} = {i}; var s{i % 50} = String.valueOf(v{i % 50}).repeat(100);"
                                  f" long sum = 0; for (int k = 0; k < 10_000; k++) sum += k; sum")
            if status != "ok":
                print(f"cell {i} failed")
            if i % 250 == 0:
                print(f"after {i} cells: {kernel.memory_info().rss / 2**20:.0f} MB resident")
        print(f"{args.cells} cells in {time.monotonic() - started:.0f} s; load average {os.getloadavg()[0]:.1f}")
        time.sleep(10)  # a pause, as between a student's cells; a collector may give memory back
        end = kernel.memory_info().rss
        print(f"after a 10 s pause: {end / 2**20:.0f} MB resident; growth over {args.cells} cells:"
              f" {(end - start) / 2**20:+.0f} MB")
        if args.nmt:
            diff = subprocess.run(jcmd + [str(kernel.pid), "VM.native_memory", "summary.diff", "scale=MB"],
                                  check=True, capture_output=True, text=True).stdout
            print(diff)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


if __name__ == "__main__":
    main()
