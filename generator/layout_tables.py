"""The bordered tables of a layout document: 取組 (items), 別添1 (members) and 取組効果 (outcomes).

A cell is a string or {"text", "rowspan", "colspan", "align", "valign", "chart"}; None marks a
position covered by a merged cell ("\n" separates paragraphs; <b>, <small> inline), as in
tests/fixtures/make_pdfs.py. Tables carry "role" (items, members, outcomes).
"""

from __future__ import annotations

import itertools
import random
from typing import Any

from generator.truth import Bullet, Item, Member, OutcomeSection, ReportTruth, StatusCell
from generator.wording import DESIGNATION_MARKS, ROLE_LABELS, TOTAL_ROW_LABEL, WORDING

Cell = str | dict[str, Any] | None
CHART_ROW_MM = 13.0
CHART_BOX_MM = 7.0
CHAR_MM_PER_PT = 0.36  # a CJK glyph is about one em wide: 1 pt = 0.3528 mm, plus spacing


def _scaled(fractions: list[float], width: float) -> list[float]:
    total = sum(fractions)
    return [round(width * f / total, 1) for f in fractions]


def bullet_paragraphs(bullet: Bullet) -> list[str]:
    """A bullet prints its marker and head line, then its body lines as paragraphs of their own."""
    head = (bullet.marker or "") + bullet.lines[0]
    return [head, *bullet.lines[1:]]


def status_paragraphs(cell: StatusCell) -> list[str]:
    out = [p for p in (cell.group_line, cell.reference_note) if p]
    return out + [(s.marker or "") + s.text for s in cell.segments]


def chart_spec(rows: tuple[tuple[str, ...], ...], width_mm: float, font_pt: float) -> dict[str, Any]:
    """Boxes of the org chart, row by row, centred in the cell, with connector lines between rows."""
    boxes: list[dict[str, Any]] = []
    lines: list[list[float]] = []
    shapes = ("round", "rect", "frame")
    centres_above: list[float] = []
    for index, labels in enumerate(rows):
        y = 1.5 + index * CHART_ROW_MM
        slot = (width_mm - 4) / len(labels)
        centres = []
        for position, label in enumerate(labels):
            w = min(slot - 3, len(label) * font_pt * CHAR_MM_PER_PT + 4)
            x = 2 + slot * position + (slot - w) / 2
            shape = shapes[min(index, len(shapes) - 1)]
            boxes.append(
                {"text": label, "x": round(x, 1), "y": y, "w": round(w, 1), "h": CHART_BOX_MM, "shape": shape}
            )
            centres.append(round(x + w / 2, 1))
        if centres_above:
            bus = y - (CHART_ROW_MM - CHART_BOX_MM) / 2
            lines.append([centres_above[0], bus, centres_above[0], y - (CHART_ROW_MM - CHART_BOX_MM)])
            lines.append([min(centres), bus, max(centres), bus])
            lines += [[c, bus, c, y] for c in centres]
        centres_above = centres
    return {"height": round(len(rows) * CHART_ROW_MM, 1), "boxes": boxes, "lines": lines}


def items_table(truth: ReportTruth, width: float, font_pt: float, rng: random.Random) -> dict[str, Any]:
    wording = WORDING[truth.form]
    status_share = rng.uniform(0.1, 0.15)
    widths = _scaled([0.14, 1 - 0.14 - 3 * status_share, status_share, status_share, status_share], width)
    header: list[Cell] = [
        {"text": "取組事項", "align": "center", "valign": "middle"},
        {"text": "取組内容", "align": "center", "valign": "middle"},
    ]
    header += [
        {"text": wording.period_headers[p], "align": "center", "valign": "middle"}
        for p in ("baseline", "plan", "actual")
    ]
    rows: list[list[Cell]] = [header]
    for item in truth.items:
        rows.append(_item_row(item, widths[1], font_pt, rng))
    return {
        "table": "initiatives",
        "role": "items",
        "widths": widths,
        "header_rows": 1,
        "repeat_header": rng.random() < 0.5,
        "rows": rows,
    }


def _item_row(item: Item, content_width: float, font_pt: float, rng: random.Random) -> list[Cell]:
    content: dict[str, Any] = {"text": "\n".join(p for b in item.bullets for p in bullet_paragraphs(b))}
    if item.chart:
        content["chart"] = chart_spec(item.chart, content_width, font_pt)
    cells: list[Cell] = ["\n".join(item.title_lines), content]
    for status in item.status:
        paragraphs = status_paragraphs(status)
        short = len(paragraphs) <= 1 and all(len(p) <= 12 for p in paragraphs)
        align = "center" if short and rng.random() < 0.7 else "left"
        cells.append({"text": "\n".join(paragraphs), "align": align, "valign": "middle" if short else "top"})
    return cells


def members_table(truth: ReportTruth, width: float, rng: random.Random) -> dict[str, Any]:
    widths = _scaled([0.19, 0.13, 0.25, 0.28, 0.15], width)
    header: list[Cell] = [{"text": h, "align": "center", "valign": "middle"} for h in truth.member_headers]
    rows: list[list[Cell]] = [header]
    for _, group in itertools.groupby(truth.members, key=lambda m: m.role):  # the role cell spans its run
        run = list(group)
        for offset, member in enumerate(run):
            role: Cell = None
            if offset == 0:
                role = {"text": ROLE_LABELS[member.role], "valign": "middle"}
                if len(run) > 1:
                    role["rowspan"] = len(run)
            rows.append([role, *_member_cells(member)])
    return {
        "table": "members",
        "role": "members",
        "widths": widths,
        "header_rows": 1,
        "repeat_header": rng.random() < 0.5,
        "rows": rows,
    }


def _member_cells(member: Member) -> list[Cell]:
    mark = DESIGNATION_MARKS[member.designation] if member.designation else ""
    return [
        {"text": mark, "align": "center", "valign": "middle"},
        {"text": member.name, "valign": "middle"},
        {"text": member.address, "valign": "middle"},
        {"text": member.phone_printed, "valign": "middle"},
    ]


def _figure(text: str) -> dict[str, Any]:
    return {"text": text, "align": "center", "valign": "middle"}


def outcome_table(section: OutcomeSection, width: float, rng: random.Random) -> dict[str, Any]:
    table: dict[str, Any] = {"table": f"outcome_{section.section}", "role": "outcomes", "header_rows": 1}
    headers: list[Cell] = [_figure(c.header) for c in section.columns]
    if section.style == "group_total":
        table["widths"] = _scaled([0.22, 0.26, 0.26, 0.26], width)
        table["rows"] = _group_total_rows(section, headers)
    elif section.style == "metric_rows":
        share = 0.8 / len(section.columns)
        table["widths"] = _scaled([0.2] + [share] * len(section.columns), width)
        table["rows"] = _metric_rows(section, headers)
    else:
        share = 0.7 / len(section.columns)
        table["widths"] = _scaled([0.14, 0.16] + [share] * len(section.columns), width)
        table["rows"] = _institution_rows(section, headers, merged_total=rng.random() < 0.5)
    return table


def _group_total_rows(section: OutcomeSection, headers: list[Cell]) -> list[list[Cell]]:
    """Seed 000: the section's label spans the header row and the one row of figures."""
    label: Cell = {"text": section.label, "rowspan": 2, "valign": "middle"}
    return [[label, *headers], [None, *(_figure(c.printed) for c in section.rows[0].cells)]]


def _metric_rows(section: OutcomeSection, headers: list[Cell]) -> list[list[Cell]]:
    body: list[list[Cell]] = [
        [{"text": r.label, "valign": "middle"}, *(_figure(c.printed) for c in r.cells)] for r in section.rows
    ]
    return [[{"text": ""}, *headers], *body]


def _institution_rows(section: OutcomeSection, headers: list[Cell], merged_total: bool) -> list[list[Cell]]:
    """The label column spans the institution rows; the 合計 label spans both label columns
    (r3_ami), or the label column spans the 合計 row too (r4_mito)."""
    institution: Cell = {"text": section.institution_header or "", "align": "center", "valign": "middle"}
    rows: list[list[Cell]] = [[{"text": ""}, institution, *headers]]
    body = [r for r in section.rows if r.kind != "total"]
    total = next(r for r in section.rows if r.kind == "total")
    span = len(body) if merged_total else len(body) + 1
    for index, row in enumerate(body):
        label: Cell = {"text": section.label, "rowspan": span, "valign": "middle"} if index == 0 else None
        name: Cell = {"text": row.label, "valign": "middle"}
        rows.append([label, name, *(_figure(c.printed) for c in row.cells)])
    cells = [_figure(c.printed) for c in total.cells]
    if merged_total:
        rows.append([{"text": TOTAL_ROW_LABEL, "colspan": 2, "valign": "middle"}, None, *cells])
    else:
        rows.append([None, {"text": TOTAL_ROW_LABEL, "valign": "middle"}, *cells])
    return rows
