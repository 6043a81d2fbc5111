"""The linking stage of a run: every document's members and outcome institutions -> facilities,
their evidence, facility_id on the rows, and checks for pairs left apart. Runs after all
documents are processed (it needs every report) and before the tables are built; per-document
results stay a pure function of the bytes.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pyarrow as pa

from pipeline.link.blocks import BlockCache, cluster_blocks
from pipeline.link.build import build_checks, build_facility, build_matches
from pipeline.link.evidence import Evidence, RowRef, collect_evidence
from pipeline.link.ids import History, assign_ids
from pipeline.records import Check, DocumentResult, Facility, FacilityMatch, FileResult, to_arrow


@dataclass(frozen=True)
class Links:
    """What linking decides over a set of documents."""

    facilities: list[Facility]
    matches: list[FacilityMatch]
    facility_ids: dict[RowRef, str]  # every row that carries a facility_id -> that id
    checks: dict[str, tuple[Check, ...]]  # doc_id -> the checks linking raises on it

    def tables(self) -> dict[str, pa.Table]:
        return {
            "facilities": to_arrow(Facility, self.facilities),
            "facility_matches": to_arrow(FacilityMatch, self.matches),
        }


@dataclass(frozen=True)
class Linked(Links):
    files: list[FileResult] = dataclasses.field(default_factory=list)  # with ids and checks applied


def member_facility_id(ids: Mapping[RowRef, str], doc_id: str, row_no: int) -> str | None:
    return ids.get((doc_id, "members", row_no))


def outcome_facility_id(
    ids: Mapping[RowRef, str], doc_id: str, institution: str | None, is_total: bool
) -> str | None:
    """Every outcome row naming one institution in one document carries its facility_id."""
    return ids.get((doc_id, "outcomes", institution)) if institution and not is_total else None


def apply_links(result: DocumentResult, links: Links) -> DocumentResult:
    """The document's records with facility_id on its rows and linking's checks added."""
    doc_id, ids = result.document.doc_id, links.facility_ids
    members = tuple(
        dataclasses.replace(m, facility_id=member_facility_id(ids, doc_id, m.row_no)) for m in result.members
    )
    outcomes = tuple(
        dataclasses.replace(o, facility_id=outcome_facility_id(ids, doc_id, o.institution, o.is_total))
        for o in result.outcomes
    )
    checks = result.checks + links.checks.get(doc_id, ())
    return dataclasses.replace(result, members=members, outcomes=outcomes, checks=checks)


def link_documents(documents: Sequence[DocumentResult], history: History | None = None) -> Links:
    """Link every member and outcome institution of these documents into facilities."""
    return link_evidence(collect_evidence(documents), history)


def link_evidence(
    evidence: Sequence[Evidence], history: History | None = None, cache: BlockCache | None = None
) -> Links:
    """Link evidence (`collect_evidence`'s: one per row reference, in its order) into facilities,
    block by block (`blocks`); `cache`: blocks linked by an earlier run, reused where unchanged."""
    clustering = cluster_blocks(evidence, cache)
    ids, aliases = assign_ids(clustering.groups, evidence, history or History())
    facility_ids = {
        evidence[i].ref: fid for fid, group in zip(ids, clustering.groups, strict=True) for i in group
    }
    by_doc: dict[str, list[Check]] = defaultdict(list)
    for check in build_checks(ids, clustering, evidence):
        by_doc[check.doc_id].append(check)
    facilities = sorted(
        (build_facility(fid, group, evidence) for fid, group in zip(ids, clustering.groups, strict=True)),
        key=lambda f: f.facility_id,
    )
    return Links(
        facilities=facilities,
        matches=build_matches(ids, clustering, evidence, aliases),
        facility_ids=facility_ids,
        checks={doc_id: tuple(c) for doc_id, c in sorted(by_doc.items())},
    )


def link_facilities(files: Sequence[FileResult], history: History | None = None) -> Linked:
    """Link the files' documents, and the files with the ids and checks applied."""
    links = link_documents([d for f in files for d in f.documents], history)
    linked_files = [
        dataclasses.replace(f, documents=tuple(apply_links(d, links) for d in f.documents)) for f in files
    ]
    return Linked(
        **{field.name: getattr(links, field.name) for field in dataclasses.fields(Links)}, files=linked_files
    )


def facility_id_changes(
    before: Mapping[RowRef, str], after: Mapping[RowRef, str]
) -> dict[RowRef, str | None]:
    """The rows whose facility_id differs between two runs (None: the row no longer has one), for
    a writer that rewrites only changed rows: (doc_id, "members", row_no) and (doc_id,
    "outcomes", institution as printed), every outcome row naming that institution."""
    changed: dict[RowRef, str | None] = {ref: fid for ref, fid in after.items() if before.get(ref) != fid}
    changed.update({ref: None for ref in before if ref not in after})
    return changed
