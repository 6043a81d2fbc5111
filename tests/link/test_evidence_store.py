"""The evidence a run links is kept per document (`pipeline/link/evidence_store.py`), and a later
run takes the documents it keeps from there: it reads back from the tables no member or outcome
row of an unchanged document to link."""

from __future__ import annotations

import shutil
from pathlib import Path

from deltalake import DeltaTable

from pipeline.link.blocks import BLOCKS_DIR, BlockCache
from pipeline.link.evidence import evidence_order
from pipeline.run import run_extract
from pipeline.store.cache import CACHE_DIR, code_fingerprint
from pipeline.store.data_files import read_rows
from pipeline.store.pickled import write_pickle
from tests.link.test_link_blocks import PDFS, evidence_of, make_archive
from tests.pipeline.test_incremental import assert_same_as_full_run


def store_of(output: Path) -> BlockCache:
    return BlockCache(output / CACHE_DIR / code_fingerprint() / BLOCKS_DIR)


def member_ids(output: Path, doc_id: str) -> list[str | None]:
    rows = read_rows(DeltaTable(str(output / "members")), ["doc_id", "facility_id"]).to_pylist()
    return [r["facility_id"] for r in rows if r["doc_id"] == doc_id]


def test_a_run_keeps_every_documents_evidence_as_the_tables_give_it(tmp_path: Path) -> None:
    archive, output = make_archive(tmp_path / "in"), tmp_path / "out"
    summary = run_extract(archive, output, workers=0)
    kept = store_of(output).evidence.load()
    assert set(kept) == {d.doc_id for d in summary.documents}  # evidence or none, every document
    assert sorted((e for rows in kept.values() for e in rows), key=evidence_order) == evidence_of(output)


def test_a_later_run_takes_the_kept_documents_evidence_from_the_store(tmp_path: Path) -> None:
    archive, output = make_archive(tmp_path / "in"), tmp_path / "out"
    run_extract(archive, output, workers=0)
    store = store_of(output).evidence
    kept = store.load()
    doc_id = next(d for d, rows in kept.items() if any(e.source_table == "members" for e in rows))
    assert all(member_ids(output, doc_id))
    # the store says this unchanged document has no evidence: a run that reads its rows back from
    # the tables would link them again; a run that takes the store's word leaves them unlinked
    write_pickle(store.path, {**kept, doc_id: ()})
    shutil.copy(PDFS / "r4_mito.pdf", archive / "r4.pdf")
    assert run_extract(archive, output, workers=0).extracted == 1
    assert not any(member_ids(output, doc_id))


def test_runs_that_take_evidence_from_the_store_write_a_fresh_runs_tables(tmp_path: Path) -> None:
    archive, output = make_archive(tmp_path / "in"), tmp_path / "out"
    run_extract(archive, output, workers=0)
    shutil.copy(PDFS / "r4_mito.pdf", archive / "r4.pdf")
    run_extract(archive, output, workers=0)
    next(p for p in sorted(archive.iterdir()) if p.suffix == ".txt").unlink()
    run_extract(archive, output, workers=0)
    assert_same_as_full_run(archive, output, tmp_path)
