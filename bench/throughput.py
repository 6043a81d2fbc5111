"""`make bench` (N=400; `make bench N=4000` for the large run): extract throughput on a synthetic
archive (`bench.archive`), against the floor of bare PyMuPDF measured in the same run.

Runs, each in a process of its own (`bench.run_once`), on one output folder:
  cold       every file extracted
  unchanged  the same archive again
  changed    5% of the files given new bytes
  added      5% more files
and, on min(N, 400) files into fresh outputs without the cache, 1 worker against 2.

Per run: documents/s and PDF pages/s over the whole archive, the run's time as a multiple of the
floor (PyMuPDF `page.get_text()` on every PDF page, reading and decoding each text file, in this
process), the peak RSS and the peak PSS summed over the run's process tree (RSS counts the pages
workers share with the run's process once per worker; PSS once: `bench.rss`), and the bytes its commits wrote
against the dataset's size. The machine is shared and noisy: compare ratios, not seconds.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pymupdf

from bench.archive import build_archive, change_files, ensure_reports
from bench.rss import peak_memory_of
from pipeline.records import TABLES

DEFAULT_COUNT = 400
DEFAULT_WORKERS = 2
DEFAULT_SCALING_FILES = 400
CHANGED_SHARE = 0.05
MB = 1024 * 1024


@dataclass(frozen=True)
class Floor:
    seconds: float
    pages: int
    files: int


@dataclass(frozen=True)
class Measured:
    name: str
    seconds: float  # the run's own time
    process_seconds: float  # with the interpreter's start-up and imports
    peak_rss: int
    peak_pss: int  # each page shared after fork counted once (bench.rss)
    extracted: int
    written: int  # bytes of data files the run's commits added
    dataset: int  # bytes of the dataset's data files after the run


def measure_floor(root: Path) -> Floor:
    """Bare PyMuPDF text extraction of every PDF page; reading and decoding every text file."""
    pymupdf.TOOLS.mupdf_display_errors(False)
    pages = files = 0
    start = time.perf_counter()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        data = path.read_bytes()
        files += 1
        if data.startswith(b"%PDF"):
            with pymupdf.open(stream=data, filetype="pdf") as doc:
                for page in doc:
                    page.get_text()
                    pages += 1
        else:
            data.decode("utf-8", errors="replace")
    return Floor(time.perf_counter() - start, pages, files)


def _commit_bytes(output: Path, versions: dict[str, int]) -> tuple[int, int]:
    """(bytes the versions' commits added, bytes of the tables' data files at those versions)."""
    from deltalake import DeltaTable

    written = dataset = 0
    for name, version in versions.items():
        log = output / name / "_delta_log" / f"{version:020d}.json"
        for line in log.read_text(encoding="utf-8").splitlines():
            action = json.loads(line)
            if "add" in action:
                written += int(action["add"]["size"])
        dataset += sum(
            Path(uri).stat().st_size for uri in DeltaTable(str(output / name), version).file_uris()
        )
    return written, dataset


def run(name: str, archive: Path, output: Path, workers: int, no_cache: bool = False) -> Measured:
    command = [sys.executable, "-m", "bench.run_once", "--input", str(archive), "--output", str(output)]
    command += ["--workers", str(workers)] + (["--no-cache"] if no_cache else [])
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak, pss = peak_memory_of(process)
    out, err = process.communicate()
    if process.returncode != 0:
        raise SystemExit(f"{name} run failed:\n{err}")
    result = json.loads(out.strip().splitlines()[-1])
    written, dataset = _commit_bytes(output, {k: v for k, v in result["versions"].items() if k in TABLES})
    return Measured(
        name, result["seconds"], time.perf_counter() - start, peak, pss, result["extracted"], written, dataset
    )


def added_count(count: int) -> int:
    return max(1, round(count * CHANGED_SHARE))


def print_table(floor: Floor, documents: int, runs: list[Measured]) -> None:
    cold = runs[0].seconds
    print(
        f"{'run':<10} {'extracted':>9} {'seconds':>8} {'% cold':>7} {'docs/s':>8} {'pages/s':>8} "
        f"{'x floor':>8} {'peak RSS':>9} {'peak PSS':>9} {'written':>9} {'% data':>7}"
    )
    for m in runs:
        print(
            f"{m.name:<10} {m.extracted:>9} {m.seconds:>8.2f} {100 * m.seconds / cold:>6.1f}% "
            f"{documents / m.seconds:>8.1f} {floor.pages / m.seconds:>8.1f} "
            f"{m.seconds / floor.seconds:>8.2f} "
            f"{m.peak_rss / MB:>7.0f}MB {m.peak_pss / MB:>7.0f}MB "
            f"{m.written / MB:>7.2f}MB {100 * m.written / max(m.dataset, 1):>6.1f}%"
        )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.throughput")
    parser.add_argument("--count", type=int, default=DEFAULT_COUNT, help="files in the archive")
    parser.add_argument("--workers", type=int, default=DEFAULT_WORKERS)
    parser.add_argument("--keep", type=Path, help="build the archive and outputs here and keep them")
    args = parser.parse_args(argv)
    ensure_reports(args.count + added_count(args.count))
    folder = Path(tempfile.mkdtemp(prefix="bench-", dir=args.keep))
    try:
        archive = folder / "archive"
        start = time.perf_counter()
        build_archive(archive, args.count)
        print(
            f"archive: {args.count} files, each report its own (bench/archive.py), "
            f"{time.perf_counter() - start:.0f} s to write"
        )
        floor = measure_floor(archive)
        print(
            f"floor: bare PyMuPDF over {floor.files} files ({floor.pages} PDF pages): {floor.seconds:.2f} s; "
            f"{args.workers} workers, machine load {_load()}"
        )
        output = folder / "out"
        runs = [run("cold", archive, output, args.workers), run("unchanged", archive, output, args.workers)]
        change_files(archive, CHANGED_SHARE)
        runs.append(run("changed", archive, output, args.workers))
        build_archive(archive, added_count(args.count), start=args.count)
        runs.append(run("added", archive, output, args.workers))
        print_table(floor, args.count, runs)
        scaling(folder, min(args.count, DEFAULT_SCALING_FILES))
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)


def scaling(folder: Path, count: int) -> None:
    archive = folder / "scaling"
    build_archive(archive, count)
    one = run("1 worker", archive, folder / "out-1", workers=1, no_cache=True)
    two = run("2 workers", archive, folder / "out-2", workers=2, no_cache=True)
    print(
        f"scaling on {count} files (no cache): 1 worker {one.seconds:.2f} s, 2 workers {two.seconds:.2f} s "
        f"-> {one.seconds / two.seconds:.2f}x; "
        f"peak RSS {one.peak_rss / MB:.0f} / {two.peak_rss / MB:.0f} MB, "
        f"PSS {one.peak_pss / MB:.0f} / {two.peak_pss / MB:.0f} MB"
    )


def _load() -> str:
    try:
        return Path("/proc/loadavg").read_text().split()[0]
    except OSError:
        return "?"


if __name__ == "__main__":
    main()
