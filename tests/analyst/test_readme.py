"""The README's Python cells run as written, in order, against an extracted dataset; its three
questions get their answers in one cell each."""

from __future__ import annotations

import re
from typing import Any

import pytest

from pipeline.store.location import ENV_VAR
from tests.analyst.conftest import HOSTILE_GROUP, Dataset
from tests.conftest import ROOT

README = ROOT / "README.md"
MAX_CELL_LINES = 8  # "one short cell"


def _cells() -> list[str]:
    return re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.DOTALL)


@pytest.fixture(scope="module")
def namespace(analyst_dataset: Dataset) -> dict[str, Any]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(ENV_VAR, str(analyst_dataset.path))
        found: dict[str, Any] = {}
        for i, cell in enumerate(_cells()):
            exec(compile(cell, f"README.md python cell {i + 1}", "exec"), found)  # exec: the README is ours
    return found


def test_the_three_questions_are_short_cells() -> None:
    questions = [c for c in _cells() if c.startswith(("# Visits by group", "# Warnings", "# Members by"))]
    assert len(questions) == 3
    assert all(len(c.strip().splitlines()) <= MAX_CELL_LINES for c in questions)


def test_visits_by_group_and_year_split(namespace: dict[str, Any]) -> None:
    visits = namespace["visits"]
    assert list(visits.index.names) == ["group_key", "fiscal_year"]
    assert list(visits.columns) == ["visits_on_call", "visits_scheduled"]
    assert visits.loc[(HOSTILE_GROUP, 2020)].tolist() == [40, 265]
    unnamed = [key for key in visits.index if key[0].startswith("(グループ名なし)")]
    assert len(unnamed) == 1 and visits.loc[unnamed[0]].tolist() == [0, 6]


def test_warnings_by_document(namespace: dict[str, Any], analyst_dataset: Dataset) -> None:
    warnings = namespace["warnings"]
    assert list(warnings.index.names) == ["source_path", "check"]
    # seed 000's 往診 + 訪問診療 ≠ 合計回数, in the PDF and in the hostile copy
    assert warnings.xs("breakdown_mismatch", level="check").sum() == 2
    # the hostile copy's member `<img …>クリニック` prints as `クリニック`: a name every clinic of the
    # group could carry, so it is linked to none of them and each pair is raised (on the newer row's
    # document: the group's 2022 report)
    checks = namespace["load"]("checks", dataset=analyst_dataset.path)
    ambiguous = checks.loc[checks["check"] == "facility_ambiguous", "detail"]
    assert warnings.xs("facility_ambiguous", level="check").sum() == len(ambiguous) >= 4
    assert all("'クリニック' (members row 5" in detail for detail in ambiguous)
    assert {check for _, check in warnings.index} == {"breakdown_mismatch", "facility_ambiguous"}


def test_members_by_municipality(namespace: dict[str, Any]) -> None:
    table = namespace["members_by_municipality"]
    assert table.loc["つくばみらい市", 2020] == 2 * 5  # the PDF and the hostile copy of one list
    assert table.values.sum() == len(namespace["members"])


def test_other_tools_read_the_latest_run(namespace: dict[str, Any]) -> None:
    assert len(namespace["as_pandas"]) == len(namespace["outcomes"]) == namespace["as_polars"].height
    assert set(namespace["totals"]["metric"]) <= set(namespace["outcomes"]["metric"].cat.categories)
    assert len(namespace["first"]) == len(namespace["outcomes"])  # one run only in this dataset
