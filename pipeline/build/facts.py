"""Document facts read from the report's own words: fiscal year (title, else content) and group name."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import regex

from normalizers.bullets import (
    CIRCLED_NUMBERS,
    ENTRY_LABEL,
    STATUS_EXTRA_MARKERS,
    SYMBOL_MARKERS,
    paragraphs_of,
)
from normalizers.era import find_fiscal_years
from normalizers.forms import (
    GROUP_NAME_CLOSING,
    GROUP_NAME_ENDING,
    GROUP_NAME_LABEL_ALONE,
    GROUP_NAME_PATTERNS,
    NOTE_MARK,
    QUOTED_NAME,
    REFERENCE_NOTE_ENDING,
    REPORT_PERIOD_MARK,
    SENTENCE_MARKS,
    STATUS_COUNT_PATTERN,
    TITLE_FOLLOWERS,
    TITLE_WORDS,
    is_group_name_paragraph,
    is_reference_note,
)
from normalizers.text import fold_width, match_key, reflow
from pipeline.locate.layout_cells import display_width
from pipeline.locate.located import LocatedReport, TextAt

DEFAULT_TITLE_SPAN = 40  # characters after the year in which a title names the programme
DEFAULT_GROUP_NAME_MAX_CHARS = 40  # a longer paragraph after `グループ名` holds more than the name
_QUOTES = "「」『』\"'“”"
_OPENING_QUOTES = "「『"
_COUNT = regex.compile(STATUS_COUNT_PATTERN)
_MARKS = CIRCLED_NUMBERS + SYMBOL_MARKERS + STATUS_EXTRA_MARKERS
_CLOSING_QUOTES = "」』"
DEFAULT_NAME_WRAP_LINES = 3  # lines a group name cut by a narrow cell may wrap onto
DEFAULT_NAME_WRAP_CHARS = 12  # a longer line is no wrapped piece of the name
DEFAULT_NAME_WRAP_SLACK = 2  # display columns a wrapped line of a name may print short of a later one
__all__ = ["cell_paragraphs", "is_group_name_paragraph", "is_reference_note", "text_after_reference_note"]


@dataclass(frozen=True)
class FiscalYearFact:
    year: int | None
    label: str | None
    source: str | None


def fiscal_year_of(paragraphs: Iterable[TextAt], located: LocatedReport) -> FiscalYearFact:
    """From a title line (`令和 2 年度茨城県医療提供施設等グループ化推進事業…`), else inferred from
    the period headers (`Ｒ3年度（Ｂ）`), else unknown."""
    texts = list(paragraphs)
    for text in texts:
        for mention in find_fiscal_years(text.text):
            if is_title_mention(text.text, mention.start, mention.end):
                return FiscalYearFact(mention.year, mention.label, "title")
    headers = [label for table in located.outcomes for label in table.period_labels]
    for words in [t.text for t in texts] + headers:
        for mention in find_fiscal_years(words):
            if REPORT_PERIOD_MARK.match(fold_width(words[mention.end :])):
                return FiscalYearFact(mention.year, mention.label, "content")
    return FiscalYearFact(None, None, None)


def is_title_mention(text: str, start: int, end: int) -> bool:
    """A year that names the report: followed by the programme's name, or opening a line that
    goes on to name it in a few words (a title misread by OCR: `令和2年度茨城県医療混供施設等
    グループ化推進環業計画(報告)書`)."""
    after = match_key(text[end:])
    if any(after.startswith(w) for w in TITLE_FOLLOWERS):
        return True
    opens_line = not text[:start].strip(" \t\u3000#")
    return opens_line and any(w in after[:DEFAULT_TITLE_SPAN] for w in TITLE_WORDS)


def split_group_name(printed: str) -> tuple[str | None, str]:
    """(the group's name, the text printed after it in the same paragraph) from what follows a
    `グループ名` label. A paragraph that goes on into a sentence ends the name at its first
    `…グループ` ending; a ※ note after the name is not part of it."""
    paragraph = printed.split("\n\n")[0]
    head = paragraph.split(NOTE_MARK)[0]
    flat = reflow(head.split("\n"))
    quoted = QUOTED_NAME.match(flat)
    if quoted:  # 「…」: the name ends with its closing quote
        return quoted.group("name").strip() or None, flat[quoted.end() :].strip()
    if flat.strip()[:1] in _OPENING_QUOTES:
        return None, flat  # a quote that does not close: the name is cut, its end not printed here
    if named := _name_before_an_entry(head.split("\n")):
        return named
    if len(flat) <= DEFAULT_GROUP_NAME_MAX_CHARS and not any(m in flat for m in SENTENCE_MARKS):
        return flat.strip(_QUOTES + " :：") or None, ""
    ending = GROUP_NAME_ENDING.search(flat)
    if ending is None:
        return None, flat
    name = flat[: ending.end()].strip(_QUOTES + " :：")
    return name or None, flat[ending.end() :].strip(_QUOTES + " ")


def _name_before_an_entry(lines: list[str]) -> tuple[str, str] | None:
    """A name whose line ends with its `…グループ` ending, and a line after it that opens an entry
    with its own `label：` (`グループ名：神栖市在宅医療連携グループ` | `発送：2021年1月5日`): the name
    ends with its line, the entry is text after it. None where no line tells so."""
    for index in range(1, len(lines)):
        name = reflow(lines[:index]).strip()
        if ENTRY_LABEL.match(lines[index].strip()) and any(
            ending.end() == len(name) for ending in GROUP_NAME_ENDING.finditer(name)
        ):
            return name.strip(_QUOTES + " :："), reflow(lines[index:]).strip()
    return None


def _unwrapped(text: str) -> str:
    """The text with its wrapped lines joined (a narrow cell wraps `グループ` | `名：…`); its
    paragraphs stay apart."""
    return "\n\n".join(p.replace("\n", "") for p in text.split("\n\n"))


def _printed_name(text: str) -> str | None:
    """What a group-name label in `text` is followed by, its lines as printed (where the label
    itself is wrapped, `グループ` | `名：…`, the lines joined), or None without a label."""
    for printed in (text, _unwrapped(text)):
        for pattern in GROUP_NAME_PATTERNS:
            if match := pattern.search(printed):
                return str(match.group("name"))
    return None


def group_name_in(text: str) -> str | None:
    """The group's name from a `…（グループ化）名：X` line or a `グループ名 X ※…` paragraph."""
    printed = _printed_name(text)
    return None if printed is None else split_group_name(printed)[0]


@dataclass(frozen=True)
class GroupNameFact:
    name: str | None
    doubtful: TextAt | None  # a `グループ名` paragraph whose name's end the print does not tell


def group_name_of(located: LocatedReport) -> GroupNameFact:
    """The group's name: the first `グループ名` label whose name the print tells (title area, then
    status cells). A label whose name may go on, or holds another cell's words, names none; where no
    other label names the group, it is kept as `doubtful` (the `group_name_unread` check)."""
    paragraphs = list(located.paragraphs)
    texts = [p.text for p in paragraphs]
    printed = {p.span.line_start for p in paragraphs if p.span.line_start is not None}
    candidates: list[tuple[str, TextAt | None]] = []
    for index in range(len(texts)):
        text, taken = _with_wrapped_name(texts, index)
        end = paragraphs[index + taken].span.line_end
        goes_on = end is not None and end + 1 in printed
        if goes_on and not taken and (closed := _closed_unquoted_name(paragraphs, index, printed)):
            (text, taken), goes_on = closed, False
        cut = (goes_on and _may_go_on(text)) or (taken > 0 and _two_cells(texts[index]))
        candidates.append((text, paragraphs[index] if cut else None))
    for item in located.items:
        candidates += [("\n\n".join(cell_paragraphs(cell.text)), None) for _, cell in item.status]
    first_doubtful: TextAt | None = None
    for text, doubtful in candidates:
        for paragraph in text.split("\n\n"):
            name = group_name_in(paragraph)
            if name and doubtful is None:
                return GroupNameFact(name, None)
            if name and first_doubtful is None:
                first_doubtful = doubtful
    return GroupNameFact(None, first_doubtful)


def _may_go_on(text: str) -> bool:
    """A `グループ名 X` name not closed by a quote, printed on a line with another printed right
    under it (layout text prints a narrow cell line by line: `グループ名` | `下妻市在宅` |
    `医療連携グ` | `ループ`): where the name ends cannot be told."""
    label = GROUP_NAME_PATTERNS[1].search(_unwrapped(text))
    return label is not None and not any(q in label.group("name") for q in _CLOSING_QUOTES)


def _closed_unquoted_name(paragraphs: list[TextAt], index: int, printed: set[int]) -> tuple[str, int] | None:
    """A `グループ名 X` line of layout text whose unquoted name a narrow cell wraps onto the lines
    printed right under it (`グループ名 高萩市医` | `師会連携グループ` | `※参考資料 1 …`): the name and
    how many lines it took, where short lines without a space, mark or count, each line but the last
    as wide as those after it (a cell wraps a line full), join into a name ending with
    a group word (`GROUP_NAME_CLOSING`) and a ※ note, an entry (a count, `6 回/年`, never the
    name's number, or a label, `発送：…`) or a blank line follows; else None."""
    text = paragraphs[index].text
    label = GROUP_NAME_PATTERNS[1].search(text)
    if label is None or any(q in label.group("name") for q in _QUOTES) or " " in label.group("name").strip():
        return None
    pieces = [text.strip()]
    for taken in range(1, DEFAULT_NAME_WRAP_LINES + 1):
        if index + taken >= len(paragraphs):
            return None
        line = paragraphs[index + taken]
        piece = line.text.strip()
        if line.span.line_start not in printed or not _name_piece(piece):
            return None
        pieces.append(piece)
        joined = "".join(pieces)
        if GROUP_NAME_CLOSING.search(joined):
            end = line.span.line_end
            after = paragraphs[index + taken + 1].text.strip() if index + taken + 1 < len(paragraphs) else ""
            entry = _COUNT.match(fold_width(after)) or ENTRY_LABEL.match(after)
            ends = after.startswith(NOTE_MARK) or entry is not None
            closes = end is not None and (end + 1 not in printed or ends)
            return (joined, taken) if closes and _wrapped(pieces) else None
    return None


def _wrapped(lines: list[str]) -> bool:
    """Whether each line but the last is as wide as any after it (within a slack): the cell wrapped
    it full. A shorter line before a longer one is another cell's, printed between the name's
    lines (`グループ名 けやき` | `検討中` | `ネットワーク`)."""
    widths = [display_width(line.replace(" ", "")) for line in lines]
    return all(w >= max(widths[i + 1 :]) - DEFAULT_NAME_WRAP_SLACK for i, w in enumerate(widths[:-1]))


def _name_piece(piece: str) -> bool:
    """A line that can be a wrapped piece of a name: short, without a space, quote or mark."""
    return (
        0 < len(piece) <= DEFAULT_NAME_WRAP_CHARS
        and " " not in piece
        and not _COUNT.search(fold_width(piece))
        and not any(ch in piece for ch in _QUOTES + NOTE_MARK + _MARKS)
    )


def _two_cells(line: str) -> bool:
    """A line opening a quoted name its next lines close, holding a word one space after the
    quote's first piece (`グループ名：「美浦村グル 開催日時：…`): default mode printed another
    cell's line on it, and which pieces are the name's cannot be told."""
    label = GROUP_NAME_PATTERNS[1].search(line)
    return label is not None and " " in label.group("name").strip().lstrip(":：").strip()


def cell_paragraphs(text: str) -> list[str]:
    """A cell's paragraphs, a `グループ名` label printed as a paragraph of its own joined to the
    paragraph after it, which prints the name (`グループ名` | `竜ヶ崎地区グ↵ループ 2`)."""
    out: list[str] = []
    for paragraph in paragraphs_of(text):
        if out and GROUP_NAME_LABEL_ALONE.match(out[-1]):
            out[-1] += "\n" + paragraph
        else:
            out.append(paragraph)
    return out


def _with_wrapped_name(texts: list[str], index: int) -> tuple[str, int]:
    """A `グループ名：「…` paragraph whose quoted name is cut (a narrow cell printed line by line)
    with the short lines right after it that close the quote; else the paragraph as it is. With
    how many paragraphs after it were joined."""
    text = texts[index]
    if not _name_cut(text):
        return text, 0
    joined = text
    for taken, following in enumerate(texts[index + 1 : index + 1 + DEFAULT_NAME_WRAP_LINES], start=1):
        piece = following.strip()
        if not piece or len(piece) > DEFAULT_NAME_WRAP_CHARS:
            return text, 0
        joined += piece
        if not _name_cut(joined):
            return joined, taken
    return text, 0


def _name_cut(text: str) -> bool:
    """A group-name label whose name is not printed yet, or opens a quote it does not close."""
    if GROUP_NAME_LABEL_ALONE.match(text):
        return True
    for pattern in GROUP_NAME_PATTERNS:
        match = pattern.search(text)
        if match:
            name = match.group("name").strip(" :：")
            return name[:1] in _OPENING_QUOTES and not any(q in name for q in _CLOSING_QUOTES)
    return False


def text_after_group_name(paragraph: str) -> str:
    """What a `グループ名 X …` paragraph prints after the name (a sentence run on after it)."""
    printed = _printed_name(paragraph)
    return "" if printed is None else split_group_name(printed)[1]


def text_after_reference_note(paragraph: str) -> str:
    """What a reference note's paragraph prints on the lines after the one its `…参照` ends: an
    entry of its own that a wrap could not tell apart (`…計画」参照` | `発送：2021年1月17日`)."""
    lines = paragraph.split("\n")
    for index, line in enumerate(lines[:-1]):
        if match_key(line).endswith(REFERENCE_NOTE_ENDING):
            return "\n".join(lines[index + 1 :]).strip()
    return ""
