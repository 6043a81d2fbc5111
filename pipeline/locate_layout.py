"""Locate the report's parts in layout text, where the form's columns come one after another.

The 取組 table: an item starts at a line `N <start of a known item title>`; its title runs until
the first bullet (or a line too wide for the title column); then come the bullets with their
wrapped lines, then short cells of the 現状/目標/実績 columns. Indented lines or lines holding
several labels apart are an org chart drawn inside the cell: kept out of the bullets.
The 取組効果 sections: a heading line, period headers, then one line per row whose cells are found
by the words that open them (合計回数:, 死亡患者数:) or the unit that closes them (名, 件).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

import regex

from extractors.blocks import Block, ExtractedDocument, Span
from normalizers.bullets import CIRCLED_NUMBERS, SYMBOL_MARKERS
from normalizers.forms import (
    FORMS,
    SECTION_CELL_OPENERS,
    SECTION_CELL_UNITS,
    period_of_header,
)
from normalizers.text import fold_width, match_key, reflow
from pipeline.locate_tables import section_heading
from pipeline.located import ItemRow, LocatedReport, OutcomeRow, OutcomeTable, TextAt

DEFAULT_TITLE_COLUMN_CHARS = 24  # a longer line cannot be in the narrow 取組事項 column
DEFAULT_STATUS_MAX_CHARS = 20
DEFAULT_DRAWN_INDENT = 4
DEFAULT_MIN_TITLE_PREFIX = 3
STATUS_WORDS = ("随時", "未定", "未実施", "実施", "なし", "無し", "予定", "検討中", "継続", "中止", "延期", "-", "－", "―")
ITEMS_END_WORDS = ("※これから在宅医療への参入又は拡充", "別添", "※本票", "【参入促進")
_COUNT = regex.compile(r"[0-9]+\s*[回件名人]")
_GAP = regex.compile(r"\S\s{2,}\S")
_ITEM_START = regex.compile(r"^\s*([1-3])\s*(\S.*)$")
_MARKERS = set(CIRCLED_NUMBERS + SYMBOL_MARKERS)


def _known_title_keys() -> set[str]:
    return {match_key(title) for spec in FORMS for title in spec.item_titles.values()}


def _item_start(line: Block, expected: int, title_keys: set[str]) -> bool:
    match = _ITEM_START.match(fold_width(line.text))
    if not match or int(match.group(1)) != expected:
        return False
    start = match_key(match.group(2))
    return len(start) >= DEFAULT_MIN_TITLE_PREFIX and any(key.startswith(start) for key in title_keys)


def _is_items_end(line: Block) -> bool:
    key = match_key(line.text)
    return any(key.startswith(match_key(w)) for w in ITEMS_END_WORDS)


def is_status_like(text: str) -> bool:
    body = text.strip()
    if not body or len(body) > DEFAULT_STATUS_MAX_CHARS or _GAP.search(body):
        return False
    return bool(_COUNT.search(fold_width(body))) or body in STATUS_WORDS


def _is_drawn_label(line: Block) -> bool:
    return line.indent >= DEFAULT_DRAWN_INDENT or bool(_GAP.search(line.text.strip()))


def _header_labels(lines: list[Block]) -> list[str]:
    """Period headers printed over several lines: a line that starts with a period word opens a
    label; lines continue it while its parentheses are open (or open them)."""
    labels: list[str] = []
    for line in lines:
        text = line.text.strip()
        if period_of_header(text):
            labels.append(text)
        elif labels and (_open_parens(labels[-1]) > 0 or ("（" not in labels[-1] and text[:1] in "（(")):
            labels[-1] = reflow([labels[-1], text])
    return [" ".join(label.split()) for label in labels]


def _open_parens(text: str) -> int:
    folded = fold_width(text)
    return folded.count("(") - folded.count(")")


@dataclass
class _ItemDraft:
    number: int
    title: list[Block] = field(default_factory=list)
    content: list[Block] = field(default_factory=list)
    status: list[Block] = field(default_factory=list)
    drawn: list[Block] = field(default_factory=list)

    def add(self, line: Block) -> None:
        text = line.text.strip()
        if not self.content:
            wide = len(text) > DEFAULT_TITLE_COLUMN_CHARS
            if text[:1] not in _MARKERS and not wide:
                self.title.append(line)
                return
        if text[:1] in _MARKERS:
            self.content.append(line)
        elif is_status_like(text):
            self.status.append(line)
        elif _is_drawn_label(line):
            self.drawn.append(line)
        else:
            self.content.append(line)


def _span(lines: list[Block]) -> Span:
    if not lines:
        return Span()
    return Span(line_start=lines[0].span.line_start, line_end=lines[-1].span.line_end)


def _item_row(draft: _ItemDraft, labels: list[str]) -> ItemRow:
    title = TextAt("\n".join(b.text.strip() for b in draft.title), _span(draft.title))
    content = TextAt("\n".join(b.text.strip() for b in draft.content), _span(draft.content))
    status = tuple((label, TextAt(line.text.strip(), line.span)) for label, line in zip(labels, draft.status))
    drawn = tuple(TextAt(b.text.strip(), b.span) for b in draft.drawn)
    return ItemRow(draft.number, title, content, status, drawn)


def _locate_items(lines: list[Block]) -> tuple[list[ItemRow], int, list[tuple[str, str, Span]]]:
    """Items from the 取組 header on; returns the items, the index after them, and problems."""
    start = next((i for i, b in enumerate(lines) if {"取組事項", "取組内容"} <= _words(b.text)), None)
    if start is None:
        return [], 0, []
    title_keys = _known_title_keys()
    drafts: list[_ItemDraft] = []
    header: list[Block] = []
    index = start + 1
    while index < len(lines):
        line = lines[index]
        if _item_start(line, len(drafts) + 1, title_keys):
            drafts.append(_ItemDraft(len(drafts) + 1))
        elif drafts and _is_items_end(line):
            break
        if drafts:
            drafts[-1].add(line)
        else:
            header.append(line)
        index += 1
    labels = _header_labels(header)
    problems = [
        ("status_cells_ambiguous",
         f"取組{d.number}: {len(d.status)} short cells for {len(labels)} period columns; assigned in order",
         _span(d.status))
        for d in drafts if d.status and len(d.status) != len(labels)
    ]
    return [_item_row(d, labels) for d in drafts], index, problems


def _words(text: str) -> set[str]:
    key = match_key(text)
    return {w for w in ("取組事項", "取組内容") if w in key}


def split_layout_row(text: str, section: int, cells: int) -> tuple[str, list[str]] | None:
    """(label, cells as printed) of one 取組効果 row of layout text, or None if it holds no cell."""
    folded = fold_width(text)
    opener = SECTION_CELL_OPENERS.get(section)
    if opener:
        starts = [m.start() for m in regex.finditer(regex.escape(opener), folded)]
        if not starts or not regex.search(regex.escape(opener) + r"\s*[:：]", folded):
            return None
        bounds = starts + [len(text)]
        return text[: starts[0]].strip(), [text[a:b].strip() for a, b in itertools.pairwise(bounds)]
    unit = SECTION_CELL_UNITS[section]
    found: list[str] = []
    end = len(folded)
    cell = regex.compile(r"(?:^|(?<=\s))([0-9,]*\s*" + regex.escape(unit) + r")\s*$")
    while len(found) < cells:
        match = cell.search(folded[:end])
        if not match:
            break
        found.insert(0, text[match.start(1) : match.end(1)].strip())
        end = match.start(1)
    if not found:
        return None
    return text[:end].strip(), found


def _locate_outcomes(lines: list[Block]) -> list[OutcomeTable]:
    tables: list[OutcomeTable] = []
    index = 0
    while index < len(lines):
        section = section_heading(lines[index].text)
        if section is None:
            index += 1
            continue
        header: list[Block] = []
        rows: list[OutcomeRow] = []
        has_institution = False
        index += 1
        while index < len(lines) and section_heading(lines[index].text) is None:
            line = lines[index]
            index += 1
            has_institution = has_institution or "医療機関名" in match_key(line.text)
            labels = _header_labels(header)
            split = None if line.text.strip().startswith("※") else split_layout_row(
                line.text, section, max(len(labels), 1))
            if split is None:
                if not rows:
                    header.append(line)
                continue
            label, cells = split
            rows.append(OutcomeRow(TextAt(label, line.span), tuple(TextAt(c, line.span) for c in cells)))
        labels = _header_labels(header)
        tables.append(OutcomeTable(section, tuple(labels), has_institution, tuple(rows), _span(header)))
    return tables


def locate_layout(doc: ExtractedDocument) -> LocatedReport:
    lines = [b for b in doc.blocks if b.kind == "line"]
    items, after, problems = _locate_items(lines)
    outcomes = _locate_outcomes(lines[after:])
    paragraphs = tuple(TextAt(b.text.strip(), b.span) for b in lines)
    return LocatedReport(tuple(items), tuple(outcomes), (), paragraphs, tuple(problems))
