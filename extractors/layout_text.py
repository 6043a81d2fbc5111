"""`layout_text`: flattened layout text (pdftotext of an Excel form). One `line` block per printed line.

Columns survive only as order and indentation, so the extractor keeps each line with its
indent; rebuilding the form's cells is the job of the layout locator downstream.
Form feeds (page breaks in pdftotext output) are kept as line boundaries and as the `new_page`
mark of the next printed line (where -layout places the columns anew); text inputs have no pages.
"""

from __future__ import annotations

from extractors.blocks import Block, ExtractedDocument, Span
from extractors.text_lines import physical_lines

RENDITION = "layout_text"


def extract(text: str) -> ExtractedDocument:
    blocks: list[Block] = []
    page_break = False
    for line_no, line in enumerate(physical_lines(text), start=1):
        page_break = page_break or "\f" in line
        body = line.replace("\f", "").rstrip()
        if not body.strip():
            continue
        indent = len(body) - len(body.lstrip(" \u3000"))
        span = Span(line_start=line_no, line_end=line_no)
        blocks.append(Block(kind="line", span=span, text=body, indent=indent, new_page=page_break))
        page_break = False
    return ExtractedDocument(rendition=RENDITION, blocks=tuple(blocks))
