"""The pipeline on the committed generated sample (tests/corpus, made by `python -m generator
--sample tests/corpus`), per rendition, against issue 7's goals:

- no figure in a wrong place (outcomes: zero misplaced figures);
- F1 >= 0.99 per table (>= 0.97 on layout text);
- every report `ok` (the generated reports are all clean, well-formed reports).

On failure the misses are printed, document by document. `make accuracy` measures the same on a
larger corpus. pdftotext output without form feeds is derived from the committed default output
(the same bytes with every `\f` removed), so the sample stays within 60 files.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable
from typing import Any

import pytest

from bench.score import TABLES, TableScore, score_result
from pipeline.process import process_document
from tests.conftest import ROOT

CORPUS = ROOT / "tests" / "corpus"
MANIFEST: dict[str, Any] = json.loads((CORPUS / "manifest.json").read_text(encoding="utf-8"))
FILES: dict[str, dict[str, Any]] = MANIFEST["files"]
# variant made at test time -> (the committed variant it is derived from, how)
DERIVED: dict[str, tuple[str, Callable[[bytes], bytes]]] = {
    "pdftotext_noff": ("pdftotext_default", lambda data: data.replace(b"\f", b"")),
}
# case id -> (committed file, variant, how its bytes are made from the file's)
CASES: dict[str, tuple[str, str, Callable[[bytes], bytes]]] = {
    name: (name, entry["variant"], lambda data: data) for name, entry in FILES.items()
} | {
    f"{name}~{variant}": (name, variant, make)
    for variant, (source, make) in DERIVED.items()
    for name, entry in FILES.items()
    if entry["variant"] == source
}
VARIANTS = sorted({variant for _, variant, _ in CASES.values()})
MAX_SAMPLE_FILES = 60
DEFAULT_MIN_F1 = 0.99
MIN_F1 = {"layout_text": 0.97}  # by the rendition the pipeline reads
# Issue 7 is open where a goal is not met yet. Its goal tests run and are expected to fail (strict:
# the day a goal is met they fail as XPASS, and the entry goes). Until then the measured scores below
# are a ratchet: a change that lowers any of them fails test_scores_hold_what_was_measured. Raise
# them as the scores rise, never lower them.
GOAL_NOT_MET = {
    "pdftotext_default": "issue 7 open: layout text without -layout is far below 0.97 (see MEASURED)",
    "pdftotext_noff": "issue 7 open: layout text without -layout is far below 0.97 (see MEASURED)",
    "pdftotext_layout": "issue 7 open: layout text with -layout is below 0.97 (see MEASURED)",
}
OK_NOT_MET = {v: r for v, r in GOAL_NOT_MET.items() if v.startswith("pdftotext")}
# variant -> table -> (precision, F1) measured on the committed sample (floored to 3 decimals), and
# the count of reports that come out ok. Lowered once, on purpose: the layout work of issue 7 left out
# every 現状/目標/実績 cell whose column the print does not tell (default-mode status precision
# 0.10 -> 1.0, -layout 0.43 -> 0.94) and every 取組効果 row the sums cannot confirm (8 misplaced
# figures on 200 reports -> 0), which marks those reports partial: F1 of status/checks/document and
# the ok count fell while precision rose. Lowered a second time, on purpose, for default-mode
# outcomes (P 0.987 -> 0.997, F1 0.702 -> 0.667): a section whose first row of figures printed
# before every label leaves the labels matched by print order in doubt (2 misplaced figures on 300
# generated reports -> 0; tests/fixtures/layout/outcomes/first-row-before-its-label.default.txt).
# Lowered a third time, on purpose, for default-mode checks (P 0.187 -> 0.181, F1 0.292 -> 0.285):
# bullets and period cells printed before every item's title, which no item can be given with
# certainty, were dropped silently; they now raise `cells_ambiguous` (test_layout_flow_item_classes).
DEFAULT_MODE_MEASURED = {  # pdftotext without -layout
    "checks": (0.193, 0.300),  # raised: no null figure from a row title's end read as a cell
    "dates": (0.972, 0.429),  # raised: narrow paragraphs after the bullets are period cells
    "document": (0.729, 0.729),
    "initiatives": (0.987, 0.987),  # raised: narrow paragraphs after the bullets are period cells
    "members": (1.000, 0.000),
    "outcomes": (1.000, 0.677),  # raised: a lone row's blank cell told by its own column's block
    "status": (1.000, 0.000),
}
MEASURED: dict[str, dict[str, tuple[float, float]]] = {
    "pdf_text": {
        "checks": (1.000, 1.000),
        "dates": (1.000, 1.000),
        "document": (1.000, 1.000),
        "initiatives": (1.000, 1.000),
        "members": (1.000, 1.000),
        "outcomes": (1.000, 1.000),
        "status": (1.000, 1.000),
    },
    # a page's ①/② marks paired with its rows where they are as many (form feeds tell the pages)
    "pdftotext_default": DEFAULT_MODE_MEASURED | {"members": (1.000, 0.076)},
    "pdftotext_layout": {
        "checks": (0.500, 0.640),  # raised: a role label's line shared with a row puts it in its run
        "dates": (1.000, 0.905),  # raised: half-width text a content line wraps on with stays content
        "document": (0.812, 0.812),
        "initiatives": (0.993, 0.993),
        "members": (1.000, 0.888),
        "outcomes": (1.000, 1.000),  # raised: a header printed again keeps its own notes
        "status": (1.000, 0.867),
    },
    "pdftotext_noff": DEFAULT_MODE_MEASURED,  # the same bytes without form feeds read alike
}
MEASURED_OK = {"pdftotext_default": 0, "pdftotext_noff": 0, "pdftotext_layout": 4}


@pytest.fixture(scope="module")
def scored() -> dict[str, tuple[dict[str, Any], Any, dict[str, TableScore]]]:
    out = {}
    for case, (name, _, make) in CASES.items():
        gold = json.loads((CORPUS / "gold" / f"{name}.gold.json").read_text(encoding="utf-8"))
        result = process_document(make((CORPUS / name).read_bytes()))
        out[case] = (gold, result, score_result(gold, result))
    return out


def _of(variant: str) -> list[str]:
    return [case for case, (_, v, _) in CASES.items() if v == variant]


def _report(lines: list[str], case: str, scores: dict[str, TableScore], tables: tuple[str, ...]) -> None:
    entry = FILES[CASES[case][0]]
    for table in tables:
        if scores[table].misses:
            lines.append(f"{case} ({CASES[case][1]}, {entry['form']}) {table}:")
            lines += [f"    {miss}" for miss in scores[table].misses]


def test_sample_is_small_and_covers_every_form() -> None:
    assert 0 < len(FILES) <= MAX_SAMPLE_FILES
    for name in FILES:
        assert (CORPUS / name).is_file() and (CORPUS / "gold" / f"{name}.gold.json").is_file(), name
    forms = {(variant, FILES[name]["form"]) for name, variant, _ in CASES.values()}
    for variant in VARIANTS:
        assert {f for v, f in forms if v == variant} == {"H30", "R2", "R3", "R4"}, variant


@pytest.mark.parametrize("variant", VARIANTS)
def test_no_figure_in_a_wrong_place(variant: str, scored: dict[str, Any]) -> None:
    lines: list[str] = []
    for name in _of(variant):
        scores = scored[name][2]
        if scores["outcomes"].misplaced:
            lines.append(f"{name}: {scores['outcomes'].misplaced} misplaced figures")
            _report(lines, name, scores, ("outcomes",))
    assert not lines, "\n".join(lines)


def _goal(variant: str, open_goals: dict[str, str]) -> Any:
    if variant in open_goals:
        return pytest.param(variant, marks=pytest.mark.xfail(strict=True, reason=open_goals[variant]))
    return variant


def _totals(variant: str, scored: dict[str, Any]) -> dict[str, tuple[int, int, int]]:
    """table -> (gold, emitted, matched) rows over the variant's documents."""
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for name in _of(variant):
        for table, score in scored[name][2].items():
            totals[table][0] += score.gold
            totals[table][1] += score.emitted
            totals[table][2] += score.matched
    return {table: (g, e, m) for table, (g, e, m) in totals.items()}


def _f1(variant: str, scored: dict[str, Any]) -> dict[str, float]:
    return {t: 2 * m / (g + e) for t, (g, e, m) in _totals(variant, scored).items() if g + e}


def _ok_count(variant: str, scored: dict[str, Any]) -> int:
    return sum(
        result.document.status == gold["document"]["status"]
        for name in _of(variant)
        for gold, result, _ in [scored[name]]
    )


@pytest.mark.parametrize("variant", [_goal(v, GOAL_NOT_MET) for v in VARIANTS])
def test_f1_per_table(variant: str, scored: dict[str, Any]) -> None:
    names = _of(variant)
    rendition = FILES[CASES[names[0]][0]]["rendition"]
    floor = MIN_F1.get(rendition, DEFAULT_MIN_F1)
    low = {t: f for t, f in _f1(variant, scored).items() if f < floor}
    lines = [f"{variant}: F1 below {floor}: " + ", ".join(f"{t} {f:.3f}" for t, f in sorted(low.items()))]
    for name in names:
        _report(lines, name, scored[name][2], tuple(t for t in TABLES if t in low))
    assert not low, "\n".join(lines)


@pytest.mark.parametrize("variant", [_goal(v, OK_NOT_MET) for v in VARIANTS])
def test_every_clean_report_is_ok(variant: str, scored: dict[str, Any]) -> None:
    wrong = [
        f"{name} ({FILES[CASES[name][0]]['form']}): {result.document.status}: {result.document.message}"
        for name in _of(variant)
        for gold, result, _ in [scored[name]]
        if result.document.status != gold["document"]["status"]
    ]
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("variant", sorted(MEASURED))
def test_scores_hold_what_was_measured(variant: str, scored: dict[str, Any]) -> None:
    """Where issue 7's goal is open, no change may lower a measured precision or F1 (the ratchet)."""
    totals = _totals(variant, scored)
    fallen = {}
    for table, (precision, f1) in MEASURED[variant].items():
        gold, emitted, matched = totals.get(table, (0, 0, 0))
        now = (
            matched / emitted if emitted else 1.0,
            2 * matched / (gold + emitted) if gold + emitted else 1.0,
        )
        if now[0] < precision - 1e-9 or now[1] < f1 - 1e-9:
            fallen[table] = (round(now[0], 3), round(now[1], 3), precision, f1)
    assert not fallen, f"{variant}: (precision, F1) below what was measured (now, measured): {fallen}"
    assert _ok_count(variant, scored) >= MEASURED_OK.get(variant, 0)


def test_the_ratchet_covers_every_open_goal() -> None:
    assert set(GOAL_NOT_MET) <= set(MEASURED) and set(OK_NOT_MET) <= set(MEASURED_OK)
