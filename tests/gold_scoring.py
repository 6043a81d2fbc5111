"""Scoring of pipeline records against a hand-checked gold file, as SCHEMA.md describes:
text compared after Unicode NFKC with all whitespace removed; numbers exact. The rules live in
bench/score.py (shared with `make accuracy`); these helpers assert on them."""

from __future__ import annotations

from typing import Any

from bench.score import (
    BULLET_SIMILARITY,
    EXACT_TABLES,
    as_dicts,
    compare_exact,
    compare_initiatives,
    norm,
    similarity,
)

__all__ = [
    "BULLET_SIMILARITY",
    "EXACT_TABLES",
    "as_dicts",
    "assert_document",
    "assert_exact_table",
    "assert_initiatives",
    "compare_exact",
    "compare_initiatives",
    "norm",
    "similarity",
]


def assert_document(gold: dict[str, Any], result: Any) -> None:
    for column, expected in gold["document"].items():
        assert norm(getattr(result.document, column)) == norm(expected), f"document.{column}"


def assert_exact_table(gold: dict[str, Any], result: Any, table: str) -> None:
    score, diffs = compare_exact(gold.get(table, []), as_dicts(getattr(result, table)))
    assert not diffs, f"{table}: score {score:.3f}\n" + "\n".join(diffs)


def assert_initiatives(gold: dict[str, Any], result: Any) -> None:
    score, diffs = compare_initiatives(gold, as_dicts(result.initiatives))
    assert not diffs, f"initiatives: score {score:.3f}\n" + "\n".join(diffs)
