"""Text-layer PDF pages -> characters in page points (rendition "pdf_text").

Chars come from PyMuPDF `get_text("rawdict")`, after `remove_rotation()`, with spaces only where
the PDF prints a space glyph. Their assembly into blocks is `pdf_page.assemble_page`.
"""

from __future__ import annotations

import pymupdf

from extractors.pdf_page import Char

RENDITION = "pdf_text"
# Spaces only where the PDF prints a space glyph: no spaces made up from gaps by MuPDF.
TEXT_FLAGS = pymupdf.TEXTFLAGS_RAWDICT | pymupdf.TEXT_INHIBIT_SPACES


def page_chars(page: pymupdf.Page) -> list[Char]:
    chars = []
    for block in page.get_text("rawdict", flags=TEXT_FLAGS)["blocks"]:
        for line in block.get("lines", ()):
            for span in line["spans"]:
                for ch in span["chars"]:
                    x0, _, x1, _ = ch["bbox"]
                    chars.append(Char(ch["c"], x0, x1, ch["origin"][1], span["size"]))
    return chars
