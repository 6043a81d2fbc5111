"""PDF inputs: open and vet the file, then hand it to the extractor `pdf_detect` picks.

Opening problems are raised as `UnreadablePdf` with a message for the documents row; a damaged
file the reader had to repair is extracted and reported through `problem` (status partial).
"""

from __future__ import annotations

import dataclasses

import pymupdf

from extractors import pdf_detect
from extractors.blocks import ExtractedDocument

REPAIRED_MESSAGE = (
    "the PDF is damaged (probably truncated) and was repaired on reading; content may be missing"
)


class UnreadablePdf(ValueError):
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


def extract_pdf(data: bytes) -> ExtractedDocument:
    """Vet the file, then read it with the extractor `pdf_detect` picks (scanned pages are OCRed)."""
    doc = open_pdf(data)
    repaired = bool(doc.is_repaired)
    doc.close()
    extracted = pdf_detect.extract_pdf(data)
    if not repaired:
        return extracted
    problems = [p for p in (extracted.problem, REPAIRED_MESSAGE) if p]
    return dataclasses.replace(extracted, problem="; ".join(problems))
