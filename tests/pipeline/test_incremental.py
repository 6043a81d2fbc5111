"""Incremental runs: unchanged files are neither parsed nor rewritten, a run commits one version per
table holding only what changed, and the tables always equal a full run over the same archive."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pandas as pd
import pytest
from deltalake import DeltaTable

import pipeline.executors.workers as workers_module
import pipeline.run as run_module
import pipeline.store.cache as cache_module
from pipeline.records import LINKED_TABLES, TABLES
from pipeline.run import run_extract
from pipeline.store.load import load_run
from tests.conftest import ROOT

# The run-level facility tables are small and written whole whenever linking runs (a file came,
# changed or went); every other table is written by key.
KEYED_TABLES = [name for name in TABLES if name not in LINKED_TABLES]
RAW = ROOT / "data" / "raw"
PDFS = ROOT / "tests" / "fixtures" / "pdf"
TSV = RAW / "000_77fec06e79e16c0d.txt"
MARKDOWN = RAW / "001_aa0a80047dfd47e6.txt"


def sorted_tables(output: Path) -> dict[str, pd.DataFrame]:
    """Every table of the latest run, rows in one order (row order is not part of the contract)."""
    tables = load_run(output)
    out = {}
    for name in TABLES:
        frame = tables[name]
        key = [c for c in frame.columns if frame[c].map(lambda v: not isinstance(v, list)).all()]
        out[name] = frame.astype(str).sort_values(key, ignore_index=True)
    return out


def assert_same_as_full_run(archive: Path, output: Path, tmp_path: Path) -> None:
    full = tmp_path / f"full-{len(list(tmp_path.iterdir()))}"
    run_extract(archive, full, workers=0)
    expected, actual = sorted_tables(full), sorted_tables(output)
    for name in TABLES:
        pd.testing.assert_frame_equal(actual[name], expected[name], obj=name)


def data_files(path: Path) -> dict[str, tuple[int, int]]:
    """The table's current data files: path -> (size, mtime in ns)."""
    files = {}
    for uri in DeltaTable(str(path)).file_uris():
        stat = Path(uri).stat()
        files[Path(uri).name] = (stat.st_size, stat.st_mtime_ns)
    return files


def doc_id_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def test_each_kind_of_change_gives_the_full_runs_tables(tmp_path: Path) -> None:
    archive, output = tmp_path / "in", tmp_path / "out"
    shutil.copytree(RAW, archive)
    shutil.copy(PDFS / "r2_tsukubamirai.pdf", archive / "r2.pdf")
    first = run_extract(archive, output, workers=0)
    assert not first.incremental and first.extracted == 6

    steps = [
        lambda: shutil.copy(PDFS / "r3_ami.pdf", archive / "new" / "r3.pdf"),  # added
        lambda: (archive / "r2.pdf").write_bytes((PDFS / "r4_mito.pdf").read_bytes()),  # changed
        lambda: (archive / "002_ea5a7a86fcbe7014.txt").unlink(),  # removed
        lambda: (archive / "003_1d5314b91ff3f58c.txt").rename(archive / "renamed.txt"),  # moved
        lambda: shutil.copy(TSV, archive / "0_copy_first.txt"),  # a copy that sorts first
        lambda: (archive / "0_copy_first.txt").unlink(),  # the copy gone again
        lambda: (archive / "new" / "r3.pdf").write_bytes(b""),  # emptied: a failed file
    ]
    (archive / "new").mkdir()
    for step in steps:
        step()
        summary = run_extract(archive, output, workers=0)
        assert summary.incremental
        assert summary.extracted <= 1  # only the new or changed file was parsed
        assert_same_as_full_run(archive, output, tmp_path)


def test_unchanged_run_commits_a_version_per_table_and_writes_no_data(tmp_path: Path) -> None:
    output = tmp_path / "out"
    first = run_extract(RAW, output, workers=0)
    before = {name: data_files(output / name) for name in TABLES}
    second = run_extract(RAW, output, workers=0)
    assert (second.extracted, second.unchanged) == (0, len(list(RAW.iterdir())))
    assert all(second.table_versions[name] == first.table_versions[name] + 1 for name in TABLES)
    assert {name: data_files(output / name) for name in TABLES} == before


def test_merge_commit_leaves_unchanged_rows_files_untouched(tmp_path: Path) -> None:
    archive, output = tmp_path / "in", tmp_path / "out"
    archive.mkdir()
    shutil.copy(TSV, archive / "a.txt")
    run_extract(archive, output, workers=0)
    first_files = {name: data_files(output / name) for name in TABLES}

    shutil.copy(MARKDOWN, archive / "b.txt")  # an added file: appended, nothing rewritten
    run_extract(archive, output, workers=0)
    second_files = {name: data_files(output / name) for name in TABLES}
    for name in KEYED_TABLES:
        assert first_files[name].items() <= second_files[name].items(), name

    changed = MARKDOWN.read_bytes().replace("在宅医療".encode(), "在宅診療".encode(), 1)
    (archive / "b.txt").write_bytes(changed)  # b changes: only files holding b's rows are replaced
    third = run_extract(archive, output, workers=0)
    assert third.extracted == 1
    for name in KEYED_TABLES:
        now = data_files(output / name)
        assert first_files[name].items() <= now.items(), name  # a's rows: the same files, unwritten
        replaced = set(second_files[name]) - set(now)
        assert replaced == set(second_files[name]) - set(first_files[name]), name
    documents = load_run(output)["documents"]
    assert set(documents["doc_id"]) == {doc_id_of(archive / "a.txt"), doc_id_of(archive / "b.txt")}
    old = load_run(output, run_id=load_run(output)["runs"]["run_id"].iloc[1])["documents"]
    assert doc_id_of(MARKDOWN) in set(old["doc_id"])  # time travel: the run before still loads


def test_cache_hit_does_not_parse(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    archive, output = tmp_path / "in", tmp_path / "out"
    shutil.copytree(RAW, archive)
    run_extract(archive, output, workers=0)
    (archive / "000_77fec06e79e16c0d.txt").rename(archive / "moved.txt")  # new path, same bytes

    def no_parsing(data: bytes) -> object:
        raise AssertionError("parsed a file whose result was in the cache")

    monkeypatch.setattr(workers_module, "process_file", no_parsing)
    summary = run_extract(archive, output, workers=0)
    assert (summary.cache_hits, summary.extracted) == (1, 0)
    moved = next(d for d in summary.documents if d.source_path == "moved.txt")
    assert (moved.status, moved.group_name) == ("ok", "つくばみらい市グループ")


def test_failed_file_is_looked_at_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A failure may come from a limit, not the bytes: the next run reads the file again."""
    archive, output = tmp_path / "in", tmp_path / "out"
    archive.mkdir()
    shutil.copy(TSV, archive / "a.txt")

    def crash(data: bytes) -> object:
        raise RuntimeError("worker trouble")

    with monkeypatch.context() as patch:
        patch.setattr(workers_module, "process_file", crash)
        first = run_extract(archive, output, workers=0)
    assert first.documents[0].status == "failed"
    second = run_extract(archive, output, workers=0)
    assert second.extracted == 1 and second.documents[0].status == "ok"
    assert len(load_run(output)["members"]) == 8


def test_other_code_rewrites_every_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    output = tmp_path / "out"
    run_extract(RAW, output, workers=0)
    before = {name: data_files(output / name) for name in TABLES}
    monkeypatch.setattr(cache_module, "code_fingerprint", lambda: "other-code")
    monkeypatch.setattr(run_module, "code_fingerprint", lambda: "other-code")
    summary = run_extract(RAW, output, workers=0)
    assert not summary.incremental and summary.extracted == len(list(RAW.iterdir()))
    for name in TABLES:
        assert not set(data_files(output / name)) & set(before[name]), name


def test_linking_rewrites_an_unchanged_document_whose_facility_rows_changed(tmp_path: Path) -> None:
    """c (R3) lists `クリニック`, a name any clinic of a's list (R2) could carry: linking raises
    the pairs on c, the newer document. Then b (R4, the same group as a) comes: the pairs' newer
    rows are b's, so the checks move to b and c's rows must be rewritten although c did not change.
    The tables equal a full run's."""
    archive, output = tmp_path / "in", tmp_path / "out"
    archive.mkdir()
    shutil.copy(TSV, archive / "a.txt")
    text = TSV.read_text(encoding="utf-8")
    for old, new in (
        ("令和 2 年度", "令和 3 年度"),
        ("令和2年度", "令和3年度"),
        ("つくばみらい市グループ", "別のグループ"),
    ):
        text = text.replace(old, new)
    (archive / "c.txt").write_text(text.replace("ありま皮膚科クリニック", "クリニック"), encoding="utf-8")
    run_extract(archive, output, workers=0)
    c_id = doc_id_of(archive / "c.txt")
    checks = load_run(output)["checks"]
    assert (checks[checks["check"] == "facility_ambiguous"]["doc_id"] == c_id).sum() >= 2

    shutil.copy(ROOT / "tests" / "fixtures" / "facilities" / "r4_tsukubamirai.txt", archive / "b.txt")
    summary = run_extract(archive, output, workers=0)
    assert summary.extracted == 1  # b only: c's rows were rewritten from the tables, not re-parsed
    checks = load_run(output)["checks"]
    ambiguous = checks[checks["check"] == "facility_ambiguous"]
    assert c_id not in set(ambiguous["doc_id"]) and doc_id_of(archive / "b.txt") in set(ambiguous["doc_id"])
    assert_same_as_full_run(archive, output, tmp_path)
