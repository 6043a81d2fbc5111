"""The parts of a bundle file as documents of their own: each part's blocks, its findings, where
it sits in the file (part number, page or line range) and its stable doc_id.

A file that gives one part is the file itself: doc_id = first 16 hex digits of the file's SHA-256
and no part columns, as before bundles were read. In a bundle, the one report among other
material keeps that doc_id; otherwise each part's doc_id is derived from the file's SHA-256 and
the part's place (number and range), so re-running gives the same ids.
"""

from __future__ import annotations

import bisect
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, replace

from extractors.blocks import Block, ExtractedDocument, Finding
from pipeline.split.bundle import Part

DOC_ID_HEX_DIGITS = 16


@dataclass(frozen=True)
class Placement:
    """Where a document sits in its file, and its doc_id."""

    doc_id: str
    part: int | None = None
    page_start: int | None = None
    page_end: int | None = None
    line_start: int | None = None
    line_end: int | None = None


def doc_id_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:DOC_ID_HEX_DIGITS]


def part_doc_id(file_sha256: str, place: Placement) -> str:
    if place.page_start is not None:
        where = f"pages {place.page_start}-{place.page_end}"
    else:
        where = f"lines {place.line_start}-{place.line_end}"
    key = f"{file_sha256} part {place.part} {where}"
    return hashlib.sha256(key.encode()).hexdigest()[:DOC_ID_HEX_DIGITS]


def part_documents(
    data: bytes, extracted: ExtractedDocument, parts: Sequence[Part]
) -> list[tuple[ExtractedDocument, Placement]]:
    """Each part as an extracted document of its own, with its placement."""
    if len(parts) <= 1:
        return [(extracted, Placement(doc_id_of(data)))]
    file_sha256 = hashlib.sha256(data).hexdigest()
    reports = [p for p in parts if p.is_report]
    places = []
    for number, part in enumerate(parts, start=1):
        place = _placement(extracted.blocks[part.start : part.end], number)
        keeps_file_id = len(reports) == 1 and part is reports[0]
        doc_id = doc_id_of(data) if keeps_file_id else part_doc_id(file_sha256, place)
        places.append(replace(place, doc_id=doc_id))
    findings = _distributed(extracted.findings, places)
    out = []
    for part, place, own in zip(parts, places, findings, strict=True):
        pages = (
            None
            if place.page_start is None or place.page_end is None
            else place.page_end - place.page_start + 1
        )
        document = ExtractedDocument(
            extracted.rendition,
            extracted.blocks[part.start : part.end],
            pages=pages,
            findings=part.findings + tuple(own),
        )
        out.append((document, place))
    return out


def _placement(blocks: Sequence[Block], number: int) -> Placement:
    pages = [b.span.page for b in blocks if b.span.page is not None]
    lines = [n for b in blocks for n in (b.span.line_start, b.span.line_end) if n is not None]
    return Placement(
        doc_id="",
        part=number,
        page_start=min(pages) if pages else None,
        page_end=max(pages) if pages else None,
        line_start=min(lines) if lines else None,
        line_end=max(lines) if lines else None,
    )


def _distributed(findings: Sequence[Finding], places: Sequence[Placement]) -> list[list[Finding]]:
    """The file's findings by part: one on a page goes to every part printed on that page, one on a
    line to the part holding that line (or the part before it), one without a place to every part."""
    out: list[list[Finding]] = [[] for _ in places]
    page_starts = [p.page_start if p.page_start is not None else 0 for p in places]
    line_starts = [p.line_start if p.line_start is not None else 0 for p in places]
    for finding in findings:
        page, line = finding.span.page, finding.span.line_start
        if page is not None:
            last = max(bisect.bisect_right(page_starts, page) - 1, 0)
            first = last
            while first > 0 and (places[first - 1].page_end or 0) >= page:
                first -= 1
            targets = list(range(first, last + 1))
        elif line is not None:
            targets = [max(bisect.bisect_right(line_starts, line) - 1, 0)]
        else:
            targets = list(range(len(places)))
        for index in targets:
            out[index].append(finding)
    return out
