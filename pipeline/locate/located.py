"""The report's parts as located in a rendition, before any record is built.

Locators (`locate_tables`, `locate_layout`) fill these from blocks; builders turn them into records.
Text stays as printed; every piece keeps its span.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import regex

from extractors.blocks import Finding, Span
from normalizers.forms import FormMatch
from normalizers.text import reflow

_ITEM_NUMBER = regex.compile(r"^\s*[0-9０-９]+\s+")


@dataclass(frozen=True)
class TextAt:
    text: str
    span: Span


@dataclass(frozen=True)
class ItemRow:
    item_no: int
    title: TextAt
    content: TextAt
    # (column header as printed, cell) for each 現状/取組目標(計画)/実績 column, in printed order.
    status: tuple[tuple[str, TextAt], ...]
    # Labels drawn inside the content cell (an org chart): kept out of the bullets.
    drawn_labels: tuple[TextAt, ...] = ()


@dataclass(frozen=True)
class OutcomeRow:
    label: TextAt  # institution name, 合計 row label, or (section 4) the metric's row label
    cells: tuple[TextAt, ...]  # one per period column, as printed ("" where blank)


@dataclass(frozen=True)
class OutcomeTable:
    section: int
    period_labels: tuple[str, ...]
    has_institution_column: bool
    rows: tuple[OutcomeRow, ...]
    span: Span
    # The table was printed in this many parts (a table running over pages), on these pages;
    # `realigned`: a part's columns differ from the header's and were lined up by x position.
    parts: int = 1
    pages: tuple[int, ...] = ()
    realigned: bool = False
    # Printed rows the locator left out, each with a check (a header the registry does not know, a
    # row that does not line up): the table is not a blank form even when nothing was read.
    rows_left_out: int = 0


@dataclass(frozen=True)
class MemberTable:
    headers: tuple[str, ...]
    roles: tuple[str, ...]  # column role per header: role, designation, name, address, phone, other
    rows: tuple[tuple[TextAt, ...], ...]
    # Each row's place in the printed list, where rows were left out (unread); else 1, 2, ...
    row_numbers: tuple[int, ...] = ()


@dataclass(frozen=True)
class LocatedReport:
    items: tuple[ItemRow, ...] = ()
    outcomes: tuple[OutcomeTable, ...] = ()
    members: tuple[MemberTable, ...] = ()
    # Text outside tables, in reading order: titles, 別添 labels, group-name lines, notes.
    paragraphs: tuple[TextAt, ...] = ()
    # What the locator could not place, or placed by inference: `checks` rows.
    findings: tuple[Finding, ...] = field(default=())
    # The form version, where the locator told it already from the texts the form is told by (the
    # document's and its items' titles as located, `form_wording`): it is told once.
    form: FormMatch | None = None


def form_wording(all_text: str, items: Iterable[ItemRow]) -> list[str]:
    """The texts a form is told by: the document's, and its item titles as located (layout text
    prints a title's lines between the lines of the cells beside it), each also as its lines'
    first words alone (a title cell one space from the content beside it takes the content's
    lines too: `参入又は拡充に取り組 ていきます。` / `む医療機関等の連携強 令和2年…`)."""
    titles = [item.title.text.split("\n") for item in items]
    return [all_text, *(reflow(lines) for lines in titles), *(_first_words(lines) for lines in titles)]


def _first_words(lines: list[str]) -> str:
    """Each line's first run of characters without a space, after the item's number."""
    out = []
    for line in lines:
        words = _ITEM_NUMBER.sub("", line, count=1).split()
        out.append(words[0] if words else "")
    return "".join(out)
