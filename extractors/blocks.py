"""The neutral shape every extractor returns: blocks with text as printed and a span.

Extractors know nothing of the schema: no normalizing, no table or column names.
A table is rows of cells; a cell's text keeps its printed characters, with "\n"
between the paragraphs / list items / lines the rendition shows inside it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["heading", "paragraph", "table", "line"]


BBox = tuple[float, float, float, float]  # x0, y0, x1, y1 in PDF points from the page's top left


@dataclass(frozen=True)
class Span:
    """Where a block or cell was printed: 1-based page (PDF) or 1-based line range (text); on PDFs
    the box it occupies on the page, and whether its text came from OCR."""

    page: int | None = None
    line_start: int | None = None
    line_end: int | None = None
    bbox: BBox | None = None
    ocr: bool = False

    def describe(self) -> str:
        if self.page is not None:
            return f"p.{self.page}"
        if self.line_start is not None:
            return f"l.{self.line_start}"
        return "?"


class UnreadableInput(ValueError):
    """An extractor cannot read the input at all (a corrupt or locked file); the message says why."""


@dataclass(frozen=True)
class Finding:
    """Something found in a document that an analyst should see: it becomes a `checks` row.

    `check` names an entry of the check registry (`pipeline.checks.CHECKS`), which gives its
    severity and whether it leaves the document `partial`; `detail` says what and where.
    """

    check: str
    detail: str
    span: Span = field(default_factory=Span)


@dataclass(frozen=True)
class Cell:
    text: str
    span: Span = field(default_factory=Span)


@dataclass(frozen=True)
class Block:
    """One heading, paragraph, table or (layout renditions) one printed line.

    `indent` is the count of leading spaces for `line` blocks of layout text,
    where columns of the original form survive only as indentation.
    """

    kind: BlockKind
    span: Span
    text: str = ""
    rows: tuple[tuple[Cell, ...], ...] = ()
    indent: int = 0
    # layout text: the first line of a new printed page (a form feed came before it), where
    # pdftotext -layout may place the columns anew
    new_page: bool = False


@dataclass(frozen=True)
class ExtractedDocument:
    rendition: str
    blocks: tuple[Block, ...]
    pages: int | None = None
    # What the extraction found (OCR used, labels drawn over cells, pages it could not read).
    findings: tuple[Finding, ...] = ()
    # The OCR engines that read scanned pages (documents.ocr_engines); empty when none did.
    ocr_engines: tuple[str, ...] = ()

    def all_text(self) -> str:
        parts: list[str] = []
        for block in self.blocks:
            if block.kind == "table":
                for row in block.rows:
                    parts.append("\t".join(cell.text for cell in row))
            else:
                parts.append(block.text)
        return "\n".join(parts)
