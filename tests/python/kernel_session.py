"""A kernel started through jupyter_client, with helpers that speak the protocol.

The machine running these tests may have 2 cores and a load of 15: every wait here is long, and
none decides a result by itself. Waits end on a message, never on a quiet period.
"""
import time

from jupyter_client.manager import KernelManager

TIMEOUT = 60
# jupyter_client kills a kernel 5 s after asking it to shut down; a loaded machine can need
# longer, and a killed kernel cannot clean up its children (test_shutdown_leaves_no_process).
SHUTDOWN_WAIT = 60


def settle(kc, timeout: float = TIMEOUT) -> None:
    """Drains what start-up left behind, so the next message on each channel is the test's own.

    wait_for_ready sends a kernel_info_request every second until one is answered; on a busy
    machine several are queued, and their replies (shell) and busy/idle pairs (iopub) arrive
    after it returns. The kernel serves shell requests in order and iopub keeps its order, so
    once the reply and the idle of one more request are in, nothing older can follow.
    """
    msg_id = kc.kernel_info()
    deadline = time.monotonic() + timeout
    while True:
        reply = kc.get_shell_msg(timeout=max(0.1, deadline - time.monotonic()))
        if reply["parent_header"].get("msg_id") == msg_id:
            break
    while True:
        msg = kc.get_iopub_msg(timeout=max(0.1, deadline - time.monotonic()))
        if (msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "status"
                and msg["content"]["execution_state"] == "idle"):
            break


class KernelSession:
    def __init__(self, kernel_name: str):
        self.km = KernelManager(kernel_name=kernel_name, shutdown_wait_time=SHUTDOWN_WAIT)
        self.km.start_kernel()
        self.kc = self.km.client()
        self.kc.start_channels()
        self.kc.wait_for_ready(timeout=TIMEOUT)
        settle(self.kc)

    @property
    def pid(self) -> int:
        return self.km.provisioner.process.pid

    def execute(self, code: str, timeout: float = TIMEOUT):
        """Runs a cell; returns (reply content, iopub messages of that cell)."""
        msg_id = self.kc.execute(code)
        return msg_id, self.collect(msg_id, timeout)

    def collect(self, msg_id: str, timeout: float = TIMEOUT):
        outputs = []
        deadline = time.monotonic() + timeout
        while True:
            msg = self.kc.get_iopub_msg(timeout=max(0.1, deadline - time.monotonic()))
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                break
            if msg["msg_type"] in ("stream", "execute_result", "display_data", "error"):
                outputs.append(msg)
        reply = self.kc.get_shell_msg(timeout=max(0.1, deadline - time.monotonic()))
        while reply["parent_header"].get("msg_id") != msg_id:
            reply = self.kc.get_shell_msg(timeout=max(0.1, deadline - time.monotonic()))
        return reply["content"], outputs

    def run(self, code: str, timeout: float = TIMEOUT):
        _, (reply, outputs) = self.execute(code, timeout)
        return reply, outputs

    def close(self):
        self.kc.stop_channels()
        self.km.shutdown_kernel(now=False)


def text_of(outputs, name="stdout"):
    return "".join(m["content"]["text"] for m in outputs if m["msg_type"] == "stream" and m["content"]["name"] == name)


def result_of(outputs):
    for m in outputs:
        if m["msg_type"] == "execute_result":
            return m["content"]["data"]["text/plain"]
    return None


def error_of(outputs):
    for m in outputs:
        if m["msg_type"] == "error":
            return m["content"]
    return None
