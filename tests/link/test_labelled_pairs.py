"""Precision and recall of facility linking on hand-labelled pairs (tests/link/labelled_pairs.tsv).

Each pair is linked on its own: row a in a report of 2021, row b in a report of 2022 (or, for
`outcome`, an institution in the outcomes of a's own report). Goals: precision 1.0, recall >= 0.95;
every `ambiguous` pair kept apart; every pair marked `check: yes` named by a facility_ambiguous check.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import pytest

from pipeline.link import link_facilities
from tests.link.factory import Row, doc_id_for, report

PAIRS_FILE = Path(__file__).with_name("labelled_pairs.tsv")
GOAL_PRECISION = 1.0
GOAL_RECALL = 0.95


@dataclass(frozen=True)
class Pair:
    label: str
    check: bool
    a: Row
    b: Row
    b_source: str
    same_group: bool
    note: str


def _value(text: str) -> str | None:
    return None if text == "-" else text


def load_pairs() -> list[Pair]:
    lines = [line for line in PAIRS_FILE.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    pairs = []
    for r in csv.DictReader(lines, delimiter="\t"):
        pairs.append(
            Pair(
                label=r["label"],
                check=r["check"] == "yes",
                a=Row(r["a_name"], _value(r["a_municipality"]), _value(r["a_phone"])),
                b=Row(r["b_name"], _value(r["b_municipality"]), _value(r["b_phone"])),
                b_source=r["b_source"],
                same_group=r["group"] == "same",
                note=r["note"],
            )
        )
    return pairs


PAIRS = load_pairs()


def link_pair(pair: Pair) -> tuple[bool, bool]:
    """(whether a and b got one facility_id, whether a facility_ambiguous check names both)."""
    group_a = "テストグループ"
    group_b = group_a if pair.same_group else "別のグループ"
    if pair.b_source == "outcome":
        files = [report("a", 2021, group_a, members=[pair.a], institutions=[pair.b.name])]
    else:
        files = [report("a", 2021, group_a, members=[pair.a]), report("b", 2022, group_b, members=[pair.b])]
    linked = link_facilities(files)
    a_id = linked.facility_ids[(doc_id_for("a"), "members", 1)]
    b_ref = (
        (doc_id_for("a"), "outcomes", pair.b.name)
        if pair.b_source == "outcome"
        else (doc_id_for("b"), "members", 1)
    )
    b_id = linked.facility_ids[b_ref]
    checks = [c for cs in linked.checks.values() for c in cs if c.check == "facility_ambiguous"]
    named = any(a_id in c.detail and b_id in c.detail for c in checks)
    return a_id == b_id, named


def test_the_labelled_set_is_large_and_has_hard_negatives() -> None:
    labels = [p.label for p in PAIRS]
    assert labels.count("same") >= 50 and labels.count("different") >= 30 and labels.count("ambiguous") >= 5


def test_precision_and_recall_meet_the_goals() -> None:
    decided = [(p, link_pair(p)[0]) for p in PAIRS if p.label in ("same", "different")]
    true_positive = sum(1 for p, joined in decided if joined and p.label == "same")
    false_positive = [p.note for p, joined in decided if joined and p.label == "different"]
    missed = [p.note for p, joined in decided if not joined and p.label == "same"]
    precision = true_positive / (true_positive + len(false_positive))
    recall = true_positive / (true_positive + len(missed))
    print(f"labelled pairs: precision {precision:.3f}, recall {recall:.3f} ({len(decided)} pairs)")
    assert precision >= GOAL_PRECISION, f"wrongly joined: {false_positive}"
    assert recall >= GOAL_RECALL, f"missed: {missed}"


@pytest.mark.parametrize("pair", [p for p in PAIRS if p.label == "ambiguous"], ids=lambda p: p.note)
def test_ambiguous_pair_is_kept_apart(pair: Pair) -> None:
    assert link_pair(pair)[0] is False


@pytest.mark.parametrize("pair", PAIRS, ids=lambda p: f"{p.label}: {p.note}")
def test_check_names_the_pair_exactly_where_labelled(pair: Pair) -> None:
    assert link_pair(pair)[1] is pair.check
