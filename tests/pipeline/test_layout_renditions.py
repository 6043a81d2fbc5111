"""pdftotext renditions of the fixture PDFs (tests/fixtures/make_layout_texts.py): default mode,
default mode without form feeds, and -layout, for every form version. Against their seed's gold:
no figure in a wrong place and no member row that is not the seed's, in every rendition; and
every table exact where the rendition keeps what the seed printed."""

from __future__ import annotations

import json

import pytest

from bench.score import score_result
from pipeline.process import process_document
from tests.conftest import ROOT

LAYOUT = ROOT / "tests" / "fixtures" / "layout"
GOLD = ROOT / "tests" / "gold"
SEEDS = {
    "h30_ryugasaki": "002_ea5a7a86fcbe7014.txt",
    "r2_tsukubamirai": "000_77fec06e79e16c0d.txt",
    "r3_ami": "003_1d5314b91ff3f58c.txt",
    "r4_mito": "001_aa0a80047dfd47e6.txt",
}
MODES = ("pdftotext", "pdftotext-noff", "pdftotext-layout")
RENDITIONS = [(pdf, mode) for pdf in SEEDS for mode in MODES]
# (fixture, mode) -> tables that must meet the seed's gold exactly
EXACT: dict[tuple[str, str], tuple[str, ...]] = {
    **{
        ("r3_ami", mode): ("document", "members", "initiatives", "status", "outcomes", "dates", "checks")
        for mode in MODES
    },
    ("r2_tsukubamirai", "pdftotext-layout"): ("initiatives", "outcomes"),
    ("h30_ryugasaki", "pdftotext-layout"): ("outcomes", "checks"),
    ("r4_mito", "pdftotext-layout"): ("members", "outcomes", "checks"),
}


def scores(pdf: str, mode: str) -> tuple[object, dict]:
    gold = json.loads((GOLD / f"{SEEDS[pdf]}.gold.json").read_text(encoding="utf-8"))
    result = process_document((LAYOUT / f"{pdf}.{mode}.txt").read_bytes())
    return result, score_result(gold, result)


@pytest.mark.parametrize(("pdf", "mode"), RENDITIONS)
def test_no_figure_and_no_member_in_a_wrong_place(pdf: str, mode: str) -> None:
    result, scored = scores(pdf, mode)
    assert result.document.rendition == "layout_text"  # type: ignore[attr-defined]
    assert scored["outcomes"].misplaced == 0, scored["outcomes"].misses
    assert scored["members"].precision == 1.0, scored["members"].misses


@pytest.mark.parametrize(("pdf", "mode"), sorted(EXACT))
def test_tables_meet_the_seed_gold(pdf: str, mode: str) -> None:
    _, scored = scores(pdf, mode)
    for table in EXACT[(pdf, mode)]:
        assert not scored[table].misses, (table, scored[table].misses)


@pytest.mark.parametrize("mode", MODES)
def test_a_clean_report_is_ok_in_every_mode(mode: str) -> None:
    result, _ = scores("r3_ami", mode)
    assert (result.document.status, result.document.form_version) == ("ok", "R2-R3")  # type: ignore[attr-defined]


def test_group_totals_with_a_blank_column_are_placed_by_where_they_print() -> None:
    """-layout keeps places: `73 名   75 名` under 取組目標 and 実績, the 現状 cell left empty."""
    result, _ = scores("r2_tsukubamirai", "pdftotext-layout")
    totals = {(o.period, o.value) for o in result.outcomes if o.section == 1}  # type: ignore[attr-defined]
    assert totals == {("plan", 73), ("actual", 75)}


def test_group_totals_with_a_blank_column_are_not_guessed_in_reading_order() -> None:
    """Default mode prints only `73 名` and `75 名`: two cells for three period columns cannot
    say which columns they are. No figure; `cells_ambiguous`; the document `partial`."""
    result, _ = scores("r2_tsukubamirai", "pdftotext")
    assert not [o for o in result.outcomes if o.section == 1 and o.value is not None]  # type: ignore[attr-defined]
    assert any(c.check == "cells_ambiguous" and "取組効果 1" in c.detail for c in result.checks)  # type: ignore[attr-defined]
    assert result.document.status == "partial"  # type: ignore[attr-defined]


def test_two_status_entries_printed_side_by_side_are_read_apart() -> None:
    """-layout prints 取組2's 現状 entries `0回` and `10 件` on one line: two entries, each with its
    own count (read as one segment they would state two counts, and give no value)."""
    result, _ = scores("h30_ryugasaki", "pdftotext-layout")
    row = [(s.text, s.value) for s in result.status if s.item_no == 2 and s.period == "baseline"]  # type: ignore[attr-defined]
    assert row == [("0回", 0.0), ("10 件", 10.0)]


def test_a_title_cell_one_space_from_its_content_still_tells_the_form() -> None:
    """pdftotext -layout, a generated R2 report: item 1's title cell prints one space from the
    content beside it (`参入又は拡充に取り組 ていきます。` / `む医療機関等の連携強 令和2年…`), so the
    title as located holds content lines between its own and the form's title wording
    (`…医療機関等の連携強化を図るための取組`) was not found: `unknown_form`, and a clean report came
    out partial. Each title line's first words, joined, spell the title cell alone."""
    result = process_document(
        (LAYOUT / "items-title-cell-one-space-from-the-content.layout.txt").read_bytes()
    )
    assert result.document.form_version == "R2-R3"
    assert not [c for c in result.checks if c.check == "unknown_form"]
    assert result.document.status == "ok"
