"""One frozen dataclass per dataset table (SCHEMA.md v2), and the Arrow schemas derived from them.

Field names, order and nullability are the contract; `arrow_schema` is the only place
types are decided, and `pipeline.store.write` writes nothing else.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import operator
import types
import typing
from dataclasses import dataclass
from typing import Annotated

import pyarrow as pa

INT32 = "int32"
Int32 = Annotated[int, INT32]  # an int stored as Arrow int32
FLOAT32 = "float32"
Float32 = Annotated[float, FLOAT32]  # a float stored as Arrow float32 (positions on the page)
GROUP_KEY_UNNAMED = "(グループ名なし)"  # documents.group_key of a report that prints no group name


@dataclass(frozen=True)
class File:
    """One input file, whatever it holds (SCHEMA v2 `files`)."""

    source_path: str
    file_sha256: str
    size_bytes: int
    source_format: str | None  # null for files that are neither PDF nor text
    doc_ids: tuple[str, ...]  # the documents it holds; a byte-identical copy lists its twin's
    duplicate_of: str | None  # the first path with the same bytes
    status: str
    message: str | None


@dataclass(frozen=True)
class Document:
    doc_id: str
    source_path: str
    source_sha256: str
    source_format: str | None  # null for files that are neither PDF nor text
    rendition: str | None
    doc_kind: str
    fiscal_year: Int32 | None
    fiscal_year_label: str | None
    fiscal_year_source: str | None
    form_version: str | None
    form_score: float | None
    group_name: str | None
    # A non-null key to group by: the printed group name, else GROUP_KEY_UNNAMED (see group_key_of).
    group_key: str
    pages: Int32 | None
    status: str
    message: str | None
    size_bytes: int
    # Where the document sits in its file (a bundle of reports): part 1.. and its page or line range.
    part: Int32 | None = None
    page_start: Int32 | None = None
    page_end: Int32 | None = None
    line_start: Int32 | None = None
    line_end: Int32 | None = None
    # The OCR engines that read the report's scanned pages (name and version); empty when none did.
    ocr_engines: tuple[str, ...] = ()


def group_key_of(group_name: str | None, doc_id: str) -> str:
    """The printed group name; a report that prints none keeps its own key, never merged with
    other unnamed reports: `(グループ名なし) 77fec06e79e16c0d`."""
    return group_name if group_name else f"{GROUP_KEY_UNNAMED} {doc_id}"


@dataclass(frozen=True)
class Member:
    doc_id: str
    fiscal_year: Int32 | None
    group_name: str | None
    page: Int32 | None
    line: Int32 | None  # 1-based line of a text input (null for PDFs): provenance like page
    row_no: Int32
    role: str
    role_label: str | None
    designation: str | None
    designation_label: str | None
    name: str
    facility_name: str
    corporation: str | None
    address: str | None
    municipality: str | None
    phone: str | None
    phone_raw: str | None
    bbox_x0: Float32 | None  # the row's box on `page`, in PDF points from the page's top left
    bbox_y0: Float32 | None
    bbox_x1: Float32 | None
    bbox_y1: Float32 | None
    ocr: bool  # the text came from OCR
    facility_id: str | None = None


@dataclass(frozen=True)
class Initiative:
    doc_id: str
    fiscal_year: Int32 | None
    group_name: str | None
    page: Int32 | None
    line: Int32 | None  # 1-based line of a text input (null for PDFs): provenance like page
    item_no: Int32
    item_theme: str
    item_title: str
    bullet_no: Int32
    marker: str | None
    level: Int32
    text: str


@dataclass(frozen=True)
class StatusSegment:
    doc_id: str
    fiscal_year: Int32 | None
    group_name: str | None
    page: Int32 | None
    line: Int32 | None  # 1-based line of a text input (null for PDFs): provenance like page
    item_no: Int32
    period: str
    period_label: str
    seq: Int32
    marker: str | None
    text: str
    value: float | None
    unit: str | None
    bbox_x0: Float32 | None  # the cell's box on `page`, in PDF points from the page's top left
    bbox_y0: Float32 | None
    bbox_x1: Float32 | None
    bbox_y1: Float32 | None
    ocr: bool  # the text came from OCR


@dataclass(frozen=True)
class Outcome:
    doc_id: str
    fiscal_year: Int32 | None
    group_name: str | None
    page: Int32 | None
    line: Int32 | None  # 1-based line of a text input (null for PDFs): provenance like page
    section: Int32
    row_no: Int32  # the row's place in its 取組効果 table, from 1 (two unnamed rows stay apart)
    metric: str
    institution: str | None
    is_total: bool
    period: str
    period_label: str
    period_fiscal_year: Int32 | None
    value: int | None
    unit: str
    raw: str
    bbox_x0: Float32 | None  # the figure's cell on `page`, in PDF points from the page's top left
    bbox_y0: Float32 | None
    bbox_x1: Float32 | None
    bbox_y1: Float32 | None
    ocr: bool  # the text came from OCR
    facility_id: str | None = None


@dataclass(frozen=True)
class DateMention:
    doc_id: str
    fiscal_year: Int32 | None
    group_name: str | None
    page: Int32 | None
    line: Int32 | None  # 1-based line of a text input (null for PDFs): provenance like page
    source_table: str
    item_no: Int32
    period: str | None
    raw: str
    date_start: dt.date | None
    date_end: dt.date | None
    time_start: str | None
    time_end: str | None
    weekday_printed: str | None
    weekday_ok: bool | None
    year_inferred: bool
    era_out_of_range: bool  # 令和元年4月1日: a date before its era began, resolved arithmetically


@dataclass(frozen=True)
class Check:
    doc_id: str
    fiscal_year: Int32 | None
    group_name: str | None
    page: Int32 | None
    line: Int32 | None  # 1-based line of a text input (null for PDFs): provenance like page
    check: str
    severity: str
    detail: str


@dataclass(frozen=True)
class Facility:
    """One real body across all reports (SCHEMA v2 `facilities`), built by `pipeline.link`; its columns
    are described in `pipeline/store/dictionary.py`."""

    facility_id: str
    name: str
    facility_name: str
    corporation: str | None
    kind: str
    municipality: str | None
    phones: tuple[str, ...]
    names: tuple[str, ...]
    first_fiscal_year: Int32 | None
    last_fiscal_year: Int32 | None
    groups: tuple[str, ...]
    evidence_count: int


@dataclass(frozen=True)
class FacilityMatch:
    """The evidence of each match (SCHEMA v2 `facility_matches`): one row per member row and per
    institution named in outcomes, plus alias rows; columns described in `pipeline/store/dictionary.py`."""

    facility_id: str
    rule: str
    doc_id: str
    fiscal_year: Int32 | None
    group_name: str | None
    page: Int32 | None
    line: Int32 | None
    source_table: str
    row_no: Int32 | None
    name: str
    name_key: str
    kind: str
    phone: str | None
    municipality: str | None
    evidence_id: str
    matched_with: str | None
    score: float | None
    is_anchor: bool
    former_id: str | None


@dataclass(frozen=True)
class Run:
    run_id: str
    started_at: dt.datetime
    finished_at: dt.datetime
    pipeline_version: str
    input_root: str
    documents_total: int
    documents_ok: int
    documents_partial: int
    documents_skipped: int
    documents_failed: int
    table_versions: str  # JSON object: table name -> Delta version committed by this run


@dataclass(frozen=True)
class DocumentResult:
    """One document's row and its records: what `process.process_document` returns."""

    document: Document
    members: tuple[Member, ...] = ()
    initiatives: tuple[Initiative, ...] = ()
    status: tuple[StatusSegment, ...] = ()
    outcomes: tuple[Outcome, ...] = ()
    dates: tuple[DateMention, ...] = ()
    checks: tuple[Check, ...] = ()


@dataclass(frozen=True)
class FileResult:
    """One input file's row and the documents it holds: what `process.process_file` returns."""

    file: File
    documents: tuple[DocumentResult, ...]


TABLES: dict[str, type] = {
    "files": File,
    "documents": Document,
    "members": Member,
    "initiatives": Initiative,
    "status": StatusSegment,
    "outcomes": Outcome,
    "dates": DateMention,
    "checks": Check,
    "facilities": Facility,
    "facility_matches": FacilityMatch,
}
# Tables built over all documents of a run (pipeline.link), not by any one document.
LINKED_TABLES = ("facilities", "facility_matches")
RUNS_TABLE = "runs"

_ARROW_TYPES: dict[object, pa.DataType] = {
    str: pa.string(),
    int: pa.int64(),
    INT32: pa.int32(),
    float: pa.float64(),
    FLOAT32: pa.float32(),
    bool: pa.bool_(),
    dt.date: pa.date32(),
    dt.datetime: pa.timestamp("us", tz="UTC"),
}


def _arrow_field(name: str, hint: object) -> pa.Field:
    nullable = False
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        nullable = len(args) < len(typing.get_args(hint))
        (hint,) = args
    if typing.get_origin(hint) is Annotated:
        hint = typing.get_args(hint)[1]
    if typing.get_origin(hint) is tuple:  # tuple[str, ...]: an Arrow list
        item = typing.get_args(hint)[0]
        return pa.field(
            name, pa.list_(pa.field("item", _ARROW_TYPES[item], nullable=False)), nullable=nullable
        )
    return pa.field(name, _ARROW_TYPES[hint], nullable=nullable)


@functools.cache
def arrow_schema(record_type: type) -> pa.Schema:
    hints = typing.get_type_hints(record_type, include_extras=True)
    return pa.schema([_arrow_field(f.name, hints[f.name]) for f in dataclasses.fields(record_type)])


@functools.cache
def row_values(record_type: type) -> tuple[tuple[str, ...], typing.Callable[[object], tuple[object, ...]]]:
    """The record type's field names, and a function giving a record's values in their order."""
    names = tuple(f.name for f in dataclasses.fields(record_type))
    values = operator.attrgetter(*names)
    return names, (values if len(names) > 1 else lambda record: (values(record),))


def to_arrow(record_type: type, records: typing.Sequence[object]) -> pa.Table:
    """The records as a table of the type's schema. Columns are the records' values transposed in
    C (one attrgetter call a record; a tuple field is an Arrow list as is): a batch of documents
    has hundreds of thousands of values, and this runs in the writer that every worker waits on."""
    schema = arrow_schema(record_type)
    names, values = row_values(record_type)
    columns = zip(*map(values, records), strict=True) if records else ((),) * len(names)
    return pa.Table.from_pydict(dict(zip(names, map(list, columns), strict=True)), schema=schema)
