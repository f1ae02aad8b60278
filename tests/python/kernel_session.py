"""A kernel started through jupyter_client, with helpers that speak the protocol."""
import time

from jupyter_client.manager import KernelManager

TIMEOUT = 60


class KernelSession:
    def __init__(self, kernel_name: str):
        self.km = KernelManager(kernel_name=kernel_name)
        self.km.start_kernel()
        self.kc = self.km.client()
        self.kc.start_channels()
        self.kc.wait_for_ready(timeout=TIMEOUT)

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
