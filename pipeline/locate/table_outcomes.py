"""取組効果 tables of the renditions that print real tables: what each header column holds, and
the rows read from one or more printed parts of a table (a table running over pages).

Each header column is a period (`現状`, `計画`…), the institution column (by the registry's
aliases), a title column (blank, or the section's own title), or unknown. An unknown column
before the periods leaves the institution of every row uncertain: the table's figures are left
out with an `unknown_wording` check. A row that does not line up with the header is left out with
a `cells_ambiguous` check naming it and its page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from extractors.blocks import Cell, Finding, Span
from normalizers.forms import (
    figure_cell_complete,
    is_institution_column,
    is_total_label,
    period_of_header,
    section_of_heading,
)
from normalizers.text import match_key, normalize_space, reflow
from pipeline.locate.located import OutcomeRow, OutcomeTable, TextAt
from pipeline.locate.table_align import Alignment, Edges, spans_columns

DEFAULT_ROW_TEXT_CHARS = 80  # characters of a row's printed cells quoted in a check
# A first-column header at least this long is the table's title printed in its header (the
# group-total form), even where OCR garbled the words that would name its section; column headers
# (`医療機関名`, `機関名`, `区分`) are short.
DEFAULT_TITLE_HEADER_CHARS = 12


def header_label(header: str) -> str:
    """A column header as printed, its wrapped lines joined."""
    return reflow(header.split("\n"))


def column_role(header: str, index: int = 1) -> str:
    if period_of_header(header):
        return "period"
    if is_institution_column(header):
        return "institution"
    if not header.strip() or section_of_heading(header) is not None:
        return "title"
    if index == 0 and len(match_key(header)) >= DEFAULT_TITLE_HEADER_CHARS:
        return "title"
    return "unknown"


@dataclass(frozen=True)
class OutcomeColumns:
    """The columns of one 取組効果 table as its header names them."""

    headers: tuple[str, ...]
    period_cols: tuple[int, ...]
    label_col: int
    has_institution_column: bool
    unknown_label_cols: tuple[int, ...]  # unknown columns before the periods: rows not read
    unknown_other_cols: tuple[int, ...]  # unknown columns after them: their cells not read


def outcome_columns(headers: Sequence[str], section: int) -> OutcomeColumns:
    """Where a row's label and figures are. The label is in the institution column; failing one,
    with a title column and a blank-headed column before the periods, in the latter; else in the
    one column before the periods (a table of group totals, or rows named by institution)."""
    roles = [column_role(h, i) for i, h in enumerate(headers)]
    period_cols = tuple(i for i, r in enumerate(roles) if r == "period")
    first_period = period_cols[0] if period_cols else len(headers)
    before = list(range(first_period))
    institution = next((i for i in before if roles[i] == "institution"), None)
    unknown_before = tuple(i for i in before if roles[i] == "unknown") if section != 4 else ()
    unknown_after = tuple(i for i in range(first_period, len(headers)) if roles[i] == "unknown")
    if institution is not None:
        label_col, has_institution = institution, True
    elif len(before) >= 2:
        label_col, has_institution = before[-1], True
    else:
        label_col, has_institution = (before[0] if before else 0), False
    return OutcomeColumns(
        tuple(headers), period_cols, label_col, has_institution, unknown_before, unknown_after
    )


def printed_row(row: Sequence[Cell]) -> str:
    text = " | ".join(normalize_space(c.text) for c in row if c.text.strip())
    return text[:DEFAULT_ROW_TEXT_CHARS] + ("…" if len(text) > DEFAULT_ROW_TEXT_CHARS else "")


def _page_of(row: Sequence[Cell]) -> int | None:
    return next((c.span.page for c in row if c.span.page is not None), None)


@dataclass
class OutcomeDraft:
    """A 取組効果 table being read, part by part."""

    section: int
    columns: OutcomeColumns
    span: Span
    edges: Edges | None = None  # the header's column edges (PDF): a figure cell must fit one
    rows: list[OutcomeRow] = field(default_factory=list)
    pages: list[int] = field(default_factory=list)
    parts: int = 0
    realigned: bool = False
    rows_in_part: int = 0
    row_count: int = 0
    withheld: bool = False  # an unknown header: no row is read
    left_out: int = 0

    def where(self, row: Sequence[Cell]) -> str:
        return f"{_row_span(row).describe()}: 取組効果 {self.section}, row {self.row_count}"

    def add_part(self, rows: Sequence[Sequence[Cell]], alignment: Alignment, findings: list[Finding]) -> None:
        self.parts += 1
        self.rows_in_part = 0
        self.realigned = self.realigned or not alignment.identical
        for row in rows:
            if not any(c.text.strip() for c in row):
                continue
            self.row_count += 1
            page = _page_of(row)
            if page is not None and page not in self.pages:
                self.pages.append(page)
            if self.withheld:
                self.left_out += 1
                continue
            cells = alignment.row(row)
            if cells is None:
                self.left_out += 1
                detail = (
                    f"{self.where(row)} ({printed_row(row)!r}): its {len(row)} cells do not line up with "
                    f"the header's {alignment.width} columns; its figures were left out"
                )
                findings.append(Finding("cells_ambiguous", detail, _row_span(row)))
                continue
            merged = [i for i in self.columns.period_cols if spans_columns(cells[i], self.edges, i)]
            if merged and any(cells[i].text.strip() for i in merged):
                self.left_out += 1
                detail = (
                    f"{self.where(row)} ({printed_row(row)!r}): a figure cell spans several period "
                    "columns; its figures were left out"
                )
                findings.append(Finding("cells_ambiguous", detail, _row_span(row)))
                continue
            row_of = self._outcome_row(cells)
            if self.parts > 1 and not self.rows_in_part and self._continues_last_row(row_of):
                self.rows[-1] = _joined_rows(self.rows[-1], row_of)
                self.row_count -= 1
            else:
                self.rows.append(row_of)
            self.rows_in_part += 1

    def _outcome_row(self, cells: Sequence[Cell]) -> OutcomeRow:
        label = cells[self.columns.label_col]
        if not label.text.strip():  # a 合計 label merged over the label columns sits in the first
            label = next((c for c in cells[: self.columns.label_col] if is_total_label(c.text)), label)
        return OutcomeRow(_at(label), tuple(_at(cells[i]) for i in self.columns.period_cols))

    def _continues_last_row(self, row: OutcomeRow) -> bool:
        """A row split by the page break: the new part opens with a row without a label whose
        cells complete the figures the previous part's last row left unfinished."""
        if not self.rows or row.label.text.strip():
            return False
        last = self.rows[-1]
        unfinished = any(not figure_cell_complete(self.section, c.text) for c in last.cells)
        joined = _joined_rows(last, row)
        return unfinished and all(figure_cell_complete(self.section, c.text) for c in joined.cells)

    def table(self) -> OutcomeTable:
        labels = tuple(header_label(self.columns.headers[i]) for i in self.columns.period_cols)
        return OutcomeTable(
            self.section,
            labels,
            self.columns.has_institution_column,
            tuple(self.rows),
            self.span,
            parts=self.parts,
            pages=tuple(self.pages),
            realigned=self.realigned,
            rows_left_out=self.left_out,
        )


def unknown_header_findings(draft: OutcomeDraft, span: Span) -> list[Finding]:
    """`unknown_wording` for header cells the registry does not know; an unknown column before the
    periods withholds the table's rows (their institution is not certain)."""
    columns = draft.columns
    findings = []
    for index in columns.unknown_label_cols:
        detail = (
            f"{_page_prefix(span)}取組効果 {draft.section}: column header "
            f"{header_label(columns.headers[index])!r} names no institution column the form knows; "
            "the table's figures were left out"
        )
        findings.append(Finding("unknown_wording", detail, span))
    for index in columns.unknown_other_cols:
        detail = (
            f"{_page_prefix(span)}取組効果 {draft.section}: column header "
            f"{header_label(columns.headers[index])!r} names no period of the form; its cells were not read"
        )
        findings.append(Finding("unknown_wording", detail, span))
    draft.withheld = bool(columns.unknown_label_cols)
    return findings


def _page_prefix(span: Span) -> str:
    return f"{span.describe()}: "


def _joined_rows(first: OutcomeRow, rest: OutcomeRow) -> OutcomeRow:
    """A row printed over a page break, its cells' two pieces joined as one wrapped cell."""
    cells = tuple(
        TextAt(f"{a.text}\n{b.text}" if a.text and b.text else a.text or b.text, a.span)
        for a, b in zip(first.cells, rest.cells, strict=True)
    )
    return OutcomeRow(first.label, cells)


def _at(cell: Cell) -> TextAt:
    return TextAt(cell.text, cell.span)


def _row_span(row: Sequence[Cell]) -> Span:
    return next((c.span for c in row if c.text.strip()), row[0].span if row else Span())
