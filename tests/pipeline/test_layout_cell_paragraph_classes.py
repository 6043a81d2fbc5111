"""One class of pdftotext -layout output per test (issue 7): the paragraphs of a 取組 period cell
(現状/取組目標/実績) rebuilt from its printed lines. A line wraps into the next where it fills
its column (as wide as the column's widest line in any item), or where the text breaks inside a
paragraph: a bracket still open, a figure followed by a bracket, a next line opening with a
closing bracket, a date or time printed across the break. Else the line ends its paragraph, as
does a full line that ends an entry before a line that opens one. The texts are cut from
pdftotext -layout output of generated reports (tests/fixtures/layout)."""

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


def test_full_lines_that_end_an_entry_before_a_line_that_opens_one_end_their_paragraph() -> None:
    """`年３回開催予定` / `発送：6/24（金）` / `１回`: each line fills the column to within a
    character, yet ends an entry (a rate held, a bracket) before a line that opens one (a label, a
    count). Joined they read as one entry with no count."""
    got = cells("items-cell-entries-ending-on-full-lines.layout.txt")
    assert got[(1, "plan")] == ["年３回開催予定", "発送：6/24（金）", "１回"]
    result = process_document((FIXTURES / "items-cell-entries-ending-on-full-lines.layout.txt").read_bytes())
    counts = {(s.item_no, s.period, s.text): (s.value, s.unit) for s in result.status}
    assert counts[(1, "plan", "１回")] == (1.0, "回")
    # `…「在宅医療講演会」` / `※定期的（1 回/2 箇`: a bracket closed, then a word with a count of its own
    other = cells("items-cell-date-printed-across-lines.layout.txt")
    assert other[(1, "plan")] == [
        "派遣先：高萩市南部高齢者支援センター「在宅医療講演会」",
        "※定期的（1 回/2 箇月）開催",
    ]


def test_a_date_or_time_printed_across_a_break_stays_one_paragraph() -> None:
    """`発送：令和 2 年 4/1` / `3(月)午後 2 時～3` / `時` and `◆発送：11 月 12` / `日(土)`: the lines
    stop short of the column, but the date or time runs on across each break; `令和 4 年 2 月 29 日` /
    `開催` is an entry held on its date."""
    got = cells("items-cell-date-printed-across-lines.layout.txt")
    assert got[(2, "actual")][1] == "発送：令和 2 年 4/13(月)午後 2 時～3時"
    assert got[(3, "baseline")][2] == "令和 4 年 2 月 29 日開催"
    other = cells("items-cell-entries-ending-on-full-lines.layout.txt")
    assert other[(2, "baseline")][2] == "発送：11 月 12日(土)"


def test_a_day_before_a_count_on_the_next_line_is_not_run_into_it() -> None:
    """`開催日時：R4.7.` / `2` / `１回（7 月-8` / `月）`: `R4.7.21` would read as a date too, but the
    digits after the break open a count (`1回`): the count stays an entry of its own, with its value."""
    got = process_document((FIXTURES / "items-cell-day-and-count-across-a-line.layout.txt").read_bytes())
    actual = [(s.text, s.value) for s in got.status if (s.item_no, s.period) == (2, "actual")]
    assert actual[:2] == [("開催日時：R4.7.2", None), ("１回（7 月-8月）", 1.0)]


def test_a_line_short_of_its_column_by_a_kana_pair_that_may_not_part_wraps() -> None:
    """`在宅医療連携グ` / `ループ`: a long vowel mark opens no line, so `ルー` moved down together
    and the line is full though two columns short of the widest (`*ホームページ掲載`, its
    half-width marker taking room): the group name is one paragraph, left out of the cell with
    the reference note under it."""
    got = cells("items-header-out-of-scale-page-places.layout.txt")
    assert not [t for t in got[(1, "baseline")] if t == "ループ" or t.startswith("※参考資料")]
    assert got[(1, "baseline")][-4:] == [
        "ケース会議 14 回",
        "検討中",
        "2022 年 7 月 19 日開催",
        "ホームページ掲載",
    ]


def test_a_line_that_closes_a_bracket_before_a_kana_pair_ends_its_paragraph() -> None:
    """`依頼（3 月中）` / `ホームページ掲載`: the line is short of its column by no more than `ホー`
    takes, but it closes a bracket, where an entry may as well end: two paragraphs."""
    got = cells("items-cell-closing-bracket-before-a-long-vowel.layout.txt")
    assert got[(3, "baseline")][-2:] == ["医療機関への協力依頼（3 月中）", "ホームページ掲載"]
