"""Magics through the protocol: listing, help, and one clear line for every kind of bad input."""
import pytest

from conftest import REPO, kernel_name
from kernel_session import KernelSession, error_of, result_of, text_of


@pytest.fixture(scope="module")
def session(jdk):
    s = KernelSession(kernel_name(jdk))
    yield s
    s.close()


def one_line_error(outputs):
    error = error_of(outputs)
    assert error is not None, outputs
    assert len(error["traceback"]) == 1, error["traceback"]
    return error["traceback"][0]


def test_lsmagic_lists_every_magic_with_a_summary(session):
    text = text_of(session.run("%lsmagic")[1])
    for name in ("classpath", "jars", "maven", "load", "lsmagic"):
        line = next(l for l in text.splitlines() if l.strip().startswith("%" + name + " "))
        assert len(line.split(None, 1)[1]) > 10, line


@pytest.mark.parametrize("name", ["classpath", "jars", "maven", "load", "lsmagic"])
def test_help_for_every_magic(session, name):
    reply, outputs = session.run(f"%{name} --help")
    assert reply["status"] == "ok"
    assert text_of(outputs).startswith(f"Usage: %{name} ")


def test_unknown_magic_suggests_the_closest(session):
    line = one_line_error(session.run("%mavn org.x:y:1")[1])
    assert line == "unknown magic %mavn; did you mean %maven? (%lsmagic lists them all)"


def test_bad_maven_coordinate(session):
    line = one_line_error(session.run("%maven not-a-coordinate")[1])
    assert line.startswith("%maven: 'not-a-coordinate' is not a Maven coordinate; expected groupId:artifactId")


def test_unreachable_repository(session):
    outputs = session.run(
        "%maven org.example.none:missing:1.0 --repository http://127.0.0.1:9/none", timeout=120)[1]
    line = one_line_error(outputs)
    assert line.startswith("%maven: could not resolve org.example.none:missing:1.0 from ")
    # the resolver's logging goes to the kernel's log, never into the cell (no SLF4J warning)
    assert text_of(outputs, "stderr") == "" and text_of(outputs, "stdout") == "", outputs


def test_missing_jar(session):
    line = one_line_error(session.run("%jars /nonexistent/forklab/*.jar")[1])
    assert line.startswith("%jars: no jar file matches '/nonexistent/forklab/*.jar'")


def test_unknown_option_has_a_suggestion(session):
    line = one_line_error(session.run("%maven --repositry x g:a:1")[1])
    assert line == "%maven: unknown option '--repositry'; did you mean --repository? (see %maven --help)", line


def test_kernel_alive_after_bad_input_and_magics_mix_with_java(session):
    reply, outputs = session.run("%lsmagic\nint k = 6;\nk * 7")
    assert reply["status"] == "ok"
    assert result_of(outputs) == "42"


def test_load_runs_a_file_of_java_and_magics(session, tmp_path):
    script = tmp_path / "setup.jshell"
    script.write_text("%lsmagic\nint loaded = 41;\nloaded + 1\n")
    reply, outputs = session.run(f"%load {script}")
    assert reply["status"] == "ok"
    assert result_of(outputs) == "42"
    assert result_of(session.run("loaded")[1]) == "41"


# The JUnit build's test classes hold a test extension (GreetingExtension) with magics that fail
# on purpose; %classpath loads it into the running kernel as a student's jar would be loaded.
TEST_CLASSES = REPO / "kernel" / "target" / "test-classes"


@pytest.fixture(scope="module")
def failing_magics(session):
    assert (TEST_CLASSES / "org/forklab/kernel/GreetingExtension.class").is_file(), \
        f"{TEST_CLASSES} lacks the test extension; build with mvn package (test classes are compiled then)"
    reply, outputs = session.run(f"%classpath {TEST_CLASSES}")
    assert reply["status"] == "ok", outputs
    return session


def test_a_magics_usage_error_is_its_message_alone(failing_magics):
    reply, outputs = failing_magics.run("%refuse")
    error = error_of(outputs)
    message = "%refuse: 'x' is not accepted; try 'y'"
    assert (error["ename"], error["evalue"], error["traceback"]) == ("UsageError", message, [message])
    assert (reply["ename"], reply["evalue"], reply["traceback"]) == ("UsageError", message, [message])


def test_any_other_magic_failure_is_one_line_with_its_class(failing_magics):
    reply, outputs = failing_magics.run("%boom")
    error = error_of(outputs)
    assert error["ename"] == "IllegalStateException"
    assert error["traceback"] == ["IllegalStateException: the magic broke"]
    assert reply["traceback"] == ["IllegalStateException: the magic broke"], "no kernel stack in the reply either"


@pytest.mark.parametrize("code, matches, start", [
    ("%pingpong --modes thread-pipe,pro", ["process-pipe"], len("%pingpong --modes thread-pipe,")),
    ("%spawn --placement ", ["scheduler", "one-cpu"], len("%spawn --placement ")),
    ("%ipc --transports=native-shm", ["native-shm-spin", "native-shm-futex"], len("%ipc --transports=")),
])
def test_complete_request_offers_the_words_an_option_takes(session, code, matches, start):
    reply = session.kc.complete(code, len(code), reply=True, timeout=60)["content"]
    assert reply["status"] == "ok", reply
    assert reply["matches"] == matches, reply
    assert (reply["cursor_start"], reply["cursor_end"]) == (start, len(code)), reply
