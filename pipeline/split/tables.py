"""Tables that run into each other: where a rendition prints no blank line between two tables (a
line lost, or a converter that drops it), the second table's header row sits inside the first
table's block, and its rows would be read as the first table's (outcome figures as a 取組's status
cells). A row that is the header of another table starts a table block of its own.

A row that holds undecodable bytes (U+FFFD) and prints another number of cells than the rest of
its table lost a cell boundary (a damaged tab or `|`): its cells cannot be placed in their
columns, so it is set aside with a `row_unread` finding rather than read shifted.

A header row of the same kind (a 取組 or member table's header repeated after a page break) stays
in its table: the locators read that as the table running on. Header rows are recognised
strictly (both 取組事項 and 取組内容; 所在地 beside another member column; two period headers
beside a 取組効果 section's label or the 医療機関名 column, or three under an empty corner), so a
data row never starts a table.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from extractors.blocks import Block, Cell, Finding
from normalizers.forms import (
    INSTITUTION_COLUMN_HEADER,
    ITEM_CONTENT_HEADER,
    ITEM_TITLE_HEADER,
    MEMBER_TABLE_COLUMN_WORDS,
    MEMBER_TABLE_HEADER,
    period_of_header,
    section_of_heading,
)
from normalizers.text import match_key


def header_kind(row: Sequence[Cell]) -> str | None:
    """`items`, `members` or `outcomes` when the row is that table's header row, else None."""
    keys = [match_key(c.text) for c in row]
    joined = "|".join(keys)
    if ITEM_TITLE_HEADER in joined and ITEM_CONTENT_HEADER in joined:
        return "items"
    if MEMBER_TABLE_HEADER in joined and any(w in joined for w in MEMBER_TABLE_COLUMN_WORDS):
        return "members"
    periods = sum(1 for c in row if period_of_header(c.text))
    labelled = bool(row) and (
        section_of_heading(row[0].text) is not None or INSTITUTION_COLUMN_HEADER in joined
    )
    unlabelled = bool(row) and not keys[0] and periods >= 3  # section 4: no label over its rows
    return "outcomes" if (periods >= 2 and labelled) or unlabelled else None


def split_run_on_tables(blocks: Sequence[Block]) -> tuple[Block, ...]:
    """The blocks, each table block cut before every header row of another table inside it."""
    out: list[Block] = []
    for block in blocks:
        if block.kind != "table" or len(block.rows) < 2:
            out.append(block)
            continue
        kind = next((k for row in block.rows[:3] if (k := header_kind(row))), None)
        start = 0
        for index in range(1, len(block.rows)):
            found = header_kind(block.rows[index])
            if found is None or (index < 3 and kind == found) or (found == kind and found != "outcomes"):
                continue
            out.append(_part(block, start, index))
            start, kind = index, found
        out.append(_part(block, start, len(block.rows)) if start else block)
    return tuple(out)


def _part(block: Block, start: int, end: int) -> Block:
    rows = block.rows[start:end]
    lines = [c.span.line_start for row in rows for c in row if c.span.line_start is not None]
    span = block.span
    if lines:
        span = replace(span, line_start=min(lines), line_end=max(lines))
    return replace(block, rows=rows, span=span)


REPLACEMENT = "\ufffd"


def set_aside_broken_rows(blocks: Sequence[Block]) -> tuple[tuple[Block, ...], tuple[Finding, ...]]:
    """The blocks without table rows whose cells cannot be placed, and a finding for each."""
    out: list[Block] = []
    findings: list[Finding] = []
    for block in blocks:
        if block.kind != "table" or not any(REPLACEMENT in c.text for row in block.rows for c in row):
            out.append(block)
            continue
        usual = Counter(len(row) for row in block.rows).most_common(1)[0][0]
        kept = []
        for row in block.rows:
            if len(row) != usual and any(REPLACEMENT in c.text for c in row):
                where = row[0].span if row else block.span
                detail = (
                    f"{where.describe()}: a table row with undecodable bytes prints {len(row)} cells "
                    f"where its table has {usual}: its cells cannot be placed, not read"
                )
                findings.append(Finding("row_unread", detail, where))
            else:
                kept.append(row)
        if kept:
            out.append(replace(block, rows=tuple(kept)))
    return tuple(out), tuple(findings)
