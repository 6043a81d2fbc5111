"""Text-layer PDF pages -> characters in page points (rendition "pdf_text").

Chars come from PyMuPDF `get_text("rawdict")`, with spaces only where the PDF prints a space glyph.
A page whose text runs sideways or upside down is turned upright first (`pdf_orientation`). Their
assembly into blocks is `pdf_page.assemble_page`.
"""

from __future__ import annotations

from typing import Any

import pymupdf

from extractors.pdf_orientation import turn_of_lines, turn_page
from extractors.pdf_page import Char

RENDITION = "pdf_text"
# Spaces only where the PDF prints a space glyph: no spaces made up from gaps by MuPDF.
TEXT_FLAGS = pymupdf.TEXTFLAGS_RAWDICT | pymupdf.TEXT_INHIBIT_SPACES


def page_chars(page: pymupdf.Page) -> list[Char]:
    return chars_of(page.get_text("rawdict", flags=TEXT_FLAGS))


def upright_chars(page: pymupdf.Page, textpage: pymupdf.TextPage | None = None) -> tuple[list[Char], int]:
    """The page's chars read upright, and the clockwise turn that took (0: it was upright). The
    page's `/Rotate` is set aside: the direction its text runs in decides. `textpage`: the page's
    text already read with TEXT_FLAGS (PyMuPDF reads it with `/Rotate` set aside)."""
    page.set_rotation(0)
    raw = page.get_text("rawdict", flags=TEXT_FLAGS, textpage=textpage)
    lines = (
        (line["dir"], sum(len(span["chars"]) for span in line["spans"]))
        for block in raw["blocks"]
        for line in block.get("lines", ())
    )
    turn = turn_of_lines(lines)
    if not turn:
        return chars_of(raw), 0
    turn_page(page, turn)
    return page_chars(page), turn


def chars_of(raw: dict[str, Any]) -> list[Char]:
    chars: list[Char] = []
    make = tuple.__new__  # Char(...) without its Python-level __new__: a page has thousands of chars
    for block in raw["blocks"]:
        for line in block.get("lines", ()):
            for span in line["spans"]:
                size = span["size"]
                chars += [
                    make(Char, (ch["c"], ch["bbox"][0], ch["bbox"][2], ch["origin"][1], size))
                    for ch in span["chars"]
                ]
    return chars
