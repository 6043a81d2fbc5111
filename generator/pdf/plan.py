"""What both styles read from a layout document: page orientations, cells, table breaks.

A layout (the format of tests/fixtures/pdf_content/*.json) has `font`, `font_size` and `pages`;
a page has `items` and may name its `orientation`; an item is a paragraph {"p": text, "align",
"size", "bold"} or a table {"table": id, "role", "widths": [mm], "rows", "header_rows",
"repeat_header"}. A cell is a string, a dict {"text", "rowspan", "colspan", "align", "valign",
"chart"} or null where a merged cell covers the position.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from typing import Any

from generator.pdf.options import Orientation, PageOrientation

Cell = dict[str, Any]
Row = list[Cell | None]
DEFAULT_BREAK_COUNTS = (0, 1, 1, 2)  # forced breaks per table, drawn uniformly
DEFAULT_MIN_ROWS_TO_BREAK = 2  # a table needs this many data rows before it is broken on purpose
MARKUP = re.compile(r"</?(?:b|small)>")


@dataclass(frozen=True)
class TableBreaks:
    """`before`: data rows that start a new page; `repeat_header`: the header rows are printed
    again after a break; `rows_may_split`: a row may itself run over a page end (Word's default)."""

    before: tuple[int, ...]
    repeat_header: bool
    rows_may_split: bool


def plain_text(text: str) -> str:
    return MARKUP.sub("", text)


def cell_spec(cell: str | Cell) -> Cell:
    return {"text": cell} if isinstance(cell, str) else cell


def is_table(item: dict[str, Any]) -> bool:
    return "table" in item


def holds_members(page: dict[str, Any]) -> bool:
    """The 別添1 member list is on this page."""
    return any(is_table(i) and (i.get("role") or i["table"]) == "members" for i in page["items"])


def page_orientations(layout: dict[str, Any], orientation: Orientation) -> list[PageOrientation]:
    """`landscape`/`portrait` print every page so; `mixed` prints the member list landscape and
    every other page portrait; `layout` follows each page's own `orientation` (else landscape)."""
    out: list[PageOrientation] = []
    for page in layout["pages"]:
        if orientation == "mixed":
            out.append("landscape" if holds_members(page) else "portrait")
        elif orientation == "layout":
            out.append("portrait" if page.get("orientation") == "portrait" else "landscape")
        else:
            out.append(orientation)
    return out


def header_rows(table: dict[str, Any]) -> int:
    return int(table.get("header_rows", 1))


def scaled_widths(widths: list[float], available_mm: float) -> list[float]:
    """Column widths in mm, shrunk in proportion where the table is wider than the page."""
    total = sum(widths)
    if total <= available_mm:
        return list(widths)
    return [round(w * available_mm / total, 2) for w in widths]


def table_breaks(table: dict[str, Any], seed: int | None, key: str) -> TableBreaks:
    """Deterministic by (seed, key). Without a seed: no forced break, rows kept whole and the
    header repeated as the layout says (how tests/fixtures/make_pdfs.py printed the seeds)."""
    if seed is None:
        return TableBreaks((), bool(table.get("repeat_header")), False)
    rng = random.Random(f"{seed}:{key}")
    first = header_rows(table) + 1  # at least one data row stays before a break
    candidates = list(range(first, len(table["rows"])))
    count = rng.choice(DEFAULT_BREAK_COUNTS) if len(candidates) + 1 >= DEFAULT_MIN_ROWS_TO_BREAK else 0
    before = tuple(sorted(rng.sample(candidates, min(count, len(candidates)))))
    return TableBreaks(before, rng.random() < 0.5, rng.random() < 0.5)


def owners(rows: list[Row]) -> dict[tuple[int, int], tuple[int, int]]:
    """Every (row, col) position -> the (row, col) of the cell that prints there."""
    out: dict[tuple[int, int], tuple[int, int]] = {}
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            if cell is None:
                continue
            spec = cell_spec(cell)
            for rr in range(r, r + int(spec.get("rowspan", 1))):
                for cc in range(c, c + int(spec.get("colspan", 1))):
                    out[(rr, cc)] = (r, c)
    return out


def split_rows(rows: list[Row], cut: int) -> tuple[list[Row], list[Row]]:
    """Rows before `cut` and from `cut` on. A cell spanning the cut is shortened to end there; in
    the rest an empty cell marked `continued` (the spanned column, no text) covers what is left."""
    first = [[None if c is None else dict(cell_spec(c)) for c in row] for row in rows[:cut]]
    rest = [[None if c is None else dict(cell_spec(c)) for c in row] for row in rows[cut:]]
    own = owners(rows)
    for r, row in enumerate(first):
        for c, cell in enumerate(row):
            if cell is None or r + int(cell.get("rowspan", 1)) <= cut:
                continue
            left = r + int(cell["rowspan"]) - cut
            cell["rowspan"] = cut - r
            if cell["rowspan"] == 1:
                del cell["rowspan"]
            if rest and own.get((cut, c)) == (r, c):
                cont = {k: v for k, v in cell.items() if k in ("colspan", "valign")}
                cont.update({"text": "", "continued": True})
                if left > 1:
                    cont["rowspan"] = left
                rest[0][c] = cont
    return first, rest


def layout_strings(layout: dict[str, Any]) -> list[str]:
    """Every text the layout prints (paragraphs, cells, chart labels), markup removed."""
    out: list[str] = []
    for page in layout["pages"]:
        for item in page["items"]:
            if not is_table(item):
                out.append(plain_text(item["p"]))
                continue
            for row in item["rows"]:
                for cell in row:
                    if cell is None:
                        continue
                    spec = cell_spec(cell)
                    out.extend(plain_text(p) for p in spec["text"].split("\n"))
                    out.extend(box["text"] for box in spec.get("chart", {}).get("boxes", ()))
    return [s for s in out if s.strip()]
