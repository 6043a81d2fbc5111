"""The grid finder's own `intersections_to_cells` gives pdfplumber's cells, in pdfplumber's order,
on the ruled pages of the fixture PDFs (it only builds each point's edge sets once)."""

from __future__ import annotations

from pathlib import Path

import pymupdf
from pdfplumber import table as plumber_table

from extractors.pdf_grid import DEFAULT_SNAP_TOLERANCE, drawing_edges, intersections_to_cells

CORPUS = Path(__file__).parents[1] / "corpus"


def test_intersections_to_cells_is_pdfplumbers() -> None:
    tol = DEFAULT_SNAP_TOLERANCE
    pages = cells = 0
    for path in sorted(CORPUS.glob("*.pdf")):
        with pymupdf.open(path) as doc:
            for page in doc:
                merged = plumber_table.merge_edges(drawing_edges(page.get_drawings()), tol, tol, tol, tol)
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
