"""The figures section: every printed cell that holds a figure, beside what was extracted from it.

For PDFs the cell is cut from its page at the row's bounding box (`crops.Cropper`); for text
renditions the cell's text and line are shown. Outcome figures and the counts read from status
cells are both listed; rows sharing one cell (合計回数 with うち往診 and 訪問診療) share one crop.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from pipeline.report.crops import Box, Cropper, SourceFiles
from pipeline.report.html import Safe, element, esc, image, join, table

BOX_COLUMNS = ["bbox_x0", "bbox_y0", "bbox_x1", "bbox_y1"]


@dataclass
class CropTally:
    made: int = 0
    missing: int = 0


@dataclass
class Cell:
    where: str
    box: Box | None
    order: tuple[float, ...]
    printed: list[str] = field(default_factory=list)  # the texts read from the cell, in order
    extracted: list[str] = field(default_factory=list)

    def add(self, raw: str, extracted: str) -> None:
        if raw not in self.printed:
            self.printed.append(raw)
        self.extracted.append(extracted)


def _outcome_text(row: pd.Series) -> str:
    who = row["institution"] if pd.notna(row["institution"]) else "合計" if row["is_total"] else "?"
    value = row["value"] if pd.notna(row["value"]) else "(blank)"
    return f"{row['metric']} · {row['period']} · {who}: {value}"


def _status_text(row: pd.Series) -> str:
    unit = row["unit"] if pd.notna(row["unit"]) else ""
    return f"取組{row['item_no']} · {row['period']}: {row['value']:g} {unit}"


def _box(row: pd.Series) -> Box | None:
    if pd.isna(row["page"]) or any(pd.isna(row[c]) for c in BOX_COLUMNS):
        return None
    return Box(int(row["page"]), *(float(row[c]) for c in BOX_COLUMNS))


def _where(row: pd.Series) -> str:
    if pd.notna(row["page"]):
        return f"p.{row['page']}"
    return f"l.{row['line']}" if pd.notna(row["line"]) else ""


def document_cells(outcomes: pd.DataFrame, status: pd.DataFrame) -> list[Cell]:
    """One document's cells with figures, in reading order."""
    rows = [(r, r["raw"], _outcome_text(r)) for _, r in outcomes.iterrows()]
    rows += [(r, r["text"], _status_text(r)) for _, r in status[status["value"].notna()].iterrows()]
    cells: dict[tuple[object, ...], Cell] = {}
    for row, raw, text in rows:
        box, where = _box(row), _where(row)
        # A PDF cell is its box; a text cell is its line, period and text (no box tells cells apart).
        key: tuple[object, ...] = (box,) if box else (where, row["period"], raw)
        line = float(row["line"]) if pd.notna(row["line"]) else 0.0
        order = (box.page, box.y0, box.x0) if box else (0.0, line, 0.0)
        cells.setdefault(key, Cell(where, box, order)).add(raw, text)
    return sorted(cells.values(), key=lambda c: c.order)


def _crop_cell(cell: Cell, source: Path | None, cropper: Cropper, tally: CropTally, reason: str) -> Safe:
    if cell.box is None:
        return esc("")
    png = cropper.crop(source, cell.box) if source is not None else None
    if png is None:
        tally.missing += 1
        return element("span", reason if source is None else "box outside the page", class_="missing")
    tally.made += 1
    return element("span", image(png, "image/png", f"{cell.where} {' / '.join(cell.printed)}"), class_="crop")


def _document_table(
    cells: list[Cell], source: Path | None, is_pdf: bool, cropper: Cropper, tally: CropTally, reason: str
) -> Safe:
    rows = []
    for cell in cells:
        printed = join(element("div", p, class_="raw") for p in cell.printed)
        extracted = join(element("div", e) for e in cell.extracted)
        crop = [_crop_cell(cell, source, cropper, tally, reason)] if is_pdf else []
        rows.append([cell.where, *crop, printed, extracted])
    headers = ["where", *(["printed cell"] if is_pdf else []), "as printed", "extracted"]
    return table(headers, rows)


def figures_section(tables: dict[str, pd.DataFrame], sources: SourceFiles, tally: CropTally) -> Safe:
    documents = tables["documents"].sort_values(["source_path", "part"], na_position="first")
    outcomes_by_doc = dict(tuple(tables["outcomes"].groupby("doc_id", sort=False)))
    status_by_doc = dict(tuple(tables["status"].groupby("doc_id", sort=False)))
    body = [element("h2", "Figures beside the printed cell", id="figures")]
    cropper = Cropper()
    try:
        for doc in documents.itertuples(index=False):
            outcomes = outcomes_by_doc.get(doc.doc_id, tables["outcomes"].iloc[0:0])
            status = status_by_doc.get(doc.doc_id, tables["status"].iloc[0:0])
            cells = document_cells(outcomes, status)
            if not cells:
                continue
            is_pdf = doc.source_format == "pdf"
            source = sources.locate(doc.source_path, doc.source_sha256) if is_pdf else None
            reason = f"source file not found unchanged under the input root: {doc.source_path}"
            title = f"{doc.source_path} — {doc.group_key} ({doc.fiscal_year}年度, {doc.rendition})"
            body += [element("h3", title), _document_table(cells, source, is_pdf, cropper, tally, reason)]
    finally:
        cropper.close()
    return join(body)
