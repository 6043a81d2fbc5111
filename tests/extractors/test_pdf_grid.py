"""The grid finder's own `intersections_to_cells` gives pdfplumber's cells, in pdfplumber's order,
on the ruled pages of the fixture PDFs (it only builds each point's edge sets once)."""

from __future__ import annotations

from pathlib import Path

import pymupdf
from pdfplumber import table as plumber_table

from extractors.pdf_grid import (
    DEFAULT_SNAP_TOLERANCE,
    drawing_edges,
    edge,
    find_grids,
    grids_from_edges,
    intersections_to_cells,
)

CORPUS = Path(__file__).parents[1] / "corpus"


def test_intersections_to_cells_is_pdfplumbers() -> None:
    tol = DEFAULT_SNAP_TOLERANCE
    pages = cells = 0
    for path in sorted(CORPUS.glob("*.pdf")):
        with pymupdf.open(path) as doc:
            for page in doc:
                merged = plumber_table.merge_edges(drawing_edges(page.get_cdrawings()), tol, tol, tol, tol)
                points = plumber_table.edges_to_intersections(merged, tol, tol)
                expected = plumber_table.intersections_to_cells(points)
                assert intersections_to_cells(points) == expected, f"{path.name} p.{page.number + 1}"
                pages += 1
                cells += len(expected)
    assert pages >= 12 and cells >= 100  # the fixtures' ruled tables were all compared


def test_a_missing_rule_leaves_no_cell_across_it() -> None:
    """A 2x1 grid whose middle rule stops short: pdfplumber and the port agree cell by cell."""
    edges = [
        {"x0": 0.0, "x1": 100.0, "top": y, "bottom": y, "width": 100.0, "height": 0.0, "orientation": "h"}
        for y in (0.0, 50.0)
    ]
    edges += [
        {"x0": x, "x1": x, "top": 0.0, "bottom": b, "width": 0.0, "height": b, "orientation": "v"}
        for x, b in ((0.0, 50.0), (40.0, 20.0), (100.0, 50.0))
    ]
    points = plumber_table.edges_to_intersections(edges, 3, 3)
    expected = [(0.0, 0.0, 100.0, 50.0)]
    assert intersections_to_cells(points) == plumber_table.intersections_to_cells(points) == expected


def converted_edges(drawings: list[dict[str, object]]) -> list[dict[str, object]]:
    """The edges as read from PyMuPDF's converted `get_drawings()` (Point, Rect and Quad objects)."""
    out = []
    for path in drawings:
        for item in path["items"]:  # type: ignore[attr-defined]
            if item[0] == "l":
                out += edge(item[1], item[2])
            elif item[0] in ("re", "qu"):
                q = pymupdf.Quad(item[1]) if item[0] == "qu" else pymupdf.Rect(item[1]).quad
                for a, b in ((q.ul, q.ur), (q.ur, q.lr), (q.lr, q.ll), (q.ll, q.ul)):
                    out += edge((a.x, a.y), (b.x, b.y))
    return out


def test_edges_from_raw_drawings_are_those_of_converted_ones() -> None:
    """Lines, rectangles and quads (a shape's rectangle too): `get_cdrawings()` read
    directly gives the edges PyMuPDF's Point/Rect/Quad objects give, in the same order."""
    with pymupdf.open() as doc:
        page = doc.new_page()
        page.draw_rect(pymupdf.Rect(50, 50, 200, 100))
        page.draw_quad(pymupdf.Rect(220, 50, 300, 120).quad)
        shape = page.new_shape()
        shape.draw_rect(pymupdf.Rect(250, 200, 400, 300))
        shape.finish()
        shape.commit()
        page.draw_line((10, 400), (500, 400))
        kinds = {item[0] for path in page.get_cdrawings() for item in path["items"]}
        assert kinds == {"l", "re", "qu"}
        edges = drawing_edges(page.get_cdrawings())
        assert len(edges) == 13 and edges == converted_edges(page.get_drawings())
        assert find_grids(page) == grids_from_edges(converted_edges(page.get_drawings()))
