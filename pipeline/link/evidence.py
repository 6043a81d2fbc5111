"""What linking reads: one piece of evidence per member row and per institution named in a
document's outcomes, with the keys it is compared on."""

from __future__ import annotations

import dataclasses
import functools
import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from normalizers.facility_names import facility_key, group_match_key, kind_of_key
from normalizers.names import split_corporation
from normalizers.phone import phone_digits, phone_exchange
from pipeline.records import DocumentResult, Member, Outcome

# A row a facility_id is written on: (doc_id, "members", row_no) or (doc_id, "outcomes", institution
# as printed). Every outcome row naming one institution in one document carries one facility_id.
RowRef = tuple[str, str, int | str]
ID_PREFIX = "fac_"
ID_HEX_DIGITS = 12
DEFAULT_KEYS_CACHED = 65536


def hash_id(text: str) -> str:
    return ID_PREFIX + hashlib.sha256(text.encode("utf-8")).hexdigest()[:ID_HEX_DIGITS]


@dataclass(frozen=True, slots=True)  # one per member row and named institution: no __dict__ each
class Evidence:
    ref: RowRef
    fiscal_year: int | None
    group_name: str | None
    group_key: str | None  # the printed group name as a key (group_match_key)
    page: int | None
    line: int | None
    row_no: int | None
    name: str  # as printed
    facility_name: str
    corporation: str | None
    key: str
    kind: str
    phone: str | None
    digits: str | None
    exchange: str | None
    municipality: str | None
    ocr: bool
    # The other names an outcome-only report without a group name prints (sorted keys): what
    # tells two such reports apart in `signature`. Empty for members and for named groups.
    listed_with: str = ""
    # ref's first two parts as attributes of their own: linking reads them for every pair it
    # compares (millions of times on a large archive), where a property costs a call each
    doc_id: str = dataclasses.field(init=False, repr=False, compare=False)
    source_table: str = dataclasses.field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "doc_id", self.ref[0])
        object.__setattr__(self, "source_table", self.ref[1])

    @property
    def label(self) -> str:
        """How a row is named in facility_matches.matched_with: `<doc_id> members 3`."""
        return f"{self.ref[0]} {self.ref[1]} {self.ref[2]}"

    @property
    def signature(self) -> str:
        """The evidence itself, the same in every rendition of a report and every run."""
        if self.source_table == "members":
            return f"{self.kind}|{self.key}|tel:{self.digits or ''}|{self.municipality or ''}"
        group = self.group_key or f"with:{self.listed_with}"
        return f"{self.kind}|{self.key}|group:{group}|fy:{self.fiscal_year or ''}"

    @property
    def evidence_id(self) -> str:
        return hash_id(self.signature)

    @property
    def founding_text(self) -> str:
        """What a facility founded on this row is named after: its kind and phone (the part least
        changed by a new spelling or an OCR slip), else the whole signature."""
        return f"{self.kind}|tel:{self.digits}" if self.digits else self.signature


@functools.lru_cache(maxsize=DEFAULT_KEYS_CACHED)
def _name_keys(name: str) -> tuple[str, str]:
    """(key, kind) of a printed name: one computation per distinct printing in a run."""
    key = facility_key(name)
    return key, kind_of_key(key)


@functools.lru_cache(maxsize=DEFAULT_KEYS_CACHED)
def _phone_keys(phone: str | None) -> tuple[str | None, str | None]:
    return phone_digits(phone), phone_exchange(phone)


def _member_evidence(m: Member) -> Evidence:
    return member_evidence(
        m.doc_id, m.fiscal_year, m.group_name, m.page, m.line, m.row_no, m.name, m.facility_name,
        m.corporation, m.phone, m.municipality, m.ocr,
    )  # fmt: skip


def member_evidence(
    doc_id: str,
    fiscal_year: int | None,
    group_name: str | None,
    page: int | None,
    line: int | None,
    row_no: int,
    name: str,
    facility_name: str,
    corporation: str | None,
    phone: str | None,
    municipality: str | None,
    ocr: bool,
) -> Evidence:
    """The evidence of one member row, from its columns (`MEMBER_COLUMNS`, in that order)."""
    return _evidence(
        (doc_id, "members", row_no), fiscal_year, group_name, page, line, row_no,
        name, facility_name, corporation, phone, municipality, ocr,
    )  # fmt: skip


def _evidence(
    ref: RowRef,
    fiscal_year: int | None,
    group_name: str | None,
    page: int | None,
    line: int | None,
    row_no: int,
    name: str,
    facility_name: str,
    corporation: str | None,
    phone: str | None,
    municipality: str | None,
    ocr: bool,
) -> Evidence:
    """A row's evidence (a member row's or an outcome institution's), its keys computed from its
    name, phone and group name."""
    key, kind = _name_keys(name)
    digits, exchange = _phone_keys(phone)
    return Evidence(
        ref=ref,
        fiscal_year=fiscal_year,
        group_name=group_name,
        group_key=group_match_key(group_name),
        page=page,
        line=line,
        row_no=row_no,
        name=name,
        facility_name=facility_name,
        corporation=corporation,
        key=key,
        kind=kind,
        phone=phone,
        digits=digits,
        exchange=exchange,
        municipality=municipality,
        ocr=ocr,
    )


def _outcome_evidence(o: Outcome, institution: str) -> Evidence:
    return outcome_evidence(
        o.doc_id, o.fiscal_year, o.group_name, o.page, o.line, o.row_no, institution, o.ocr
    )


def outcome_evidence(
    doc_id: str,
    fiscal_year: int | None,
    group_name: str | None,
    page: int | None,
    line: int | None,
    row_no: int,
    institution: str,
    ocr: bool,
) -> Evidence:
    """The evidence of an institution named in a document's outcomes, from its first row."""
    corporation, facility = split_corporation(institution)
    return _evidence(
        (doc_id, "outcomes", institution), fiscal_year, group_name, page, line, row_no,
        institution, facility, corporation, None, None, ocr,
    )  # fmt: skip


def collect_evidence(documents: Iterable[DocumentResult]) -> list[Evidence]:
    """Every member row, and every institution named in outcomes (once per document, at its first
    row), in a stable order: by doc_id, table, row. Rows whose name has no key are left out."""
    found: dict[RowRef, Evidence] = {}
    for result in documents:
        for member in result.members:
            evidence = _member_evidence(member)
            found.setdefault(evidence.ref, evidence)
        for outcome in sorted(result.outcomes, key=lambda o: (o.section, o.row_no)):
            if outcome.institution and not outcome.is_total:
                ref: RowRef = (outcome.doc_id, "outcomes", outcome.institution)
                if ref not in found:
                    found[ref] = _outcome_evidence(outcome, outcome.institution)
    return finish_evidence(found.values())


def finish_evidence(found: Iterable[Evidence]) -> list[Evidence]:
    """Evidence (one per row reference) with each document's context, rows without a key left out,
    in the stable order linking numbers them by: doc_id, table, row."""
    rows = list(found)
    keys_by_doc: dict[str, set[str]] = defaultdict(set)
    for e in rows:
        keys_by_doc[e.doc_id].add(e.key)
    kept = [_with_context(e, keys_by_doc[e.doc_id]) for e in rows if e.key]
    return sorted(kept, key=evidence_order)


def evidence_order(e: Evidence) -> tuple[str, str, int, str]:
    return (e.ref[0], e.ref[1], e.row_no or 0, str(e.ref[2]))


def _with_context(e: Evidence, keys_of_doc: set[str]) -> Evidence:
    if e.source_table != "outcomes" or e.group_key:
        return e
    return dataclasses.replace(e, listed_with="+".join(sorted(keys_of_doc - {e.key, ""})))
