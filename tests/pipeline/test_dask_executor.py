"""The Dask executor on a local cluster (two worker processes): the same records as the local
executor, and a document past its time limit fails alone."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from distributed import LocalCluster

from pipeline.executors.workers import Limits
from pipeline.records import TABLES
from pipeline.run import RunError, run_extract
from pipeline.store.load import load_run
from tests.conftest import ROOT

RAW = ROOT / "data" / "raw"
PDFS = ROOT / "tests" / "fixtures" / "pdf"
SEED_TSV = RAW / "000_77fec06e79e16c0d.txt"
SLOW_REPEATS = 1500  # the seed report this many times over: about 14 s of work, 7x the 2 s limit


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        yield cluster.scheduler_address


def test_dask_gives_the_local_executors_records(scheduler: str, tmp_path: Path) -> None:
    archive = tmp_path / "in"
    shutil.copytree(RAW, archive)
    for name in ("r3_ami.pdf", "r4_mito.pdf"):
        shutil.copy(PDFS / name, archive / name)
    (archive / "empty.txt").write_bytes(b"")
    local = run_extract(archive, tmp_path / "local", workers=2)
    remote = run_extract(archive, tmp_path / "dask", executor="dask", scheduler=scheduler)
    assert remote.extracted == local.extracted == 8
    a, b = load_run(tmp_path / "local"), load_run(tmp_path / "dask")
    for name in TABLES:
        assert len(a[name]) == local.rows[name]
        assert a[name].equals(b[name]), name


def test_dask_document_past_time_limit_fails_alone(scheduler: str, tmp_path: Path) -> None:
    archive = tmp_path / "in"
    archive.mkdir()
    (archive / "slow.txt").write_bytes(SEED_TSV.read_bytes() * SLOW_REPEATS)
    shutil.copy(SEED_TSV, archive / "ok.txt")
    summary = run_extract(
        archive, tmp_path / "out", executor="dask", scheduler=scheduler, limits=Limits(timeout_s=2.0)
    )
    by_path = {d.source_path: d for d in summary.documents}
    assert (by_path["slow.txt"].status, by_path["slow.txt"].message) == (
        "failed",
        "time limit exceeded (2 s) while extracting",
    )
    assert by_path["ok.txt"].status == "ok"


def test_dask_needs_a_scheduler(tmp_path: Path) -> None:
    with pytest.raises(RunError, match="--scheduler"):
        run_extract(RAW, tmp_path / "out", executor="dask")
