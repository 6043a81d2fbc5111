"""Cell text of the text renditions whose table cells carry HTML (`<p>`, `<ul><li>`, `<small>`...).

Block-level tags (p, li, ul, ol, div, br between paragraphs) become hard breaks ("\n\n");
inline tags are dropped; entities are unescaped. Characters are kept as printed.
"""

from __future__ import annotations

import html
import re

_BLOCK_TAG = re.compile(r"</?(?:p|li|ul|ol|div|h[1-6]|tr|table)\b[^>]*>", re.IGNORECASE)
_BR_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)
_ANY_TAG = re.compile(r"<[^>]+>")
_HARD_BREAK = "\x00"


def html_cell_to_text(cell: str) -> str:
    """Plain text of one HTML table cell: paragraphs and list items separated by a blank line."""
    text = _BR_TAG.sub(_HARD_BREAK, cell)
    text = _BLOCK_TAG.sub(_HARD_BREAK, text)
    text = _ANY_TAG.sub("", text)
    text = html.unescape(text)
    pieces = [piece.strip() for piece in text.split(_HARD_BREAK)]
    return "\n\n".join(piece for piece in pieces if piece)
