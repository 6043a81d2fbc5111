"""Text folding and whitespace helpers shared by the other normalizers.

All functions are pure and total: any ``str`` in, a ``str`` out.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from types import MappingProxyType

import regex

# Full-width ASCII U+FF01..U+FF5E -> U+0021..U+007E, ideographic space -> " ".
_WIDTH_TABLE = MappingProxyType({**{0xFF01 + i: 0x21 + i for i in range(0x5E)}, 0x3000: 0x20})

# Characters that NFKC would rewrite or that carry list structure and must survive as printed:
# circled numbers ①..⑳ (U+2460..U+2473), ・ ▶ ◆ ※.
_MARKERS_RE = re.compile("([\u2460-\u2473\u30fb\u25b6\u25c6\u203b]+)")
_SPACE_RE = re.compile(r"\s+")
# what Japanese print never opens a line with (kinsoku): a long vowel mark, a small kana
NO_LINE_START_KANA = frozenset("ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ")
_WIDE_RE = re.compile("[\uff01-\uff5e\u3000]")  # a char _WIDTH_TABLE folds


def fold_width(s: str) -> str:
    """Fold full-width ASCII and U+3000 to ASCII; one char in, one char out. A text without such a
    char is returned as it is: telling so takes one regex scan, where `translate` looks every
    non-ASCII char up in the table (most texts are Japanese without a full-width ASCII char)."""
    return s if _WIDE_RE.search(s) is None else s.translate(_WIDTH_TABLE)


def normalize_space(s: str) -> str:
    """Collapse every whitespace run (U+3000, newlines, tabs included) to one space; strip ends."""
    return _SPACE_RE.sub(" ", s).strip()


def _is_ascii_letter(ch: str) -> bool:
    return ch.isascii() and ch.isalpha()


def reflow(lines: Iterable[str]) -> str:
    """Join wrapped lines: no separator, except one space between two ASCII letters (an English
    word boundary). Digits join directly: a wrap inside `16:0` / `0` is a wrap inside a number."""
    parts = [p.strip() for line in lines for p in line.splitlines()]
    out = ""
    for part in filter(None, parts):
        if out and _is_ascii_letter(out[-1]) and _is_ascii_letter(part[0]):
            out += " "
        out += part
    return normalize_space(out)


def unwrap(text: str) -> str:
    """A cell's text on one line: lines wrapped by the cell's width ("\n") joined as `reflow`
    joins them, its paragraphs ("\n\n", printed on lines of their own) by one space."""
    return normalize_space(" ".join(reflow(p.split("\n")) for p in text.split("\n\n")))


def nfkc_keep_markers(s: str) -> str:
    """NFKC, except that ①..⑳ and the markers ・ ▶ ◆ ※ are kept as printed."""
    pieces = _MARKERS_RE.split(s)
    # split() with one capturing group alternates: text, marker run, text, ...
    return "".join(p if i % 2 else unicodedata.normalize("NFKC", p) for i, p in enumerate(pieces))


@functools.lru_cache(maxsize=1 << 16)
def match_key(s: str) -> str:
    """Key for comparing labels: NFKC (markers kept) with all whitespace removed. Cached: the
    locators compare the same labels many times per document (a pure function of the string)."""
    return _SPACE_RE.sub("", nfkc_keep_markers(s))


def words_key(s: str) -> str:
    """`match_key` with punctuation and symbols left out: the letters and digits of a label, for
    telling the same printed label read apart by a scan's OCR (`（` read `〈`, `:` read `：`, a lost
    `※`)."""
    return "".join(ch for ch in match_key(s) if unicodedata.category(ch)[0] in "LN")


@functools.lru_cache(maxsize=1 << 12)
def compiled(pattern: str) -> regex.Pattern[str]:
    """A pattern of the form registry compiled once (the registry keeps patterns as text)."""
    return regex.compile(pattern)
