"""The analyst's subcommands of `python -m pipeline`: runs, export, report, diff, vacuum, dictionary.

Each reads the dataset at `--dataset` (default: $GURUPUKA_DATASET, else the repository's
data/parquet). Exit codes: 0 done, 1 `dictionary --check` found a drift, 2 the command could not
run (no dataset, unknown run, output locked).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from pipeline.store.location import ENV_VAR

ERRORS = (LookupError, FileNotFoundError, ValueError, OSError)


def _fail(command: str, error: Exception) -> int:
    print(f"{command}: {error}", file=sys.stderr)
    return 2


def _runs(args: argparse.Namespace) -> int:
    from pipeline.store.load import load

    try:
        runs = load("runs", dataset=args.dataset)
    except ERRORS as error:
        return _fail("runs", error)
    columns = ["run_id", "finished_at", "documents_total", "documents_ok", "documents_partial"]
    print(runs[[*columns, "documents_skipped", "documents_failed"]].to_string(index=False))
    return 0


def _export(args: argparse.Namespace) -> int:
    from pipeline.store.export import export_run

    try:
        exported = export_run(args.to, fmt=args.format, run=args.run, dataset=args.dataset)
    except ERRORS as error:
        return _fail("export", error)
    print(f"run {exported.run_id} exported to {args.to}:")
    for name, path in exported.files.items():
        print(f"  {path.name}: {exported.rows[name]} rows")
    return 0


def _report(args: argparse.Namespace) -> int:
    from pipeline.report.build import write_report

    try:
        report = write_report(
            Path(args.output), args.run, args.dataset, Path(args.input) if args.input else None
        )
    except ERRORS as error:
        return _fail("report", error)
    size_kb = Path(args.output).stat().st_size / 1024
    print(
        f"report of run {report.run_id}: {args.output} ({size_kb:.0f} KiB; "
        f"{report.crops_made} PDF cells cropped, {report.crops_missing} without a crop)"
    )
    return 0


def _diff(args: argparse.Namespace) -> int:
    from pipeline.store.diff import diff_runs, format_diff

    try:
        print(format_diff(diff_runs(args.run_a, args.run_b, args.dataset)))
    except ERRORS as error:
        return _fail("diff", error)
    return 0


def _vacuum(args: argparse.Namespace) -> int:
    from pipeline.run import RunError
    from pipeline.store.vacuum import vacuum

    try:
        result = vacuum(args.keep_runs, args.dataset, dry_run=args.dry_run, lock_wait_s=args.wait)
    except (*ERRORS, RunError) as error:
        return _fail("vacuum", error)
    verb = "would remove" if args.dry_run else "removed"
    print(
        f"kept {len(result.kept_runs)} runs; {verb} {len(result.removed_files)} files "
        f"({result.freed_bytes / 1024:.0f} KiB) that only runs {', '.join(result.removed_runs) or '-'} needed"
    )
    return 0


def _dictionary(args: argparse.Namespace) -> int:
    from pipeline.store.dictionary_markdown import DICTIONARY_PATH, render

    text = render()
    target = Path(args.output) if args.output else DICTIONARY_PATH
    if args.check:
        current = target.read_text(encoding="utf-8") if target.exists() else ""
        if current != text:
            print(f"{target} is out of date: run `python -m pipeline dictionary`", file=sys.stderr)
            return 1
        return 0
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    print(f"wrote {target}")
    return 0


def _with_dataset(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    parser.add_argument(
        "--dataset", default=None, help=f"the dataset folder (default: ${ENV_VAR} or data/parquet)"
    )
    return parser


def add_analyst_commands(sub: Any) -> None:
    """Register the subcommands on `python -m pipeline`'s subparsers."""
    runs = _with_dataset(sub.add_parser("runs", help="list the recorded runs"))
    runs.set_defaults(handler=_runs)

    export = _with_dataset(sub.add_parser("export", help="write one run as plain Parquet or CSV files"))
    export.add_argument("--format", choices=("parquet", "csv"), default="parquet")
    export.add_argument("--to", required=True, help="folder to write <table>.<format> files into")
    export.add_argument("--run", default=None, help="run id or a unique prefix (default: the latest)")
    export.set_defaults(handler=_export)

    report = _with_dataset(sub.add_parser("report", help="write the review report of a run (one HTML file)"))
    report.add_argument("--run", default=None, help="run id or a unique prefix (default: the latest)")
    report.add_argument("--output", default="report.html")
    report.add_argument(
        "--input", default=None, help="where the input files are (default: the run's input root)"
    )
    report.set_defaults(handler=_report)

    diff = _with_dataset(sub.add_parser("diff", help="what changed between two runs"))
    diff.add_argument("run_a", help="the earlier run (id or unique prefix)")
    diff.add_argument("run_b", help="the later run (id or unique prefix)")
    diff.set_defaults(handler=_diff)

    vacuum = _with_dataset(sub.add_parser("vacuum", help="remove files that no kept run needs"))
    vacuum.add_argument("--keep-runs", type=int, required=True, help="how many of the latest runs to keep")
    vacuum.add_argument("--dry-run", action="store_true")
    vacuum.add_argument("--wait", type=float, default=0.0, help="seconds to wait for a running extract")
    vacuum.set_defaults(handler=_vacuum)

    dictionary = sub.add_parser("dictionary", help="write docs/data_dictionary.md from the code")
    dictionary.add_argument("--output", default=None)
    dictionary.add_argument("--check", action="store_true", help="exit 1 if the file is out of date")
    dictionary.set_defaults(handler=_dictionary)
