"""Bundles built from the seeds and the fixture PDFs: one documents row per report (and one per
stretch of other material, `skipped`), each with the records its report gives as a file of its
own, its own stable doc_id and its page or line range. Generated bundles of 20+ reports:
tests/pipeline/test_generated_bundles.py."""

from __future__ import annotations

import pymupdf
import pytest

from pipeline.process import doc_id_of, process_document, process_file
from pipeline.records import FileResult
from tests.conftest import ROOT
from tests.part_records import part_records

RAW = ROOT / "data" / "raw"
PDFS = ROOT / "tests" / "fixtures" / "pdf"
TSV_R2 = (RAW / "000_77fec06e79e16c0d.txt").read_text(encoding="utf-8")  # 別添1 before the report
TSV_R4 = (RAW / "001_aa0a80047dfd47e6.txt").read_text(encoding="utf-8")
MARKDOWN_H30 = (RAW / "002_ea5a7a86fcbe7014.txt").read_text(encoding="utf-8")
GUIDANCE = (RAW / "004_cc1aa9bd5661404e.txt").read_text(encoding="utf-8")
BODY_START = "## 令和2年度茨城県医療提供施設等グループ化推進事業計画（報告）書"
R2_ANNEX, R2_BODY = TSV_R2[: TSV_R2.index(BODY_START)], TSV_R2[TSV_R2.index(BODY_START) :]
FIXTURES = ["r2_tsukubamirai.pdf", "h30_ryugasaki.pdf", "r4_mito.pdf", "r3_ami.pdf"]


def bundle(texts: list[str]) -> tuple[bytes, list[int]]:
    """The texts one after another, a blank line between; and the line each begins at."""
    lines: list[str] = []
    starts = []
    for text in texts:
        if lines:
            lines.append("")
        starts.append(len(lines) + 1)
        lines += text.rstrip("\n").split("\n")
    return ("\n".join(lines) + "\n").encode("utf-8"), starts


def assert_parts_read_alone(result: FileResult, texts: list[str], starts: list[int]) -> None:
    assert len(result.documents) == len(texts)
    for document, text, start in zip(result.documents, texts, starts, strict=True):
        alone = process_document(text.encode("utf-8"))
        assert part_records(document, first_line=start) == part_records(alone)
        assert document.document.line_start is not None and document.document.line_start >= start


def test_a_text_bundle_gives_each_report_its_own_row() -> None:
    texts = [TSV_R2, TSV_R4, TSV_R2]
    data, starts = bundle(texts)
    result = process_file(data)
    assert_parts_read_alone(result, texts, starts)
    documents = [r.document for r in result.documents]
    assert [d.part for d in documents] == [1, 2, 3]
    assert [d.fiscal_year for d in documents] == [2020, 2022, 2020]
    assert [d.group_name for d in documents] == [
        "つくばみらい市グループ",
        "水戸市・水戸市医師会連携グループ",
    ] * 1 + ["つくばみらい市グループ"]
    ids = [d.doc_id for d in documents]
    assert len(set(ids)) == 3 and doc_id_of(data) not in ids  # two reports alike still get their own id
    assert list(result.file.doc_ids) == ids and result.file.status == "ok"
    assert [d.doc_id for d in (r.document for r in process_file(data).documents)] == ids  # stable
    assert all(d.page_start is None and d.line_end is not None for d in documents)


def test_a_member_list_printed_after_its_report_joins_it() -> None:
    after = R2_BODY + "\n" + R2_ANNEX
    texts = [after, TSV_R4, after]
    data, starts = bundle(texts)
    result = process_file(data)
    assert_parts_read_alone(result, texts, starts)
    assert [len(r.members) for r in result.documents] == [8, 0, 8]


@pytest.mark.parametrize(
    ("texts", "why"),
    [
        ([TSV_R4, R2_ANNEX, TSV_R4], "its fiscal year fits neither report"),
        ([R2_BODY, R2_ANNEX, R2_BODY], "it fits both reports beside it"),
    ],
)
def test_a_member_list_that_cannot_be_paired_stays_apart(texts: list[str], why: str) -> None:
    data, _ = bundle(texts)
    result = process_file(data)
    assert len(result.documents) == 3, why
    first, annex, last = result.documents
    assert not first.members and not last.members
    assert len(annex.members) == 8 and annex.document.status == "partial"
    assert "member_list_unpaired" in {c.check for c in annex.checks}
    assert result.file.status == "partial" and "part 2: partial" in (result.file.message or "")


def test_a_report_without_opening_wording_is_split_with_a_check() -> None:
    """Two H30 reports, the second printed without title, introduction or heading: its 取組 table
    restarts at item 1, so it is a report of its own, and the split says it was inferred."""
    body = MARKDOWN_H30[MARKDOWN_H30.index("| 取組事項") :]
    texts = [MARKDOWN_H30, body]
    data, _ = bundle(texts)
    result = process_file(data)
    assert len(result.documents) == 2
    first, second = result.documents
    assert "split_uncertain" not in {c.check for c in first.checks}
    assert "split_uncertain" in {c.check for c in second.checks}
    assert len(first.status) == len(second.status) == len(process_document(MARKDOWN_H30.encode()).status)


def test_guidance_material_in_a_bundle_is_a_skipped_part() -> None:
    texts = [GUIDANCE, TSV_R2, TSV_R4]
    data, starts = bundle(texts)
    result = process_file(data)
    guidance, *reports = result.documents
    assert (guidance.document.doc_kind, guidance.document.status) == ("guidance", "skipped")
    assert [r.document.fiscal_year for r in reports] == [2020, 2022]
    for document, text, start in zip(reports, texts[1:], starts[1:], strict=True):
        assert part_records(document, first_line=start) == part_records(process_document(text.encode()))


def test_one_report_beside_other_material_keeps_the_files_doc_id() -> None:
    data, _ = bundle([GUIDANCE, TSV_R2])
    guidance, report = process_file(data).documents
    assert report.document.doc_id == doc_id_of(data) != guidance.document.doc_id


def cover_letter() -> pymupdf.Document:
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    lines = [
        "令和4年度医療提供施設等グループ化推進事業計画（報告）書の提出について",
        "茨城県保健医療部医療政策課長 殿",
        "標記について、各グループの計画（報告）書を別紙のとおり提出いたします。",
        "各グループの取組状況については、それぞれの報告書をご参照ください。",
        "担当：地域医療推進グループ",
    ]
    for n, line in enumerate(lines):
        page.insert_text((60, 80 + 24 * n), line, fontname="japan", fontsize=11)
    return doc


def test_a_pdf_bundle_gives_each_report_its_own_row() -> None:
    out = cover_letter()
    firsts = []
    for name in FIXTURES:
        firsts.append(out.page_count + 1)
        out.insert_pdf(pymupdf.open(PDFS / name))
    data = out.tobytes()
    result = process_file(data)
    cover, *reports = result.documents
    assert (cover.document.status, cover.document.page_start, cover.document.page_end) == ("skipped", 1, 1)
    assert len(reports) == len(FIXTURES)
    for document, name, first in zip(reports, FIXTURES, firsts, strict=True):
        alone = process_document((PDFS / name).read_bytes())
        assert part_records(document, first_page=first) == part_records(alone), name
        assert document.document.page_start == first
        assert document.document.pages == alone.document.pages
    assert [r.document.fiscal_year for r in reports] == [2020, 2018, 2022, 2021]


CORPUS = ROOT / "tests" / "corpus"


def test_every_single_report_file_is_one_document() -> None:
    """The seeds and the generated sample's text renditions (pdftotext's layout text included)
    each hold one report: never split, whatever opening wording prints inside them."""
    files = sorted(RAW.iterdir()) + sorted(p for p in CORPUS.iterdir() if p.suffix == ".txt")
    split = {
        p.name: len(docs)
        for p in files
        if (docs := process_file(p.read_bytes()).documents) and len(docs) != 1
    }
    assert len(files) > 40 and not split, split
