"""What each block of a file says about where a report starts: the signals `pipeline.split.bundle` cuts
a bundle by. Read from the content only (never a file name), one pass over the blocks:

- anchors: the 取組 table (its 取組事項/取組内容 header, or the 【…3つの取組】 heading over it), the
  別添1 member list (its 所在地 header),
  a 取組効果 section (its numbered heading or its table), with the number of the first item or
  the section, so a table that restarts can be told from one that runs on over a page;
- openers: the wording a report or its member list opens with (a title naming the programme and
  a year, the 別添 label, the member list's subtitle, the group-name line, the form's
  introduction, the 取組 heading), as registered in `normalizers.forms.REPORT_OPENING_WORDS`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

import regex

from extractors.blocks import Block
from normalizers.era import find_fiscal_years
from normalizers.forms import (
    FORMS,
    ITEM_CONTENT_HEADER,
    ITEM_TITLE_HEADER,
    ITEMS_TABLE_HEADING,
    MEMBER_DESIGNATION_HEADER,
    MEMBER_LIST_HEADER_WORDS,
    MEMBER_TABLE_HEADER,
    REPORT_OPENING_WORDS,
    period_of_header,
    section_of_heading,
)
from normalizers.text import fold_width, match_key
from pipeline.build.facts import is_title_mention
from pipeline.locate.tables import item_number, section_heading

Anchor = Literal["items", "members", "outcomes"]
DEFAULT_HEADER_ROWS = 3  # rows of a table that may hold its header
# Layout lines after 取組事項 searched for 取組内容 and the first item (pdftotext's default mode
# prints the first column, the period headers, then 取組内容).
DEFAULT_ITEM_LOOKAHEAD = 30
DEFAULT_MAX_HEADER_CHARS = 80  # a longer layout line is not a column header
DEFAULT_MIN_TITLE_PREFIX = 3  # characters of an item's title that make a layout line its start
DEFAULT_TITLE_PREFIX = 8  # characters compared (-layout text prints the 取組内容 beside the title)
SENTENCE_ENDS = ("。",)
ITEMS_HEADING_KEY = match_key(ITEMS_TABLE_HEADING)  # the heading printed over the 取組 table
# The 別添1 member list's column headers. Layout text prints them on one line, or (pdftotext's
# default mode) column after column, each header on a line of its own: the list begins at the first.
MEMBER_FIRST_HEADER = match_key(MEMBER_DESIGNATION_HEADER)
_ITEM_START = regex.compile(r"^\s*([1-3])\s*(\S.*)$")


@dataclass(frozen=True)
class Signal:
    anchor: Anchor | None = None
    number: int | None = None  # items: the first item's number; outcomes: the section
    title: bool = False  # a line naming the programme and a fiscal year
    opener: bool = False  # a title or other opening wording of a report or its member list
    report_wording: bool = False  # opening wording only a report prints (not a title, not the heading)
    ends_sentence: bool = True  # the text ends a sentence (a wrapped line continues otherwise)
    text_chars: int = 0  # printed characters (tables: every cell)


def signals_of(blocks: Sequence[Block]) -> list[Signal]:
    opening = tuple(match_key(w) for w in REPORT_OPENING_WORDS)
    titles = {match_key(t) for spec in FORMS for t in spec.item_titles.values()}
    signals = [_signal(blocks, i, opening, titles) for i in range(len(blocks))]
    return _confirmed_headings(blocks, signals)


def _confirmed_headings(blocks: Sequence[Block], signals: list[Signal]) -> list[Signal]:
    """The 【…3つの取組】 heading opens the 取組 table (layout text may print the table's 取組事項
    header far below it, after other columns): an anchor where a 取組 table follows before any
    title or other anchor. Guidance slides that show the heading alone do not open a report."""
    next_table = None  # index of the next 取組 table, when nothing stops the heading before it
    for index in range(len(signals) - 1, -1, -1):
        signal = signals[index]
        if signal.anchor == "items":
            next_table = index
        elif signal.anchor is not None or signal.title:
            next_table = None
        if match_key(blocks[index].text).startswith(ITEMS_HEADING_KEY) and next_table is not None:
            signals[index] = replace(signal, anchor="items")
    return signals


def _signal(blocks: Sequence[Block], index: int, opening: tuple[str, ...], titles: set[str]) -> Signal:
    block = blocks[index]
    if block.kind == "table":
        anchor, number = _table_anchor(block)
        chars = sum(len(c.text) for row in block.rows for c in row)
        return Signal(anchor=anchor, number=number, text_chars=chars)
    text = block.text
    key = match_key(text)
    title = is_title(text)
    anchor, number = _text_anchor(blocks, index, key, titles)
    worded = key.startswith(opening)
    return Signal(
        anchor=anchor,
        number=number,
        title=title,
        opener=title or worded,
        report_wording=worded and not key.startswith(ITEMS_HEADING_KEY),
        ends_sentence=text.rstrip().endswith(SENTENCE_ENDS),
        text_chars=len(key),
    )


def is_title(text: str) -> bool:
    return any(is_title_mention(text, m.start, m.end) for m in find_fiscal_years(text))


def _table_anchor(block: Block) -> tuple[Anchor | None, int | None]:
    for index, row in enumerate(block.rows[:DEFAULT_HEADER_ROWS]):
        joined = "|".join(match_key(c.text) for c in row)
        if ITEM_TITLE_HEADER in joined and ITEM_CONTENT_HEADER in joined:
            numbers = (item_number(r[0].text) for r in block.rows[index + 1 :] if r)
            return "items", next((n for n in numbers if n is not None), None)
        if MEMBER_TABLE_HEADER in joined:
            return "members", None
        if sum(1 for c in row if period_of_header(c.text)) >= 2:
            return "outcomes", section_of_heading(row[0].text) if row else None
    return None, None


def _text_anchor(
    blocks: Sequence[Block], index: int, key: str, titles: set[str]
) -> tuple[Anchor | None, int | None]:
    section = section_heading(blocks[index].text)
    if section is not None:
        return "outcomes", section
    if blocks[index].kind != "line" or len(key) > DEFAULT_MAX_HEADER_CHARS:
        return None, None
    if is_member_header(key):
        return "members", None
    window = blocks[index : index + DEFAULT_ITEM_LOOKAHEAD]
    if ITEM_TITLE_HEADER in key and any(ITEM_CONTENT_HEADER in match_key(b.text) for b in window):
        return "items", next((n for b in window[1:] if (n := layout_item_start(b.text, titles))), None)
    return None, None


def is_member_header(key: str) -> bool:
    """A layout line of the member list's header: 所在地 alone or beside another header, or the
    first column's header (not a cover letter's `所在地：水戸市…`)."""
    if key.startswith(MEMBER_FIRST_HEADER[:3]):
        return True
    return key == MEMBER_TABLE_HEADER or (
        MEMBER_TABLE_HEADER in key and any(w in key for w in MEMBER_LIST_HEADER_WORDS)
    )


def layout_item_start(text: str, titles: set[str]) -> int | None:
    """The item a layout line opens (`1 これから在宅医療への参入…`), else None."""
    match = _ITEM_START.match(fold_width(text))
    if not match:
        return None
    start = match_key(match.group(2))[:DEFAULT_TITLE_PREFIX]
    if len(start) >= DEFAULT_MIN_TITLE_PREFIX and any(t.startswith(start) for t in titles):
        return int(match.group(1))
    return None
