"""Golden tests: every seed document, through the whole per-document pipeline, against its
hand-checked gold file (tests/gold, copied from ../shared/gold). A missing gold file fails."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.process import process_document
from tests.gold_scoring import EXACT_TABLES, assert_document, assert_exact_table, assert_initiatives

ROOT = Path(__file__).resolve().parents[2]
RAW = ROOT / "data" / "raw"
GOLD = ROOT / "tests" / "gold"
SEEDS = sorted(p.name for p in RAW.iterdir() if p.is_file())


def gold_for(name: str) -> dict:
    path = GOLD / f"{name}.gold.json"
    assert path.exists(), f"missing gold file {path}: gold is hand-checked, never generated"
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module", params=SEEDS)
def seed(request: pytest.FixtureRequest) -> tuple[dict, object]:
    gold = gold_for(request.param)
    return gold, process_document((RAW / request.param).read_bytes())


def test_every_seed_has_gold() -> None:
    assert SEEDS, "no seed documents in data/raw"
    for name in SEEDS:
        gold_for(name)


def test_document(seed: tuple[dict, object]) -> None:
    assert_document(*seed)


@pytest.mark.parametrize("table", EXACT_TABLES)
def test_exact_tables(seed: tuple[dict, object], table: str) -> None:
    assert_exact_table(*seed, table)


def test_initiatives(seed: tuple[dict, object]) -> None:
    assert_initiatives(*seed)


def test_checks(seed: tuple[dict, object]) -> None:
    gold, result = seed
    ours = {c.check for c in result.checks}  # type: ignore[attr-defined]
    assert set(gold.get("checks", [])) == ours
