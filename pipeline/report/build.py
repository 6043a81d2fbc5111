"""The review report of one run: one self-contained HTML file (`python -m pipeline report`).

It loads nothing from the network and runs no script: charts are SVG and crops PNG, both as data:
URIs. The PDFs are looked for under `--input` if given, else under the run's input root (as
recorded, relative to the working directory or to the repository), and used only when their
SHA-256 is the one the run read.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pipeline.report.crops import SourceFiles
from pipeline.report.figures import CropTally, figures_section
from pipeline.report.html import element, page
from pipeline.report.sections import (
    checks_section,
    documents_section,
    facilities_section,
    nav,
    outcomes_section,
    run_section,
)
from pipeline.store.load import load_all, resolve_run
from pipeline.store.location import REPO_ROOT, dataset_path

DEFAULT_REPORT_NAME = "report.html"


@dataclass(frozen=True)
class Report:
    html: str
    run_id: str
    crops_made: int
    crops_missing: int


def input_roots(recorded: str, given: Path | None) -> list[Path]:
    if given is not None:
        return [given]
    path = Path(recorded)
    return [path] if path.is_absolute() else [Path.cwd() / path, REPO_ROOT / path]


def build_report(
    run: str | None = None, dataset: str | Path | None = None, input_root: Path | None = None
) -> Report:
    chosen = resolve_run(run, dataset)
    tables = load_all(run=chosen.run_id, dataset=dataset)
    this_run = tables["runs"].iloc[-1]
    sources = SourceFiles(input_roots(str(this_run["input_root"]), input_root))
    tally = CropTally()
    figures = figures_section(tables, sources, tally)  # first: the run section counts its crops
    body = [
        element("h1", f"Review of run {chosen.run_id}"),
        element("p", f"Dataset: {dataset_path(dataset)}", class_="note"),
        nav(),
        run_section(this_run, tables, (tally.made, tally.missing)),
        documents_section(tables["documents"]),
        checks_section(tables["checks"], tables["documents"]),
        outcomes_section(tables["outcomes"], tables["documents"]),
        facilities_section(tables),
        figures,
    ]
    html = page(f"Review of run {chosen.run_id[:8]}", body)
    return Report(html, chosen.run_id, tally.made, tally.missing)


def write_report(
    output: Path,
    run: str | None = None,
    dataset: str | Path | None = None,
    input_root: Path | None = None,
) -> Report:
    report = build_report(run, dataset, input_root)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(report.html, encoding="utf-8")
    return report
