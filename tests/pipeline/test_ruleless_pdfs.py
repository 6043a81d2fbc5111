"""PDFs whose tables print without their rules (a spreadsheet printed with row borders only, or
with gridlines off): the ruled grid the PDF reader builds cells from is not there. Printed by
LibreOffice from generated reports of every form version; the reader must put no figure, member
or status count in a wrong place, and say the document was not read in full (`partial`)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pymupdf
import pytest

from bench.score import score_result
from extractors.pdf_grid import find_grids
from generator.gold import gold_of
from generator.invent import make_truth
from generator.layout import make_layout
from generator.pdf import PdfOptions, render_pdfs
from generator.wording import FORMS
from pipeline.process import process_document
from pipeline.records import DocumentResult
from tests.generator.test_pdf_render import need

SEED = 7_000_000


@pytest.fixture(scope="module")
def printed() -> list[tuple[str, str, dict, DocumentResult]]:
    """(form, rules, gold, result) for each form version printed with row rules only and with none."""
    need("soffice")
    truths = [make_truth(SEED + n, form) for n, form in enumerate(FORMS)]
    with tempfile.TemporaryDirectory(prefix="ruleless-") as tmp:
        jobs = [
            (make_layout(truth), Path(tmp) / f"{truth.form}-{rules}.pdf", PdfOptions("word", rules=rules))
            for truth in truths
            for rules in ("rows", "none")
        ]
        render_pdfs(jobs)
        out: list[tuple[str, str, dict, DocumentResult]] = []
        for (_, path, options), truth in zip(jobs, [t for t in truths for _ in range(2)], strict=True):
            gold = gold_of(truth, path.name, "pdf_text")
            data = path.read_bytes()
            with pymupdf.open(stream=data, filetype="pdf") as doc:
                assert not [g for page in doc for g in find_grids(page)], f"{path.name} prints ruled cells"
            out.append((truth.form, options.rules, gold, process_document(data)))
    return out


def test_every_form_version_was_printed_without_rules(printed: list) -> None:
    assert {(form, rules) for form, rules, _, _ in printed} == {
        (f, r) for f in FORMS for r in ("rows", "none")
    }


def test_no_figure_member_or_count_in_a_wrong_place(printed: list) -> None:
    for form, rules, gold, result in printed:
        scored = score_result(gold, result)
        where = f"{form} rules={rules}"
        assert scored["outcomes"].misplaced == 0, (where, scored["outcomes"].misses)
        assert scored["outcomes"].precision == 1.0, (where, scored["outcomes"].misses)
        assert scored["members"].precision == 1.0, (where, scored["members"].misses)
        emitted_counts = {(s.item_no, s.period, s.value) for s in result.status if s.value is not None}
        gold_counts = {
            (s["item_no"], s["period"], s["value"]) for s in gold["status"] if s["value"] is not None
        }
        assert emitted_counts <= gold_counts, where


def test_a_report_whose_tables_were_not_read_is_partial(printed: list) -> None:
    for form, rules, _, result in printed:
        assert result.document.status == "partial", (form, rules, result.document.message)
        assert result.document.message, (form, rules)
