"""outcomes records from the located 取組効果 tables. Figures are kept as printed; blank template
cells give no row; a cell with text but no readable figure gives a null value and a check."""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass

import regex

from extractors.blocks import Span
from normalizers.bullets import CIRCLED_NUMBERS, SYMBOL_MARKERS
from normalizers.era import parse_fiscal_year
from normalizers.forms import (
    INSTRUCTION_WORDS,
    SECTION4_ROW_METRICS,
    SECTION_CELLS,
    first_word_match,
    is_total_label,
    period_of_header,
    reads_as_figure,
    section_of_heading,
)
from normalizers.numbers import parse_int
from normalizers.text import compiled, fold_width, match_key, unwrap
from pipeline.build.context import DocContext, position
from pipeline.locate.located import OutcomeRow, OutcomeTable, TextAt
from pipeline.records import Check, Outcome

DIGIT = regex.compile(r"[0-9]")  # a digit left outside every pattern of a cell


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
    name = unwrap(label).lstrip(CIRCLED_NUMBERS + SYMBOL_MARKERS + " ")
    return name or None


def _is_unnamed(label: str) -> bool:
    """A row label that names nobody: blank, or the section's own title."""
    return not label.strip() or section_of_heading(label) is not None


def _names_institutions(table: OutcomeTable) -> bool:
    """Whether some row of the table is named after an institution (not 合計, not the title)."""
    return any(
        not _is_unnamed(r.label.text) and not is_total_label(r.label.text) and _institution(r.label.text)
        for r in table.rows
    )


def figure_text(cell: str) -> str:
    """A figure cell as its patterns read it: width-folded, its printed line breaks taken out (a
    cell wrapped inside a word, `うち往` | `診: 3回`, still names its figure)."""
    return fold_width(cell).replace("\n", "")


def _is_instruction(row: OutcomeRow) -> bool:
    return any(w in match_key(c.text) for c in (row.label, *row.cells) for w in INSTRUCTION_WORDS)


@dataclass(frozen=True)
class _Place:
    """Where a cell sits: its table, row, column and the row's institution."""

    table: OutcomeTable
    row_no: int
    cell: TextAt
    column: _Column
    institution: str | None
    is_total: bool


class OutcomeBuilder:
    def __init__(self, ctx: DocContext) -> None:
        self.ctx = ctx
        self.outcomes: list[Outcome] = []
        self.checks: list[Check] = []
        # Sections with printed rows left out (with a check): their institutions are not all known.
        self.incomplete: set[int] = set()

    def check(self, cell: TextAt, name: str, detail: str) -> None:
        self.checks.append(self.ctx.check(name, detail, cell.span))

    def add_table(self, table: OutcomeTable) -> None:
        columns = _columns(table)
        before = len(self.outcomes)
        rejected = 0
        for row_no, row in enumerate(table.rows, start=1):
            if not _is_instruction(row):
                rejected += not self._add_row(table, row_no, row, columns)
        rejected += self._withhold_repeated_totals(table, before)
        if rejected or table.rows_left_out:
            self.incomplete.add(table.section)
        if len(self.outcomes) == before and not rejected and not table.rows_left_out:
            where = TextAt("", table.span)
            self.check(
                where,
                "template_unfilled",
                f"取組効果 {table.section}: every figure cell is blank (the form left unfilled)",
            )

    def _withhold_repeated_totals(self, table: OutcomeTable, before: int) -> int:
        """A table has one 合計 row: where several rows read as the group total (rows of a column
        the registry misread), none of them is certain and their figures are left out."""
        added = self.outcomes[before:]
        total_rows = sorted({o.row_no for o in added if o.is_total})
        if table.section == 4 or len(total_rows) <= 1:
            return 0
        self.outcomes[before:] = [o for o in added if not o.is_total]
        first = next(o for o in added if o.is_total)
        self.checks.append(
            self.ctx.check(
                "totals_ambiguous",
                f"{_page(first)}取組効果 {table.section}: rows {', '.join(map(str, total_rows))} all read as "
                "the group total; which one it is cannot be told, so their figures were left out",
                _span_of(first),
            )
        )
        return len(total_rows)

    def _row_identity(self, table: OutcomeTable, row: OutcomeRow) -> tuple[str | None, bool, str | None]:
        """(institution, is_total, section-4 metric) of a row. Without a 医療機関名 column, a row
        labelled with a name (not 合計, not the section's own title) is still an institution's."""
        label = row.label.text
        if table.section == 4:
            return None, True, first_word_match(label, SECTION4_ROW_METRICS)
        if is_total_label(label):
            return None, True, None
        if not table.has_institution_column and _is_unnamed(label) and not _names_institutions(table):
            return None, True, None  # a table of group totals only (no row names an institution)
        return _institution(label), False, None

    def _add_row(
        self, table: OutcomeTable, row_no: int, row: OutcomeRow, columns: list[_Column | None]
    ) -> bool:
        """Add the row's figures; False when the row was left out (with a check)."""
        if reads_as_figure(row.label.text) and any(c.text.strip() for c in row.cells):
            self.check(
                row.label,
                "label_reads_as_figure",
                f"{row.label.span.describe()}: 取組効果 {table.section}, row {row_no}: its name cell "
                f"{row.label.text!r} reads as a figure, so its cells are shifted; its figures were left out",
            )
            return False
        if len(row.cells) != len(columns):
            self.check(
                row.label,
                "cells_ambiguous",
                f"{row.label.span.describe()}: 取組効果 {table.section}, row {row_no}: {len(row.cells)} "
                f"cells for {len(columns)} period columns; its figures were left out",
            )
            return False
        institution, is_total, row_metric = self._row_identity(table, row)
        if table.section == 4 and row_metric is None and any(c.text.strip() for c in row.cells):
            self.check(
                row.label,
                "unknown_wording",
                f"取組効果 4: row label {row.label.text!r} names no known count; row not read",
            )
            return False
        for cell, column in zip(row.cells, columns, strict=True):
            if column is not None and cell.text.strip():
                at = _Place(table, row_no, cell, column, institution, is_total)
                self._add_cell(at, row_metric)
        return True

    def _add_cell(self, at: _Place, row_metric: str | None) -> None:
        """Every figure the form's patterns read; a figure whose word is printed but whose value
        does not read is kept as null with a check; digits left outside every pattern raise one."""
        folded = figure_text(at.cell.text)
        consumed: list[tuple[int, int]] = []
        for pattern in SECTION_CELLS[at.table.section]:
            match = compiled(pattern.pattern).search(folded)
            metric = row_metric or pattern.metric
            if match is not None:
                consumed.append(match.span())
                printed = match.group("v").strip()
                if printed:  # empty: a blank template cell (`名`, `合計回数: 回`), never a 0
                    self._emit(at, metric, parse_int(printed), pattern.unit)
            elif pattern.anchor and pattern.anchor in folded:
                self._emit(at, metric, None, pattern.unit)
        if not consumed and not any(p.anchor and p.anchor in folded for p in SECTION_CELLS[at.table.section]):
            first = SECTION_CELLS[at.table.section][0]
            self._emit(at, row_metric or first.metric, None, first.unit)
        outside = [True] * len(folded)  # the chars no pattern consumed
        for a, b in consumed:
            outside[a:b] = [False] * (b - a)
        leftover = "".join(itertools.compress(folded, outside))
        if consumed and DIGIT.search(leftover):
            self.check(
                at.cell,
                "unparsed_figure",
                f"取組効果 {at.table.section} {at.column.label}: digits outside the form's pattern in "
                f"{at.cell.text!r}; not read",
            )

    def _emit(self, at: _Place, metric: str, value: int | None, unit: str) -> None:
        if not at.is_total and at.institution is None:
            self.check(
                at.cell,
                "institution_unnamed",
                f"取組効果 {at.table.section}: figures in a row without an institution name",
            )
        if value is None:
            self.check(
                at.cell,
                "unparsed_figure",
                f"取組効果 {at.table.section} {at.column.label}: {metric} in {at.cell.text!r} does not "
                "read as a figure; kept with a null value",
            )
        self.outcomes.append(
            Outcome(
                **self.ctx.common(at.cell.span),
                section=at.table.section,
                row_no=at.row_no,
                metric=metric,
                institution=at.institution,
                is_total=at.is_total,
                period=at.column.period,
                period_label=at.column.label,
                period_fiscal_year=at.column.fiscal_year,
                value=value,
                unit=unit,
                raw=at.cell.text,
                **position(at.cell.span),
            )
        )


def _page(o: Outcome) -> str:
    return f"{_span_of(o).describe()}: "


def _span_of(o: Outcome) -> Span:
    box = (o.bbox_x0, o.bbox_y0, o.bbox_x1, o.bbox_y1)
    return Span(page=o.page, line_start=o.line, bbox=None if None in box else box)  # type: ignore[arg-type]


@dataclass(frozen=True)
class BuiltOutcomes:
    outcomes: list[Outcome]
    checks: list[Check]
    incomplete_sections: frozenset[int]  # printed rows left out there: no sum can be checked


def build_outcomes(ctx: DocContext, tables: Iterable[OutcomeTable]) -> BuiltOutcomes:
    builder = OutcomeBuilder(ctx)
    for table in tables:
        builder.add_table(table)
    return BuiltOutcomes(builder.outcomes, builder.checks, frozenset(builder.incomplete))
