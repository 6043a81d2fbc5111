"""Status cells whose entries fill a narrow cell to its right edge, on real PDFs
(tests/fixtures/status_entries, make_status_entry_pdfs.py: generated reports printed by LibreOffice).
Where a full line ends and the next entry's first unit could not have fitted, the fit cannot tell
a wrap from an entry's end; the entry's own end (a date, a closed time range, `…開催` after one)
and the next one's start (a count, a rate, a `label：`, also one wrapped inside its word) tell it, or
the page (the next line begins as a cell's first line there), the entry (its label repeats) or the
rest of the next paragraph (a status word alone, a word that ends as an entry does) does, and each
report meets its gold."""

from __future__ import annotations

import json

import pytest

from pipeline.process import process_document
from pipeline.records import DocumentResult
from tests.conftest import ROOT
from tests.fixtures.make_status_entry_pdfs import FIXTURES
from tests.gold_scoring import EXACT_TABLES, assert_document, assert_exact_table, assert_initiatives, norm

FIXTURE_DIR = ROOT / "tests" / "fixtures" / "status_entries"
EXTRACTION_NOTES = {"drawn_labels"}  # checks a PDF may add to its gold: facts of the extraction


def run(name: str) -> tuple[DocumentResult, dict]:
    result = process_document((FIXTURE_DIR / f"{name}.pdf").read_bytes())
    gold = json.loads((FIXTURE_DIR / f"{name}.gold.json").read_text(encoding="utf-8"))
    return result, gold


def cell(result: DocumentResult, item_no: int, period: str) -> list[tuple[str, float | None]]:
    return [(norm(s.text), s.value) for s in result.status if s.item_no == item_no and s.period == period]


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_status_entry_fixture_meets_its_gold(name: str) -> None:
    result, gold = run(name)
    assert_document(gold, result)
    for table in EXACT_TABLES:
        assert_exact_table(gold, result, table)
    assert_initiatives(gold, result)
    ours = {c.check for c in result.checks}
    assert ours - set(gold.get("checks", [])) <= EXTRACTION_NOTES
    assert result.document.status == "ok"


HELD_THEN_COUNT = [
    ("※定期的（1回/3箇月）開催", None),  # `※定期的（1回` | `/3箇月）開催` (full) | `24回/年`
    ("24回/年", 24.0),
    ("準備中", None),
    ("発送：8月12日（金）14時30分～15時", None),
    ("派遣先：高萩市南部高齢者支援センター「在宅医療講演会」", None),
]
TIME_RANGE_THEN_RATE = [  # `開催日時：平成30年` | `7/21(土)19時～20時` (full) | `月2回程度開催`
    ("派遣講師：在宅療養支援診療所 医師", None),
    ("開催日時：平成30年7/21(土)19時～20時", None),
    ("月2回程度開催", None),
]
TIME_RANGE_END_STAYS = [  # `…(月)19:00` (full) | `～20:00`: the range's end is no `label：`
    ("発送：令和2年12月28日(月)19:00～20:00", None),
    ("18回/年", 18.0),
    ("症例検討会：1回", 1.0),
    ("2回/年", 2.0),
    ("ケース会議：4回", 4.0),
    ("医療機関への協力依頼（令和3年1月中）", None),
]
UNIT_AFTER_ITS_NUMBER = [  # `出前講座 ２` | `回`: the unit would have fitted by 0.09 em, yet wrapped
    ("令和3年11月5日（金）開催", None),
    ("出前講座 ２回", 2.0),
]
LABEL_WRAPPED_INSIDE_ITS_WORD = [  # `/4箇月）開催` | `多職種連携研` (full) | `修会：0回`
    ("ネットワーク会議 6回", 6.0),
    ("※定期的（1回/4箇月）開催", None),
    ("多職種連携研修会：0回", 0.0),
    ("派遣先：小美玉市南部高齢者支援センター「在宅医療講演会」", None),
]

# `症例検討会：18回` (full) | `症例検討会 2回`: joined they would state two counts (null, partial)
COUNT_THEN_LABELLED_COUNT = [("10回/年", 10.0), ("症例検討会：18回", 18.0), ("症例検討会 2回", 2.0)]

HELD_AT_A_RATE_THEN_LABELLED_COUNT = [  # `年１回開催予定` (full) | `市民公開講座 １` | `回`
    ("※定期的（1回/4箇月）開催", None),
    ("年１回開催予定", None),
    ("市民公開講座 １回", 1.0),
    ("５回", 5.0),
]
HELD_ON_A_DOTTED_DATE_THEN_COUNT = [  # `H30.11.22開催` (full) | `6回/年`
    ("調査期間：平成29年4/14～5/3", None),
    ("※定期的（1回/4箇月）開催", None),
    ("2回（5月〜6月）", 2.0),
    ("発送：H29.11.11(土)15:00～", None),
    ("H30.11.22開催", None),
    ("6回/年", 6.0),
    ("3回", 3.0),
]

# `派遣講師：在宅療養支援診療所 医師` (full) | `医療機関への協力` (full): a cell on the page opens so
LINE_BEGINS_AS_A_CELL_DOES = [
    ("派遣講師：在宅療養支援診療所 医師", None),
    ("医療機関への協力依頼（4月中）", None),
    ("市民公開講座：2回", 2.0),
]
LABEL_REPEATED = [  # `講師：すずらん在宅クリニック院長` (full) | `講師：みどり医院`: a label is stated once
    ("発送：令和元年7/5（金）", None),
    ("ネットワーク会議：10回", 10.0),
    ("講師：すずらん在宅クリニック院長", None),
    ("講師：みどり医院院長", None),
    ("0回", 0.0),
    ("検討中", None),
]

LABEL_OVER_THREE_LINES = [  # `講演会」` | `ネットワー` (full) | `ク会議（０` (full) | `回）`
    ("派遣先：常陸太田市南部高齢者支援センター「在宅医療講演会」", None),
    ("ネットワーク会議（０回）", 0.0),
    ("１２回", 12.0),
    ("３回/年", 3.0),
    ("医療機関への協力依頼（令和4年12月中）", None),
    ("４回（6月〜2月）", 4.0),
]
STATUS_WORD_AFTER_A_BRACKET = [  # `医療機関への協力依頼（4月中）` (full) | `随時`: a status word alone
    ("※定期的（1回/4箇月）開催", None),
    ("医療機関への協力依頼（4月中）", None),
    ("随時", None),
    ("10件", 10.0),
    ("ポスター掲示は準備が出来次第開始", None),
    ("0回", 0.0),
    ("開催日時：平成31年4/30（月）14:00～15:30", None),
]
# `令和二年四月一日開催` (full) | `医療機関へ` | `の協力依頼（6月中）`: a word that ends as an entry does
WORD_AFTER_A_HELD_DATE = [("令和二年四月一日開催", None), ("医療機関への協力依頼（6月中）", None)]
LONG_LABEL_AFTER_A_DATE = [  # `開催日時：令和元年9/23` (full) | `研修会等への` | `出席及び講師派遣：5回`
    ("1回（4月〜12月）", 1.0),
    ("※定期的（1回/4箇月）開催", None),
    ("開催日時：令和元年9/23", None),
    ("研修会等への出席及び講師派遣：5回", 5.0),
    ("調査期間：10月～11月", None),
]
MARKER_INSIDE_THE_GROUP_NAME = [  # the group line before them: `グループ名：「境町` | `・龍ケ崎市在宅ネッ`
    ("※それぞれの医療機関ごとに窓口を設置して相互に連絡できる体制の構築", None),
    ("医療機関への協力依頼（4月中）", None),
    ("2件", 2.0),
]


@pytest.mark.parametrize(
    ("name", "item_no", "period", "entries"),
    [
        ("held-then-count", 1, "plan", HELD_THEN_COUNT),
        ("time-range-then-rate", 1, "baseline", TIME_RANGE_THEN_RATE),
        ("time-range-end-stays", 1, "baseline", TIME_RANGE_END_STAYS),
        ("unit-after-its-number", 1, "baseline", UNIT_AFTER_ITS_NUMBER),
        ("label-wrapped-inside-its-word", 1, "plan", LABEL_WRAPPED_INSIDE_ITS_WORD),
        ("count-then-labelled-count", 3, "actual", COUNT_THEN_LABELLED_COUNT),
        ("held-at-a-rate-then-labelled-count", 2, "plan", HELD_AT_A_RATE_THEN_LABELLED_COUNT),
        ("held-on-a-dotted-date-then-count", 2, "plan", HELD_ON_A_DOTTED_DATE_THEN_COUNT),
        ("line-begins-as-a-cell-does", 2, "baseline", LINE_BEGINS_AS_A_CELL_DOES),
        ("label-repeated", 1, "actual", LABEL_REPEATED),
        ("label-over-three-lines", 1, "plan", LABEL_OVER_THREE_LINES),
        ("status-word-after-a-bracket", 2, "actual", STATUS_WORD_AFTER_A_BRACKET),
        ("word-after-a-held-date", 2, "actual", WORD_AFTER_A_HELD_DATE),
        ("long-label-after-a-date", 2, "baseline", LONG_LABEL_AFTER_A_DATE),
        ("marker-inside-the-group-name", 1, "baseline", MARKER_INSIDE_THE_GROUP_NAME),
    ],
)
def test_the_cell_that_fills_its_width_splits_where_its_entries_end(
    name: str, item_no: int, period: str, entries: list[tuple[str, float | None]]
) -> None:
    result, gold = run(name)
    expected = [(norm(text), value) for text, value in entries]
    # the fixture still holds the junction it is named after
    assert [
        (norm(r["text"]), r["value"])
        for r in gold["status"]
        if (r["item_no"], r["period"]) == (item_no, period)
    ] == expected
    assert cell(result, item_no, period) == expected
