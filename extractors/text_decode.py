"""Text inputs: bytes -> text, losing nothing that can be kept.

1. The encoding: a byte-order mark (UTF-8/16/32) decides; else many NUL bytes make UTF-16/32
   likely; else strict UTF-8; else the legacy Japanese encodings (CP932, EUC-JP). Where several
   candidates decode, `charset-normalizer` chooses; where none decodes cleanly (damaged bytes),
   the candidate with the fewest replaced bytes and the least mess (charset-normalizer's
   `mess_ratio`) wins.
2. Undecodable bytes become U+FFFD, counted per line: they stay visible to every later stage.
3. Line breaks: the file's own convention is read (CRLF, LF, CR, NEL, U+2028 or U+2029) and
   becomes "\\n". Characters that are line breaks only to `str.splitlines` (VT, FS, GS, RS, a
   stray CR in an LF file) never split a row.
4. NUL and other control characters (and byte-order marks inside the text) are dropped, counted
   per line. TAB, LF and FF (page breaks of pdftotext) are kept.

A text with more than DEFAULT_MAX_DAMAGED_SHARE of its characters unreadable or dropped (and more
than DEFAULT_DAMAGE_ALLOWANCE) is not a text: `decode_text` returns None (binary or corrupt).
"""

from __future__ import annotations

import bisect
import codecs
import re
from collections import Counter
from dataclasses import dataclass

import charset_normalizer
from charset_normalizer.md import mess_ratio

from extractors.blocks import Finding, Span

DEFAULT_SNIFF_BYTES = 4096
DEFAULT_WIDE_NUL_SHARE = 0.1  # share of NUL bytes among the first bytes that makes UTF-16/32 likely
DEFAULT_MIN_WIDE_BYTES = 64  # a shorter input without byte-order mark is never read as UTF-16/32
DEFAULT_MAX_DAMAGED_SHARE = 0.05  # more unreadable or dropped characters than this: not a text
DEFAULT_DAMAGE_ALLOWANCE = 16  # unreadable or dropped characters a short text may have (up to half of it)
DEFAULT_MESS_SAMPLE_CHARS = 65536  # characters of each candidate reading scored for mess
BOMS: tuple[tuple[bytes, str], ...] = (  # UTF-32 LE before UTF-16 LE: its mark starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
WIDE_ENCODINGS = ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")
NARROW_ENCODINGS = ("utf-8", "cp932", "euc-jp")
REPLACEMENT = "\ufffd"
# Line-break conventions, by the character that ends a line once CRLF is read as one.
LINE_BREAK_NAMES = {"\n": "LF", "\r": "CR", "\x85": "NEL", "\u2028": "U+2028", "\u2029": "U+2029"}
# Control characters (category Cc) but TAB, LF and FF, and byte-order marks inside the text.
_DROPPED = re.compile("[\x00-\x08\x0b\x0d-\x1f\x7f-\x9f\ufeff]")


@dataclass(frozen=True)
class Decoded:
    """A text input's text ("\\n" line breaks) and what reading it changed, by 1-based line."""

    text: str
    encoding: str  # with `-sig` when the file starts with a byte-order mark
    line_break: str  # the file's convention: CRLF, LF, CR, NEL, U+2028, U+2029 or "" (one line)
    replaced: tuple[tuple[int, int], ...] = ()  # (line, undecodable byte sequences replaced by U+FFFD)
    dropped: tuple[tuple[int, str, int], ...] = ()  # (line, control character's name, count dropped)


def decode_text(data: bytes, max_damaged: float = DEFAULT_MAX_DAMAGED_SHARE) -> Decoded | None:
    """The text of a text input, or None when it is not text (binary or corrupt beyond reading)."""
    encoding, bom = choose_encoding(data)
    raw = data[bom:].decode(encoding, errors="replace")
    text, line_break = normalize_line_breaks(raw)
    text, dropped = drop_controls(text)
    replaced = Counter(lines_of(text, [m.start() for m in re.finditer(REPLACEMENT, text)]))
    damaged = sum(replaced.values()) + sum(n for _, _, n in dropped)
    if damaged > min(max(max_damaged * len(text), DEFAULT_DAMAGE_ALLOWANCE), len(text) / 2):
        return None
    return Decoded(
        text=text,
        encoding=encoding + ("-sig" if bom else ""),
        line_break=line_break,
        replaced=tuple(sorted(replaced.items())),
        dropped=dropped,
    )


def choose_encoding(data: bytes) -> tuple[str, int]:
    """The encoding and the length of the byte-order mark to skip."""
    for mark, name in BOMS:
        if data.startswith(mark):
            return name, len(mark)
    head = data[:DEFAULT_SNIFF_BYTES]
    wide = WIDE_ENCODINGS if len(data) >= DEFAULT_MIN_WIDE_BYTES else ()
    if wide and head.count(0) >= DEFAULT_WIDE_NUL_SHARE * len(head):
        return best_reading(data, wide + NARROW_ENCODINGS), 0
    try:
        data.decode("utf-8")
        return "utf-8", 0
    except UnicodeDecodeError:
        return best_reading(data, NARROW_ENCODINGS + wide), 0


def best_reading(data: bytes, candidates: tuple[str, ...]) -> str:
    """charset-normalizer's choice among the candidates that decode cleanly; when none does (damaged
    bytes), the candidate whose reading has the fewest replaced bytes and the least mess."""
    match = charset_normalizer.from_bytes(data, cp_isolation=list(candidates)).best()
    if match is not None:
        return codecs.lookup(match.encoding).name
    return min(candidates, key=lambda name: reading_cost(data, name))


def reading_cost(data: bytes, encoding: str) -> float:
    text = data.decode(encoding, errors="replace")
    if not text:
        return 0.0
    sample = text[:DEFAULT_MESS_SAMPLE_CHARS]
    return text.count(REPLACEMENT) / len(text) + text.count("\x00") / len(text) + mess_ratio(sample, 1.0)


def normalize_line_breaks(text: str) -> tuple[str, str]:
    """Every line break of the file's convention as "\\n". LF (with or without CR before it) wins
    over CR alone, which wins over NEL, U+2028 and U+2029; the others then stay in-line characters
    (a CR or NEL is dropped later as a control character)."""
    if "\n" in text:
        convention = "CRLF" if text.count("\r\n") * 2 > text.count("\n") else "LF"
        return text.replace("\r\n", "\n"), convention
    for char in ("\r", "\x85", "\u2028", "\u2029"):
        if char in text:
            return text.replace(char, "\n"), LINE_BREAK_NAMES[char]
    return text, ""


def drop_controls(text: str) -> tuple[str, tuple[tuple[int, str, int], ...]]:
    """The text without control characters, and what was dropped: (line, name, count)."""
    found = [(m.start(), m.group()) for m in _DROPPED.finditer(text)]
    if not found:
        return text, ()
    lines = lines_of(text, [i for i, _ in found])
    counts = Counter(zip(lines, (char_name(ch) for _, ch in found), strict=True))
    return _DROPPED.sub("", text), tuple((line, name, n) for (line, name), n in sorted(counts.items()))


def char_name(char: str) -> str:
    return f"U+{ord(char):04X}"


def lines_of(text: str, positions: list[int]) -> list[int]:
    """The 1-based line of each position of the text (positions in increasing order)."""
    if not positions:
        return []
    breaks = [m.start() for m in re.finditer("\n", text)]
    return [bisect.bisect_left(breaks, p) + 1 for p in positions]


DEFAULT_MAX_LINE_FINDINGS = 20  # lines named one by one per kind of change; the rest are summed up


def decoding_findings(decoded: Decoded, max_lines: int = DEFAULT_MAX_LINE_FINDINGS) -> tuple[Finding, ...]:
    """`bytes_replaced` and `control_characters_dropped` findings, one per line (the first
    `max_lines` of each kind, then one that sums up the rest at its first line)."""
    replaced = [
        (line, f"l.{line}: {n} undecodable byte sequence(s) replaced by U+FFFD (read as {decoded.encoding})")
        for line, n in decoded.replaced
    ]
    dropped = [
        (line, f"l.{line}: {n} control character(s) {name} dropped") for line, name, n in decoded.dropped
    ]
    findings: list[Finding] = []
    for check, rows in (("bytes_replaced", replaced), ("control_characters_dropped", dropped)):
        for line, detail in rows[:max_lines]:
            findings.append(Finding(check, detail, Span(line_start=line, line_end=line)))
        if len(rows) > max_lines:
            line = rows[max_lines][0]
            detail = f"l.{line} and after: {len(rows) - max_lines} more lines like these"
            findings.append(Finding(check, detail, Span(line_start=line, line_end=line)))
    return tuple(findings)
