"""Facility linking inside an incremental run: the evidence of every document the run keeps (the
rows of unchanged documents from the tables, the rest from staging), linked as one, then written
where it changed.

Linking needs every report, so it takes the evidence of the whole dataset: of the documents the last
run had, from the evidence it kept (`evidence_store`; the tables, a few columns and a batch at a
time, only for a document it lacks), of the others from staging. It links again only the blocks of
evidence that changed (`blocks`), and writes only what it changes:
- the staged documents' members and outcomes get their facility_id, and their checks linking's
  `facility_ambiguous` rows, on their way from staging to the tables (`with_facility_ids`);
- an unchanged document whose facility ids or linking checks differ from what the tables hold is
  rewritten in the tables where they differ, and only there: its members or outcomes rows given
  their new facility ids, its checks rows their new linking checks, read back
  (`DatasetLinks.rewritten`). Which ids differ is found in `facility_matches` (a row's facility_id
  is its evidence row's there), so the members and outcomes tables are read back only for the
  documents rewritten, and the checks table only in its linking checks;
- `facilities` and `facility_matches` are rewritten for the facilities whose rows changed (all of
  a facility's rows, by facility_id), against the tables the last run recorded, compared in Arrow
  (a text of each row), not a Python object per row.
When no document came, changed or went, nothing can link otherwise and linking does not run.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
from deltalake import DeltaTable

from pipeline.link.blocks import BlockCache
from pipeline.link.evidence import evidence_order
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
CHECK_COLUMNS = tuple(arrow_schema(TABLES["checks"]).names)
_SEPARATOR, _NULL = "\x1f", "\x00"  # between a row's values, and a null, in its text (`_row_texts`)
# what names an evidence row in facility_matches (members: by row_no; outcomes: by the institution)
_EVIDENCE_ROW = ("doc_id", "source_table", "row_no", "name")


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
    evidence linked by earlier runs (`blocks.BlockCache`), not linked again, and the evidence of
    the documents the last run had (`evidence_store`), not read from the tables again."""
    now = frozenset(d.doc_id for d in documents)
    kept = now - staging.doc_ids
    if previous is not None and not staging.doc_ids and set(previous.documents) == now:
        return None
    old = previous if previous is not None and kept else None
    left_out = frozenset(set(previous.documents) - kept) if previous is not None else frozenset()
    known = cache.evidence.load() if cache is not None and old is not None else {}
    stored = frozenset(kept & known.keys())  # kept documents whose evidence the last run kept

    def parts(name: str, columns: Sequence[str]) -> Iterator[pa.Table]:
        yield from _staged_parts(staging, name, columns)
        if old is not None and kept - stored:
            yield from _kept_parts(output, old, name, columns, left_out | stored)

    evidence = evidence_of_rows(parts("members", MEMBER_COLUMNS), parts("outcomes", OUTCOME_READ_COLUMNS))
    pa.default_memory_pool().release_unused()  # the batches read are gone: Arrow's allocator gives them back
    if stored:
        evidence = sorted([*evidence, *(e for doc_id in stored for e in known[doc_id])], key=evidence_order)
    del known
    if cache is not None:
        cache.evidence.save(now, evidence)
    links = link_evidence(evidence, read_history(output), cache)
    tables = links.tables()
    before = {name: _recorded(output, previous, name) for name in LINKED_TABLES} if previous else {}
    keys = {name: _changed_facilities(before.get(name), tables[name]) for name in LINKED_TABLES}
    if old is None:
        return DatasetLinks(links, {name: frozenset() for name in REWRITTEN_TABLES}, {}, tables, keys)
    matches = (before["facility_matches"], tables["facility_matches"])
    changed = _relinked_documents(output, old, links, kept, left_out, matches)
    rows = {name: _documents_rows(output, old, name, changed[name]) for name in REWRITTEN_TABLES}
    rewritten = {name: with_facility_ids(name, rows[name], links) for name in LINKED_COLUMNS_TABLES}
    checks = rows["checks"]
    rewritten["checks"] = _with_link_checks(
        checks.filter(pc.not_equal(checks.column("check"), LINK_CHECK)), links, changed["checks"]
    ).cast(arrow_schema(TABLES["checks"]))
    return DatasetLinks(links, changed, rewritten, tables, keys)


def _recorded(output: Path, previous: PreviousRun, name: str) -> pa.Table:
    """A facility table as the last run recorded it."""
    return read_rows(DeltaTable(str(table_path(output, name)), version=previous.versions[name]))


def _escaped(text: pa.Array | pa.ChunkedArray) -> pa.Array | pa.ChunkedArray:
    """Text in which the separator and the null mark cannot occur (`\\` doubled, then the two
    marks spelt with it): values joined by the separator are split back one way only."""
    for mark, spelt in (("\\", "\\\\"), (_SEPARATOR, "\\s"), (_NULL, "\\0")):
        text = pc.replace_substring(text, mark, spelt)
    return text


def _list_text(column: pa.ChunkedArray) -> pa.ChunkedArray:
    """A list column's values as text: the count of items, then each item escaped."""
    chunks = []
    for chunk in column.chunks:
        lengths = pc.fill_null(chunk.value_lengths(), 0)
        offsets = pa.concat_arrays([pa.array([0], pa.int32()), pc.cumulative_sum(lengths).cast(pa.int32())])
        items = pa.ListArray.from_arrays(
            offsets, _escaped(chunk.flatten().cast(pa.string())), mask=chunk.is_null()
        )
        chunks.append(
            pc.binary_join_element_wise(lengths.cast(pa.string()), pc.binary_join(items, _SEPARATOR), ":")
        )
    return pa.chunked_array(chunks, pa.string())


def _row_texts(rows: pa.Table) -> pa.ChunkedArray:
    """Each row as one string of its columns' values, escaped and joined: two rows are equal
    exactly where their texts are, compared in Arrow rather than as a Python object a row."""
    parts = []
    for column in rows.columns:
        text = _list_text(column) if pa.types.is_list(column.type) else _escaped(column.cast(pa.string()))
        parts.append(pc.fill_null(text, _NULL))
    return pc.binary_join_element_wise(*parts, _SEPARATOR)


def _row_counts(rows: pa.Table, key: str) -> pa.Table:
    """(key, row text) -> how many such rows."""
    texts = pa.table({key: rows.column(key), "row": _row_texts(rows)})
    return texts.group_by([key, "row"], use_threads=False).aggregate([("row", "count")])


def _changed_keys(before: pa.Table, now: pa.Table, key: str) -> frozenset[str]:
    """The keys whose rows differ as multisets (order aside) between two tables of one schema."""
    joined = _row_counts(before.select(now.column_names), key).join(
        _row_counts(now, key), [key, "row"], join_type="full outer", left_suffix="_a", right_suffix="_b"
    )
    a, b = joined.column("row_count_a"), joined.column("row_count_b")
    differ = pc.fill_null(pc.not_equal(a, b), True)  # a row on one side only
    return frozenset(pc.unique(pc.filter(joined.column(key), differ)).to_pylist())


def _changed_facilities(before: pa.Table | None, now: pa.Table) -> frozenset[str] | None:
    """The facility_ids whose rows in a facility table differ from, or are missing in, the version
    the last run recorded; None without a last run."""
    return None if before is None else _changed_keys(before, now, "facility_id")


def _relinked_documents(
    output: Path,
    previous: PreviousRun,
    links: Links,
    kept: frozenset[str],
    left_out: frozenset[str],
    matches: tuple[pa.Table, pa.Table],
) -> dict[str, frozenset[str]]:
    """Per table, the kept documents whose rows there differ from what the table holds (members and
    outcomes: facility ids; checks: linking's checks). A member or outcome row's facility_id is its
    evidence row's in facility_matches, so the ids are compared there (`matches`: the last run's
    and this run's), without reading the members and outcomes tables; the checks are read only
    where they are linking's."""
    changed = _ids_changed(*matches, kept)
    now_checks = _link_checks(links, frozenset(kept & set(links.checks))).select(list(CHECK_COLUMNS))
    old_checks = pa.concat_tables(
        [now_checks.schema.empty_table(), *_kept_link_checks(output, previous, left_out)],
        promote_options="permissive",
    )
    changed["checks"] = _changed_keys(old_checks, now_checks, "doc_id")
    return changed


def _ids_changed(before: pa.Table, now: pa.Table, kept: frozenset[str]) -> dict[str, frozenset[str]]:
    """Per table (members, outcomes), the kept documents one of whose evidence rows has another
    facility_id in `now`'s matches than in `before`'s (or is on one side only)."""
    values = pa.array(sorted(kept), pa.string())

    def ids(matches: pa.Table) -> pa.Table:
        rows = matches.filter(
            pc.and_(
                pc.is_null(matches.column("former_id")), pc.is_in(matches.column("doc_id"), value_set=values)
            )
        )
        return rows.select([*_EVIDENCE_ROW, "facility_id"])

    joined = ids(before).join(
        ids(now), list(_EVIDENCE_ROW), join_type="full outer", left_suffix="_a", right_suffix="_b"
    )
    a, b = joined.column("facility_id_a"), joined.column("facility_id_b")
    differ = pc.fill_null(pc.not_equal(a, b), True)
    rows = joined.filter(differ)
    found: dict[str, frozenset[str]] = {}
    for name in LINKED_COLUMNS_TABLES:
        of_table = rows.filter(pc.equal(rows.column("source_table"), name))
        found[name] = frozenset(pc.unique(of_table.column("doc_id")).to_pylist())
    return found


def _kept_link_checks(output: Path, previous: PreviousRun, left_out: frozenset[str]) -> Iterator[pa.Table]:
    """The linking checks the last run recorded, but for the documents `left_out`: each data file
    read only in its linking checks rows (a filter Parquet applies while reading)."""
    values = pa.array(sorted(left_out), pa.string())
    table = DeltaTable(str(table_path(output, "checks")), version=previous.versions["checks"])
    only = pc.field("check") == LINK_CHECK
    for uri in table.file_uris():
        part = pq.read_table(uri, columns=list(CHECK_COLUMNS), filters=only)
        yield part.filter(pc.invert(pc.is_in(part.column("doc_id"), value_set=values)))


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
