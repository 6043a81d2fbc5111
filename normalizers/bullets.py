"""Split cell text into bullets (取組内容) or segments (現状/計画/実績 cells).

Cell text: "\n" between lines that wrap, "\n\n" between paragraphs. A marker counts only at the
start of a line or after whitespace, so the ・ of `水戸市・水戸市医師会` or the ① of
`水戸グループ①・②` is text, not a bullet. Markers are read before any NFKC (which turns ① into 1).
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from normalizers.text import reflow

CIRCLED_NUMBERS = "".join(chr(c) for c in range(0x2460, 0x2474))  # ①..⑳
SYMBOL_MARKERS = "・▶▷►◆◇■□●○◎★☆➢➤"
STATUS_EXTRA_MARKERS = "*＊"
_SENTENCE_END = regex.compile(r"(?<=。)\s+")
# an entry that opens with its own `label：` (`発送：…`, `講師：…`; not a time `10:00` nor a sentence)
ENTRY_LABEL = regex.compile(r"^[^\s、。（(）)~～〜:：0-9０-９]{1,11}[:：]")


@dataclass(frozen=True)
class Bullet:
    marker: str | None
    level: int
    text: str


@dataclass(frozen=True)
class Segment:
    marker: str | None
    text: str


def _marker_pattern(markers: str) -> regex.Pattern[str]:
    """A marker opens a paragraph, follows a space on its line, or opens a wrapped line whose
    previous line ended a sentence. A marker that merely opens a wrapped line mid-sentence
    (`水戸グループ①②` / `③、…` wrapped in a PDF cell), or that punctuation follows, is text."""
    return regex.compile(
        r"(?:\A|(?<=[ \t\u3000])|(?<=[。．.！!？?][ \t\u3000]*\n[ \t\u3000]*))(["
        + regex.escape(markers)
        + r"])"
        r"(?![、。，．・）)」』])"  # `③、…` / `②・③` continue a sentence: text, not a marker
    )


_BULLET_MARKER = _marker_pattern(CIRCLED_NUMBERS + SYMBOL_MARKERS)
_SEGMENT_MARKER = _marker_pattern(CIRCLED_NUMBERS + SYMBOL_MARKERS + STATUS_EXTRA_MARKERS)


_BLANK_LINE = regex.compile(r"\n[ \t\u3000]*\n")


def paragraphs_of(text: str) -> list[str]:
    return [p for p in _BLANK_LINE.split(text) if p.strip()]


def split_at_markers(paragraph: str, pattern: regex.Pattern[str]) -> list[tuple[str | None, str]]:
    """(marker, text) pieces of one paragraph; text before the first marker has marker None."""
    pieces: list[tuple[str | None, str]] = []
    starts = [(m.start(1), m.group(1)) for m in pattern.finditer(paragraph)]
    head = paragraph[: starts[0][0]] if starts else paragraph
    if head.strip():
        pieces.append((None, head))
    for index, (start, marker) in enumerate(starts):
        end = starts[index + 1][0] if index + 1 < len(starts) else len(paragraph)
        pieces.append((marker, paragraph[start + 1 : end]))
    return pieces


def marked_pieces(text: str, pattern: regex.Pattern[str]) -> list[tuple[str | None, str]]:
    """(marker, text) pieces of a cell. A paragraph without a marker that follows a marked piece
    continues it (a hard line break inside one item); leading unmarked text stands alone."""
    pieces: list[tuple[str | None, str]] = []
    for paragraph in paragraphs_of(text):
        for marker, body in split_at_markers(paragraph, pattern):
            if marker is None and pieces and pieces[-1][0] is not None:
                pieces[-1] = (pieces[-1][0], pieces[-1][1].rstrip() + " " + body.lstrip())
            else:
                pieces.append((marker, body))
    return pieces


def _reflowed(text: str) -> str:
    return reflow(text.split("\n"))


def _marker_class(marker: str) -> tuple[str, int | None]:
    if marker in CIRCLED_NUMBERS:
        return "circled", CIRCLED_NUMBERS.index(marker) + 1
    return marker, None


def assign_levels(markers: list[str | None]) -> list[int]:
    """Nesting depth per marker. A circled number continues the nearest list whose last number
    it follows (③ after ②); any other circled number, or a new symbol, opens a deeper list.
    An unmarked piece resets to the top level."""
    stack: list[tuple[str, int | None]] = []
    levels: list[int] = []
    for marker in markers:
        if marker is None:
            stack.clear()
            levels.append(0)
            continue
        kind, number = _marker_class(marker)
        found = None
        for depth in range(len(stack) - 1, -1, -1):
            s_kind, s_number = stack[depth]
            if s_kind == kind and (number is None or (s_number is not None and s_number + 1 == number)):
                found = depth
                break
        if found is None:
            stack.append((kind, number))
            levels.append(len(stack) - 1)
        else:
            del stack[found + 1 :]
            stack[found] = (kind, number)
            levels.append(found)
    return levels


def split_bullets(text: str) -> list[Bullet]:
    """Bullets of one 取組内容 cell. Where the cell prints no marker at all (the rendition lost
    them), split at sentence ends instead, with marker None."""
    pieces = marked_pieces(text, _BULLET_MARKER)
    if not any(marker for marker, _ in pieces):
        sentences = [s for p in paragraphs_of(text) for s in _SENTENCE_END.split(p.strip())]
        texts = [_reflowed(s) for s in sentences]
        return [Bullet(marker=None, level=0, text=t) for t in texts if t]
    levels = assign_levels([marker for marker, _ in pieces])
    bullets = [
        Bullet(marker=m, level=lv, text=_reflowed(t)) for (m, t), lv in zip(pieces, levels, strict=True)
    ]
    return [b for b in bullets if b.text]


def split_segments(text: str) -> list[Segment]:
    """Segments of one 現状/計画/実績 cell: split at list markers (incl. a leading `*`) and
    paragraph breaks. A ※ note stays text."""
    segments = [Segment(marker=m, text=_reflowed(t)) for m, t in marked_pieces(text, _SEGMENT_MARKER)]
    return [s for s in segments if s.text]
