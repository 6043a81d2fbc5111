"""Locate the report's parts in renditions that print real tables (tsv_html, markdown, pdf_text).

Tables are told apart by their header words (取組事項/取組内容, 所在地, period headers); a
table without a header that follows one of these continues it (a table running over a page).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import regex

from extractors.blocks import Block, Cell, ExtractedDocument, Finding, Span
from normalizers.forms import is_total_label, period_of_header, section_of_heading
from normalizers.text import fold_width, match_key, reflow
from pipeline.locate.located import ItemRow, LocatedReport, MemberTable, OutcomeRow, OutcomeTable, TextAt

_ITEM_NUMBER = regex.compile(r"^\s*([1-3])(?![0-9])")
_SECTION_HEADING = regex.compile(r"^\s*([1-4])(?![0-9])")
MEMBER_COLUMN_WORDS: tuple[tuple[str, str], ...] = (
    ("①", "designation"),
    ("所在地", "address"),
    ("電話", "phone"),
    ("問い合わせ", "phone"),
    ("医療機関", "name"),
    ("名称", "name"),
)


@dataclass
class _Header:
    kind: str  # items | outcomes | members
    row_index: int
    cells: tuple[str, ...]


def header_label(header: str) -> str:
    """A column header as printed, its wrapped lines joined."""
    return reflow(header.split("\n"))


def item_number(title: str) -> int | None:
    match = _ITEM_NUMBER.match(fold_width(title))
    return int(match.group(1)) if match else None


def section_heading(text: str) -> int | None:
    """The 取組効果 section a heading line opens (`1 在宅に赴いて…合計診療患者数`), else None."""
    if not _SECTION_HEADING.match(fold_width(text)):
        return None
    return section_of_heading(text)


def _find_header(rows: Sequence[Sequence[Cell]]) -> _Header | None:
    for index, row in enumerate(rows[:3]):
        keys = [match_key(c.text) for c in row]
        joined = "|".join(keys)
        cells = tuple(c.text for c in row)
        if "取組事項" in joined and "取組内容" in joined:
            return _Header("items", index, cells)
        if "所在地" in joined:
            return _Header("members", index, cells)
        if sum(1 for c in row if period_of_header(c.text)) >= 2:
            return _Header("outcomes", index, cells)
    return None


def _at(cell: Cell) -> TextAt:
    return TextAt(cell.text, cell.span)


STATUS_PERIODS = ("baseline", "plan", "actual")


def unread_item_columns(headers: Sequence[str]) -> list[str]:
    """Headers of the 取組 table that name neither the item, its content nor a status period."""

    def known(header: str) -> bool:
        key = match_key(header)
        return "取組事項" in key or "取組内容" in key or period_of_header(header) in STATUS_PERIODS

    return [h for h in headers if h.strip() and not known(h)]


def unread_column_detail(header: str) -> str:
    return (
        f"取組 table column {header_label(header)!r} names no period of the form "
        "(現状/取組目標・計画/実績); its cells were not read"
    )


def _add_item_rows(items: list[ItemRow], rows: Sequence[Sequence[Cell]], headers: Sequence[str]) -> None:
    """Append the items of these rows; a row without an item number continues the last item
    (a row split over two pages)."""
    title_col = next((i for i, h in enumerate(headers) if "取組事項" in match_key(h)), 0)
    content_col = next((i for i, h in enumerate(headers) if "取組内容" in match_key(h)), 1)
    period_cols = [(i, h) for i, h in enumerate(headers) if period_of_header(h) in STATUS_PERIODS]
    for row in rows:
        cells = list(row) + [Cell("", row[-1].span if row else Span())] * (len(headers) - len(row))
        if _find_header([row]) is not None:
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
    merged = tuple((label, _joined(cell, more)) for (label, cell), (_, more) in zip(item.status, status))
    return replace(item, content=_joined(item.content, _at(content)), status=merged or item.status)


def _outcome_table(block: Block, header: _Header, section: int) -> OutcomeTable:
    headers = header.cells
    period_cols = [i for i, h in enumerate(headers) if period_of_header(h)]
    institution_col = next((i for i, h in enumerate(headers) if "医療機関名" in match_key(h)), None)
    label_col = institution_col if institution_col is not None else 0
    rows = []
    for row in block.rows[header.row_index + 1 :]:
        cells = list(row) + [Cell("", block.span)] * (len(headers) - len(row))
        label = cells[label_col]
        if not label.text.strip():  # a 合計 label merged over the label columns sits in the first
            label = next((c for c in cells[:label_col] if is_total_label(c.text)), label)
        rows.append(OutcomeRow(_at(label), tuple(_at(cells[i]) for i in period_cols)))
    labels = tuple(header_label(headers[i]) for i in period_cols)
    return OutcomeTable(section, labels, institution_col is not None, tuple(rows), block.span)


def _member_roles(headers: Sequence[str]) -> tuple[str, ...]:
    roles = []
    for index, header in enumerate(headers):
        key = match_key(header)
        role = next((r for words, r in MEMBER_COLUMN_WORDS if words in key), None)
        roles.append(role or ("role" if index == 0 else "other"))
    return tuple(roles)


def _table_section(
    heading_section: int | None,
    header: _Header,
    outcomes: list[OutcomeTable],
    findings: list[Finding],
    span: Span,
) -> int:
    """The section named by the heading above the table, or by its own label cell; failing both
    (an unreadable OCR heading), the section after the previous table, with a check."""
    named = heading_section or section_of_heading(header.cells[0] if header.cells else "")
    if named is not None:
        return named
    inferred = min(outcomes[-1].section + 1, 4) if outcomes else 1
    detail = (
        f"取組効果 table without a readable section heading: taken as section {inferred} "
        "from its place after the previous one"
    )
    findings.append(Finding("section_inferred", detail, span))
    return inferred


def locate_tables(doc: ExtractedDocument) -> LocatedReport:
    items: list[ItemRow] = []
    outcomes: list[OutcomeTable] = []
    members: list[MemberTable] = []
    paragraphs: list[TextAt] = []
    findings: list[Finding] = []
    section: int | None = None
    last: tuple[str, _Header] | None = None
    for block in doc.blocks:
        if block.kind != "table":
            paragraphs.append(TextAt(block.text, block.span))
            heading = section_heading(block.text)
            if heading is not None:  # a table after a section heading does not run on the one before
                section, last = heading, None
            continue
        header = _find_header(block.rows)
        if header is None and last is not None:
            header = _Header(last[1].kind, -1, last[1].cells)  # continuation without header row
        if header is None:
            if section is not None:
                detail = f"a table without header row under 取組効果 heading {section}: its columns are unknown, not read"
                findings.append(Finding("table_unread", detail, block.span))
            continue
        body = block.rows[header.row_index + 1 :]
        if header.kind == "items":
            if header.row_index >= 0:
                findings += [
                    Finding("unread_column", unread_column_detail(h), block.span)
                    for h in unread_item_columns(header.cells)
                ]
            _add_item_rows(items, body, header.cells)
        elif header.kind == "members":
            members.append(
                MemberTable(
                    header.cells,
                    _member_roles(header.cells),
                    tuple(tuple(_at(c) for c in row) for row in body),
                )
            )
        elif header.row_index < 0 and outcomes:  # an outcome table continued on the next page
            more = _outcome_table(block, header, outcomes[-1].section)
            outcomes[-1] = replace(outcomes[-1], rows=outcomes[-1].rows + more.rows)
        else:
            outcomes.append(
                _outcome_table(block, header, _table_section(section, header, outcomes, findings, block.span))
            )
            section = None
        last = (header.kind, header)
    return LocatedReport(tuple(items), tuple(outcomes), tuple(members), tuple(paragraphs), tuple(findings))
