"""`make bench`: throughput of the pipeline, as ratios measured in one run (the machine is shared
and noisy: compare the ratios, not the seconds, between runs).

  - per rendition: documents/s and pages/s of `process_document` (median of repeats)
  - worker processes: a batch with 2 workers vs 1
  - the content-hash cache: a re-run vs the first run
  - PDF extraction: pdfplumber vs PyMuPDF vs ours (bench.pdf_tables)
"""

from __future__ import annotations

import shutil
import statistics
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from functools import partial
from pathlib import Path

from pipeline.process import process_document
from pipeline.run import run_extract

ROOT = Path(__file__).resolve().parent.parent
CORPUS = [
    *sorted((ROOT / "data" / "raw").iterdir()),
    *sorted(p for p in (ROOT / "tests" / "fixtures" / "pdf").glob("*.pdf") if not p.name.startswith("scan")),
]
DEFAULT_REPEATS = 3
DEFAULT_BATCH_COPIES = 6


def _timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def per_rendition(repeats: int = DEFAULT_REPEATS) -> dict[str, tuple[int, int, float]]:
    """rendition -> (documents, pages or 0, median seconds for all of them)."""
    groups: dict[str, list[bytes]] = defaultdict(list)
    pages: dict[str, int] = defaultdict(int)
    for path in CORPUS:
        data = path.read_bytes()
        document = process_document(data).document
        groups[document.rendition or "none"].append(data)
        pages[document.rendition or "none"] += document.pages or 0
    out = {}
    for rendition, items in groups.items():
        times = [sum(_timed(partial(process_document, d)) for d in items) for _ in range(repeats)]
        out[rendition] = (len(items), pages[rendition], statistics.median(times))
    return out


def _batch(folder: Path, copies: int) -> None:
    """Copies of the corpus with distinct bytes (a trailing blank line), so none is a duplicate."""
    for n in range(copies):
        for path in CORPUS:
            (folder / f"{n}_{path.name}").write_bytes(path.read_bytes() + b"\n" * (n + 1))


def batch_ratios(copies: int = DEFAULT_BATCH_COPIES) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        (base / "in").mkdir()
        _batch(base / "in", copies)
        one = _timed(lambda: run_extract(base / "in", base / "out1", workers=1, use_cache=False))
        two = _timed(lambda: run_extract(base / "in", base / "out2", workers=2, use_cache=False))
        cold = _timed(lambda: run_extract(base / "in", base / "out3", workers=2))
        warm = _timed(lambda: run_extract(base / "in", base / "out3", workers=2))
        shutil.rmtree(base / "out1")
    files = copies * len(CORPUS)
    return {
        "files": files,
        "workers1_s": one,
        "workers2_s": two,
        "speedup_2_vs_1": one / two,
        "cache_cold_s": cold,
        "cache_warm_s": warm,
        "speedup_cache": cold / warm,
    }


def main() -> None:
    print("process_document per rendition (median of repeats):")
    for rendition, (docs, pages, seconds) in sorted(per_rendition().items()):
        per_page = f", {pages / seconds:.1f} pages/s" if pages else ""
        print(f"  {rendition:<12} {docs} docs in {seconds:.3f} s: {docs / seconds:.1f} docs/s{per_page}")
    ratios = batch_ratios()
    print(
        f"batch of {ratios['files']} files: 1 worker {ratios['workers1_s']:.2f} s, 2 workers "
        f"{ratios['workers2_s']:.2f} s -> speed-up {ratios['speedup_2_vs_1']:.2f}x"
    )
    print(
        f"content-hash cache: first run {ratios['cache_cold_s']:.2f} s, re-run {ratios['cache_warm_s']:.2f} s "
        f"-> {ratios['speedup_cache']:.1f}x"
    )
    from bench import pdf_tables as pdf_bench

    print("PDF table extraction (bench.pdf_tables):")
    pdf_bench.main([])


if __name__ == "__main__":
    main()
