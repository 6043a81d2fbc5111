"""Where the two OCR readers read other digits outside the tables and the fiscal year had to be
inferred, the title's year may be the disputed one: the document is not `ok`."""

from __future__ import annotations

import pytest

from extractors.blocks import Span
from pipeline.build.disputed import title_year_disputed
from pipeline.locate.located import TextAt

AT = Span(page=1)


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (
            ["令和⟦4｜1⟧年度 医療提供施設等グループ化推進事業", "グループ名"],
            "令和⟦4｜1⟧年度 医療提供施設等グループ化推進事業",
        ),
        (["令和4年度 医療提供施設等グループ化推進事業", "別添1"], None),
        ([], None),
    ],
)
def test_a_disputed_paragraph_is_named(texts: list[str], expected: str | None) -> None:
    assert title_year_disputed([TextAt(t, AT) for t in texts]) == expected
