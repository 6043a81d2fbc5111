"""Scoring of pipeline records against a hand-checked gold file, as SCHEMA.md describes:
text compared after Unicode NFKC with all whitespace removed; numbers exact."""

from __future__ import annotations

import dataclasses
import difflib
import unicodedata
from collections import Counter, defaultdict
from typing import Any

BULLET_SIMILARITY = 0.97
EXACT_TABLES = ("members", "status", "outcomes", "dates")  # every value must match


def norm(value: Any) -> Any:
    if isinstance(value, str):
        return "".join(unicodedata.normalize("NFKC", value).split())
    return value


def similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, norm(a), norm(b), autojunk=False).ratio()


def as_dicts(records: Any) -> list[dict[str, Any]]:
    rows = []
    for record in records:
        row = dataclasses.asdict(record)
        rows.append({k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in row.items()})
    return rows


def _key(row: dict[str, Any], columns: list[str]) -> tuple[Any, ...]:
    out = []
    for column in columns:
        value = row.get(column)
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        out.append(norm(value))
    return tuple(out)


def compare_exact(gold_rows: list[dict[str, Any]], ours: list[dict[str, Any]]) -> tuple[float, list[str]]:
    """Multiset comparison on the gold's columns. Returns (F1-like score, differences)."""
    if not gold_rows and not ours:
        return 1.0, []
    columns = sorted({c for row in gold_rows for c in row}) or ["doc_id"]
    gold = Counter(_key(r, columns) for r in gold_rows)
    mine = Counter(_key(r, columns) for r in ours)
    missing, extra = gold - mine, mine - gold
    matched = sum((gold & mine).values())
    score = 2 * matched / (sum(gold.values()) + sum(mine.values()))
    diffs = [f"missing {dict(zip(columns, k))}" for k in missing.elements()]
    diffs += [f"extra   {dict(zip(columns, k))}" for k in extra.elements()]
    return score, diffs


def compare_initiatives(gold: dict[str, Any], ours: list[dict[str, Any]]) -> tuple[float, list[str]]:
    gold_rows = gold.get("initiatives", [])
    diffs: list[str] = []
    if not gold.get("initiatives_segmented", False):
        by_item_gold: dict[int, str] = defaultdict(str)
        by_item_ours: dict[int, str] = defaultdict(str)
        for row in gold_rows:
            by_item_gold[row["item_no"]] += row["text"]
        for row in ours:
            by_item_ours[row["item_no"]] += row["text"]
        scores = []
        for item in sorted(set(by_item_gold) | set(by_item_ours)):
            s = similarity(by_item_gold[item], by_item_ours[item])
            scores.append(s)
            if s < BULLET_SIMILARITY:
                diffs.append(f"item {item}: joined text similarity {s:.3f}")
        return (min(scores) if scores else 1.0), diffs
    gold_keyed = {(r["item_no"], r["bullet_no"]): r for r in gold_rows}
    ours_keyed = {(r["item_no"], r["bullet_no"]): r for r in ours}
    scores = []
    for key in sorted(set(gold_keyed) | set(ours_keyed)):
        g, o = gold_keyed.get(key), ours_keyed.get(key)
        if g is None or o is None:
            diffs.append(f"bullet {key}: {'extra' if g is None else 'missing'} {(o or g)['text'][:40]!r}")
            scores.append(0.0)
            continue
        s = similarity(g["text"], o["text"])
        scores.append(s)
        if s < BULLET_SIMILARITY:
            diffs.append(f"bullet {key}: similarity {s:.3f}\n   gold {g['text']!r}\n   ours {o['text']!r}")
        for column in ("marker", "level"):
            if column in g and g[column] != o[column]:
                diffs.append(f"bullet {key}: {column} gold {g[column]!r} ours {o[column]!r}")
    return (sum(scores) / len(scores) if scores else 1.0), diffs


def assert_document(gold: dict[str, Any], result: Any) -> None:
    for column, expected in gold["document"].items():
        assert norm(getattr(result.document, column)) == norm(expected), f"document.{column}"


def assert_exact_table(gold: dict[str, Any], result: Any, table: str) -> None:
    score, diffs = compare_exact(gold.get(table, []), as_dicts(getattr(result, table)))
    assert not diffs, f"{table}: score {score:.3f}\n" + "\n".join(diffs)


def assert_initiatives(gold: dict[str, Any], result: Any) -> None:
    score, diffs = compare_initiatives(gold, as_dicts(result.initiatives))
    assert not diffs, f"initiatives: score {score:.3f}\n" + "\n".join(diffs)
