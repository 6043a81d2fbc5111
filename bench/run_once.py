"""One extract run in a process of its own, for `bench.throughput`: prints a JSON line with the
run's own time (imports excluded) and what it did.

    python -m bench.run_once --input DIR --output DIR --workers N [--no-cache]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from pipeline.executors.workers import initialize
from pipeline.run import run_extract


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--input", type=Path, required=True)
    parser.add_argument("--output", type=Path, required=True)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--no-cache", action="store_true")
    args = parser.parse_args()
    initialize()  # imports are the process's start-up, not the run's time
    start = time.perf_counter()
    summary = run_extract(args.input, args.output, workers=args.workers, use_cache=not args.no_cache)
    seconds = time.perf_counter() - start
    print(
        json.dumps(
            {
                "seconds": seconds,
                "files": len(summary.files),
                "documents": len(summary.documents),
                "extracted": summary.extracted,
                "cache_hits": summary.cache_hits,
                "unchanged": summary.unchanged,
                "incremental": summary.incremental,
                "versions": summary.table_versions,
                "by_status": dict(summary.by_status()),
            }
        )
    )


if __name__ == "__main__":
    main()
