"""Linking block by block gives what linking the whole evidence at once gives, and a run that reuses
the blocks an earlier run linked writes the tables a fresh run writes."""

from __future__ import annotations

import itertools
import shutil
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from deltalake import DeltaTable

import pipeline.link.blocks as blocks_module
import pipeline.link.candidates as candidates_module
from pipeline.link.blocks import BLOCKS_DIR, BLOCKS_FILE, BlockResult, blocks, cluster_blocks
from pipeline.link.build import raised_doubts, strongest_links
from pipeline.link.candidates import find_links
from pipeline.link.cluster import cluster
from pipeline.link.evidence import Evidence
from pipeline.link.rows import MEMBER_COLUMNS, OUTCOME_READ_COLUMNS, evidence_of_rows
from pipeline.run import run_extract
from pipeline.store.data_files import read_rows
from pipeline.store.pickled import read_pickle
from tests.conftest import ROOT
from tests.pipeline.test_incremental import assert_same_as_full_run

RAW = ROOT / "data" / "raw"
PDFS = ROOT / "tests" / "fixtures" / "pdf"
FACILITIES = ROOT / "tests" / "fixtures" / "facilities"


def make_archive(folder: Path) -> Path:
    """Reports of several groups and years, in text and PDF: members, outcome-only reports, one
    body printed differently across years."""
    shutil.copytree(RAW, folder)
    for path in sorted(FACILITIES.glob("*.txt")):
        shutil.copy(path, folder / path.name)
    for name in ("r2_tsukubamirai.pdf", "r3_ami.pdf"):
        shutil.copy(PDFS / name, folder / name)
    return folder


def evidence_of(output: Path) -> list[Evidence]:
    return evidence_of_rows(
        [read_rows(DeltaTable(str(output / "members")), list(MEMBER_COLUMNS))],
        [read_rows(DeltaTable(str(output / "outcomes")), list(OUTCOME_READ_COLUMNS))],
    )


def test_blocks_give_the_clustering_of_the_whole_evidence(tmp_path: Path) -> None:
    output = tmp_path / "out"
    run_extract(make_archive(tmp_path / "in"), output, workers=0)
    evidence = evidence_of(output)
    found = blocks(evidence)
    assert len(found) > 1 and sorted(i for block in found for i in block) == list(range(len(evidence)))

    whole = cluster(evidence, *find_links(evidence))
    by_blocks = cluster_blocks(evidence)
    assert by_blocks.groups == whole.groups
    assert strongest_links(by_blocks.accepted) == strongest_links(whole.accepted)
    assert raised_doubts(by_blocks.groups, by_blocks.doubts, evidence) == raised_doubts(
        whole.groups, whole.doubts, evidence
    )
    assert any(len(group) > 1 for group in whole.groups)  # rows were linked across reports


def test_a_run_links_only_the_blocks_that_changed_and_writes_a_fresh_runs_tables(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    archive, output = make_archive(tmp_path / "in"), tmp_path / "out"
    run_extract(archive, output, workers=0)
    linked: list[int] = []
    real_link_block = blocks_module.link_block

    def counted(*args: object, **kwargs: object) -> BlockResult:
        result = real_link_block(*args, **kwargs)  # type: ignore[arg-type]
        linked.append(len(result.groups))  # counted, else as linking does
        return result

    monkeypatch.setattr(blocks_module, "link_block", counted)
    text = (FACILITIES / "r4_ami.txt").read_text(encoding="utf-8")
    next_year = text.replace("令和 4 年度", "令和 5 年度").replace("令和4年度", "令和5年度")
    (archive / "r5_ami.txt").write_text(next_year, encoding="utf-8")  # one more report
    (archive / "r3_koga.txt").unlink()  # and one gone
    summary = run_extract(archive, output, workers=0)
    assert summary.extracted == 1
    everything = len(blocks(evidence_of(output)))
    assert 0 < len(linked) < everything  # the blocks the two reports touch, not every block
    assert_same_as_full_run(archive, output, tmp_path)


def every_pair(evidence: Sequence[Evidence]) -> Iterator[tuple[int, int]]:
    """Every pair under one name key, then every other pair under one phone."""
    for key in sorted({e.key for e in evidence}):
        yield from itertools.combinations([i for i, e in enumerate(evidence) if e.key == key], 2)
    for phone in sorted({e.digits for e in evidence if e.digits}):
        rows = [i for i, e in enumerate(evidence) if e.digits == phone]
        yield from ((i, j) for i, j in itertools.combinations(rows, 2) if evidence[i].key != evidence[j].key)


def test_one_name_and_phone_paired_with_its_first_row_only_links_as_every_pair(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Four years of one group's report (one body in many reports): linking makes the pairs of rows
    of one name key and phone with the first of them only, and decides what every pair decides."""
    archive, output = make_archive(tmp_path / "in"), tmp_path / "out"
    text = (FACILITIES / "r4_ami.txt").read_text(encoding="utf-8")
    for year in (5, 6, 7):
        later = text.replace("令和 4 年度", f"令和 {year} 年度").replace("令和4年度", f"令和{year}年度")
        (archive / f"r{year}_ami.txt").write_text(later, encoding="utf-8")
    run_extract(archive, output, workers=0)
    evidence = evidence_of(output)
    reduced = cluster(evidence, *find_links(evidence))
    monkeypatch.setattr(candidates_module, "_cross_pairs", every_pair)
    full = cluster(evidence, *find_links(evidence))
    assert len(reduced.accepted) < len(full.accepted)
    assert reduced.groups == full.groups
    assert strongest_links(reduced.accepted) == strongest_links(full.accepted)
    assert raised_doubts(reduced.groups, reduced.doubts, evidence) == raised_doubts(
        full.groups, full.doubts, evidence
    )


def kept_blocks(output: Path) -> dict[str, BlockResult]:
    """The block cache's one file: the last run's blocks by key."""
    (path,) = output.glob(f"_cache/*/{BLOCKS_DIR}/{BLOCKS_FILE}")
    found = read_pickle(path)
    assert isinstance(found, dict) and all(isinstance(r, BlockResult) for r in found.values())
    return found


def test_the_block_cache_keeps_only_the_blocks_of_the_last_run(tmp_path: Path) -> None:
    """A later run reuses only blocks of the evidence it starts from: entries of evidence no longer
    in the dataset are dropped, so the cache does not grow with every run. The run's blocks are
    kept in one file, not a file a block (a cold run wrote more files than linking took)."""
    archive, output = make_archive(tmp_path / "in"), tmp_path / "out"
    run_extract(archive, output, workers=0)
    cached = kept_blocks(output)
    assert len(cached) == len(blocks(evidence_of(output)))
    assert not list(output.glob(f"_cache/*/{BLOCKS_DIR}/*/*.pickle"))
    (archive / "r3_koga.txt").unlink()
    run_extract(archive, output, workers=0)
    now = kept_blocks(output)
    assert len(now) == len(blocks(evidence_of(output)))
    assert set(cached) - set(now)  # blocks the gone report was in were dropped
    assert set(now) & set(cached)  # blocks it was not in were kept, and reused
