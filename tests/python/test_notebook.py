"""A whole notebook executed by nbclient, as JupyterLab or nbconvert would run it."""
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from conftest import kernel_name

SMOKE = Path(__file__).with_name("smoke.ipynb")


def outputs_of(cell):
    return [(o["output_type"], o.get("name"), sorted(o.get("data", {}))) for o in cell.outputs]


def test_smoke_notebook_runs_and_shows_each_kind_of_output(jdk):
    nb = nbformat.read(SMOKE, as_version=4)
    assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code"), "smoke.ipynb is stored without outputs"
    # iopub_timeout: how long nbclient waits for a cell's last output after its reply (4 s by
    # default, too short on a loaded 2-core machine); it ends early on the idle status.
    NotebookClient(nb, kernel_name=kernel_name(jdk), timeout=120, iopub_timeout=30,
                   startup_timeout=120, shutdown_kernel="graceful").execute()
    code = [c for c in nb.cells if c.cell_type == "code"]

    assert "%maven" in code[0].outputs[0]["text"] and "%load" in code[0].outputs[0]["text"]
    assert code[1].outputs[0]["data"]["text/plain"] == "true"
    streams = {o["name"]: o["text"] for o in code[2].outputs}
    assert streams == {"stdout": "stdout works\n", "stderr": "stderr works\n"}
    # display then update_display: nbclient applies the update to the displayed output in place
    assert outputs_of(code[3]) == [("display_data", None, ["text/html", "text/plain"])]
    assert code[3].outputs[0]["data"]["text/html"] == "<b>second</b>"
    assert code[4].outputs[0]["data"]["text/markdown"].startswith("| a | b |")
    assert code[5].outputs[0]["data"]["text/plain"] == "Sample[name=thread start, nanos=42000]"
    assert code[6].outputs[0]["data"]["text/plain"] == "55"
