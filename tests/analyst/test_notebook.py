"""notebooks/explore.ipynb runs top to bottom in a real kernel against an extracted dataset, with
its plots drawn in a Japanese font (no empty boxes for 往診)."""

from __future__ import annotations

import os
from typing import Any

import nbformat
import pytest
from nbclient import NotebookClient

from pipeline import load_all
from pipeline.link.views import facilities_in_several_years
from pipeline.report.fonts import JAPANESE_FONTS
from pipeline.store.location import ENV_VAR
from tests.analyst.conftest import Dataset
from tests.conftest import ROOT

NOTEBOOK = ROOT / "notebooks" / "explore.ipynb"
PLOTS = 4  # patients, visits split 往診 / 訪問診療, deaths outside hospital, referrals
DEFAULT_CELL_TIMEOUT_S = 300


@pytest.fixture(scope="module")
def executed(analyst_dataset: Dataset, tmp_path_factory: pytest.TempPathFactory) -> Any:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    saved = os.environ.get(ENV_VAR)
    os.environ[ENV_VAR] = str(analyst_dataset.path)  # the kernel inherits it: load_all() finds the dataset
    try:
        workdir = tmp_path_factory.mktemp("notebook-cwd")  # not the repository: loading works from anywhere
        client = NotebookClient(
            notebook,
            timeout=DEFAULT_CELL_TIMEOUT_S,
            kernel_name="python3",
            resources={"metadata": {"path": str(workdir)}},
        )
        client.execute()
    finally:
        if saved is None:
            os.environ.pop(ENV_VAR, None)
        else:
            os.environ[ENV_VAR] = saved
    return notebook


def _outputs(notebook: Any) -> list[Any]:
    return [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]


def test_the_committed_notebook_has_no_outputs() -> None:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(notebook)
    assert all(not c.get("outputs") for c in notebook.cells if c.cell_type == "code")


def test_runs_without_errors_and_draws_every_plot(executed: Any) -> None:
    outputs = _outputs(executed)
    assert [o for o in outputs if o.output_type == "error"] == []
    images = [o for o in outputs if "image/png" in o.get("data", {})]
    assert len(images) == PLOTS


def test_labels_use_a_japanese_font(executed: Any) -> None:
    text = "".join(o.get("text", "") for o in _outputs(executed) if o.output_type == "stream")
    assert any(f"font: {name}" in text for name in JAPANESE_FONTS), text
    stderr = "".join(o.get("text", "") for o in _outputs(executed) if o.get("name") == "stderr")
    assert "missing from font" not in stderr and "Glyph" not in stderr, stderr


def test_loads_the_run_and_lists_the_open_checks(executed: Any, analyst_dataset: Dataset) -> None:
    from pipeline import load

    checks = load("checks", dataset=analyst_dataset.path)
    html = "".join(o.get("data", {}).get("text/html", "") for o in _outputs(executed))
    for name in checks["check"].unique():
        assert name in html
    assert "(グループ名なし)" in html  # the unnamed report is in the plots' tables
    assert "往診" in html and "訪問診療" in html
    several = facilities_in_several_years(load_all(dataset=analyst_dataset.path))
    assert len(several) >= 5 and several.facility_id.iloc[0] in html  # one facility followed
    assert "2020" in html and "2022" in html


def test_font_found_with_a_stale_matplotlib_cache() -> None:
    """A font cache built before fonts-noto-cjk was installed: the font's file is added by hand."""
    from matplotlib import font_manager

    from pipeline.report.fonts import japanese_font

    saved = list(font_manager.fontManager.ttflist)
    try:
        font_manager.fontManager.ttflist = [f for f in saved if f.name not in JAPANESE_FONTS]
        assert japanese_font() in JAPANESE_FONTS
    finally:
        font_manager.fontManager.ttflist = saved
