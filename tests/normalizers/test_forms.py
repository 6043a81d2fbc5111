from __future__ import annotations

from pathlib import Path

import pytest

from normalizers.forms import FORMS, classify_document, detect_form, period_of_header, section_of_heading

RAW = Path(__file__).resolve().parents[2] / "data" / "raw"


@pytest.mark.parametrize(
    ("wording", "form_id"),
    [
        (
            "これから在宅医療への参入又は拡充に取り組む医療機関同士の連携強化を図るための取組 現 状 (事前協議月の前月から) 取組目標",
            "H30",
        ),
        (
            "医療機関等の連携強化を図るための取組 現 状 (事前協議月の前月から) 取組目標 (事前協議月から)",
            "R2-R3",
        ),
        ("1 グループ化した医療機関等を支える取組 計 画 (補助金交付申請の月から) 差 (B) - (A)", "R4"),
        ("何の様式でもない文章", None),
        # OCR misread one character of the long wording
        ("医機関等の連携強化を図るための取組 現状 (事前協議月の前月から) 取組目標", "R2-R3"),
    ],
)
def test_detect_form_by_wording(wording: str, form_id: str | None) -> None:
    match = detect_form(wording)
    assert (match.spec.id if match.spec else None) == form_id


def test_registry_ids_are_unique() -> None:
    assert len({spec.id for spec in FORMS}) == len(FORMS)


@pytest.mark.parametrize(
    ("seed", "form_id"),
    [("000", "R2-R3"), ("001", "R4"), ("002", "H30"), ("003", "R2-R3")],
)
def test_seed_forms_are_told_apart(seed: str, form_id: str) -> None:
    path = next(RAW.glob(f"{seed}_*"))
    assert detect_form(path.read_text(encoding="utf-8")).spec.id == form_id  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("header", "period"),
    [
        ("現 状 (事前協議月の前月から過去6箇月間の状況)", "baseline"),
        ("取組目標 (事前協議月から向こう6箇月間の取組)", "plan"),
        ("計 画 (補助金交付申請の月から翌年3月末までの取組)", "plan"),
        ("実　績", "actual"),
        ("差 (B) - (A)", "difference"),
        ("医療機関名 ※医療機関ごとに記載", None),
    ],
)
def test_period_of_header(header: str, period: str | None) -> None:
    assert period_of_header(header) == period


@pytest.mark.parametrize(
    ("heading", "section"),
    [
        ("1 在宅に赴いて診療（往診、訪問診療）する合計診療患者数（※実人数を記載）", 1),
        ("2 在宅に赴いて診療（往診、訪問診療）する合計回数", 2),
        ("3 在宅に赴いて診療（往診、訪問診療）する合計診療患者数に占める死亡患者数", 3),
        ("４ グループ化した医療機関における後方支援病院等への在宅医療患者の診療の紹介数", 4),
        ("【地域で支え合う医療機関等の連携体制】", None),
    ],
)
def test_section_of_heading(heading: str, section: int | None) -> None:
    assert section_of_heading(heading) == section


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("取組事項\t取組内容\t現状", "report"),
        ("【参入促進・連携（グループ化）の取組効果】", "report"),
        ("令和３年度茨城県医療提供施設等グループ化推進事業 本日の内容 １．事業の目的", "guidance"),
        ("会議のお知らせ", "unknown"),
    ],
)
def test_classify_document(text: str, kind: str) -> None:
    assert classify_document(text) == kind
