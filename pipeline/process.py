"""One input file's bytes -> its `files` row and the documents it holds, with their records. A pure
function of the bytes (the source path is attached by the caller), so results can be computed in
worker processes and cached by content hash."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from typing import Any

from extractors.blocks import Block, ExtractedDocument, Finding, UnreadableInput
from extractors.detect import unsupported_kind
from normalizers.forms import classify_document, detect_form_in, has_member_list
from pipeline.build.consistency import breakdown_checks, total_checks
from pipeline.build.context import DocContext
from pipeline.build.damaged import damaged_checks
from pipeline.build.dates import build_dates
from pipeline.build.disputed import disputed_checks
from pipeline.build.facts import GroupNameFact, fiscal_year_of, group_name_of
from pipeline.build.items import build_initiatives, build_status
from pipeline.build.members import build_members
from pipeline.build.outcomes import build_outcomes
from pipeline.checks import spec_of
from pipeline.formats import Input, InputFormat, format_of
from pipeline.locate.located import LocatedReport, form_wording
from pipeline.records import Check, Document, DocumentResult, File, FileResult, group_key_of
from pipeline.split.bundle import split_parts
from pipeline.split.parts import Placement, doc_id_of, part_documents
from pipeline.split.tables import set_aside_broken_rows, split_run_on_tables
from pipeline.store.gate import SchemaViolation, validate_result

__all__ = ["NotExtracted", "doc_id_of", "file_result", "process_document", "process_file", "read_input"]

SKIP_MESSAGES = {
    "guidance": "not a 計画（報告）書: guidance material of the programme (slides, notices)",
    "unknown": "not a report of the グループ化推進事業 programme",
}


class NotExtracted(Exception):
    """The input gives no records at all (empty, unreadable, not a format we read); its message
    and status (`failed` or `skipped`) become the documents row's."""

    def __init__(self, message: str, status: str = "failed", source_format: str | None = "text") -> None:
        super().__init__(message)
        self.status = status
        self.source_format = source_format


def read_input(data: bytes) -> tuple[InputFormat, ExtractedDocument]:
    """The input's format and its extracted blocks. Raises NotExtracted with a clear message."""
    if not data:
        raise NotExtracted("empty file (0 bytes)", status="failed")
    source = Input(data)
    spec = format_of(source)
    if spec is None:
        kind = unsupported_kind(data)
        if kind is not None:
            raise NotExtracted(
                f"unsupported file type: {kind}; only PDF and text renditions are read",
                status="skipped",
                source_format=None,
            )
        raise NotExtracted(
            "undecodable text: no reading as UTF-8, UTF-16, UTF-32, CP932 (Shift_JIS) or EUC-JP leaves "
            "it readable; binary or corrupt file"
        )
    try:
        return spec, spec.extract(source)
    except UnreadableInput as error:
        raise NotExtracted(str(error), status="failed", source_format=spec.source_format) from error


def result_without_records(
    data: bytes,
    message: str,
    status: str = "failed",
    source_format: str | None = None,
    place: Placement | None = None,
) -> DocumentResult:
    """A documents row alone: a file (or a part of one) that gives no records, and why."""
    place = place or Placement(doc_id_of(data))
    document = Document(
        doc_id=place.doc_id,
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
        group_key=group_key_of(None, place.doc_id),
        pages=None,
        status=status,
        message=message,
        size_bytes=len(data),
        **_part_columns(place),
    )
    return DocumentResult(document=document)


def _part_columns(place: Placement) -> dict[str, Any]:
    return {
        "part": place.part,
        "page_start": place.page_start,
        "page_end": place.page_end,
        "line_start": place.line_start,
        "line_end": place.line_end,
    }


def file_without_records(
    data: bytes, message: str, status: str = "failed", source_format: str | None = None
) -> FileResult:
    """A file that gives no records (a worker past its limit, an unreadable path), and why."""
    return file_result(data, (result_without_records(data, message, status, source_format),))


def process_file(data: bytes) -> FileResult:
    """The file's row and its documents: one per report (a bundle of reports holds several, each
    read as if it were a file of its own) and one per stretch of other material (`skipped`)."""
    try:
        spec, extracted = read_input(data)
    except NotExtracted as error:
        return file_result(
            data, (result_without_records(data, str(error), error.status, error.source_format),)
        )
    blocks, broken = set_aside_broken_rows(split_run_on_tables(extracted.blocks))
    extracted = replace(extracted, blocks=blocks, findings=extracted.findings + broken)
    parts = part_documents(data, extracted, split_parts(extracted.blocks))
    return file_result(data, tuple(_checked(data, spec, part, place) for part, place in parts))


def file_result(data: bytes, documents: tuple[DocumentResult, ...]) -> FileResult:
    """The `files` row over the documents a file holds: its status is theirs when it holds one;
    a bundle is `ok` when every part is ok or skipped, else `partial` naming the parts."""
    statuses = {r.document.status for r in documents}
    if len(documents) == 1:
        status, message = documents[0].document.status, documents[0].document.message
    elif statuses <= {"ok", "skipped"}:
        status, message = ("ok" if "ok" in statuses else "skipped"), None
    else:
        status = "partial"
        message = "; ".join(
            f"part {r.document.part}: {r.document.status}: {r.document.message}"
            for r in documents
            if r.document.status in ("partial", "failed")
        )
    file = File(
        source_path="",
        file_sha256=hashlib.sha256(data).hexdigest(),
        size_bytes=len(data),
        source_format=documents[0].document.source_format,
        doc_ids=tuple(r.document.doc_id for r in documents),
        duplicate_of=None,
        status=status,
        message=message,
    )
    return FileResult(file=file, documents=documents)


def process_document(data: bytes) -> DocumentResult:
    """The one document of a file that holds one (a bundle raises ValueError): for tests, debugging."""
    documents = process_file(data).documents
    if len(documents) != 1:
        raise ValueError(f"the file holds {len(documents)} documents; use process_file")
    return documents[0]


def _checked(
    data: bytes, spec: InputFormat, extracted: ExtractedDocument, place: Placement
) -> DocumentResult:
    result = build_result(data, spec, extracted, place)
    try:
        validate_result(result)
    except SchemaViolation as error:  # one document's out-of-contract value fails that document only
        return result_without_records(
            data, f"schema gate: {error}", source_format=spec.source_format, place=place
        )
    return result


def build_result(
    data: bytes, spec: InputFormat, extracted: ExtractedDocument, place: Placement | None = None
) -> DocumentResult:
    """The records of one document (a whole file, or one part of a bundle) from its blocks."""
    place = place or Placement(doc_id_of(data))
    all_text = extracted.all_text()
    doc_kind = classify_document(all_text)
    located = spec.locate(extracted)
    fiscal = fiscal_year_of(located.paragraphs, located)
    is_report = doc_kind == "report"
    group = group_name_of(located) if is_report else GroupNameFact(None, None)
    ctx = DocContext(place.doc_id, fiscal.year, group.name)
    checks = [ctx.check(f.check, f.detail, f.span) for f in extracted.findings]
    fact_checks = []
    if group.doubtful is not None:
        detail = f"the group name's end is not told by the print: {group.doubtful.text[:80]!r}; not read"
        fact_checks.append(ctx.check("group_name_unread", detail, group.doubtful.span))
    unread = _unread_findings(extracted.findings)
    form = located.form or detect_form_in(form_wording(all_text, located.items))
    tables: dict[str, tuple[object, ...]] = {}
    status, message = "skipped", SKIP_MESSAGES.get(doc_kind)
    if is_report:
        tables, report_checks = _report_records(ctx, located, extracted.blocks, fiscal.source == "content")
        checks += fact_checks + report_checks
        if fiscal.source == "content":
            detail = (
                f"no title year; fiscal year {fiscal.year} inferred from the period header {fiscal.label!r}"
            )
            checks.append(ctx.check("fiscal_year_inferred", detail))
        if form.spec is None:
            detail = f"the wording fits no registered form version (best score {form.score})"
            checks.append(ctx.check("unknown_form", detail))
        unread = _unread_parts(form.spec is None, form.score, bool(located.items)) + unread
        # every check that leaves part of the report unread: the locator's and the builders'
        unread += [c.detail for c in fact_checks + report_checks if spec_of(c.check).makes_partial]
        if not located.members and has_member_list(all_text):
            unread.append("the 別添1 member list was found but could not be read in this rendition")
    if is_report or (unread and not extracted.blocks):  # nothing read: not known to be a non-report
        status, message = ("partial", "; ".join(unread)) if unread else ("ok", None)
    document = Document(
        doc_id=ctx.doc_id,
        source_path="",
        source_sha256=hashlib.sha256(data).hexdigest(),
        source_format=spec.source_format,
        rendition=extracted.rendition,
        doc_kind=doc_kind,
        fiscal_year=fiscal.year,
        fiscal_year_label=fiscal.label,
        fiscal_year_source=fiscal.source,
        form_version=form.spec.id if (form.spec and is_report) else None,
        form_score=form.score if is_report else None,
        group_name=ctx.group_name,
        group_key=group_key_of(ctx.group_name, ctx.doc_id),
        pages=extracted.pages,
        status=status,
        message=message,
        size_bytes=len(data),
        **_part_columns(place),
        ocr_engines=extracted.ocr_engines,
    )
    return DocumentResult(document=document, checks=tuple(checks), **tables)  # type: ignore[arg-type]


def _unread_parts(unknown_form: bool, score: float, has_items: bool) -> list[str]:
    """Why a report is `partial`, by its parts: a form not recognised, a 取組 table not found."""
    unread = []
    if unknown_form:
        unread.append(f"unknown form version (best score {score}); extracted on a best-effort basis")
    if not has_items:
        unread.append("the 取組 table (取組事項/取組内容) was not found")
    return unread


def _unread_findings(findings: tuple[Finding, ...]) -> list[str]:
    return [f.detail for f in findings if spec_of(f.check).makes_partial]


def _report_records(
    ctx: DocContext, located: LocatedReport, blocks: tuple[Block, ...], year_inferred: bool
) -> tuple[dict[str, tuple[object, ...]], list[Check]]:
    members, checks = build_members(ctx, located.members)
    initiatives = build_initiatives(ctx, located.items)
    status, status_checks = build_status(ctx, located.items)
    built = build_outcomes(ctx, located.outcomes)
    outcomes, outcome_checks = built.outcomes, built.checks
    dates, date_checks = build_dates(ctx, initiatives, status)
    checks += status_checks + outcome_checks + date_checks
    joined = {t.section: t.pages for t in located.outcomes if t.realigned}
    checks += breakdown_checks(ctx, outcomes) + total_checks(ctx, outcomes, joined, built.incomplete_sections)
    checks += [ctx.check(f.check, f.detail, f.span) for f in located.findings]
    checks += damaged_checks(ctx, outcomes, status, members)
    checks += disputed_checks(ctx, outcomes, status, initiatives, members, blocks, located, year_inferred)
    tables = {
        "members": tuple(members),
        "initiatives": tuple(initiatives),
        "status": tuple(status),
        "outcomes": tuple(outcomes),
        "dates": tuple(dates),
    }
    return tables, checks
