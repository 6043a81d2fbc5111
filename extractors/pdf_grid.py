"""Ruled tables of a PDF page: grids from the drawn rules, and the shapes drawn inside cells.

Grids use pdfplumber's edge -> intersection -> cell functions on the lines PyMuPDF reports (what
PyMuPDF's `find_tables` ports: the same grids on the fixtures, 30-50x faster without its text
pass; see pdf_bench). A merged cell is one box whose top-left slot owns the slots it covers.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pymupdf
from pdfplumber import table as plumber_table

from extractors.blocks import BBox

DEFAULT_GRID_TOLERANCE = 1.5  # pt: cell edges closer than this are one boundary
DEFAULT_SNAP_TOLERANCE = 3.0  # pt: rules closer than this are one (pdfplumber's default)
DEFAULT_SHAPE_MIN = 4.0  # pt: smaller drawings are strokes, not shapes

Edge = dict[str, Any]  # a pdfplumber edge: x0, x1, top, bottom, width, height, orientation


@dataclass(frozen=True)
class Grid:
    bbox: tuple[float, float, float, float]
    xs: tuple[float, ...]  # column boundaries
    ys: tuple[float, ...]  # row boundaries
    cells: tuple[tuple[int, int, tuple[float, float, float, float]], ...]  # top-left (row, col), bbox

    def slot(self, x: float, y: float) -> tuple[int, int]:
        return bisect.bisect(self.ys, y) - 1, bisect.bisect(self.xs, x) - 1

    def owners(self) -> dict[tuple[int, int], tuple[int, int]]:
        """Every (row, col) slot -> the top-left slot of the cell covering it."""
        return {
            (rr, cc): (r, c)
            for r, c, bbox in self.cells
            for rr in range(r, len(self.ys) - 1)
            if self.ys[rr] < bbox[3] - 1
            for cc in range(c, len(self.xs) - 1)
            if self.xs[cc] < bbox[2] - 1
        }


# A page's `get_cdrawings()`, read once for grids and shapes alike: `get_drawings()` without its
# conversion of every point to PyMuPDF objects (the functions here read either).
Drawings = list[dict[str, Any]]
Point = Sequence[float]


def find_grids(page: pymupdf.Page, drawings: Drawings | None = None) -> list[Grid]:
    """Ruled tables from the page's vector lines and boxes (`drawings`: the page's, if read)."""
    return grids_from_edges(drawing_edges(page.get_cdrawings() if drawings is None else drawings))


def drawing_edges(drawings: Drawings) -> list[Edge]:
    """Axis-parallel strokes of lines, rectangles and quads, as pdfplumber edges."""
    edges: list[Edge] = []
    for path in drawings:
        for item in path["items"]:
            if item[0] == "l":
                edges += edge(item[1], item[2])
            elif item[0] == "re":  # the normalized rect's quad: ul, ur, lr, ll
                x0, y0, x1, y1 = item[1]
                x0, x1 = (x1, x0) if x1 < x0 else (x0, x1)
                y0, y1 = (y1, y0) if y1 < y0 else (y0, y1)
                ul, ur, lr, ll = (x0, y0), (x1, y0), (x1, y1), (x0, y1)
                for a, b in ((ul, ur), (ur, lr), (lr, ll), (ll, ul)):
                    edges += edge(a, b)
            elif item[0] == "qu":  # a quad's corners: ul, ur, ll, lr
                ul, ur, ll, lr = item[1]
                for a, b in ((ul, ur), (ur, lr), (lr, ll), (ll, ul)):
                    edges += edge(a, b)
    return edges


def edge(a: Point, b: Point) -> list[Edge]:
    x0, x1, top, bottom = min(a[0], b[0]), max(a[0], b[0]), min(a[1], b[1]), max(a[1], b[1])
    kind = "h" if bottom - top < 0.01 < x1 - x0 else "v" if x1 - x0 < 0.01 < bottom - top else None
    box = {"x0": x0, "x1": x1, "top": top, "bottom": bottom, "width": x1 - x0, "height": bottom - top}
    return [{**box, "orientation": kind}] if kind else []


def grids_from_edges(edges: list[Edge]) -> list[Grid]:
    """pdfplumber's lines algorithm: merged edges -> intersections -> cells -> tables (the one
    PyMuPDF's find_tables ports); a grid inside another grid (a drawn box) is not a table."""
    tol = DEFAULT_SNAP_TOLERANCE
    merged = plumber_table.merge_edges(edges, tol, tol, tol, tol)
    cells = intersections_to_cells(plumber_table.edges_to_intersections(merged, tol, tol))
    return drop_nested([grid_from_cells(list(t)) for t in plumber_table.cells_to_tables(cells)])


def intersections_to_cells(intersections: dict[tuple[float, float], dict[str, list[Edge]]]) -> list[BBox]:
    """pdfplumber's `intersections_to_cells`, the same cells in the same order: each point's
    smallest cell whose four corners its edges connect. pdfplumber builds each point's edge set
    anew for every pair it compares (most of a page's grid time); here once per point, and a
    point's candidates below and to the right come from its column and row."""
    points = sorted(intersections)
    v_edges = {p: {_edge_box(e) for e in ends["v"]} for p, ends in intersections.items()}
    h_edges = {p: {_edge_box(e) for e in ends["h"]} for p, ends in intersections.items()}
    column: dict[float, list[tuple[float, float]]] = {}
    row: dict[float, list[tuple[float, float]]] = {}
    for p in points:  # in sorted order, so each list runs as pdfplumber scans the points after p
        column.setdefault(p[0], []).append(p)
        row.setdefault(p[1], []).append(p)

    def connects(p1: tuple[float, float], p2: tuple[float, float]) -> bool:
        return (p1[0] == p2[0] and not v_edges[p1].isdisjoint(v_edges[p2])) or (
            p1[1] == p2[1] and not h_edges[p1].isdisjoint(h_edges[p2])
        )

    cells: list[BBox] = []
    for pt in points[:-1]:
        below = [p for p in column[pt[0]] if p > pt]
        right = [p for p in row[pt[1]] if p > pt]
        cell = next(
            (
                (pt[0], pt[1], r[0], b[1])
                for b in below
                if connects(pt, b)
                for r in right
                if connects(pt, r)
                and (r[0], b[1]) in intersections
                and connects((r[0], b[1]), r)
                and connects((r[0], b[1]), b)
            ),
            None,
        )
        if cell is not None:
            cells.append(cell)
    return cells


def _edge_box(e: Edge) -> BBox:
    return (e["x0"], e["top"], e["x1"], e["bottom"])  # pdfplumber's `obj_to_bbox`


def drop_nested(grids: list[Grid]) -> list[Grid]:
    return [g for g in grids if not any(h is not g and contains(h.bbox, g.bbox) for h in grids)]


def grid_from_cells(boxes: list[tuple[float, float, float, float]]) -> Grid:
    xs = cluster([b[0] for b in boxes] + [b[2] for b in boxes])
    ys = cluster([b[1] for b in boxes] + [b[3] for b in boxes])
    cells = sorted((nearest(ys, b[1]), nearest(xs, b[0]), (b[0], b[1], b[2], b[3])) for b in boxes)
    bbox = (xs[0], ys[0], xs[-1], ys[-1])
    return Grid(bbox, tuple(xs), tuple(ys), tuple(cells))


def nearest(values: list[float], v: float) -> int:
    return min(range(len(values)), key=lambda i: abs(values[i] - v))


def cluster(values: list[float], tolerance: float = DEFAULT_GRID_TOLERANCE) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > tolerance:
            out.append(v)
    return out


def contains(outer: Sequence[float], inner: Sequence[float], margin: float = 0.5) -> bool:
    return (
        outer[0] - margin <= inner[0]
        and outer[1] - margin <= inner[1]
        and inner[2] <= outer[2] + margin
        and inner[3] <= outer[3] + margin
    )


def shape_boxes(page: pymupdf.Page, grids: list[Grid], drawings: Drawings | None = None) -> list[BBox]:
    """Drawn shapes (closed boxes, rounded boxes, text frames) lying inside a table cell."""
    boxes: list[BBox] = []
    for path in page.get_cdrawings() if drawings is None else drawings:
        r = tuple(path["rect"])
        if r[2] - r[0] < DEFAULT_SHAPE_MIN or r[3] - r[1] < DEFAULT_SHAPE_MIN:
            continue
        if any(
            contains((b[0] + 1, b[1] + 1, b[2] - 1, b[3] - 1), r, 0) for g in grids for _, _, b in g.cells
        ):
            boxes.append(r)
    return boxes
