"""One document's bytes -> its records. A pure function of the bytes (the source path is attached
by the caller), so results can be computed in worker processes and cached by content hash."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field

from extractors import TEXT_EXTRACTORS
from extractors.blocks import ExtractedDocument
from extractors.detect import decode_text, detect_text_rendition, is_pdf
from normalizers.forms import classify_document, detect_form, has_member_list
from pipeline.build.dates import build_dates
from pipeline.build.items import build_initiatives, build_status
from pipeline.build.members import build_members
from pipeline.build.outcomes import build_outcomes
from pipeline.build.consistency import breakdown_checks, total_checks
from pipeline.build.context import DocContext
from pipeline.build.facts import fiscal_year_of, group_name_of
from pipeline.locate.layout import locate_layout
from pipeline.locate.tables import locate_tables
from pipeline.locate.located import LocatedReport
from pipeline.records import Check, DateMention, Document, Initiative, Member, Outcome, StatusSegment
from pipeline.store.gate import SchemaViolation, validate_result

DOC_ID_HEX_DIGITS = 16
LOCATORS: dict[str, Callable[[ExtractedDocument], LocatedReport]] = {"layout_text": locate_layout}
DEFAULT_LOCATOR = locate_tables
# Binary formats we recognise but do not read: (magic bytes, what it is).
UNSUPPORTED_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"PK\x03\x04", "a ZIP container (xlsx/docx/zip)"),
    (b"\xd0\xcf\x11\xe0", "an OLE2 Office file (xls/doc)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
)


@dataclass(frozen=True)
class DocumentResult:
    document: Document
    members: tuple[Member, ...] = ()
    initiatives: tuple[Initiative, ...] = ()
    status: tuple[StatusSegment, ...] = ()
    outcomes: tuple[Outcome, ...] = ()
    dates: tuple[DateMention, ...] = ()
    checks: tuple[Check, ...] = field(default=())


class UnreadableInput(Exception):
    """The input cannot be read at all; its message is the documents row's message."""

    def __init__(self, message: str, status: str = "failed", source_format: str | None = "text") -> None:
        super().__init__(message)
        self.status = status
        self.source_format = source_format


def doc_id_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:DOC_ID_HEX_DIGITS]


def read_document(data: bytes) -> tuple[str, ExtractedDocument]:
    """(source_format, extracted blocks). Raises UnreadableInput with a clear message."""
    if not data:
        raise UnreadableInput("empty file (0 bytes)", status="failed")
    if is_pdf(data):
        from extractors.pdf import UnreadablePdf, extract_pdf  # PDF libraries load only for PDFs

        try:
            return "pdf", extract_pdf(data)
        except UnreadablePdf as error:
            raise UnreadableInput(str(error), status="failed", source_format="pdf") from error
    for magic, what in UNSUPPORTED_MAGIC:
        if data.startswith(magic):
            raise UnreadableInput(
                f"unsupported file type: {what}; only PDF and text renditions are read",
                status="skipped",
                source_format=None,
            )
    decoded = decode_text(data)
    if decoded is None:
        raise UnreadableInput("undecodable text: neither UTF-8 nor CP932 (Shift_JIS); binary or corrupt file")
    rendition = detect_text_rendition(decoded.text)
    return "text", TEXT_EXTRACTORS[rendition](decoded.text)


def failed_result(
    data: bytes, error: UnreadableInput | str, status: str = "failed", source_format: str | None = None
) -> DocumentResult:
    if isinstance(error, UnreadableInput):
        status, source_format = error.status, error.source_format
    document = Document(
        doc_id=doc_id_of(data),
        source_path="",
        source_sha256=hashlib.sha256(data).hexdigest(),
        source_format=source_format,
        rendition=None,
        doc_kind="unknown",
        fiscal_year=None,
        fiscal_year_label=None,
        fiscal_year_source=None,
        form_version=None,
        form_score=None,
        group_name=None,
        pages=None,
        status=status,
        message=str(error),
        size_bytes=len(data),
    )
    return DocumentResult(document=document)


def process_document(data: bytes) -> DocumentResult:
    try:
        source_format, extracted = read_document(data)
    except UnreadableInput as error:
        return failed_result(data, error)
    result = build_result(data, source_format, extracted)
    try:
        validate_result(result)
    except SchemaViolation as error:  # one document's out-of-contract value fails that document only
        return failed_result(data, f"schema gate: {error}", source_format=source_format)
    return result


# Located problems that leave part of a report unread: the document is `partial`.
UNREAD_PROBLEMS = frozenset({"unread_column", "cells_ambiguous"})
SKIP_MESSAGES = {
    "guidance": "not a 計画（報告）書: guidance material of the programme (slides, notices)",
    "unknown": "not a report of the グループ化推進事業 programme",
}


def build_result(data: bytes, source_format: str, extracted: ExtractedDocument) -> DocumentResult:
    all_text = extracted.all_text()
    doc_kind = classify_document(all_text)
    located = LOCATORS.get(extracted.rendition, DEFAULT_LOCATOR)(extracted)
    fiscal = fiscal_year_of(located.paragraphs, located)
    is_report = doc_kind == "report"
    ctx = DocContext(doc_id_of(data), fiscal.year, group_name_of(located) if is_report else None)
    checks = [ctx.check(name, "info", detail) for name, detail in extracted.notes]
    form = detect_form(all_text)
    tables: dict[str, tuple[object, ...]] = {}
    status, message = "skipped", SKIP_MESSAGES.get(doc_kind)
    if is_report:
        tables, report_checks = _report_records(ctx, located)
        checks += report_checks
        if fiscal.source == "content":
            checks.append(
                ctx.check(
                    "fiscal_year_inferred",
                    "info",
                    f"no title year; fiscal year {fiscal.year} "
                    f"inferred from the period header {fiscal.label!r}",
                )
            )
        if form.spec is None:
            checks.append(
                ctx.check(
                    "unknown_form",
                    "warning",
                    f"the wording fits no registered form version (best score {form.score})",
                )
            )
        problems = _report_problems(form.spec is None, form.score, bool(located.items), extracted.problem)
        problems += [detail for name, detail, _ in located.problems if name in UNREAD_PROBLEMS]
        if not located.members and has_member_list(all_text):
            problems.append("the 別添1 member list was found but could not be read in this rendition")
        status, message = ("partial", "; ".join(problems)) if problems else ("ok", None)
    document = Document(
        doc_id=ctx.doc_id,
        source_path="",
        source_sha256=hashlib.sha256(data).hexdigest(),
        source_format=source_format,
        rendition=extracted.rendition,
        doc_kind=doc_kind,
        fiscal_year=fiscal.year,
        fiscal_year_label=fiscal.label,
        fiscal_year_source=fiscal.source,
        form_version=form.spec.id if (form.spec and is_report) else None,
        form_score=form.score if is_report else None,
        group_name=ctx.group_name,
        pages=extracted.pages,
        status=status,
        message=message,
        size_bytes=len(data),
    )
    return DocumentResult(document=document, checks=tuple(checks), **tables)  # type: ignore[arg-type]


def _report_problems(
    unknown_form: bool, score: float, has_items: bool, extraction_problem: str | None
) -> list[str]:
    """Why a report is `partial`: sections that could not be read."""
    problems = []
    if unknown_form:
        problems.append(f"unknown form version (best score {score}); extracted on a best-effort basis")
    if not has_items:
        problems.append("the 取組 table (取組事項/取組内容) was not found")
    if extraction_problem:
        problems.append(extraction_problem)
    return problems


def _report_records(
    ctx: DocContext, located: LocatedReport
) -> tuple[dict[str, tuple[object, ...]], list[Check]]:
    members, checks = build_members(ctx, located.members)
    initiatives = build_initiatives(ctx, located.items)
    status = build_status(ctx, located.items)
    outcomes, outcome_checks = build_outcomes(ctx, located.outcomes)
    dates, date_checks = build_dates(ctx, initiatives, status)
    checks += outcome_checks + date_checks
    checks += breakdown_checks(ctx, outcomes) + total_checks(ctx, outcomes)
    checks += [ctx.check(name, "warning", detail, span) for name, detail, span in located.problems]
    tables = {
        "members": tuple(members),
        "initiatives": tuple(initiatives),
        "status": tuple(status),
        "outcomes": tuple(outcomes),
        "dates": tuple(dates),
    }
    return tables, checks
