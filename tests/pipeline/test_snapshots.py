"""Snapshots of our full output per seed (all columns, tests/snapshots/<seed>.<table>.jsonl).

Unlike gold, snapshots are ours: rewrite them with `UPDATE_SNAPSHOTS=1 make test` and review
the diff in the change. CI must never run with the flag set."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from pipeline.process import process_file
from pipeline.records import TABLES
from tests.gold_scoring import as_dicts

ROOT = Path(__file__).resolve().parents[2]
RAW = ROOT / "data" / "raw"
SNAPSHOTS = ROOT / "tests" / "snapshots"
UPDATE_FLAG = "UPDATE_SNAPSHOTS"
SEEDS = sorted(p.name for p in RAW.iterdir() if p.is_file())


def render(records: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in records)


@pytest.mark.parametrize("seed", SEEDS)
def test_snapshot(seed: str) -> None:
    result = process_file((RAW / seed).read_bytes())
    (document,) = result.documents
    for table in TABLES:
        if table in ("files", "documents"):
            records: list[object] = [result.file if table == "files" else document.document]
        else:
            records = list(getattr(document, table))
        text = render(as_dicts(records))
        path = SNAPSHOTS / f"{seed}.{table}.jsonl"
        if os.environ.get(UPDATE_FLAG) == "1":
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        assert path.exists(), f"missing snapshot {path.name}: run with {UPDATE_FLAG}=1 and review it"
        assert path.read_text(encoding="utf-8") == text, f"{path.name} changed: review, then update"


def test_update_flag_is_off_in_ci() -> None:
    if os.environ.get("CI"):
        assert os.environ.get(UPDATE_FLAG) != "1", "snapshots must not be rewritten in CI"
