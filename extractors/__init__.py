"""One module per rendition: input in, neutral blocks with provenance out (see `extractors.blocks`)."""

from __future__ import annotations

from collections.abc import Callable

from extractors import layout_text, markdown, tsv_html
from extractors.blocks import ExtractedDocument

TEXT_EXTRACTORS: dict[str, Callable[[str], ExtractedDocument]] = {
    tsv_html.RENDITION: tsv_html.extract,
    markdown.RENDITION: markdown.extract,
    layout_text.RENDITION: layout_text.extract,
}
