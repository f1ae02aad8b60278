"""A validly signed request captured and sent again runs once, as in ipykernel."""
import time

import pytest

from conftest import kernel_name
from kernel_session import KernelSession, result_of


@pytest.fixture(scope="module")
def session(jdk):
    s = KernelSession(kernel_name(jdk))
    yield s
    s.close()


def test_a_replayed_execute_request_runs_once(session):
    session.run("int runs = 0;")
    kc = session.kc
    message = kc.session.msg("execute_request", {
        "code": "runs++;", "silent": False, "store_history": True,
        "user_expressions": {}, "allow_stdin": False, "stop_on_error": True})
    frames = kc.session.serialize(message)  # signed once, sent twice byte for byte
    socket = kc.shell_channel.socket
    socket.send_multipart(frames, copy=True)
    socket.send_multipart(frames, copy=True)
    first = kc.get_shell_msg(timeout=60)
    assert first["parent_header"]["msg_id"] == message["header"]["msg_id"]
    assert first["content"]["status"] == "ok", first["content"]
    # the copy gets no reply and does not run: the next request is answered next
    reply, outputs = session.run("runs")
    assert reply["status"] == "ok", reply
    assert result_of(outputs) == "1", outputs


def test_a_fresh_request_with_the_same_code_still_runs(session):
    session.run("int again = 0;")
    session.run("again++;")
    session.run("again++;")
    reply, outputs = session.run("again")
    assert result_of(outputs) == "2", outputs
