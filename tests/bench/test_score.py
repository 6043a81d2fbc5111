"""The scoring rules (bench/score.py): multisets after NFKC without whitespace, bullets aligned in
order, misplaced figures counted apart from missing ones."""

from __future__ import annotations

from typing import Any

import pytest

from bench.score import score_checks, score_exact, score_initiatives


def outcome(
    value: int | None, institution: str | None = "Aクリニック", period: str = "plan"
) -> dict[str, Any]:
    return {
        "section": 1,
        "metric": "patients",
        "institution": institution,
        "is_total": institution is None,
        "period": period,
        "value": value,
        "unit": "名",
    }


def bullet(item: int, number: int, text: str, marker: str | None = "・", level: int = 0) -> dict[str, Any]:
    return {"item_no": item, "bullet_no": number, "marker": marker, "level": level, "text": text}


def test_exact_rows_compare_after_nfkc_without_whitespace() -> None:
    gold = [{"name": "医療法人 みらい平クリニック", "phone": "029-869-9660"}]
    ours = [{"name": "医療法人みらい平クリニック", "phone": "０２９－８６９－９６６０", "page": 3}]
    score = score_exact("members", gold, ours)
    assert (score.precision, score.recall, score.f1, score.misses) == (1.0, 1.0, 1.0, ())


def test_exact_rows_are_a_multiset() -> None:
    gold = [{"text": "3回", "value": 3}, {"text": "3回", "value": 3}]
    score = score_exact("status", gold, [{"text": "3回", "value": 3.0}])
    assert (score.gold, score.emitted, score.matched) == (2, 1, 1)
    assert score.precision == 1.0 and score.recall == 0.5
    assert score.misses == ("missing {'text': '3回', 'value': 3}",)


@pytest.mark.parametrize(
    ("ours", "misplaced"),
    [
        ([outcome(5)], 0),  # right
        ([outcome(None)], 0),  # unsure: null with its raw, never misplaced
        ([outcome(6)], 1),  # another value at that place
        ([outcome(5, institution="Bクリニック")], 1),  # a place the gold does not have
        ([outcome(5, period="actual")], 1),  # the right figure in the wrong period
        ([outcome(5), outcome(5)], 0),  # a duplicate is extra, but not a wrong place
    ],
)
def test_misplaced_figures(ours: list[dict[str, Any]], misplaced: int) -> None:
    score = score_exact("outcomes", [outcome(5)], ours)
    assert score.misplaced == misplaced
    assert score.figures == sum(1 for o in ours if o["value"] is not None)


def test_segmented_bullets_align_in_order() -> None:
    gold = {
        "initiatives_segmented": True,
        "initiatives": [
            bullet(1, 1, "会議を開催する。"),
            bullet(1, 2, "研修を行う。"),
            bullet(1, 3, "広報する。"),
        ],
    }
    ours = [bullet(1, 1, "会議を開催する。"), bullet(1, 2, "余計な行"), bullet(1, 3, "研修を行う。")]
    score = score_initiatives(gold, ours)
    assert (score.gold, score.emitted, score.matched) == (3, 3, 2)
    assert any("extra" in m for m in score.misses) and any("広報" in m for m in score.misses)


def test_marker_and_level_must_match_where_segmented() -> None:
    gold = {"initiatives_segmented": True, "initiatives": [bullet(1, 1, "研修を行う。", "①", 1)]}
    assert score_initiatives(gold, [bullet(1, 1, "研修を行う。", "①", 0)]).matched == 0


def test_unsegmented_items_compare_joined_text() -> None:
    gold = {
        "initiatives_segmented": False,
        "initiatives": [bullet(2, 1, "会議を開催する。", None), bullet(2, 2, "研修を行う。", None)],
    }
    score = score_initiatives(gold, [bullet(2, 1, "会議を開催する。研修を行う。", None)])
    assert (score.gold, score.emitted, score.matched) == (1, 1, 1)


def test_checks_ignore_extraction_notes() -> None:
    score = score_checks(["weekday_mismatch"], ["weekday_mismatch", "drawn_labels", "total_mismatch"])
    assert (score.precision, score.recall) == (0.5, 1.0)
    assert score.misses == ("extra   check total_mismatch",)
