"""PDF inputs -> neutral blocks. Open and vet the file, then read each page: a text-layer page
by its characters (`pdf_text`), a page that only carries images by OCR (`pdf_image`); both go
through the same page assembly (`pdf_page.assemble_page`) over the grids of their ruling lines.
Pages are read upright whichever way their text runs (`pdf_orientation`).

Opening problems are raised as `UnreadablePdf` with a message for the documents row; a damaged
file the reader had to repair is extracted, with a `pdf_repaired` finding. Bytes appended after
the final `%%EOF` that the document reads the same without are set aside (`pdf_trailing_bytes`).
MuPDF's messages never reach the terminal: they become one `pdf_messages` finding.
"""

from __future__ import annotations

from collections.abc import Callable

import pymupdf

from extractors import pdf_image, pdf_text
from extractors.blocks import Block, ExtractedDocument, Finding, Span, UnreadableInput
from extractors.pdf_grid import Drawings, Grid, find_grids, shape_boxes
from extractors.pdf_page import assemble_page

DEFAULT_MIN_CHARS = 20  # printed (non-space) chars a page needs to count as having a text layer
DEFAULT_QUOTED_MESSAGES = 3  # MuPDF messages quoted in the `pdf_messages` finding
REPAIRED_MESSAGE = (
    "the PDF is damaged (probably truncated) and was repaired on reading; content may be missing"
)
EOF_MARK = b"%%EOF"
GridFinder = Callable[[pymupdf.Page, Drawings], list[Grid]]

# MuPDF's errors and warnings are kept in its message store (read by `reader_messages`), not printed.
pymupdf.TOOLS.mupdf_display_errors(False)
pymupdf.TOOLS.mupdf_display_warnings(False)


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


def after_final_eof(data: bytes) -> bytes:
    """The bytes after the final `%%EOF` and its line end (b"" without such a mark)."""
    end = data.rfind(EOF_MARK)
    if end < 0:
        return b""
    tail = data[end + len(EOF_MARK) :]
    return tail[2:] if tail.startswith(b"\r\n") else tail[1:] if tail[:1] in (b"\r", b"\n") else tail


def open_vetted(data: bytes) -> tuple[pymupdf.Document, list[Finding]]:
    """The document and what opening it found: a repair, or bytes after the final `%%EOF` that
    the document reads the same without (then it is read without them)."""
    doc = open_pdf(data)
    tail = after_final_eof(data)
    set_aside = False
    if tail and doc.is_repaired:
        try:
            trimmed = open_pdf(data[: len(data) - len(tail)])
        except UnreadablePdf:
            trimmed = doc
        if not trimmed.is_repaired:
            reader_messages()  # the repair of the untrimmed file: explained by the finding below
            doc, set_aside = trimmed, True
    if doc.is_repaired:
        return doc, [Finding("pdf_repaired", REPAIRED_MESSAGE)]
    if set_aside or tail.strip():
        detail = (
            f"{len(tail)} bytes after the final %%EOF set aside: the document reads the same without them"
        )
        return doc, [Finding("pdf_trailing_bytes", detail)]
    return doc, []


def reader_messages() -> list[str]:
    """MuPDF's messages since the last call (the store is emptied)."""
    return [line for line in pymupdf.TOOLS.mupdf_warnings(reset=True).splitlines() if line.strip()]


def messages_finding(messages: list[str], quoted: int = DEFAULT_QUOTED_MESSAGES) -> list[Finding]:
    if not messages:
        return []
    shown = "; ".join(repr(m) for m in messages[:quoted])
    more = f" and {len(messages) - quoted} more" if len(messages) > quoted else ""
    return [Finding("pdf_messages", f"{len(messages)} messages of the PDF reader: {shown}{more}")]


ReadPages = dict[int, tuple[pymupdf.Page, pymupdf.TextPage]]


def has_text_layer(
    doc: pymupdf.Document, min_chars: int = DEFAULT_MIN_CHARS, read: ReadPages | None = None
) -> bool:
    """True when some page has at least `min_chars` printed characters in its text layer. `read`
    gets the pages looked at that print any, by index, with their text page (`pdf_text`'s flags,
    made with `/Rotate` set aside), so that their characters are not extracted twice."""
    for page in doc.pages():
        textpage = page.get_textpage(flags=pdf_text.TEXT_FLAGS)
        printed = len("".join(textpage.extractText().split()))
        if printed and read is not None:
            read[page.number] = (page, textpage)
        if printed >= min_chars:
            return True
    return False


def extract_pdf(data: bytes, grid_finder: GridFinder = find_grids) -> ExtractedDocument:
    """Every page's blocks. Without a text layer anywhere the rendition is `pdf_image` and every
    page is OCRed; otherwise `pdf_text`, and only pages with images but no characters are OCRed.
    `grid_finder` finds a page's grids (bench.pdf_tables passes PyMuPDF's find_tables to compare)."""
    reader_messages()  # messages of earlier documents are theirs
    doc, findings = open_vetted(data)
    read: ReadPages = {}
    text_layer = has_text_layer(doc, read=read)
    per_page: dict[int, list[Block]] = {}
    scanned = []
    for pno in range(1, doc.page_count + 1):
        page, textpage = read.pop(pno - 1, None) or (doc[pno - 1], None)
        chars, turn = pdf_text.upright_chars(page, textpage) if text_layer else ([], 0)
        if turn:
            detail = f"p.{pno}: turned {turn}° clockwise to read its text upright"
            findings.append(Finding("page_rotated", detail, Span(page=pno)))
        if not text_layer or (not chars and page.get_images()):
            scanned.append(pno)
            continue
        drawings = page.get_cdrawings()
        grids = grid_finder(page, drawings)
        per_page[pno], labels = assemble_page(grids, chars, shape_boxes(page, grids, drawings), pno)
        if labels:
            detail = f"p.{pno}: {labels} labels drawn over table cells, emitted after the table"
            findings.append(Finding("drawn_labels", detail, Span(page=pno)))
    engines: tuple[str, ...] = ()
    if scanned:
        ocr_blocks, ocr_findings, engines = pdf_image.ocr_pages(doc, scanned)
        findings.extend(ocr_findings)
        for block in ocr_blocks:
            per_page.setdefault(block.span.page or 0, []).append(block)
    findings += messages_finding(reader_messages())
    blocks = tuple(b for pno in sorted(per_page) for b in per_page[pno])
    rendition = pdf_text.RENDITION if text_layer else pdf_image.RENDITION
    return ExtractedDocument(
        rendition, blocks, pages=doc.page_count, findings=tuple(findings), ocr_engines=engines
    )
