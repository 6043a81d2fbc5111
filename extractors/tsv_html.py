"""`tsv_html`: tab-separated table rows whose cells hold HTML; other lines are headings / paragraphs."""

from __future__ import annotations

import re

from extractors.blocks import ExtractedDocument
from extractors.text_lines import blocks_from_lines, physical_lines

RENDITION = "tsv_html"
DEFAULT_MIN_TABLE_ROWS = 2  # tab-separated rows that make a text this rendition
_TAB_ROW = re.compile(r"^[^\n]*\t[^\n]*$", re.MULTILINE)


def looks_like(text: str, min_rows: int = DEFAULT_MIN_TABLE_ROWS) -> bool:
    return len(_TAB_ROW.findall(text)) >= min_rows


def split_tsv_row(line: str) -> list[str] | None:
    if "\t" not in line:
        return None
    return line.rstrip("\r\n").split("\t")


def extract(text: str) -> ExtractedDocument:
    return ExtractedDocument(
        rendition=RENDITION, blocks=blocks_from_lines(physical_lines(text), split_tsv_row)
    )
