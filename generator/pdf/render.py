"""Layout documents -> PDFs printed by LibreOffice: `render_pdf` for one, `render_pdfs` for many in
one soffice run (LibreOffice starts once: seconds saved per document)."""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from generator.pdf import ods, odt
from generator.pdf.office import convert, finish
from generator.pdf.options import PdfOptions

DEFAULT_BATCH = 40  # documents per soffice run

Job = tuple[dict[str, Any], Path, PdfOptions]


def source_document(layout: dict[str, Any], options: PdfOptions) -> tuple[str, str]:
    """The flat ODF document LibreOffice prints: (suffix, text)."""
    if options.style == "grid":
        return ".fods", ods.fods(layout, options)
    return ".fodt", odt.fodt(layout, options)


def render_pdf(layout: dict[str, Any], out: Path, options: PdfOptions, producer: str | None = None) -> None:
    render_pdfs([(layout, out, options)], producer)


def render_pdfs(jobs: Sequence[Job], producer: str | None = None, batch: int = DEFAULT_BATCH) -> None:
    """Every (layout, out, options) printed to `out`; the same inputs give the same bytes."""
    for start in range(0, len(jobs), batch):
        chunk = jobs[start : start + batch]
        with tempfile.TemporaryDirectory(prefix="genpdf-") as tmp:
            workdir = Path(tmp)
            (workdir / "src").mkdir()
            sources, texts = [], []
            for n, (layout, _, options) in enumerate(chunk):
                suffix, text = source_document(layout, options)
                source = workdir / "src" / f"doc{n:03d}{suffix}"
                source.write_text(text, encoding="utf-8")
                sources.append(source)
                texts.append(text)
            for pdf, text, (_, out, _) in zip(convert(sources, workdir), texts, chunk, strict=True):
                finish(pdf, Path(out), text, producer)
