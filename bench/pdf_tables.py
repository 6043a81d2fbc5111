"""Time and score PDF table extraction on the fixtures: pdfplumber vs PyMuPDF.

    python -m bench.pdf_tables [PDF ...]     (default: tests/fixtures/pdf/*.pdf with a transcription)

Expected cells come from the transcriptions in tests/fixtures/pdf_content/*.json
(a merged cell's text in its top-left slot, "" in the slots it covers). Texts are
compared after Unicode NFKC with all whitespace removed, as the gold files are.
Methods: `pdfplumber` (`Page.extract_tables()`), `pymupdf_extract` (`find_tables()` +
`Table.extract()`), `pymupdf_grid_chars` (pdf_text with `find_tables()` cells as grid),
`pdf_text` (this project: grid from the drawn rules with pdfplumber's cell functions,
filled from PyMuPDF rawdict chars, drawn labels kept out of cells).
"""

from __future__ import annotations

import json
import re
import sys
import time
import unicodedata
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pdfplumber
import pymupdf

from extractors import pdf_grid
from extractors.pdf import GridFinder, extract_pdf

ROOT = Path(__file__).resolve().parent.parent
CONTENT_DIR = ROOT / "tests" / "fixtures" / "pdf_content"
PDF_DIR = ROOT / "tests" / "fixtures" / "pdf"

Table = list[list[str]]
PagedTable = tuple[int, Table]  # (page, rows)


def normalize(text: str | None) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text or ""))


def strip_markup(text: str) -> str:
    return re.sub(r"<[^>]+>", "", text)


def transcription_for(pdf_path: Path) -> dict[str, Any] | None:
    for path in sorted(CONTENT_DIR.glob("*.json")):
        content: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        if content["output"] == pdf_path.name:
            return content
    return None


def expected_tables(content: dict[str, Any]) -> list[Table]:
    """The transcription's tables as printed grids: covered slots are ""."""
    tables = []
    for page in content["pages"]:
        for item in page["items"]:
            if "table" in item:
                tables.append(
                    [
                        [
                            strip_markup(cell if isinstance(cell, str) else (cell or {}).get("text", ""))
                            for cell in row
                        ]
                        for row in item["rows"]
                    ]
                )
    return tables


def join_continued(tables: list[PagedTable]) -> list[Table]:
    """Join a table continued on the next page (same columns, header row repeated or not) to
    the one before it; `starts_page` tables are those printed first on their page."""
    out: list[Table] = []
    last_page = None
    for page, rows in tables:
        prev = out[-1] if out else None
        if (
            prev
            and page == (last_page or 0) + 1
            and rows
            and len(rows[0]) == len(prev[0])
            and [normalize(c) for c in rows[0]] == [normalize(c) for c in prev[0]]
        ):
            prev.extend(rows[1:])
        else:
            out.append([list(r) for r in rows])
        last_page = page
    return out


def score(found: list[Table], expected: list[Table]) -> tuple[int, int]:
    """(cells right, cells expected), table by table in printed order."""
    right = total = 0
    for i, table in enumerate(expected):
        got = found[i] if i < len(found) else []
        for r, row in enumerate(table):
            for c, text in enumerate(row):
                total += 1
                cell = got[r][c] if r < len(got) and c < len(got[r]) else None
                right += cell is not None and normalize(cell) == normalize(text)
    return right, total


def tables_pdfplumber(path: Path) -> list[PagedTable]:
    with pdfplumber.open(path) as pdf:
        return [
            (p.page_number, [[c or "" for c in row] for row in t])
            for p in pdf.pages
            for t in p.extract_tables()
        ]


def tables_pymupdf_extract(path: Path) -> list[PagedTable]:
    doc = pymupdf.open(path)
    return [
        (page.number + 1, [[c or "" for c in row] for row in t.extract()])
        for page in doc.pages()
        for t in page.find_tables(strategy="lines").tables
    ]


def grids_from_find_tables(page: pymupdf.Page, _drawings: pdf_grid.Drawings) -> list[pdf_grid.Grid]:
    found = page.find_tables(strategy="lines", use_layout=False)
    return pdf_grid.drop_nested([pdf_grid.grid_from_cells([c for c in t.cells if c]) for t in found.tables])


def tables_pdf_text(path: Path, grid_finder: GridFinder = pdf_grid.find_grids) -> list[PagedTable]:
    doc = extract_pdf(path.read_bytes(), grid_finder)
    return [
        (b.span.page or 0, [[c.text for c in row] for row in b.rows]) for b in doc.blocks if b.kind == "table"
    ]


METHODS: dict[str, Callable[[Path], list[PagedTable]]] = {
    "pdfplumber": tables_pdfplumber,
    "pymupdf_extract": tables_pymupdf_extract,
    "pymupdf_grid_chars": lambda path: tables_pdf_text(path, grids_from_find_tables),
    "pdf_text": tables_pdf_text,
}


def bench(paths: Iterable[Path | str]) -> dict[str, dict[str, Any]]:
    """Per method: pages, seconds, pages/s, cells right / expected and accuracy over `paths`."""
    found = [(Path(p), transcription_for(Path(p))) for p in paths]
    jobs = [(p, c) for p, c in found if c is not None]
    result: dict[str, dict[str, Any]] = {}
    for method in METHODS.values():  # warm up: imports, font and library caches
        method(jobs[0][0])
    for name, method in METHODS.items():
        pages = right = total = 0
        seconds = 0.0
        for path, content in jobs:
            start = time.perf_counter()
            tables = method(path)
            seconds += time.perf_counter() - start
            pages += pymupdf.open(path).page_count
            r, t = score(join_continued(tables), expected_tables(content))
            right, total = right + r, total + t
        result[name] = {
            "pages": pages,
            "seconds": round(seconds, 3),
            "pages_per_s": round(pages / seconds, 1) if seconds else None,
            "cells_right": right,
            "cells": total,
            "cell_accuracy": round(right / total, 4) if total else None,
        }
    return result


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or sorted(PDF_DIR.glob("*.pdf"))
    for name, row in bench(paths).items():
        print(
            f"{name:16} {row['pages']:3} pages {row['seconds']:7.3f} s {row['pages_per_s']:7} pages/s  "
            f"cells {row['cells_right']}/{row['cells']} = {row['cell_accuracy']:.2%}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
