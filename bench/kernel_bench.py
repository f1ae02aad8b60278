#!/usr/bin/env python3
"""Start-up and latency figures of the forklab kernel, measured through jupyter_client.

Prints medians (and p10/p90) over repeated launches of:
  launch -> kernel_info_reply, launch -> first `1+1` result, a warm `2+2` cell, a magic-only cell.

Usage: bench/kernel_bench.py [--kernel NAME] [--runs N] [--warm N]
The kernel is found as jupyter_client finds any kernel (JUPYTER_PATH etc.); install it first with
`java -jar kernel/target/forklab-kernel.jar install --prefix DIR` and set JUPYTER_PATH=DIR/share/jupyter.
This is a benchmark, not a test: it prints figures and asserts nothing.
"""
import argparse
import os
import platform
import statistics
import time

from jupyter_client.manager import KernelManager


def wait_reply(kc, msg_id, timeout=120):
    deadline = time.monotonic() + timeout
    while True:
        msg = kc.get_shell_msg(timeout=max(0.01, deadline - time.monotonic()))
        if msg["parent_header"].get("msg_id") == msg_id:
            return msg


def timed_execute(kc, code):
    start = time.perf_counter()
    reply = wait_reply(kc, kc.execute(code))
    took = time.perf_counter() - start
    if reply["content"]["status"] != "ok":
        raise RuntimeError(f"{code!r} failed: {reply['content']}")
    return took


def one_launch(kernel, warm):
    km = KernelManager(kernel_name=kernel)
    start = time.perf_counter()
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    try:
        # Jupyter retries kernel_info until the kernel binds its sockets; so do we.
        while True:
            msg_id = kc.kernel_info()
            try:
                wait_reply(kc, msg_id, timeout=0.2)
                break
            except Exception:
                if time.perf_counter() - start > 60:
                    raise
        info = time.perf_counter() - start
        timed_execute(kc, "1+1")
        first = time.perf_counter() - start
        warm_cells = [timed_execute(kc, f"{i} + 2") for i in range(warm)]
        magic_cells = [timed_execute(kc, "%lsmagic") for _ in range(warm)]
        return info, first, statistics.median(warm_cells), statistics.median(magic_cells)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=False)


def summary(values):
    values = sorted(values)
    q = statistics.quantiles(values, n=10, method="inclusive") if len(values) >= 2 else [values[0]] * 9
    return f"median {statistics.median(values) * 1000:7.1f} ms  (p10 {q[0] * 1000:.1f}, p90 {q[-1] * 1000:.1f})"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kernel", default="forklab")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--warm", type=int, default=15)
    args = parser.parse_args()
    # Other work on the machine moves every figure: the 1-minute load before and after says how much.
    load_before = os.getloadavg()[0]
    results = [one_launch(args.kernel, args.warm) for _ in range(args.runs)]
    print(f"kernel {args.kernel}; {args.runs} launches, {args.warm} warm cells each; "
          f"{os.cpu_count()} CPUs; load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after; "
          f"{platform.platform()}")
    names = ["launch -> kernel_info_reply", "launch -> first 1+1 result", "warm 2+2 cell", "magic-only cell (%lsmagic)"]
    for i, name in enumerate(names):
        print(f"{name:30s} {summary([r[i] for r in results])}")


if __name__ == "__main__":
    main()
