"""Which PDF extractor reads a file: a text layer -> pdf_text, only images -> pdf_image."""

from __future__ import annotations

from collections.abc import Callable

import pymupdf

from extractors import pdf_image, pdf_text
from extractors.blocks import ExtractedDocument

DEFAULT_MIN_CHARS = 20  # printed (non-space) chars a page needs to count as having a text layer

EXTRACTORS: dict[str, Callable[[bytes], ExtractedDocument]] = {
    pdf_text.RENDITION: pdf_text.extract,
    pdf_image.RENDITION: pdf_image.extract,
}


def has_text_layer(data: bytes, min_chars: int = DEFAULT_MIN_CHARS) -> bool:
    """True when some page has at least `min_chars` printed characters in its text layer.
    (pdf_text hands pages without text but with images to OCR itself.)"""
    with pymupdf.open(stream=data, filetype="pdf") as doc:
        return any(len("".join(page.get_text("text").split())) >= min_chars for page in doc)


def pdf_rendition(data: bytes) -> str:
    return pdf_text.RENDITION if has_text_layer(data) else pdf_image.RENDITION


def extract_pdf(data: bytes) -> ExtractedDocument:
    return EXTRACTORS[pdf_rendition(data)](data)
