"""Every notebook runs top to bottom (nbclient, a real kernel), shows tables and plots, and
is committed without outputs."""

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOKS = sorted((Path(__file__).parents[2] / "notebooks").glob("*.ipynb"))


def _code_cells(notebook):
    return [cell for cell in notebook.cells if cell.cell_type == "code"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebooks_are_committed_without_outputs(path):
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    assert _code_cells(notebook)
    for cell in _code_cells(notebook):
        assert cell.outputs == [], f"{path.name}: a cell keeps its outputs: strip them"
        assert cell.execution_count is None, f"{path.name}: a cell keeps its execution count"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebooks_run_without_error(path):
    notebook = nbformat.read(path, as_version=4)
    NotebookClient(
        notebook,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
    ).execute()
    outputs = [o for cell in _code_cells(notebook) for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    text = "".join(
        str(o.get("text", "")) + str(o.get("data", {}).get("text/plain", "")) for o in outputs
    )
    assert "Russia" in text and "NATO" in text
    # an analyst reads tables and plots, not Python reprs
    data = [o.get("data", {}) for o in outputs]
    assert any("<table" in str(d.get("text/html", "")) for d in data), "no table (text/html)"
    assert any("image/png" in d for d in data), "no plot (image/png)"
    html = "".join(str(d.get("text/html", "")) for d in data)
    assert ">None<" not in html, "a table shows None for a missing value"
