"""Records for linking tests: documents with member rows and outcome institutions, as
`process_file` would return them, without going through an extractor."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from normalizers.names import split_corporation
from normalizers.phone import normalize_phone
from pipeline.records import Document, DocumentResult, File, FileResult, Member, Outcome, group_key_of


@dataclass(frozen=True)
class Row:
    name: str
    municipality: str | None = None
    phone: str | None = None


def doc_id_for(label: str) -> str:
    return hashlib.sha256(label.encode("utf-8")).hexdigest()[:16]


def member(
    doc_id: str, year: int | None, group: str | None, row_no: int, row: Row, ocr: bool = False
) -> Member:
    corporation, facility = split_corporation(row.name)
    return Member(
        doc_id=doc_id,
        fiscal_year=year,
        group_name=group,
        page=None,
        line=row_no + 10,
        row_no=row_no,
        role="participant",
        role_label=None,
        designation=None,
        designation_label=None,
        name=row.name,
        facility_name=facility,
        corporation=corporation,
        address=row.municipality,
        municipality=row.municipality,
        phone=normalize_phone(row.phone) if row.phone else None,
        phone_raw=row.phone,
        bbox_x0=None,
        bbox_y0=None,
        bbox_x1=None,
        bbox_y1=None,
        ocr=ocr,
    )


def outcome(
    doc_id: str, year: int | None, group: str | None, row_no: int, institution: str | None
) -> Outcome:
    return Outcome(
        doc_id=doc_id,
        fiscal_year=year,
        group_name=group,
        page=None,
        line=100 + row_no,
        section=1,
        row_no=row_no,
        metric="patients",
        institution=institution,
        is_total=institution is None,
        period="actual",
        period_label="実績",
        period_fiscal_year=None,
        value=row_no,
        unit="名",
        raw=f"{row_no}名",
        bbox_x0=None,
        bbox_y0=None,
        bbox_x1=None,
        bbox_y1=None,
        ocr=False,
    )


def report(
    label: str,
    year: int | None,
    group: str | None,
    members: list[Row] = (),  # type: ignore[assignment]
    institutions: list[str] = (),  # type: ignore[assignment]
    ocr: bool = False,
) -> FileResult:
    """One file holding one report with these member rows and outcome institutions (and a total)."""
    doc_id = doc_id_for(label)
    document = Document(
        doc_id=doc_id,
        source_path=f"{label}.txt",
        source_sha256=doc_id * 4,
        source_format="text",
        rendition="tsv_html",
        doc_kind="report",
        fiscal_year=year,
        fiscal_year_label=None,
        fiscal_year_source="title",
        form_version="R4",
        form_score=1.0,
        group_name=group,
        group_key=group_key_of(group, doc_id),
        pages=None,
        status="ok",
        message=None,
        size_bytes=1,
    )
    rows = tuple(member(doc_id, year, group, n, r, ocr) for n, r in enumerate(members, start=1))
    figures = [outcome(doc_id, year, group, n, name) for n, name in enumerate(institutions, start=1)]
    if institutions:
        figures.append(outcome(doc_id, year, group, len(institutions) + 1, None))
    result = DocumentResult(document=document, members=rows, outcomes=tuple(figures))
    file = File(f"{label}.txt", doc_id * 4, 1, "text", (doc_id,), None, "ok", None)
    return FileResult(file=file, documents=(result,))
