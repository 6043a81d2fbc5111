"""The scoring rules of SCHEMA.md ("Gold files"), in one place: text compared after Unicode NFKC
with all whitespace removed; members, status, outcomes and dates as multisets of rows on the gold's
columns; initiatives bullet by bullet (similarity >= BULLET_SIMILARITY, marker and level exact)
where the input prints markers, else the joined text of each item.

Each table gets precision, recall and F1 over its units (rows, bullets, items, fields, check
names) and the list of misses. Outcomes also count misplaced figures: an emitted figure whose
(section, metric, institution, is_total, period) has another value in the gold, or is not in the
gold at all. A null value (a figure the pipeline was unsure of) is never misplaced.
"""

from __future__ import annotations

import dataclasses
import difflib
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

BULLET_SIMILARITY = 0.97
EXACT_TABLES = ("members", "status", "outcomes", "dates")  # every value must match
TABLES = ("document", "members", "initiatives", "status", "outcomes", "dates", "checks")
# Checks that state facts of the extraction, not of the data: a rendition may add them.
EXTRACTION_NOTES = frozenset({"drawn_labels", "ocr_used", "ocr_digits_differ"})
FIGURE_KEY = ("section", "metric", "institution", "is_total", "period")
Row = dict[str, Any]


def norm(value: Any) -> Any:
    if isinstance(value, str):
        return "".join(unicodedata.normalize("NFKC", value).split())
    return value


def similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, norm(a), norm(b), autojunk=False).ratio()


def as_dicts(records: Iterable[Any]) -> list[Row]:
    rows = []
    for record in records:
        row = dataclasses.asdict(record)
        rows.append({k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in row.items()})
    return rows


def _key(row: Row, columns: Sequence[str]) -> tuple[Any, ...]:
    out = []
    for column in columns:
        value = row.get(column)
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        out.append(norm(value))
    return tuple(out)


@dataclass(frozen=True)
class TableScore:
    table: str
    gold: int  # units expected
    emitted: int  # units the pipeline gave
    matched: int
    misses: tuple[str, ...] = ()
    figures: int = 0  # outcomes: emitted figures with a value
    misplaced: int = 0  # outcomes: of those, figures in a wrong place
    # Exact tables: the unmatched rows on the gold's columns (normalized), for grouping by cause.
    missing: tuple[Row, ...] = ()
    extra: tuple[Row, ...] = ()

    @property
    def precision(self) -> float:
        return self.matched / self.emitted if self.emitted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        total = self.gold + self.emitted
        return 2 * self.matched / total if total else 1.0

    @property
    def figure_precision(self) -> float:
        """Share of emitted figures that sit in their right place (1.0 when none emitted)."""
        return 1 - self.misplaced / self.figures if self.figures else 1.0


def summed(scores: Iterable[TableScore], table: str) -> TableScore:
    """One table's scores over many documents, added up (misses are not carried)."""
    items = list(scores)
    return TableScore(
        table,
        sum(s.gold for s in items),
        sum(s.emitted for s in items),
        sum(s.matched for s in items),
        (),
        sum(s.figures for s in items),
        sum(s.misplaced for s in items),
    )


def misplaced_figures(gold_rows: Sequence[Row], extra: Iterable[Row]) -> list[Row]:
    """Emitted outcomes, not matched in the gold, whose value is wrong for their place."""
    values: dict[tuple[Any, ...], set[Any]] = defaultdict(set)
    for row in gold_rows:
        values[_key(row, FIGURE_KEY)].add(row.get("value"))
    return [
        r
        for r in extra
        if r.get("value") is not None and r.get("value") not in values.get(_key(r, FIGURE_KEY), set())
    ]


def score_exact(table: str, gold_rows: Sequence[Row], ours: Sequence[Row]) -> TableScore:
    """Multiset comparison on the gold's columns."""
    columns = sorted({c for row in gold_rows for c in row}) or ["doc_id"]
    gold = Counter(_key(r, columns) for r in gold_rows)
    mine = Counter(_key(r, columns) for r in ours)
    missing, extra = gold - mine, mine - gold
    missing_rows = tuple(dict(zip(columns, k, strict=True)) for k in missing.elements())
    extra_rows = tuple(dict(zip(columns, k, strict=True)) for k in extra.elements())
    misses = [f"missing {row}" for row in missing_rows] + [f"extra   {row}" for row in extra_rows]
    figures = misplaced = 0
    if table == "outcomes":
        figures = sum(1 for r in ours if r.get("value") is not None)
        misplaced = len(misplaced_figures(gold_rows, _rows_of(ours, columns, extra)))
    return TableScore(
        table,
        sum(gold.values()),
        sum(mine.values()),
        sum((gold & mine).values()),
        tuple(misses),
        figures,
        misplaced,
        missing_rows,
        extra_rows,
    )


def _rows_of(rows: Sequence[Row], columns: Sequence[str], wanted: Counter[tuple[Any, ...]]) -> list[Row]:
    left = Counter(wanted)
    out = []
    for row in rows:
        key = _key(row, columns)
        if left[key] > 0:
            left[key] -= 1
            out.append(row)
    return out


def _bullet_match(g: Row, o: Row) -> bool:
    same_form = all(g[c] == o.get(c) for c in ("marker", "level") if c in g)
    return same_form and similarity(g["text"], o["text"]) >= BULLET_SIMILARITY


def _aligned(gold: Sequence[Row], ours: Sequence[Row]) -> list[tuple[int, int]]:
    """Pairs (gold index, our index) of the longest in-order matching (LCS)."""
    n, m = len(gold), len(ours)
    best = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            hit = best[i + 1][j + 1] + 1 if _bullet_match(gold[i], ours[j]) else 0
            best[i][j] = max(hit, best[i + 1][j], best[i][j + 1])
    pairs, i, j = [], 0, 0
    while i < n and j < m:
        if _bullet_match(gold[i], ours[j]) and best[i][j] == best[i + 1][j + 1] + 1:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif best[i + 1][j] >= best[i][j + 1]:
            i += 1
        else:
            j += 1
    return pairs


def _by_item(rows: Sequence[Row]) -> dict[int, list[Row]]:
    out: dict[int, list[Row]] = defaultdict(list)
    for row in sorted(rows, key=lambda r: (r["item_no"], r["bullet_no"])):
        out[row["item_no"]].append(row)
    return out


def _bullet_misses(item: int, gold: list[Row], ours: list[Row], pairs: list[tuple[int, int]]) -> list[str]:
    used_g, used_o = {i for i, _ in pairs}, {j for _, j in pairs}
    misses = []
    for i, g in enumerate(gold):
        if i in used_g:
            continue
        near = max(
            (o for j, o in enumerate(ours) if j not in used_o),
            key=lambda o: similarity(g["text"], o["text"]),
            default=None,
        )
        if near is None:
            misses.append(f"bullet ({item},{g['bullet_no']}): missing {g.get('marker')!r} {g['text'][:50]!r}")
            continue
        s = similarity(g["text"], near["text"])
        forms = f"gold {g.get('marker')!r}/{g.get('level')} ours {near.get('marker')!r}/{near.get('level')}"
        misses.append(
            f"bullet ({item},{g['bullet_no']}): best {s:.3f}, marker/level {forms}\n"
            f"   gold {g['text']!r}\n   ours {near['text']!r}"
        )
    for j, o in enumerate(ours):
        if j not in used_o:
            misses.append(f"bullet ({item},{o['bullet_no']}): extra {o.get('marker')!r} {o['text'][:50]!r}")
    return misses


def score_initiatives(gold: dict[str, Any], ours: Sequence[Row]) -> TableScore:
    gold_rows = gold.get("initiatives", [])
    if not gold.get("initiatives_segmented", False):
        return _score_joined(gold_rows, ours)
    gold_items, our_items = _by_item(gold_rows), _by_item(ours)
    matched, misses = 0, []
    for item in sorted(set(gold_items) | set(our_items)):
        g, o = gold_items.get(item, []), our_items.get(item, [])
        pairs = _aligned(g, o)
        matched += len(pairs)
        misses += _bullet_misses(item, g, o, pairs)
    return TableScore("initiatives", len(gold_rows), len(ours), matched, tuple(misses))


def _score_joined(gold_rows: Sequence[Row], ours: Sequence[Row]) -> TableScore:
    """Where the input prints no markers: each item's joined text is one unit."""
    gold_text: dict[int, str] = defaultdict(str)
    our_text: dict[int, str] = defaultdict(str)
    for row in gold_rows:
        gold_text[row["item_no"]] += row["text"]
    for row in ours:
        our_text[row["item_no"]] += row["text"]
    matched, misses = 0, []
    for item in sorted(set(gold_text) | set(our_text)):
        s = similarity(gold_text[item], our_text[item])
        if s >= BULLET_SIMILARITY and item in gold_text and item in our_text:
            matched += 1
        else:
            misses.append(f"item {item}: joined text similarity {s:.3f}")
    return TableScore("initiatives", len(gold_text), len(our_text), matched, tuple(misses))


def score_document(gold_document: dict[str, Any], document: Any) -> TableScore:
    misses = [
        f"document.{column}: gold {expected!r} ours {getattr(document, column)!r}"
        for column, expected in gold_document.items()
        if norm(getattr(document, column)) != norm(expected)
    ]
    fields = len(gold_document)
    return TableScore("document", fields, fields, fields - len(misses), tuple(misses))


def score_checks(gold_checks: Iterable[str], ours: Iterable[str]) -> TableScore:
    gold, mine = set(gold_checks), set(ours) - EXTRACTION_NOTES
    misses = [f"missing check {c}" for c in sorted(gold - mine)] + [
        f"extra   check {c}" for c in sorted(mine - gold)
    ]
    return TableScore("checks", len(gold), len(mine), len(gold & mine), tuple(misses))


def score_result(gold: dict[str, Any], result: Any) -> dict[str, TableScore]:
    """Every table of one pipeline result (`pipeline.process.DocumentResult`) against its gold."""
    scores = {"document": score_document(gold["document"], result.document)}
    for table in EXACT_TABLES:
        scores[table] = score_exact(table, gold.get(table, []), as_dicts(getattr(result, table)))
    scores["initiatives"] = score_initiatives(gold, as_dicts(result.initiatives))
    scores["checks"] = score_checks(gold.get("checks", []), (c.check for c in result.checks))
    return scores


# The (score, differences) pairs the golden tests assert on (tests/gold_scoring.py).
def compare_exact(gold_rows: list[Row], ours: list[Row]) -> tuple[float, list[str]]:
    if not gold_rows and not ours:
        return 1.0, []
    score = score_exact("", gold_rows, ours)
    return score.f1, list(score.misses)


def compare_initiatives(gold: dict[str, Any], ours: list[Row]) -> tuple[float, list[str]]:
    """(similarity score, differences): the lowest item similarity where the input prints no
    markers, else the mean bullet similarity by (item_no, bullet_no), 0 for a missing bullet."""
    misses = list(score_initiatives(gold, ours).misses)
    gold_rows = gold.get("initiatives", [])
    if not gold.get("initiatives_segmented", False):
        gold_text: dict[int, str] = defaultdict(str)
        our_text: dict[int, str] = defaultdict(str)
        for row in gold_rows:
            gold_text[row["item_no"]] += row["text"]
        for row in ours:
            our_text[row["item_no"]] += row["text"]
        items = sorted(set(gold_text) | set(our_text))
        return min((similarity(gold_text[i], our_text[i]) for i in items), default=1.0), misses
    gold_keyed = {(r["item_no"], r["bullet_no"]): r for r in gold_rows}
    ours_keyed = {(r["item_no"], r["bullet_no"]): r for r in ours}
    keys = sorted(set(gold_keyed) | set(ours_keyed))
    scores = [
        similarity(gold_keyed[k]["text"], ours_keyed[k]["text"])
        if k in gold_keyed and k in ours_keyed
        else 0.0
        for k in keys
    ]
    return (sum(scores) / len(scores) if scores else 1.0), misses
