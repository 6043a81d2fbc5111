"""`tsv_html`: tab-separated table rows whose cells hold HTML; other lines are headings / paragraphs."""

from __future__ import annotations

from extractors.blocks import ExtractedDocument
from extractors.text_lines import blocks_from_lines

RENDITION = "tsv_html"


def split_tsv_row(line: str) -> list[str] | None:
    if "\t" not in line:
        return None
    return line.rstrip("\r\n").split("\t")


def extract(text: str) -> ExtractedDocument:
    return ExtractedDocument(rendition=RENDITION, blocks=blocks_from_lines(text.splitlines(), split_tsv_row))
