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

from pipeline.link.build import build_checks, build_facility, build_matches
from pipeline.link.candidates import find_links
from pipeline.link.cluster import cluster
from pipeline.link.evidence import RowRef, collect_evidence
from pipeline.link.ids import History, assign_ids
from pipeline.records import Check, DocumentResult, Facility, FacilityMatch, FileResult, to_arrow


@dataclass(frozen=True)
class Linked:
    files: list[FileResult]  # the run's files with facility_id filled in and the checks added
    facilities: list[Facility]
    matches: list[FacilityMatch]
    facility_ids: dict[RowRef, str]  # every row that carries a facility_id -> that id
    checks: dict[str, tuple[Check, ...]]  # doc_id -> the checks this stage added to it

    def tables(self) -> dict[str, pa.Table]:
        return {
            "facilities": to_arrow(Facility, self.facilities),
            "facility_matches": to_arrow(FacilityMatch, self.matches),
        }


def _with_ids(result: DocumentResult, ids: Mapping[RowRef, str], checks: Sequence[Check]) -> DocumentResult:
    doc_id = result.document.doc_id
    members = tuple(
        dataclasses.replace(m, facility_id=ids.get((doc_id, "members", m.row_no))) for m in result.members
    )
    outcomes = tuple(
        dataclasses.replace(o, facility_id=ids.get((doc_id, "outcomes", o.institution)))
        if o.institution and not o.is_total
        else o
        for o in result.outcomes
    )
    return dataclasses.replace(
        result, members=members, outcomes=outcomes, checks=result.checks + tuple(checks)
    )


def link_facilities(files: Sequence[FileResult], history: History | None = None) -> Linked:
    """Link every member and outcome institution of the run's documents into facilities."""
    documents = [d for f in files for d in f.documents]
    evidence = collect_evidence(documents)
    links, doubts = find_links(evidence)
    clustering = cluster(evidence, links, doubts)
    ids, aliases = assign_ids(clustering.groups, evidence, history or History())
    facility_ids = {
        evidence[i].ref: fid for fid, group in zip(ids, clustering.groups, strict=True) for i in group
    }
    by_doc: dict[str, list[Check]] = defaultdict(list)
    for check in build_checks(ids, clustering, evidence):
        by_doc[check.doc_id].append(check)
    linked_files = [
        dataclasses.replace(
            f,
            documents=tuple(
                _with_ids(d, facility_ids, by_doc.get(d.document.doc_id, ())) for d in f.documents
            ),
        )
        for f in files
    ]
    facilities = sorted(
        (build_facility(fid, group, evidence) for fid, group in zip(ids, clustering.groups, strict=True)),
        key=lambda f: f.facility_id,
    )
    return Linked(
        files=linked_files,
        facilities=facilities,
        matches=build_matches(ids, clustering, evidence, aliases),
        facility_ids=facility_ids,
        checks={doc_id: tuple(c) for doc_id, c in sorted(by_doc.items())},
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
