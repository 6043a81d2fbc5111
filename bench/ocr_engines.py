"""`make accuracy-ocr`: the OCR path measured on scans of generated reports whose truth is known.

Generates N reports printed to text-layer PDFs (LibreOffice), scans each one in every variant of
`generator.scan` (120–300 dpi, grey and binarized, skewed, turned 90° and 180°), runs the pipeline on
each scan with the OCR cache off, and prints per variant: precision / recall / F1 per table, wrong
figures (outcome figure precision), the share of reports `ok`, and CPU seconds per page (this
process and its children: Tesseract). A measurement, not a test: exit code 0 unless the run fails.

    python -m bench.ocr_engines [--count 4] [--seed 1] [--variants grey200,bin150] [--workers 2]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from bench.score import TABLES, TableScore, score_result, summed
from generator.corpus import CorpusSpec, write_corpus
from generator.scan import VARIANTS, scan_pdf

DEFAULT_COUNT = 4
DEFAULT_WORKERS = 2
GOAL_F1 = {120: 0.90}  # issue 12: F1 per table at least this at that resolution
GOAL_DEFAULT_F1 = 0.95
GOAL_CPU_PER_PAGE = 5.0  # s at 200 dpi
SPLIT = "split"  # the status of a scan read as several documents
FIXTURE = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "pdf" / "scan_r2_tsukubamirai.pdf"
FIXTURE_GOLD = Path(__file__).resolve().parents[1] / "tests" / "gold" / "000_77fec06e79e16c0d.txt.gold.json"


@dataclass(frozen=True)
class ScanScore:
    name: str
    variant: str
    pages: int
    cpu: float
    status: str
    tables: dict[str, TableScore]


def cpu_seconds() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def score_scan(path: str, gold_path: str, variant: str, seed: int) -> ScanScore:
    os.environ["GURUPUKA_OCR_CACHE"] = "off"
    from pipeline.process import process_file  # imported in the worker process

    gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    gold["document"] = {k: v for k, v in gold["document"].items() if k != "rendition"}
    data = Path(path).read_bytes()
    if variant != "fixture":
        data = scan_pdf(data, VARIANTS[variant], seed)
    started = cpu_seconds()
    documents = process_file(data).documents
    cpu = cpu_seconds() - started
    # a scan read as several documents (a report cut apart): the one with the most records is
    # scored, the rest of the report is missing; its status is SPLIT (never `ok`)
    result = max(
        documents,
        key=lambda d: sum(len(getattr(d, t, ())) for t in TABLES if t not in ("document", "checks")),
    )
    pages = sum(d.document.pages or 0 for d in documents) or 1
    status = result.document.status if len(documents) == 1 else SPLIT
    return ScanScore(Path(path).name, variant, pages, cpu, status, score_result(gold, result))


def report(scores: list[ScanScore]) -> list[str]:
    by_variant: dict[str, list[ScanScore]] = defaultdict(list)
    for s in scores:
        by_variant[s.variant].append(s)
    lines = [
        f"{'variant':12} {'docs':>4} {'ok':>5} "
        + " ".join(f"{t[:11]:>17}" for t in TABLES)
        + f" {'wrong fig':>9} {'fig.prec':>8} {'CPU s/page':>10}",
        f"{'':23}" + " ".join(f"{'P    R    F1':>17}" for _ in TABLES),
    ]
    for variant, group in by_variant.items():
        ok = sum(s.status == "ok" for s in group) / len(group)
        cells = []
        for table in TABLES:
            t = summed([s.tables[table] for s in group], table)
            cells.append(f"{t.precision:.3f} {t.recall:.3f} {t.f1:.3f}")
        outcomes = summed([s.tables["outcomes"] for s in group], "outcomes")
        cpu = sum(s.cpu for s in group) / sum(s.pages for s in group)
        lines.append(
            f"{variant:12} {len(group):>4} {ok:>5.0%} "
            + " ".join(f"{c:>17}" for c in cells)
            + f" {outcomes.misplaced:>9} {outcomes.figure_precision:>8.3f} {cpu:>10.2f}"
        )
    return lines


def goals(scores: list[ScanScore]) -> list[str]:
    lines = []
    for variant in sorted({s.variant for s in scores} - {"fixture"}):
        group = [s for s in scores if s.variant == variant]
        floor = GOAL_F1.get(VARIANTS[variant].dpi, GOAL_DEFAULT_F1)
        wrong = sum(s.tables["outcomes"].misplaced for s in group)
        f1 = {
            t: summed([s.tables[t] for s in group], t).f1 for t in TABLES if t not in ("document", "checks")
        }
        low = [f"{t} {value:.3f}" for t, value in f1.items() if value < floor]
        cpu = sum(s.cpu for s in group) / sum(s.pages for s in group)
        cpu_note = f", CPU {cpu:.2f} s/page" + (
            f" (goal ≤ {GOAL_CPU_PER_PAGE})" if VARIANTS[variant].dpi == 200 else ""
        )
        met = not wrong and not low and (VARIANTS[variant].dpi != 200 or cpu <= GOAL_CPU_PER_PAGE)
        lines.append(
            f"{variant:12} {'met' if met else 'NOT met':8} wrong figures {wrong}, "
            f"tables under F1 {floor}: {', '.join(low) or 'none'}{cpu_note}"
        )
    return lines


def misses(scores: list[ScanScore], per_doc: int = 6) -> list[str]:
    out = []
    for s in scores:
        lines = [m for t in s.tables.values() for m in t.misses]
        if lines:
            out.append(f"--- {s.name} {s.variant} ({s.status})")
            out += [f"    {m[:220]}" for m in lines[:per_doc]]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.ocr_engines", description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=DEFAULT_COUNT, help="generated reports")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--variants", default=",".join(VARIANTS))
    parser.add_argument("--workers", type=int, default=DEFAULT_WORKERS)
    parser.add_argument("--keep", type=Path, help="write the corpus here and keep it")
    parser.add_argument("--misses", action="store_true", help="list every document's misses")
    args = parser.parse_args(argv)
    variants = [v for v in args.variants.split(",") if v]
    with tempfile.TemporaryDirectory(prefix="accuracy-ocr-") as tmp:
        corpus = args.keep or Path(tmp)
        manifest = write_corpus(CorpusSpec(args.seed, args.count, ("pdf_text",)), corpus)
        jobs = [(str(FIXTURE), str(FIXTURE_GOLD), "fixture", args.seed)]
        jobs += [
            (str(corpus / name), str(corpus / "gold" / f"{name}.gold.json"), variant, args.seed)
            for name in manifest["files"]
            for variant in variants
        ]
        with ProcessPoolExecutor(max_workers=args.workers) as pool:
            scores = list(pool.map(score_scan, *zip(*jobs, strict=True)))
    pages = sum(s.pages for s in scores)
    print(
        f"{len(scores)} scans ({pages} pages) of {args.count} generated reports (seed {args.seed}) "
        "and the fixture"
    )
    print("\n".join(report(scores)))
    print("\nGoals (issue 12):")
    print("\n".join(goals(scores)))
    fixture = next(s for s in scores if s.variant == "fixture")
    figures = fixture.tables["outcomes"]
    print(
        f"fixture scan: outcomes {figures.matched}/{figures.gold} figures as its gold, "
        f"{figures.misplaced} wrong"
    )
    if args.misses:
        print("\n".join(misses(scores)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
