"""One class of pdftotext -layout output per test (issue 7): the paragraphs of a 取組 period cell
(現状/取組目標/実績) rebuilt from its printed lines. A line wraps into the next where it fills
its column (as wide as the column's widest line in any item), or where the text breaks inside a
paragraph: a bracket still open, a figure followed by a bracket, a next line opening with a
closing bracket. Else the line ends its paragraph. The texts are cut from pdftotext -layout output
of generated reports (tests/fixtures/layout)."""

from __future__ import annotations

from pathlib import Path

from pipeline.process import process_document
from pipeline.records import DocumentResult

FIXTURES = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "layout"


def cells(name: str) -> dict[tuple[int, str], list[str]]:
    result: DocumentResult = process_document((FIXTURES / name).read_bytes())
    out: dict[tuple[int, str], list[str]] = {}
    for segment in result.status:
        out.setdefault((segment.item_no, segment.period), []).append(segment.text)
    return out


def test_a_date_and_its_weekday_and_a_range_wrapped_in_its_bracket_stay_one_paragraph() -> None:
    """`発送：R3.8.17` / `（火）` (a figure, then a bracket) and `・4 回（6 月～9` / `月）` (a bracket
    still open) wrap; `ホームページ掲載`, as short, is a paragraph of its own."""
    got = cells("items-chart-beside-cells.layout.txt")
    assert got[(2, "plan")] == ["発送：R3.8.17（火）", "ホームページ掲載"]
    assert got[(2, "actual")] == [
        "5 回（11 月-2 月）",
        "未定",
        "4 回（6 月～9月）",
        "住民向け勉強会（18 回）",
    ]


def test_a_line_short_of_its_column_by_a_bracket_that_may_not_end_a_line_wraps() -> None:
    """`派遣先：北…センター` / `「在宅医療講演会」`: the opening bracket moved down with the word it
    opens, so the line before is short by both, and still fills its column."""
    got = cells("items-cells-wider-than-header.layout.txt")
    assert got[(2, "plan")] == ["派遣先：北茨城市南部高齢者支援センター「在宅医療講演会」"]
    assert got[(1, "plan")] == ["研修テーマ：「最期まで望み通りの在宅生活を送るために」"]
