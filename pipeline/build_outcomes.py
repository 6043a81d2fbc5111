"""outcomes records from the located 取組効果 tables. Figures are kept as printed; blank template
cells give no row; a cell with text but no readable figure gives a null value and a check."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import regex

from normalizers.bullets import CIRCLED_NUMBERS, SYMBOL_MARKERS
from normalizers.era import parse_fiscal_year
from normalizers.forms import (
    INSTRUCTION_WORDS,
    SECTION4_ROW_METRICS,
    SECTION_CELLS,
    first_word_match,
    is_total_label,
    period_of_header,
)
from normalizers.numbers import parse_int
from normalizers.text import fold_width, match_key, normalize_space
from pipeline.context import DocContext
from pipeline.located import OutcomeRow, OutcomeTable, TextAt
from pipeline.records import Check, Outcome


@dataclass(frozen=True)
class _Column:
    period: str
    label: str
    fiscal_year: int | None


def _columns(table: OutcomeTable) -> list[_Column | None]:
    columns: list[_Column | None] = []
    for label in table.period_labels:
        period = period_of_header(label)
        mention = parse_fiscal_year(label)
        columns.append(_Column(period, label, mention.year if mention else None) if period else None)
    return columns


def _institution(label: str) -> str | None:
    name = normalize_space(label).lstrip(CIRCLED_NUMBERS + SYMBOL_MARKERS + " ")
    return name or None


def _is_instruction(row: OutcomeRow) -> bool:
    return any(w in match_key(c.text) for c in (row.label, *row.cells) for w in INSTRUCTION_WORDS)


class OutcomeBuilder:
    def __init__(self, ctx: DocContext) -> None:
        self.ctx = ctx
        self.outcomes: list[Outcome] = []
        self.checks: list[Check] = []

    def check(self, cell: TextAt, name: str, severity: str, detail: str) -> None:
        self.checks.append(Check(**self.ctx.common(cell.span), check=name, severity=severity, detail=detail))

    def add_table(self, table: OutcomeTable) -> None:
        columns = _columns(table)
        before = len(self.outcomes)
        for row in table.rows:
            if not _is_instruction(row):
                self._add_row(table, row, columns)
        if len(self.outcomes) == before:
            where = TextAt("", table.span)
            self.check(where, "template_unfilled", "info",
                       f"取組効果 {table.section}: every figure cell is blank (the form left unfilled)")

    def _row_identity(self, table: OutcomeTable, row: OutcomeRow) -> tuple[str | None, bool, str | None]:
        """(institution, is_total, section-4 metric) of a row."""
        if table.section == 4:
            return None, True, first_word_match(row.label.text, SECTION4_ROW_METRICS)
        if not table.has_institution_column or is_total_label(row.label.text):
            return None, True, None
        return _institution(row.label.text), False, None

    def _add_row(self, table: OutcomeTable, row: OutcomeRow, columns: list[_Column | None]) -> None:
        institution, is_total, row_metric = self._row_identity(table, row)
        if table.section == 4 and row_metric is None and any(c.text.strip() for c in row.cells):
            self.check(row.label, "unknown_wording", "warning",
                       f"取組効果 4: row label {row.label.text!r} names no known count; row not read")
            return
        for cell, column in zip(row.cells, columns):
            if column is not None:
                self._add_cell(table, cell, column, institution, is_total, row_metric)

    def _add_cell(self, table: OutcomeTable, cell: TextAt, column: _Column,
                  institution: str | None, is_total: bool, row_metric: str | None) -> None:
        folded = fold_width(cell.text)
        matched_any = False
        for pattern in SECTION_CELLS[table.section]:
            match = regex.search(pattern.pattern, folded)
            if not match:
                continue
            matched_any = True
            value = parse_int(match.group("v"))
            if value is None:
                continue  # a blank template cell (`名`, `合計回数: 回`) is never a 0
            self._emit(table, cell, column, institution, is_total, row_metric or pattern.metric,
                       value, pattern.unit)
        if not matched_any and cell.text.strip():
            first = SECTION_CELLS[table.section][0]
            self._emit(table, cell, column, institution, is_total, row_metric or first.metric, None, first.unit)
            self.check(cell, "unparsed_figure", "warning",
                       f"取組効果 {table.section} {column.label}: {cell.text!r} holds no figure in the form's "
                       "pattern; kept with a null value")

    def _emit(self, table: OutcomeTable, cell: TextAt, column: _Column, institution: str | None,
              is_total: bool, metric: str, value: int | None, unit: str) -> None:
        if not is_total and institution is None:
            self.check(cell, "institution_unnamed", "warning",
                       f"取組効果 {table.section}: figures in a row without an institution name")
        self.outcomes.append(
            Outcome(
                **self.ctx.common(cell.span),
                section=table.section,
                metric=metric,
                institution=institution,
                is_total=is_total,
                period=column.period,
                period_label=column.label,
                period_fiscal_year=column.fiscal_year,
                value=value,
                unit=unit,
                raw=cell.text,
            )
        )


def build_outcomes(ctx: DocContext, tables: Iterable[OutcomeTable]) -> tuple[list[Outcome], list[Check]]:
    builder = OutcomeBuilder(ctx)
    for table in tables:
        builder.add_table(table)
    return builder.outcomes, builder.checks
