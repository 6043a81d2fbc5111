"""Data checks through the real per-document pipeline, on small reports written as tsv_html:
figures are kept as printed and flagged, never corrected."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.process import process_document
from pipeline.records import DocumentResult
from tests.conftest import ROOT

SEED_R2 = ROOT / "data" / "raw" / "000_77fec06e79e16c0d.txt"

HEAD = (
    "令和3年度茨城県医療提供施設等グループ化推進事業計画（報告）書\n\n"
    "※これから在宅医療への参入又は拡充に取り組む医療機関等の連携強化を支援する取組について"
    "記載するものとする。\n\n"
    "取組事項\t取組内容\t現 状 (事前協議月の前月から過去6箇月間の状況)"
    "\t取組目標 (事前協議月から向こう6箇月間の取組)"
    "\t実 績 (事前協議月から翌年3月末までの取組)\n"
    "1 これから在宅医療への参入又は拡充に取り組む医療機関等の連携強化を図るための取組"
    "\t<p>・連携します。</p>\t\t\t"
    "<p>・研修会：令和3年10月5日(月)開催</p>\n\n"
    "【参入促進・連携（グループ化）の取組効果】\n\n"
)
SECTION2 = (
    "2 在宅に赴いて診療（往診、訪問診療）する合計回数\n\n"
    "\t医療機関名 ※医療機関ごとに記載\t現 状 (事前協議月の前月から)\t取組目標 (事前協議月から)"
    "\t実 績 (事前協議月から)\n"
    "合計回数\t・Aクリニック\t合計回数: 10回(うち往診: 2回、訪問診療: 8回)"
    "\t合計回数: 回(うち往診: 回、訪問診療: 回)"
    "\t合計回数: 12回(うち往診: 3回、訪問診療: 8回)\n"
    "\t・B医院\t合計回数: 5回(うち往診: 1回、訪問診療: 4回)\t合計回数: 回(うち往診: 回、訪問診療: 回)"
    "\t合計回数: 6回(うち往診: 1回、訪問診療: 5回)\n"
    "\t連携する医療機関内の合計\t合計回数: 15回(うち往診: 3回、訪問診療: 12回)"
    "\t合計回数: 回(うち往診: 回、訪問診療: 回)"
    "\t合計回数: 20回(うち往診: 4回、訪問診療: 13回)\n"
)


def run(text: str) -> DocumentResult:
    return process_document(text.encode("utf-8"))


def checks_named(result: DocumentResult, name: str) -> list[str]:
    return [c.detail for c in result.checks if c.check == name]


@pytest.fixture(scope="module")
def report() -> DocumentResult:
    return run(HEAD + SECTION2)


def test_breakdown_mismatch_flags_and_keeps_figures(report: DocumentResult) -> None:
    details = checks_named(report, "breakdown_mismatch")
    # Aクリニック 実績: 12 ≠ 3 + 8; the group total 実績: 20 ≠ 4 + 13
    assert len(details) == 2
    assert any("Aクリニック" in d and "visits 12" in d for d in details)
    values = {(o.institution, o.metric, o.period): o.value for o in report.outcomes}
    assert values[("Aクリニック", "visits", "actual")] == 12  # as printed, not "fixed" to 11


def test_total_mismatch_flags_sum_of_institutions(report: DocumentResult) -> None:
    # 実績 visits: 12 + 6 = 18 ≠ 20; on_call 3 + 1 = 4 and scheduled 8 + 5 = 13 add up; 現状 adds up
    (detail,) = checks_named(report, "total_mismatch")
    assert "visits total 20" in detail and "institutions 18" in detail


def test_blank_template_cells_are_no_rows(report: DocumentResult) -> None:
    assert not [o for o in report.outcomes if o.period == "plan"]


def test_weekday_mismatch(report: DocumentResult) -> None:
    # 令和3年10月5日 is a Tuesday, printed (月)
    (detail,) = checks_named(report, "weekday_mismatch")
    assert "令和3年10月5日(月)" in detail
    (mention,) = [d for d in report.dates if d.raw.startswith("令和3年10月5日")]
    assert mention.weekday_ok is False and str(mention.date_start) == "2021-10-05"


def test_unparsed_figure_is_kept_with_null(tmp_path: Path) -> None:
    text = HEAD + SECTION2.replace("合計回数: 6回(うち往診: 1回、訪問診療: 5回)", "集計中")
    result = run(text)
    (row,) = [o for o in result.outcomes if o.institution == "B医院" and o.period == "actual"]
    assert (row.value, row.raw) == (None, "集計中")
    assert checks_named(result, "unparsed_figure")


def test_unknown_form_is_partial_with_best_effort_records() -> None:
    text = SEED_R2.read_text(encoding="utf-8")
    for wording in ("事前協議月", "医療機関等の連携強化", "取組目標"):
        text = text.replace(wording, "＊＊")
    result = run(text)
    assert result.document.status == "partial"
    assert result.document.form_version is None
    assert (result.document.message or "").startswith("unknown form version")
    assert checks_named(result, "unknown_form")
    assert len(result.members) == 8 and len(result.initiatives) == 15


def test_date_before_its_era_is_resolved_and_flagged() -> None:
    result = run(HEAD.replace("令和3年10月5日(月)", "令和元年4月1日") + SECTION2)
    (mention,) = [d for d in result.dates if d.raw == "令和元年4月1日"]
    assert (str(mention.date_start), mention.era_out_of_range) == ("2019-04-01", True)
    assert checks_named(result, "era_out_of_range")


def test_impossible_day_is_unresolved_not_out_of_its_era() -> None:
    result = run(HEAD.replace("令和3年10月5日(月)", "令和5年2月29日") + SECTION2)
    (mention,) = [d for d in result.dates if d.raw == "令和5年2月29日"]
    assert (mention.date_start, mention.era_out_of_range) == (None, False)
    assert checks_named(result, "date_unresolved") and not checks_named(result, "era_out_of_range")


@pytest.mark.parametrize(
    ("printed", "start", "inferred"),
    [("令和四年十月五日", "2022-10-05", False), ("㋿4年10月5日", "2022-10-05", False)],
)
def test_dates_keep_their_own_printed_year(printed: str, start: str, inferred: bool) -> None:
    result = run(HEAD.replace("令和3年10月5日(月)", printed) + SECTION2)  # a R3 (2021) report
    (mention,) = [d for d in result.dates if d.raw == printed]
    assert (str(mention.date_start), mention.year_inferred) == (start, inferred)
