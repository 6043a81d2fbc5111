"""Snapshots of our full output per seed (all columns, tests/snapshots/<seed>.<table>.jsonl), the
seeds linked together as one run links them (facility_id filled in; seeds.facilities.jsonl and
seeds.facility_matches.jsonl hold the facilities of all seeds).

Unlike gold, snapshots are ours: rewrite them with `UPDATE_SNAPSHOTS=1 make test` and review
the diff in the change. CI must never run with the flag set."""

from __future__ import annotations

import json
import os

import pytest

from pipeline.link import link_facilities
from pipeline.process import process_file
from pipeline.records import LINKED_TABLES, TABLES, FileResult
from tests.conftest import ROOT
from tests.gold_scoring import as_dicts

RAW = ROOT / "data" / "raw"
SNAPSHOTS = ROOT / "tests" / "snapshots"
UPDATE_FLAG = "UPDATE_SNAPSHOTS"
SEEDS = sorted(p.name for p in RAW.iterdir() if p.is_file())
LINKED_SNAPSHOT = "seeds"  # facilities and facility_matches over all seeds: seeds.<table>.jsonl


def render(records: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in records)


def check_snapshot(name: str, records: list[object]) -> None:
    text = render(as_dicts(records))
    path = SNAPSHOTS / name
    if os.environ.get(UPDATE_FLAG) == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"missing snapshot {path.name}: run with {UPDATE_FLAG}=1 and review it"
    assert path.read_text(encoding="utf-8") == text, f"{path.name} changed: review, then update"


@pytest.fixture(scope="module")
def linked() -> tuple[dict[str, FileResult], list[object], list[object]]:
    """Every seed processed, then linked together as one run would (facility_id filled in)."""
    files = {seed: process_file((RAW / seed).read_bytes()) for seed in SEEDS}
    result = link_facilities(list(files.values()))
    return dict(zip(files, result.files, strict=True)), list(result.facilities), list(result.matches)


@pytest.mark.parametrize("seed", SEEDS)
def test_snapshot(seed: str, linked: tuple[dict[str, FileResult], list[object], list[object]]) -> None:
    result = linked[0][seed]
    (document,) = result.documents
    for table in TABLES:
        if table in LINKED_TABLES:
            continue
        if table in ("files", "documents"):
            records: list[object] = [result.file if table == "files" else document.document]
        else:
            records = list(getattr(document, table))
        check_snapshot(f"{seed}.{table}.jsonl", records)


def test_linked_snapshot(linked: tuple[dict[str, FileResult], list[object], list[object]]) -> None:
    _, facilities, matches = linked
    check_snapshot(f"{LINKED_SNAPSHOT}.facilities.jsonl", facilities)
    check_snapshot(f"{LINKED_SNAPSHOT}.facility_matches.jsonl", matches)


def test_update_flag_is_off_in_ci() -> None:
    if os.environ.get("CI"):
        assert os.environ.get(UPDATE_FLAG) != "1", "snapshots must not be rewritten in CI"
