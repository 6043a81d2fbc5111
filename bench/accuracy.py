"""`make accuracy`: generate a corpus whose truth is known, run the pipeline on every file, and
print precision / recall / F1 per rendition x form version x table, the share of reports that
came out `ok`, and the worst misses. A measurement, not a test: the exit code is 0 unless the
run itself fails.

    python -m bench.accuracy [--count 300] [--seed 1] [--renditions tsv_html,markdown] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from bench.causes import cause_lines, group_causes
from bench.score import TABLES, TableScore, score_result, summed
from generator.corpus import (
    PIPELINE_RENDITION,
    TEXT_RENDITIONS,
    CorpusSpec,
    available_renditions,
    write_corpus,
)
from generator.wording import FORMS

DEFAULT_COUNT = 300
DEFAULT_WORKERS = 2
DEFAULT_WORST = 25
DEFAULT_MISS_LINES = 8
DEFAULT_CAUSES = 40
# issue 7's goals: no misplaced figure, F1 per table at least this (by the rendition the pipeline reads)
GOAL_MIN_F1 = {"layout_text": 0.97}
GOAL_DEFAULT_MIN_F1 = 0.99


@dataclass(frozen=True)
class DocScore:
    name: str
    variant: str
    form: str
    status: str
    message: str | None
    tables: dict[str, TableScore]

    @property
    def misses(self) -> int:
        return sum(len(t.misses) for t in self.tables.values())


def score_file(path: str, gold_path: str, variant: str, form: str) -> DocScore:
    from pipeline.process import process_document  # imported in the worker process

    gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    result = process_document(Path(path).read_bytes())
    return DocScore(
        Path(path).name,
        variant,
        form,
        result.document.status,
        result.document.message,
        score_result(gold, result),
    )


def run(corpus: Path, workers: int) -> list[DocScore]:
    manifest = json.loads((corpus / "manifest.json").read_text(encoding="utf-8"))
    jobs = [
        (str(corpus / name), str(corpus / "gold" / f"{name}.gold.json"), entry["variant"], entry["form"])
        for name, entry in manifest["files"].items()
    ]
    if workers <= 1:
        return [score_file(*job) for job in jobs]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(score_file, *zip(*jobs, strict=True), chunksize=8))


def score_table(docs: list[DocScore]) -> list[str]:
    groups: dict[tuple[str, str], list[DocScore]] = defaultdict(list)
    for doc in docs:
        groups[(doc.variant, doc.form)].append(doc)
        groups[(doc.variant, "all")].append(doc)
    lines = [
        f"{'rendition':18} {'form':4} {'docs':>4} {'ok':>6} "
        + " ".join(f"{t[:11]:>17}" for t in TABLES)
        + f" {'misplaced':>10} {'fig.prec':>8}",
        f"{'':34}" + " ".join(f"{'P    R    F1':>17}" for _ in TABLES),
    ]
    for (variant, form), members in sorted(
        groups.items(), key=lambda kv: (kv[0][0], kv[0][1] == "all", kv[0][1])
    ):
        ok = sum(d.status == "ok" for d in members) / len(members)
        cells = []
        for table in TABLES:
            s = summed((d.tables[table] for d in members), table)
            cells.append(f"{s.precision:.3f} {s.recall:.3f} {s.f1:.3f}".replace("1.000", "1   "))
        outcomes = summed((d.tables["outcomes"] for d in members), "outcomes")
        lines.append(
            f"{variant:18} {form:4} {len(members):>4} {ok:>6.1%} "
            + " ".join(f"{c:>17}" for c in cells)
            + f" {outcomes.misplaced:>10} {outcomes.figure_precision:>8.3f}"
        )
    return lines


def goal_lines(docs: list[DocScore]) -> list[str]:
    """Per rendition: misplaced figures, the tables under the F1 goal, the share of reports `ok`."""
    lines = []
    for variant in sorted({d.variant for d in docs}):
        group = [d for d in docs if d.variant == variant]
        floor = GOAL_MIN_F1.get(PIPELINE_RENDITION[variant], GOAL_DEFAULT_MIN_F1)
        misplaced = sum(d.tables["outcomes"].misplaced for d in group)
        low = [t for t in TABLES if summed((d.tables[t] for d in group), t).f1 < floor]
        ok = sum(d.status == "ok" for d in group) / len(group)
        met = not misplaced and not low and ok == 1.0
        lines.append(
            f"{variant:18} {'met' if met else 'NOT met':8} misplaced figures {misplaced}, "
            f"tables under F1 {floor}: {', '.join(low) or 'none'}, ok {ok:.1%}"
        )
    return lines


def worst(docs: list[DocScore], count: int, lines_per_table: int) -> list[str]:
    out = []
    for doc in sorted(docs, key=lambda d: (-d.tables["outcomes"].misplaced, -d.misses, d.name))[:count]:
        if not doc.misses and doc.status == "ok":
            break
        out.append(f"--- {doc.name} ({doc.variant}, {doc.form}) status {doc.status}: {doc.message or ''}")
        for table, score in doc.tables.items():
            if score.misses:
                extra = f", {score.misplaced} misplaced" if score.misplaced else ""
                out.append(f"  {table}: P {score.precision:.3f} R {score.recall:.3f}{extra}")
                out += [f"    {m}" for m in score.misses[:lines_per_table]]
                if len(score.misses) > lines_per_table:
                    out.append(f"    … {len(score.misses) - lines_per_table} more")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.accuracy", description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=DEFAULT_COUNT, help="reports (each in every rendition)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--renditions", default=",".join(TEXT_RENDITIONS))
    parser.add_argument("--forms", default=",".join(FORMS))
    parser.add_argument("--workers", type=int, default=DEFAULT_WORKERS)
    parser.add_argument("--worst", type=int, default=DEFAULT_WORST, help="documents listed with their misses")
    parser.add_argument("--causes", type=int, default=DEFAULT_CAUSES, help="causes listed")
    parser.add_argument("--keep", type=Path, help="write the corpus here and keep it (default: a temp dir)")
    args = parser.parse_args(argv)
    renditions = tuple(r for r in args.renditions.split(",") if r)
    if unknown := set(renditions) - set(available_renditions()):
        parser.error(f"renditions not available {sorted(unknown)}; choose from {available_renditions()}")
    spec = CorpusSpec(args.seed, args.count, renditions, tuple(f for f in args.forms.split(",") if f))
    with tempfile.TemporaryDirectory(prefix="accuracy-") as tmp:
        corpus = args.keep or Path(tmp)
        started = time.monotonic()
        write_corpus(spec, corpus)
        generated = time.monotonic() - started
        docs = run(corpus, args.workers)
    print(
        f"{len(docs)} files from {spec.count} reports (seed {spec.seed}); generated in {generated:.0f} s, "
        f"scored in {time.monotonic() - started - generated:.0f} s"
    )
    print("\n".join(score_table(docs)))
    print("\nGoals (issue 7):")
    print("\n".join(goal_lines(docs)))
    print(f"\nMisses by cause (the {args.causes} largest; 'rows' counts unmatched rows or misses):")
    print("\n".join(cause_lines(group_causes(docs), args.causes)))
    print("\nWorst documents (misplaced figures first, then most misses):")
    print("\n".join(worst(docs, args.worst, DEFAULT_MISS_LINES)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
