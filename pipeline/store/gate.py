"""The schema gate: before anything is committed, every table is checked against SCHEMA.md's
types (the Arrow schema from `records`) and vocabularies (declared below). A violation stops the
commit and names the table and column."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc

from normalizers.facility_names import FACILITY_KINDS
from pipeline.checks import CHECKS
from pipeline.formats import RENDITIONS, SOURCE_FORMATS
from pipeline.link.rules import MATCH_RULES
from pipeline.records import LINKED_TABLES, TABLES, DocumentResult, arrow_schema, to_arrow

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
    empty table of its schema meets the contract (`workers.initialize` gates each one)."""
    for name, record_type in TABLES.items():
        if name == "files" or name in LINKED_TABLES:
            continue
        records = [result.document] if name == "documents" else getattr(result, name)
        if records:
            validate_table(name, to_arrow(record_type, records))


def validate_all(tables: dict[str, pa.Table]) -> None:
    for name, table in tables.items():
        validate_table(name, table)
