"""The schema gate: before anything is committed, every table is checked against SCHEMA.md's
types (the Arrow schema from `records`) and vocabularies (declared below). A violation stops the
commit and names the table and column."""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
from collections.abc import Sequence
from typing import NamedTuple

import pyarrow as pa
import pyarrow.compute as pc

from normalizers.facility_names import FACILITY_KINDS
from pipeline.checks import CHECKS
from pipeline.formats import RENDITIONS, SOURCE_FORMATS
from pipeline.link.rules import MATCH_RULES
from pipeline.records import LINKED_TABLES, TABLES, DocumentResult, arrow_schema, row_values, to_arrow

VOCABULARIES: dict[tuple[str, str], frozenset[object]] = {
    ("documents", "source_format"): SOURCE_FORMATS,
    ("files", "source_format"): SOURCE_FORMATS,
    ("documents", "rendition"): RENDITIONS,
    ("documents", "doc_kind"): frozenset({"report", "guidance", "unknown"}),
    ("documents", "fiscal_year_source"): frozenset({"title", "content", "path"}),
    ("documents", "status"): frozenset({"ok", "partial", "skipped", "failed"}),
    ("files", "status"): frozenset({"ok", "partial", "skipped", "failed"}),
    ("members", "role"): frozenset({"medical_association", "participant", "backup_hospital", "other"}),
    ("members", "designation"): frozenset({"hub", "active"}),
    ("initiatives", "item_no"): frozenset({1, 2, 3}),
    ("initiatives", "item_theme"): frozenset({"intra_group", "regional", "awareness"}),
    ("status", "item_no"): frozenset({1, 2, 3}),
    ("status", "period"): frozenset({"baseline", "plan", "actual"}),
    ("outcomes", "section"): frozenset({1, 2, 3, 4}),
    ("outcomes", "metric"): frozenset(
        {
            "patients",
            "visits",
            "visits_on_call",
            "visits_scheduled",
            "deaths",
            "deaths_outside_hospital",
            "referrals",
            "emergency_admissions",
            "reverse_referrals",
        }
    ),
    ("outcomes", "period"): frozenset({"baseline", "plan", "actual", "difference"}),
    ("outcomes", "unit"): frozenset({"名", "回", "件"}),
    ("dates", "source_table"): frozenset({"initiatives", "status"}),
    ("dates", "period"): frozenset({"baseline", "plan", "actual"}),
    ("checks", "severity"): frozenset({"info", "warning", "error"}),
    ("checks", "check"): frozenset(CHECKS),
    ("facilities", "kind"): frozenset(FACILITY_KINDS),
    ("facility_matches", "kind"): frozenset(FACILITY_KINDS),
    ("facility_matches", "rule"): MATCH_RULES,
    ("facility_matches", "source_table"): frozenset({"members", "outcomes"}),
}
RANGES: dict[tuple[str, str], tuple[int, int]] = {
    (table, "fiscal_year"): (1989, 2100) for table in TABLES
} | {("facilities", year): (1989, 2100) for year in ("first_fiscal_year", "last_fiscal_year")}


class SchemaViolation(Exception):
    pass


def validate_table(name: str, table: pa.Table) -> None:
    expected = arrow_schema(TABLES[name])
    if not table.schema.equals(expected):
        raise SchemaViolation(f"{name}: schema differs from the contract: {table.schema} vs {expected}")
    for field in expected:
        column = table.column(field.name)
        if not field.nullable and column.null_count:
            raise SchemaViolation(
                f"{name}.{field.name}: {column.null_count} null value(s) in a non-null column"
            )
        allowed = VOCABULARIES.get((name, field.name))
        if allowed is not None:
            bad = {v for v in column.to_pylist() if v is not None and v not in allowed}
            if bad:
                raise SchemaViolation(
                    f"{name}.{field.name}: values outside the vocabulary: {sorted(map(str, bad))}"
                )
        bounds = RANGES.get((name, field.name))
        if bounds is not None and len(column) and column.null_count < len(column):
            low, high = pc.min(column).as_py(), pc.max(column).as_py()
            if low < bounds[0] or high > bounds[1]:
                raise SchemaViolation(f"{name}.{field.name}: values outside {bounds}: {low}..{high}")


def validate_result(result: DocumentResult) -> None:
    """One document's records against the contract. A table without records is left out: the
    empty table of its schema meets the contract (`workers.initialize` gates each one); so is one
    whose values plainly meet it (`plainly_valid`); the others are converted and gated."""
    for name, record_type in TABLES.items():
        if name == "files" or name in LINKED_TABLES:
            continue
        records = [result.document] if name == "documents" else getattr(result, name)
        if records and not plainly_valid(name, records):
            validate_table(name, to_arrow(record_type, records))


# Arrow type -> the one Python type whose values it takes as they are, and the bounds of an integer
FLOAT32_MAX = 3.4028234663852886e38
_PLAIN_TYPES: dict[pa.DataType, type] = {
    pa.string(): str,
    pa.int64(): int,
    pa.int32(): int,
    pa.float64(): float,
    pa.float32(): float,
    pa.bool_(): bool,
    pa.date32(): dt.date,
}
_INT_BOUNDS = {pa.int64(): (-(2**63), 2**63 - 1), pa.int32(): (-(2**31), 2**31 - 1)}
_SURROGATE = re.compile("[\ud800-\udfff]")  # a str Arrow cannot encode as UTF-8


class _PlainColumn(NamedTuple):
    """What `plainly_valid` asks of one field, read from the Arrow schema once a table."""

    nullable: bool
    is_list: bool
    kind: type | None  # the plain Python type of its values (a list's items: str)
    int_bounds: tuple[int, int] | None
    is_float32: bool
    allowed: frozenset[object] | None
    low_high: tuple[int, int] | None


@functools.lru_cache(maxsize=len(TABLES))
def _plain_columns(name: str) -> tuple[_PlainColumn, ...]:
    return tuple(
        _PlainColumn(
            field.nullable,
            pa.types.is_list(field.type),
            _PLAIN_TYPES.get(field.type),
            _INT_BOUNDS.get(field.type),
            field.type == pa.float32(),
            VOCABULARIES.get((name, field.name)),
            RANGES.get((name, field.name)),
        )
        for field in arrow_schema(TABLES[name])
    )


def plainly_valid(name: str, records: Sequence[object]) -> bool:
    """True where every column of the records holds values of its field's plain Python type only
    (None where the field is nullable), each one Arrow takes as it is, within the table's
    vocabularies and ranges: then `validate_table` of their table passes (the per-document gate
    needs no Arrow table for them, about 2 ms a document). False where any value is not so plain:
    the caller converts and gates them, which names the violation if there is one. Worked out a
    column at a time in C (type sets, joins, min and max), not value by value; what each field
    asks is read from the schema once a table (`_plain_columns`)."""
    if not records:
        return True  # the schema's empty table (gated by `workers.initialize`)
    rows = list(map(row_values(TABLES[name])[1], records))
    for spec, column in zip(_plain_columns(name), zip(*rows, strict=True), strict=True):
        values = [v for v in column if v is not None]
        if len(values) < len(column) and not spec.nullable:
            return False
        if spec.is_list:
            if not _plain(values, tuple) or not _plain(items := list(itertools.chain(*values)), str):
                return False
            values = items
        elif spec.kind is None or not _plain(values, spec.kind):
            return False
        if not values:
            continue
        if isinstance(values[0], str) and _SURROGATE.search("".join(values)):
            return False
        bounds = spec.int_bounds
        if bounds is not None and (min(values) < bounds[0] or max(values) > bounds[1]):
            return False
        if spec.is_float32 and not all(map(FLOAT32_MAX.__ge__, map(abs, values))):  # or NaN
            return False
        if spec.allowed is not None and not set(values) <= spec.allowed:
            return False
        low_high = spec.low_high
        if low_high is not None and (min(values) < low_high[0] or max(values) > low_high[1]):
            return False
    return True


def _plain(values: list[object], kind: type) -> bool:
    return not values or set(map(type, values)) == {kind}


def validate_all(tables: dict[str, pa.Table]) -> None:
    for name, table in tables.items():
        validate_table(name, table)
