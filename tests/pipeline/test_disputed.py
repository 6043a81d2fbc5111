"""Where the two OCR readers read other digits outside the tables and the fiscal year had to be
inferred, the title's year may be the disputed one: the document is not `ok`."""

from __future__ import annotations

import pytest

from extractors.blocks import Span
from pipeline.build.context import DocContext
from pipeline.build.disputed import disputed_checks, title_year_disputed
from pipeline.locate.located import LocatedReport, TextAt

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


@pytest.mark.parametrize(("year_inferred", "expected"), [(True, ["ocr_disagreement"]), (False, [])])
def test_a_disputed_title_matters_only_where_the_year_was_inferred(
    year_inferred: bool, expected: list[str]
) -> None:
    located = LocatedReport(paragraphs=(TextAt("令和⟦4｜1⟧年度 医療提供施設等グループ化推進事業", AT),))
    ctx = DocContext("d1", 2022, None)
    checks = disputed_checks(ctx, [], [], [], [], [], located, year_inferred)
    assert [c.check for c in checks] == expected
