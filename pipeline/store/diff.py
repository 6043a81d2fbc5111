"""What changed between two runs: documents added, removed or re-extracted with other results, rows
added and removed per table, and figures whose value changed.

Rows are compared whole (every column both runs have), as multisets. A figure is the outcomes row of
one document, institution, period and metric; where that key is not unique in a run (two unnamed
rows), its figures are listed as ambiguous and never paired by guess.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

import pyarrow as pa

from pipeline.records import TABLES
from pipeline.store.load import read_table, resolve_run

FIGURE_KEY = ("doc_id", "institution", "period", "metric")
Row = tuple[Any, ...]


@dataclass(frozen=True)
class FigureChange:
    doc_id: str
    institution: str | None
    period: str
    metric: str
    old: int | None
    new: int | None
    old_raw: str
    new_raw: str


@dataclass
class RunDiff:
    run_a: str
    run_b: str
    paths: dict[str, str] = field(default_factory=dict)  # doc_id -> source_path, for display
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    reextracted: dict[str, list[str]] = field(default_factory=dict)  # doc_id -> tables that differ
    rows_added: dict[str, int] = field(default_factory=dict)
    rows_removed: dict[str, int] = field(default_factory=dict)
    columns_changed: dict[str, str] = field(default_factory=dict)
    figures: list[FigureChange] = field(default_factory=list)
    ambiguous: list[tuple[Any, ...]] = field(default_factory=list)


def _hashable(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


def _rows(table: pa.Table, columns: list[str]) -> list[Row]:
    data = table.select(columns).to_pylist()
    return [tuple(_hashable(r[c]) for c in columns) for r in data]


def _by_doc(rows: list[Row], columns: list[str]) -> dict[str, Counter[Row]]:
    at = columns.index("doc_id")
    grouped: dict[str, Counter[Row]] = defaultdict(Counter)
    for row in rows:
        grouped[row[at]][row] += 1
    return grouped


def _figures(table: pa.Table) -> dict[tuple[Any, ...], list[dict[str, Any]]]:
    found: dict[tuple[Any, ...], list[dict[str, Any]]] = defaultdict(list)
    for row in table.select([*FIGURE_KEY, "value", "raw"]).to_pylist():
        found[tuple(row[k] for k in FIGURE_KEY)].append(row)
    return found


def _values(rows: list[dict[str, Any]]) -> list[tuple[bool, int]]:
    return sorted((r["value"] is None, r["value"] or 0) for r in rows)


def _compare_figures(diff: RunDiff, old: pa.Table, new: pa.Table, common_docs: set[str]) -> None:
    before, after = _figures(old), _figures(new)
    for key in sorted(set(before) & set(after), key=repr):
        if key[0] not in common_docs:
            continue
        a, b = before[key], after[key]
        if len(a) > 1 or len(b) > 1:
            if _values(a) != _values(b):
                diff.ambiguous.append(key)
            continue
        if a[0]["value"] != b[0]["value"]:
            doc_id, institution, period, metric = key
            old, new = a[0], b[0]
            diff.figures.append(
                FigureChange(
                    doc_id, institution, period, metric, old["value"], new["value"], old["raw"], new["raw"]
                )
            )


def diff_runs(run_a: str, run_b: str, dataset: str | None = None) -> RunDiff:
    first, second = resolve_run(run_a, dataset), resolve_run(run_b, dataset)
    diff = RunDiff(first.run_id, second.run_id)
    docs_a = read_table("documents", run=first.run_id, dataset=dataset)
    docs_b = read_table("documents", run=second.run_id, dataset=dataset)
    for docs in (docs_a, docs_b):
        diff.paths.update(zip(docs["doc_id"].to_pylist(), docs["source_path"].to_pylist(), strict=True))
    ids_a, ids_b = set(docs_a["doc_id"].to_pylist()), set(docs_b["doc_id"].to_pylist())
    diff.added, diff.removed = sorted(ids_b - ids_a), sorted(ids_a - ids_b)
    common = ids_a & ids_b
    changed: dict[str, list[str]] = defaultdict(list)
    for name in TABLES:
        if name not in first.table_versions or name not in second.table_versions:
            continue
        old = read_table(name, run=first.run_id, dataset=dataset)
        new = read_table(name, run=second.run_id, dataset=dataset)
        columns = [c for c in old.column_names if c in new.column_names]
        if set(old.column_names) != set(new.column_names):
            gone, new_columns = set(old.column_names) - set(columns), set(new.column_names) - set(columns)
            diff.columns_changed[name] = f"-{sorted(gone)} +{sorted(new_columns)}"
        rows_a, rows_b = Counter(_rows(old, columns)), Counter(_rows(new, columns))
        diff.rows_added[name] = sum((rows_b - rows_a).values())
        diff.rows_removed[name] = sum((rows_a - rows_b).values())
        if "doc_id" in columns:
            per_a, per_b = (
                _by_doc(list(rows_a.elements()), columns),
                _by_doc(list(rows_b.elements()), columns),
            )
            for doc_id in common:
                if per_a.get(doc_id, Counter()) != per_b.get(doc_id, Counter()):
                    changed[doc_id].append(name)
        if name == "outcomes":
            _compare_figures(diff, old, new, common)
    diff.reextracted = dict(sorted(changed.items()))
    return diff


def _doc(diff: RunDiff, doc_id: str) -> str:
    return f"{doc_id}  {diff.paths.get(doc_id, '?')}"


def format_diff(diff: RunDiff) -> str:
    lines = [f"diff {diff.run_a} → {diff.run_b}"]
    lines.append(
        f"documents: {len(diff.added)} added, {len(diff.removed)} removed, "
        f"{len(diff.reextracted)} re-extracted with other results"
    )
    lines += [f"  + {_doc(diff, d)}" for d in diff.added]
    lines += [f"  - {_doc(diff, d)}" for d in diff.removed]
    lines += [f"  ~ {_doc(diff, d)}: {', '.join(t)}" for d, t in diff.reextracted.items()]
    lines.append("rows (added / removed):")
    lines += [
        f"  {name:<12} +{diff.rows_added[name]:<6} -{diff.rows_removed[name]}"
        + (f"  columns {diff.columns_changed[name]}" if name in diff.columns_changed else "")
        for name in diff.rows_added
    ]
    lines.append(f"figures changed (document, institution, period, metric: old → new): {len(diff.figures)}")
    for f in diff.figures:
        where = f.institution if f.institution is not None else "(group total)"
        lines.append(f"  {_doc(diff, f.doc_id)}  {where}  {f.period}  {f.metric}: {f.old} → {f.new}")
        lines.append(f"      raw: {f.old_raw!r} → {f.new_raw!r}")
    if diff.ambiguous:
        lines.append(f"figures not compared, their key is not unique in a run: {len(diff.ambiguous)}")
        lines += [f"  {_doc(diff, k[0])}  {k[1]}  {k[2]}  {k[3]}" for k in diff.ambiguous]
    return "\n".join(lines)
