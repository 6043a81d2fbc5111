"""The registry of input formats: how an input is recognised (from its bytes and content, never its
file name), which extractor turns it into blocks, which locator finds the report's parts in those
blocks, and what `documents.source_format` and `documents.rendition` say.

A new format is one extractor module plus one row of `FORMATS`. Rows are tried in order; the
first whose sniffer accepts the input reads it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cached_property

from extractors import layout_text, markdown, pdf_image, pdf_text, tsv_html
from extractors.blocks import ExtractedDocument
from extractors.detect import Decoded, decode_text, is_pdf, unsupported_kind
from extractors.text_decode import decoding_findings
from pipeline.locate.layout import locate_layout
from pipeline.locate.located import LocatedReport
from pipeline.locate.tables import locate_tables


class Input:
    """One input's bytes, with its text decoded once, on first use (None: not decodable text)."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    @cached_property
    def decoded(self) -> Decoded | None:
        """The text, or None for binary data (a format we recognise and do not read, or bytes no
        text encoding reads)."""
        return None if unsupported_kind(self.data) else decode_text(self.data)

    @property
    def text(self) -> str | None:
        return self.decoded.text if self.decoded is not None else None


@dataclass(frozen=True)
class InputFormat:
    name: str
    source_format: str  # documents.source_format
    renditions: tuple[str, ...]  # the documents.rendition values its extractor gives
    sniff: Callable[[Input], bool]
    extract: Callable[[Input], ExtractedDocument]
    locate: Callable[[ExtractedDocument], LocatedReport]


def _extract_pdf(source: Input) -> ExtractedDocument:
    from extractors.pdf import extract_pdf  # PDF libraries load only for PDFs (workers preload them)

    return extract_pdf(source.data)


def _text_sniffer(looks_like: Callable[[str], bool]) -> Callable[[Input], bool]:
    return lambda source: source.text is not None and looks_like(source.text)


def _text_extractor(extract: Callable[[str], ExtractedDocument]) -> Callable[[Input], ExtractedDocument]:
    def read(source: Input) -> ExtractedDocument:
        """The rendition's blocks, with what decoding the bytes changed (replaced bytes, dropped
        control characters) as findings placed on their lines."""
        if source.decoded is None:
            raise ValueError("not a text input")
        extracted = extract(source.decoded.text)
        return replace(extracted, findings=decoding_findings(source.decoded) + extracted.findings)

    return read


def _any_text(text: str) -> bool:
    return True


FORMATS: tuple[InputFormat, ...] = (
    InputFormat(
        name="pdf",
        source_format="pdf",
        renditions=(pdf_text.RENDITION, pdf_image.RENDITION),
        sniff=lambda source: is_pdf(source.data),
        extract=_extract_pdf,
        locate=locate_tables,
    ),
    InputFormat(
        name=tsv_html.RENDITION,
        source_format="text",
        renditions=(tsv_html.RENDITION,),
        sniff=_text_sniffer(tsv_html.looks_like),
        extract=_text_extractor(tsv_html.extract),
        locate=locate_tables,
    ),
    InputFormat(
        name=markdown.RENDITION,
        source_format="text",
        renditions=(markdown.RENDITION,),
        sniff=_text_sniffer(markdown.looks_like),
        extract=_text_extractor(markdown.extract),
        locate=locate_tables,
    ),
    InputFormat(  # no sniffer of its own: any other decodable text
        name=layout_text.RENDITION,
        source_format="text",
        renditions=(layout_text.RENDITION,),
        sniff=_text_sniffer(_any_text),
        extract=_text_extractor(layout_text.extract),
        locate=locate_layout,
    ),
)
LOCATORS: dict[str, Callable[[ExtractedDocument], LocatedReport]] = {
    rendition: spec.locate for spec in FORMATS for rendition in spec.renditions
}
SOURCE_FORMATS = frozenset(spec.source_format for spec in FORMATS)
RENDITIONS = frozenset(LOCATORS)


def format_of(source: Input) -> InputFormat | None:
    return next((spec for spec in FORMATS if spec.sniff(source)), None)


def source_format_of(data: bytes) -> str | None:
    """`pdf` or `text` for an input a format reads, else None (a binary we do not read)."""
    spec = format_of(Input(data))
    return spec.source_format if spec is not None else None
