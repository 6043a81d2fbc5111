"""Command line: `python -m pipeline extract --input DIR --output DIR`, `python -m pipeline debug FILE`,
and the analyst's commands of `cli_analyst.py` (runs, export, report, diff, vacuum, dictionary).

Exit codes of extract: 0 every document ok or skipped; 1 some partial or failed; 2 the run could
not happen.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pipeline.cli_analyst import add_analyst_commands
from pipeline.executors import EXECUTORS
from pipeline.executors.workers import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT_S, Limits, default_workers
from pipeline.records import File
from pipeline.run import RunError, RunSummary, run_extract
from pipeline.store.gate import SchemaViolation


class Progress:
    """A one-line progress bar on a terminal; silent otherwise."""

    def __init__(self, total: int, enabled: bool) -> None:
        self.total, self.done, self.enabled = total, 0, enabled

    def __call__(self, file: File) -> None:
        self.done += 1
        if not self.enabled:
            return
        width = 30
        filled = width * self.done // max(self.total, 1)
        sys.stderr.write(
            f"\r[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total} {file.status:<8}"
        )
        sys.stderr.flush()
        if self.done == self.total:
            sys.stderr.write("\n")


def print_summary(summary: RunSummary) -> None:
    print(
        f"run {summary.run_id}: {len(summary.files)} files, {len(summary.documents)} documents "
        f"({summary.unchanged} files unchanged, {summary.cache_hits} from the cache, "
        f"{summary.extracted} extracted; {'only changes' if summary.incremental else 'every table'} "
        "committed)"
    )
    for line in summary.recovered:
        print(f"  recovered: {line}")
    print("  by status: " + ", ".join(f"{k} {v}" for k, v in sorted(summary.by_status().items())))
    print("  by form version: " + ", ".join(f"{k} {v}" for k, v in sorted(summary.by_form().items())))
    print("  rows: " + ", ".join(f"{k} {v}" for k, v in summary.rows.items()))
    checks = summary.checks_by_name()
    print("  checks: " + (", ".join(f"{k} {v}" for k, v in sorted(checks.items())) or "none"))
    print("  committed versions: " + ", ".join(f"{k} v{v}" for k, v in summary.table_versions.items()))
    for doc in summary.documents:
        if doc.status in ("partial", "failed"):
            print(f"  {doc.status}: {doc.source_path}: {doc.message}")


def _extract(args: argparse.Namespace) -> int:
    from pipeline.run import discover

    input_root, output = Path(args.input), Path(args.output)
    try:
        total = len(discover(input_root, exclude=output))
        progress = Progress(total, enabled=sys.stderr.isatty() and not args.no_progress)
        limits = Limits(timeout_s=args.timeout, memory_mb=args.memory_mb)
        workers = 0 if args.strict else args.workers
        summary = run_extract(
            input_root,
            output,
            workers=workers,
            limits=limits,
            strict=args.strict,
            lock_wait_s=args.wait,
            use_cache=not args.no_cache,
            on_file=progress,
            executor=args.executor,
            scheduler=args.scheduler,
        )
    except (RunError, SchemaViolation, OSError) as error:
        print(f"extract: {error}", file=sys.stderr)
        return 2
    print_summary(summary)
    statuses = summary.by_status()
    return 1 if statuses["partial"] or statuses["failed"] else 0


def _debug(args: argparse.Namespace) -> int:
    from pipeline.debug import describe

    print(describe(Path(args.file).read_bytes()))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m pipeline")
    sub = parser.add_subparsers(dest="command", required=True)
    extract = sub.add_parser("extract", help="extract a folder of reports into the versioned dataset")
    extract.add_argument("--input", default="data/raw")
    extract.add_argument("--output", default="data/parquet")
    extract.add_argument(
        "--workers", type=int, default=default_workers(), help="worker processes (0: in this process)"
    )
    extract.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT_S, help="seconds per document")
    extract.add_argument("--memory-mb", type=int, default=DEFAULT_MEMORY_MB, help="memory per document")
    extract.add_argument("--wait", type=float, default=0.0, help="seconds to wait for another run's lock")
    extract.add_argument("--strict", action="store_true", help="raise on the first document error")
    extract.add_argument("--no-progress", action="store_true")
    extract.add_argument("--no-cache", action="store_true", help="re-extract every file")
    extract.add_argument(
        "--executor", choices=sorted(EXECUTORS), default="local", help="where documents are extracted"
    )
    extract.add_argument("--scheduler", help="the Dask scheduler's address (tcp://HOST:8786)")
    extract.set_defaults(handler=_extract)
    debug = sub.add_parser("debug", help="show rendition, form and located parts of one file")
    debug.add_argument("file")
    debug.set_defaults(handler=_debug)
    add_analyst_commands(sub)  # runs, export, report, diff, vacuum, dictionary (pipeline/cli_analyst.py)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.handler(args))


if __name__ == "__main__":
    raise SystemExit(main())
