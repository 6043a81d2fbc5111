"""Facility linking inside an incremental run: the evidence of every document the run keeps (the
rows of unchanged documents from the tables, the rest from staging), linked as one, then written
where it changed.

Linking needs every report, so it reads the evidence of the whole dataset (a few columns, a batch at
a time), but links again only the blocks of evidence that changed (`blocks`), and writes only what
it changes:
- the staged documents' members and outcomes get their facility_id, and their checks linking's
  `facility_ambiguous` rows, on their way from staging to the tables (`with_facility_ids`);
- an unchanged document whose facility ids or linking checks differ from what the tables hold is
  rewritten in the tables where they differ, and only there: its members or outcomes rows given
  their new facility ids, its checks rows their new linking checks, read back
  (`DatasetLinks.rewritten`);
- `facilities` and `facility_matches` are rewritten for the facilities whose rows changed (all of
  a facility's rows, by facility_id), against the tables the last run recorded.
When no document came, changed or went, nothing can link otherwise and linking does not run.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
from deltalake import DeltaTable

from pipeline.link.blocks import BlockCache
from pipeline.link.history import read_history
from pipeline.link.rows import MEMBER_COLUMNS, OUTCOME_READ_COLUMNS, evidence_of_rows
from pipeline.link.stage import Links, link_evidence, member_facility_id, outcome_facility_id
from pipeline.records import LINKED_TABLES, TABLES, Check, Document, arrow_schema, to_arrow
from pipeline.store.data_files import read_rows
from pipeline.store.previous import PreviousRun
from pipeline.store.staging import Staging
from pipeline.store.write import table_path

LINKED_COLUMNS_TABLES = ("members", "outcomes")  # the tables whose rows carry facility_id
REWRITTEN_TABLES = ("members", "outcomes", "checks")  # what linking may change for a document
LINK_CHECK = "facility_ambiguous"
MEMBER_ID_COLUMNS = ("doc_id", "row_no", "facility_id")  # what a member row's facility_id depends on
OUTCOME_ID_COLUMNS = ("doc_id", "institution", "is_total", "facility_id")
CHECK_COLUMNS = tuple(arrow_schema(TABLES["checks"]).names)
FACILITY_ROWS_PER_BATCH = 4096  # facility rows turned into Python at a time, to compare them


@dataclass(frozen=True)
class DatasetLinks:
    links: Links
    rewritten_ids: dict[str, frozenset[str]]  # per table, unchanged documents whose rows there changed
    rewritten: dict[str, pa.Table]  # their members / outcomes / checks rows, as they now are
    facility_tables: dict[str, pa.Table]  # `facilities` and `facility_matches` as linking made them
    # per facility table, the facility_ids whose rows differ from the last run's (None: no last run)
    facility_keys: dict[str, frozenset[str] | None]

    def tables(self) -> dict[str, pa.Table]:
        return self.facility_tables


def _kept_parts(
    output: Path, previous: PreviousRun, name: str, columns: Sequence[str], left_out: frozenset[str]
) -> Iterator[pa.Table]:
    """Some columns of the rows the last run recorded in `name`, but for the documents `left_out`,
    a batch at a time (file by file, in the version's order): memory holds one batch, not the
    table."""
    values = pa.array(sorted(left_out), pa.string())
    table = DeltaTable(str(table_path(output, name)), version=previous.versions[name])
    for uri in table.file_uris():
        for batch in pq.ParquetFile(uri).iter_batches(columns=list(columns)):
            part = pa.Table.from_batches([batch])
            yield part.filter(pc.invert(pc.is_in(part.column("doc_id"), value_set=values)))


def _documents_rows(output: Path, previous: PreviousRun, name: str, doc_ids: frozenset[str]) -> pa.Table:
    """Every column of the rows of these documents in the version of `name` the last run recorded."""
    table = DeltaTable(str(table_path(output, name)), version=previous.versions[name])
    schema = arrow_schema(TABLES[name])
    if not doc_ids:
        return schema.empty_table()
    values = pa.array(sorted(doc_ids), pa.string())
    parts = []
    for uri in table.file_uris():
        part = pq.read_table(uri, filters=pc.field("doc_id").isin(values))
        parts.append(part.select(schema.names).cast(schema))
    return pa.concat_tables(parts) if parts else schema.empty_table()


def _staged_parts(staging: Staging, name: str, columns: Sequence[str]) -> Iterator[pa.Table]:
    for batch in staging.reader(name):
        yield pa.Table.from_batches([batch]).select(list(columns))


def link_dataset(
    output: Path,
    previous: PreviousRun | None,
    staging: Staging,
    documents: Sequence[Document],
    cache: BlockCache | None = None,
) -> DatasetLinks | None:
    """Linking over the run's documents; None when nothing came, changed or went since the last run
    (its facilities stand as they are). The tables are read a batch at a time and only in the
    columns linking reads; no record is built for a row that is not evidence. `cache`: blocks of
    evidence linked by earlier runs (`blocks.BlockCache`), not linked again."""
    now = frozenset(d.doc_id for d in documents)
    kept = now - staging.doc_ids
    if previous is not None and not staging.doc_ids and set(previous.documents) == now:
        return None
    old = previous if previous is not None and kept else None
    left_out = frozenset(set(previous.documents) - kept) if previous is not None else frozenset()

    def parts(name: str, columns: Sequence[str]) -> Iterator[pa.Table]:
        yield from _staged_parts(staging, name, columns)
        if old is not None:
            yield from _kept_parts(output, old, name, columns, left_out)

    evidence = evidence_of_rows(parts("members", MEMBER_COLUMNS), parts("outcomes", OUTCOME_READ_COLUMNS))
    pa.default_memory_pool().release_unused()  # the batches read are gone: Arrow's allocator gives them back
    links = link_evidence(evidence, read_history(output), cache)
    tables = links.tables()
    keys = {name: _changed_facilities(output, previous, name, tables[name]) for name in LINKED_TABLES}
    if old is None:
        return DatasetLinks(links, {name: frozenset() for name in REWRITTEN_TABLES}, {}, tables, keys)
    changed = _relinked_documents(output, old, links, kept, left_out)
    rows = {name: _documents_rows(output, old, name, changed[name]) for name in REWRITTEN_TABLES}
    rewritten = {name: with_facility_ids(name, rows[name], links) for name in LINKED_COLUMNS_TABLES}
    checks = rows["checks"]
    rewritten["checks"] = _with_link_checks(
        checks.filter(pc.not_equal(checks.column("check"), LINK_CHECK)), links, changed["checks"]
    ).cast(arrow_schema(TABLES["checks"]))
    return DatasetLinks(links, changed, rewritten, tables, keys)


def _changed_facilities(
    output: Path, previous: PreviousRun | None, name: str, now: pa.Table
) -> frozenset[str] | None:
    """The facility_ids whose rows in a facility table differ from (or are missing in) the version
    the last run recorded; None without a last run."""
    if previous is None:
        return None
    table = DeltaTable(str(table_path(output, name)), version=previous.versions[name])
    before = read_rows(table).select(now.column_names)

    def by_facility(rows: pa.Table) -> dict[str, list[bytes]]:
        """Each facility's rows as digests, a batch at a time: memory holds one batch's rows."""
        found: dict[str, list[bytes]] = {}
        for batch in rows.to_batches(max_chunksize=FACILITY_ROWS_PER_BATCH):
            columns = [column.to_pylist() for column in batch.columns]
            for key, row in zip(
                batch.column("facility_id").to_pylist(), zip(*columns, strict=True), strict=True
            ):
                found.setdefault(key, []).append(hashlib.sha256(repr(row).encode()).digest())
        return {key: sorted(values) for key, values in found.items()}

    a, b = by_facility(before), by_facility(now)
    return frozenset(key for key in set(a) | set(b) if a.get(key) != b.get(key))


def _relinked_documents(
    output: Path, previous: PreviousRun, links: Links, kept: frozenset[str], left_out: frozenset[str]
) -> dict[str, frozenset[str]]:
    """Per table, the kept documents whose rows there differ from what the table holds (members and
    outcomes: facility ids; checks: linking's checks), found from a few columns read a batch at a
    time."""
    changed: dict[str, frozenset[str]] = {}
    for name, columns in (("members", MEMBER_ID_COLUMNS), ("outcomes", OUTCOME_ID_COLUMNS)):
        found: set[str] = set()
        for part in _kept_parts(output, previous, name, columns, left_out):
            found |= _facility_ids_changed(part, with_facility_ids(name, part, links))
        changed[name] = frozenset(found)
    now_checks = _link_checks(links, frozenset(kept & set(links.checks))).select(list(CHECK_COLUMNS))
    old_checks = pa.concat_tables(
        [now_checks.schema.empty_table()]
        + [_link_rows(part) for part in _kept_parts(output, previous, "checks", CHECK_COLUMNS, left_out)],
        promote_options="permissive",
    )
    changed["checks"] = frozenset(_changed_documents(old_checks, now_checks))
    return changed


def _facility_ids_changed(before: pa.Table, after: pa.Table) -> set[str]:
    """Documents whose member / outcome rows got another facility_id. `after` is `before` with its
    facility_id column replaced (`with_facility_ids`): same rows, same order, nothing else changed."""
    if before.num_rows == 0:
        return set()
    old_ids, new_ids = before.column("facility_id"), after.column("facility_id")
    differ = pc.or_(
        pc.fill_null(pc.not_equal(old_ids, new_ids), False),
        pc.not_equal(pc.is_null(old_ids), pc.is_null(new_ids)),
    )
    return set(pc.filter(before.column("doc_id"), differ).to_pylist())


def _link_rows(checks: pa.Table) -> pa.Table:
    """The linking checks among a table of checks rows (the only checks linking changes)."""
    return checks.filter(pc.equal(checks.column("check"), LINK_CHECK))


def _changed_documents(before: pa.Table, after: pa.Table) -> set[str]:
    """Documents whose rows of this table differ (order within a document aside)."""

    def by_doc(table: pa.Table) -> dict[str, list[tuple[Any, ...]]]:
        rows: dict[str, list[tuple[Any, ...]]] = {}
        for row in table.to_pylist():
            rows.setdefault(row["doc_id"], []).append(tuple(sorted(row.items(), key=lambda kv: kv[0])))
        return {k: sorted(v, key=repr) for k, v in rows.items()}

    a, b = by_doc(before), by_doc(after)
    return {doc_id for doc_id in set(a) | set(b) if a.get(doc_id) != b.get(doc_id)}


def _link_checks(links: Links, doc_ids: frozenset[str]) -> pa.Table:
    checks: list[Check] = [c for doc_id in sorted(doc_ids) for c in links.checks.get(doc_id, ())]
    return to_arrow(TABLES["checks"], checks)


def _with_link_checks(checks: pa.Table, links: Links, doc_ids: frozenset[str]) -> pa.Table:
    """A documents' checks rows (linking's own left out) with linking's checks now, by doc_id."""
    return pa.concat_tables([checks, _link_checks(links, doc_ids)]).sort_by("doc_id")


def with_facility_ids(name: str, table: pa.Table, links: Links) -> pa.Table:
    """members / outcomes rows with their facility_id from the links; other tables as they are."""
    if name not in LINKED_COLUMNS_TABLES or table.num_rows == 0:
        return table
    ids: Mapping[Any, str] = links.facility_ids
    doc_ids = table.column("doc_id").to_pylist()
    if name == "members":
        values = [
            member_facility_id(ids, d, r)
            for d, r in zip(doc_ids, table.column("row_no").to_pylist(), strict=True)
        ]
    else:
        values = [
            outcome_facility_id(ids, d, i, bool(t))
            for d, i, t in zip(
                doc_ids,
                table.column("institution").to_pylist(),
                table.column("is_total").to_pylist(),
                strict=True,
            )
        ]
    index = table.schema.get_field_index("facility_id")
    return table.set_column(index, table.schema.field(index), pa.array(values, pa.string()))


def staged_with_links(name: str, staging: Staging, linking: DatasetLinks | None) -> Iterator[pa.RecordBatch]:
    """A table's staged rows on their way to the table: with facility ids and linking's checks for
    the staged documents, then the rewritten rows of unchanged documents."""
    reader = staging.reader(name)
    if linking is None:
        yield from reader
        return
    for batch in reader:
        yield from with_facility_ids(name, pa.Table.from_batches([batch]), linking.links).to_batches()
    if name == "checks":
        yield from _link_checks(linking.links, frozenset(staging.doc_ids)).to_batches()
    if name in linking.rewritten:
        yield from linking.rewritten[name].to_batches()
