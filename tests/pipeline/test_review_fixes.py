"""One fixture per defect found in review (tests/fixtures/bugs/review-*.txt, each a seed with one
change): a figure is never dropped, shifted or mislabelled without a check; one bad document or
file never costs the run."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from pipeline.process import process_document
from pipeline.records import DocumentResult
from pipeline.run import run_extract
from tests.conftest import ROOT

BUGS = ROOT / "tests" / "fixtures" / "bugs"
RAW = ROOT / "data" / "raw"


def run(name: str) -> DocumentResult:
    return process_document((BUGS / name).read_bytes())


def values(result: DocumentResult, **where: object) -> list[tuple[object, ...]]:
    rows = [o for o in result.outcomes if all(getattr(o, k) == v for k, v in where.items())]
    return [(o.institution, o.metric, o.period, o.value) for o in rows]


def details(result: DocumentResult, check: str) -> list[str]:
    return [c.detail for c in result.checks if c.check == check]


@pytest.fixture(scope="module")
def cells() -> DocumentResult:
    return run("review-a1-a3-outcome-cells.txt")


def test_a1_unreadable_total_is_kept_null_with_check(cells: DocumentResult) -> None:
    # 合計回数: 約50回(うち往診: 10回、訪問診療: 40回)
    assert ("Aクリニック", "visits", "baseline", None) in values(cells, section=2)
    assert ("Aクリニック", "visits_on_call", "baseline", 10) in values(cells, section=2)
    assert any("約50回" in d for d in details(cells, "unparsed_figure"))


def test_a2_malformed_number_is_not_a_blank_cell(cells: DocumentResult) -> None:
    (row,) = [o for o in cells.outcomes if o.raw == "1,00名"]
    assert row.value is None
    assert any("1,00名" in d for d in details(cells, "unparsed_figure"))


def test_a3_signed_differences_are_read(cells: DocumentResult) -> None:
    difference = {m: v for _, m, p, v in values(cells, section=4, period="difference")}
    assert difference == {"referrals": -2, "emergency_admissions": 1, "reverse_referrals": 1}


def test_b2_digits_outside_the_pattern_raise_a_check(cells: DocumentResult) -> None:
    assert any("うち自宅: 2名" in d for d in details(cells, "unparsed_figure"))


def test_a4_layout_row_with_unreadable_cell_keeps_columns() -> None:
    result = run("review-a4-layout-unreadable-cell.txt")
    sakae = values(result, section=1, institution="さかえ医院")
    assert sakae == [
        ("さかえ医院", "patients", "baseline", None),
        ("さかえ医院", "patients", "plan", 1),
        ("さかえ医院", "patients", "actual", 0),
    ]
    assert not details(result, "total_mismatch")


def test_a5_institution_rows_without_a_name_column() -> None:
    result = run("review-a5-institutions-without-header.txt")
    assert ("みらい平クリニック", "patients", "plan", 40) in values(result, section=1)
    assert (None, "patients", "plan", 73) in values(result, section=1, is_total=True)
    assert not details(result, "total_mismatch")  # 10 + 5 = 15, 40 + 33 = 73, 41 + 34 = 75: all agree


def test_a7_layout_member_list_is_read_row_by_row() -> None:
    """Issue 7: the member list of layout text is rebuilt from what its pieces say they are; the
    second row's role label is cut (`これから在宅医療`) yet names the participants' label alone."""
    result = run("review-a7-layout-member-list.txt")
    rows = [(m.row_no, m.role, m.designation, m.name, m.phone) for m in result.members]
    assert rows == [
        (1, "medical_association", "hub", "稲敷医師会", "029-887-0000"),
        (2, "participant", "active", "印南クリニック", "029-892-0000"),
    ]
    assert result.document.status == "ok"


def test_a7_a_member_list_whose_rows_cannot_be_rebuilt_makes_the_document_partial() -> None:
    """A piece of the list no row takes (a phone number printed apart from any name): every row
    is left unread, with `member_row_unread`, and the document is `partial`."""
    text = (BUGS / "review-a7-layout-member-list.txt").read_text(encoding="utf-8")
    text += "                                                                              029-892-1111\n"
    result = process_document(text.encode("utf-8"))
    assert result.members == ()
    assert len(details(result, "member_row_unread")) == 2
    assert result.document.status == "partial"


def test_b1_unknown_status_headers_are_reported() -> None:
    result = run("review-b1-unknown-status-headers.txt")
    assert result.document.status == "partial"
    assert len(details(result, "unread_column")) == 2


def test_f1_a_common_phrase_does_not_flip_the_form() -> None:
    assert run("review-f1-common-phrase-form.txt").document.form_version == "R2-R3"


def test_b3_member_row_without_a_name_is_reported() -> None:
    result = run("review-b3-member-row-without-name.txt")
    assert len(result.members) == 7
    (detail,) = details(result, "member_row_unread")
    assert "0297-47-2255" in detail


def extract_beside_a_good_report(tmp_path: Path, add_bad: Callable[[Path], object], workers: int) -> dict:
    """Documents of a run over one good report and one bad file `bad.txt`, by path."""
    archive = tmp_path / "in"
    archive.mkdir()
    shutil.copy(RAW / "000_77fec06e79e16c0d.txt", archive / "good.txt")
    add_bad(archive / "bad.txt")
    summary = run_extract(archive, tmp_path / "out", workers=workers)
    by_path = {d.source_path: d for d in summary.documents}
    assert by_path["good.txt"].status == "ok"
    return by_path


def test_c1_out_of_contract_document_fails_alone(tmp_path: Path) -> None:
    bad = BUGS / "review-c1-fiscal-year-out-of-range.txt"
    document = extract_beside_a_good_report(tmp_path, lambda path: shutil.copy(bad, path), workers=0)[
        "bad.txt"
    ]
    assert document.status == "failed"
    assert document.message.startswith("schema gate: documents.fiscal_year")


def test_c2_broken_link_is_a_failed_row_not_a_lost_run(tmp_path: Path) -> None:
    def broken_link(path: Path) -> None:
        os.symlink(tmp_path / "missing.txt", path)

    document = extract_beside_a_good_report(tmp_path, broken_link, workers=2)["bad.txt"]
    assert document.status == "failed"
    assert document.message.startswith("unreadable file")


def test_c4_output_inside_input_is_not_read_as_input(tmp_path: Path) -> None:
    archive = tmp_path / "in"
    shutil.copytree(RAW, archive)
    run_extract(archive, archive / "parquet", workers=0)
    second = run_extract(archive, archive / "parquet", workers=0)
    assert len(second.documents) == len(list(RAW.iterdir()))
