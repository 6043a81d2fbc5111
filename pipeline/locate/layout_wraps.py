"""The paragraphs of a 取組 period cell from its printed lines (pdftotext -layout). A line wraps
into the next where it fills the cell (as wide as its column's widest line), or where the text at
the break tells it: a paragraph whose bracket is still open, a line that ends on a colon, a range
sign or a slash, a figure followed by a bracket, or a next line that opens with a closing bracket
or punctuation goes on (`12回(5月~12` / `月)`, `R3.8.17` / `(火)`), as does a date or time printed
across the break (`令和3年11` / `月16日`, `12月20日` / `（火）`) and an entry's `開催`(`予定`) after its
date or rate (`2月29日` / `開催`). The text's sign does not depend on how wide pdftotext printed the
line. A line that fills the cell still ends its paragraph where it ends an entry (a count, a bracket,
a date, `…開催`) and the next line opens one (a count, a `label：`, a date, a word with a count of its
own), the cue text-layer PDF cells use (`extractors.pdf_page.ends_entry`): where the print sets a
half-width letter or digit, pdftotext -layout tells a cell's width only to a column or so, and two
entries one short of the widest line read as one otherwise. A list marker or a note mark (`※`)
opens a paragraph, but inside a bracket the paragraph left open."""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable

import regex

from extractors.pdf_page import (
    COUNT_UNITS,
    HELD_END,
    ITEM_END,
    ends_entry,
    opens_entry_after,
    opens_with_its_unit,
    starts_item,
)
from normalizers.bullets import CIRCLED_NUMBERS, STATUS_EXTRA_MARKERS, SYMBOL_MARKERS
from normalizers.dates import find_dates
from normalizers.text import NO_LINE_START_KANA, fold_width
from pipeline.locate.layout_cells import display_width

MARKERS = SYMBOL_MARKERS + STATUS_EXTRA_MARKERS + CIRCLED_NUMBERS  # list markers of a cell

# after width folding
_OPENING = "([{「『【〔"
_CLOSING = ")]}」』】〕"
_OPEN_ENDS = frozenset(_OPENING + ":/~-、,")
_CLOSING_STARTS = frozenset(_CLOSING + "、。,.;!?~/")
RANGE_SIGNS = frozenset("~～〜")
_WORD_LETTER = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}ー]")
DEFAULT_WIDTHS_CACHED = 4096  # characters whose printed width is remembered (any character a document holds)
# where no cell's first line is known to open an entry
NO_OPENERS: frozenset[str] = frozenset()


def goes_on(paragraph: str, next_line: str) -> bool:
    """Whether the text breaks inside a paragraph between the paragraph so far and the line."""
    text = fold_width(paragraph.rstrip())
    start = fold_width(next_line.lstrip())[:1]
    if not text or not start:
        return False
    if sum(text.count(c) for c in _OPENING) > sum(text.count(c) for c in _CLOSING):
        return True
    end = text[-1]
    return end in _OPEN_ENDS or start in _CLOSING_STARTS or (end.isdigit() and start in _OPENING)


def unit_of_its_count(paragraph: str, next_line: str) -> bool:
    """Whether the line opens with the unit of the count whose number ends the paragraph
    (`多職種連携研修会 4` | `回`): a count's unit opens no entry (`pdf_page.opens_with_its_unit`).
    Not a word that opens with a unit's letter (`人生会議`, `回覧`): the unit is alone, or
    followed by no letter of a word."""
    after = _unspaced(next_line)
    return opens_with_its_unit(_unspaced(paragraph), after) and _WORD_LETTER.match(after[1:2]) is None


def date_across(paragraph: str, next_line: str) -> bool:
    """Whether a date or time runs on from the paragraph into the line (`令和3年11` | `月16日`,
    `12月20日` | `（火）13:00～`, `13時30分～14時30` | `分開催`): one printed expression. Not
    where the line's first number goes on the paragraph's last and is a count (`R4.7.2` | `1回`):
    which digits are the day's cannot be told."""
    before = _unspaced(paragraph)
    after = _unspaced(next_line)
    digits = len(after) - len(after.lstrip("0123456789０１２３４５６７８９"))
    if digits and before[-1:].isdigit() and after[digits : digits + 1] in COUNT_UNITS:
        return False
    return any(found.start < len(before) < found.end for found in find_dates(before + after, None))


def held_across(paragraph: str, next_line: str) -> bool:
    """Whether the line is all the end of an entry held at a date, a time or a rate that the
    paragraph opens (`2月29日` | `開催`, `年4回開催` | `予定`, `10月22日（火）開` | `催`)."""
    before = _unspaced(paragraph)
    found = HELD_END.search(before + _unspaced(next_line))
    return found is not None and found.start() < len(before)


def carried_over(next_line: str, line: str = "") -> str:
    """The text that did not fit at the end of the line before: the next line's first character,
    with the one after it where the two may not part at a line's end (`マ：` moves down
    together, as does `「在`: an opening bracket does not end a line, and `ルー`: a long vowel
    mark or a small kana opens none, unless the line before ends on a closing bracket, where an
    entry may as well end: `依頼（3月中）` | `ホームページ掲載`)."""
    head = next_line.lstrip()
    closed = fold_width(line.rstrip())[-1:] in _CLOSING
    together = _CLOSING_STARTS | frozenset(":") | (frozenset() if closed else NO_LINE_START_KANA)
    if len(head) > 1 and (fold_width(head[1]) in together or fold_width(head[0]) in _OPENING):
        return head[:2]
    return head[:1]


def line_width(text: str) -> int:
    """How much of its cell's width a printed line fills (pdftotext sets spaces around half-width
    digits that take no room in the cell). A character of ambiguous width that the Japanese
    character set holds (`※`, `◆`, `①`) prints full width, as the kanji beside it; one it does not
    hold (`▶`) comes from another font, narrow."""
    unspaced = text.replace(" ", "")
    return display_width(unspaced) + sum(map(_wide_in_japanese, unspaced))


@functools.lru_cache(maxsize=DEFAULT_WIDTHS_CACHED)
def _wide_in_japanese(char: str) -> bool:
    """A character of ambiguous width that Japanese fonts print full width: one of the Japanese
    character set's double-byte characters."""
    if unicodedata.east_asian_width(char) != "A":
        return False
    try:
        return len(char.encode("cp932")) == 2
    except UnicodeEncodeError:
        return False


def cell_openers(cells: Iterable[list[str]]) -> frozenset[str]:
    """The first line of every period cell read (without the spaces pdftotext sets around
    half-width digits): each opens an entry (`opens_entry_after`)."""
    return frozenset(_unspaced(lines[0]) for lines in cells if lines)


def cell_paragraphs(texts: list[str], width: int = 0, openers: frozenset[str] = NO_OPENERS) -> str:
    """A period cell's lines: a line wraps into the next where the text breaks inside a paragraph
    (`goes_on`, `date_across`, `held_across`), or where it fills the cell's width (its column's
    widest line, in this item or another) unless it ends an entry and the next line opens one
    (`ends_entry`, as in text-layer PDF cells) or the entry tells that the line opens another (a
    repeated `label：`, a word no date goes on with after a labelled date's day, the beginning of
    a line that opens a period cell of the table, `openers`, or the rest of its paragraph: a
    status word alone, a whole count after a labelled entry, ...: `opens_entry_after`); else it
    ends its paragraph. A list marker or a note mark `※` opens one, unless a bracket the paragraph
    opened is still open (`pdf_page.starts_item`, as text-layer cells read it)."""
    ends = [line_width(text) for text in texts]
    widest = max([*ends, width])
    # a line fills the cell where what the next line opens with would not have fitted after it
    fills = [
        end > widest - display_width(carried_over(text, line)) - 1
        for end, line, text in zip(ends, texts, texts[1:], strict=False)
    ]
    out = ""
    for index, text in enumerate(texts):
        if index:
            paragraph = out.rsplit("\n\n", 1)[-1]
            wrapped = (
                (goes_on(paragraph, text) and not _open_time_before_entry(paragraph, texts, fills, index))
                or unit_of_its_count(paragraph, text)
                or date_across(paragraph, text)
                or held_across(paragraph, text)
                or (
                    fills[index - 1]
                    and not _ends_entry_at(texts, fills, index)
                    and not opens_entry_after(
                        _unspaced(paragraph), _unspaced(text), openers, _paragraph_from(texts, fills, index)
                    )
                )
            ) and not starts_item(_unspaced(paragraph), text)
            out += "\n" if wrapped else "\n\n"
        out += text
    return out


def _paragraph_from(texts: list[str], fills: list[bool], index: int) -> str:
    """The line at `index` and the lines after it while each wraps by its width alone (it fills
    the cell, and the next opens no list item: `starts_item`), without pdftotext's spaces: the
    rest of its paragraph, if it opens one (`opens_as_paragraph`, as text-layer PDF cells read it)."""
    text = _unspaced(texts[index])
    for at in range(index, len(fills)):
        if not fills[at] or starts_item(texts[at], texts[at + 1]):
            break
        text += _unspaced(texts[at + 1])
    return text


def _open_time_before_entry(paragraph: str, texts: list[str], fills: list[bool], index: int) -> bool:
    """Whether the paragraph ends on an open time range (`18:00～`, `13時～`), an entry's end
    (`pdf_page.ITEM_END`), and line `index` opens an entry (a count, a `label：`, a date; not a
    time that would end the range: `20:00`, `15時`): the range sign does not carry the entry on."""
    end = _unspaced(paragraph)
    after = texts[index + 1] if index < len(fills) and fills[index] else ""
    time_range = end[-1:] in RANGE_SIGNS and ITEM_END.search(end) is not None  # `18:00～`, not `5月～`
    return time_range and ends_entry(end, _unspaced(texts[index]), _unspaced(after))


def _ends_entry_at(texts: list[str], fills: list[bool], index: int) -> bool:
    """Whether the line before `index` ends an entry and line `index` opens one; a label the line
    opens may end on the line after it, where the line is full."""
    after = texts[index + 1] if index < len(fills) and fills[index] else ""
    return ends_entry(_unspaced(texts[index - 1]), _unspaced(texts[index]), _unspaced(after))


def _unspaced(text: str) -> str:
    """The text without the spaces pdftotext sets around half-width digits (`年 4 回`)."""
    return "".join(text.split())
