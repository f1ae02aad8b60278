"""Whatever a cell does, the kernel lives on, answers the next cell and loses no output (issue 16).

Each test runs what a careless student might type, through a real Jupyter client, and then checks
that the kernel still works and still holds the state of earlier cells.
"""
import pytest

from conftest import kernel_name
from kernel_session import KernelSession, error_of, result_of, text_of


@pytest.fixture(scope="module")
def session(jdk):
    s = KernelSession(kernel_name(jdk))
    s.run("int before = 7;")
    yield s
    s.close()


def assert_alive(session):
    """The kernel answers, and a variable of the first cell still exists."""
    reply, outputs = session.run("before * 6")
    assert reply["status"] == "ok", outputs
    assert result_of(outputs) == "42"


def test_an_error_thrown_while_showing_a_value_is_one_error_reply(session):
    # The value's toString runs on the kernel's own thread, outside JShell's protection.
    reply, outputs = session.run('new Object() { public String toString() { throw new Error("boom"); } }')
    assert reply["status"] == "error"
    assert error_of(outputs)["traceback"] == ["Error: boom"]
    assert_alive(session)


def test_deeply_nested_parentheses_compile_or_fail_in_one_line(session):
    code = "int nested = " + "(" * 2500 + "1" + ")" * 2500 + ";"
    reply, outputs = session.run(code, timeout=120)
    if reply["status"] == "error":
        assert len(error_of(outputs)["traceback"]) == 1
    else:
        assert result_of(session.run("nested")[1]) == "1"
    assert_alive(session)


def test_a_method_too_large_is_one_error_and_declares_nothing(session):
    code = "int[] table = {" + ",".join(["1234"] * 9500) + "};"  # 47 KB, past the 64 KB method limit
    assert len(code) > 47_000
    reply, outputs = session.run(code, timeout=120)
    assert reply["status"] == "error"
    error = error_of(outputs)
    assert "code too large" in error["traceback"][0]
    assert sum(len(line) for line in error["traceback"]) < 2_000  # not the whole literal back
    assert error_of(session.run("table.length")[1])["ename"] == "CompileError"
    assert_alive(session)


@pytest.mark.parametrize("literal", [
    '"' + "x" * 1_000_000 + '"',
    "new int[] {" + ",".join(["1234"] * 250_000) + "}",
], ids=["string-1MB", "int-array-1MB"])
def test_after_a_1MB_literal_the_evaluator_still_works(session, literal):
    reply, outputs = session.run("var huge = " + literal + ";", timeout=180)
    assert reply["status"] == "error"
    assert len(error_of(outputs)["traceback"]) <= 6
    # Before the fix every later cell replied "ok" and did nothing: check each kind of snippet.
    reply, outputs = session.run("int later = 5;")
    assert reply["status"] == "ok"
    assert result_of(session.run("later + 1")[1]) == "6"
    assert text_of(session.run('System.out.println("still printing");')[1]) == "still printing\n"
    session.run("int twice(int x) { return 2 * x; }")
    assert result_of(session.run("twice(later)")[1]) == "10"
    assert_alive(session)


def test_deep_recursion_traceback_is_collapsed(session):
    reply, outputs = session.run("int down(int x) { return down(x + 1); }\ndown(0)")
    assert reply["status"] == "error"
    error = error_of(outputs)
    assert error["ename"] == "StackOverflowError"
    assert len(error["traceback"]) <= 20
    assert any("down called itself" in line and "more times" in line for line in error["traceback"])
    assert_alive(session)


def test_mutual_recursion_traceback_is_collapsed(session):
    reply, outputs = session.run("int ping(int x) { return pong(x + 1); }\nint pong(int x) { return ping(x + 1); }\nping(0)")
    assert reply["status"] == "error"
    error = error_of(outputs)
    assert len(error["traceback"]) <= 20
    assert any("frames above repeated" in line for line in error["traceback"])
    assert_alive(session)
