"""Does a change leave every record as it was? Writes the records `process_file` gives for a set of
inputs to a reference file, or compares the records of today's code with one written before.

    python -m bench.same_output write REFERENCE.jsonl [--bench N] [PATH ...]
    python -m bench.same_output compare REFERENCE.jsonl

The inputs: the first N files of the bench archive (`bench.archive`, every rendition it prints)
and every file under the PATHs (the committed sample, the fixtures). Each line of the reference is
one file's name and its `FileResult` as JSON (dataclasses as dicts, floats as Python prints them);
`compare` reads the same inputs again (the paths are stored in the reference) and names every file
whose records differ, with the first differing table and record. Dev only: for per-document
speed work that must not change output.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bench.archive import archive_files
from pipeline.process import process_file

DEFAULT_BENCH_FILES = 60


def _inputs(bench_files: int, paths: list[str]) -> Iterator[tuple[str, bytes]]:
    for file in archive_files(bench_files):
        yield f"bench:{file.name}", file.data
    for root in paths:
        top = Path(root)
        for path in sorted(p for p in (top.rglob("*") if top.is_dir() else [top]) if p.is_file()):
            if path.suffix in (".pdf", ".txt", ".md"):
                yield str(path), path.read_bytes()


def _records(data: bytes) -> dict[str, Any]:
    return dataclasses.asdict(process_file(data))


def _line(name: str, records: dict[str, Any]) -> str:
    return json.dumps({"name": name, "records": records}, ensure_ascii=False, default=repr)


def write(reference: Path, bench_files: int, paths: list[str]) -> None:
    start = time.perf_counter()
    with reference.open("w", encoding="utf-8") as out:
        out.write(json.dumps({"bench": bench_files, "paths": paths}) + "\n")
        count = 0
        for name, data in _inputs(bench_files, paths):
            out.write(_line(name, _records(data)) + "\n")
            count += 1
    print(f"{count} files written to {reference} in {time.perf_counter() - start:.1f} s")


def _first_difference(old: Any, new: Any, where: str = "") -> str:
    if isinstance(old, dict) and isinstance(new, dict):
        for key in old.keys() | new.keys():
            if old.get(key) != new.get(key):
                return _first_difference(old.get(key), new.get(key), f"{where}.{key}")
    if isinstance(old, list) and isinstance(new, list):
        if len(old) != len(new):
            return f"{where}: {len(old)} records -> {len(new)}"
        for i, (a, b) in enumerate(zip(old, new, strict=True)):
            if a != b:
                return _first_difference(a, b, f"{where}[{i}]")
    return f"{where}: {old!r:.300} -> {new!r:.300}"


def compare(reference: Path) -> int:
    lines = reference.read_text(encoding="utf-8").splitlines()
    header = json.loads(lines[0])
    expected = {row["name"]: row["records"] for row in map(json.loads, lines[1:])}
    start = time.perf_counter()
    differing = 0
    seen = set()
    for name, data in _inputs(header["bench"], header["paths"]):
        seen.add(name)
        # through JSON as written, so tuples and lists (and repr'd values) compare alike
        records = json.loads(_line(name, _records(data)))["records"]
        if records != expected.get(name):
            differing += 1
            print(f"DIFFERS {name}: {_first_difference(expected.get(name), records)}")
    missing = expected.keys() - seen
    for name in sorted(missing):
        print(f"MISSING {name}")
    print(
        f"{len(seen)} files compared in {time.perf_counter() - start:.1f} s: "
        f"{differing} differ, {len(missing)} missing"
    )
    return 1 if differing or missing else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.same_output")
    parser.add_argument("mode", choices=("write", "compare"))
    parser.add_argument("reference", type=Path)
    parser.add_argument("--bench", type=int, default=DEFAULT_BENCH_FILES, help="bench archive files")
    parser.add_argument("paths", nargs="*", help="folders or files whose .pdf/.txt/.md files are read too")
    args = parser.parse_intermixed_args(argv)
    if args.mode == "write":
        write(args.reference, args.bench, args.paths)
        return 0
    return compare(args.reference)


if __name__ == "__main__":
    sys.exit(main())
