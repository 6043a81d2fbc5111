from __future__ import annotations

import random
from collections.abc import Iterator

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from normalizers.forms import (
    DEFAULT_FUZZY_CHARS_PER_ERROR,
    FORMS,
    classify_document,
    detect_form,
    detect_form_in,
    figure_cell_complete,
    has_wording,
    is_institution_column,
    period_of_header,
    reads_as_figure,
    section_of_heading,
)
from normalizers.text import match_key
from tests.conftest import ROOT

RAW = ROOT / "data" / "raw"


@pytest.mark.parametrize(
    ("wording", "form_id"),
    [
        (
            "これから在宅医療への参入又は拡充に取り組む医療機関同士の連携強化を図るための取組 "
            "現 状 (事前協議月の前月から) 取組目標",
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


@pytest.mark.parametrize(
    ("header", "is_institution"),
    [
        ("医療機関名 ※医療機関ごとに記載", True),
        ("医療機関名\n※医療機関ごとに記載", True),
        ("医療機関名（※医療機関ごとに記載）", True),
        ("機関名", True),
        ("医療機関等名", True),
        ("医 療 機 関 名", True),
        # not the institution column: never read as one
        ("区分", False),
        ("", False),
        ("現 状", False),
        ("郡市医師会名又は医療機関等名", False),
        ("医療機関名以外の備考", False),
    ],
)
def test_is_institution_column(header: str, is_institution: bool) -> None:
    assert is_institution_column(header) is is_institution


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("12名", True),
        ("１２名", True),
        ("名", True),  # a blank figure cell of section 1
        ("合計回数: 3回", True),
        ("合計回数:\n3回(うち往診: 1回、訪問診療: 2回)", True),
        ("死亡患者数: 0名(うち医療機関以外: 名)", True),
        ("6件", True),
        # names of institutions and row labels
        ("・印南クリニック", False),
        ("在宅往診クリニック", False),
        ("連携する医療機関内の合計", False),
        ("紹介数", False),
        ("", False),
    ],
)
def test_reads_as_figure(text: str, figure: bool) -> None:
    assert reads_as_figure(text) is figure


@pytest.mark.parametrize(
    ("section", "text", "complete"),
    [
        (2, "合計回数: 208回(うち往診: 29回、訪問診療: 179", False),  # the rest on the next page
        (2, "合計回数: 208回(うち往診: 29回、訪問診療: 179\n回)", True),
        (2, "合計回数:   回(うち往診:   回、訪問診療:   回)", True),  # a blank form cell
        (2, "", True),
        (1, "12", False),
        (1, "12名", True),
        (3, "死亡患者数: 2名(うち医療機関以外:", False),
    ],
)
def test_figure_cell_complete(section: int, text: str, complete: bool) -> None:
    assert figure_cell_complete(section, text) is complete


def edited_wordings(rng: random.Random, tries: int) -> Iterator[tuple[str, str, str]]:
    """The form's fuzzy-matched wordings, each key edited `tries` times at random spreads of
    positions by as many edits as allowed or one more: (wording, its key, the key edited)."""
    for words in sorted({w for spec in FORMS for w, _ in spec.signature}):
        key = match_key(words)
        errors = len(key) // DEFAULT_FUZZY_CHARS_PER_ERROR
        if not errors:
            continue
        for _ in range(tries):
            edited = list(key)
            for pos in sorted(rng.sample(range(len(key)), rng.choice((errors, errors + 1))), reverse=True):
                kind = rng.choice("sdi")
                if kind == "s":
                    edited[pos] = "＊"
                elif kind == "d":
                    del edited[pos]
                else:
                    edited.insert(pos, "＊")
            yield words, key, "".join(edited)


@pytest.mark.parametrize("inside", ["short text", "report"])
def test_fuzzy_wording_keeps_the_regex_answer(inside: str) -> None:
    """has_wording skips the fuzzy regex when no part of the wording is in the text, and runs it
    only where a match can lie (around each intact part of the wording); over wordings edited at
    every spread of positions, printed between two words or anywhere in a report's text (which
    prints parts of other wordings too), its answer stays the regex's over the whole text (found up
    to the allowed edits, not found past them)."""
    rng = random.Random(7)
    report = match_key(next(RAW.glob("000_*")).read_text(encoding="utf-8"))
    found = missed = 0
    for words, key, edited in edited_wordings(rng, 40):
        at = rng.randrange(len(report))
        text = "前文" + edited + "後文" if inside == "short text" else report[:at] + edited + report[at:]
        errors = len(key) // DEFAULT_FUZZY_CHARS_PER_ERROR
        expected = regex.search(f"(?:{regex.escape(key)}){{e<={errors}}}", text) is not None
        assert has_wording(text, words) is expected, (words, text[:80])
        found, missed = found + expected, missed + (not expected)
    assert found > 50 and missed > 50  # both answers were compared


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(), max_size=4))
def test_form_of_texts_is_form_of_their_joined_text(texts: list[str]) -> None:
    """detect_form_in keys each text alone (a document's text is keyed once for its kind and its
    form): a line break joins nothing under NFKC and the key drops it, so it tells what
    detect_form tells of the texts joined by line breaks."""
    joined = "\n".join(texts)
    assert "".join(map(match_key, texts)) == match_key(joined)
    assert detect_form_in(texts) == detect_form(joined)


@pytest.mark.parametrize("seed", ["000", "001", "002"])
def test_form_of_a_report_and_its_titles(seed: str) -> None:
    text = next(RAW.glob(f"{seed}_*")).read_text(encoding="utf-8")
    texts = [text, "医療機関等の連携強化を図るための取組", "①②゛か\u3099"]
    assert detect_form_in(texts) == detect_form("\n".join(texts))
