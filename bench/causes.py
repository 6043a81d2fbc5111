"""Misses grouped by what differs, so a list of misses reads as a list of causes.

In the row tables each missing gold row is paired with the unmatched emitted row that agrees with
it on the most columns (at least DEFAULT_MIN_SHARED of them); the columns where the pair differs
name the cause (`outcomes: institution, is_total differ`). Rows left unpaired are `not emitted`
or `emitted, not in the gold`. Other tables group by the kind of miss (`extra check X`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from bench.score import EXACT_TABLES, Row, TableScore

DEFAULT_MIN_SHARED = 0.5
DEFAULT_EXAMPLE_CHARS = 160


class Scored(Protocol):
    @property
    def name(self) -> str: ...

    @property
    def variant(self) -> str: ...

    @property
    def tables(self) -> dict[str, TableScore]: ...


@dataclass
class Cause:
    variant: str
    table: str
    what: str
    rows: int = 0
    files: set[str] = field(default_factory=set)
    example: str = ""


def _shared(a: Row, b: Row) -> int:
    return sum(1 for k in a if a[k] == b.get(k))


def pair_rows(
    missing: Sequence[Row], extra: Sequence[Row]
) -> tuple[list[tuple[Row, Row]], list[Row], list[Row]]:
    """(pairs, missing rows left, extra rows left): each missing row with its closest extra row."""
    left = list(extra)
    pairs, lone = [], []
    for row in missing:
        best = max(left, key=lambda e: _shared(row, e), default=None)
        if best is not None and _shared(row, best) >= DEFAULT_MIN_SHARED * len(row):
            pairs.append((row, best))
            left.remove(best)
        else:
            lone.append(row)
    return pairs, lone, left


def _show(row: Row, columns: Iterable[str]) -> str:
    return ", ".join(f"{c}={row.get(c)!r}" for c in columns)


def row_causes(score: TableScore) -> list[tuple[str, str]]:
    """(cause, example) per unmatched row of an exact table."""
    pairs, lone_missing, lone_extra = pair_rows(score.missing, score.extra)
    out = []
    for gold, ours in pairs:
        differ = [c for c in gold if gold[c] != ours.get(c)]
        out.append(
            (f"{', '.join(differ)} differ", f"gold {_show(gold, differ)} | ours {_show(ours, differ)}")
        )
    out += [("not emitted", _show(r, r)) for r in lone_missing]
    out += [("emitted, not in the gold", _show(r, r)) for r in lone_extra]
    return out


def _other_causes(score: TableScore) -> list[tuple[str, str]]:
    out = []
    for miss in score.misses:
        first = miss.split("\n")[0]
        kind = " ".join(re.sub(r"\(\d+,\d+\)|'.*|[0-9.]+", "", first).split()).strip(" :")
        out.append((kind, first))
    return out


def group_causes(docs: Iterable[Scored]) -> list[Cause]:
    """Causes over all documents, most rows first."""
    causes: dict[tuple[str, str, str], Cause] = {}
    for doc in docs:
        for table, score in doc.tables.items():
            found = row_causes(score) if table in EXACT_TABLES else _other_causes(score)
            for what, example in found:
                cause = causes.setdefault((doc.variant, table, what), Cause(doc.variant, table, what))
                cause.rows += 1
                cause.files.add(doc.name)
                cause.example = cause.example or f"{doc.name}: {example}"[:DEFAULT_EXAMPLE_CHARS]
    return sorted(causes.values(), key=lambda c: (-c.rows, c.variant, c.table, c.what))


def cause_lines(causes: Sequence[Cause], limit: int) -> list[str]:
    lines = [f"{'rows':>6} {'files':>5}  {'rendition':18} {'table':11} cause"]
    for cause in causes[:limit]:
        lines.append(
            f"{cause.rows:>6} {len(cause.files):>5}  {cause.variant:18} {cause.table:11} {cause.what}"
        )
        lines.append(f"{'':14}e.g. {cause.example}")
    return lines
