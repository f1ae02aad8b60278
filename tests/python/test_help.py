"""--help of a cell magic answers with or without a body; a mistyped option gets one line naming it."""
import pytest

from conftest import kernel_name
from kernel_session import KernelSession, error_of, text_of


@pytest.fixture(scope="module")
def session(jdk):
    s = KernelSession(kernel_name(jdk))
    yield s
    s.close()


@pytest.mark.parametrize("code", ["%%c --help", "%%c --help\nint main(void) { return 0; }\n"])
def test_cell_magic_help_with_or_without_a_body(session, code):
    reply, outputs = session.run(code)
    assert reply["status"] == "ok", outputs
    text = text_of(outputs)
    assert text.startswith("Usage: %%c "), text
    assert "--max-processes=N" in text and "--max-memory=SIZE" in text


def test_a_mistyped_option_names_only_the_option(session):
    reply, outputs = session.run("%spawn --smaples 40")
    assert reply["status"] == "error"
    line = error_of(outputs)["evalue"]
    assert "unknown option '--smaples'; did you mean --samples?" in line, line
    assert "'40'" not in line
