"""One fixture per layout class that once put figures in the wrong place (issue 7), on the renditions
that print real tables: tests/fixtures/bugs/<class>.pdf (make_bug_pdfs.py: a seed's content laid
out otherwise, printed by LibreOffice) and <class>.txt / .md (make_bug_texts.py: a seed with one
change). A figure is emitted only where its institution, period and metric are certain; where a
row cannot be placed it is left out with a check naming it, and the document is `partial`.
"""

from __future__ import annotations

import json
import re

import pytest

from pipeline.locate.tables import same_label
from pipeline.process import process_document
from pipeline.records import DocumentResult
from tests.conftest import ROOT
from tests.fixtures.make_bug_texts import FILLED, TOTAL
from tests.gold_scoring import EXACT_TABLES, assert_document, assert_exact_table, assert_initiatives, norm

BUGS = ROOT / "tests" / "fixtures" / "bugs"
GOLD = ROOT / "tests" / "gold"
R2_GOLD, R3_GOLD, R4_GOLD = "000_77fec06e79e16c0d.txt", "003_1d5314b91ff3f58c.txt", "001_aa0a80047dfd47e6.txt"
# Checks a PDF fixture may add to its seed's: facts of the extraction, not of the data.
EXTRACTION_NOTES = {"drawn_labels"}
PERIODS = ("baseline", "plan", "actual")


def run(name: str) -> DocumentResult:
    return process_document((BUGS / name).read_bytes())


def gold_of(seed: str) -> dict:
    return json.loads((GOLD / f"{seed}.gold.json").read_text(encoding="utf-8"))


def details(result: DocumentResult, check: str) -> list[str]:
    return [c.detail for c in result.checks if c.check == check]


def assert_meets_gold(result: DocumentResult, seed: str) -> None:
    gold = gold_of(seed)
    assert_document(gold, result)
    for table in EXACT_TABLES:
        assert_exact_table(gold, result, table)
    assert_initiatives(gold, result)
    ours = {c.check for c in result.checks}
    assert set(gold.get("checks", [])) <= ours
    assert ours - set(gold.get("checks", [])) <= EXTRACTION_NOTES


def figures(result: DocumentResult, section: int) -> set[tuple[str | None, str, str, int | None]]:
    return {(o.institution, o.metric, o.period, o.value) for o in result.outcomes if o.section == section}


def filled(section: int, skip: tuple[str, ...] = ()) -> set[tuple[str | None, str, str, int | None]]:
    """The figures make_bug_texts.py printed in a section, as the pipeline should read them."""
    metrics = {1: ("patients",), 2: ("visits", "visits_on_call", "visits_scheduled")}
    metrics[3] = ("deaths", "deaths_outside_hospital")
    periods = {1: PERIODS, 2: PERIODS, 3: ("baseline", "actual")}
    out: set[tuple[str | None, str, str, int | None]] = set()
    for label, cells in FILLED[section]:
        if label in skip:
            continue
        institution = None if label == TOTAL else label.lstrip("・")
        for period, cell in zip(periods[section], cells, strict=True):
            values = [int(v) for v in re.findall(r"(\d+)[名回]", cell)]
            for metric, value in zip(metrics[section], values, strict=True):
                out.add((institution, metric, period, value))
    return out


# --- PDFs: the seed's content laid out otherwise must still meet the seed's gold exactly --------


@pytest.mark.parametrize(
    ("name", "seed"),
    [
        ("continuation-one-column-fewer.pdf", R3_GOLD),
        ("continuation-repeated-header.pdf", R3_GOLD),
        ("continuation-total-row-alone.pdf", R3_GOLD),
        ("row-split-over-pages.pdf", R3_GOLD),
        ("wrap-inside-word.pdf", R3_GOLD),
        ("group-name-with-sentence.pdf", R4_GOLD),
    ],
)
def test_pdf_layout_class_meets_the_seed_gold(name: str, seed: str) -> None:
    result = run(name)
    assert result.document.rendition == "pdf_text"
    assert_meets_gold(result, seed)


def test_continuation_one_column_fewer_is_lined_up_by_x() -> None:
    """Page 3 continues 取組効果 2 without its merged title column: one column fewer. Lined up by
    index, the figure cells would have become the institution; by x they stay in their periods."""
    result = run("continuation-one-column-fewer.pdf")
    continued = [o for o in result.outcomes if o.section == 2 and o.page == 3]
    assert {o.institution for o in continued} == {"なるしま内科医院", None}
    assert {o.period for o in continued} == set(PERIODS)
    assert not details(result, "cells_ambiguous")


def test_continuation_of_a_merged_total_row_alone_is_lined_up() -> None:
    """The 合計 row alone on the next page, its label merged over two header columns."""
    result = run("continuation-total-row-alone.pdf")
    continued = [o for o in result.outcomes if o.page == 3 and o.section == 2]
    assert continued and all(o.is_total for o in continued)
    assert not details(result, "cells_ambiguous")


def test_a_row_split_by_the_page_break_is_joined() -> None:
    """なるしま内科医院's cells end at `訪問診療:` on p.2 and go on with `0回)` on p.3."""
    result = run("row-split-over-pages.pdf")
    naru = {(o.metric, o.period): o for o in result.outcomes if o.institution == "なるしま内科医院"}
    assert naru[("visits_scheduled", "baseline")].value == 0
    assert "\n" in naru[("visits_scheduled", "baseline")].raw  # the two printed pieces, joined
    assert not details(result, "institution_unnamed") and not details(result, "unparsed_figure")


def test_continuation_with_repeated_header_stays_in_its_section() -> None:
    result = run("continuation-repeated-header.pdf")
    assert {o.section for o in result.outcomes if o.page == 3 and o.metric.startswith("visits")} == {2}
    assert not details(result, "section_inferred")


def test_wrap_inside_word_fixture_really_wraps_inside_words() -> None:
    result = run("wrap-inside-word.pdf")
    raws = [o.raw for o in result.outcomes if o.section == 2]
    assert any("往\n診" in r or "訪\n問" in r or "診\n療" in r for r in raws), raws[:3]
    assert {o.metric for o in result.outcomes if o.section == 2} == {
        "visits",
        "visits_on_call",
        "visits_scheduled",
    }


def test_group_name_does_not_swallow_the_sentence_after_it() -> None:
    for name in ("group-name-with-sentence.pdf", "group-name-with-sentence.txt"):
        result = run(name)
        assert result.document.group_name == "水戸市・水戸市医師会連携グループ", name
        assert any(norm(s.text).startswith("水戸市と水戸市医師会が連携し") for s in result.status), name


def test_totals_that_stop_adding_up_after_a_join_make_the_document_partial() -> None:
    """A continuation lined up by x position (its columns differ from the header's) after which
    the 合計 no longer adds up: the join itself is in doubt."""
    result = run("joined-total-mismatch.pdf")
    (detail,) = details(result, "joined_total_mismatch")
    assert "p.2, p.3" in detail
    assert details(result, "total_mismatch")
    assert result.document.status == "partial"


def test_a_mismatch_over_pages_with_the_same_columns_is_the_data_s_own() -> None:
    result = run("total-mismatch-over-pages.pdf")
    assert details(result, "total_mismatch")
    assert not details(result, "joined_total_mismatch")
    assert result.document.status == "ok"


# --- text renditions: each class read exactly, or left out with a check -----------------------


@pytest.mark.parametrize(
    ("name", "rendition"), [("wrap-inside-word.txt", "tsv_html"), ("wrap-inside-word.md", "markdown")]
)
def test_wrap_inside_word_in_text_renditions_meets_the_seed_gold(name: str, rendition: str) -> None:
    result = run(name)
    assert result.document.rendition == rendition
    assert any("往\n\n診" in o.raw for o in result.outcomes)
    assert_meets_gold(result, R2_GOLD)


def test_group_name_with_sentence_in_tsv_meets_the_seed_gold() -> None:
    assert_meets_gold(run("group-name-with-sentence.txt"), R4_GOLD)


def test_institution_header_aliases_are_read() -> None:
    """`機関名`, `医療機関名（※医療機関ごとに記載）`, `医療機関等名` head the institution column."""
    result = run("institution-header-alias.txt")
    assert result.document.status == "ok", result.document.message
    for section in (1, 2, 3):
        assert figures(result, section) == filled(section)


def test_unknown_institution_header_never_turns_rows_into_totals() -> None:
    """取組効果 1 headed `区分`: before, every institution row became a 合計 with a null institution
    (three "totals" per period, no total_mismatch). Now its figures are left out, with a check."""
    result = run("institution-header-unknown.txt")
    assert figures(result, 1) == set()
    (detail,) = details(result, "unknown_wording")
    assert "区分" in detail and "取組効果 1" in detail
    assert result.document.status == "partial"
    assert figures(result, 2) == filled(2) and figures(result, 3) == filled(3)


def test_a_name_cell_that_reads_as_a_figure_leaves_its_row_out() -> None:
    """B医院's name cell lost, its figures shifted left: `5名` where the name should be."""
    result = run("label-reads-as-figure.txt")
    assert figures(result, 1) == filled(1, skip=("・B医院",))
    assert figures(result, 2) == filled(2, skip=("・B医院",))
    found = details(result, "label_reads_as_figure")
    assert len(found) == 2 and "l.25" in found[0] and "'5名'" in found[0]
    assert not details(result, "total_mismatch")  # a sum over a row left out is not checked
    assert result.document.status == "partial"


def test_rows_with_more_or_fewer_cells_than_the_header_are_left_out() -> None:
    result = run("row-cells-mismatch.txt")
    assert figures(result, 1) == filled(1, skip=("・B医院",))
    assert figures(result, 2) == filled(2, skip=("・B医院",))
    found = details(result, "cells_ambiguous")
    assert len(found) == 2
    assert "l.25" in found[0] and "4 cells" in found[0] and "l.36" in found[1] and "6 cells" in found[1]
    assert result.document.status == "partial"


def test_text_continuation_with_one_column_fewer_is_left_out_not_shifted() -> None:
    """Without positions a continuation with one cell fewer per row cannot be lined up: its rows
    are left out, never read by index."""
    result = run("continuation-one-column-fewer.txt")
    assert figures(result, 2) == filled(2, skip=("・B医院", TOTAL))
    assert len(details(result, "cells_ambiguous")) == 2
    assert result.document.status == "partial"


def test_text_continuation_with_repeated_header_is_joined() -> None:
    result = run("continuation-repeated-header.txt")
    assert result.document.status == "ok", result.document.message
    assert figures(result, 2) == filled(2)
    assert {o.section for o in result.outcomes} == {1, 2, 3}


@pytest.mark.parametrize(
    ("printed", "read"), [("計 画 (", "計 画 〈"), ("医療機関ごとに記載", "医療機関ことに記載")]
)
def test_a_repeated_header_read_otherwise_by_ocr_still_continues_its_table(printed: str, read: str) -> None:
    """Binarized 150 dpi scans read a repeated header's `（事前協議月から…` as `〈事前協議月から…` and
    `医療機関ごとに記載` as `…ことに記載`: compared letter for letter the header was a new table's,
    and section 2's rows after it were taken apart from the rows before (here: the group total no
    longer sums its rows)."""
    lines = (BUGS / "continuation-repeated-header.txt").read_text(encoding="utf-8").split("\n")
    repeated = [i for i, line in enumerate(lines) if "医療機関名" in line][2]
    assert printed in lines[repeated]
    lines[repeated] = lines[repeated].replace(printed, read, 1)
    result = process_document("\n".join(lines).encode("utf-8"))
    assert figures(result, 2) == filled(2)
    assert not details(result, "total_mismatch")


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("計 画 (補助金交付申請の月から", "計 画 〈補助金交付申請の月から", True),  # a bracket
        ("医療機関名 ※医療機関ごとに記載", "医療機関名 医療機関ことに記載", True),  # a mark, a letter
        ("実 績", "実 精", True),
        ("実 績", "実 積 績", False),  # another length
        ("医療機関ごとに記載", "医療機関ことに記載す", False),
        ("取組目標(令和2年度)", "取組目標(令和3年度)", False),  # a year's digit
        ("取組目標(令和二年度)", "取組目標(令和三年度)", False),  # a year in kanji numerals
        ("過去6箇月間の状況", "過去3箇月間の状況", False),
        ("実績(R2年度)", "実績(R3年度)", False),
    ],
)
def test_a_header_printed_again_is_the_same_but_for_one_letter_never_a_number(
    a: str, b: str, same: bool
) -> None:
    assert same_label(a, b) is same
    assert same_label(b, a) is same


def test_several_rows_read_as_the_group_total_are_left_out() -> None:
    result = run("totals-ambiguous.txt")
    assert figures(result, 1) == set()
    (detail,) = details(result, "totals_ambiguous")
    assert "l.42" in detail
    assert result.document.status == "partial"


def test_an_unnamed_row_among_named_ones_is_not_a_total() -> None:
    """Without an institution column a blank label reads as the group total only in a table of
    totals; among rows named after institutions it is an institution without a name."""
    result = run("unnamed-row-among-institutions.txt")
    totals = {(o.period, o.value) for o in result.outcomes if o.section == 1 and o.is_total}
    assert totals == {("baseline", 15), ("plan", 73), ("actual", 75)}
    unnamed = {
        (o.period, o.value)
        for o in result.outcomes
        if o.section == 1 and o.institution is None and not o.is_total
    }
    assert unnamed == {("baseline", 5), ("plan", 33), ("actual", 34)}
    assert details(result, "institution_unnamed")


def with_r2_baseline_cell(printed: str) -> DocumentResult:
    """The R2 seed with its 取組2 現状 cell (`3回`) printed otherwise."""
    lines = (ROOT / "data" / "raw" / R2_GOLD).read_text(encoding="utf-8").split("\n")
    row = next(i for i, line in enumerate(lines) if line.startswith("2 在宅医療を提供する"))
    cells = lines[row].split("\t")
    assert cells[-3] == "3回"
    cells[-3] = printed
    lines[row] = "\t".join(cells)
    return process_document("\n".join(lines).encode("utf-8"))


def test_status_segment_stating_two_counts_keeps_no_value() -> None:
    """Two entries the print ran together (`…講師派遣：6回` + `ネットワーク会議1回`, nothing between
    them) state two counts: the segment's value is not told, so it is null, with a check."""
    printed = "研修会等への出席及び講師派遣：6回ネットワーク会議1回"
    result = with_r2_baseline_cell(printed)
    baseline = [(s.text, s.value, s.unit) for s in result.status if s.item_no == 2 and s.period == "baseline"]
    assert baseline == [("研修会等への出席及び講師派遣：6回ネットワーク会議1回", None, None)]
    assert details(result, "status_count_ambiguous") == [f"取組2 baseline segment 1: {printed!r}"]
    assert result.document.status == "partial"
    plan = [(s.text, s.value) for s in result.status if s.item_no == 2 and s.period == "plan"]
    assert plan == [("3回", 3.0)]


def test_a_count_opening_right_after_a_segment_ending_with_a_digit_keeps_no_value() -> None:
    """`症例検討会：1` | `2回`: a line wrapped inside `12回` prints as two entries; the second's
    count may be the rest of the first's number, so it is null, with a check."""
    result = with_r2_baseline_cell("<p>症例検討会：1</p> <p>2回</p>")
    baseline = [(s.text, s.value) for s in result.status if s.item_no == 2 and s.period == "baseline"]
    assert baseline == [("症例検討会：1", None), ("2回", None)]
    expected = "取組2 baseline segment 2: '2回' after '症例検討会：1'"
    assert details(result, "status_count_ambiguous") == [expected]
    assert result.document.status == "partial"
