"""A layout table on a 方眼紙 sheet: columns snapped to the grid, row heights from the text, manual
page breaks where a page is full or where the break seed says.

At a break the header rows are copied after it or not. A merged cell spanning the break ends
there; in the first column (the 取組効果 row label, the 別添1 role) it does not continue on the
next page at all, so the continuation prints one column fewer. A row taller than a page has its
text continued in a row of its own on the next page, as one types a long text into a form.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from generator.pdf.grid_sheet import DEFAULT_MIN_COLUMNS, DEFAULT_PADDING_MM, Metrics, Sheet, cell_units
from generator.pdf.measure import count_lines
from generator.pdf.plan import Row, TableBreaks, cell_spec, header_rows, owners, plain_text, split_rows


@dataclass(frozen=True)
class Span:
    """A cell over several rows: rows [start, end) and the grid rows its text needs."""

    start: int
    end: int
    need: int


def column_bounds(widths: list[float], scale: float, metrics: Metrics) -> list[int]:
    """Grid column where each layout column starts, and where the last one ends."""
    bounds, total = [0], 0.0
    for w in widths:
        total += w * scale
        bounds.append(max(round(total / metrics.col_mm), bounds[-1] + DEFAULT_MIN_COLUMNS))
    excess = bounds[-1] - metrics.n_cols
    for i in range(len(bounds) - 1, 0, -1):  # pull back from the right edge where rounding overshot
        if excess <= 0:
            break
        room = bounds[i] - bounds[i - 1] - DEFAULT_MIN_COLUMNS
        bounds[i] -= excess
        excess = max(0, excess - room)
    return bounds


class TableOnSheet:
    def __init__(self, sheet: Sheet, item: dict[str, Any], scale: float) -> None:
        self.sheet, self.item, self.m = sheet, item, sheet.metrics
        self.bounds = column_bounds(item["widths"], scale, self.m)
        self.head = header_rows(item)

    def width_mm(self, col: int, span: int) -> float:
        return (self.bounds[col + span] - self.bounds[col]) * self.m.col_mm

    def xscale(self, col: int) -> float:
        return self.width_mm(col, 1) / float(self.item["widths"][col])

    def units(self, rows: list[Row]) -> tuple[list[int], list[Span]]:
        """Grid rows of every layout row, grown where a merged cell needs more than its rows."""
        units = [1] * len(rows)
        spans = []
        for r, row in enumerate(rows):
            for c, cell in enumerate(row):
                if cell is None:
                    continue
                spec = cell_spec(cell)
                need = cell_units(spec, self.m, self.width_mm(c, int(spec.get("colspan", 1))))
                n = int(spec.get("rowspan", 1))
                if n == 1:
                    units[r] = max(units[r], need)
                elif spec["text"]:
                    spans.append(Span(r, min(r + n, len(rows)), need))
        for s in spans:
            units[s.end - 1] += max(0, s.need - sum(units[s.start : s.end]))
        return units, spans

    def split_tall_rows(self, rows: list[Row], max_units: int) -> tuple[list[Row], list[int]]:
        """Rows taller than `max_units` with their text continued in further rows; returns the
        rows and where each original row went."""
        own, out, where = owners(rows), list[Row](), list[int]()
        units, _ = self.units(rows)
        for r, row in enumerate(rows):
            where.append(len(out))
            whole = all(own.get((r, c), (r, c))[0] == r for c in range(len(row)))
            single = all(c is None or int(cell_spec(c).get("rowspan", 1)) == 1 for c in row)
            if units[r] <= max_units or not (whole and single):
                out.append(row)
                continue
            out.extend(self.continued_rows(row, max_units))
        return out, where

    def continued_rows(self, row: Row, max_units: int) -> list[Row]:
        m = self.m
        lines = int((max_units * m.unit_mm - 2 * DEFAULT_PADDING_MM) / m.pitch_mm())
        pieces: dict[int, list[str]] = {}
        for c, cell in enumerate(row):
            if cell is None:
                continue
            spec = cell_spec(cell)
            width = self.width_mm(c, int(spec.get("colspan", 1))) - 2 * DEFAULT_PADDING_MM
            pieces[c] = split_text(spec["text"], m, width, lines)
            if "chart" in spec:
                chart_lines = math.ceil((spec["chart"]["height"] + 1.0) / m.pitch_mm())
                last = count_lines(plain_text(pieces[c][-1]), m.font, m.size, width)
                if last + chart_lines > lines:
                    pieces[c].append("")
        n = max(len(p) for p in pieces.values())
        out: list[Row] = []
        for k in range(n):
            new: Row = []
            for c, cell in enumerate(row):
                if cell is None:
                    new.append(None)
                    continue
                spec = {key: v for key, v in cell_spec(cell).items() if key != "chart"}
                spec["text"] = pieces[c][k] if k < len(pieces[c]) else ""
                if k == len(pieces[c]) - 1 and "chart" in cell_spec(cell):
                    spec["chart"] = cell_spec(cell)["chart"]
                new.append(spec)
            out.append(new)
        return out

    def paginate(self, units: list[int], spans: list[Span], forced: list[int], repeat: bool) -> list[int]:
        """Rows that start a printed page; 0 when the whole table moves to the next page."""
        cap, used, first, cuts = self.m.capacity, self.sheet.used, 0, list[int]()
        head = sum(units[: self.head]) if repeat else 0
        movable = self.sheet.used > 0  # the table starts below other content: it may move whole
        pending = list(forced)

        def short_spans(j: int) -> list[Span]:
            return [s for s in spans if s.start < j < s.end and sum(units[s.start : j]) < s.need]

        i = 0
        while i < len(units):
            pending = [p for p in pending if p > first and p >= i]
            cut = None
            if pending and pending[0] == i:
                if short_spans(i):  # the merged label would not fit above the break: one row later
                    pending[0] += 1
                else:
                    cut = pending.pop(0)
            elif used + units[i] > cap and (i > first or movable):
                cut = min([s.start for s in short_spans(i) if s.start > first] + [i])
                if cut <= self.head:  # the header stays with the first data row
                    cut = 0 if movable else (None if i <= self.head else i)
            if cut == 0:
                movable, used, i = False, 0, 0
                cuts.append(0)
                continue
            if cut is not None:
                cuts.append(cut)
                used, first, i = head, cut, cut
            used += units[i]
            i += 1
        return sorted(set(cuts))

    def place(self, breaks: TableBreaks) -> None:
        m, sheet = self.m, self.sheet
        rows = [list(r) for r in self.item["rows"]]
        head_units = sum(self.units(rows[: self.head])[0]) if breaks.repeat_header else 0
        rows, where = self.split_tall_rows(rows, m.capacity - head_units - 1)
        units, spans = self.units(rows)
        cuts = self.paginate(units, spans, sorted(where[b] for b in breaks.before), breaks.repeat_header)
        if 0 in cuts:
            sheet.page_break()
        starts = [c for c in cuts if c > 0]
        done, rest = 0, rows
        for cut in [*starts, len(rows)]:
            part, rest = split_rows(rest, cut - done) if cut < len(rows) else (rest, [])
            if done:
                sheet.page_break()
                if breaks.repeat_header:
                    self.emit(rows[: self.head], units[: self.head])
            self.emit(part, units[done:cut])
            done = cut
        sheet.advance(1)  # a blank grid row after the table

    def emit(self, rows: list[Row], units: list[int]) -> None:
        top = self.sheet.n_rows
        tops = [top + sum(units[:r]) for r in range(len(rows))]
        for r, row in enumerate(rows):
            for c, cell in enumerate(row):
                if cell is None:
                    continue
                spec = cell_spec(cell)
                n, span = int(spec.get("rowspan", 1)), int(spec.get("colspan", 1))
                cols = (self.bounds[c], self.bounds[c + span])
                self.sheet.place_cell(spec, tops[r], sum(units[r : r + n]), cols, self.xscale(c))
        self.sheet.advance(sum(units))


def split_text(text: str, m: Metrics, width_mm: float, max_lines: int) -> list[str]:
    """`text` in pieces of at most `max_lines` printed lines: at paragraph ends where possible,
    else inside a paragraph (its markup dropped)."""

    def fits(t: str) -> bool:
        return count_lines(plain_text(t), m.font, m.size, width_mm) <= max_lines

    pieces: list[str] = []
    current: list[str] = []
    for para in text.split("\n"):
        while not fits("\n".join([*current, para])):
            if current:
                pieces.append("\n".join(current))
                current = []
                continue
            plain = plain_text(para)
            lo, hi = 1, len(plain)
            while lo < hi:  # the longest prefix that fits
                mid = (lo + hi + 1) // 2
                lo, hi = (mid, hi) if fits(plain[:mid]) else (lo, mid - 1)
            pieces.append(plain[:lo])
            para = plain[lo:]
        current.append(para)
    pieces.append("\n".join(current))
    return pieces
