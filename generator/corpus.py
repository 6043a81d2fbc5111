"""Write a corpus: every report rendered in each requested rendition, a gold file per rendition
file (`gold/<file name>.gold.json`) and `manifest.json` (file -> form, rendition, seed, truth
summary). File names carry a serial and the content's hash only, never the truth.

Renditions: `tsv_html`, `markdown` (here), and, where `generator.pdf` is present, `pdf_text` (the
PDF itself) and `pdftotext_default`, `pdftotext_noff`, `pdftotext_layout` (poppler's text of it).
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import random
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.gold import gold_of
from generator.invent import make_truth
from generator.layout import make_layout
from generator.render_text import render
from generator.truth import ReportTruth
from generator.wording import FORMS

TEXT_RENDITIONS = ("tsv_html", "markdown")
PDF_TEXT_MODES = {
    "pdftotext_default": "default",
    "pdftotext_noff": "default_noff",
    "pdftotext_layout": "layout",
}
PDF_RENDITIONS = ("pdf_text", *PDF_TEXT_MODES)
# variant -> the rendition the pipeline should detect (documents.rendition)
PIPELINE_RENDITION = {
    "tsv_html": "tsv_html",
    "markdown": "markdown",
    "pdf_text": "pdf_text",
    **{mode: "layout_text" for mode in PDF_TEXT_MODES},
}
HASH_DIGITS = 16


def pdf_available() -> bool:
    return importlib.util.find_spec("generator.pdf") is not None


def available_renditions() -> tuple[str, ...]:
    return TEXT_RENDITIONS + (PDF_RENDITIONS if pdf_available() else ())


@dataclass(frozen=True)
class CorpusSpec:
    seed: int
    count: int
    renditions: tuple[str, ...] = TEXT_RENDITIONS
    forms: tuple[str, ...] = FORMS

    def truths(self) -> Iterable[ReportTruth]:
        """Forms in turn, so every form gets its share; each report its own seed."""
        for index in range(self.count):
            yield make_truth(self.seed * 1_000_000 + index, self.forms[index % len(self.forms)])


@dataclass(frozen=True)
class CorpusFile:
    name: str
    variant: str
    truth: ReportTruth
    markers_lost: bool


def summary(truth: ReportTruth) -> dict[str, Any]:
    return {
        "fiscal_year": truth.fiscal_year,
        "group_name_place": truth.group_name_place,
        "members": len(truth.members),
        "institutions": len(truth.institutions),
        "outcome_style": truth.outcome_style,
        "blank_sections": [s.section for s in truth.outcomes if s.is_blank],
        "bullets": sum(len(i.bullets) for i in truth.items),
        "segmented": all(b.marker for i in truth.items for b in i.bullets),
        "chart": any(i.chart for i in truth.items),
        "dates": len(truth.dates),
        "flaws": list(truth.flaws),
        "title_printed": truth.title_printed,
        "digits": truth.digits,
    }


def file_name(serial: int, data: bytes, suffix: str) -> str:
    return f"{serial:04d}_{hashlib.sha256(data).hexdigest()[:HASH_DIGITS]}{suffix}"


class CorpusWriter:
    def __init__(self, out: Path) -> None:
        self.out = out
        self.written: list[CorpusFile] = []
        (out / "gold").mkdir(parents=True, exist_ok=True)

    def add(
        self, data: bytes, suffix: str, variant: str, truth: ReportTruth, markers_lost: bool = False
    ) -> Path:
        name = file_name(len(self.written), data, suffix)
        path = self.out / name
        path.write_bytes(data)
        gold = gold_of(truth, name, PIPELINE_RENDITION[variant], markers_lost)
        gold["variant"] = variant
        (self.out / "gold" / f"{name}.gold.json").write_text(
            json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
        self.written.append(CorpusFile(name, variant, truth, markers_lost))
        return path

    def manifest(self, spec: CorpusSpec) -> dict[str, Any]:
        files = {
            w.name: {
                "form": w.truth.form,
                "variant": w.variant,
                "rendition": PIPELINE_RENDITION[w.variant],
                "seed": w.truth.seed,
                "markers_lost": w.markers_lost,
                "truth": summary(w.truth),
            }
            for w in self.written
        }
        spec_json = {
            "seed": spec.seed,
            "count": spec.count,
            "renditions": list(spec.renditions),
            "forms": list(spec.forms),
        }
        return {"spec": spec_json, "files": files}


def pdf_options(seed: int) -> Any:
    """How one report is printed: Word-like or 方眼紙 grid, CFF or TrueType font, pages in the
    layout's orientation, all portrait, or portrait with the 別添1 landscape (mixed), tables broken
    across pages at random rows for half of them."""
    from generator.pdf import PdfOptions
    from generator.pdf.options import FONTS

    rng = random.Random(f"pdf:{seed}")
    return PdfOptions(
        style=rng.choice(("word", "word", "grid")),
        font=rng.choice(FONTS),
        orientation=rng.choice(("layout", "layout", "portrait", "mixed")),
        break_seed=seed if rng.random() < 0.5 else None,
    )


def print_pdfs(
    laid_out: Sequence[tuple[ReportTruth, dict[str, Any]]], workdir: Path
) -> list[tuple[ReportTruth, Path]]:
    """Every layout printed to a PDF, in LibreOffice runs of many documents."""
    from generator.pdf import render_pdfs

    placed = [(truth, workdir / f"doc{index:05d}.pdf") for index, (truth, _) in enumerate(laid_out)]
    render_pdfs(
        [
            (layout, path, pdf_options(truth.seed))
            for (truth, layout), (_, path) in zip(laid_out, placed, strict=True)
        ]
    )
    return placed


def write_corpus(spec: CorpusSpec, out: Path) -> dict[str, Any]:
    unknown = set(spec.renditions) - set(available_renditions())
    if unknown:
        raise ValueError(f"renditions not available here: {sorted(unknown)} (have {available_renditions()})")
    writer = CorpusWriter(out)
    pdf_wanted = [v for v in spec.renditions if v in PDF_RENDITIONS]
    laid_out = [(truth, make_layout(truth)) for truth in spec.truths()]
    for truth, layout in laid_out:
        for variant in (v for v in spec.renditions if v in TEXT_RENDITIONS):
            text = render(layout, variant, truth.seed)
            writer.add(text.text.encode("utf-8"), ".txt", variant, truth, text.markers_lost)
    if pdf_wanted:
        from generator.pdf import pdftotext

        with tempfile.TemporaryDirectory(prefix="gencorpus-") as tmp:
            for truth, pdf in print_pdfs(laid_out, Path(tmp)):
                for variant in pdf_wanted:
                    if variant == "pdf_text":
                        writer.add(pdf.read_bytes(), ".pdf", variant, truth)
                    else:
                        printed = pdftotext(pdf, PDF_TEXT_MODES[variant])
                        writer.add(printed.encode("utf-8"), ".txt", variant, truth)
    manifest = writer.manifest(spec)
    (out / "manifest.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    return manifest
