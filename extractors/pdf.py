"""PDF inputs -> neutral blocks. Open and vet the file, then read each page: a text-layer page
by its characters (`pdf_text`), a page that only carries images by OCR (`pdf_image`); both go
through the same page assembly (`pdf_page.assemble_page`) over the grids of their ruling lines.

Opening problems are raised as `UnreadablePdf` with a message for the documents row; a damaged
file the reader had to repair is extracted, with a `pdf_repaired` finding.
"""

from __future__ import annotations

from collections.abc import Callable

import pymupdf

from extractors import pdf_image, pdf_text
from extractors.blocks import Block, ExtractedDocument, Finding, Span, UnreadableInput
from extractors.pdf_grid import Grid, find_grids, shape_boxes
from extractors.pdf_page import assemble_page

DEFAULT_MIN_CHARS = 20  # printed (non-space) chars a page needs to count as having a text layer
REPAIRED_MESSAGE = (
    "the PDF is damaged (probably truncated) and was repaired on reading; content may be missing"
)
GridFinder = Callable[[pymupdf.Page], list[Grid]]


class UnreadablePdf(UnreadableInput):
    pass


def open_pdf(data: bytes) -> pymupdf.Document:
    try:
        doc = pymupdf.open(stream=data, filetype="pdf")
    except (pymupdf.FileDataError, RuntimeError) as error:
        raise UnreadablePdf(f"corrupt or truncated PDF: the reader cannot open it ({error})") from error
    if doc.needs_pass:
        raise UnreadablePdf("password-protected PDF: it cannot be read without its password")
    if doc.page_count == 0:
        if doc.is_repaired:
            raise UnreadablePdf("corrupt or truncated PDF: no page survived the reader's repair")
        raise UnreadablePdf("PDF without any page")
    return doc


def has_text_layer(doc: pymupdf.Document, min_chars: int = DEFAULT_MIN_CHARS) -> bool:
    """True when some page has at least `min_chars` printed characters in its text layer."""
    return any(len("".join(page.get_text("text").split())) >= min_chars for page in doc.pages())


def extract_pdf(data: bytes, grid_finder: GridFinder = find_grids) -> ExtractedDocument:
    """Every page's blocks. Without a text layer anywhere the rendition is `pdf_image` and every
    page is OCRed; otherwise `pdf_text`, and only pages with images but no characters are OCRed.
    `grid_finder` finds a page's grids (bench.pdf_tables passes PyMuPDF's find_tables to compare)."""
    doc = open_pdf(data)
    findings = [Finding("pdf_repaired", REPAIRED_MESSAGE)] if doc.is_repaired else []
    text_layer = has_text_layer(doc)
    per_page: dict[int, list[Block]] = {}
    scanned = []
    for pno in range(1, doc.page_count + 1):
        page = doc[pno - 1]
        if page.rotation:
            page.remove_rotation()
        chars = pdf_text.page_chars(page) if text_layer else []
        if not text_layer or (not chars and page.get_images()):
            scanned.append(pno)
            continue
        grids = grid_finder(page)
        per_page[pno], labels = assemble_page(grids, chars, shape_boxes(page, grids), pno)
        if labels:
            detail = f"p.{pno}: {labels} labels drawn over table cells, emitted after the table"
            findings.append(Finding("drawn_labels", detail, Span(page=pno)))
    if scanned:
        ocr_blocks, ocr_findings = pdf_image.ocr_pages(doc, scanned)
        findings.extend(ocr_findings)
        for block in ocr_blocks:
            per_page.setdefault(block.span.page or 0, []).append(block)
    blocks = tuple(b for pno in sorted(per_page) for b in per_page[pno])
    rendition = pdf_text.RENDITION if text_layer else pdf_image.RENDITION
    return ExtractedDocument(rendition, blocks, pages=doc.page_count, findings=tuple(findings))
