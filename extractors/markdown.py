"""`markdown`: Markdown with pipe tables whose cells hold HTML."""

from __future__ import annotations

import re

from extractors.blocks import ExtractedDocument
from extractors.text_lines import blocks_from_lines, physical_lines

RENDITION = "markdown"
_PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$", re.MULTILINE)
_SEPARATOR_ROW = re.compile(r"^\s*\|(?:\s*:?-{3,}:?\s*\|)+\s*$")
DEFAULT_MIN_TABLE_ROWS = 2  # pipe-table rows that make a text this rendition


def looks_like(text: str, min_rows: int = DEFAULT_MIN_TABLE_ROWS) -> bool:
    return len(_PIPE_ROW.findall(text)) >= min_rows


def split_pipe_row(line: str) -> list[str] | None:
    if not _PIPE_ROW.match(line):
        return None
    if _SEPARATOR_ROW.match(line):
        return []
    inner = line.strip()[1:-1]
    return [cell.strip() for cell in re.split(r"(?<!\\)\|", inner)]


def extract(text: str) -> ExtractedDocument:
    return ExtractedDocument(
        rendition=RENDITION, blocks=blocks_from_lines(physical_lines(text), split_pipe_row)
    )
