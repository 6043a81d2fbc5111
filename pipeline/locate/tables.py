"""Locate the report's parts in renditions that print real tables (tsv_html, markdown, pdf_text).

Tables are told apart by their header words (取組事項/取組内容, 所在地, period headers). A table
without a header row that follows one of these continues it (a table running over a page), and
so does a table that repeats the open table's header on a later page with no section heading in
between. A continuation's rows are lined up with the first part's header by x position
(`table_align`), never by index.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace

from extractors.blocks import Block, Cell, ExtractedDocument, Finding, Span
from normalizers.forms import (
    ITEM_CONTENT_HEADER,
    ITEM_NUMBER_PATTERN,
    ITEM_TITLE_HEADER,
    MEMBER_COLUMN_WORDS,
    MEMBER_TABLE_HEADER,
    PART_LABELS,
    SECTION_NUMBER_PATTERN,
    period_of_header,
    section_of_heading,
)
from normalizers.text import fold_width, match_key, words_key
from pipeline.locate.located import ItemRow, LocatedReport, MemberTable, OutcomeTable, TextAt
from pipeline.locate.table_align import (
    Alignment,
    Edges,
    align,
    by_count,
    column_edges,
    header_edges,
    same_grid,
)
from pipeline.locate.table_outcomes import (
    OutcomeDraft,
    header_label,
    outcome_columns,
    printed_row,
    unknown_header_findings,
)

STATUS_PERIODS = ("baseline", "plan", "actual")
__all__ = ["header_label", "locate_tables", "section_heading"]


@dataclass
class _Header:
    kind: str  # items | outcomes | members
    row_index: int
    cells: tuple[str, ...]


def item_number(title: str) -> int | None:
    match = ITEM_NUMBER_PATTERN.match(fold_width(title))
    return int(match.group(1)) if match else None


def section_heading(text: str) -> int | None:
    """The 取組効果 section a heading line opens (`1 在宅に赴いて…合計診療患者数`), else None."""
    if not SECTION_NUMBER_PATTERN.match(fold_width(text)):
        return None
    return section_of_heading(text)


def _find_header(rows: Sequence[Sequence[Cell]]) -> _Header | None:
    for index, row in enumerate(rows[:3]):
        joined = "|".join(match_key(c.text) for c in row)
        cells = tuple(c.text for c in row)
        if ITEM_TITLE_HEADER in joined and ITEM_CONTENT_HEADER in joined:
            return _Header("items", index, cells)
        if MEMBER_TABLE_HEADER in joined:
            return _Header("members", index, cells)
        if sum(1 for c in row if period_of_header(c.text)) >= 2:
            return _Header("outcomes", index, cells)
    return None


def same_label(a: str, b: str) -> bool:
    """Two printings of one header cell: the same words, brackets and marks aside, but for one
    letter at most (a scan's OCR reads a bracket, a mark or a letter of a header printed again
    otherwise: `（` as `〈`, `ごと` as `こと`). Never a number: a header whose year or count differs
    (`取組目標(令和2年度)`, `…(令和三年度)`, `過去6箇月間`) heads another table."""
    x, y = words_key(a), words_key(b)
    if x == y:
        return True
    if len(x) != len(y):
        return False
    changed = [(p, q) for p, q in zip(x, y, strict=True) if p != q]
    return len(changed) == 1 and all(_is_word_letter(ch) for ch in changed[0])


def _is_word_letter(ch: str) -> bool:
    """A letter that is no number (`二` and `十` are letters with a numeric value)."""
    return ch.isalpha() and unicodedata.numeric(ch, None) is None


def _at(cell: Cell) -> TextAt:
    return TextAt(cell.text, cell.span)


def unread_item_columns(headers: Sequence[str]) -> list[str]:
    """Headers of the 取組 table that name neither the item, its content nor a status period."""

    def known(header: str) -> bool:
        key = match_key(header)
        return (
            ITEM_TITLE_HEADER in key
            or ITEM_CONTENT_HEADER in key
            or period_of_header(header) in STATUS_PERIODS
        )

    return [h for h in headers if h.strip() and not known(h)]


def unread_column_detail(header: str) -> str:
    return (
        f"取組 table column {header_label(header)!r} names no period of the form "
        "(現状/取組目標・計画/実績); its cells were not read"
    )


def _add_item_rows(items: list[ItemRow], rows: Sequence[Sequence[Cell]], headers: Sequence[str]) -> None:
    """Append the items of these rows (lined up with the header); a row without an item number
    continues the last item (a row split over two pages)."""
    title_col = next((i for i, h in enumerate(headers) if ITEM_TITLE_HEADER in match_key(h)), 0)
    content_col = next((i for i, h in enumerate(headers) if ITEM_CONTENT_HEADER in match_key(h)), 1)
    period_cols = [(i, h) for i, h in enumerate(headers) if period_of_header(h) in STATUS_PERIODS]
    for cells in rows:
        if _find_header([cells]) is not None:
            continue  # a header row repeated on the next page
        number = item_number(cells[title_col].text)
        status = tuple((header_label(h), _at(cells[i])) for i, h in period_cols)
        if number is None and items:
            items[-1] = _continue_item(items[-1], cells[content_col], status)
            continue
        if number is None:
            continue
        items.append(ItemRow(number, _at(cells[title_col]), _at(cells[content_col]), status))


def _joined(first: TextAt, more: TextAt) -> TextAt:
    if not more.text.strip():
        return first
    return TextAt((first.text + "\n\n" + more.text).strip(), first.span)


def _continue_item(item: ItemRow, content: Cell, status: tuple[tuple[str, TextAt], ...]) -> ItemRow:
    merged = tuple(
        (label, _joined(cell, more)) for (label, cell), (_, more) in zip(item.status, status, strict=True)
    )
    return replace(item, content=_joined(item.content, _at(content)), status=merged or item.status)


def _member_roles(headers: Sequence[str]) -> tuple[str, ...]:
    roles = []
    for index, header in enumerate(headers):
        key = match_key(header)
        role = next((r for words, r in MEMBER_COLUMN_WORDS if words in key), None)
        roles.append(role or ("role" if index == 0 else "other"))
    return tuple(roles)


@dataclass
class _Open:
    """The table being read: its header, where its columns are, the page it was last seen on."""

    header: _Header
    edges: Edges | None
    page: int | None


class _TableReader:
    def __init__(self) -> None:
        self.items: list[ItemRow] = []
        self.outcomes: list[OutcomeDraft] = []
        self.members: list[MemberTable] = []
        self.paragraphs: list[TextAt] = []
        self.findings: list[Finding] = []
        self.section: int | None = None  # named by a heading since the last table
        self.open: _Open | None = None

    def paragraph(self, block: Block) -> None:
        self.paragraphs.append(TextAt(block.text, block.span))
        heading = section_heading(block.text)
        if heading is not None:  # a table after a section heading does not run on the one before
            self.section, self.open = heading, None

    def table(self, block: Block) -> None:
        header = _find_header(block.rows)
        if header is None and self.open is None and self.section is not None:
            detail = (
                f"a table without header row under 取組効果 heading {self.section}: its columns are "
                "unknown, not read"
            )
            self.findings.append(Finding("table_unread", detail, block.span))
        elif header is None and self.open is not None:
            self._continue(self.open, block.rows, block)
        elif header is not None and self.open is not None and self._repeats_open_header(header, block):
            self._continue(self.open, block.rows[header.row_index + 1 :], block)
        elif header is not None:
            self._start(header, block)

    def _repeats_open_header(self, header: _Header, block: Block) -> bool:
        """The open table's header printed again on a later page (or, in text, over rows whose
        title names the same section), with no section heading in between."""
        assert self.open is not None
        opened = self.open.header
        if header.kind != opened.kind or len(header.cells) != len(opened.cells):
            return False
        if not all(same_label(a, b) for a, b in zip(header.cells, opened.cells, strict=True)):
            return False
        if header.kind != "outcomes":
            return True
        if self.section is not None or not self.outcomes:
            return False
        page = block.span.page
        if page is not None and self.open.page is not None:
            return page > self.open.page
        titles = {section_of_heading(row[0].text) for row in block.rows[header.row_index + 1 :] if row}
        return titles - {None} == {self.outcomes[-1].section}

    def _start(self, header: _Header, block: Block) -> None:
        body = block.rows[header.row_index + 1 :]
        edges = header_edges(block.rows, header.row_index)
        alignment = same_grid(len(header.cells)) if edges is not None else by_count(len(header.cells))
        self.open = _Open(header, edges, block.span.page)
        if header.kind == "items":
            self.findings += [
                Finding("unread_column", unread_column_detail(h), block.span)
                for h in unread_item_columns(header.cells)
            ]
            _add_item_rows(self.items, self._aligned(body, alignment, "items"), header.cells)
        elif header.kind == "members":
            rows = self._aligned(body, alignment, "members")
            roles = _member_roles(header.cells)
            self.members.append(
                MemberTable(header.cells, roles, tuple(tuple(_at(c) for c in r) for r in rows))
            )
        else:
            section = self._table_section(header, body, block.span)
            draft = OutcomeDraft(section, outcome_columns(header.cells, section), block.span, edges)
            self.findings += unknown_header_findings(draft, block.span)
            draft.add_part(body, alignment, self.findings)
            self.outcomes.append(draft)
            self.section = None

    def _continue(self, opened: _Open, rows: Sequence[Sequence[Cell]], block: Block) -> None:
        alignment = align(opened.edges, len(opened.header.cells), column_edges(block.rows))
        opened.page = block.span.page if block.span.page is not None else opened.page
        if opened.header.kind == "items":
            _add_item_rows(self.items, self._aligned(rows, alignment, "items"), opened.header.cells)
        elif opened.header.kind == "members" and self.members:
            more = tuple(tuple(_at(c) for c in r) for r in self._aligned(rows, alignment, "members"))
            self.members[-1] = replace(self.members[-1], rows=self.members[-1].rows + more)
        elif opened.header.kind == "outcomes" and self.outcomes:
            self.outcomes[-1].add_part(rows, alignment, self.findings)

    def _aligned(
        self, rows: Sequence[Sequence[Cell]], alignment: Alignment, kind: str
    ) -> list[tuple[Cell, ...]]:
        """The rows lined up with the header; a printed row that does not line up is reported."""
        out = []
        for row in rows:
            cells = alignment.row(row)
            if cells is not None:
                out.append(cells)
            elif any(c.text.strip() for c in row):
                span = next(c.span for c in row if c.text.strip())
                detail = (
                    f"{span.describe()}: {PART_LABELS[kind]} row ({printed_row(row)!r}): "
                    f"its {len(row)} cells do not line up with "
                    f"the header's {alignment.width} columns; not read"
                )
                self.findings.append(Finding("cells_ambiguous", detail, span))
        return out

    def _table_section(self, header: _Header, body: Sequence[Sequence[Cell]], span: Span) -> int:
        """The section named by the heading above the table, or by its own title cell; failing
        both (an unreadable OCR heading), the section after the previous table, with a check."""
        titles = [header.cells[0] if header.cells else ""] + [row[0].text for row in body[:1] if row]
        named = self.section or next((s for t in titles if (s := section_of_heading(t)) is not None), None)
        if named is not None:
            return named
        inferred = min(self.outcomes[-1].section + 1, 4) if self.outcomes else 1
        detail = (
            f"取組効果 table without a readable section heading: taken as section {inferred} "
            "from its place after the previous one"
        )
        self.findings.append(Finding("section_inferred", detail, span))
        return inferred

    def report(self) -> LocatedReport:
        tables: tuple[OutcomeTable, ...] = tuple(d.table() for d in self.outcomes)
        return LocatedReport(
            tuple(self.items), tables, tuple(self.members), tuple(self.paragraphs), tuple(self.findings)
        )


def locate_tables(doc: ExtractedDocument) -> LocatedReport:
    reader = _TableReader()
    for block in doc.blocks:
        if block.kind == "table":
            reader.table(block)
        else:
            reader.paragraph(block)
    return reader.report()
