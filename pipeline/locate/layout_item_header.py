"""The header of the 取組 table of -layout text: the lines it prints on (`現状` alone may print
a line above 取組目標 and 実績, notes in parentheses wrap under them), the period columns' left
edges and labels it places, and the 取組内容 column's start beside the title column's lines. A
header printed again (on a new page) places that page's columns anew.
"""

from __future__ import annotations

import itertools
from collections import Counter

import regex

from extractors.blocks import Block
from normalizers.forms import HEADING_OR_NOTE_MARKS, ITEMS_HEADER_WORDS, PERIOD_NOTE_PIECES, period_of_header
from normalizers.text import fold_width, match_key
from pipeline.locate.layout_cells import Word, display_width, words_of
from pipeline.locate.layout_headers import is_period_note, period_words, placed_period_labels
from pipeline.locate.layout_item_parts import DEFAULT_EDGE_TOLERANCE, ItemColumns
from pipeline.locate.layout_items import ends_items

DEFAULT_HEADER_LINES = 6  # lines above and below 取組事項 that the period headers may print on
_RUN = regex.compile(r"\S+(?: \S+)*")
_ONE_DIGIT = regex.compile(r"[0-9０-９]")


def item_region(lines: list[Block], header: int) -> tuple[int, int]:
    end = next((i for i in range(header + 1, len(lines)) if ends_items(lines[i].text)), len(lines))
    return header + 1, end


def _is_header_line(line: Block) -> bool:
    """A line of the 取組 table's header: 取組事項 or 取組内容 as a run of its own, or two or more
    period words."""
    runs = {match_key(m.group()) for m in _RUN.finditer(line.text)}
    return bool(runs & set(ITEMS_HEADER_WORDS)) or len(_period_words(words_of(line.text))) >= 2


def _header_piece(text: str) -> bool:
    """A run of a header line: a period word (`現 状` spaced or not), its parenthesis or a piece
    of it as it wraps (`の前月から過`, `組）`)."""
    return _closing_piece(text) or _opening_or_named_piece(text)


def _closing_piece(text: str) -> bool:
    """A run that ends a parenthesis (`組）`)."""
    return fold_width(match_key(text))[-1:] == ")"


def _opening_or_named_piece(text: str) -> bool:
    """A run of a header line other than the end of a parenthesis alone: a period word, the start
    of its parenthesis, or a piece that names a period note's words."""
    key = match_key(text)
    return (
        period_of_header(key) is not None
        or fold_width(key)[:1] in "()"
        or is_period_note(key)
        or any(w in key for w in PERIOD_NOTE_PIECES)
    )


def _closing_only(line: Block) -> bool:
    """A line whose runs are ends of a parenthesis and nothing a header names (`月中）`): at the
    top of the lines over a header line it is no header piece, as the parenthesis it would close
    opens on no line above it; a cell's last line printed right above a header printed again."""
    runs = [r.group() for r in _RUN.finditer(line.text)]
    return bool(runs) and not _is_header_line(line) and not any(_opening_or_named_piece(r) for r in runs)


def _header_like(line: Block) -> bool:
    """A header line, or a line of header pieces only, printed right of the left edge."""
    if _is_header_line(line):
        return True
    runs = list(_RUN.finditer(line.text))
    return bool(runs) and all(
        r.start() > 0
        and r.group()[:1] not in HEADING_OR_NOTE_MARKS
        and "。" not in r.group()
        and _header_piece(r.group())
        for r in runs
    )


def header_ahead(lines: list[Block], index: int, end: int) -> int | None:
    """The header line that the header lines from `index` on lead to (`現状` alone may print a
    line above 取組目標 and 実績), else None; not from a line that only closes a parenthesis
    (`_closing_only`)."""
    if _closing_only(lines[index]):
        return None
    for ahead in range(index, min(end, index + DEFAULT_HEADER_LINES + 1)):
        if _is_header_line(lines[ahead]):
            return ahead
        if not _header_like(lines[ahead]):
            return None
    return None


def header_block(lines: list[Block], anchor: int, end: int) -> list[int]:
    """The header's lines around a header line: the lines of header pieces right above it (at
    most DEFAULT_HEADER_LINES, from the first that does not only close a parenthesis) and below
    it."""
    top = anchor
    while top > 0 and anchor - top < DEFAULT_HEADER_LINES and _header_like(lines[top - 1]):
        top -= 1
    while top < anchor and _closing_only(lines[top]):
        top += 1
    bottom = anchor
    while bottom + 1 < end and _header_like(lines[bottom + 1]):
        bottom += 1
    return list(range(top, bottom + 1))


def _period_words(words: list[Word]) -> list[tuple[str, int]]:
    """The period words of a header line (`現 状`, spaced or not) and the column each starts at."""
    return [(word, pieces[0].col) for word, pieces in period_words(words)]


def header_columns(header_lines: list[Block], within_runs: bool = True) -> tuple[list[int], list[str]] | None:
    """The period columns' left edges and labels: each period word where it starts, moved left
    to the start of the parenthesis pieces printed nearest to it (`within_runs`: those opening
    a word inside a run of words one space apart too, else only those opening a run)."""
    found: list[tuple[str, int]] = []
    pieces: list[list[tuple[str, float]]] = []
    for line in header_lines:
        words = words_of(line.text)
        found += _period_words(words)
        pieces.append([(w.text, w.col + display_width(w.text) / 2) for w in words])
    found.sort(key=lambda f: f[1])
    periods = [period_of_header(word) for word, _ in found]
    starts = [col for _, col in found]
    if len(found) < 2 or len(set(periods)) != len(periods):
        return None
    edges = list(starts)
    for line in header_lines:
        for run in _RUN.finditer(line.text):
            if any(w in match_key(run.group()) for w in ITEMS_HEADER_WORDS):
                continue
            # a run's first word, and each word that opens a parenthesis (notes printed one
            # space apart make one run over several columns)
            for word in words_of(run.group()):
                col = run.start() + word.col
                if word.col and (not within_runs or fold_width(word.text)[:1] != "("):
                    continue
                if col < starts[0] - (starts[1] - starts[0]) / 2:
                    continue
                nearest = min(range(len(starts)), key=lambda k: abs(starts[k] - col))
                edges[nearest] = min(edges[nearest], col)
    if any(b - a < 2 * DEFAULT_EDGE_TOLERANCE + 1 for a, b in itertools.pairwise(edges)):
        return None
    labels = placed_period_labels([[(t, c) for t, c in p if c > edges[0] - 1] for p in pieces])
    # the labels go with the edges left to right: where the words print one a line, the labels
    # come in printed order (`実績` a line above `取組目標`, right of it), so each goes to its word
    if len(labels) != len(edges):
        return edges, [word for word, _ in found]
    by_period = {period_of_header(label): label for label in labels}
    if len(by_period) == len(labels) and set(by_period) == set(periods):
        labels = [by_period[period] for period in periods]
    return edges, labels


def item_columns(content: int, header_lines: list[Block]) -> ItemColumns | None:
    """The period columns a header places (`header_columns`), with the edges its runs' starts
    alone place, where those differ: pdftotext places a run of words by its first word only, and
    the words after it follow character by character, so a header printed to another scale than
    its rows may place its columns by its runs' starts only (`distrust_headers_out_of_scale`)."""
    placed = header_columns(header_lines)
    if placed is None:
        return None
    starts = header_columns(header_lines, within_runs=False)
    edges, labels = placed
    others = starts[0] if starts is not None and starts[0] != edges and starts[1] == labels else None
    return ItemColumns(content, edges, labels, others, centred_edges(header_lines, edges))


def centred_edges(header_lines: list[Block], edges: list[int]) -> list[int] | None:
    """The period columns' left edges where the header's words print centred over their columns:
    where some columns' edges are a parenthesis printed left of the period word (`現状` at 51, its
    `(補助金交付申` at 47) and others are the period word's own start, no parenthesis opening a run
    near it (`計画` at 61: its parenthesis is a word inside the run `(補助金… (補助金… (補助金…`,
    placed by that run's first word only), the words may stand as far right of their columns'
    edges as the parenthesized ones do (`計画`'s column from 57). None where every edge is of one
    kind, or no word is found."""
    found = sorted(
        (col for line in header_lines for _, col in _period_words(words_of(line.text))),
    )
    if len(found) != len(edges):
        return None
    moved = [word - edge for word, edge in zip(found, edges, strict=True) if edge < word]
    if not moved or len(moved) == len(edges):
        return None
    offset = min(moved)
    return [edge if edge < word else word - offset for word, edge in zip(found, edges, strict=True)]


def table_columns(header_lines: list[Block], body: list[Block]) -> ItemColumns | None:
    """The period columns from the headers printed above the items; the 取組内容 column from
    where the content starts beside the title column's lines (the most common start)."""
    placed = item_columns(0, header_lines)
    if placed is None:
        return None
    edges = placed.edges
    bound = edges[0] - (edges[1] - edges[0]) / 2
    starts: Counter[int] = Counter()
    for line in body:
        words = words_of(line.text)
        if len(words) < 2 or words[0].col > 1:
            continue
        numbered = _ONE_DIGIT.fullmatch(words[0].text) is not None
        beside = words[2] if numbered and len(words) > 2 else words[1]
        if beside.col < bound and not (numbered and len(words) == 2):
            starts[beside.col] += 1
    if not starts:
        return None
    placed.content = min(col for col, count in starts.items() if count == max(starts.values()))
    return placed
