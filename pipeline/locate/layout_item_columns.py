"""The 取組 table of layout text that keeps each word at its place on the page (pdftotext
-layout): a line holds the title, the content and the three period cells of an item side by
side. Words go to the column they start in: the 取組事項 column from the left edge, the 取組内容
column from where the content's wrapped lines start, the period columns by the headers printed
above them. An item starts where its title column starts with its number and a known title.

A cell's lines are joined into paragraphs where a line fills the column (a wrap) and broken
where it stops short (the end of a paragraph); a list marker always opens a new one.
"""

from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import dataclass, field

from extractors.blocks import Block, Finding
from normalizers.bullets import CIRCLED_NUMBERS, STATUS_EXTRA_MARKERS, SYMBOL_MARKERS
from normalizers.forms import ITEMS_HEADER_WORDS, period_of_header
from normalizers.text import match_key
from pipeline.locate.layout_cells import Word, display_width, joined, words_of
from pipeline.locate.layout_headers import period_word_places, placed_period_labels, span_of
from pipeline.locate.layout_items import (
    content_text,
    ends_items,
    is_drawn_label,
    item_start,
    known_title_keys,
)
from pipeline.locate.located import ItemRow, TextAt

DEFAULT_HEADER_LINES = 4  # lines above and below 取組事項 that the period headers may print on
DEFAULT_DRAWN_INDENT = 4  # content printed this much right of the column's start: a drawn label
DEFAULT_FILL_SLACK = 2  # columns short of the widest line that still fill their column (a wrap)
MARKERS = SYMBOL_MARKERS + STATUS_EXTRA_MARKERS + CIRCLED_NUMBERS


@dataclass
class _Columns:
    content: int  # column where the 取組内容 text starts
    bounds: list[float]  # left edge of each period column
    labels: list[str]  # the period header printed over each


@dataclass
class _Draft:
    number: int
    title: list[tuple[Block, str]] = field(default_factory=list)
    content: list[tuple[Block, list[Word]]] = field(default_factory=list)
    status: list[list[tuple[Block, list[Word]]]] = field(default_factory=list)


def locate_placed_items(lines: list[Block]) -> tuple[list[ItemRow], int, list[Finding]]:
    """Items from the 取組 header on; returns the items, the index after them, and findings."""
    header = next((i for i, line in enumerate(lines) if ITEMS_HEADER_WORDS[0] in match_key(line.text)), None)
    if header is None:
        return [], 0, []
    top = max(0, header - DEFAULT_HEADER_LINES)
    region = _item_region(lines, header)
    columns = _columns(lines[top : region[0]], lines[region[0] : region[1]])
    if columns is None:
        return [], 0, []
    titles = known_title_keys()
    drafts: list[_Draft] = []
    for line in lines[region[0] : region[1]]:
        if _is_header_line(line):
            continue  # the header printed again on a new page
        title, content, status = _split(line, columns)
        if item_start(title, len(drafts) + 1, titles):
            drafts.append(_Draft(len(drafts) + 1, status=[[] for _ in columns.bounds]))
        if not drafts:
            continue
        draft = drafts[-1]
        if title.strip():
            draft.title.append((line, title.strip()))
        if content:
            draft.content.append((line, content))
        for index, words in enumerate(status):
            if words:
                draft.status[index].append((line, words))
    return [_item_row(d, columns) for d in drafts], region[1], []


def _item_region(lines: list[Block], header: int) -> tuple[int, int]:
    end = next((i for i in range(header + 1, len(lines)) if ends_items(lines[i].text)), len(lines))
    return header + 1, end


def _is_header_line(line: Block) -> bool:
    key = match_key(line.text)
    return any(w in key for w in ITEMS_HEADER_WORDS) or len(period_word_places(words_of(line.text))) >= 2


def _columns(header_lines: list[Block], body: list[Block]) -> _Columns | None:
    """The period columns from the headers printed above the items; the 取組内容 column from
    where the lines that hold no title start (the most common start left of the periods)."""
    places: list[tuple[str, float]] = []
    pieces: list[list[tuple[str, float]]] = []
    for line in header_lines + body[:DEFAULT_HEADER_LINES]:
        words = words_of(line.text)
        found = period_word_places(words)
        if len(found) >= 2 and not places:
            places = found
        pieces.append([(w.text, w.col + display_width(w.text) / 2) for w in words])
    if len(places) < 2:
        return None
    centers = [c for _, c in places]
    bounds = [centers[0] - (centers[1] - centers[0]) / 2]
    bounds += [(a + b) / 2 for a, b in itertools.pairwise(centers)]
    starts = Counter(
        words[0].col for line in body if (words := words_of(line.text)) and 0 < words[0].col < bounds[0]
    )
    if not starts:
        return None
    content = min(col for col, count in starts.items() if count == max(starts.values()))
    labels = placed_period_labels([[(t, c) for t, c in p if c > bounds[0]] for p in pieces])
    if len(labels) != len(centers):
        labels = [word for word, _ in places]
    return _Columns(content, bounds, labels)


def _split(line: Block, columns: _Columns) -> tuple[str, list[Word], list[list[Word]]]:
    """A line's words by column: title text, content words, words of each period column."""
    title: list[Word] = []
    content: list[Word] = []
    status: list[list[Word]] = [[] for _ in columns.bounds]
    for word in words_of(line.text):
        if word.col >= columns.bounds[0]:
            index = max(i for i, bound in enumerate(columns.bounds) if word.col >= bound)
            status[index].append(word)
        elif word.col < columns.content - 1:
            title.append(word)
        else:
            content.append(word)
    return joined(title), content, status


def _item_row(draft: _Draft, columns: _Columns) -> ItemRow:
    title_lines = [text for _, text in draft.title]
    title = TextAt("\n".join(title_lines), span_of([line for line, _ in draft.title]))
    bullets, drawn = [], []
    for line, words in draft.content:
        text = line.text[words[0].col : words[-1].col + len(words[-1].text)]
        if words[0].col >= columns.content + DEFAULT_DRAWN_INDENT and is_drawn_label(text):
            drawn.append(TextAt(text.strip(), line.span))
        else:
            bullets.append(Block(kind="line", span=line.span, text=text))
    content = TextAt(content_text(bullets), span_of(bullets))
    status = tuple(
        (label, TextAt(_paragraphs(cell), span_of([line for line, _ in cell])))
        for label, cell in zip(columns.labels, draft.status, strict=True)
        if period_of_header(label) is not None
    )
    return ItemRow(draft.number, title, content, status, tuple(drawn))


def _paragraphs(cell: list[tuple[Block, list[Word]]]) -> str:
    """A period cell's lines: a line that fills the cell's width wraps into the next; a shorter
    one ends its paragraph; a list marker opens one."""
    texts = [joined(words) for _, words in cell]
    ends = [words[-1].col + display_width(words[-1].text) for _, words in cell]
    widest = max(ends, default=0)
    out = ""
    for index, text in enumerate(texts):
        if index:
            wrapped = ends[index - 1] >= widest - DEFAULT_FILL_SLACK and text[:1] not in MARKERS
            out += "\n" if wrapped else "\n\n"
        out += text
    return out
