"""jupyter_client as a widget front end: comm messages sent on shell, everything read on iopub.

Waits end on a message (the idle status of the request), never on a quiet period.
"""
import time
import uuid

from jupyter_client.manager import KernelManager

from kernel_session import SHUTDOWN_WAIT, TIMEOUT, settle


class WidgetFront:
    def __init__(self, kernel_name: str, stderr_path):
        self._stderr = open(stderr_path, "w")
        self.stderr_path = stderr_path
        self.km = KernelManager(kernel_name=kernel_name, shutdown_wait_time=SHUTDOWN_WAIT)
        self.km.start_kernel(stderr=self._stderr)
        self.kc = self.km.client()
        self.kc.start_channels()
        self.kc.wait_for_ready(timeout=TIMEOUT)
        settle(self.kc)

    def _iopub_until_idle(self, msg_id, timeout=TIMEOUT):
        """Every iopub message answering msg_id, up to its idle status."""
        seen = []
        deadline = time.monotonic() + timeout
        while True:
            msg = self.kc.get_iopub_msg(timeout=max(0.1, deadline - time.monotonic()))
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                return seen
            if msg["msg_type"] != "status":
                seen.append(msg)

    def execute(self, code, timeout=TIMEOUT):
        """Runs a cell; returns (reply content, its iopub messages, comms included)."""
        msg_id = self.kc.execute(code)
        messages = self._iopub_until_idle(msg_id, timeout)
        reply = self.kc.get_shell_msg(timeout=timeout)
        while reply["parent_header"].get("msg_id") != msg_id:
            reply = self.kc.get_shell_msg(timeout=timeout)
        return reply["content"], messages

    def value_of(self, code):
        reply, messages = self.execute(code)
        assert reply["status"] == "ok", messages
        for m in messages:
            if m["msg_type"] == "execute_result":
                return m["content"]["data"]["text/plain"]
        raise AssertionError(f"no value from {code!r}: {messages}")

    def send(self, msg_type, content, buffers=None, timeout=TIMEOUT):
        """Sends a comm message as the front end would; returns (its msg_id, the iopub answers)."""
        msg = self.kc.session.msg(msg_type, content)
        self.kc.session.send(self.kc.shell_channel.socket, msg, buffers=buffers)
        return msg["header"]["msg_id"], self._iopub_until_idle(msg["header"]["msg_id"], timeout)

    def comm_msg(self, comm_id, data, buffers=None):
        return self.send("comm_msg", {"comm_id": comm_id, "data": data}, buffers)

    def open_control(self):
        """What a reloaded page does: open the control comm and ask for every widget's state."""
        comm_id = uuid.uuid4().hex
        self.send("comm_open", {"comm_id": comm_id, "target_name": "jupyter.widget.control", "data": {}})
        _, answers = self.comm_msg(comm_id, {"method": "request_states"})
        return comm_id, answers

    def log_lines(self):
        self._stderr.flush()
        with open(self.stderr_path) as f:
            return f.read().splitlines()

    def close(self):
        self.kc.stop_channels()
        self.km.shutdown_kernel(now=False)
        self._stderr.close()


def comm_opens(messages):
    return [m for m in messages if m["msg_type"] == "comm_open"]


def comm_msgs(messages, comm_id=None):
    return [m for m in messages if m["msg_type"] == "comm_msg"
            and (comm_id is None or m["content"]["comm_id"] == comm_id)]


def widget_view(messages):
    """The model id the cell's display_data shows, and the bundle."""
    for m in messages:
        if m["msg_type"] in ("display_data", "execute_result"):
            data = m["content"]["data"]
            if "application/vnd.jupyter.widget-view+json" in data:
                return data["application/vnd.jupyter.widget-view+json"]["model_id"], data
    raise AssertionError(f"no widget view among {[m['msg_type'] for m in messages]}")
