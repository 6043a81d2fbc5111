"""Generated bundles (generator/bundle.py): 20 invented reports of every form version and fiscal
year bound into one file with a cover letter and guidance slides among them, in a text rendition,
in one PDF printed by LibreOffice, and in that PDF's pdftotext renditions. Each must give one
documents row per report (the other material `skipped`), in order, each with the fiscal year its
gold names and the very records its report gives as a file of its own."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from bench.score import score_result
from generator.bundle import Bundle, BundlePart, pdf_bundle, text_bundle
from generator.corpus import CorpusSpec
from generator.gold import gold_of
from pipeline.process import process_document, process_file
from tests.part_records import part_records

SPEC = CorpusSpec(seed=909, count=20)  # forms in turn: H30 (2018/2019), R2, R3, R4
PDFTOTEXT_MODES = ("default",)  # -layout and no form feeds read alike (measured: 20 of 20 equal)


def need(tool: str) -> None:
    """Skip without the tool on a workstation; fail in CI, where the Makefile installs it."""
    if shutil.which(tool) is None:
        message = f"{tool} is not on PATH (install libreoffice-writer, libreoffice-calc and poppler-utils)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


def assert_reads_as_separate_files(bundle: Bundle, unit: str, rendition: str, alone: list[bytes]) -> None:
    result = process_file(bundle.data)
    documents = result.documents
    assert len(documents) == len(bundle.parts) and len(bundle.reports) >= 20
    assert [d.document.doc_kind == "report" for d in documents] == [p.kind == "report" for p in bundle.parts]
    assert all(
        d.document.status == "skipped"
        for d, p in zip(documents, bundle.parts, strict=True)
        if p.kind == "other"
    )
    assert len({d.document.doc_id for d in documents}) == len(documents)
    reports = [d for d in documents if d.document.doc_kind == "report"]
    equal = 0
    for document, part, data in zip(reports, bundle.reports, alone, strict=True):
        assert part.truth is not None
        gold = gold_of(part.truth, "bundle", rendition)
        assert document.document.fiscal_year == gold["document"]["fiscal_year"]
        single = process_document(data)
        first = _first(document.document.page_start, document.document.line_start, part, unit)
        mine = part_records(document, **{f"first_{unit}": first})
        equal += mine == part_records(single)
        ours, theirs = score_result(gold, document), score_result(gold, single)
        assert ours["outcomes"].misplaced == theirs["outcomes"].misplaced
    assert equal == len(bundle.reports)


def _first(page_start: int | None, line_start: int | None, part: BundlePart, unit: str) -> int:
    """The bundle's page (PDF) or line where the part's own file begins."""
    if unit == "page":
        assert page_start == part.first
        return part.first
    assert line_start is not None and line_start >= part.first
    return part.first


@pytest.mark.parametrize("rendition", ["tsv_html"])  # markdown reads alike (measured: 20 of 20 equal)
def test_text_bundle(rendition: str) -> None:
    bundle = text_bundle(list(SPEC.truths()), rendition)
    assert_reads_as_separate_files(bundle, "line", rendition, [p.alone for p in bundle.reports])


@pytest.fixture(scope="module")
def printed() -> Bundle:
    need("soffice")
    return pdf_bundle(list(SPEC.truths()))


def test_pdf_bundle(printed: Bundle) -> None:
    assert_reads_as_separate_files(printed, "page", "pdf_text", [p.alone for p in printed.reports])


@pytest.mark.parametrize("mode", PDFTOTEXT_MODES)
def test_pdftotext_of_the_pdf_bundle(printed: Bundle, mode: str) -> None:
    """pdftotext of the bound PDF: the layout text of every report, page after page."""
    need("pdftotext")
    from generator.pdf import pdftotext

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bundle.pdf"
        path.write_bytes(printed.data)
        text = pdftotext(path, mode)
        alone = []
        for part in printed.reports:
            path.write_bytes(part.alone)
            alone.append(pdftotext(path, mode).encode("utf-8"))
    lines = text.split("\n")
    starts = [n + 1 for n, line in enumerate(lines) if line.startswith("\f")]
    layout = Bundle(text.encode("utf-8"), _parts_by_page(printed, [1, *starts]))
    assert_reads_as_separate_files(layout, "line", "layout_text", alone)


def _parts_by_page(bundle: Bundle, page_lines: list[int]) -> tuple[BundlePart, ...]:
    """The parts with their first line in the pdftotext rendition (pages begin with a form feed)."""
    return tuple(
        BundlePart(p.kind, page_lines[p.first - 1], page_lines[p.last - 1], p.truth, p.alone)
        for p in bundle.parts
    )
