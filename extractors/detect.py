"""Detect an input's format and rendition from its bytes and content, never from its file name."""

from __future__ import annotations

import re
from dataclasses import dataclass

PDF_MAGIC = b"%PDF-"
# Shortest run of table rows that makes a text a table rendition.
DEFAULT_MIN_TABLE_ROWS = 2
_PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$", re.MULTILINE)
_TAB_ROW = re.compile(r"^[^\n]*\t[^\n]*$", re.MULTILINE)
# Text encodings tried in order; legacy Japanese text is often CP932 (Shift_JIS).
TEXT_ENCODINGS = ("utf-8-sig", "cp932")


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


def is_pdf(data: bytes) -> bool:
    return data[:1024].lstrip().startswith(PDF_MAGIC) or PDF_MAGIC in data[:1024]


def decode_text(data: bytes) -> Decoded | None:
    """The text of a text input, or None when no known encoding decodes it (binary or corrupt)."""
    if b"\x00" in data[:4096]:
        return None
    for encoding in TEXT_ENCODINGS:
        try:
            return Decoded(text=data.decode(encoding), encoding=encoding)
        except UnicodeDecodeError:
            continue
    return None


def detect_text_rendition(text: str, min_rows: int = DEFAULT_MIN_TABLE_ROWS) -> str:
    if len(_TAB_ROW.findall(text)) >= min_rows:
        return "tsv_html"
    if len(_PIPE_ROW.findall(text)) >= min_rows:
        return "markdown"
    return "layout_text"
